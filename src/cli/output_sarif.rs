//! SARIF 2.1.0 output (`check --format sarif`), for code-scanning tools and SARIF viewers.
//!
//! One run. `tool.driver` lists every rule of the metadata (`id`, an identifier-like `name`,
//! the Chinese name as `shortDescription`, the Chinese description as `fullDescription`, the
//! default level); each finding is a result with its `ruleId`, `level`, message and location:
//!
//! - a body finding whose source line is known (plain text and Markdown inputs) has a
//!   `physicalLocation.region` with `startLine`/`startColumn`/`endColumn` computed exactly as the
//!   text output's `line:column` (columns count characters: the run says
//!   `"columnKind": "unicodeCodePoints"`) and the matched text as `snippet`;
//! - other findings (title, author, digest; body blocks of HTML inputs) have no region — SARIF
//!   requires a start line in every region — but a `logicalLocations` entry naming the field or
//!   block (`title`, `body[3]`, with the Chinese description — 标题, 正文第 2 段 — as
//!   `decoratedName`).
//!
//! Every result carries the wxlint `severity`, `field`, `block`, `category`, `suggestion` and
//! matched `text` in its property bag. Inputs that cannot be read become error notifications of
//! the run's invocation (`executionSuccessful` is then false).

use super::context::Positions;
use super::input::{Document, STDIN};
use super::location::{describe, locate_in, Location};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{json, Map, Value};
use std::io::{self, Write};
use std::path::Path;
use wxlint::rules::{all_meta, RuleMeta};
use wxlint::{Field, Finding, Severity};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// SARIF `level` of a wxlint severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Block => "error",
        Severity::Review | Severity::Warn => "warning",
        Severity::Info => "note",
    }
}

// The objects of the log, in the order SARIF documents show their properties.

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    column_kind: &'static str,
    invocations: [Invocation; 1],
    results: Vec<Box<RawValue>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    language: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    default_configuration: Configuration,
    properties: Value,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
    enabled: bool,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    locations: [Value; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: [Value; 1],
    properties: Map<String, Value>,
}

/// Collects results input by input, then writes the log. Each result is kept serialised
/// (compact, one line in the log): 30,000 results as value trees took ~140 MB.
#[derive(Default)]
pub struct SarifLog {
    results: Vec<Box<RawValue>>,
    notifications: Vec<Notification>,
}

impl SarifLog {
    pub fn add_document(&mut self, doc: &Document, findings: &[Finding]) {
        let rules = all_meta();
        let source_lines: Vec<&str> = doc.source.lines().collect();
        let mut pos = Positions::default();
        for f in findings {
            let r = result(doc, f, &rules, &source_lines, &mut pos);
            self.results.push(serde_json::value::to_raw_value(&r).expect("a SARIF result serialises"));
        }
    }

    /// An input that could not be read.
    pub fn add_failure(&mut self, path: &str, reason: &str) {
        self.notifications.push(Notification {
            level: "error",
            message: Text { text: format!("{}: {reason}", shown(path)) },
            locations: [json!({"physicalLocation": {"artifactLocation": artifact(path)}})],
        });
    }

    pub fn write(self, out: &mut dyn Write) -> io::Result<()> {
        let log = Log {
            schema: SCHEMA,
            version: "2.1.0",
            runs: [Run {
                tool: Tool { driver: driver() },
                column_kind: "unicodeCodePoints",
                invocations: [Invocation {
                    execution_successful: self.notifications.is_empty(),
                    tool_execution_notifications: self.notifications,
                }],
                results: self.results,
            }],
        };
        serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::from)?;
        writeln!(out)
    }
}

fn driver() -> Driver {
    let rules = all_meta()
        .iter()
        .map(|r| Rule {
            id: r.id,
            name: identifier(r.name_en),
            short_description: Text { text: r.name_zh.into() },
            full_description: Text { text: r.description_zh.into() },
            default_configuration: Configuration { level: level(r.default_severity), enabled: r.enabled_by_default },
            properties: json!({"severity": r.default_severity.as_str(), "nameEn": r.name_en, "descriptionEn": r.description_en}),
        })
        .collect();
    Driver {
        name: "wxlint",
        version: env!("CARGO_PKG_VERSION"),
        semantic_version: env!("CARGO_PKG_VERSION"),
        language: "zh-CN",
        rules,
    }
}

/// `Prohibited content` → `ProhibitedContent`, `Topics needing sign-off` → `TopicsNeedingSignOff`.
fn identifier(name: &str) -> String {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(chars).collect::<String>()
        })
        .collect()
}

