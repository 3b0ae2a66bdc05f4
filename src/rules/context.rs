//! Context of a lexicon hit: does the text around a prohibited term report it, teach against
//! it, negate it, or solicit it?
//!
//! The cues are lexicon entries of the pseudo-rule `context` (`lexicons/rules/context.txt`),
//! matched in the same scan as every other list, in three categories:
//! - `enforcement`: police, courts and regulators reporting a case (警方, 抓获, 依法查处…);
//! - `education`: prevention, lessons and warnings (禁毒宣传, 主题班会, 提高防范意识…);
//! - `solicitation`: offers and lures (加微信, 日赚, 稳赚不赔, 货到付款…).
//!
//! [`judge`] decides, for one hit, in this order (the first that applies wins):
//! 1. a negation just before the hit in the same clause (拒绝、远离、严禁、不要… up to
//!    [`NEGATION_REACH`] characters, across a `、` list): [`Verdict::Negated`];
//! 2. an enforcement or education cue in the same sentence at most [`CUE_REACH`] characters
//!    away, or a weak one at most [`WEAK_CUE_REACH`]: [`Verdict::Lowered`];
//! 3. an article whose genre is a report or lesson ([`is_report_or_lesson`], and which reports
//!    or teaches against some prohibited term in a sentence of its own): [`Verdict::Lowered`] (a
//!    lure quoted in a report is reported speech);
//! 4. a solicitation cue in the same sentence: [`Verdict::Raised`];
//! 5. otherwise [`Verdict::Plain`].
//!
//! Every scan here is bounded by the sentence or paragraph of the hit, and the cue hits are
//! walked once per paragraph, so judging all hits is linear in the text plus hits × cues of
//! their own paragraph.

use super::{Context, FieldHit};
use crate::finding::Field;

/// The pseudo-rule whose lexicon entries are context cues.
pub const CONTEXT_RULE: &str = "context";

/// How far from a hit (in characters, same sentence) a cue is looked for: a title or a long
/// sentence that mentions 民警 somewhere does not excuse a drug offer at its other end.
pub const CUE_REACH: usize = 24;
/// The same for weak cues (宣传, 安全教育, 通报): they must stand close to the term.
pub const WEAK_CUE_REACH: usize = 3;

/// How far before a hit (in characters) a multi-character negation is looked for.
pub const NEGATION_REACH: usize = 8;

/// A cue's kind, from its lexicon category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Enforcement,
    Education,
    /// Generic report and lesson words (宣传, 通报…): they lower only in their own sentence.
    Weak,
    Solicitation,
}

impl Cue {
    fn of(category: &str) -> Option<Cue> {
        match category {
            "enforcement" => Some(Cue::Enforcement),
            "education" => Some(Cue::Education),
            "weak" => Some(Cue::Weak),
            "solicitation" => Some(Cue::Solicitation),
            _ => None,
        }
    }

    /// Does it lower beyond its own sentence (paragraph, title, article)?
    fn specific(self) -> bool {
        matches!(self, Cue::Enforcement | Cue::Education)
    }
}

/// What the context says about one hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// No cue: the entry's own severity.
    Plain,
    /// A negation governs the hit ("拒绝黄赌毒"): not reported.
    Negated,
    /// Reported or taught against: info. Carries the cue that decided (for the message).
    Lowered(String),
    /// Solicited: block. Carries the cue that decided.
    Raised(String),
}

/// Multi-character negations and prohibitions, matched within [`NEGATION_REACH`] characters
/// before the hit in the same clause.
const NEGATORS: &[&str] = &[
    "拒绝", "远离", "严禁", "禁止", "杜绝", "不要", "切勿", "谨防", "警惕", "抵制", "防止", "不得", "不准", "不许",
    "严厉打击", "打击", "取缔", "举报", "揭露", "识破", "认清", "防范", "抵御", "不碰", "不沾", "不参与", "不涉",
];

/// Single characters that negate only when at most one character before the hit (勿信、别碰).
const NEGATOR_CHARS: &[char] = &['勿', '莫', '别', '禁'];

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n' | '…')
}

fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | ',' | '：' | ':')
}

