//! `secrecy`: security classification markings and internal-circulation notes.
//!
//! Two sources:
//! - the rule's own scanner finds classification markings, which a word list cannot express
//!   (the ★ is a symbol the lexicon matcher skips): `绝密★启用前`, `机密★10年`, `★秘密`,
//!   `秘密 1年`, `机密` or `绝密级` alone at the start of a line, and the headers `密级：…` and
//!   `保密期限：5年`;
//! - lexicon entries with `@rule secrecy`: the phrases of an internal-circulation note
//!   (`内部资料`, `请勿外传`, `注意保密`…). Secrecy education uses the same words ("不在微信群
//!   传递内部文件"), so entries of the built-in categories are reported only where a note stands:
//!   category `internal` at the start of a clause (or after a subject such as 此件, 本文件,
//!   本文材料, 以上内容 with an optional 为/系/属, or next to another marking) and at its end;
//!   category `notice` on a line of its own (请注意保密 too) or next to another marking. A note
//!   in brackets at the start or the end of a paragraph ("…。（本文材料为内部资料，注意保密）")
//!   is a marking position too: there an `internal` entry may also follow a copula (该资料为内部
//!   资料) and a `notice` entry is reported when it is a clause of its own (（请注意保密）).
//!   Entries of other categories (a user's own list) are reported wherever they occur.
//!
//! Bare 绝密 / 机密 / 秘密 in running text (保守国家秘密, 机密文件管理培训) are never reported, nor
//! is a marking or note inside quotation marks (标注“秘密★1年”字样), which is how secrecy
//! education quotes them.

use super::{Context, LexiconHit, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};
use crate::normalize::{is_boundary, is_invisible, to_simplified, Utf16Cursor};

pub struct Secrecy;

static META: RuleMeta = RuleMeta {
    id: "secrecy",
    name_zh: "涉密标识",
    name_en: "Secrecy markings",
    description_zh: "不得发布涉密或内部资料：识别密级标识（绝密★启用前、机密★10年、秘密★、密级：、保密期限：）和内部资料提示（内部资料、请勿外传、注意保密等）。保密宣传教育中的“国家秘密”“保守秘密”等正常用语不报。",
    description_en: "Secret or internal material must not be published: classification markings (绝密★启用前, 机密★10年, 秘密★, 密级：, 保密期限：) and internal-circulation notes (内部资料, 请勿外传, 注意保密 …). The ordinary words of secrecy education (国家秘密, 保守秘密) are not reported.",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: true,
    options: &[],
};

/// The category of the scanner's own findings.
const MARKING: &str = "marking";
/// Built-in categories whose entries are reported only where a note stands.
const INTERNAL: &str = "internal";
const NOTICE: &str = "notice";

/// How far (in characters) the context checks look around a match.
const WINDOW: usize = 24;

/// Subjects a circulation note may follow: 此件不得外传, 本文件仅供内部参考.
const SUBJECTS: &[&str] = &[
    "此件", "本件", "此文", "本文", "此文件", "本文件", "此资料", "本资料", "此材料", "本材料", "本刊", "本书",
    "此表", "本表", "此稿", "本稿", "本通知", "此通知", "以上内容", "以上信息", "本页", "此页",
];

/// The first words of a longer subject: 本文材料, 此次会议资料, 以上内容, 该文件.
const SUBJECT_HEADS: &[&str] = &["本", "此", "该", "以上", "上述", "以下", "下列"];
/// The last words of a longer subject: the material itself.
const MATERIALS: &[&str] = &["材料", "资料", "文件", "内容", "信息", "文稿", "稿件", "纪要", "讲话", "报告", "通知", "件", "稿", "表", "文"];
/// Between a subject and a note: 本文件为内部资料, 此件系内部文件.
const COPULAS: &[&str] = &["属于", "均为", "均系", "仅为", "为", "系", "属", "是"];
/// Before a notice: 请注意保密, 请务必注意保密.
const PLEASE: &[&str] = &["请务必", "敬请", "务请", "务必", "请", "须", "必须"];
/// How long (in characters) a subject may be.
const SUBJECT_MAX: usize = 10;

