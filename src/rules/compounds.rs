//! Obscene compounds that no list names (part of rule `prohibited`, category `pornography`).
//!
//! A few characters have an obscene sense and, in ordinary Chinese, occur only inside words:
//! 淫雨 and 浸淫, 穴位 and 洞穴, 牢骚 and 骚扰, 乳制品 and 哺乳, 汉奸 and 奸商. Porn-site vocabulary
//! coins new compounds from them faster than any list can follow (蜜穴, 淫毛, 骚比, 暴奸, 痴乳…).
//! The test: such a character is a *coined compound* when neither the pair it makes with the
//! character before it nor the pair with the character after it occurs inside any word of the
//! dictionary of the context check (jieba's, see [`crate::wording`]). A dictionary pair on
//! either side explains it as part of an ordinary word.
//!
//! Invariants (tested):
//! - the text is read through the lexicon's normaliser, so traditional forms (騷, 姦) and
//!   separators inserted inside the compound (蜜 穴, 蜜\u{200b}穴) are seen as the plain
//!   compound, and the span is the original text, from its first to its last character;
//! - a neighbour is a CJK ideograph in the same clause, with at most
//!   [`crate::lexicon::DEFAULT_MAX_GAP`] visible separators between (punctuation ends a
//!   clause); function characters (的, 了, 在…) are no neighbours, they make no compound, but a
//!   bound character ([`is_bound`]) with nothing else around it (妈妈的穴, 我淫我) is reported by itself;
//! - one pass over the text; dictionary lookups only at the (rare) obscene characters.
//!
//! Rule `prohibited` calls [`find`] only on texts where the lexicon scan met one of the
//! characters (category `compound-core` of the built-in `lexicons/rules/context.txt`), so the
//! check needs the built-in lexicon: with `builtinLexicon: false` it does not run.
//!
//! What it does not do: characters that are ordinary verbs or everyday words (插, 射, 逼, 色,
//! 性, 舔) stay with the lexicons' families, because a pair across two words (老逼我, 小狗舔我)
//! would look coined. Acupoint names (睛明穴, 太冲穴) are a word followed by 穴: a 穴 whose left
//! neighbour ends a dictionary pair is a suffix, not a compound.

use crate::lexicon::{DEFAULT_MAX_GAP, MAX_RAW_GAP};
use crate::normalize::Normalized;

/// Characters with an obscene sense that ordinary text uses only inside words (a `match`, not a
/// string search: it runs on every character of every text).
#[inline]
pub fn is_obscene(c: char) -> bool {
    matches!(c, '淫' | '屌' | '屄' | '肏' | '嫖' | '妓' | '奸' | '穴' | '骚' | '乳' | '肛')
}

/// Whether the normaliser folds `c` into one of [`is_obscene`]'s characters: they and their
/// traditional or variant forms (姦, 婬, 騷; a test checks every character folds as listed).
#[inline]
fn folds_to_obscene(c: char) -> bool {
    is_obscene(c) || matches!(c, '姦' | '婬' | '騷')
}

/// Of [`is_obscene`]'s characters, those that are no word on their own in ordinary text: one
/// standing between function characters only (妈妈的穴, 我淫我) is reported by itself.
fn is_bound(c: char) -> bool {
    matches!(c, '淫' | '屌' | '屄' | '肏' | '嫖' | '穴' | '骚')
}

/// Characters that attach to anything (particles, prepositions, the commonest adverbs): they
/// neither explain an obscene character nor form a compound with it.
const FUNCTION: &str = "的了着过地得之和与及或是在把被将给对向从到为也都就还又再很更最不没个这那我你他她它们吗呢吧啊";

