//! The lexicon file parser. The format is documented in `lexicons/FORMAT.md`.

use super::entry::{Entry, Lexicon, SharedStr, When};
use super::expand::Sets;
use super::error::LexiconError;
use crate::config::quote_str;
use crate::finding::Severity;
use crate::normalize::key_of;
use super::matcher::NEAR;
use std::sync::Arc;

/// The longest term accepted, in characters.
pub const MAX_TERM_CHARS: usize = 64;
/// The longest category id accepted.
pub const MAX_CATEGORY_CHARS: usize = 32;

/// The category of entries in a list that names none.
pub const DEFAULT_CATEGORY: &str = "custom";
/// The rule of entries in a list that names none.
pub const DEFAULT_RULE: &str = "prohibited";

/// Is `id` a valid category or rule id: `[a-z0-9][a-z0-9-]*`, at most 32 characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_CATEGORY_CHARS
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// Parses a lexicon. `name` is used in errors; `category` is the category of entries before any
/// `@category` directive (default `custom`). On error nothing is returned but the error.
pub fn parse(name: &str, text: &str, category: Option<&str>) -> Result<Lexicon, LexiconError> {
    let err = |line: usize, en: String, zh: String| LexiconError::new(name, line, en, zh);
    let start_category = category.unwrap_or(DEFAULT_CATEGORY);
    if !is_valid_id(start_category) {
        return Err(err(0, format!("invalid category id '{start_category}' (use a-z, 0-9 and -)"),
            format!("分类名“{start_category}”无效（只能用小写字母、数字和 -）")));
    }
    let mut lex = Lexicon { name: name.to_string(), ..Lexicon::default() };
    // Banned entries defined so far, by (rule, key): their index and whether their line was one
    // term (explicit) rather than a family.
    let mut defined: std::collections::HashMap<(Arc<str>, String), (usize, bool)> = std::collections::HashMap::new();
    let mut rule: Arc<str> = Arc::from(DEFAULT_RULE);
    let mut cat: Arc<str> = Arc::from(start_category);
    let mut severity: Option<Severity> = None;
    let mut allow = false;
    let mut when = When::Always;
    let mut sets = Sets::default();

    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Lines end with \n, \r\n or a lone \r (files saved by old Mac software).
    for (i, raw) in split_lines(text).enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(directive) = line.strip_prefix('@') {
            let mut parts = directive.splitn(2, char::is_whitespace);
            let word = parts.next().unwrap_or("");
            let arg = parts.next().map(str::trim).unwrap_or("");
            match word {
                "rule" => {
                    if !is_valid_id(arg) {
                        let arg = quote_str(arg);
                        return Err(err(line_no, format!("@rule needs a rule id, got '{arg}'"), format!("@rule 后应为规则 ID，实际为“{arg}”")));
                    }
                    if !crate::rules::is_lexicon_rule(arg) {
                        let known = crate::rules::LEXICON_RULES.join(", ");
                        return Err(err(line_no,
                            format!("@rule {arg}: no rule of that name reads a lexicon (rules that do: {known})"),
                            format!("@rule {arg}：没有这条读取词库的规则（读取词库的规则：{known}）")));
                    }
                    rule = Arc::from(arg);
                    severity = None;
                    when = When::Always;
                    allow = false;
                }
                "category" => {
                    let mut p = arg.splitn(2, char::is_whitespace);
                    let id = p.next().unwrap_or("");
                    if !is_valid_id(id) {
                        let id = quote_str(id);
                        return Err(err(line_no, format!("invalid category id '{id}' (use a-z, 0-9 and -)"), format!("分类名“{id}”无效（只能用小写字母、数字和 -）")));
                    }
                    if let Some(label) = p.next().map(str::trim).filter(|l| !l.is_empty()) {
                        lex.labels.insert(id.to_string(), label.to_string());
                    }
                    cat = Arc::from(id);
                    allow = false;
                }
                "severity" => {
                    severity = Some(Severity::parse(arg).ok_or_else(|| err(line_no,
                        format!("unknown severity '{}' (block, review, warn or info)", quote_str(arg)),
                        format!("未知的级别“{}”（应为 block、review、warn 或 info）", quote_str(arg))))?);
                }
                "when" => {
                    when = When::parse(arg).ok_or_else(|| err(line_no,
                        format!("unknown @when '{}' (always, solicit or fixed)", quote_str(arg)),
                        format!("未知的 @when“{}”（应为 always、solicit 或 fixed）", quote_str(arg))))?;
                }
                "set" => {
                    let mut p = arg.splitn(2, char::is_whitespace);
                    let set_name = p.next().unwrap_or("");
                    let items = p.next().unwrap_or("");
                    sets.define(set_name, items).map_err(|e| err(line_no, e.en, e.zh))?;
                }
                "allow" => {
                    if !arg.is_empty() {
                        return Err(err(line_no, "@allow takes no argument".into(), "@allow 后不应有内容".into()));
                    }
                    allow = true;
                }
                _ => {
                    let word = quote_str(word);
                    return Err(err(line_no, format!("unknown directive '@{word}'"), format!("未知指令“@{word}”")));
                }
            }
            continue;
        }

        let mut fields = line.split('|');
        let term = fields.next().unwrap_or("").trim();
        let mut proto = Entry {
            term: SharedStr::default(),
            key: SharedStr::default(),
            rule: rule.clone(),
            category: cat.clone(),
            severity,
            suggestion: None,
            note: None,
            allow,
            when,
            line: line_no,
        };
        for field in fields {
            let field = field.trim();
            let shown = quote_str(field);
            let (k, v) = field.split_once('=').ok_or_else(|| err(line_no,
                format!("field '{shown}' is not key=value"), format!("字段“{shown}”不是 key=value 形式")))?;
            let (k, v) = (k.trim(), v.trim());
            if v.is_empty() {
                let k = quote_str(k);
                return Err(err(line_no, format!("field '{k}' is empty"), format!("字段“{k}”为空")));
            }
            match k {
                "suggest" | "suggestion" => proto.suggestion = Some(v.into()),
                "note" => proto.note = Some(v.into()),
                "severity" => {
                    proto.severity = Some(Severity::parse(v).ok_or_else(|| err(line_no,
                        format!("unknown severity '{}' (block, review, warn or info)", quote_str(v)),
                        format!("未知的级别“{}”（应为 block、review、warn 或 info）", quote_str(v))))?)
                }
                "when" => {
                    proto.when = When::parse(v).ok_or_else(|| err(line_no,
                        format!("unknown when '{}' (always, solicit or fixed)", quote_str(v)),
                        format!("未知的 when“{}”（应为 always、solicit 或 fixed）", quote_str(v))))?
                }
                "category" => {
                    if !is_valid_id(v) {
                        let v = quote_str(v);
                        return Err(err(line_no, format!("invalid category id '{v}' (use a-z, 0-9 and -)"), format!("分类名“{v}”无效（只能用小写字母、数字和 -）")));
                    }
                    proto.category = Arc::from(v);
                }
                _ => {
                    let k = quote_str(k);
                    return Err(err(line_no, format!("unknown field '{k}' (suggest, note, severity, when or category)"),
                        format!("未知字段“{k}”（应为 suggest、note、severity、when 或 category）")));
                }
            }
        }
        let terms = sets.expand(term).map_err(|e| err(line_no, e.en, e.zh))?;
        let explicit = terms.len() == 1;
        for term in terms {
            if term.chars().count() > MAX_TERM_CHARS {
                return Err(err(line_no, format!("term longer than {MAX_TERM_CHARS} characters"), format!("词条超过 {MAX_TERM_CHARS} 个字符")));
            }
            let key = key_of(&term);
            if !key.chars().any(char::is_alphanumeric) {
                let shown = quote_str(&term);
                return Err(err(line_no, format!("term '{shown}' has no letter or digit"), format!("词条“{shown}”不含文字或数字")));
            }
            if key.contains(NEAR) {
                let shown = quote_str(&term);
                let parts: Vec<&str> = key.split(NEAR).collect();
                if proto.allow {
                    return Err(err(line_no, format!("allow-list entry '{shown}' cannot be a '…' pair"),
                        format!("白名单词条“{shown}”不能使用“…”")));
                }
                if parts.len() != 2 || parts.iter().any(|p| !p.chars().any(char::is_alphanumeric)) {
                    return Err(err(line_no, format!("'{shown}': write one '…' between two non-empty parts (A…B)"),
                        format!("“{shown}”：“…”只能出现一次，且两边都要有文字（写作 甲…乙）")));
                }
            }
            // Within one list a term defined twice keeps its later definition, except that a
            // family never overrides a line that names the term alone (so `@when solicit` over
            // a set does not undo `麻醉枪 | severity=review` written above it).
            if !proto.allow {
                match defined.entry((rule.clone(), key.clone())) {
                    std::collections::hash_map::Entry::Occupied(mut slot) => {
                        let (i, was_explicit) = *slot.get();
                        if explicit || !was_explicit {
                            let first = &lex.entries[i];
                            if !explicit && (first.severity, first.when) != (proto.severity, proto.when) {
                                lex.redefinitions.push((term.clone(), first.line, line_no));
                            }
                            if explicit {
                                lex.redefinitions.retain(|r| r.0 != term);
                            }
                            lex.entries[i] = Entry { term: term.into(), key: key.into(), ..proto.clone() };
                            slot.insert((i, explicit));
                        }
                        continue;
                    }
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert((lex.entries.len(), explicit));
                    }
                }
            }
            lex.entries.push(Entry { term: term.into(), key: key.into(), ..proto.clone() });
        }
    }
    Ok(lex)
}

