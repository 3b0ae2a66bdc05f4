//! Traditional → simplified Chinese, one character to one character.
//!
//! The table comes from the `fast2s` crate (MIT), whose mapping is character to character and
//! lies entirely in the CJK blocks U+3400–U+9FFF. We expand it once into a dense array so the
//! normaliser can look a character up in O(1) without hashing. Context-dependent exceptions of
//! `fast2s` (乾隆 keeps 乾) do not apply here: this table only builds a matching key, applied
//! identically to lexicon terms and to text, so a context-free mapping is what we want.

use std::sync::OnceLock;

const FIRST: u32 = 0x3400;
const LAST: u32 = 0x9FFF;

static TABLE: OnceLock<Vec<u16>> = OnceLock::new();

/// The dense table: for each code point in U+3400–U+9FFF, its simplified form, or 0 when it
/// has none. Callers in hot loops fetch it once.
pub(crate) fn table() -> &'static [u16] {
    TABLE.get_or_init(|| {
        // Space-separated so that fast2s's two-character exceptions never fire.
        let mut all = String::with_capacity(((LAST - FIRST + 1) * 4) as usize);
        for cp in FIRST..=LAST {
            all.push(char::from_u32(cp).expect("CJK code point"));
            all.push(' ');
        }
        let converted = fast2s::convert(&all);
        let table: Vec<u16> = converted
            .chars()
            .step_by(2)
            .map(|c| c as u32)
            .map(|cp| if (FIRST..=LAST).contains(&cp) { cp as u16 } else { 0 })
            .collect();
        debug_assert_eq!(table.len(), (LAST - FIRST + 1) as usize);
        table
    })
}

/// The simplified form of `c`, or `c` itself.
#[inline]
pub fn to_simplified(c: char) -> char {
    let cp = c as u32;
    if !(FIRST..=LAST).contains(&cp) {
        return c;
    }
    match table()[(cp - FIRST) as usize] {
        0 => c,
        s => char::from_u32(s as u32).unwrap_or(c),
    }
}

/// The first code point of the dense table.
pub(crate) const TABLE_FIRST: u32 = FIRST;
/// The last code point of the dense table.
pub(crate) const TABLE_LAST: u32 = LAST;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_common_traditional_characters() {
        let pairs = [('賭', '赌'), ('博', '博'), ('禁', '禁'), ('毒', '毒'), ('槍', '枪'), ('彈', '弹'), ('詐', '诈'), ('騙', '骗'), ('貳', '贰'), ('陸', '陆')];
        for (t, s) in pairs {
            assert_eq!(to_simplified(t), s, "{t}");
        }
    }

    #[test]
    fn leaves_other_characters_alone() {
        for c in ['a', '1', '赌', '😀', '\u{200b}', '乾'] {
            let s = to_simplified(c);
            assert!(s == c || c == '乾', "{c} -> {s}");
        }
    }
}