fn is_star(c: char) -> bool {
    matches!(c, '★' | '☆' | '▲' | '△' | '⭐' | '✩' | '✪' | '✫' | '✬' | '✭' | '✮' | '✯' | '✰' | '*' | '＊')
}

/// Spaces within a line (line breaks are not spaces here: a marking ends at one).
fn is_space(c: char) -> bool {
    (c.is_whitespace() && !is_line_break(c)) || is_invisible(c)
}

/// Decoration that may stand around a marking without changing its position.
fn is_sep(c: char) -> bool {
    is_space(c)
        || is_star(c)
        || matches!(c, '#' | '＃' | '-' | '－' | '_' | '|' | '/' | '~' | '·' | '•' | '●' | '◆' | '■' | '◇' | '◎')
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Ends of a clause: Chinese sentence punctuation, brackets and quotes, line breaks, and their
/// ASCII forms.
fn is_clause_end(c: char) -> bool {
    is_boundary(c) || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '［' | '］' | '"' | '\'' | '<' | '>')
}

fn is_open_bracket(c: char) -> bool {
    matches!(c, '【' | '（' | '(' | '[' | '［' | '〔' | '「' | '『' | '《' | '〈')
}

fn is_close_bracket(c: char) -> bool {
    matches!(c, '】' | '）' | ')' | ']' | '］' | '〕' | '」' | '』' | '》' | '〉')
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '「' | '『' | '"' | '\'' | '《')
}

/// Is there only decoration between the start of the clause (or of the text) and `at`?
fn at_clause_start(text: &str, at: usize) -> bool {
    for c in text[..at].chars().rev().take(WINDOW) {
        if is_clause_end(c) {
            return true;
        }
        if !is_sep(c) {
            return false;
        }
    }
    text[..at].chars().rev().take(WINDOW + 1).count() <= WINDOW
}

/// Is there only decoration between `at` and the end of the clause (or of the text)?
fn at_clause_end(text: &str, at: usize) -> bool {
    for c in text[at..].chars().take(WINDOW) {
        if is_clause_end(c) {
            return true;
        }
        if !is_sep(c) {
            return false;
        }
    }
    text[at..].chars().take(WINDOW + 1).count() <= WINDOW
}

/// Is there only decoration and opening brackets between the start of the line and `at`?
fn at_line_start(text: &str, at: usize) -> bool {
    for c in text[..at].chars().rev().take(WINDOW) {
        if is_line_break(c) {
            return true;
        }
        if !is_sep(c) && !is_open_bracket(c) {
            return false;
        }
    }
    text[..at].chars().rev().take(WINDOW + 1).count() <= WINDOW
}

/// Is there only decoration and closing brackets between `at` and the end of the line?
fn at_line_end(text: &str, at: usize) -> bool {
    for c in text[at..].chars().take(WINDOW) {
        if is_line_break(c) {
            return true;
        }
        if !is_sep(c) && !is_close_bracket(c) {
            return false;
        }
    }
    text[at..].chars().take(WINDOW + 1).count() <= WINDOW
}

/// The clause before `at` (back to its start, at most [`WINDOW`] characters), without
/// decoration.
fn clause_prefix(text: &str, at: usize) -> &str {
    let mut start = at;
    for (i, c) in text[..at].char_indices().rev().take(WINDOW) {
        if is_clause_end(c) {
            break;
        }
        start = i;
    }
    text[start..at].trim_matches(is_sep)
}

/// Does the clause before `at` consist of a subject such as 此件, 本文件 or 本文材料 (with an
/// optional copula: 本文件为)?
fn after_subject(text: &str, at: usize) -> bool {
    let prefix = clause_prefix(text, at);
    let prefix = COPULAS.iter().find_map(|c| prefix.strip_suffix(c)).unwrap_or(prefix);
    SUBJECTS.contains(&prefix)
        || (prefix.chars().count() <= SUBJECT_MAX
            && SUBJECT_HEADS.iter().any(|h| prefix.starts_with(h))
            && MATERIALS.iter().any(|m| prefix.ends_with(m) && prefix.len() > m.len()))
}

