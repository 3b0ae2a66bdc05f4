//! The labelled corpus: realistic articles (tests/corpus/NNN-slug.html, saved published pages)
//! with the findings a careful reviewer expects (NNN-slug.expected.json), checked with the
//! default configuration. Prints per-rule true positives, false positives, false negatives,
//! precision and recall, lists every mismatch, writes the table to target/corpus-quality.md
//! (QUALITY.md is regenerated from it) and fails on ANY missed or unexpected finding.
//!
//! Run: `cargo test --release --test corpus -- --nocapture`
//!
//! A finding is compared as (rule, field, text), as a multiset per article: an expected
//! finding listed twice must be reported twice. Image findings have an empty text.
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
}

type Key = (String, String, String);

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

fn multiset<I: IntoIterator<Item = Key>>(items: I) -> BTreeMap<Key, usize> {
    let mut m = BTreeMap::new();
    for k in items {
        *m.entry(k).or_insert(0) += 1;
    }
    m
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
            if let Some(n) = positives.get_mut(&e.rule) {
                *n += 1;
            }
        }
        if expected.is_empty() {
            clean += 1;
        }

        let format = detect_format(Some(path), &content);
        let article = extract(&content, format).article;
        let findings = checker.check(&article);

        let want = multiset(expected.iter().map(|e| (e.rule.clone(), e.field.clone(), e.text.clone())));
        let got = multiset(findings.iter().map(|f| (f.rule.clone(), f.field.as_str().to_string(), f.text.clone())));
        let keys: std::collections::BTreeSet<&Key> = want.keys().chain(got.keys()).collect();
        for key in keys {
            let w = want.get(key).copied().unwrap_or(0);
            let g = got.get(key).copied().unwrap_or(0);
            let c = counts.entry(key.0.clone()).or_default();
            c.tp += w.min(g);
            c.fn_ += w.saturating_sub(g);
            c.fp += g.saturating_sub(w);
            let (kind, n) = if w > g { ("missed", w - g) } else { ("unexpected", g - w) };
            for _ in 0..n {
                mismatches.push(Mismatch {
                    article: name.clone(),
                    rule: key.0.clone(),
                    field: key.1.clone(),
                    text: key.2.clone(),
                    kind,
                });
            }
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
        "{} articles ({} clean, {} with expected findings), {} expected findings, {} mismatches.\n",
        paths.len(),
        clean,
        paths.len() - clean,
        positives.values().sum::<usize>(),
        mismatches.len()
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
