#![cfg(not(target_arch = "wasm32"))]
//! End-to-end tests of the `wxlint` binary: exit status, text and JSON output, stdin, lexicon
//! and config loading, errors. Paths are given relative to the crate root, so messages are
//! predictable.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const CLEAN: &str = "tests/fixtures/cli/clean.txt";
const FLAGGED: &str = "tests/fixtures/cli/flagged.txt";
const LEXICON: &str = "tests/fixtures/cli/lexicon-block.txt";
const BAD_LEXICON: &str = "tests/fixtures/cli/lexicon-bad.txt";
const WORDS: &str = "tests/fixtures/cli/words.txt";

fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wxlint"));
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("NO_COLOR");
    cmd
}

fn run(args: &[&str]) -> Output {
    command(args).output().expect("run wxlint")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = command(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // wxlint may exit (a usage error) before reading its input: a broken pipe is no failure.
    if let Err(e) = child.stdin.take().unwrap().write_all(input) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "writing stdin: {e}");
    }
    child.wait_with_output().unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 stderr")
}

fn json(o: &Output) -> Vec<Value> {
    match serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", stdout(o))) {
        Value::Array(a) => a,
        other => panic!("expected an array, got {other}"),
    }
}

/// The `start..end` slice, in UTF-16 code units, of `s`.
fn utf16_slice(s: &str, start: usize, end: usize) -> Option<String> {
    let units: Vec<u16> = s.encode_utf16().collect();
    String::from_utf16(units.get(start..end)?).ok()
}

#[test]
fn a_clean_article_exits_0() {
    let o = run(&["check", "--title", "运动会通知", CLEAN]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("tests/fixtures/cli/clean.txt  《运动会通知》\n"), "{out}");
    assert!(out.contains("✓ 未发现问题"), "{out}");
    assert!(out.trim_end().ends_with("1 个文件，必须修改 0，需领导审核 0，建议修改 0，提示 0"), "{out}");
    assert!(o.stderr.is_empty());
}

#[test]
fn an_empty_title_exits_1() {
    let o = run(&["check", "--title", "", CLEAN]);
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("tests/fixtures/cli/clean.txt:标题:1  必须修改(block)  [title-length] "), "{out}");
    assert!(out.contains("（标题为空）"), "{out}");
    assert!(out.contains("必须修改 1，"), "{out}");
}

#[test]
fn a_term_from_a_lexicon_file_is_reported_with_line_column_context_and_suggestion() {
    let o = run(&["check", "--no-builtin-lexicon", "--lexicon", LEXICON, "--title", "测试文章", FLAGGED]);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    // Line 3 is "  😀😀 这里有示例禁词，…": 8 characters precede the term (the emoji count once).
    assert!(
        out.contains("tests/fixtures/cli/flagged.txt:3:9  必须修改(block)  [prohibited] 疑似违禁内容【测试分类】：“示例禁词”\n"),
        "{out}"
    );
    assert!(out.contains("\n  😀😀 这里有「示例禁词」，需要删除。\n  建议：删除这个词\n"), "{out}");
}

#[test]
fn json_has_one_object_per_input_and_utf16_offsets_into_the_original_text() {
    let title = "😀示例禁词标题";
    let o = run(&["check", "--format", "json", "--no-builtin-lexicon", "--lexicon", LEXICON, "--title", title, FLAGGED, CLEAN]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let reports = json(&o);
    assert_eq!(reports.len(), 2);
    for r in &reports {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 3, "{r}");
        assert!(keys.contains(&"path") && keys.contains(&"title") && keys.contains(&"findings"), "{r}");
        assert_eq!(r["title"], title);
    }
    assert_eq!(reports[0]["path"], FLAGGED);
    assert_eq!(reports[1]["path"], CLEAN);

    let source = std::fs::read_to_string(FLAGGED).unwrap();
    let findings = reports[0]["findings"].as_array().unwrap();
    let mut fields = Vec::new();
    for f in findings {
        for key in ["rule", "severity", "field", "start", "end", "text", "message"] {
            assert!(f.get(key).is_some(), "missing {key}: {f}");
        }
        let (start, end) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        let text = f["text"].as_str().unwrap();
        let field = f["field"].as_str().unwrap();
        fields.push(field.to_string());
        if field == "title" {
            assert_eq!(utf16_slice(title, start, end).as_deref(), Some(text), "{f}");
            assert_eq!(start, 2, "the emoji before the term is two UTF-16 units");
        } else {
            assert_eq!(field, "body");
            assert!(f["block"].is_u64(), "{f}");
            // Plain-text blocks are the file's lines, trimmed.
            assert!(source.lines().any(|l| utf16_slice(l.trim(), start, end).as_deref() == Some(text)), "{f}");
        }
        assert_eq!(f["severity"], "block");
        assert_eq!(f["category"], "cli-test");
        assert_eq!(f["suggestion"], "删除这个词");
    }
    assert_eq!(fields, ["title", "body"]);
    // The second input has the term only in its (overridden) title.
    assert_eq!(reports[1]["findings"].as_array().unwrap().len(), 1);
}

