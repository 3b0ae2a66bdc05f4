//! When an article was published and by which account, read from the saved file.
//!
//! A saved published WeChat article page (`mp.weixin.qq.com/s/…`, saved from the browser)
//! carries both in its inline scripts and in visible elements. What real pages hold, as public
//! scrapers and savers of these pages read them (see the comments of the fixtures in
//! `tests/fixtures/health/articles/`):
//!
//! - the publication instant as a Unix timestamp: `var ct = "1529491955";` (every page generation
//!   since at least 2018), `oriCreateTime = '…'` (2026 pages), `d.create_time = "…"*1;` (image
//!   and video messages) or `create_time: JsDecode('…')` (2025–26 pages);
//! - the publication time as text: `var createTime = '2026-04-26 15:30';` (2025–26 pages),
//!   `var publish_time = "2018-06-20" || "";` (2018 pages);
//! - the visible `#publish_time` element: empty in the page as served (a script fills it in),
//!   holding `2021-01-01` or `2026年4月26日 15:30` in a page saved from the browser;
//! - the account name: `var nickname = "…";`, `d.nick_name = "…";`, `nick_name: JsDecode('…')`,
//!   the `#js_name` link, the `.profile_nickname` card, the `.wx_follow_nickname` line.
//!
//! Markdown files may say `date:` (or `publish_date:`, `发布时间:`, …) and `account:` (or
//! `公众号:`) in their front matter; any file may carry a date in its name
//! (`2026-03-05-春季运动会.md`, `20260305 简报.txt`). The first source found wins, in the order
//! above (scripts, element, front matter, file name). Only a published page (one with the
//! article body `#js_content`) is read for its scripts and elements: an editor page is a draft. Reading is a linear scan of the source: no
//! second HTML parse, whatever the size of the page.

use super::date::{find_date, parse_date, Date};
use std::path::Path;
use wxlint::extract::Format;

/// The publication date of an article and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub date: Date,
    /// Where the date came from, for the report: `页面脚本 ct`, `文件名`…
    pub source: &'static str,
}

/// What a file says about its publication.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Published {
    pub date: Option<Dated>,
    /// The account (公众号) name, as the page or the front matter gives it.
    pub account: Option<String>,
}

/// Reads the publication date and account of one article file.
pub fn published(path: &Path, source: &str, format: Format) -> Published {
    let mut p = match format {
        Format::Html => from_page(source),
        Format::Markdown => from_front_matter(source),
        Format::Text => Published::default(),
    };
    if p.date.is_none() {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        p.date = find_date(&name).map(|date| Dated { date, source: "文件名" });
    }
    p
}

/// A page has each of these elements once or twice: a page with more is not looked at further.
const MAX_CANDIDATES: usize = 8;

/// Timestamp variables of the page scripts, in order of preference.
const TIMESTAMP_VARS: &[(&str, &str)] =
    &[("ct", "页面脚本 ct"), ("oriCreateTime", "页面脚本 oriCreateTime"), ("create_time", "页面脚本 create_time")];
/// Text date variables of the page scripts.
const DATE_VARS: &[(&str, &str)] = &[("createTime", "页面脚本 createTime"), ("publish_time", "页面脚本 publish_time")];
/// Account name variables of the page scripts.
const ACCOUNT_VARS: &[&str] = &["nickname", "nick_name"];
/// Elements holding the account name: (attribute, value).
const ACCOUNT_ELEMENTS: &[(&str, &str)] = &[("id", "js_name"), ("class", "profile_nickname"), ("class", "wx_follow_nickname")];

