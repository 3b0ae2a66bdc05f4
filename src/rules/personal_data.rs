//! `personal-data`: personal data that must not be published (七条底线: citizens' lawful rights).
//!
//! A hand-written, single-pass scanner over runs of digits (ASCII or full-width `０`–`９`):
//! - resident ID numbers (GB 11643): 18 characters, a real province code, a valid birth date
//!   from 1900 on, the mod-11 check character (`X`/`x` allowed); also grouped as 6-8-4;
//! - mobile numbers: 11 digits `1[3-9]…`, plain, grouped 3-4-4 with spaces or hyphens, with a
//!   `+86` / `86` / `0086` prefix;
//! - bank card numbers: 16–19 digits, Luhn-valid, a card-network first digit (3, 4, 5, 6, 9),
//!   not a valid ID number, not a unified social credit code (GB 32100 check), not after words
//!   such as 订单号 / 编号; also grouped in fours;
//! - landlines (`0571-87654321`, `(010)12345678`) only with the option `reportLandlines`
//!   (offices publish them on purpose), at `warn` unless a severity is configured.
//!
//! A number must stand alone: not inside a longer run of digits or Latin letters, not part of
//! a decimal, a hyphenated longer number or a URL. Numbers that fail validation are never
//! reported as ID or card numbers.

use super::{Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};
use crate::normalize::Utf16Cursor;

pub struct PersonalData;

static META: RuleMeta = RuleMeta {
    id: "personal-data",
    name_zh: "个人信息",
    name_en: "Personal data",
    description_zh: "不得公开公民个人信息：居民身份证号码（校验出生日期和校验码）、手机号码（含 138-1234-5678、+86 等写法）、银行卡号（Luhn 校验）。支持全角数字。固定电话默认不报告。",
    description_en: "Citizens' personal data must not be published: resident ID numbers (birth date and check character validated), mobile numbers (also 138-1234-5678, +86 …) and bank card numbers (Luhn-valid). Full-width digits too. Landlines are not reported by default.",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[
        OptionMeta {
            key: "reportLandlines",
            default: OptionDefault::Bool(false),
            description_zh: "同时报告固定电话号码（如 0571-87654321；未单独设置级别时为“建议修改”）",
            description_en: "Also report landline numbers such as 0571-87654321 (at warn unless a severity is configured)",
        },
        OptionMeta {
            key: "allowNumbers",
            default: OptionDefault::List(&[]),
            description_zh: "不报告的号码（如单位对外公开的联系电话），只比较数字部分",
            description_en: "Numbers not to report (e.g. an office's published phone number); only the digits are compared",
        },
    ],
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Id,
    Mobile,
    Card,
    Landline,
}

/// Longest run whose digits are kept (a 0086-prefixed mobile has 15; longer runs match nothing).
const MAX_DIGITS: usize = 20;

/// A maximal run of digits: byte range, number of digits, and the digits themselves.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    len: usize,
    d: [u8; MAX_DIGITS],
}

impl Run {
    fn digits(&self) -> &[u8] {
        &self.d[..self.len.min(MAX_DIGITS)]
    }
}

/// ASCII or full-width digit.
#[inline]
fn digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// A character that would make a digit run part of a longer word or code.
#[inline]
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// A separator allowed between digit groups (138 1234 5678, 138-1234-5678).
#[inline]
fn is_sep(c: char) -> bool {
    matches!(c, ' ' | '-' | '－' | '\u{a0}' | '\u{3000}' | '\u{2010}' | '\u{2011}' | '\u{2013}')
}

#[inline]
fn is_check_x(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ')
}

fn prev_char(text: &str, byte: usize) -> Option<char> {
    text[..byte].chars().next_back()
}

fn next_char(text: &str, byte: usize) -> Option<char> {
    text[byte..].chars().next()
}