#[test]
fn stdin_is_read_for_dash() {
    let text = "一篇文章\n\n正文里有示例禁词。\n".as_bytes();
    let o = run_stdin(&["check", "--no-builtin-lexicon", "--lexicon", LEXICON, "--title", "标准输入", "-"], text);
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("<stdin>  《标准输入》\n"), "{out}");
    assert!(out.contains("<stdin>:3:5  必须修改(block)"), "{out}");

    let o = run_stdin(&["check", "--format", "json", "--title", "标准输入", "-"], "正文没有问题。\n".as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let reports = json(&o);
    assert_eq!(reports[0]["path"], "-");
    assert_eq!(reports[0]["findings"].as_array().unwrap().len(), 0);

    let o = run_stdin(&["check", "-", "-"], b"x");
    assert_eq!(code(&o), 2);
    assert_eq!(stderr(&o), "wxlint: standard input ('-') can be given only once\n");
}

#[test]
fn title_overrides_the_title_of_every_input() {
    let o = run(&["check", "--format", "json", CLEAN, FLAGGED]);
    let without: Vec<Value> = json(&o).iter().map(|r| r["title"].clone()).collect();
    assert!(without.iter().all(|t| t != "覆盖的标题"));
    let o = run(&["check", "--format", "json", "--title", "覆盖的标题", CLEAN, FLAGGED]);
    assert!(json(&o).iter().all(|r| r["title"] == "覆盖的标题"), "{}", stdout(&o));
}

#[test]
fn a_malformed_lexicon_is_rejected_naming_file_and_line() {
    let o = run(&["check", "--lexicon", BAD_LEXICON, CLEAN]);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "wxlint: tests/fixtures/cli/lexicon-bad.txt:3: unknown severity 'fatal' (block, review, warn or info)\n"
    );
    assert!(o.stdout.is_empty(), "nothing is checked: {}", stdout(&o));

    // A lexicon that is not UTF-8 names the line too.
    let dir = tempfile::tempdir().unwrap();
    let gbk = dir.path().join("gbk.txt");
    std::fs::write(&gbk, b"# ok\n\xd6\xd0\xce\xc4\n").unwrap();
    let o = run(&["check", "--lexicon", gbk.to_str().unwrap(), CLEAN]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).starts_with(&format!("wxlint: {}:2: not valid UTF-8", gbk.display())), "{}", stderr(&o));

    let o = run(&["check", "--lexicon", "tests/fixtures/cli/no-such-lexicon.txt", CLEAN]);
    assert_eq!(code(&o), 2);
    assert_eq!(stderr(&o), "wxlint: tests/fixtures/cli/no-such-lexicon.txt: no such file\n");
}

#[test]
fn category_equals_file_loads_a_plain_list_into_the_category() {
    let arg = format!("cli-words={WORDS}");
    let o = run(&["check", "--format", "json", "--no-builtin-lexicon", "--lexicon", &arg, "--title", "测试", FLAGGED]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let reports = json(&o);
    let f = &reports[0]["findings"][0];
    assert_eq!((f["category"].as_str(), f["text"].as_str(), f["severity"].as_str()), (Some("cli-words"), Some("示例禁词"), Some("block")));

    // A file whose name looks like CATEGORY=FILE is loaded as itself.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cli-x=list.txt"), "示例禁词\n").unwrap();
    let o = command(&["check", "--format", "json", "--no-builtin-lexicon", "--lexicon", "cli-x=list.txt", "--title", "测试"])
        .arg(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FLAGGED))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(json(&o)[0]["findings"][0]["category"], "custom");
}