/// Byte range of the sentence of `text` around `start..end`.
/// The scan stops after [`SENTENCE_SCAN`] characters each way (a cue farther away does not
/// count anyway), so that a text without sentence ends costs no more per hit.
pub fn sentence_of(text: &str, start: usize, end: usize) -> (usize, usize) {
    let back = text[..start].char_indices().rev().take(SENTENCE_SCAN);
    let mut s = start;
    for (i, c) in back {
        if is_sentence_end(c) {
            break;
        }
        s = i;
    }
    let mut e = end;
    for (i, c) in text[end..].char_indices().take(SENTENCE_SCAN) {
        if is_sentence_end(c) {
            break;
        }
        e = end + i + c.len_utf8();
    }
    (s, e)
}

/// How many characters [`sentence_of`] looks at on each side.
pub const SENTENCE_SCAN: usize = 64;

/// Is the hit at `start` negated by what precedes it in its clause?
pub fn negated(text: &str, start: usize) -> bool {
    let before = &text[..start];
    // The window: the clause before the hit, at most NEGATION_REACH characters.
    let mut from = start;
    for (n, (i, c)) in before.char_indices().rev().enumerate() {
        if is_clause_end(c) || n >= NEGATION_REACH {
            break;
        }
        from = i;
    }
    let window = &before[from..];
    // Directly before, or one verb between (勿转、别碰), allowing list separators such as
    // 、 and 和: 勿/别/莫/禁.
    let adjacent = window.trim_end_matches(['、', '和', '与', '及', '或', ' ']);
    if adjacent.chars().rev().take(2).any(|c| NEGATOR_CHARS.contains(&c)) {
        return true;
    }
    // A negator starts at one of the window's few characters: compared there, instead of a
    // substring search set up per negator and hit (a tenth of a lexicon-only check's time).
    window.char_indices().any(|(i, _)| NEGATORS.iter().any(|neg| window[i..].starts_with(neg)))
}

/// How far (bytes) around a hit cue hits are looked at: [`CUE_REACH`] characters of up to 4
/// bytes, plus a cue's own length, with room to spare.
const CUE_WINDOW: usize = 512;

/// The context cue hits near `at` (same text, within [`CUE_WINDOW`] bytes), as (byte start,
/// byte end, cue, term). `at` must be an element of `ctx.hits` (as every [`LexiconHit::at`] is):
/// the walk starts at its index and stops at the window, so judging every hit is linear in the
/// hits, not quadratic.
fn cues_near<'c>(ctx: &'c Context<'_>, at: &FieldHit) -> Vec<(usize, usize, Cue, &'c str)> {
    let hits = ctx.hits;
    let size = std::mem::size_of::<FieldHit>().max(1);
    let offset = (at as *const FieldHit as usize).wrapping_sub(hits.as_ptr() as usize);
    let idx = offset / size;
    if idx >= hits.len() || !std::ptr::eq(&hits[idx], at) {
        return Vec::new();
    }
    let (start, end) = (at.hit.byte_start as usize, at.hit.byte_end as usize);
    let same = |h: &FieldHit| h.field == at.field && h.block == at.block;
    let mut out = Vec::new();
    let mut push = |h: &'c FieldHit| {
        let e = ctx.matcher.entry(h.hit.entry);
        if &*e.rule == CONTEXT_RULE {
            if let Some(c) = Cue::of(&e.category) {
                out.push((h.hit.byte_start as usize, h.hit.byte_end as usize, c, e.term.as_str()));
            }
        }
    };
    let mut i = idx;
    while i > 0 {
        i -= 1;
        let h = &hits[i];
        if !same(h) || (h.hit.byte_start as usize) + CUE_WINDOW < start {
            break;
        }
        push(h);
    }
    for h in &hits[idx + 1..] {
        if !same(h) || h.hit.byte_start as usize > end + CUE_WINDOW {
            break;
        }
        push(h);
    }
    out
}

/// Is the article as a whole a police report, court news or a prevention lesson? Its title has an
/// enforcement or education cue, or its text has at least three distinct such cues (weak cues
/// such as 宣传 or 通报 do not count).
pub fn is_report_or_lesson(ctx: &Context<'_>) -> bool {
    let mut distinct: Vec<&str> = Vec::new();
    for h in ctx.lexicon_hits(CONTEXT_RULE) {
        let Some(cue) = Cue::of(&h.entry.category) else { continue };
        if !cue.specific() {
            continue;
        }
        if h.at.field == Field::Title {
            return true;
        }
        if !distinct.contains(&h.entry.term.as_str()) {
            distinct.push(&h.entry.term);
            if distinct.len() >= 3 {
                return true;
            }
        }
    }
    false
}

