//! Lexicon entries and parsed lists.

use crate::finding::Severity;
use std::collections::BTreeMap;
use std::sync::Arc;

pub use super::shared_str::SharedStr;

/// When a banned entry is reported (field `when=`, directive `@when`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum When {
    /// Wherever it occurs, unless the context lowers it (a police report, a prevention lesson,
    /// a negation: see `src/rules/context.rs`).
    #[default]
    Always,
    /// Only in a sentence that solicits (offers, prices, contact details, "how to"): plain names
    /// such as 冰毒 or 百家乐 that every police report and prevention lesson uses.
    Solicit,
    /// Wherever it occurs; the context never lowers it (obscene insults).
    Fixed,
}

impl When {
    pub fn parse(s: &str) -> Option<When> {
        match s {
            "always" => Some(When::Always),
            "solicit" => Some(When::Solicit),
            "fixed" => Some(When::Fixed),
            _ => None,
        }
    }
}

/// One lexicon entry (banned or allowed term).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The term as written in the lexicon.
    pub term: SharedStr,
    /// The normalised matching key (see [`crate::normalize::key_of`]).
    pub key: SharedStr,
    /// The rule that reports this entry (`prohibited` unless the list says otherwise).
    pub rule: Arc<str>,
    /// Category id, e.g. `gambling`.
    pub category: Arc<str>,
    /// `None`: the rule's configured severity.
    pub severity: Option<Severity>,
    pub suggestion: Option<SharedStr>,
    pub note: Option<SharedStr>,
    /// An allow-list entry: suppresses banned matches inside its own matches.
    pub allow: bool,
    /// When the entry is reported (banned entries of `prohibited`).
    pub when: When,
    /// 1-based line in its list.
    pub line: usize,
}

/// A parsed lexicon: the entries of one file or list, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    /// The name it was loaded under (file name, `builtin:gambling`, `custom`…).
    pub name: String,
    pub entries: Vec<Entry>,
    /// Display labels of the categories it declares (`gambling` → `赌博`).
    pub labels: BTreeMap<String, String>,
    /// `(term, first line, later line)` of each term that a later family line redefined with
    /// another severity or `when` (the later one is in effect). Built-in lists have none
    /// (tested); for a user list it is a hint that a family undid an earlier line.
    pub redefinitions: Vec<(String, usize, usize)>,
}

impl Lexicon {
    pub fn banned_count(&self) -> usize {
        self.entries.iter().filter(|e| !e.allow).count()
    }

    pub fn allowed_count(&self) -> usize {
        self.entries.iter().filter(|e| e.allow).count()
    }
}