/// Does the clause before `at` end with a copula (该资料为, 以下均为)?
fn after_copula(text: &str, at: usize) -> bool {
    let prefix = clause_prefix(text, at);
    COPULAS.iter().any(|c| prefix.ends_with(c))
}

/// `at` moved back over a polite lead (请, 请务必) that directly precedes it.
fn without_please(text: &str, at: usize) -> usize {
    PLEASE.iter().find_map(|p| text[..at].strip_suffix(p)).map_or(at, str::len)
}

/// Is `start..end` inside a bracketed note that opens its line or closes it (only decoration
/// and a full stop after it): "……。（本文材料为内部资料，注意保密）"?
fn in_bracket_note(text: &str, start: usize, end: usize) -> bool {
    let mut open = None;
    for (i, c) in text[..start].char_indices().rev().take(2 * WINDOW) {
        if is_open_bracket(c) {
            open = Some(i);
            break;
        }
        if is_close_bracket(c) || is_line_break(c) {
            return false;
        }
    }
    let mut close = None;
    for (i, c) in text[end..].char_indices().take(2 * WINDOW) {
        if is_close_bracket(c) {
            close = Some(end + i + c.len_utf8());
            break;
        }
        if is_open_bracket(c) || is_line_break(c) {
            return false;
        }
    }
    let (Some(open), Some(close)) = (open, close) else {
        return false;
    };
    if at_line_start(text, open) {
        return true;
    }
    for c in text[close..].chars().take(WINDOW) {
        if is_line_break(c) {
            return true;
        }
        if !is_sep(c) && !is_close_bracket(c) && !matches!(c, '。' | '.' | '！' | '!') {
            return false;
        }
    }
    text[close..].chars().take(WINDOW + 1).count() <= WINDOW
}

/// Are two spans one note: only decoration and at most one clause punctuation between them?
fn linked(text: &str, end: usize, next_start: usize) -> bool {
    if next_start < end {
        return false;
    }
    let between = &text[end..next_start];
    let mut joints = 0;
    for (n, c) in between.chars().enumerate() {
        if n >= 8 {
            return false;
        }
        if matches!(c, '，' | '、' | '；' | '：' | ',' | ';' | ':' | '。' | '.') {
            joints += 1;
        } else if !is_sep(c) {
            return false;
        }
    }
    joints <= 1
}

