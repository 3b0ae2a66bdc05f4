//! The labelled corpus: realistic articles (tests/corpus/NNN-slug.html, saved published pages)
//! with the findings a careful reviewer expects (NNN-slug.expected.json), checked with the
//! default configuration. Prints per-rule true positives, false positives, false negatives,
//! precision and recall, lists every mismatch, writes the table to target/corpus-quality.md
//! (QUALITY.md is regenerated from it) and fails on ANY missed or unexpected finding.
//!
//! Run: `cargo test --release --test corpus -- --nocapture`
//!
//! Matching is one to one per article: an expected finding listed twice must be reported twice.
//! A finding matches an expected one of the same rule and field with the same text; for the
//! span rules (`prohibited`, `spam`, `sign-off-topic`) a text that contains the other or shares
//! two characters with it also matches (annotators mark a span, the checker may choose a
//! slightly different one). Image findings have an empty text.
//!
//! Optional fields of an expected finding: `severity` (the finding must have it; an expected
//! `info` is optional: its absence is no miss, since a quoted name may rightly produce nothing),
//! `note` (free text), and `known`: `"missed"` (the checker is known not to find it) or
//! `"unexpected"` (the checker reports it and the annotator disagrees). Known disagreements are
//! counted in the figures but do not fail the test; a stale one (the disagreement is gone) does.
//! Unexpected `info` findings of `prohibited` are counted apart (the floor is "no police or
//! education article above info").
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use wxlint::extract::{detect_format, extract};
use wxlint::{Checker, Config};

/// The floors the issue sets per rule (the test itself fails on any mismatch).
const PRECISION_FLOOR: f64 = 0.95;
const RECALL_FLOOR: f64 = 0.95;
/// Every rule needs this many expected findings for its figures to mean anything.
const MIN_POSITIVES_PER_RULE: usize = 5;
const MIN_ARTICLES: usize = 60;

#[derive(Debug, Deserialize, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
struct Expected {
    rule: String,
    field: String,
    text: String,
    #[serde(default)]
    severity: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
    #[serde(default)]
    known: Option<String>,
}

const SPAN_RULES: &[&str] = &["prohibited", "spam", "sign-off-topic"];

