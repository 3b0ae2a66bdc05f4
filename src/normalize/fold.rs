//! Folding one character into its matching key.
//!
//! Every character of a text (and of a lexicon term) is either **kept** as one key character
//! or **skipped** as a separator that a match may bridge. Nothing ever expands into two
//! characters, so each key character maps back to exactly one original character.
//!
//! - ASCII and full-width letters → lower-case ASCII; circled and parenthesised letters too.
//! - digit styles → ASCII digits: full-width `１`, circled `①`, parenthesised `⑴`, `⒈`,
//!   dingbat `❶ ➀ ➊`, super/subscript, mathematical digits, `〇 零 一 … 九`, `壹 贰 … 玖`.
//! - traditional characters → simplified (table from the `fast2s` crate).
//! - Chinese sentence punctuation and line breaks are kept as themselves: they are boundaries
//!   that no term crosses.
//! - everything else that is not a letter or a digit (spaces, ASCII punctuation, symbols,
//!   emoji, zero-width and other format characters, combining marks) is skipped.

use super::t2s::{to_simplified, TABLE_FIRST, TABLE_LAST};
use std::sync::OnceLock;

/// What the normaliser does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Part of the key, as this character.
    Keep(char),
    /// A separator. `visible` is false for characters that take no space on screen
    /// (zero-width and format characters, variation selectors, combining marks), which do not
    /// count towards the gap limit.
    Skip { visible: bool },
}

/// Characters that end a sentence or clause in Chinese text, and line breaks. A term never
/// matches across them (so "出口，交给" cannot produce "口交").
#[inline]
pub fn is_boundary(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{2028}' | '\u{2029}'
            | '、' | '。' | '，' | '；' | '：' | '？' | '！'
            | '“' | '”' | '‘' | '’' | '《' | '》' | '〈' | '〉'
            | '「' | '」' | '『' | '』' | '【' | '】' | '（' | '）' | '〔' | '〕'
            | '…' | '—'
    )
}

/// Invisible characters: they never count towards the gap between two matched characters.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0x1F3FB..=0x1F3FF | 0xE0000..=0xE007F | 0xE0100..=0xE01EF
        | 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The digit value of Chinese numerals and the financial forms (after simplification).
#[inline]
fn cjk_digit(c: char) -> Option<u8> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

#[inline]
fn digit(d: u32) -> char {
    char::from_digit(d, 10).expect("digit below 10")
}

#[inline]
fn letter(offset: u32) -> char {
    char::from_u32('a' as u32 + offset).expect("letter")
}

static CJK: OnceLock<Vec<u16>> = OnceLock::new();

/// The folded key of every code point in U+3400–U+9FFF (simplified, then Chinese numerals to
/// ASCII digits), so the hot loop does one lookup per CJK character.
pub(crate) fn cjk_table() -> &'static [u16] {
    CJK.get_or_init(|| {
        (TABLE_FIRST..=TABLE_LAST)
            .map(|cp| {
                let s = to_simplified(char::from_u32(cp).expect("CJK code point"));
                match cjk_digit(s) {
                    Some(d) => b'0' as u16 + d as u16,
                    None => s as u32 as u16,
                }
            })
            .collect()
    })
}

/// Folds one character, with the CJK table fetched by the caller (see [`cjk_table`]).
#[inline(always)]
pub(crate) fn fold_with(c: char, cjk: &[u16]) -> Fold {
    let cp = c as u32;
    if (TABLE_FIRST..=TABLE_LAST).contains(&cp) {
        // The table covers exactly this range; its values are BMP scalar values.
        let k = cjk[(cp - TABLE_FIRST) as usize] as u32;
        return Fold::Keep(char::from_u32(k).unwrap_or(c));
    }
    fold_slow(c)
}

/// Folds one character. See the module documentation.
#[inline]
pub fn fold(c: char) -> Fold {
    fold_with(c, cjk_table())
}