/// Directly inside quotation marks: a mention, not a marking.
fn quoted(text: &str, start: usize) -> bool {
    text[..start].chars().next_back().is_some_and(is_open_quote)
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

/// The byte length of `word` at the start of `s`, comparing traditional characters as
/// simplified (長期 is 长期).
fn starts_with_word(s: &str, word: &str) -> Option<usize> {
    let mut len = 0;
    let mut chars = s.chars();
    for w in word.chars() {
        let c = chars.next()?;
        if to_simplified(c) != w {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// Skips spaces (and invisible characters) from `at`.
fn skip_spaces(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start_matches(is_space).len()
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二两三四五六七八九十百".contains(c)
}

/// A protection period at `at`: `10年`, `6个月`, `长期`, `启用前`. Returns its end.
fn period(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    if let Some(len) = ["长期", "启用前", "解密前"].iter().find_map(|w| starts_with_word(rest, w)) {
        return Some(at + len);
    }
    let digits = rest.len() - rest.trim_start_matches(is_numeral).len();
    if digits == 0 {
        return None;
    }
    let after = &rest[digits..];
    let unit = ["个月", "年", "月", "日", "天"].iter().find_map(|u| starts_with_word(after, u))?;
    // 三年级 is a school grade, not a period.
    if starts_with_word(&after[unit..], "级").is_some() {
        return None;
    }
    Some(at + digits + unit)
}

/// A classification word (绝密, 机密, 秘密, traditional forms too) whose 密 is at byte `mi`.
/// Returns its start.
fn level_word(text: &str, mi: usize) -> Option<(usize, char)> {
    let prev = text[..mi].chars().next_back()?;
    let p = to_simplified(prev);
    matches!(p, '绝' | '机' | '秘' | '祕').then(|| (mi - prev.len_utf8(), p))
}

/// A classification marking around the classification word `ws..we`. Returns its span.
fn marking_at(text: &str, ws: usize, we: usize, level: char) -> Option<(usize, usize)> {
    // 级 after the word (秘密级), then stars, then a period.
    let mut end = we;
    let mut i = skip_spaces(text, we);
    let mut has_ji = false;
    if first_char(&text[i..]).map(to_simplified) == Some('级') {
        i += '级'.len_utf8();
        end = i;
        has_ji = true;
    }
    let after_word = end;
    let mut star_after = false;
    loop {
        let j = skip_spaces(text, i);
        match first_char(&text[j..]) {
            Some(c) if is_star(c) => {
                star_after = true;
                i = j + c.len_utf8();
                end = i;
            }
            _ => break,
        }
    }
    let j = skip_spaces(text, if star_after { end } else { after_word });
    let period_end = period(text, j);
    if let Some(p) = period_end {
        end = p;
    }
    // Stars before the word (★绝密, ★★ 机密).
    let mut start = ws;
    loop {
        let before = text[..start].trim_end_matches(is_space);
        match before.chars().next_back() {
            Some(c) if is_star(c) => start = before.len() - c.len_utf8(),
            _ => break,
        }
    }
    let star_before = start < ws;
    if quoted(text, start) {
        return None;
    }
    if star_before || star_after || period_end.is_some() {
        return Some((start, end));
    }
    // Alone at the start of a line: 机密 / 绝密 (秘密 alone is too common a word), or 秘密级.
    if (level != '秘' && level != '祕' || has_ji) && at_line_start(text, ws) {
        let next = first_char(&text[after_word..]);
        if next.is_none_or(|c| is_space(c) || is_line_break(c) || is_close_bracket(c)) {
            return Some((ws, after_word));
        }
    }
    None
}

/// A header `密级：机密` with 密 at `mi`, or `保密期限：10年` with 保 at `mi - 3`.
fn header_at(text: &str, mi: usize) -> Option<(usize, usize)> {
    let after_mi = mi + '密'.len_utf8();
    let rest = &text[after_mi..];
    let (start, label_end, needs_period) = if let Some(len) = starts_with_word(rest, "级") {
        (mi, after_mi + len, false)
    } else if let (Some(len), true) = (starts_with_word(rest, "期限"), text[..mi].ends_with('保')) {
        (mi - '保'.len_utf8(), after_mi + len, true)
    } else {
        return None;
    };
    if !at_clause_start(text, start) || quoted(text, start) {
        return None;
    }
    let colon = skip_spaces(text, label_end);
    let c = first_char(&text[colon..])?;
    if c != '：' && c != ':' {
        return None;
    }
    let value = skip_spaces(text, colon + c.len_utf8());
    if needs_period {
        return period(text, value).map(|end| (start, end));
    }
    // The value: up to the next space or punctuation; a list (绝密、机密、秘密) is a definition.
    let len: usize = text[value..]
        .chars()
        .take_while(|&c| !is_space(c) && !is_clause_end(c))
        .take(8)
        .map(char::len_utf8)
        .sum();
    let end = value + len;
    if first_char(&text[end..]) == Some('、') {
        return None;
    }
    Some((start, if len == 0 { colon + c.len_utf8() } else { end }))
}

/// Classification markings and headers in `text`, in text order.
fn markings(text: &str, out: &mut Vec<(usize, usize)>) {
    let mut last_end = 0;
    for (mi, _) in text.match_indices('密') {
        if mi < last_end {
            continue;
        }
        let found = match level_word(text, mi) {
            Some((ws, level)) => marking_at(text, ws, mi + '密'.len_utf8(), level),
            None => header_at(text, mi),
        };
        if let Some((s, e)) = found {
            if s >= last_end {
                out.push((s, e));
                last_end = e;
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// The scanner's own marking: always reported.
    Marking,
    /// A built-in `internal` entry: reported where a clause-level note stands.
    Internal,
    /// A built-in `notice` entry: reported on a line of its own or next to another marking.
    Notice,
    /// Any other entry: always reported.
    Always,
}

struct Cand<'h> {
    start: usize,
    end: usize,
    kind: Kind,
    hit: Option<&'h LexiconHit<'h>>,
}

impl Rule for Secrecy {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let hits: Vec<LexiconHit<'_>> = ctx.lexicon_hits(META.id).collect();
        let mut next_hit = 0;
        let mut spans = Vec::new();
        let mut cands: Vec<Cand<'_>> = Vec::new();
        for (field, block, text) in ctx.article.texts() {
            let first = next_hit;
            while next_hit < hits.len() && hits[next_hit].at.field == field && hits[next_hit].at.block == block {
                next_hit += 1;
            }
            let text_hits = &hits[first..next_hit];
            spans.clear();
            if text.contains('密') {
                markings(text, &mut spans);
            }
            if spans.is_empty() && text_hits.is_empty() {
                continue;
            }
            cands.clear();
            cands.extend(spans.iter().map(|&(start, end)| Cand { start, end, kind: Kind::Marking, hit: None }));
            for h in text_hits {
                let kind = match &*h.entry.category {
                    INTERNAL => Kind::Internal,
                    NOTICE => Kind::Notice,
                    _ => Kind::Always,
                };
                let (start, end) = (h.at.hit.byte_start as usize, h.at.hit.byte_end as usize);
                cands.push(Cand { start, end, kind, hit: Some(h) });
            }
            cands.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));

            let mut last_accepted: Option<usize> = None;
            // Accepted spans come in text order: UTF-16 offsets in one pass.
            let mut utf16 = Utf16Cursor::new(text);
            for (i, c) in cands.iter().enumerate() {
                if last_accepted.is_some_and(|e| c.start < e) {
                    continue;
                }
                let left = last_accepted.is_some_and(|e| linked(text, e, c.start));
                let right = || cands[i + 1..].iter().find(|n| n.start >= c.end).is_some_and(|n| linked(text, c.end, n.start));
                let mention = || quoted(text, c.start);
                let note = || in_bracket_note(text, c.start, c.end);
                let ok = match c.kind {
                    Kind::Marking | Kind::Always => true,
                    Kind::Internal => {
                        !mention()
                            && (left
                                || at_clause_start(text, c.start)
                                || after_subject(text, c.start)
                                || (after_copula(text, c.start) && note()))
                            && (at_clause_end(text, c.end) || right())
                    }
                    Kind::Notice => {
                        let lead = without_please(text, c.start);
                        !mention()
                            && (left
                                || right()
                                || (at_line_start(text, lead) && at_line_end(text, c.end))
                                || (at_clause_start(text, lead) && at_clause_end(text, c.end) && note()))
                    }
                };
                if !ok {
                    continue;
                }
                last_accepted = Some(c.end);
                let matched = &text[c.start..c.end];
                let message = ctx.msg(
                    format!("疑似涉密标识或内部资料：“{matched}”，不得公开发布"),
                    format!("Possible secrecy marking or internal material: \"{matched}\"; it must not be published"),
                );
                match c.hit {
                    Some(h) => {
                        let mut f = h.finding(&META, cfg, message);
                        if f.suggestion.is_none() {
                            f.suggestion = Some(ctx.msg("删除；涉密或内部资料不得公开发布".into(), "Remove it: secret or internal material must not be published".into()));
                        }
                        out.push(f);
                    }
                    None => {
                        let suggestion = ctx.msg("删除密级标识；涉密材料不得公开发布".into(), "Remove the marking: classified material must not be published".into());
                        out.push(Finding {
                            rule: META.id.to_string(),
                            severity: cfg.severity,
                            category: Some(MARKING.to_string()),
                            field,
                            block,
                            start: utf16.at(c.start),
                            end: utf16.at(c.end),
                            text: matched.to_string(),
                            message,
                            suggestion: Some(suggestion),
                        });
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, check_with, config};
    use crate::{Article, Field, Severity};

    fn found(paragraphs: &[&str]) -> Vec<String> {
        check(&Article::from_paragraphs("标题", paragraphs.iter().copied()), "secrecy").into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn classification_markings() {
        assert_eq!(found(&["绝密★启用前"]), ["绝密★启用前"]);
        assert_eq!(found(&["机密★10年\n关于某某工作的通知"]), ["机密★10年"]);
        assert_eq!(found(&["秘密★1年"]), ["秘密★1年"]);
        assert_eq!(found(&["秘密 ★ 一年"]), ["秘密 ★ 一年"]);
        assert_eq!(found(&["★绝密"]), ["★绝密"]);
        assert_eq!(found(&["★★ 机密"]), ["★★ 机密"]);
        assert_eq!(found(&["机密▲"]), ["机密▲"]);
        assert_eq!(found(&["秘密级★"]), ["秘密级★"]);
        assert_eq!(found(&["秘密 5年"]), ["秘密 5年"]);
        assert_eq!(found(&["機密★長期"]), ["機密★長期"]);
        assert_eq!(found(&["机密\n关于调整人员的通知"]), ["机密"]);
        assert_eq!(found(&["  绝密  "]), ["绝密"]);
        assert_eq!(found(&["【机密】"]), ["机密"]);
        assert_eq!(found(&["秘密级"]), ["秘密级"]);
        assert_eq!(found(&["密级：秘密"]), ["密级：秘密"]);
        assert_eq!(found(&["保密期限：10年"]), ["保密期限：10年"]);
    }

    #[test]
    fn internal_notes() {
        assert_eq!(found(&["内部资料，请勿外传"]), ["内部资料", "请勿外传"]);
        assert_eq!(found(&["内部资料 注意保存"]), ["内部资料", "注意保存"]);
        assert_eq!(found(&["注意保密"]), ["注意保密"]);
        assert_eq!(found(&["本文件为内部资料，不得外传。"]), ["内部资料", "不得外传"]);
        assert_eq!(found(&["此件不得外传"]), ["不得外传"]);
        assert_eq!(found(&["（内部传阅）会议纪要如下"]), ["内部传阅"]);
        assert_eq!(found(&["机密★1年 内部资料 注意保密"]), ["机密★1年", "内部资料", "注意保密"]);
        assert_eq!(found(&["仅供内部参考，严禁外传。"]), ["仅供内部参考", "严禁外传"]);
    }

    #[test]
    fn notes_in_brackets_and_with_longer_subjects() {
        assert_eq!(found(&["（本文材料为内部资料，注意保密）"]), ["内部资料", "注意保密"]);
        assert_eq!(found(&["街道办将持续开展整治。（本文材料为内部资料，注意保密）"]), ["内部资料", "注意保密"]);
        assert_eq!(found(&["会议要求狠抓落实。（请注意保密）"]), ["注意保密"]);
        assert_eq!(found(&["会议要求狠抓落实（该资料为内部资料）。"]), ["内部资料"]);
        assert_eq!(found(&["请注意保密"]), ["注意保密"]);
        assert_eq!(found(&["本次会议材料为内部资料，会后收回。"]), ["内部资料", "会后收回"]);
        assert_eq!(found(&["以上内容系内部资料，请勿外传。"]), ["内部资料", "请勿外传"]);
        let none = [
            "老师提醒大家在网上要注意保密（见附件）。",
            "工作人员整理档案资料。（图为工作人员学习如何注意保密）",
            "（图为工作人员整理内部资料）",
            "同学们了解了内部资料的管理要求。（摄影：张三）",
            "本学期学校开展保密教育，要求注意保密。",
        ];
        for p in none {
            assert!(found(&[p]).is_empty(), "{p}: {:?}", found(&[p]));
        }
    }

    #[test]
    fn secrecy_education_is_not_a_marking() {
        let none = [
            "所发布的信息严守“九不准”：危害国家安全，泄露国家秘密，颠覆国家政权的；",
            "发布信息必须符合国家保密规定，不得涉及国家秘密和不宜公开的信息。",
            "保密宣传教育月：我校组织教职工学习《保守国家秘密法》，增强保密意识。",
            "国家秘密的密级分为绝密、机密、秘密三级。",
            "绝密级不超过三十年，机密级不超过二十年，秘密级不超过十年。",
            "国家秘密标志为“秘密★1年”这样的形式，标注在首页左上角。",
            "不在微信群、QQ群传递内部文件，涉密文件不得外传。",
            "在工作中要注意保密，不在私人交往中涉及国家秘密。",
            "机密文件管理培训会顺利召开，商业秘密保护讲座同步举行。",
            "秘密\n三年级二班 张三",
            "我的秘密花园",
            "我的秘密 三年级 张三",
            "这是一份内部资料汇编的目录",
            "本刊为内部资料性出版物，准印证号：某字001号",
            "学校召开保密工作会议，强调涉密人员管理和涉密载体管理。",
            "国家秘密的密级：绝密、机密、秘密",
            "保密期限：绝密级不超过三十年",
        ];
        for p in none {
            assert!(found(&[p]).is_empty(), "{p}: {:?}", found(&[p]));
        }
    }

    #[test]
    fn offsets_and_severity() {
        let mut a = Article::from_paragraphs("😀机密★ 通知", ["正文"]);
        a.digest = "内部资料".into();
        let f = check(&a, "secrecy");
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].field, f[0].start, f[0].end, f[0].text.as_str()), (Field::Title, 2, 5, "机密★"));
        assert_eq!(f[0].severity, Severity::Block);
        assert_eq!(f[0].category.as_deref(), Some("marking"));
        assert!(f[0].message.contains("不得公开发布"));
        assert!(f[0].suggestion.is_some());
        assert_eq!((f[1].field, f[1].category.as_deref()), (Field::Digest, Some("internal")));
        let warn = check_with(config(r#"{"rules":{"secrecy":"warn"}}"#), &a, "secrecy");
        assert!(warn.iter().all(|f| f.severity == Severity::Warn));
        assert!(check_with(config(r#"{"rules":{"secrecy":"off"}}"#), &a, "secrecy").is_empty());
    }

    #[test]
    fn image_captions_are_checked() {
        let mut a = Article::from_paragraphs("t", ["正文"]);
        a.blocks.push(crate::Block::Image(crate::ImageBlock { caption: Some("图为绝密★启用前试卷".into()), ..Default::default() }));
        let f = check(&a, "secrecy");
        assert_eq!((f[0].block, f[0].start, f[0].text.as_str()), (Some(1), 2, "绝密★启用前"));
    }

    #[test]
    fn english_messages() {
        let a = Article::from_paragraphs("t", ["秘密★"]);
        let f = check_with(config(r#"{"locale":"en"}"#), &a, "secrecy");
        assert!(f[0].message.starts_with("Possible secrecy marking"), "{}", f[0].message);
    }

    #[test]
    fn user_entries_of_other_categories_are_always_reported() {
        let mut c = crate::Checker::new(crate::Config::default()).unwrap();
        c.load_lexicon("mine", "@rule secrecy\n@category project 项目代号\n天河工程", None).unwrap();
        let a = Article::from_paragraphs("t", ["我们参与了天河工程的建设"]);
        let f: Vec<_> = c.check(&a).into_iter().filter(|f| f.rule == "secrecy").collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "天河工程");
    }

    #[test]
    fn offsets_map_back_to_the_text() {
        crate::rules::testing::offsets_hold("secrecy", &["绝密", "机密", "秘密", "機密", "级", "★", "▲", " ", "1年", "长期", "启用前", "内部资料", "注意保存", "：", "\n", "😀", "\u{200b}", "　", "“", "”", "此件", "不得外传", "，", "密级", "保密期限", "国家"]);
    }
}
