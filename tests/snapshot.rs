//! A start-up snapshot written by one process and restored by another: the second builds
//! neither the built-in lexicon nor the statistics, and finds exactly what the first found.
//!
//! The test runs its own binary a second time (with `WXLINT_SNAPSHOT_CHILD` set) as the process
//! that builds, saves and checks; this process restores before anything is built.

#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use wxlint::extract::html::extract_html;
use wxlint::{Checker, Config};

fn corpus() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "html")).collect();
    files.sort();
    // Every fourth article: all groups (clean, school, police, spam) are among them.
    files.iter().step_by(4).map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

fn findings_json() -> String {
    let checker = Checker::new(Config::default()).unwrap();
    let all: Vec<Vec<wxlint::Finding>> = corpus().iter().map(|html| checker.check(&extract_html(html))).collect();
    serde_json::to_string(&all).unwrap()
}

#[test]
fn a_restored_process_finds_what_a_building_process_found() {
    if let Ok(out) = std::env::var("WXLINT_SNAPSHOT_CHILD") {
        let findings = findings_json();
        std::fs::write(format!("{out}.findings"), findings).unwrap();
        std::fs::write(out, wxlint::snapshot::save()).unwrap();
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("snapshot.bin");
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "a_restored_process_finds_what_a_building_process_found", "--nocapture"])
        .env("WXLINT_SNAPSHOT_CHILD", &out)
        .status()
        .unwrap();
    assert!(status.success());
    let bytes = std::fs::read(&out).unwrap();
    let restored = wxlint::snapshot::restore(&bytes).unwrap();
    assert_eq!(restored, wxlint::snapshot::Restored { lexicon: true, statistics: true });
    let expected = std::fs::read_to_string(format!("{}.findings", out.display())).unwrap();
    let got = findings_json();
    assert!(got.len() > 1000, "the corpus sample has findings");
    assert_eq!(got, expected);
    // Restoring again installs nothing; the bytes are still accepted.
    assert_eq!(wxlint::snapshot::restore(&bytes).unwrap(), wxlint::snapshot::Restored::default());
    assert_eq!(wxlint::snapshot::save(), bytes);
}
