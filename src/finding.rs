//! Findings: what a rule reports, and where.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is. Ordered from least to most serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information only.
    Info,
    /// Should be fixed.
    Warn,
    /// Needs the sign-off of the leader in charge before publishing.
    Review,
    /// Must be fixed before publishing.
    Block,
}

impl Severity {
    pub const ALL: [Severity; 4] = [Severity::Block, Severity::Review, Severity::Warn, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warn => "warn",
            Severity::Review => "review",
            Severity::Block => "block",
        }
    }

    /// The Chinese label shown to users.
    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warn => "建议修改",
            Severity::Review => "需领导审核",
            Severity::Block => "必须修改",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.trim() {
            "info" => Some(Severity::Info),
            "warn" | "warning" => Some(Severity::Warn),
            "review" => Some(Severity::Review),
            "block" | "error" => Some(Severity::Block),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which field of the article a finding is in. Ordered as the editor shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Author,
    Digest,
    Body,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Author => "author",
            Field::Digest => "digest",
            Field::Body => "body",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Field::Title => "标题",
            Field::Author => "作者",
            Field::Digest => "摘要",
            Field::Body => "正文",
        }
    }
}

/// One problem found in an article.
///
/// Invariant: `start..end` are UTF-16 code-unit offsets into the text of `field` (for the body,
/// the text of block `block`), and that slice of the original text equals `text` exactly.
/// For findings about a whole image or a whole field, `start == end` and `text` is empty or
/// describes the object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    pub field: Field,
    /// Index of the body block (text or image); `None` for title, author and digest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<usize>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl Finding {
    /// Sort key: field order, then block, then position, then rule id.
    pub fn position_key(&self) -> (Field, usize, usize, usize, &str) {
        (self.field, self.block.unwrap_or(0), self.start, self.end, &self.rule)
    }
}

/// Sort findings by position, as the public API promises.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.position_key().cmp(&b.position_key()));
}