fn from_page(src: &str) -> Published {
    // Only a published article has a publication date: an editor page (a draft) carries other
    // times in its scripts (the account's, the draft list's).
    if !src.contains("js_content") {
        return Published::default();
    }
    let scripts = scripts(src);
    let scripts = scripts.as_slice();
    let mut date = None;
    'found: for (name, label) in TIMESTAMP_VARS {
        for value in script_values(scripts, name) {
            let digits = value.trim();
            if (9..=11).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
                if let Some(d) = digits.parse().ok().and_then(Date::from_unix_beijing) {
                    date = Some(Dated { date: d, source: label });
                    break 'found;
                }
            }
        }
    }
    if date.is_none() {
        'text: for (name, label) in DATE_VARS {
            for value in script_values(scripts, name) {
                if let Some(d) = parse_date(&value) {
                    date = Some(Dated { date: d, source: label });
                    break 'text;
                }
            }
        }
    }
    if date.is_none() {
        date = element_texts(src, "id", "publish_time")
            .take(MAX_CANDIDATES)
            .find_map(|t| parse_date(&t))
            .map(|d| Dated { date: d, source: "页面上的发布时间" });
    }
    let account = ACCOUNT_VARS
        .iter()
        .flat_map(|name| script_values(scripts, name))
        .chain(ACCOUNT_ELEMENTS.iter().flat_map(|(attr, value)| element_texts(src, attr, value).take(MAX_CANDIDATES)))
        .map(|s| s.trim().to_string())
        .find(|s| !s.is_empty() && s.chars().count() <= 64);
    Published { date, account }
}

/// The contents of the page's `<script>` elements, in page order (one pass over the page).
fn scripts(src: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = find_ascii_ci(src, from, "<script") {
        let Some(gt) = src[open..].find('>') else { break };
        let body = open + gt + 1;
        let end = find_ascii_ci(src, body, "</script").unwrap_or(src.len());
        out.push(&src[body..end]);
        from = end;
    }
    out
}

/// The first `needle` (ASCII, starting with `<`) at or after `from`, ignoring ASCII case.
fn find_ascii_ci(src: &str, from: usize, needle: &str) -> Option<usize> {
    let (bytes, n) = (src.as_bytes(), needle.as_bytes());
    let mut i = from;
    while let Some(k) = bytes.get(i..).and_then(|rest| rest.iter().position(|&b| b == b'<')) {
        let at = i + k;
        if bytes.get(at..at + n.len()).is_some_and(|w| w.eq_ignore_ascii_case(n)) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// The string values assigned to `name` in any of the page's scripts, in page order.
fn script_values<'a>(scripts: &'a [&'a str], name: &'a str) -> impl Iterator<Item = String> + 'a {
    scripts.iter().flat_map(move |s| values_in(s, name))
}

/// The string values assigned to a script variable or property `name`, decoded, in order:
/// `name = "v"`, `name="v"*1`, `name: 'v'`, `name = JsDecode('v')`, `name = htmlDecode("v")`.
/// `name` must stand alone (`var ct`, `d.ct`, `{ct:`), not end a longer identifier (`act`).
fn values_in<'a>(src: &'a str, name: &'a str) -> impl Iterator<Item = String> + 'a {
    let bytes = src.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(found) = src[from..].find(name) {
            let start = from + found;
            let end = start + name.len();
            from = end;
            let before = start.checked_sub(1).map(|i| bytes[i]);
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$') {
                continue;
            }
            if bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
                continue;
            }
            if let Some(v) = assigned_string(&src[end..]) {
                return Some(v);
            }
        }
        None
    })
}

/// The string literal assigned at the start of `rest` (` = "…"`, `: '…'`, `= JsDecode("…")`).
fn assigned_string(rest: &str) -> Option<String> {
    let rest = rest.trim_start_matches([' ', '\t']);
    let rest = rest.strip_prefix('=').or_else(|| rest.strip_prefix(':'))?;
    if rest.starts_with('=') {
        return None; // a comparison (`==`), not an assignment
    }
    let mut rest = rest.trim_start_matches([' ', '\t']);
    for call in ["JsDecode(", "htmlDecode(", "decodeURIComponent("] {
        if let Some(r) = rest.strip_prefix(call) {
            rest = r.trim_start_matches([' ', '\t']);
        }
    }
    let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\'' | '`'))?;
    let body = &rest[1..];
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c == quote => return Some(decode_entities(&out)),
            '\n' | '\r' => return None,
            '\\' => match chars.next()? {
                'x' => {
                    let hex: String = chars.by_ref().take(2).collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                'n' => out.push('\n'),
                't' => out.push('\t'),
                other => out.push(other),
            },
            c => out.push(c),
        }
        if out.len() > 1024 {
            return None;
        }
    }
    None
}

