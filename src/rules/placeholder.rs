//! `placeholder`: unfilled template text (七条底线: truthfulness) — `xx 镇`, `XXXX年XX月XX日`,
//! `××同志`, `□`, `○○`, `△△`, `【待补充】`, `（此处填写…）`, `请输入标题`, `TODO`.
//!
//! One hand-written pass over the characters of each text. Precision rules:
//! - a run of x / X / ｘ / Ｘ / × is a placeholder when it has 2+ characters, or is a single one
//!   right before a unit such as 月 / 日 / 镇 / 号 / 同志 (`x月x日`, `x 号`); never when it touches a
//!   Latin letter (XXL, Xbox), sits in English text (`Super Bowl XX`), a URL, e-mail or CSS size
//!   (`xxx.com`, `xx-large`), next to √ (quiz answers `√××`), in a sex-chromosome context
//!   (`XX染色体`), or is a single X of 光 / 射线 / 型 (no unit follows); a single one after a digit
//!   or a maths cue (`3x`, `设x`) is maths;
//! - `□` runs, except a check box (`□是 □否`, `□同意`, a `□` opening a line, a text with ☑ or √);
//! - `○○` / `〇〇` runs of 2+, except inside numbers written in Chinese (`二○○六年`), `〇〇后`,
//!   ratings (`●●○`) and divider lines; `△△` runs of 2+, except divider lines;
//! - editor and template phrases (`此处填写`, `在此输入`, `请输入标题`…), `TODO` / `TBD` / `TBC` as
//!   upper-case words, and brackets holding `待补充` / `待填写`… (and `【待定】` in square brackets);
//!   a phrase inside brackets is reported with its brackets.
//!
//! `某某` (used on purpose to anonymise) is not reported. Adjacent placeholders form one finding,
//! and a date template (`XXXX年XX月XX日`, `x月x日`) is one finding.

use super::{Context, OptionDefault, OptionMeta, Rule, RuleMeta};
use crate::config::RuleConfig;
use crate::finding::{Finding, Severity};
use crate::normalize::Utf16Cursor;

pub struct Placeholder;

static META: RuleMeta = RuleMeta {
    id: "placeholder",
    name_zh: "未填写的模板占位符",
    name_en: "Unfilled placeholders",
    description_zh: "模板中未替换的占位内容：xx 镇、XXXX年XX月XX日、××同志、□、○○、【待补充】、（此处填写…）、请输入标题、TODO 等。X光、XXL、网址等不报告，“某某”不报告。",
    description_en: "Template text left unfilled: xx 镇, XXXX年XX月XX日, ××同志, □, ○○, 【待补充】, （此处填写…）, 请输入标题, TODO. Not X光, XXL, URLs, or 某某.",
    default_severity: Severity::Block,
    enabled_by_default: true,
    uses_lexicon: false,
    options: &[OptionMeta {
        key: "ignore",
        default: OptionDefault::List(&[]),
        description_zh: "不报告的占位写法（与命中文字完全相同时忽略，如 XX）",
        description_en: "Placeholder texts not to report (exact text of the finding, e.g. XX)",
    }],
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    X,
    Box,
    Circle,
    Triangle,
}

#[inline]
fn class_of(c: char) -> Option<Class> {
    match c {
        'x' | 'X' | 'ｘ' | 'Ｘ' | '×' => Some(Class::X),
        '□' => Some(Class::Box),
        '○' | '〇' | '◯' => Some(Class::Circle),
        '△' => Some(Class::Triangle),
        _ => None,
    }
}

#[inline]
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

#[inline]
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{3000}' | '\u{200b}')
}

fn prev_char(text: &str, byte: usize) -> Option<char> {
    text[..byte].chars().next_back()
}

fn next_char(text: &str, byte: usize) -> Option<char> {
    text[byte..].chars().next()
}

/// The nearest character before `byte` that is not a space (at most 3 spaces skipped).
fn prev_visible(text: &str, byte: usize) -> Option<char> {
    text[..byte].chars().rev().take(4).find(|&c| !is_space(c))
}

/// The nearest character from `byte` on that is not a space (at most 3 spaces skipped).
fn next_visible(text: &str, byte: usize) -> Option<char> {
    text[byte..].chars().take(4).find(|&c| !is_space(c))
}