/// The lines of `text`, each ending at `\n`, `\r\n` or a lone `\r` (the terminator not
/// included; like `str::lines`, no empty last line after a final terminator).
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = &rest[..end];
        let skip = if rest[end..].starts_with("\r\n") { 2 } else { usize::from(end < rest.len()) };
        rest = &rest[end + skip..];
        Some(line)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_family_does_not_undo_a_line_naming_the_term() {
        let lex = parse("t", "麻醉枪 | severity=review\n@when solicit\n{麻醉枪,猎枪}\n猎枪 | severity=warn", None).unwrap();
        let got: Vec<_> = lex.entries.iter().map(|e| (e.term.as_str(), e.severity, e.when)).collect();
        assert_eq!(got, [("麻醉枪", Some(Severity::Review), When::Always), ("猎枪", Some(Severity::Warn), When::Solicit)]);
        assert!(lex.redefinitions.is_empty());
        // Two families: the later wins, and the redefinition is recorded.
        let lex = parse("t", "{甲乙,丙丁} | severity=review\n{甲乙,戊己}", None).unwrap();
        assert_eq!(lex.entries.len(), 3);
        assert_eq!(lex.entries[0].severity, None);
        assert_eq!(lex.redefinitions, [("甲乙".to_string(), 1, 2)]);
    }

    #[test]
    fn near_pairs_are_checked() {
        let lex = parse("t", "出售…{枪,弩}", None).unwrap();
        assert_eq!(lex.entries.iter().map(|e| e.key.as_str()).collect::<Vec<_>>(), ["出售…枪", "出售…弩"]);
        for bad in ["出售…", "…枪", "出售…枪…弹", "出售…，"] {
            let e = parse("t", bad, None).unwrap_err();
            assert_eq!(e.line, 1, "{bad}");
        }
        assert!(parse("t", "@allow\n出售…水枪", None).is_err());
    }

    #[test]
    fn parses_directives_fields_and_allow() {
        let text = "# demo\n@rule prohibited\n@category gambling 赌博\n@severity review\n网上赌场\n百家乐 | note=赌博游戏 | suggest=删除 | severity=block\n@allow\n百家乐园\n";
        let lex = parse("demo.txt", text, None).unwrap();
        assert_eq!(lex.entries.len(), 3);
        assert_eq!(lex.labels.get("gambling").map(String::as_str), Some("赌博"));
        let e = &lex.entries[0];
        assert_eq!((&*e.category, e.severity, e.allow, e.line), ("gambling", Some(Severity::Review), false, 5));
        let e = &lex.entries[1];
        assert_eq!(e.severity, Some(Severity::Block));
        assert_eq!(e.suggestion.as_deref(), Some("删除"));
        assert_eq!(e.note.as_deref(), Some("赌博游戏"));
        assert!(lex.entries[2].allow);
    }

    #[test]
    fn families_expand_with_the_fields_and_line_of_their_line() {
        let text = "@category drugs 毒品\n@set SELL 出售 代购\n@set DRUG 冰毒 K粉\n{SELL}{DRUG} | note=贩毒\n@when solicit\n麻古\n{求购,收购}麻古 | when=always\n";
        let lex = parse("f.txt", text, None).unwrap();
        let terms: Vec<_> = lex.entries.iter().map(|e| e.term.as_str()).collect();
        assert_eq!(terms, ["出售冰毒", "出售K粉", "代购冰毒", "代购K粉", "麻古", "求购麻古", "收购麻古"]);
        assert!(lex.entries[..4].iter().all(|e| e.line == 4 && e.note.as_deref() == Some("贩毒") && e.when == When::Always));
        assert_eq!(lex.entries[4].when, When::Solicit);
        assert_eq!(lex.entries[5].when, When::Always);
    }

    #[test]
    fn plain_word_list_goes_into_the_given_category() {
        let lex = parse("words.txt", "\u{feff}赌球\r\n\r\n网赌\n", Some("gambling")).unwrap();
        assert_eq!(lex.entries.len(), 2);
        assert!(lex.entries.iter().all(|e| &*e.category == "gambling" && &*e.rule == "prohibited" && e.severity.is_none()));
        assert_eq!(lex.entries[1].line, 3);
    }

    #[test]
    fn carriage_return_only_files_are_read_as_lines() {
        let lex = parse("mac.txt", "赌球\r网赌\r\r@severity review\r赌博\r", Some("gambling")).unwrap();
        let terms: Vec<(&str, usize)> = lex.entries.iter().map(|e| (e.term.as_str(), e.line)).collect();
        assert_eq!(terms, [("赌球", 1), ("网赌", 2), ("赌博", 5)]);
        assert_eq!(lex.entries[2].severity, Some(Severity::Review));
        // Mixed endings: \r\n is one line break.
        let lex = parse("mixed.txt", "a1\r\nb2\nc3\rd4", None).unwrap();
        assert_eq!(lex.entries.iter().map(|e| e.line).collect::<Vec<_>>(), [1, 2, 3, 4]);
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("ok\n@severity fatal\n", 2, "unknown severity"),
            ("ok\nok2\n@frobnicate\n", 3, "unknown directive"),
            ("a | colour=red\n", 1, "unknown field"),
            ("a | suggest\n", 1, "not key=value"),
            ("a | note=\n", 1, "is empty"),
            ("x\n***\n", 2, "no letter or digit"),
            ("@category Bad_Id\n", 1, "invalid category"),
            ("@allow please\n", 1, "no argument"),
            ("a\n{NOPE}b\n", 2, "unknown set"),
            ("a\nb{c\n", 2, "without"),
            ("@set bad! x\n", 1, "invalid set name"),
            ("@when sometimes\n", 1, "unknown @when"),
            ("a | when=never\n", 1, "unknown when"),
            ("@set X {a,b,c,d,e,f,g,h}\n{X}{X}{X}{X}{X}\n", 2, "more than"),
        ];
        for (text, line, reason) in cases {
            let e = parse("bad.txt", text, None).unwrap_err();
            assert_eq!(e.line, line, "{text:?}");
            assert!(e.reason.contains(reason), "{text:?}: {}", e.reason);
            assert!(e.to_string().starts_with(&format!("bad.txt:{line}: ")));
            assert!(e.message_zh().contains(&format!("第 {line} 行")));
        }
        let long = "长".repeat(65);
        // A misspelt rule, or one that reads no lexicon.
        for (text, rule) in [("ok\n@rule prohbited\nx\n", "prohbited"), ("@rule title-length\nx\n", "title-length")] {
            let e = parse("r", text, None).unwrap_err();
            assert_eq!(e.line, if rule == "prohbited" { 2 } else { 1 });
            assert!(e.reason.contains(&format!("@rule {rule}: no rule of that name reads a lexicon")), "{}", e.reason);
        }
        // The registry's list covers every rule that says it reads a lexicon.
        for meta in crate::rules::all_meta().into_iter().filter(|m| m.uses_lexicon) {
            assert!(crate::rules::is_lexicon_rule(meta.id), "{} reads a lexicon: add it to LEXICON_RULES", meta.id);
        }
        // Every rule the registry lists as reading a lexicon is accepted.
        for id in crate::rules::LEXICON_RULES {
            assert_eq!(parse("r", &format!("@rule {id}\nx\n"), None).unwrap().entries[0].rule.as_ref(), *id);
        }
        // An offending value is quoted to 80 characters at most.
        let e = parse("q", &format!("a | {}\n", "x".repeat(100_000)), None).unwrap_err();
        assert!(e.reason.len() < 200 && e.message_zh().len() < 300, "{}", e.reason);
        assert_eq!(parse("l", &long, None).unwrap_err().line, 1);
        assert!(parse("c", "a", Some("No Good")).is_err());
    }
}
