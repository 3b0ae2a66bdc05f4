//! Term families: `@set NAME items…` and `{NAME}` / `{a,b,c}` groups in a term, expanded into
//! the cartesian product of their items (see `lexicons/FORMAT.md`, "Families").
//!
//! Invariants: expansion is deterministic (items in the order written, leftmost group varies
//! slowest), duplicates are removed, and one line never yields more than [`MAX_EXPANSION`]
//! terms, so a hostile list cannot make the parser allocate without bound.

use crate::config::quote_str;
use std::collections::HashMap;

/// The most terms one line may expand to.
pub const MAX_EXPANSION: usize = 4096;
/// The most bytes (UTF-8, all terms together) one line may expand to: 4,096 terms of a few
/// characters are ~100 KB, but 4,096 products of a 4 KB line would be 16 MB (found by the
/// `config` fuzz target: a 4 KB allow-list item took half a second to compile).
pub const MAX_EXPANSION_BYTES: usize = 256 * 1024;
/// The most items one set may hold (after expanding the sets it refers to).
pub const MAX_SET_ITEMS: usize = 4096;

/// Is `name` a valid set name: ASCII letters, digits, `_` and `-`, at most 32 characters,
/// starting with a letter.
pub fn is_valid_set_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 32
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// An expansion error: English and Chinese reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpandError {
    pub en: String,
    pub zh: String,
}

fn error(en: String, zh: String) -> ExpandError {
    ExpandError { en, zh }
}

/// The sets defined so far in one list.
#[derive(Debug, Default, Clone)]
pub struct Sets {
    sets: HashMap<String, Vec<String>>,
}

impl Sets {
    /// Defines (or redefines) `name` from whitespace-separated items, each of which may itself
    /// contain groups.
    pub fn define(&mut self, name: &str, items: &str) -> Result<usize, ExpandError> {
        let n = quote_str(name);
        if !is_valid_set_name(name) {
            return Err(error(
                format!("invalid set name '{n}' (letters, digits, _ and -, starting with a letter)"),
                format!("集合名“{n}”无效（只能用字母、数字、_ 和 -，以字母开头）"),
            ));
        }
        let mut all: Vec<String> = Vec::new();
        for item in items.split_whitespace() {
            for t in self.expand(item)? {
                if !all.contains(&t) {
                    all.push(t);
                }
                if all.len() > MAX_SET_ITEMS {
                    return Err(error(
                        format!("set '{n}' has more than {MAX_SET_ITEMS} items"),
                        format!("集合“{n}”超过 {MAX_SET_ITEMS} 项"),
                    ));
                }
            }
        }
        if all.is_empty() {
            return Err(error(format!("set '{n}' has no items"), format!("集合“{n}”没有内容")));
        }
        let n = all.len();
        self.sets.insert(name.to_string(), all);
        Ok(n)
    }

    /// Expands the groups of `term`. A term without `{` is returned as it is.
    pub fn expand(&self, term: &str) -> Result<Vec<String>, ExpandError> {
        if !term.contains(['{', '}']) {
            return Ok(vec![term.to_string()]);
        }
        // Messages quote the term shortened (a hostile line must not make a huge error); only
        // computed for an error.
        let t = || quote_str(term);
        // Split into literal parts and groups.
        let mut parts: Vec<Vec<String>> = Vec::new();
        let mut rest = term;
        while let Some(open) = rest.find(['{', '}']) {
            if rest[open..].starts_with('}') {
                return Err(error(format!("'}}' without '{{' in '{}'", t()), format!("“{}”中的 }} 没有对应的 {{", t())));
            }
            if open > 0 {
                parts.push(vec![rest[..open].to_string()]);
            }
            let after = &rest[open + 1..];
            let close = after.find('}').ok_or_else(|| {
                error(format!("'{{' without '}}' in '{}'", t()), format!("“{}”中的 {{ 没有对应的 }}", t()))
            })?;
            let inner = &after[..close];
            if inner.contains('{') {
                return Err(error(format!("nested '{{' in '{}'", t()), format!("“{}”中的 {{ }} 不能嵌套", t())));
            }
            parts.push(self.group(inner, term)?);
            rest = &after[close + 1..];
        }
        if !rest.is_empty() {
            parts.push(vec![rest.to_string()]);
        }
        let total = parts.iter().try_fold(1usize, |acc, p| acc.checked_mul(p.len()).filter(|&n| n <= MAX_EXPANSION));
        let Some(count) = total else {
            return Err(error(
                format!("'{}' expands to more than {MAX_EXPANSION} terms", t()),
                format!("“{}”展开后超过 {MAX_EXPANSION} 个词条", t()),
            ));
        };
        // Total size: each part's items appear in (count / |part|) terms.
        let bytes = parts.iter().try_fold(0usize, |acc, p| {
            let per_item = count / p.len().max(1);
            p.iter().try_fold(acc, |a, item| item.len().checked_mul(per_item).and_then(|b| a.checked_add(b)))
        });
        if bytes.is_none_or(|b| b > MAX_EXPANSION_BYTES) {
            return Err(error(
                format!("'{}' expands to more than {} KB of terms", t(), MAX_EXPANSION_BYTES / 1024),
                format!("“{}”展开后的词条总长超过 {} KB", t(), MAX_EXPANSION_BYTES / 1024),
            ));
        }
        let mut out = vec![String::new()];
        for p in &parts {
            let mut next = Vec::with_capacity(out.len() * p.len());
            for prefix in &out {
                for item in p {
                    next.push(format!("{prefix}{item}"));
                }
            }
            out = next;
        }
        let mut seen = std::collections::HashSet::new();
        out.retain(|t| seen.insert(t.clone()));
        Ok(out)
    }