/// Nothing before `start` joins the number to a longer one (a word, a decimal, a hyphenated
/// code, a URL path or query, an e-mail address). `strict` (grouped numbers): no separator with
/// a digit before it either.
fn clear_before(text: &str, start: usize, strict: bool) -> bool {
    let Some(p) = prev_char(text, start) else { return true };
    if is_word(p) || matches!(p, '=' | '@' | '#' | '&' | '?' | '%') {
        return false;
    }
    let q = prev_char(text, start - p.len_utf8());
    let q_digit = q.is_some_and(|q| digit(q).is_some());
    let q_alnum = q_digit || q.is_some_and(|q| q.is_ascii_alphabetic());
    let joins = match p {
        '.' | '-' | '－' => q_alnum,
        '/' => q.is_some_and(|q| q.is_ascii_alphabetic() || q == '/'),
        _ => strict && is_sep(p) && q_digit,
    };
    !joins
}

/// Nothing after `end` joins the number to a longer one.
fn clear_after(text: &str, end: usize, strict: bool) -> bool {
    let Some(n) = next_char(text, end) else { return true };
    if is_word(n) || matches!(n, '@' | '%' | '‰') {
        return false;
    }
    let q = next_char(text, end + n.len_utf8());
    let q_digit = q.is_some_and(|q| digit(q).is_some());
    let joins = match n {
        '.' | '-' | '－' => q_digit || q.is_some_and(|q| q.is_ascii_alphabetic()),
        '/' => q.is_some_and(|q| q.is_ascii_alphabetic()),
        _ => strict && is_sep(n) && q_digit,
    };
    !joins
}

/// Whether run `b` follows run `a` after exactly one separator.
fn joined(text: &str, a: &Run, b: &Run) -> bool {
    let between = &text[a.end..b.start];
    let mut cs = between.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if is_sep(c))
}

fn collect_runs(text: &str, out: &mut Vec<Run>) {
    out.clear();
    let mut cur: Option<Run> = None;
    for (i, c) in text.char_indices() {
        match digit(c) {
            Some(v) => {
                let r = cur.get_or_insert(Run { start: i, end: i, len: 0, d: [0; MAX_DIGITS] });
                if r.len < MAX_DIGITS {
                    r.d[r.len] = v;
                }
                r.len += 1;
                r.end = i + c.len_utf8();
            }
            None => {
                if let Some(r) = cur.take() {
                    out.push(r);
                }
            }
        }
    }
    out.extend(cur);
}

const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check value by `sum % 11` ("10X98765432"; 10 is X).
const ID_CHECK: [u8; 11] = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2];
/// Province-level codes (first two digits) of GB/T 2260, plus 71 Taiwan, 81/82 Hong Kong and
/// Macao, 83 (residence permits of Taiwan residents).
const PROVINCES: [u8; 35] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62,
    63, 64, 65, 71, 81, 82, 83,
];
/// Latest plausible birth year. The core has no clock (WASM), so this is a constant with a
/// margin: a newborn's number must still be caught.
const MAX_BIRTH_YEAR: u32 = 2039;

fn num(d: &[u8]) -> u32 {
    d.iter().fold(0, |n, &v| n * 10 + v as u32)
}

/// GB 11643 validation of 17 digits and a check value (0–9, or 10 for X).
fn valid_id(d: &[u8], check: u8) -> bool {
    if d.len() != 17 || !PROVINCES.contains(&(d[0] * 10 + d[1])) {
        return false;
    }
    let (year, month, day) = (num(&d[6..10]), num(&d[10..12]), num(&d[12..14]));
    if !(1900..=MAX_BIRTH_YEAR).contains(&year) || !(1..=12).contains(&month) {
        return false;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days {
        return false;
    }
    let sum: u32 = d.iter().zip(ID_WEIGHTS).map(|(&v, w)| v as u32 * w).sum();
    ID_CHECK[(sum % 11) as usize] == check
}

fn luhn(d: &[u8]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &v)| {
            let v = v as u32;
            if i % 2 == 1 {
                let x = v * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                v
            }
        })
        .sum();
    sum % 10 == 0
}