/// The text of each element whose `attr` holds `value` (an id, or one of the classes), with
/// inner tags dropped, entities decoded and white space collapsed.
fn element_texts<'a>(src: &'a str, attr: &'a str, value: &'a str) -> impl Iterator<Item = String> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(found) = src[from..].find(value) {
            let at = from + found;
            from = at + value.len();
            // Inside a start tag, as the value of `attr`? (Tags are short: every search looks at
            // a bounded window, so repeated or unclosed markup stays linear.)
            let Some(tag_start) = src[window_start(src, at, TAG_WINDOW)..at].rfind('<').map(|i| window_start(src, at, TAG_WINDOW) + i) else { continue };
            if src[tag_start..at].contains('>') || src[tag_start + 1..].starts_with(['/', '!']) {
                continue;
            }
            let Some(tag_end) = src[at..window_end(src, at, TAG_WINDOW)].find('>').map(|i| at + i) else { continue };
            if !attr_holds(&src[tag_start..tag_end], attr, value) {
                continue;
            }
            let name: String = src[tag_start + 1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            let limit = window_end(src, tag_end + 1, TEXT_WINDOW);
            let inner_end = src[tag_end + 1..limit].find(&format!("</{name}")).map_or(limit, |i| tag_end + 1 + i);
            let inner = &src[tag_end + 1..inner_end];
            return Some(collapse(&decode_entities(&strip_tags(inner))));
        }
        None
    })
}

/// How far a start tag may reach around the attribute value, and how far its text.
const TAG_WINDOW: usize = 2048;
const TEXT_WINDOW: usize = 4096;

/// `at - len`, at a character boundary.
fn window_start(s: &str, at: usize, len: usize) -> usize {
    let mut i = at.saturating_sub(len);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `at + len` (at most the end), at a character boundary.
fn window_end(s: &str, at: usize, len: usize) -> usize {
    let mut i = (at + len).min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether the start tag `tag` has `attr="…value…"` (a whole id, or one class among several).
fn attr_holds(tag: &str, attr: &str, value: &str) -> bool {
    let mut rest = tag;
    while let Some(i) = rest.find(attr) {
        let before_ok = rest[..i].ends_with([' ', '\t', '\n', '\r']);
        let after = rest[i + attr.len()..].trim_start();
        rest = &rest[i + attr.len()..];
        if !before_ok {
            continue;
        }
        let Some(after) = after.strip_prefix('=') else { continue };
        let after = after.trim_start();
        let (quote, body) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &after[1..]),
            _ => (None, after),
        };
        let end = body.find(|c: char| quote.map_or(c.is_whitespace() || c == '>', |q| c == q)).unwrap_or(body.len());
        let v = &body[..end];
        return if attr == "class" { v.split_whitespace().any(|c| c == value) } else { v == value };
    }
    false
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the HTML character references that page text and script strings use.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16).ok().and_then(char::from_u32)
                }
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Front matter keys, lower-cased, that give the publication date.
const FRONT_DATE_KEYS: &[&str] =
    &["date", "publish_date", "publishdate", "published", "pubdate", "publish_time", "发布时间", "发布日期", "发表时间", "发表日期", "日期"];
/// Front matter keys that give the account.
const FRONT_ACCOUNT_KEYS: &[&str] = &["account", "公众号", "nickname", "wechat_account", "official_account"];

/// `date:` and `account:` of a YAML front matter block (the first lines, between `---` lines).
fn from_front_matter(src: &str) -> Published {
    let mut p = Published::default();
    let src = src.trim_start_matches('\u{feff}');
    let mut lines = src.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return p;
    }
    for line in lines.take(200) {
        let line = line.trim_end();
        if line == "---" || line == "..." {
            break;
        }
        let Some((key, value)) = line.split_once(':').filter(|(k, _)| !k.starts_with([' ', '\t'])) else { continue };
        let key = key.trim().to_lowercase();
        let value = unquote(value.trim());
        if p.date.is_none() && FRONT_DATE_KEYS.contains(&key.as_str()) {
            p.date = parse_date(value).map(|date| Dated { date, source: "front matter" });
        } else if p.account.is_none() && FRONT_ACCOUNT_KEYS.contains(&key.as_str()) && !value.is_empty() {
            p.account = Some(value.to_string());
        }
    }
    p
}