/// Does the title name a prevention campaign or lesson against vice (an `education` cue: 反诈,
/// 禁毒宣传…)? Such an article teaches against whatever it names, wherever it names it.
pub fn title_is_a_lesson(ctx: &Context<'_>) -> bool {
    ctx.lexicon_hits(CONTEXT_RULE).any(|h| h.at.field == Field::Title && Cue::of(&h.entry.category) == Some(Cue::Education))
}

/// Is the hit reported or taught against by a specific (`enforcement` or `education`) cue in its
/// own sentence, near it? Weak cues (宣传, 安全教育, 通报) do not make an article discuss vice.
pub fn specific_cue_near(ctx: &Context<'_>, at: &FieldHit) -> bool {
    let text = ctx.text_of(at.field, at.block);
    let (start, end) = (at.hit.byte_start as usize, at.hit.byte_end as usize);
    let (ss, se) = sentence_of(text, start, end);
    cues_near(ctx, at).into_iter().any(|(cs, ce, cue, _)| {
        cue.specific() && !(cs >= start && ce <= end) && cs >= ss && ce <= se && {
            let gap = if ce <= start { &text[ce..start] } else if cs >= end { &text[end..cs] } else { "" };
            gap.chars().count() <= CUE_REACH
        }
    })
}

/// Judges one hit (see the module documentation). `article_lowered` is
/// [`is_report_or_lesson`] for the article, computed once by the caller (and false when the
/// article carries injected spam, which no genre excuses).
pub fn judge(ctx: &Context<'_>, at: &FieldHit, article_lowered: bool) -> Verdict {
    let text = ctx.text_of(at.field, at.block);
    let (start, end) = (at.hit.byte_start as usize, at.hit.byte_end as usize);
    if negated(text, start) {
        return Verdict::Negated;
    }
    let (ss, se) = sentence_of(text, start, end);
    let mut raise: Option<&str> = None;
    for (cs, ce, cue, term) in cues_near(ctx, at) {
        // A cue that is the hit itself (or inside it) says nothing about it.
        if cs >= start && ce <= end {
            continue;
        }
        let reach = if cue == Cue::Weak { WEAK_CUE_REACH } else { CUE_REACH };
        let near = if ce <= start {
            text[ce..start].chars().count() <= reach
        } else if cs >= end {
            text[end..cs].chars().count() <= reach
        } else {
            true
        };
        let in_sentence = cs >= ss && ce <= se && near;
        match (cue, in_sentence) {
            (Cue::Solicitation, true) => raise = raise.or(Some(term)),
            (Cue::Solicitation, false) => {}
            (_, true) => return Verdict::Lowered(term.to_string()),
            // A cue elsewhere in the paragraph says nothing: a police visit on traffic safety
            // does not excuse a drug offer appended to its paragraph.
            _ => {}
        }
    }
    // A lure quoted in a report or a lesson ("以“日赚千元”为诱饵") is reported speech: the
    // article's genre wins over the sentence's solicitation.
    if article_lowered {
        return Verdict::Lowered(String::new());
    }
    if let Some(term) = raise {
        return Verdict::Raised(term.to_string());
    }
    Verdict::Plain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_chinese_and_ascii_marks() {
        let t = "第一句。出售冰毒，加微信！第三句";
        let start = t.find("冰毒").unwrap();
        let (s, e) = sentence_of(t, start, start + "冰毒".len());
        assert_eq!(&t[s..e], "出售冰毒，加微信");
        assert_eq!(sentence_of("abc", 1, 2), (0, 3));
    }

    #[test]
    fn negations_reach_back_within_the_clause_only() {
        let at = |t: &str, w: &str| negated(t, t.find(w).unwrap());
        assert!(at("同学们要远离黄、赌、毒", "赌"));
        assert!(at("拒绝毒品", "毒品"));
        assert!(at("严禁在校园内出售管制刀具", "出售管制刀具"));
        assert!(at("请勿出售银行卡", "出售银行卡"));
        assert!(at("勿信、勿转刷单返利", "刷单返利"));
        assert!(!at("拒绝加班，出售冰毒", "出售冰毒"));
        assert!(!at("出售冰毒", "出售冰毒"));
        assert!(!at("我们远远地看着那个一直在路边的人出售冰毒", "出售冰毒"));
    }
}