/// An all-digit unified social credit code (GB 32100): 18 characters, mod-31 check.
fn is_credit_code(d: &[u8]) -> bool {
    const W: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    if d.len() != 18 {
        return false;
    }
    let sum: u32 = d[..17].iter().zip(W).map(|(&v, w)| v as u32 * w).sum();
    let c = (31 - sum % 31) % 31;
    c == d[17] as u32
}

/// Words right before a number that say it is not a card or phone number.
const NOT_PERSONAL_CONTEXT: &[&str] = &[
    "订单", "单号", "编号", "流水", "快递", "物流", "批次", "批号", "证书", "准考证", "学号", "工号", "学籍", "信用代码",
    "统一代码", "税号", "识别号", "条码", "条形码", "ISBN", "书号", "合同号", "备案", "案号", "文号", "序列号", "登记号",
    "发票", "票号", "凭证", "交易号", "商户号", "运单",
];

/// Whether the 12 characters before `start` name the number as something else (订单号 …).
fn other_number_context(text: &str, start: usize) -> bool {
    let from = text[..start].char_indices().rev().nth(11).map_or(0, |(i, _)| i);
    let before = &text[from..start];
    NOT_PERSONAL_CONTEXT.iter().any(|w| before.contains(w))
}

/// A quantity or an amount rather than a phone or card number: a currency sign before it, or a
/// unit after it (15000000000 元, ¥13800000000).
fn is_quantity(text: &str, start: usize, end: usize) -> bool {
    let before = prev_char(text, start).is_some_and(|c| matches!(c, '¥' | '￥' | '$' | '＄' | '€' | '£'));
    let after = text[end..].trim_start_matches([' ', '\u{a0}']).chars().next().is_some_and(|c| "元万亿人次吨个件份台辆米斤户家所号倍".contains(c));
    before || after
}

fn is_mobile(d: &[u8]) -> bool {
    d.len() == 11 && d[0] == 1 && (3..=9).contains(&d[1])
}

fn is_card(text: &str, start: usize, end: usize, d: &[u8]) -> bool {
    (16..=19).contains(&d.len())
        && !is_quantity(text, start, end)
        && matches!(d[0], 3 | 4 | 5 | 6 | 9)
        && luhn(d)
        && !(d.len() == 18 && (valid_id(&d[..17], d[17]) || is_credit_code(d)))
        && !other_number_context(text, start)
}

/// A number found: kind and byte range.
type Found = (Kind, usize, usize);