fn unquote(v: &str) -> &str {
    v.strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A published page: the body is `#js_content`.
    fn page(html: &str) -> Published {
        published(Path::new("a.html"), &format!(r#"<div id="js_content"></div>{html}"#), Format::Html)
    }

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn script_timestamps_win_and_are_beijing_dates() {
        // 1772728200 = 2026-03-05 16:30 UTC = 2026-03-06 00:30 in Beijing.
        let p = page(r#"<script>var ct = "1772728200";
            var publish_time = "2026-03-05" || "";</script><em id="publish_time">2026-03-05</em>"#);
        assert_eq!(p.date, Some(Dated { date: date(2026, 3, 6), source: "页面脚本 ct" }));
        let p = page(r#"<script>var ct="1772728200"*1;</script>"#);
        assert_eq!(p.date.unwrap().date, date(2026, 3, 6));
        let p = page("<script>window.a = {create_time: JsDecode('1772728200')};</script>");
        assert_eq!(p.date.unwrap().source, "页面脚本 create_time");
        let p = page(r#"<script>d.create_time = "1772728200"*1;</script>"#);
        assert_eq!(p.date.unwrap().source, "页面脚本 create_time");
        let p = page("<script>var oriCreateTime = '1772728200';var createTime = '2026-03-06 00:30';</script>");
        assert_eq!(p.date.unwrap().source, "页面脚本 oriCreateTime");
    }

    #[test]
    fn text_variables_then_the_visible_element() {
        let p = page("<script>var createTime = '2026-04-26 15:30';</script>");
        assert_eq!(p.date, Some(Dated { date: date(2026, 4, 26), source: "页面脚本 createTime" }));
        let p = page(r#"<div><em id="publish_time" class="rich_media_meta rich_media_meta_text">2026年4月26日 15:30</em></div>"#);
        assert_eq!(p.date, Some(Dated { date: date(2026, 4, 26), source: "页面上的发布时间" }));
        // As served, the element is empty and a script fills it: no date from it.
        assert_eq!(page(r#"<em id="publish_time" class="rich_media_meta"></em>"#).date, None);
        // A relative time is no date.
        assert_eq!(page(r#"<em id="publish_time">昨天</em>"#).date, None);
    }

    #[test]
    fn look_alike_names_and_comparisons_are_not_read() {
        let p = page(r#"<script>var act = "1772728200"; if (ct == "1772728200") {} var ct_x = "1";</script>"#);
        assert_eq!(p.date, None);
        let p = page(r#"<script>var ct = "abc"; var ct = "1772728200";</script>"#);
        assert_eq!(p.date.unwrap().date, date(2026, 3, 6), "the first usable value");
        assert_eq!(page(r#"<p id="publish_time_x">2026-03-05</p>"#).date, None);
    }

    #[test]
    fn only_scripts_are_read_for_variables() {
        let p = page(r#"<!-- nick_name: JsDecode('注释'), var ct = "1772728200" --><p>var nickname = "正文";</p><SCRIPT type="text/javascript">var nickname = "脚本";</SCRIPT>"#);
        assert_eq!((p.account.as_deref(), p.date), (Some("脚本"), None));
        let p = page("<script>var a = 1;</script><script>var ct = \"1772728200\";"); // unclosed
        assert!(p.date.is_some());
    }

    #[test]
    fn account_names() {
        let p = page(r#"<script>var nickname = "阳光小学";</script><a id="js_name">别的名字</a>"#);
        assert_eq!(p.account.as_deref(), Some("阳光小学"));
        let p = page(r#"<script>var nickname = htmlDecode("A&amp;B 小学");</script>"#);
        assert_eq!(p.account.as_deref(), Some("A&B 小学"));
        let p = page(r"<script>var x = {nick_name: JsDecode('\x26\u5c0f\u5b66')};</script>");
        assert_eq!(p.account.as_deref(), Some("&小学"));
        let p = page(r#"<a href="javascript:void(0);" class="wx_tap_link" id="js_name">
                        柳河镇人民政府 </a>"#);
        assert_eq!(p.account.as_deref(), Some("柳河镇人民政府"));
        let p = page(r#"<strong class="profile_nickname">城南小学</strong>"#);
        assert_eq!(p.account.as_deref(), Some("城南小学"));
        let p = page(r#"<span class="wx_follow_nickname other">工会</span>"#);
        assert_eq!(p.account.as_deref(), Some("工会"));
        // Empty script values fall through to the page elements.
        let p = page(r#"<script>var nickname = "";</script><a id="js_name"><span>城南</span>小学</a>"#);
        assert_eq!(p.account.as_deref(), Some("城南 小学"));
        assert_eq!(page("<p>正文</p>").account, None);
    }

    #[test]
    fn front_matter_then_file_name() {
        let md = "---\ntitle: 运动会\ndate: 2026-03-05 10:00\naccount: \"阳光小学\"\n---\n# 运动会\n";
        let p = published(Path::new("x.md"), md, Format::Markdown);
        assert_eq!(p.date, Some(Dated { date: date(2026, 3, 5), source: "front matter" }));
        assert_eq!(p.account.as_deref(), Some("阳光小学"));
        let md = "---\n发布日期: 2026年3月5日\n公众号: 柳河镇\n---\n";
        let p = published(Path::new("x.md"), md, Format::Markdown);
        assert_eq!((p.date.unwrap().date, p.account.as_deref()), (date(2026, 3, 5), Some("柳河镇")));
        let p = published(Path::new("dir/2026-03-05-运动会.md"), "# 运动会\n", Format::Markdown);
        assert_eq!(p.date, Some(Dated { date: date(2026, 3, 5), source: "文件名" }));
        let p = published(Path::new("20260305 简报.txt"), "简报\n", Format::Text);
        assert_eq!(p.date.unwrap().date, date(2026, 3, 5));
        let page_src = r#"<div id="js_content"></div><script>var ct = "1772728200";</script>"#;
        let p = published(Path::new("2026-03-07-x.html"), page_src, Format::Html);
        assert_eq!(p.date.unwrap().source, "页面脚本 ct", "the page wins over the file name");
        // An editor page (a draft) is not dated by its scripts.
        let editor = r#"<div class="ProseMirror"><p>正文</p></div><script>var ct = "1772728200"; var nickname = "阳光小学";</script>"#;
        assert_eq!(published(Path::new("draft.html"), editor, Format::Html), Published::default());
        assert_eq!(published(Path::new("notes.txt"), "2026-03-05\n", Format::Text), Published::default(), "text bodies are not read");
    }

    /// The time of `f` on the smaller and the larger input, best of three.
    fn ratio(small: &str, large: &str) -> f64 {
        let best = |s: &str| {
            (0..5)
                .map(|_| {
                    let t = std::time::Instant::now();
                    std::hint::black_box(page(s));
                    t.elapsed().as_secs_f64()
                })
                .fold(f64::MAX, f64::min)
        };
        best(large) / best(small).max(1e-9)
    }

    #[test]
    fn repeated_and_unclosed_markup_stays_linear() {
        // Eight times the input must take about eight times as long, not sixty-four.
        for unit in [r#"<a id="js_name">x "#, r#"id="js_name" "#, "<script>var ct = 1;", "<em id=\"publish_time\">", "<<<<<<<<"] {
            // Sizes where the small run takes milliseconds, not microseconds: on a loaded machine
            // a sub-millisecond time is mostly noise (this was flaky at 5,000 / 40,000).
            let small = unit.repeat(20_000);
            let large = unit.repeat(160_000);
            let r = ratio(&small, &large);
            assert!(r < 30.0, "{unit:?}: 8× the input took {r:.1}× the time");
        }
    }

    #[test]
    fn hostile_input_does_not_panic() {
        for junk in ["", "<", "var ct", "var ct = ", "var ct = \"", "ct:'\\x", "ct:'\\u12", "<em id=\"publish_time\"", "id=js_name>", "&#xFFFFFFFF;", "<a id=\"js_name\">&#99999999;</a>"] {
            let _ = page(junk);
        }
        let big = "var ct = \"".to_string() + &"9".repeat(100_000);
        assert_eq!(page(&big).date, None);
    }
}
