//! Lexicon errors: always with the source name and the line.

use std::fmt;

/// A lexicon was rejected. Nothing of it was loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The file name or list name given when loading.
    pub source: String,
    /// 1-based line number; 0 when the error is about the whole list.
    pub line: usize,
    /// What is wrong, in English (stable, for logs and tests).
    pub reason: String,
    /// What is wrong, in Simplified Chinese (for users).
    pub reason_zh: String,
}

impl LexiconError {
    pub(crate) fn new(source: &str, line: usize, reason: impl Into<String>, reason_zh: impl Into<String>) -> Self {
        LexiconError { source: source.to_string(), line, reason: reason.into(), reason_zh: reason_zh.into() }
    }

    /// A one-line Chinese message: "词库 X 第 N 行：原因".
    pub fn message_zh(&self) -> String {
        if self.line == 0 {
            format!("词库 {}：{}", self.source, self.reason_zh)
        } else {
            format!("词库 {} 第 {} 行：{}", self.source, self.line, self.reason_zh)
        }
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.source, self.reason)
        } else {
            write!(f, "{}:{}: {}", self.source, self.line, self.reason)
        }
    }
}

impl std::error::Error for LexiconError {}