/// Tries every pattern at run `i`; on success returns the finding and the index of the next
/// unused run.
fn match_at(text: &str, runs: &[Run], i: usize, landlines: bool) -> Option<(Found, usize)> {
    let r = &runs[i];
    let d = r.digits();
    let next = runs.get(i + 1);
    let grouped = |lens: &[usize]| -> bool {
        i + lens.len() <= runs.len()
            && lens.iter().enumerate().all(|(k, &l)| runs[i + k].len == l)
            && (1..lens.len()).all(|k| joined(text, &runs[i + k - 1], &runs[i + k]))
    };
    let concat = |n: usize| -> Vec<u8> { runs[i..i + n].iter().flat_map(|r| r.digits().iter().copied()).collect() };

    // +86 / 86 / 0086 prefix, then a mobile number (plain or grouped).
    if d == [8, 6] || d == [0, 0, 8, 6] {
        let start = match prev_char(text, r.start) {
            Some(c @ ('+' | '＋')) => r.start - c.len_utf8(),
            _ => r.start,
        };
        // A bare "86 " is too weak a prefix (a score, a count); "+86 ", "0086 ", "86-" are not.
        let plus = start != r.start || r.len == 4;
        let sep_ok = |b: &Run| b.start == r.end || (joined(text, r, b) && (plus || matches!(&text[r.end..b.start], "-" | "－")));
        if clear_before(text, start, true) {
            if let Some(m) = next.filter(|m| sep_ok(m) && is_mobile(m.digits()) && clear_after(text, m.end, false)) {
                return Some(((Kind::Mobile, start, m.end), i + 2));
            }
            if i + 3 < runs.len() && sep_ok(&runs[i + 1]) {
                let (a, b, c) = (&runs[i + 1], &runs[i + 2], &runs[i + 3]);
                let lens_ok = (a.len, b.len, c.len) == (3, 4, 4) && joined(text, a, b) && joined(text, b, c);
                let digits: Vec<u8> = [a, b, c].iter().flat_map(|r| r.digits().iter().copied()).collect();
                if lens_ok && is_mobile(&digits) && clear_after(text, c.end, true) {
                    return Some(((Kind::Mobile, start, c.end), i + 4));
                }
            }
        }
    }

    // Grouped mobile 3-4-4.
    if grouped(&[3, 4, 4]) && is_mobile(&concat(3)) && clear_before(text, r.start, true) && clear_after(text, runs[i + 2].end, true) {
        return Some(((Kind::Mobile, r.start, runs[i + 2].end), i + 3));
    }

    // Grouped ID 6-8-4, or 6-8-3 followed by X.
    if (grouped(&[6, 8, 4]) || grouped(&[6, 8, 3])) && clear_before(text, r.start, true) {
        let last = &runs[i + 2];
        let all = concat(3);
        let (check, end) = if last.len == 3 {
            match next_char(text, last.end) {
                Some(c) if is_check_x(c) => (10, last.end + c.len_utf8()),
                _ => (255, last.end),
            }
        } else {
            (all[17], last.end)
        };
        if check != 255 && valid_id(&all[..17], check) && clear_after(text, end, true) {
            return Some(((Kind::Id, r.start, end), i + 3));
        }
    }

    // Grouped card: 4-4-4-4 with an optional last group of 1–3 digits.
    if r.len == 4 {
        let mut k = i + 1;
        while k < runs.len() && k < i + 5 && joined(text, &runs[k - 1], &runs[k]) {
            k += 1;
        }
        let n = k - i;
        let shape_ok = match n {
            4 => runs[i..k].iter().all(|r| r.len == 4),
            5 => runs[i..i + 4].iter().all(|r| r.len == 4) && (1..=3).contains(&runs[i + 4].len),
            _ => false,
        };
        if shape_ok && clear_before(text, r.start, true) && clear_after(text, runs[k - 1].end, true) && is_card(text, r.start, runs[k - 1].end, &concat(n)) {
            return Some(((Kind::Card, r.start, runs[k - 1].end), k));
        }
    }

    // Landlines: 0571-87654321, (010)12345678, with an optional extension.
    if landlines && d.first() == Some(&0) && (r.len == 3 || r.len == 4) {
        let area_ok = if r.len == 3 { (d[1] == 1 && d[2] == 0) || d[1] == 2 } else { d[1] >= 3 };
        if let Some(m) = next.filter(|m| area_ok && (7..=8).contains(&m.len) && (2..=8).contains(&m.digits()[0])) {
            let between = &text[r.end..m.start];
            let paren_start = match prev_char(text, r.start) {
                Some(c @ ('(' | '（')) if matches!(between, ")" | "）") => Some(r.start - c.len_utf8()),
                _ => None,
            };
            let start = paren_start.unwrap_or(r.start);
            if (paren_start.is_some() || joined(text, r, m)) && clear_before(text, start, true) {
                let mut end = m.end;
                let mut used = i + 2;
                if let Some(ext) = runs.get(i + 2).filter(|e| e.len <= 5 && matches!(&text[m.end..e.start], "-" | "－" | "转")) {
                    end = ext.end;
                    used = i + 3;
                }
                if clear_after(text, end, true) {
                    return Some(((Kind::Landline, start, end), used));
                }
            }
        }
    }

    // Single runs.
    if !clear_before(text, r.start, false) {
        return None;
    }
    if r.len == 17 {
        if let Some(c) = next_char(text, r.end).filter(|&c| is_check_x(c)) {
            let end = r.end + c.len_utf8();
            if valid_id(d, 10) && clear_after(text, end, false) {
                return Some(((Kind::Id, r.start, end), i + 1));
            }
        }
        return None;
    }
    if !clear_after(text, r.end, false) {
        return None;
    }
    if r.len == 18 && valid_id(&d[..17], d[17]) {
        return Some(((Kind::Id, r.start, r.end), i + 1));
    }
    if is_mobile(d) && !other_number_context(text, r.start) && !is_quantity(text, r.start, r.end) {
        return Some(((Kind::Mobile, r.start, r.end), i + 1));
    }
    if r.len == 13 && d[..2] == [8, 6] && is_mobile(&d[2..]) {
        let start = match prev_char(text, r.start) {
            Some(c @ ('+' | '＋')) => r.start - c.len_utf8(),
            _ => r.start,
        };
        return Some(((Kind::Mobile, start, r.end), i + 1));
    }
    if is_card(text, r.start, r.end, d) {
        return Some(((Kind::Card, r.start, r.end), i + 1));
    }
    None
}