fn result(doc: &Document, f: &Finding, rules: &[&RuleMeta], source_lines: &[&str], pos: &mut Positions) -> SarifResult {
    let mut physical = Map::new();
    physical.insert("artifactLocation".into(), artifact(&doc.path));
    let mut logical = None;
    match locate_in(f, &doc.article, &doc.block_lines, source_lines, pos) {
        Location::Line(line, column) => {
            physical.insert("region".into(), region(doc, f, line, column, source_lines, pos));
        }
        Location::Field(..) | Location::Paragraph(..) => logical = Some(logical_location(doc, f)),
    }
    let mut location = Map::new();
    location.insert("physicalLocation".into(), Value::Object(physical));
    if let Some(l) = logical {
        location.insert("logicalLocations".into(), json!([l]));
    }

    let mut props = Map::new();
    props.insert("severity".into(), f.severity.as_str().into());
    props.insert("field".into(), f.field.as_str().into());
    if let Some(b) = f.block {
        props.insert("block".into(), b.into());
    }
    if let Some(c) = &f.category {
        props.insert("category".into(), c.as_str().into());
    }
    if let Some(s) = &f.suggestion {
        props.insert("suggestion".into(), s.as_str().into());
    }
    if !f.text.is_empty() {
        props.insert("text".into(), f.text.as_str().into());
    }
    SarifResult {
        rule_id: f.rule.clone(),
        rule_index: rules.iter().position(|r| r.id == f.rule),
        level: level(f.severity),
        message: Text { text: f.message.clone() },
        locations: [Value::Object(location)],
        properties: props,
    }
}

/// The region of a match that starts at `line:column`. A match within one line ends
/// `characters` later; one that crosses lines ends where the text output would place its end.
/// A match without extent (an image, a whole paragraph) covers the rest of the line.
fn region(doc: &Document, f: &Finding, line: usize, column: usize, source_lines: &[&str], pos: &mut Positions) -> Value {
    let text = pos.text(&doc.article, f.field, f.block);
    let (start, end) = (pos.char_at(f.start), pos.char_at(f.end));
    let matched: String = pos.slice(text, start, end).to_string();
    let mut region = Map::new();
    region.insert("startLine".into(), line.into());
    region.insert("startColumn".into(), column.into());
    if !matched.is_empty() {
        if !matched.contains('\n') {
            region.insert("endColumn".into(), (column + matched.chars().count()).into());
        } else {
            let at_end = Finding { start: f.end, text: String::new(), ..f.clone() };
            if let Location::Line(end_line, end_column) = locate_in(&at_end, &doc.article, &doc.block_lines, source_lines, pos) {
                region.insert("endLine".into(), end_line.into());
                region.insert("endColumn".into(), end_column.into());
            }
        }
        region.insert("snippet".into(), json!({"text": matched}));
    }
    Value::Object(region)
}

/// `title`, `author`, `digest` or `body[N]` (the 0-based block, as in the JSON output).
fn logical_location(doc: &Document, f: &Finding) -> Value {
    let (name, kind, label) = match (f.field, f.block) {
        (Field::Body, Some(b)) => (format!("body[{b}]"), "element", describe(f, &doc.article)),
        (field, _) => (field.as_str().to_string(), "property", describe(f, &doc.article)),
    };
    json!({"name": name, "fullyQualifiedName": name, "decoratedName": label, "kind": kind})
}

fn shown(path: &str) -> &str {
    if path == STDIN {
        "<stdin>"
    } else {
        path
    }
}

/// The artifact of an input: its path as given, as a URI reference (relative paths stay
/// relative; absolute ones become `file://` URIs). Standard input has a description instead.
fn artifact(path: &str) -> Value {
    if path == STDIN {
        return json!({"description": {"text": "standard input"}});
    }
    json!({"uri": uri(path)})
}

/// Percent-encodes a path into a URI reference: `/` separators (and `\` on Windows) are kept as
/// `/`; bytes outside the unreserved set are escaped (so Chinese file names are valid URIs).
pub fn uri(path: &str) -> String {
    let absolute = Path::new(path).is_absolute();
    let mut s = if cfg!(windows) { path.replace('\\', "/") } else { path.to_string() };
    if absolute && !s.starts_with('/') {
        s.insert(0, '/'); // C:/x → /C:/x
    }
    let mut out = String::from(if absolute { "file://" } else { "" });
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            b':' if absolute => out.push(':'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_uris() {
        assert_eq!(identifier("Topics needing sign-off"), "TopicsNeedingSignOff");
        assert_eq!(identifier("Advertising Law absolutes"), "AdvertisingLawAbsolutes");
        assert_eq!(uri("docs/a b.html"), "docs/a%20b.html");
        assert_eq!(uri("通知.txt"), "%E9%80%9A%E7%9F%A5.txt");
        assert_eq!(uri("a:b.md"), "a%3Ab.md");
        if cfg!(unix) {
            assert_eq!(uri("/tmp/x.md"), "file:///tmp/x.md");
        }
    }
}