    /// The items of one group: `{NAME}` (a set) or `{a,b,c}` (inline items; `{}` item empty
    /// is allowed only among others, as in `{,的}`).
    fn group(&self, inner: &str, term: &str) -> Result<Vec<String>, ExpandError> {
        let inner = inner.trim();
        let (t, i) = (|| quote_str(term), || quote_str(inner));
        if !inner.contains(',') {
            if let Some(items) = self.sets.get(inner) {
                return Ok(items.clone());
            }
            if is_valid_set_name(inner) && inner.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_' || b == b'-') {
                return Err(error(format!("unknown set '{}' in '{}'", i(), t()), format!("“{}”中的集合“{}”未定义", t(), i())));
            }
            if inner.is_empty() {
                return Err(error(format!("empty group '{{}}' in '{}'", t()), format!("“{}”中有空的 {{}}", t())));
            }
            return Ok(vec![inner.to_string()]);
        }
        let items: Vec<String> = inner.split(',').map(|s| s.trim().to_string()).collect();
        if items.iter().all(String::is_empty) {
            return Err(error(format!("empty group in '{}'", t()), format!("“{}”中有空的 {{}}", t())));
        }
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_quote_long_terms_shortened() {
        let long = "字".repeat(3000);
        let mut sets = Sets::default();
        for bad in [format!("{{{long}"), format!("{long}}}"), format!("{{{{{long}}}}}")] {
            let e = sets.expand(&bad).unwrap_err();
            assert!(e.en.chars().count() < 200 && e.zh.chars().count() < 200, "{}", e.en.chars().count());
        }
        let e = sets.define(&format!("-{long}"), "a").unwrap_err();
        assert!(e.en.chars().count() < 200, "{}", e.en.chars().count());
    }

    #[test]
    fn a_long_term_times_many_products_is_refused_by_size() {
        let s = Sets::default();
        // 12 two-item groups: 4,096 terms (the count limit), each ~3 KB: 12 MB in all.
        let long = "字".repeat(1000);
        let e = s.expand(&format!("{long}{}", "{a,b}".repeat(12))).unwrap_err();
        assert!(e.en.contains("KB of terms") && e.zh.contains("总长超过"), "{}", e.en);
        // The same product of short terms is fine (4,096 terms of ~16 bytes).
        assert_eq!(s.expand(&format!("词{}", "{a,b}".repeat(12))).unwrap().len(), 4096);
    }

    #[test]
    fn sets_and_inline_groups_expand_in_order() {
        let mut s = Sets::default();
        assert_eq!(s.define("SELL", "出售 代购 {批发,零售}").unwrap(), 4);
        assert_eq!(s.expand("{SELL}冰毒").unwrap(), ["出售冰毒", "代购冰毒", "批发冰毒", "零售冰毒"]);
        assert_eq!(s.expand("{a,b}{1,2}").unwrap(), ["a1", "a2", "b1", "b2"]);
        assert_eq!(s.expand("代开{,的}发票").unwrap(), ["代开发票", "代开的发票"]);
        assert_eq!(s.expand("{x}y").unwrap(), ["xy"]);
        assert_eq!(s.expand("plain").unwrap(), ["plain"]);
        assert_eq!(s.expand("{a,a}").unwrap(), ["a"]);
    }

    #[test]
    fn malformed_groups_and_runaway_products_are_errors() {
        let mut s = Sets::default();
        for bad in ["a{b", "a}b", "{{a}}", "{NOPE}x", "{}x", "{,}x"] {
            assert!(s.expand(bad).is_err(), "{bad}");
        }
        let items: Vec<String> = (0..60).map(|i| format!("w{i}")).collect();
        s.define("BIG", &items.join(" ")).unwrap();
        assert_eq!(s.expand("{BIG}{BIG}").unwrap().len(), 3600);
        assert!(s.expand("{BIG}{BIG}{BIG}").unwrap_err().en.contains("more than"));
        assert!(s.define("bad name", "x").is_err());
        assert!(s.define("EMPTY", "   ").is_err());
    }
}