/// A coined compound found in a text: byte offsets of the original, and its obscene character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compound {
    pub start: usize,
    pub end: usize,
    /// The obscene character and its byte offset in the original.
    pub core: char,
    pub core_at: usize,
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether the pair occurs inside a word of the dictionary (with the filters' rare false
/// positives, which make the test miss a compound, never invent one).
fn in_dictionary(model: &crate::wording::Model, a: char, b: char) -> bool {
    model.in_word_pair(a, b) || model.in_rare_pair(a, b)
}

/// Finds the coined compounds of `text`, appending them to `out` in text order.
pub fn find(text: &str, out: &mut Vec<Compound>) {
    // Most texts have none of the characters: decide that before normalising.
    if !text.chars().any(folds_to_obscene) {
        return;
    }
    let norm = Normalized::new(text);
    let key = &norm.key;
    let model = crate::wording::model();
    // The key position of the neighbour of `i` on one side, if it is a CJK ideograph close
    // enough, and whether it is a function character.
    let near = |i: usize, left: bool| -> Option<(usize, bool)> {
        let j = if left { i.checked_sub(1)? } else { i + 1 };
        let c = *key.get(j)?;
        if !is_cjk(c) {
            return None;
        }
        let gap = norm.gap(text, i.min(j), MAX_RAW_GAP);
        (gap.visible <= DEFAULT_MAX_GAP && gap.raw <= MAX_RAW_GAP).then_some((j, FUNCTION.contains(c)))
    };
    // The same, for a neighbour that can form a compound (not a function character).
    let neighbour = |i: usize, left: bool| near(i, left).and_then(|(j, function)| (!function).then_some(j));
    for (i, &c) in key.iter().enumerate() {
        if !is_obscene(c) {
            continue;
        }
        let (l, r) = (neighbour(i, true), neighbour(i, false));
        if l.is_none() && r.is_none() {
            // Between function characters only: a bound character is a word of its own here,
            // unless the dictionary pairs it with one of them.
            let (fl, fr) = (near(i, true), near(i, false));
            let paired = fl.is_some_and(|(j, _)| in_dictionary(model, key[j], c)) || fr.is_some_and(|(j, _)| in_dictionary(model, c, key[j]));
            if is_bound(c) && (fl.is_some() || fr.is_some()) && !paired {
                let (start, end) = (norm.byte[i] as usize, norm.byte_end(text, i));
                if out.last().is_none_or(|last| start >= last.end) {
                    out.push(Compound { start, end, core: c, core_at: start });
                }
            }
            continue;
        }
        if l.is_some_and(|l| in_dictionary(model, key[l], c)) || r.is_some_and(|r| in_dictionary(model, c, key[r])) {
            continue;
        }
        // 睛明穴, 太冲穴: an acupoint's name, a word of its own, then 穴.
        if c == '穴' {
            if let Some(l) = l {
                if neighbour(l, true).is_some_and(|ll| in_dictionary(model, key[ll], key[l])) {
                    continue;
                }
            }
        }
        let (s, e) = (l.unwrap_or(i), r.unwrap_or(i));
        let (start, end) = (norm.byte[s] as usize, norm.byte_end(text, e));
        // Two obscene characters side by side (淫穴) make one compound, not two.
        if let Some(last) = out.last_mut() {
            if start < last.end {
                last.end = last.end.max(end);
                continue;
            }
        }
        out.push(Compound { start, end, core: c, core_at: norm.byte[i] as usize });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    #[test]
    fn reports_coined_compounds() {
        assert_eq!(found("蜜穴"), ["蜜穴"]);
        assert_eq!(found("淫毛"), ["淫毛"]);
        assert_eq!(found("骚比"), ["骚比"]);
        assert_eq!(found("暴奸"), ["暴奸"]);
        assert_eq!(found("最新偷拍美女蜜穴图片"), ["蜜穴图"]);
        assert_eq!(found("淫穴"), ["淫穴"]);
        assert_eq!(found("妈妈的穴"), ["穴"]);
        assert_eq!(found("我淫我"), ["淫"]);
    }

    #[test]
    fn the_quick_test_knows_every_form_that_folds_to_an_obscene_character() {
        for c in (0x80u32..0x30000).filter_map(char::from_u32) {
            if let crate::normalize::Fold::Keep(k) = crate::normalize::fold(c) {
                assert_eq!(is_obscene(k), folds_to_obscene(c), "{c} folds to {k}");
            }
        }
        assert_eq!(found("婬毛"), ["婬毛"]);
    }

    #[test]
    fn sees_through_evasions_and_reports_the_original_span() {
        assert_eq!(found("蜜 穴"), ["蜜 穴"]);
        assert_eq!(found("蜜\u{200b}穴。"), ["蜜\u{200b}穴"]);
        assert_eq!(found("騷比"), ["騷比"]);
        assert_eq!(found("😀淫毛😀"), ["淫毛"]);
    }

    #[test]
    fn spares_ordinary_words_acupoints_and_lone_characters() {
        for text in [
            "淫雨霏霏，连月不开。浸淫其中。骄奢淫逸。",
            "第一节，揉天应穴。第二节，挤按睛明穴。第四节，按太阳穴轮刮眼眶。",
            "按摩太冲穴、涌泉穴、合谷穴、内关穴。",
            "乳鸽、乳猪、酸乳、炼乳、牛乳和乳饮料；乳源瑶族自治县。母乳喂养，哺乳期。",
            "抗战中的汉奸卖国贼；奸商囤积居奇。",
            "满腹牢骚，骚扰电话，各领风骚。",
            "肛肠科，肛门。",
            "洞穴、巢穴、墓穴、穴位。",
            "穴",
            "淫，穴。",
            "乳的",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