#[test]
fn an_unreadable_input_exits_2_but_the_others_are_still_reported() {
    let missing = "tests/fixtures/cli/no-such-article.txt";
    let o = run(&["check", "--title", "通知", CLEAN, missing]);
    assert_eq!(code(&o), 2);
    assert_eq!(stderr(&o), format!("wxlint: {missing}: no such file\n"));
    let out = stdout(&o);
    assert!(out.contains("✓ 未发现问题"), "{out}");
    assert!(out.contains("1 个文件，必须修改 0，需领导审核 0，建议修改 0，提示 0，1 个文件无法读取"), "{out}");

    // Exit 2 wins over exit 1.
    let o = run(&["check", "--format", "json", "--title", "", missing, CLEAN]);
    assert_eq!(code(&o), 2);
    let reports = json(&o);
    assert_eq!(reports[0], serde_json::json!({"path": missing, "error": "no such file"}));
    assert_eq!(reports[1]["path"], CLEAN);

    // Directories are not accepted.
    let o = run(&["check", "tests/fixtures/cli"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).starts_with("wxlint: tests/fixtures/cli: is a directory"), "{}", stderr(&o));

    // Neither is text that is not UTF-8 (a GBK file, say).
    let o = run_stdin(&["check", "-"], b"\xb1\xea\xcc\xe2\n");
    assert_eq!(code(&o), 2);
    assert_eq!(stderr(&o), "wxlint: -:1: not valid UTF-8 (save the file as UTF-8)\n");
}