fn texts_match(rule: &str, want: &str, got: &str) -> bool {
    if want == got {
        return true;
    }
    if !SPAN_RULES.contains(&rule) || want.is_empty() || got.is_empty() {
        return false;
    }
    if want.contains(got) || got.contains(want) {
        return true;
    }
    let w: Vec<char> = want.chars().collect();
    w.windows(2).any(|pair| got.contains(&pair.iter().collect::<String>()))
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

struct Mismatch {
    article: String,
    rule: String,
    field: String,
    text: String,
    kind: &'static str,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("corpus")
}

fn articles() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("tests/corpus exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    v.sort();
    v
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

fn fmt_ratio(r: Option<f64>) -> String {
    r.map_or_else(|| "—".to_string(), |r| format!("{r:.3}"))
}

/// Shows invisible characters in a finding's text.
fn visible(text: &str) -> String {
    let mut s = String::new();
    for c in text.chars() {
        match c {
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {
                let _ = write!(s, "\\u{{{:x}}}", c as u32);
            }
            '|' => s.push_str("\\|"),
            '\n' => s.push_str("\\n"),
            _ => s.push(c),
        }
    }
    if s.is_empty() {
        "(image)".into()
    } else {
        s
    }
}

#[test]
fn corpus_precision_and_recall() {
    let checker = Checker::new(Config::default()).expect("default config");
    let rule_ids: Vec<&str> = wxlint::rules::all_meta().iter().map(|m| m.id).collect();
    let mut counts: BTreeMap<String, Counts> = rule_ids.iter().map(|id| (id.to_string(), Counts::default())).collect();
    let mut positives: BTreeMap<String, usize> = rule_ids.iter().map(|id| (id.to_string(), 0)).collect();
    let mut mismatches: Vec<Mismatch> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    let mut clean = 0;
    let (mut known, mut quoted_info) = (0usize, 0usize);

    let paths = articles();
    for entry in std::fs::read_dir(corpus_dir()).expect("tests/corpus exists") {
        let p = entry.expect("readable entry").path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if let Some(stem) = name.strip_suffix(".expected.json") {
            if !corpus_dir().join(format!("{stem}.html")).exists() {
                problems.push(format!("{name}: annotation without an article"));
            }
        }
    }
    for path in &paths {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let content = std::fs::read_to_string(path).expect("article is UTF-8");
        let expected_path = path.with_extension("expected.json");
        let expected: Vec<Expected> = match std::fs::read_to_string(&expected_path) {
            Ok(json) => match serde_json::from_str(&json) {
                Ok(v) => v,
                Err(e) => {
                    problems.push(format!("{name}: invalid annotation: {e}"));
                    continue;
                }
            },
            Err(_) => {
                problems.push(format!("{name}: no annotation {}", expected_path.display()));
                continue;
            }
        };
        for e in &expected {
            if !rule_ids.contains(&e.rule.as_str()) {
                problems.push(format!("{name}: unknown rule '{}' in the annotation", e.rule));
            }
            if !["title", "author", "digest", "body"].contains(&e.field.as_str()) {
                problems.push(format!("{name}: unknown field '{}' in the annotation", e.field));
            }
            if e.known.as_deref() == Some("unexpected") {
                continue;
            }
            if let Some(n) = positives.get_mut(&e.rule) {
                *n += 1;
            }
        }
        if expected.iter().all(|e| e.known.as_deref() == Some("unexpected")) {
            clean += 1;
        }

        let format = detect_format(Some(path), &content);
        let article = extract(&content, format).article;
        let findings = checker.check(&article);

        let mut used = vec![false; findings.len()];
        // Exact texts first, then overlapping spans, so that a near match never steals the
        // finding of an exact one.
        let mut matched: Vec<Option<usize>> = vec![None; expected.len()];
        for exact in [true, false] {
            for (ei, e) in expected.iter().enumerate() {
                if matched[ei].is_some() || e.known.as_deref() == Some("unexpected") {
                    continue;
                }
                let found = findings.iter().enumerate().position(|(fi, f)| {
                    !used[fi]
                        && f.rule == e.rule
                        && f.field.as_str() == e.field
                        && if exact { f.text == e.text } else { texts_match(&e.rule, &e.text, &f.text) }
                });
                if let Some(fi) = found {
                    used[fi] = true;
                    matched[ei] = Some(fi);
                }
            }
        }
        let mut push = |rule: &str, field: &str, text: &str, kind: &'static str| {
            mismatches.push(Mismatch { article: name.clone(), rule: rule.into(), field: field.into(), text: text.into(), kind })
        };
        for (ei, e) in expected.iter().enumerate() {
            let c = counts.entry(e.rule.clone()).or_default();
            match (e.known.as_deref(), matched[ei]) {
                (Some("unexpected"), _) => {
                    // The checker reports it, the annotator disagrees.
                    let hit = findings.iter().enumerate().position(|(fi, f)| !used[fi] && f.rule == e.rule && f.field.as_str() == e.field && texts_match(&e.rule, &e.text, &f.text));
                    match hit {
                        Some(fi) => {
                            used[fi] = true;
                            c.fp += 1;
                            known += 1;
                        }
                        None => push(&e.rule, &e.field, &e.text, "stale known unexpected"),
                    }
                }
                (Some("missed"), None) => {
                    c.fn_ += 1;
                    known += 1;
                }
                (Some("missed"), Some(_)) => push(&e.rule, &e.field, &e.text, "stale known missed"),
                (Some(_), _) => problems.push(format!("{name}: unknown 'known' value in the annotation")),
                (None, None) if e.severity.as_deref() == Some("info") => {}
                (None, None) => {
                    c.fn_ += 1;
                    push(&e.rule, &e.field, &e.text, "missed");
                }
                (None, Some(fi)) => {
                    let f = &findings[fi];
                    match e.severity.as_deref() {
                        Some(sev) if sev != f.severity.as_str() => {
                            c.fn_ += 1;
                            c.fp += 1;
                            push(&e.rule, &e.field, &e.text, if f.severity.as_str() == "block" { "severity (got block)" } else { "severity (got another)" });
                        }
                        _ => c.tp += 1,
                    }
                }
            }
        }
        for (fi, f) in findings.iter().enumerate() {
            if used[fi] {
                continue;
            }
            if f.rule == "prohibited" && f.severity.as_str() == "info" {
                quoted_info += 1;
                continue;
            }
            counts.entry(f.rule.clone()).or_default().fp += 1;
            push(&f.rule, f.field.as_str(), &f.text, "unexpected");
        }
    }

    // The table.
    let mut table = String::new();
    table.push_str("| rule | expected | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|---:|\n");
    let (mut ttp, mut tfp, mut tfn) = (0, 0, 0);
    let mut below_floor = Vec::new();
    for id in &rule_ids {
        let c = counts[*id];
        let p = ratio(c.tp, c.tp + c.fp);
        let r = ratio(c.tp, c.tp + c.fn_);
        ttp += c.tp;
        tfp += c.fp;
        tfn += c.fn_;
        let _ = writeln!(table, "| {id} | {} | {} | {} | {} | {} | {} |", positives[*id], c.tp, c.fp, c.fn_, fmt_ratio(p), fmt_ratio(r));
        if p.is_some_and(|p| p < PRECISION_FLOOR) || r.is_some_and(|r| r < RECALL_FLOOR) {
            below_floor.push(*id);
        }
    }
    let _ = writeln!(
        table,
        "| **all** | {} | {ttp} | {tfp} | {tfn} | {} | {} |",
        positives.values().sum::<usize>(),
        fmt_ratio(ratio(ttp, ttp + tfp)),
        fmt_ratio(ratio(ttp, ttp + tfn))
    );

    let mut report = String::new();
    let _ = writeln!(report, "# Corpus quality\n");
    let _ = writeln!(
        report,
        "{} articles ({} clean, {} with expected findings), {} expected findings, {} mismatches, {} known disagreements (counted), {} info findings of quoted prohibited terms (not counted).\n",
        paths.len(),
        clean,
        paths.len() - clean,
        positives.values().sum::<usize>(),
        mismatches.len(),
        known,
        quoted_info
    );
    report.push_str(&table);
    if !mismatches.is_empty() {
        report.push_str("\n## Mismatches\n\n| article | rule | field | text | |\n|---|---|---|---|---|\n");
        for m in &mismatches {
            let _ = writeln!(report, "| {} | {} | {} | {} | {} |", m.article, m.rule, m.field, visible(&m.text), m.kind);
        }
    }
    println!("\n{report}");

    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    if std::fs::create_dir_all(&out).is_ok() {
        let _ = std::fs::write(out.join("corpus-quality.md"), &report);
    }

    // The corpus itself must stay meaningful.
    if paths.len() < MIN_ARTICLES {
        problems.push(format!("only {} articles (at least {MIN_ARTICLES} wanted)", paths.len()));
    }
    for (id, n) in &positives {
        if *n < MIN_POSITIVES_PER_RULE {
            problems.push(format!("rule {id} has {n} expected findings (at least {MIN_POSITIVES_PER_RULE} wanted)"));
        }
    }
    assert!(problems.is_empty(), "corpus problems:\n{}", problems.join("\n"));
    if !below_floor.is_empty() {
        eprintln!("rules below the floors (precision ≥ {PRECISION_FLOOR}, recall ≥ {RECALL_FLOOR}): {}", below_floor.join(", "));
    }
    assert!(mismatches.is_empty(), "{} mismatches between the checker and the annotations (see the list above)", mismatches.len());
}