/// Units a single x stands before in a template: `x月x日`, `x 号`, `x镇`, `×同志`.
const UNITS: &[&str] = &[
    "年", "月", "日", "号", "镇", "乡", "村", "县", "市", "省", "区", "街道", "社区", "局", "厅", "委", "校", "班", "届", "期",
    "同志", "老师", "书记", "主任", "先生", "女士", "公司", "单位", "部门", "中学", "小学", "学校", "医院", "栋", "楼",
];

/// Characters after which a single x is algebra (`设x`, `3x`, `=x`).
fn is_maths_cue(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c, '０'..='９' | '设' | '若' | '令' | '求' | '解' | '当' | '=' | '+' | '-' | '*' | '/' | '<' | '>' | '^' | '＝' | '＋' | '－')
}

/// Chinese numerals and digits, around which ○ / 〇 is a zero (`二○○六年`).
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "零一二三四五六七八九十百千万".contains(c) || matches!(c, '０'..='９')
}

/// How far [`ascii_token`] looks on each side, in characters. Unbounded, a text of `x:x:x:…`
/// made every run look at the whole text (quadratic: 200,000 characters took 15 s).
const TOKEN_REACH: usize = 64;

/// The ASCII token around `start..end` (expanded over visible ASCII characters, at most
/// [`TOKEN_REACH`] on each side).
fn ascii_token(text: &str, start: usize, end: usize) -> &str {
    let s = text[..start].char_indices().rev().take(TOKEN_REACH).take_while(|&(_, c)| c.is_ascii_graphic()).last().map_or(start, |(i, _)| i);
    let e = text[end..]
        .char_indices()
        .take(TOKEN_REACH)
        .find(|&(_, c)| !c.is_ascii_graphic())
        .map_or_else(|| (end + TOKEN_REACH).min(text.len()), |(i, _)| end + i);
    &text[s..e]
}

/// Per-text facts computed only when a candidate needs them.
struct Lazy<'t> {
    text: &'t str,
    chromosome: Option<bool>,
    form: Option<bool>,
}

impl Lazy<'_> {
    fn chromosome(&mut self) -> bool {
        let t = self.text;
        *self.chromosome.get_or_insert_with(|| t.contains("染色体") || t.contains("XY"))
    }

    /// A form with check boxes (☑, √ ticks).
    fn form(&mut self) -> bool {
        let t = self.text;
        *self.form.get_or_insert_with(|| t.contains(['☑', '☒', '■', '√', '✓', '✔']))
    }
}