#[inline]
fn fold_slow(c: char) -> Fold {
    let cp = c as u32;
    if cp < 0x80 {
        return match c {
            'A'..='Z' => Fold::Keep(c.to_ascii_lowercase()),
            'a'..='z' | '0'..='9' => Fold::Keep(c),
            '\n' | '\r' => Fold::Keep(c),
            _ => Fold::Skip { visible: !c.is_ascii_control() || c == '\t' },
        };
    }
    match cp {
        // Full-width ASCII variants.
        0xFF10..=0xFF19 => return Fold::Keep(digit(cp - 0xFF10)),
        0xFF21..=0xFF3A => return Fold::Keep(letter(cp - 0xFF21)),
        0xFF41..=0xFF5A => return Fold::Keep(letter(cp - 0xFF41)),
        // Circled, parenthesised and full-stop digits.
        0x2460..=0x2468 => return Fold::Keep(digit(cp - 0x2460 + 1)),
        0x2474..=0x247C => return Fold::Keep(digit(cp - 0x2474 + 1)),
        0x2488..=0x2490 => return Fold::Keep(digit(cp - 0x2488 + 1)),
        0x24EA | 0x24FF | 0x1F100 | 0x1F101 => return Fold::Keep('0'),
        0x24F5..=0x24FD => return Fold::Keep(digit(cp - 0x24F5 + 1)),
        0x2776..=0x277E => return Fold::Keep(digit(cp - 0x2776 + 1)),
        0x2780..=0x2788 => return Fold::Keep(digit(cp - 0x2780 + 1)),
        0x278A..=0x2792 => return Fold::Keep(digit(cp - 0x278A + 1)),
        0x1F102..=0x1F10A => return Fold::Keep(digit(cp - 0x1F102 + 1)),
        // Super- and subscripts.
        0x2070 => return Fold::Keep('0'),
        0x00B9 => return Fold::Keep('1'),
        0x00B2 => return Fold::Keep('2'),
        0x00B3 => return Fold::Keep('3'),
        0x2074..=0x2079 => return Fold::Keep(digit(cp - 0x2074 + 4)),
        0x2080..=0x2089 => return Fold::Keep(digit(cp - 0x2080)),
        // Mathematical digits (bold, double-struck, sans-serif, …): five runs of ten.
        0x1D7CE..=0x1D7FF => return Fold::Keep(digit((cp - 0x1D7CE) % 10)),
        // Circled and parenthesised letters.
        0x24B6..=0x24CF => return Fold::Keep(letter(cp - 0x24B6)),
        0x24D0..=0x24E9 => return Fold::Keep(letter(cp - 0x24D0)),
        0x249C..=0x24B5 => return Fold::Keep(letter(cp - 0x249C)),
        0x1F130..=0x1F149 => return Fold::Keep(letter(cp - 0x1F130)),
        0x1F150..=0x1F169 => return Fold::Keep(letter(cp - 0x1F150)),
        0x1F170..=0x1F189 => return Fold::Keep(letter(cp - 0x1F170)),
        0x1F1E6..=0x1F1FF => return Fold::Keep(letter(cp - 0x1F1E6)),
        // 〇 and the white circle used for it.
        0x3007 | 0x25CB => return Fold::Keep('0'),
        _ => {}
    }
    if is_boundary(c) {
        return Fold::Keep(c);
    }
    if is_invisible(c) {
        return Fold::Skip { visible: false };
    }
    if c.is_alphanumeric() {
        // CJK extensions, kana, hangul, other scripts: kept; single-char lower case when it exists.
        let mut lower = c.to_lowercase();
        return match (lower.next(), lower.next()) {
            (Some(l), None) => Fold::Keep(l),
            _ => Fold::Keep(c),
        };
    }
    Fold::Skip { visible: true }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> String {
        s.chars()
            .filter_map(|c| match fold(c) {
                Fold::Keep(k) => Some(k),
                Fold::Skip { .. } => None,
            })
            .collect()
    }

    #[test]
    fn width_and_case() {
        assert_eq!(key("ＡＢｃ１２"), "abc12");
        assert_eq!(key("AV女优"), "av女优");
    }

    #[test]
    fn digit_styles_are_one_key() {
        for s in ["64", "６４", "⑥④", "六四", "陆肆", "❻❹", "⑹⑷", "⒍⒋", "⁶⁴", "𝟔𝟒"] {
            assert_eq!(key(s), "64", "{s}");
        }
        assert_eq!(key("二〇二六"), "2026");
        assert_eq!(key("二○二六"), "2026");
    }

    #[test]
    fn traditional_is_simplified() {
        assert_eq!(key("網上賭場"), "网上赌场");
    }

    #[test]
    fn separators_are_skipped_and_boundaries_kept() {
        assert_eq!(key("赌 *博\u{200b}"), "赌博");
        assert_eq!(key("赌😀博"), "赌博");
        assert_eq!(key("出口，交给"), "出口，交给");
        assert_eq!(key("a\nb"), "a\nb");
    }

    #[test]
    fn invisible_characters() {
        assert_eq!(fold('\u{200b}'), Fold::Skip { visible: false });
        assert_eq!(fold('\u{fe0f}'), Fold::Skip { visible: false });
        assert_eq!(fold('*'), Fold::Skip { visible: true });
        assert_eq!(fold('😀'), Fold::Skip { visible: true });
    }
}
