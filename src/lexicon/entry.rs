//! Lexicon entries and parsed lists.

use crate::finding::Severity;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One lexicon entry (banned or allowed term).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The term as written in the lexicon.
    pub term: String,
    /// The normalised matching key (see [`crate::normalize::key_of`]).
    pub key: String,
    /// The rule that reports this entry (`prohibited` unless the list says otherwise).
    pub rule: Arc<str>,
    /// Category id, e.g. `gambling`.
    pub category: Arc<str>,
    /// `None`: the rule's configured severity.
    pub severity: Option<Severity>,
    pub suggestion: Option<String>,
    pub note: Option<String>,
    /// An allow-list entry: suppresses banned matches inside its own matches.
    pub allow: bool,
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
}

impl Lexicon {
    pub fn banned_count(&self) -> usize {
        self.entries.iter().filter(|e| !e.allow).count()
    }

    pub fn allowed_count(&self) -> usize {
        self.entries.iter().filter(|e| e.allow).count()
    }
}