/// The digits (and a final X) of a matched number, as ASCII.
fn digits_of(s: &str) -> String {
    s.chars()
        .filter_map(|c| digit(c).map(|v| (b'0' + v) as char).or(is_check_x(c).then_some('X')))
        .collect()
}

/// The masked form: ID keeps the first 6 and last 4, a mobile number its first 3 and last 4
/// (139****5678, the usual way of writing a masked mobile number; a country code before it is
/// kept), a landline hides the last 4, a card keeps only the last 4. Separators and the digits'
/// own widths are kept.
fn mask(s: &str, kind: Kind) -> String {
    let total = s.chars().filter(|&c| digit(c).is_some() || is_check_x(c)).count();
    let mut idx = 0;
    s.chars()
        .map(|c| {
            if digit(c).is_none() && !is_check_x(c) {
                return c;
            }
            let hide = match kind {
                Kind::Id => (6..total.saturating_sub(4)).contains(&idx),
                Kind::Mobile => idx + 8 >= total && idx + 4 < total,
                Kind::Landline => idx + 4 >= total,
                Kind::Card => idx + 4 < total,
            };
            idx += 1;
            if hide {
                '*'
            } else {
                c
            }
        })
        .collect()
}

impl Rule for PersonalData {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let landlines = cfg.boolean("reportLandlines");
        let allowed: Vec<String> = cfg.list("allowNumbers").iter().map(|s| digits_of(s)).filter(|s| !s.is_empty()).collect();
        let mut runs = Vec::new();
        for (field, block, text) in ctx.article.texts() {
            // Cheapest possible skip: no digit at all.
            if !text.bytes().any(|b| b.is_ascii_digit()) && !text.contains(|c| matches!(c, '０'..='９')) {
                continue;
            }
            collect_runs(text, &mut runs);
            let mut cursor = Utf16Cursor::new(text);
            let mut i = 0;
            while i < runs.len() {
                let Some(((kind, start, end), next)) = match_at(text, &runs, i, landlines) else {
                    i += 1;
                    continue;
                };
                i = next;
                let matched = &text[start..end];
                let ds = digits_of(matched);
                if allowed.iter().any(|a| ds == *a || (a.len() >= 7 && ds.ends_with(a.as_str()))) {
                    continue;
                }
                let (zh, en) = match kind {
                    Kind::Id => ("居民身份证号码", "resident ID number"),
                    Kind::Mobile => ("手机号码", "mobile number"),
                    Kind::Card => ("银行卡号", "bank card number"),
                    Kind::Landline => ("固定电话号码", "landline number"),
                };
                let message = if kind == Kind::Landline {
                    ctx.msg(
                        format!("疑似公开了{zh}“{matched}”；如为个人电话，请删除或打码（单位对外公开的电话可忽略）"),
                        format!("Possible {en} \"{matched}\": remove or mask it if it is a private number"),
                    )
                } else {
                    ctx.msg(
                        format!("疑似公开了个人{zh}“{matched}”，属于公民个人信息，发布前须删除或打码"),
                        format!("Possible {en} \"{matched}\": personal data must be removed or masked before publishing"),
                    )
                };
                let severity = if kind == Kind::Landline { cfg.severity_or(Some(Severity::Warn)) } else { cfg.severity };
                out.push(Finding {
                    rule: META.id.to_string(),
                    severity,
                    category: Some(match kind {
                        Kind::Id => "id-number",
                        Kind::Mobile => "mobile",
                        Kind::Card => "bank-card",
                        Kind::Landline => "landline",
                    }
                    .to_string()),
                    field,
                    block,
                    start: cursor.at(start),
                    end: cursor.at(end),
                    text: matched.to_string(),
                    message,
                    suggestion: Some(mask(matched, kind)),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{is_credit_code, luhn, valid_id};
    use crate::model::{Block, ImageBlock};
    use crate::rules::testing::{check, check_with, config};
    use crate::{Article, Field, Severity};

    fn body(p: &str) -> Vec<crate::Finding> {
        check(&Article::from_paragraphs("标题", [p]), "personal-data")
    }

    fn texts(p: &str) -> Vec<String> {
        body(p).into_iter().map(|f| f.text).collect()
    }

    fn digits(s: &str) -> Vec<u8> {
        s.bytes().map(|b| b - b'0').collect()
    }

    // Valid test numbers (checksums computed by the functions' definitions, checked by hand).
    const ID: &str = "11010519491231002X";
    const ID2: &str = "330106202601011238"; // born 2026-01-01
    const CARD: &str = "6222021234567890128"; // 19 digits, Luhn-valid
    const CARD16: &str = "4111111111111111";

    #[test]
    fn validators() {
        assert!(valid_id(&digits(&ID[..17]), 10));
        assert!(valid_id(&digits(&ID2[..17]), 8));
        assert!(!valid_id(&digits(&ID2[..17]), 9), "wrong check digit");
        assert!(!valid_id(&digits("11010518991231002"), 10), "born 1899");
        assert!(!valid_id(&digits("99010519491231002"), 10), "no such province");
        assert!(!valid_id(&digits("11010519490230002"), 10), "30 February");
        assert!(luhn(&digits(CARD)) && luhn(&digits(CARD16)));
        assert!(!luhn(&digits("6222021234567890123")));
        // A credit code made of digits only is recognised (and then not taken for a card).
        let mut code = digits("91330100123456789");
        let w = [1u32, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        let s: u32 = code.iter().zip(w).map(|(&v, w)| v as u32 * w).sum();
        let c = (31 - s % 31) % 31;
        if c < 10 {
            code.push(c as u8);
            assert!(is_credit_code(&code));
        }
    }

    #[test]
    fn id_numbers_with_masked_suggestion() {
        let f = body(&format!("学生身份证号：{ID}，请核对。"));
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].start, f[0].end, f[0].text.as_str()), (7, 25, ID));
        assert_eq!(f[0].severity, Severity::Block);
        assert_eq!(f[0].category.as_deref(), Some("id-number"));
        assert_eq!(f[0].suggestion.as_deref(), Some("110105********002X"));
        assert!(f[0].message.contains("身份证"));
        // Lower-case x, a newborn, grouped 6-8-4.
        assert_eq!(texts(&format!("号码{}", ID.to_lowercase())), [ID.to_lowercase()]);
        assert_eq!(texts(&format!("号码{ID2}。")), [ID2]);
        assert_eq!(texts("身份证 110105 19491231 002X 已登记"), ["110105 19491231 002X"]);
        assert_eq!(body("110105 19491231 002X")[0].suggestion.as_deref(), Some("110105 ******** 002X"));
    }

    #[test]
    fn invalid_ids_are_not_reported() {
        // Wrong check character, impossible date, unknown province, inside a longer run.
        for t in ["110105194912310021", "110105194913310027", "990105194912310020", &format!("A{ID}"), &format!("{ID}5"), &format!("1{ID}")] {
            let f = body(t);
            assert!(f.iter().all(|f| f.category.as_deref() != Some("id-number")), "{t}: {f:?}");
        }
    }

    #[test]
    fn mobile_numbers_in_their_usual_forms() {
        let f = body("联系人：张老师，电话13812345678。");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].start, f[0].end), (10, 21));
        assert_eq!(f[0].suggestion.as_deref(), Some("138****5678"));
        assert_eq!(f[0].category.as_deref(), Some("mobile"));
        assert!(f[0].message.contains("手机号码"));
        assert_eq!(texts("电话 138-1234-5678 或 138 1234 5678"), ["138-1234-5678", "138 1234 5678"]);
        assert_eq!(body("138-1234-5678")[0].suggestion.as_deref(), Some("138-****-5678"));
        assert_eq!(body("+86 13812345678")[0].suggestion.as_deref(), Some("+86 138****5678"));
        assert_eq!(texts("手机：+86 13812345678；+8613912345678；86-138-1234-5678；0086 13812345678"), [
            "+86 13812345678",
            "+8613912345678",
            "86-138-1234-5678",
            "0086 13812345678"
        ]);
        assert_eq!(texts("得分86 13812345678"), ["13812345678"]);
        // Two numbers separated by a space or a slash are two numbers.
        assert_eq!(texts("13812345678 13912345678/15012345678"), ["13812345678", "13912345678", "15012345678"]);
        // Every 1[3-9] prefix.
        for p in 3..=9 {
            assert_eq!(texts(&format!("电话1{p}012345678")).len(), 1, "1{p}");
        }
    }

    #[test]
    fn full_width_digits_and_emoji_offsets() {
        let f = body("😀手机：１３８１２３４５６７８");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].start, f[0].end, f[0].text.as_str()), (5, 16, "１３８１２３４５６７８"));
        assert_eq!(f[0].suggestion.as_deref(), Some("１３８****５６７８"));
        let fw: String = ID.chars().map(|c| c.to_digit(10).map_or(c, |d| char::from_u32('０' as u32 + d).unwrap())).collect();
        let f = body(&format!("👨‍👩‍👧身份证{fw}"));
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].start, f[0].text.as_str()), (11, fw.as_str()));
    }

    #[test]
    fn bank_cards() {
        let f = body(&format!("请汇款至银行卡{CARD}（户名张三）"));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].category.as_deref(), Some("bank-card"));
        assert_eq!(f[0].suggestion.as_deref(), Some("***************0128"));
        assert!(f[0].message.contains("银行卡"));
        assert_eq!(texts("卡号 6222 0212 3456 7890 128"), ["6222 0212 3456 7890 128"]);
        assert_eq!(body("4111 1111 1111 1111")[0].suggestion.as_deref(), Some("**** **** **** 1111"));
        assert_eq!(texts(CARD16), [CARD16]);
        // Luhn-invalid, wrong first digit, after 订单号, a valid ID (reported as an ID, not a card).
        assert!(body("6222021234567890123").is_empty());
        assert!(body("2019 2020 2021 2022").is_empty());
        assert!(body(&format!("订单号：{CARD}")).is_empty());
        assert_eq!(body(ID2)[0].category.as_deref(), Some("id-number"));
    }

    #[test]
    fn hard_negatives() {
        for t in [
            "根据国办发〔2022〕47号和国办秘函（2022）19 号文件",
            "2026年3月12日，20260312，2026-03-12",
            "订单号 23812345678，编号 12812345678",
            "案号 202312345678 已受理",
            "邮编 310000，地址杭州市西湖区",
            "办公室电话 0571-87654321，传真（0571）87654322",
            "政务服务便民热线 12345，报警电话 110，400-123-4567",
            "总人数 13812345678.5 万",
            "链接 https://example.com/u/13812345678 与 user_13812345678",
            "编码 A13812345678B",
            "第 1381234567 号",
            "138123456789 是 12 位",
            "1381 2345 678 不是分组",
            "总投资 15000000000 元，合 ¥13800000000",
            "第 1386 名，得分 86 分",
            "发票号码 6222021234567890128",
        ] {
            assert!(body(t).is_empty(), "{t}: {:?}", body(t));
        }
    }

    #[test]
    fn landlines_only_when_asked() {
        let a = Article::from_paragraphs("t", ["办公室 0571-87654321，北京（010）62345678，分机 021-61234567-802"]);
        assert!(check(&a, "personal-data").is_empty());
        let cfg = config(r#"{"rules":{"personal-data":{"reportLandlines":true}}}"#);
        let f = check_with(cfg, &a, "personal-data");
        let t: Vec<_> = f.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(t, ["0571-87654321", "（010）62345678", "021-61234567-802"]);
        assert!(f.iter().all(|f| f.severity == Severity::Warn));
        assert_eq!(f[0].suggestion.as_deref(), Some("0571-8765****"));
        let cfg = config(r#"{"rules":{"personal-data":{"reportLandlines":true,"severity":"info"}}}"#);
        assert!(check_with(cfg, &a, "personal-data").iter().all(|f| f.severity == Severity::Info));
    }

    /// Pseudo-random texts over the characters both text rules react to: every finding of
    /// `personal-data` and `placeholder` slices back to its text (UTF-16 offsets).
    #[test]
    fn offsets_slice_back_on_random_texts() {
        const ALPHABET: &[char] = &[
            '1', '3', '8', '0', '6', '9', 'X', 'x', '×', 'Ｘ', '□', '○', '〇', '△', '年', '月', '日', '号', '镇', ' ', '-', '+',
            '😀', '\u{200b}', '１', '３', '８', '待', '补', '充', '【', '】', '（', '）', '此', '处', '填', '写', '请', '在',
            '输', '入', 'T', 'O', 'D', 'B', '.', '/', '，', '二', '后', '√', '\n', 'a', '元',
        ];
        let checker = crate::Checker::new(crate::Config::default()).unwrap();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut seen = 0;
        for _ in 0..3000 {
            let len = (next() % 60) as usize;
            let text: String = (0..len).map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize]).collect();
            let a = Article::from_paragraphs(&text, [text.as_str()]);
            for f in checker.check(&a).into_iter().filter(|f| f.rule == "personal-data" || f.rule == "placeholder") {
                let units: Vec<u16> = text.encode_utf16().collect();
                assert!(f.start <= f.end && f.end <= units.len(), "{f:?} in {text:?}");
                assert_eq!(String::from_utf16(&units[f.start..f.end]).unwrap(), f.text, "{f:?} in {text:?}");
                seen += 1;
            }
        }
        assert!(seen > 100, "only {seen} findings");
    }

    #[test]
    fn allow_numbers_and_fields() {
        let mut a = Article::from_paragraphs("电话13812345678", ["联系 138-1234-5678 与 13912345678"]);
        a.digest = "13912345678".into();
        a.blocks.push(Block::Image(ImageBlock { caption: Some("😀13912345678".into()), ..Default::default() }));
        let f = check(&a, "personal-data");
        let at: Vec<_> = f.iter().map(|f| (f.field, f.block, f.start)).collect();
        assert_eq!(at, [(Field::Title, None, 2), (Field::Digest, None, 0), (Field::Body, Some(0), 3), (Field::Body, Some(0), 19), (Field::Body, Some(1), 2)]);
        let cfg = config(r#"{"rules":{"personal-data":{"allowNumbers":["138 1234 5678"]}}}"#);
        let f = check_with(cfg, &a, "personal-data");
        assert!(f.iter().all(|f| !f.text.contains("138")), "{f:?}");
        assert_eq!(f.len(), 3);
    }
}