#[test]
fn config_files_are_applied_and_bad_ones_rejected() {
    let o = run(&["check", "--config", "tests/fixtures/cli/config-unknown-rule.json", CLEAN]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.starts_with("wxlint: tests/fixtures/cli/config-unknown-rule.json: unknown rule 'no-such-rule'"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"rules\": ").unwrap();
    let o = run(&["check", "--config", broken.to_str().unwrap(), CLEAN]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("invalid configuration"), "{}", stderr(&o));

    let o = run(&["check", "--config", "tests/fixtures/cli/no-such-config.json", CLEAN]);
    assert_eq!(code(&o), 2);

    // The config turns the lexicon's block into review: exit 0.
    let o = run(&[
        "check", "--config", "tests/fixtures/cli/config-review.json", "--no-builtin-lexicon", "--lexicon", LEXICON, "--title", "测试", FLAGGED,
    ]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("需领导审核(review)  [prohibited]"), "{}", stdout(&o));
}

#[test]
fn rules_lists_every_rule() {
    // The first five rules; more may follow.
    let ids = ["prohibited", "spam", "title-length", "author-length", "digest-length", "image-caption"];
    let o = run(&["rules"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    // One unindented line per rule: "id  severity  name".
    let listed: Vec<&str> = out.lines().filter(|l| !l.is_empty() && !l.starts_with(' ')).map(|l| l.split("  ").next().unwrap()).collect();
    assert_eq!(listed[..ids.len()], ids, "{out}");
    assert!(out.contains("title-length  必须修改(block)  标题长度"), "{out}");
    assert!(out.contains("  - max = 64  "), "{out}");

    let o = run(&["rules", "--format", "json"]);
    assert_eq!(code(&o), 0);
    let rules = json(&o);
    let got: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(got, listed);
    assert!(rules.iter().all(|r| r["nameZh"].is_string() && r["defaultSeverity"].is_string() && r["options"].is_array()));
}

#[test]
fn colour_follows_the_color_option() {
    let args = |c: &'static str| ["check", "--color", c, "--title", "", "--no-builtin-lexicon", "--lexicon", LEXICON, FLAGGED];
    let never = run(&args("never"));
    assert_eq!(code(&never), 1);
    assert!(!never.stdout.contains(&0x1b), "{}", stdout(&never));
    assert!(stdout(&never).contains("「示例禁词」"));

    let always = run(&args("always"));
    let out = stdout(&always);
    assert!(out.contains("\x1b[1;31m必须修改(block)\x1b[0m"), "{out}");
    assert!(out.contains("\x1b[1;4;31m示例禁词\x1b[0m"), "{out}");

    // auto: stdout is a pipe here, so no colour.
    let auto = run(&args("auto"));
    assert!(!auto.stdout.contains(&0x1b));
    assert_eq!(auto.stdout, never.stdout);
}

#[test]
fn usage_errors_exit_2_and_help_and_version_exit_0() {
    for args in [&["check"][..], &["check", "--format", "xml", CLEAN], &["lint", CLEAN], &[]] {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    let o = run(&["--version"]);
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), format!("wxlint {}\n", env!("CARGO_PKG_VERSION")));
    let o = run(&["check", "--help"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("--lexicon <[CATEGORY=]FILE>"));
}

#[test]
fn stdin_format_is_sniffed_and_locations_follow_the_source() {
    let lexicon = ["check", "--no-builtin-lexicon", "--lexicon", LEXICON, "-"];
    // HTML: the reader gives no source lines, so the location is the paragraph.
    let html = "<html><head><title>学校通知</title></head><body><p>第一段。</p><p>正文里有示例禁词。</p></body></html>";
    let o = run_stdin(&lexicon, html.as_bytes());
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stdout(&o).starts_with("<stdin>  《学校通知》\n<stdin>:¶2:5  必须修改(block)"), "{}", stdout(&o));
    // Markdown: the source line, and the column of the term in it despite the emphasis marks.
    let md = "# 学校通知\n\n第一段。\n\n正文里有**示例禁词**。\n";
    let o = run_stdin(&lexicon, md.as_bytes());
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stdout(&o).contains("<stdin>:5:7  必须修改(block)"), "{}", stdout(&o));
}

#[test]
fn the_sample_articles_are_read_in_every_format() {
    let samples = ["published.html", "editor-ueditor.html", "editor-prosemirror.html", "article.md", "article.txt"];
    let paths: Vec<String> = samples.iter().map(|s| format!("tests/fixtures/{s}")).collect();
    let mut args = vec!["check", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let o = run(&args);
    assert_ne!(code(&o), 2, "{}", stderr(&o));
    let reports = json(&o);
    assert_eq!(reports.len(), samples.len());
    for (r, path) in reports.iter().zip(&paths) {
        assert_eq!(r["path"], path.as_str());
        assert!(!r["title"].as_str().unwrap().is_empty(), "{path}: no title");
        assert!(r["findings"].is_array(), "{r}");
    }
    // Text output of the same files: one header per file and the summary.
    let mut args = vec!["check", "--color", "never"];
    args.extend(paths.iter().map(String::as_str));
    let out = stdout(&run(&args));
    for path in &paths {
        assert!(out.lines().any(|l| l.starts_with(&format!("{path}  《"))), "{path}: {out}");
    }
    assert!(out.trim_end().lines().last().unwrap().starts_with("5 个文件，必须修改 "), "{out}");
}

#[test]
fn oversized_and_endless_inputs_are_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "标题\n".to_string() + &"正文".repeat(600_000)).unwrap(); // 3.6 MB
    let o = run(&["check", "--max-input-mb", "1", big.to_str().unwrap()]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("文件过大：超过 1 MB 的上限") && stderr(&o).contains("too large"), "{}", stderr(&o));
    // Standard input without end stops at the limit too.
    let mut child = command(&["check", "--max-input-mb", "1", "-"]).stdin(Stdio::piped()).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'x'; 1 << 16];
        while stdin.write_all(&chunk).is_ok() {}
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("文件过大"), "{}", stderr(&o));
    #[cfg(unix)]
    {
        let o = run(&["check", "--max-input-mb", "1", "--config", "/dev/zero", CLEAN]);
        assert_eq!(code(&o), 2);
        assert!(stderr(&o).contains("/dev/zero: 文件过大"), "{}", stderr(&o));
    }
}

#[test]
fn simplified_markup_is_checked_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("deep.html");
    std::fs::write(&deep, format!("<h1>题</h1>{}法轮功", "<li><dd>".repeat(600))).unwrap();
    let o = run(&["check", "--format", "json", deep.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "a review finding only: {}", stderr(&o));
    assert!(stderr(&o).contains("警告：标记过于复杂") && stderr(&o).contains("markup too complex"), "{}", stderr(&o));
    let reports = json(&o);
    assert!(reports[0]["findings"].as_array().unwrap().iter().any(|f| f["rule"] == "prohibited"), "{reports:?}");
}
