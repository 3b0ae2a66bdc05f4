#![cfg(not(target_arch = "wasm32"))]
//! The command line's start-up cache (`src/cli/cache.rs`): a later run restores what the first
//! wrote, the findings never change, and a damaged, foreign or unwritable cache never makes a
//! run fail. What the cache did is read from `WXLINT_LOG=cache` on stderr.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Articles whose findings need both restored parts: the built-in lexicon (prohibited, spam)
/// and the typo statistics (`typo` findings of category `context`).
const ARTICLES: [&str; 2] = ["tests/corpus/180-rewritten-gambling-page.html", "tests/corpus/168-hijacked-brand-kaiyun-sports.html"];

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("wxlint-cli-cache-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

/// `wxlint check --format json [extra] ARTICLES`, telling what the cache does; where the cache
/// is, is the caller's to set.
fn check_command(extra: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wxlint"));
    cmd.arg("check").arg("--format").arg("json").args(extra).args(ARTICLES);
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env("WXLINT_LOG", "cache");
    cmd
}

fn check(cache_dir: &Path, extra: &[&str]) -> Output {
    check_command(extra).env("WXLINT_CACHE_DIR", cache_dir).output().expect("run wxlint")
}

/// `check` with HOME at `home`, no XDG_CACHE_HOME, and WXLINT_CACHE_DIR as given (`None`: unset).
fn check_at_home(home: &Path, cache_dir: Option<&str>) -> Output {
    let mut cmd = check_command(&[]);
    cmd.env("HOME", home).env_remove("XDG_CACHE_HOME");
    match cache_dir {
        Some(d) => cmd.env("WXLINT_CACHE_DIR", d),
        None => cmd.env_remove("WXLINT_CACHE_DIR"),
    };
    cmd.output().expect("run wxlint")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The findings, with the categories that show both parts were in use checked.
fn findings(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(1), "block findings expected; stderr: {}", stderr(o));
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(out.contains(r#""category": "context""#) || out.contains(r#""category":"context""#), "a statistics finding: {out}");
    assert!(out.contains(r#""rule": "prohibited""#) || out.contains(r#""rule":"prohibited""#), "a lexicon finding: {out}");
    out
}

fn snapshot_files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .map(|r| r.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn a_second_run_restores_what_the_first_wrote_and_finds_the_same() {
    let dir = temp_dir("roundtrip");
    let uncached = check(&dir, &["--no-cache"]);
    assert!(snapshot_files(&dir).is_empty(), "--no-cache writes nothing");
    assert!(!stderr(&uncached).contains("cache:"), "--no-cache does not look: {}", stderr(&uncached));

    let first = check(&dir, &[]);
    assert!(stderr(&first).contains("wxlint: cache: no snapshot at"), "{}", stderr(&first));
    assert!(stderr(&first).contains("wxlint: cache: wrote"), "{}", stderr(&first));
    let files = snapshot_files(&dir);
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].starts_with("startup-") && files[0].ends_with(".bin"), "{files:?}");

    let second = check(&dir, &[]);
    assert!(stderr(&second).contains("wxlint: cache: restored"), "{}", stderr(&second));
    assert!(!stderr(&second).contains("wrote"), "a restored cache is not written again: {}", stderr(&second));
    assert_eq!(findings(&second), findings(&first));
    assert_eq!(findings(&second), findings(&uncached));
    fs::remove_dir_all(&dir).unwrap();
}

/// A cache folder holding this build's snapshot: the folder, the findings of an uncached run,
/// the snapshot's path and its bytes.
fn seeded(name: &str) -> (PathBuf, String, PathBuf, Vec<u8>) {
    let dir = temp_dir(name);
    let want = findings(&check(&dir, &["--no-cache"]));
    check(&dir, &[]);
    let file = dir.join(&snapshot_files(&dir)[0]);
    let good = fs::read(&file).unwrap();
    (dir, want, file, good)
}

/// A run on the spoilt snapshot at `file`: it says it ignored the file and wrote this build's
/// snapshot again, and finds what an uncached run finds. Returns its stderr.
fn assert_ignored_and_replaced(dir: &Path, file: &Path, good: &[u8], want: &str, what: &str) -> String {
    let o = check(dir, &[]);
    let err = stderr(&o);
    assert!(err.contains("wxlint: cache: ignored"), "{what}: {err}");
    assert!(err.contains("wxlint: cache: wrote"), "{what}: replaced: {err}");
    assert_eq!(findings(&o), want, "{what}");
    assert_eq!(fs::read(file).unwrap(), good, "{what}: the file is this build's snapshot again");
    err
}

#[test]
fn a_damaged_or_foreign_snapshot_is_ignored_and_replaced() {
    let (dir, want, file, good) = seeded("damaged");

    // One byte changed in the middle, the file cut short, and another build's id.
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x40;
    let mut foreign = good.clone();
    foreign[12] ^= 0x01; // inside the build id (after magic and format)
    for (what, bytes) in [("damaged", flipped), ("cut", good[..good.len() / 3].to_vec()), ("foreign", foreign), ("empty", Vec::new())] {
        fs::write(&file, &bytes).unwrap();
        assert_ignored_and_replaced(&dir, &file, &good, &want, what);
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_oversized_cache_file_is_not_read_and_is_replaced() {
    let (dir, want, file, good) = seeded("oversized");
    // 64 MB and one byte, sparse: the good snapshot at its start, zeros after it.
    let f = fs::OpenOptions::new().write(true).open(&file).unwrap();
    f.set_len((64 << 20) + 1).unwrap();
    drop(f);
    let err = assert_ignored_and_replaced(&dir, &file, &good, &want, "oversized");
    assert!(err.contains("over the 67108864-byte limit"), "{err}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_cache_folder_that_cannot_be_made_leaves_the_run_as_it_was() {
    let dir = temp_dir("unwritable");
    let want = findings(&check(&dir, &["--no-cache"]));
    // The cache "folder" is an existing file: nothing can be created under it.
    let blocker = dir.join("not-a-folder");
    fs::write(&blocker, b"x").unwrap();
    let o = check(&blocker, &[]);
    assert!(stderr(&o).contains("wxlint: cache: could not write"), "{}", stderr(&o));
    assert_eq!(findings(&o), want);
    assert_eq!(fs::read(&blocker).unwrap(), b"x");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_run_without_the_built_in_lexicon_restores_only_the_statistics_and_writes_nothing() {
    let dir = temp_dir("no-lexicon");
    let config = dir.join("config.json");
    fs::write(&config, r#"{"builtinLexicon": false}"#).unwrap();
    let config = config.to_str().unwrap();
    let cache = dir.join("cache");
    // Nothing to restore: nothing is written either (saving would build the unused lexicon).
    let o = check(&cache, &["--no-builtin-lexicon"]);
    assert!(stderr(&o).contains("wxlint: cache: no snapshot"), "{}", stderr(&o));
    assert!(snapshot_files(&cache).is_empty(), "{}", stderr(&o));
    // A run with the lexicon writes the snapshot; the flag and the configuration file then
    // restore its statistics part alone, and find what they find without the cache.
    findings(&check(&cache, &[]));
    assert_eq!(snapshot_files(&cache).len(), 1);
    for extra in [&["--no-builtin-lexicon"][..], &["--config", config][..]] {
        let want = check(&cache, &[&["--no-cache"][..], extra].concat());
        let o = check(&cache, extra);
        assert!(stderr(&o).contains("wxlint: cache: restored statistics only"), "{extra:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("wrote"), "{extra:?}: {}", stderr(&o));
        let out = String::from_utf8(o.stdout.clone()).unwrap();
        assert!(!out.contains(r#""rule": "prohibited""#), "no built-in lexicon: {out}");
        assert!(out.contains(r#""category": "context""#), "the restored statistics in use: {out}");
        assert_eq!((o.status.code(), out), (want.status.code(), String::from_utf8(want.stdout).unwrap()), "{extra:?}");
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_empty_cache_dir_turns_the_cache_off() {
    let dir = temp_dir("off");

    // WXLINT_CACHE_DIR set but empty: no cache even where HOME would put one.
    let home = dir.join("home");
    fs::create_dir_all(&home).unwrap();
    let o = check_at_home(&home, Some(""));
    findings(&o);
    assert!(!home.join(".cache").exists(), "nothing written under HOME");

    // Without WXLINT_CACHE_DIR, the cache is under HOME's .cache.
    let o = check_at_home(&home, None);
    findings(&o);
    assert_eq!(snapshot_files(&home.join(".cache/wxlint")).len(), 1, "{}", stderr(&o));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn report_uses_the_same_cache() {
    let dir = temp_dir("report");
    let out = dir.join("r.json");
    let report = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_wxlint"))
            .args(["report", "--format", "json", "--out"])
            .arg(&out)
            .args(extra)
            .args(ARTICLES)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("WXLINT_CACHE_DIR", dir.join("cache"))
            .env("WXLINT_LOG", "cache")
            .output()
            .unwrap()
    };
    let strip = |s: String| s.lines().filter(|l| !l.contains("\"generated")).collect::<Vec<_>>().join("\n");
    let o = report(&["--no-cache"]);
    assert_eq!(o.status.code(), Some(1), "block findings; {}", stderr(&o));
    let want = strip(fs::read_to_string(&out).unwrap());
    assert!(want.contains("context"), "{want}");
    let o = report(&[]);
    assert!(stderr(&o).contains("wxlint: cache: wrote"), "{}", stderr(&o));
    assert_eq!(strip(fs::read_to_string(&out).unwrap()), want);
    let o = report(&[]);
    assert!(stderr(&o).contains("wxlint: cache: restored"), "{}", stderr(&o));
    assert_eq!(strip(fs::read_to_string(&out).unwrap()), want);
    fs::remove_dir_all(&dir).unwrap();
}