/// Whether the run `start..end` of x-like characters (`n` of them) is a placeholder.
fn x_run(text: &str, start: usize, end: usize, n: usize, lazy: &mut Lazy<'_>) -> bool {
    let run = &text[start..end];
    let prev = prev_char(text, start);
    let next = next_char(text, end);
    if prev.is_some_and(is_latin_letter) || next.is_some_and(is_latin_letter) {
        return false;
    }
    let latin = run.contains(['x', 'X', 'ｘ', 'Ｘ']);
    let after_next = next.and_then(|c| next_char(text, end + c.len_utf8()));
    let before_prev = prev.and_then(|c| prev_char(text, start - c.len_utf8()));
    if latin {
        // URL, e-mail, file name, CSS size.
        if matches!(prev, Some('/' | '@' | '_' | '\\' | '=' | '&' | '?'))
            || matches!(next, Some('@' | '/' | '_' | '\\' | '='))
            || (prev == Some('.') && before_prev.is_some_and(|c| c.is_ascii_alphabetic()))
            || (matches!(next, Some('.' | '-')) && after_next.is_some_and(|c| c.is_ascii_alphabetic()))
            || (prev == Some('-') && before_prev.is_some_and(|c| c.is_ascii_alphabetic()))
        {
            return false;
        }
        let token = ascii_token(text, start, end);
        if token.contains("://") || token.contains("www.") {
            return false;
        }
        // English text around it.
        if prev_visible(text, start).is_some_and(|c| c.is_ascii_alphabetic()) || next_visible(text, end).is_some_and(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        if n == 2 && run.chars().all(|c| matches!(c, 'X' | 'Ｘ')) && lazy.chromosome() {
            return false;
        }
        // Anti-fraud articles quote scam scripts with a generic XX on purpose (冒充“XX银行客服”).
        if impersonation_before(text, start) {
            return false;
        }
    } else {
        // × runs: quiz answers (√××√) and multiplication.
        let tick = |c: Option<char>| c.is_some_and(|c| matches!(c, '√' | '✓' | '✔' | '✗' | '✘'));
        if tick(prev_visible(text, start)) || tick(next_visible(text, end)) || next.is_some_and(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    if n >= 2 {
        return true;
    }
    // A single character: only before a unit, and not after a digit or a maths cue.
    if prev.is_some_and(is_maths_cue) {
        return false;
    }
    let mut rest = &text[end..];
    if let Some(c) = rest.chars().next().filter(|&c| is_space(c)) {
        rest = &rest[c.len_utf8()..];
    }
    if rest.starts_with("年后") || rest.starts_with("年前") || rest.starts_with("年内") {
        return false;
    }
    UNITS.iter().any(|u| rest.starts_with(u)) || document_number(rest)
}

/// The issuing-office part of a document number: `x 政务发`, `x教发` (1–3 CJK characters, 发).
fn document_number(rest: &str) -> bool {
    let mut chars = rest.chars();
    (0..4).try_fold(0, |n, _| match chars.next() {
        Some('发') if n >= 1 => Err(true),
        Some(c) if n < 3 && ('\u{4e00}'..='\u{9fff}').contains(&c) => Ok(n + 1),
        _ => Err(false),
    }) == Err(true)
}

/// Words of impersonation just before (冒充XX银行, 自称是XX局工作人员).
fn impersonation_before(text: &str, start: usize) -> bool {
    let from = text[..start].char_indices().rev().nth(7).map_or(0, |(i, _)| i);
    let before = &text[from..start];
    ["冒充", "假冒", "谎称", "自称", "伪装成", "假扮", "冒用"].iter().any(|w| before.contains(w))
}

/// Whether a run of `□` is a placeholder (not a check box or a bullet).
fn box_run(text: &str, start: usize, end: usize, n: usize, lazy: &mut Lazy<'_>) -> bool {
    if lazy.form() {
        return false;
    }
    let prev = prev_char(text, start);
    let next = next_char(text, end);
    let line_start = prev.is_none_or(|c| c == '\n' || c == '\r' || is_space(c));
    if n == 1 && line_start && next.is_none_or(|c| class_of(c).is_none()) {
        return false;
    }
    let option_word = |s: &str| ["是", "否", "男", "女", "同意", "不同意", "有", "无", "已", "未"].iter().any(|w| s.starts_with(w));
    let after = text[end..].trim_start_matches(is_space);
    let before_is_option = prev.is_some_and(|c| "是否男女有无".contains(c));
    !(option_word(after) || before_is_option)
}

/// Whether a run of `○` / `〇` (n ≥ 2) is a placeholder.
fn circle_run(text: &str, start: usize, end: usize, n: usize) -> bool {
    let prev = prev_char(text, start);
    let next = next_char(text, end);
    let rating = |c: Option<char>| c.is_some_and(|c| matches!(c, '●' | '★' | '☆' | '◎'));
    n >= 2
        && !prev.is_some_and(is_numeral)
        && !next.is_some_and(|c| is_numeral(c) || c == '后')
        && !rating(prev)
        && !rating(next)
        && !divider(text, start, end)
}

/// The text holds nothing but this run (a divider line).
fn divider(text: &str, start: usize, end: usize) -> bool {
    text[..start].trim_matches(char::is_whitespace).is_empty() && text[end..].trim_matches(char::is_whitespace).is_empty()
}

/// The characters every [`PHRASES`] entry starts with (tested): a phrase is only looked for where
/// one of them is.
const PHRASE_LEADS: [char; 4] = ['此', '在', '点', '请'];

/// Editor and template phrases, by their first character.
const PHRASES: &[&str] = &[
    "此处填写", "此处输入", "此处添加", "此处插入", "此处粘贴", "在此输入", "在此填写", "在此处输入", "在此处填写", "在这里输入",
    "在这里填写", "点击输入", "点此输入", "点击此处输入", "点击添加文字", "请输入标题", "请输入正文", "请输入文字", "请输入内容",
    "请输入文本", "请输入副标题", "请输入摘要", "请填写标题", "请填写内容",
];

/// Bracket contents starting with 待 + one of these are placeholders in any bracket …
const TODO_STRONG: &[&str] = &["补充", "补全", "填写", "填", "完善", "添加", "录入", "插入", "补"];
/// … these only in square brackets (（待定） is often real information).
const TODO_WEAK: &[&str] = &["定", "确认", "核实", "更新", "修改", "审核"];

fn closing(open: char) -> Option<(char, bool)> {
    Some(match open {
        '【' => ('】', true),
        '[' => (']', true),
        '［' => ('］', true),
        '〖' => ('〗', true),
        '（' => ('）', false),
        '(' => (')', false),
        '〔' => ('〕', false),
        '{' => ('}', false),
        '｛' => ('｝', false),
        '「' => ('」', false),
        '〈' => ('〉', false),
        '<' => ('>', false),
        _ => return None,
    })
}

/// A bracket at `start` whose content is a to-do marker or a template phrase: its byte end.
fn bracket(text: &str, start: usize, open: char) -> Option<usize> {
    let (close, square) = closing(open)?;
    let inner_start = start + open.len_utf8();
    let (len, _) = text[inner_start..].char_indices().take(30).find(|&(_, c)| c == close || c == open || c == '\n')?;
    if !text[inner_start + len..].starts_with(close) {
        return None;
    }
    let inner = text[inner_start..inner_start + len].trim_matches(is_space);
    let todo = inner.strip_prefix('待').is_some_and(|rest| {
        TODO_STRONG.iter().any(|s| rest.starts_with(s)) || (square && TODO_WEAK.iter().any(|s| rest.starts_with(s)))
    });
    // A phrase anywhere inside, looked for only at its possible first characters (not one
    // substring search per phrase and bracket: brackets are frequent in real text).
    let phrase = inner.char_indices().any(|(i, c)| PHRASE_LEADS.contains(&c) && phrase_at(&inner[i..]).is_some())
        || matches!(inner, "请填写" | "请输入" | "请补充" | "填写" | "内容");
    (todo || phrase).then_some(inner_start + len + close.len_utf8())
}

/// The longest of [`PHRASES`] that `rest` starts with.
fn phrase_at(rest: &str) -> Option<&'static str> {
    PHRASES.iter().copied().filter(|p| rest.starts_with(p)).max_by_key(|p| p.len())
}

/// A phrase starting at `start`: its byte range (with a 请 before it).
fn phrase(text: &str, start: usize) -> Option<(usize, usize)> {
    let p = phrase_at(&text[start..])?;
    let s = if p.starts_with('请') { start } else { start - prev_char(text, start).filter(|&c| c == '请').map_or(0, char::len_utf8) };
    Some((s, start + p.len()))
}

/// `TODO`, `TBD`, `TBC` as upper-case words.
fn todo_word(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let w = ["TODO", "TBD", "TBC"].into_iter().find(|w| rest.starts_with(w))?;
    let end = start + w.len();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    (!word(prev_char(text, start)) && !word(next_char(text, end))).then_some(end)
}

/// Byte ranges of the placeholders in `text`, merged and in order.
fn scan(text: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut lazy = Lazy { text, chromosome: None, form: None };
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if let Some(class) = class_of(c) {
            let (mut end, mut n) = (i + c.len_utf8(), 1);
            while let Some(&(j, d)) = it.peek() {
                if class_of(d) != Some(class) {
                    break;
                }
                end = j + d.len_utf8();
                n += 1;
                it.next();
            }
            let hit = match class {
                Class::X => x_run(text, i, end, n, &mut lazy),
                Class::Box => box_run(text, i, end, n, &mut lazy),
                Class::Circle => circle_run(text, i, end, n),
                Class::Triangle => n >= 2 && !divider(text, i, end),
            };
            if hit {
                out.push((i, end));
            }
            continue;
        }
        match c {
            c if PHRASE_LEADS.contains(&c) => out.extend(phrase(text, i)),
            'T' => out.extend(todo_word(text, i).map(|e| (i, e))),
            _ => {
                if let Some(e) = closing(c).and_then(|_| bracket(text, i, c)) {
                    out.push((i, e));
                }
            }
        }
    }
    if out.len() < 2 {
        return;
    }
    out.sort_unstable();
    // Merge overlapping and adjacent ranges; a 年 / 月 between two of them makes a date template.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    let mut dated = false;
    for &(s, e) in out.iter() {
        if let Some(last) = merged.last_mut() {
            let between = &text[last.1.min(s)..s];
            if s <= last.1 {
                last.1 = last.1.max(e);
                continue;
            }
            if between == "年" || between == "月" {
                last.1 = e;
                dated = true;
                continue;
            }
            close_date(text, last, dated);
        }
        dated = false;
        merged.push((s, e));
    }
    if let Some(last) = merged.last_mut() {
        close_date(text, last, dated);
    }
    *out = merged;
}

/// A date template takes the unit after its last placeholder (`XX月XX日`).
fn close_date(text: &str, range: &mut (usize, usize), dated: bool) {
    if dated {
        if let Some(c) = next_char(text, range.1).filter(|c| matches!(c, '年' | '月' | '日' | '号')) {
            range.1 += c.len_utf8();
        }
    }
}

impl Rule for Placeholder {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, cfg: &RuleConfig, out: &mut Vec<Finding>) {
        let ignore = cfg.list("ignore");
        let mut ranges = Vec::new();
        for (field, block, text) in ctx.article.texts() {
            scan(text, &mut ranges);
            if ranges.is_empty() {
                continue;
            }
            let mut cursor = Utf16Cursor::new(text);
            for &(s, e) in &ranges {
                let t = &text[s..e];
                if ignore.iter().any(|i| i == t) {
                    continue;
                }
                let message = ctx.msg(
                    format!("疑似未填写的模板占位符“{t}”，请填写实际内容或删除"),
                    format!("Unfilled template placeholder \"{t}\": fill in the actual content or remove it"),
                );
                out.push(Finding {
                    rule: META.id.to_string(),
                    severity: cfg.severity,
                    category: None,
                    field,
                    block,
                    start: cursor.at(s),
                    end: cursor.at(e),
                    text: t.to_string(),
                    message,
                    suggestion: Some(ctx.msg("填写实际内容".into(), "Fill in the actual content".into())),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{check, check_with, config};
    use crate::{Article, Field, Severity};

    fn texts(p: &str) -> Vec<String> {
        check(&Article::from_paragraphs("标题", [p]), "placeholder").into_iter().map(|f| f.text).collect()
    }

    #[track_caller]
    fn none(p: &str) {
        let t = texts(p);
        assert!(t.is_empty(), "{p}: {t:?}");
    }

    #[test]
    fn reference_lines() {
        let line = "目前□xx 镇人民政府共开设 1 个政务新媒体，即官方微信公众号□xxxx□";
        let f = check(&Article::from_paragraphs("标题", [line]), "placeholder");
        let t: Vec<_> = f.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(t, ["□xx", "□xxxx□"]);
        assert_eq!((f[0].start, f[0].end), (2, 5));
        assert_eq!(f[0].severity, Severity::Block);
        assert_eq!(f[0].suggestion.as_deref(), Some("填写实际内容"));
        assert!(f[0].message.contains("□xx"));
        assert_eq!(texts("根据 xxx 办公厅关于印发政府开展指引的通知（国办发（2022）47 号）"), ["xxx"]);
        assert_eq!(texts("危害国家安全，泄露国家秘密，颠覆国家xxx□破坏国家统一的；"), ["xxx□"]);
        assert_eq!(texts("xx 省政务管理效劳局关于加强的通知[]x 政务发[]2022[]x 号）等文件精神"), ["xx", "x", "x"]);
        assert_eq!(texts("根据x教发〔2024〕3号文件"), ["x"]);
        none("x发球");
        assert_eq!(texts("xx 县政务新媒体信息审核发布管理制度（试行）"), ["xx"]);
    }

    #[test]
    fn x_forms_and_dates() {
        assert_eq!(texts("时间：XXXX年XX月XX日上午"), ["XXXX年XX月XX日"]);
        assert_eq!(texts("定于x月x日召开"), ["x月x日"]);
        assert_eq!(texts("定于20XX年X月举行"), ["XX年X月"]);
        assert_eq!(texts("授予××同志荣誉称号"), ["××"]);
        assert_eq!(texts("×××办公室：×月×日前报送"), ["×××", "×月×日"]);
        assert_eq!(texts("ＸＸ镇和ｘｘ村"), ["ＸＸ", "ｘｘ"]);
        assert_eq!(texts("第x届运动会在xx中学举行"), ["x", "xx"]);
        assert_eq!(texts("1.XX同志 2.xx老师"), ["XX", "xx"]);
        assert_eq!(texts("时间:XX月XX日"), ["XX月XX日"]);
    }

    #[test]
    fn x_negatives() {
        for p in [
            "X光检查、X射线、X线片、X型腿和X染色体",
            "尺码有 XXL、XL、xx-large 可选",
            "访问 www.xxx.com 或 https://example.com/xx/a，邮箱 xx@example.com，文件 a_xx.png",
            "Super Bowl XX was held in New Orleans.",
            "The XX and the YY are bands",
            "女性的性染色体组成为XX，男性为XY。",
            "判断题答案：√××√×",
            "计算 3×4=12，2 × 5 = 10",
            "设x年后父亲年龄是儿子的2倍，解得x=5",
            "设每件x元，3x人",
            "Xbox 和 xbox 与 0x1F",
            "某某同志、某某村",
            "骗子常冒充\"XX银行客服\"，或自称是“xx公安局”民警",
            "二○二六年三月，二○○六年，二〇〇〇年",
            "〇〇后和○○后的青年",
            "评分：●●●○○",
            "○○○○○○○○",
            "△ 学生在操场参加升旗仪式",
            "△△△△△△",
        ] {
            none(p);
        }
    }

    #[test]
    fn boxes_circles_triangles() {
        assert_eq!(texts("授予○○同志、△△同志"), ["○○", "△△"]);
        assert_eq!(texts("地点：□□□"), ["□□□"]);
        none("□同意 □不同意");
        none("性别：男□ 女□");
        none("□ 活动时间：周六上午");
        none("☑ 已报名 □ 未报名");
        none("是否参加：□是 □否");
    }

    #[test]
    fn every_phrase_starts_with_a_lead_character() {
        for p in super::PHRASES {
            assert!(p.starts_with(super::PHRASE_LEADS), "{p}");
        }
    }

    #[test]
    fn template_phrases_and_brackets() {
        assert_eq!(texts("负责人：【待补充】"), ["【待补充】"]);
        assert_eq!(texts("时间：【待定】，地点：[待填]"), ["【待定】", "[待填]"]);
        assert_eq!(texts("活动内容（此处填写活动简介…）结束"), ["（此处填写活动简介…）"]);
        assert_eq!(texts("主讲人（姓名：点击输入）"), ["（姓名：点击输入）"], "a phrase inside, not at the start");
        assert_eq!(texts("请在此输入正文"), ["请在此输入"]);
        assert_eq!(texts("此处输入文字"), ["此处输入"]);
        assert_eq!(texts("请输入标题"), ["请输入标题"]);
        assert_eq!(texts("TODO：补充数据；结论 TBD"), ["TODO", "TBD"]);
        none("决赛时间（待定），请关注后续通知");
        none("TODOS and Tbd and todo");
        none("在此期间，请输入验证码后提交");
        none("他在此输出了全部力量");
    }

    #[test]
    fn offsets_with_emoji_full_width_and_fields() {
        let mut a = Article::from_paragraphs("😀xx镇召开会议", ["👨‍👩‍👧 ＸＸ村"]);
        a.digest = "于x月x日".into();
        let f = check(&a, "placeholder");
        let got: Vec<_> = f.iter().map(|f| (f.field, f.start, f.end, f.text.as_str())).collect();
        assert_eq!(got, [(Field::Title, 2, 4, "xx"), (Field::Digest, 1, 5, "x月x日"), (Field::Body, 9, 11, "ＸＸ")]);
    }

    #[test]
    fn ignore_option() {
        let a = Article::from_paragraphs("t", ["xx镇和××同志"]);
        let f = check_with(config(r#"{"rules":{"placeholder":{"ignore":["××"]}}}"#), &a, "placeholder");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "xx");
    }
}
