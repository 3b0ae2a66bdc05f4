#![cfg(not(target_arch = "wasm32"))]
//! End-to-end tests of `wxlint report` (the HTML self-inspection report) and of
//! `wxlint check --format sarif`, on the sample batch in tests/fixtures/report: articles in
//! HTML, Markdown and plain text in subfolders, one with `block` findings, one clean, one with
//! `<script>` in its title, one file that is not UTF-8, a hidden folder and a file of another
//! kind (both to be skipped).
//!
//! The expected numbers are not written down here: they come from `wxlint check --format json`
//! on the same files.

use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURES: &str = "tests/fixtures/report";
const SEVERITIES: [&str; 4] = ["block", "review", "warn", "info"];

fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wxlint"));
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("SOURCE_DATE_EPOCH");
    cmd
}

fn run(args: &[&str]) -> Output {
    command(args).output().expect("run wxlint")
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

/// The files `report` should find under `dir`: the article extensions, hidden entries skipped,
/// in name order (relative to the crate root, `/`-separated as given on the command line).
fn article_files(dir: &str) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for p in entries {
            if p.file_name().unwrap().to_string_lossy().starts_with('.') {
                continue;
            }
            if p.is_dir() {
                walk(&p, out);
            } else if ["html", "htm", "md", "markdown", "txt"].contains(&p.extension().and_then(|e| e.to_str()).unwrap_or("")) {
                out.push(p);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join(dir), &mut files);
    files.iter().map(|p| p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/")).collect()
}

/// What `check --format json` says about the files: per path, the findings' (rule, severity);
/// and the paths it could not read.
struct Expected {
    articles: BTreeMap<String, Vec<(String, String)>>,
    unreadable: Vec<String>,
}

fn expected(files: &[String]) -> Expected {
    let mut args = vec!["check", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    let reports: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)));
    let mut articles = BTreeMap::new();
    let mut unreadable = Vec::new();
    for r in reports {
        let path = r["path"].as_str().unwrap().to_string();
        if r.get("error").is_some() {
            unreadable.push(path);
            continue;
        }
        let findings = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["rule"].as_str().unwrap().to_string(), f["severity"].as_str().unwrap().to_string()))
            .collect();
        articles.insert(path, findings);
    }
    Expected { articles, unreadable }
}

impl Expected {
    fn total(&self, severity: &str) -> usize {
        self.articles.values().flatten().filter(|(_, s)| s == severity).count()
    }
}

/// Undoes the report's escaping of attribute values and text.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The attributes of every start tag that begins with `start` (e.g. `<tr data-path="`), in order.
fn tags(html: &str, start: &str) -> Vec<HashMap<String, String>> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(start) {
        let tag = &rest[i..];
        let end = tag.find('>').expect("tag end");
        let mut attrs = HashMap::new();
        let mut s = &tag[..end];
        while let Some(eq) = s.find("=\"") {
            let name = s[..eq].rsplit(' ').next().unwrap().to_string();
            let value_end = s[eq + 2..].find('"').expect("closing quote");
            attrs.insert(name, unescape(&s[eq + 2..eq + 2 + value_end]));
            s = &s[eq + 2 + value_end + 1..];
        }
        out.push(attrs);
        rest = &tag[end..];
    }
    out
}

/// The text of the element with `id="{id}"` (up to the next `<`).
fn text_of_id<'a>(html: &'a str, id: &str) -> &'a str {
    let marker = format!("id=\"{id}\">");
    let i = html.find(&marker).unwrap_or_else(|| panic!("no #{id}")) + marker.len();
    &html[i..i + html[i..].find('<').unwrap()]
}

fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html.find(&format!("<section id=\"{id}\"")).unwrap_or_else(|| panic!("no section #{id}"));
    let len = html[start..].find("</section>").unwrap();
    &html[start..start + len]
}

fn counts_of(findings: &[(String, String)]) -> [usize; 4] {
    SEVERITIES.map(|s| findings.iter().filter(|(_, x)| x == s).count())
}

#[test]
fn the_report_matches_check_json_on_the_same_files() {
    let files = article_files(FIXTURES);
    assert!(files.iter().any(|f| f.ends_with(".html")) && files.iter().any(|f| f.ends_with(".md")) && files.iter().any(|f| f.ends_with(".txt")));
    let want = expected(&files);
    assert!(want.articles.len() >= 5, "{:?}", want.articles.keys());
    assert_eq!(want.unreadable, ["tests/fixtures/report/txt/gbk-notice.txt"]);
    assert!(want.total("block") > 0 && want.articles.values().any(Vec::is_empty), "the batch has a block finding and a clean article");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("自查报告.html");
    let o = command(&["report", "--out"]).arg(&out).arg(FIXTURES).output().unwrap();
    assert_eq!(code(&o), 1, "a block finding: exit 1\n{}", stderr(&o));
    assert!(o.stdout.is_empty());
    // One summary line on stderr (no progress bar: stderr is not a terminal).
    let err = stderr(&o);
    let mut line = format!("报告已写入 {}：{} 篇文章", out.display(), want.articles.len());
    for (s, label) in SEVERITIES.iter().zip(["必须修改", "需领导审核", "建议修改", "提示"]) {
        line.push_str(&format!("，{label} {}", want.total(s)));
    }
    line.push_str("，1 个文件无法读取\n");
    assert_eq!(err, line);
    let html = std::fs::read_to_string(&out).unwrap();

    // The page: title, version, date, self-contained.
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.contains("<title>公众号文章自查报告</title>") && html.contains("<h1>公众号文章自查报告</h1>"));
    assert!(html.contains(&format!("wxlint {}", env!("CARGO_PKG_VERSION"))));
    assert!(html.contains("（北京时间）"));
    assert!(html.contains("<th scope=\"row\">内置词库</th><td>已加载</td>"), "config summary");
    for external in ["<link", "<script", "<img", "<iframe", "@import", "href=\"http", "src=\""] {
        assert!(!html.to_lowercase().contains(external), "{external} in the report");
    }
    assert!(html.split("url(").skip(1).all(|rest| rest.starts_with('#')), "url() only for in-page SVG patterns");

    // Summary numbers.
    assert_eq!(text_of_id(&html, "n-articles"), want.articles.len().to_string());
    for s in SEVERITIES {
        assert_eq!(text_of_id(&html, &format!("n-{s}")), want.total(s).to_string(), "{s}");
    }
    assert_eq!(text_of_id(&html, "n-unreadable"), "1");

    // By rule: one row per rule that found something, with its counts.
    let mut by_rule: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    for (rule, s) in want.articles.values().flatten() {
        by_rule.entry(rule.clone()).or_default()[SEVERITIES.iter().position(|x| x == s).unwrap()] += 1;
    }
    let rows = tags(section(&html, "by-rule"), "<tr id=\"rule-");
    assert_eq!(rows.len(), by_rule.len());
    for row in &rows {
        let id = row["id"].strip_prefix("rule-").unwrap();
        let got = SEVERITIES.map(|s| row[&format!("data-{s}")].parse::<usize>().unwrap());
        assert_eq!(got, by_rule[id], "{id}");
    }
    // Rules are named in Chinese, from the metadata.
    let rules: Vec<Value> = serde_json::from_slice(&run(&["rules", "--format", "json"]).stdout).unwrap();
    for r in rules.iter().filter(|r| by_rule.contains_key(r["id"].as_str().unwrap())) {
        assert!(section(&html, "by-rule").contains(&format!("{}<code>{}</code>", r["nameZh"].as_str().unwrap(), r["id"].as_str().unwrap())));
    }

    // Articles: every readable file once, worst first, with its counts and an anchor.
    let list = tags(section(&html, "articles"), "<tr data-path=\"");
    let listed: Vec<&str> = list.iter().map(|r| r["data-path"].as_str()).collect();
    let mut sorted: Vec<&str> = want.articles.keys().map(String::as_str).collect();
    sorted.sort_by_key(|p| std::cmp::Reverse(counts_of(&want.articles[*p])));
    assert_eq!(listed, sorted, "worst first: block, then review, then warn");
    for (i, row) in list.iter().enumerate() {
        let path = &row["data-path"];
        assert_eq!(SEVERITIES.map(|s| row[&format!("data-{s}")].parse::<usize>().unwrap()), counts_of(&want.articles[path]), "{path}");
        let n = i + 1;
        assert!(section(&html, "articles").contains(&format!("<a href=\"#article-{n}\">")), "link {n}");
        let start = html.find(&format!("<article class=\"article\" id=\"article-{n}\">")).unwrap_or_else(|| panic!("section {n}"));
        let article = &html[start..start + html[start..].find("</article>").unwrap()];
        assert!(article.contains(&format!("<code class=\"path\">{path}</code>")), "{article}");
        assert_eq!(article.matches("<tr class=\"r-").count(), want.articles[path].len(), "{path}");
        assert!(article.contains("正文字数") && article.contains("图片") && article.contains("作者"));
    }
    assert!(!html.contains("article-0\"") && !html.contains(&format!("id=\"article-{}\"", list.len() + 1)));

    // Findings: badge, location, the match highlighted.
    let details = section(&html, "details");
    assert!(details.contains("<span class=\"badge b-block\">必须修改</span>"));
    assert!(details.contains("<td class=\"loc\">标题</td>"));
    assert!(details.contains("<td class=\"loc\">正文第 4 段</td>"), "HTML: paragraph, no line");
    assert!(details.contains("<td class=\"loc\">正文第 1 段<small>第 3 行</small></td>"), "text: paragraph and line");
    assert!(details.contains("联系电话：<mark class=\"m-block\">13907381526</mark>"), "{details}");
    assert!(details.contains("建议</span>139****1526"));
    assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());

    // Untrusted article text is escaped: the <script> title, markup inside a paragraph, the author.
    assert!(html.contains("《&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;阳光小学校园开放日》"));
    assert!(html.contains("代码 &lt;/mark&gt;&lt;img src=x&gt; 讲解<mark class=\"m-warn\">原那么</mark>"));
    assert!(html.contains("<dd>&lt;b&gt;德育处</dd>"));
    assert!(html.contains("demo2/640?a=1&amp;b=&quot;2&quot;"), "an image address is shown, escaped, not loaded");

    // Unreadable files are listed with the reason; skipped files are nowhere.
    let unreadable = section(&html, "unreadable");
    assert!(unreadable.contains("<h2>六、无法读取的文件</h2>"), "after 概况, 发布情况, 阅读与互动, 问题分类, 文章一览");
    assert!(unreadable.contains("<code class=\"path\">tests/fixtures/report/txt/gbk-notice.txt</code>"));
    assert!(unreadable.contains("不是 UTF-8 编码"));
    for skipped in [".drafts", "hidden.txt", "attendance.csv"] {
        assert!(!html.contains(skipped), "{skipped}");
    }
}

#[test]
fn out_dash_writes_the_report_to_stdout_and_a_clean_batch_exits_0() {
    let o = run(&["report", "--out", "-", "tests/fixtures/report/md"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let html = stdout(&o);
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert_eq!(text_of_id(&html, "n-articles"), "2");
    assert!(!html.contains("id=\"unreadable\""), "no unreadable section when all files were read");
    assert!(stderr(&o).starts_with("报告已写到标准输出：2 篇文章，必须修改 0，"), "{}", stderr(&o));

    let o = run(&["report", "--out", "-", "tests/fixtures/report/md/sports-day.md"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("全部文章未发现问题"));
    assert!(stdout(&o).contains("✓ 未发现问题"));
}

#[test]
fn the_default_output_is_in_the_current_folder_and_never_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join(FIXTURES).join("md/sports-day.md"), dir.path().join("a.md")).unwrap();
    let report = |args: &[&str]| command(&["report"]).args(args).current_dir(dir.path()).output().unwrap();

    let o = report(&["."]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stderr(&o), "报告已写入 wxlint-report.html：1 篇文章，必须修改 0，需领导审核 0，建议修改 0，提示 0\n");
    let first = std::fs::read_to_string(dir.path().join("wxlint-report.html")).unwrap();
    assert_eq!(text_of_id(&first, "n-articles"), "1");

    // Again: the report in the folder is not an article; nor is a renamed copy of it.
    std::fs::copy(dir.path().join("wxlint-report.html"), dir.path().join("old-report.html")).unwrap();
    let o = report(&["."]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stderr(&o), "报告已写入 wxlint-report.html：1 篇文章，必须修改 0，需领导审核 0，建议修改 0，提示 0，跳过 1 份以前生成的报告\n");
    let again = std::fs::read_to_string(dir.path().join("wxlint-report.html")).unwrap();
    assert_eq!(text_of_id(&again, "n-articles"), "1");

    // A folder holding nothing but an earlier report has no article: a usage error, no file left.
    let only = dir.path().join("only-reports");
    std::fs::create_dir(&only).unwrap();
    std::fs::copy(dir.path().join("old-report.html"), only.join("r.html")).unwrap();
    let o = report(&["--out", "new.html", "only-reports"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).starts_with("wxlint: no article files found"), "{}", stderr(&o));
    assert!(!dir.path().join("new.html").exists());

    // SOURCE_DATE_EPOCH fixes the date (Beijing time): two runs give the same bytes.
    let fixed = |out: &str| command(&["report", "--out", out, "a.md"]).current_dir(dir.path()).env("SOURCE_DATE_EPOCH", "1749722700").output().unwrap();
    assert_eq!(code(&fixed("one.html")), 0);
    assert_eq!(code(&fixed("two.html")), 0);
    let one = std::fs::read_to_string(dir.path().join("one.html")).unwrap();
    assert!(one.contains("2025年6月12日 18:05（北京时间）"));
    assert_eq!(one, std::fs::read_to_string(dir.path().join("two.html")).unwrap());
}

#[test]
fn config_and_lexicons_are_used_and_summarised() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "测试通知\n\n正文里有示例禁词。\n").unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let words = root.join("tests/fixtures/cli/words.txt");
    let config = root.join("tests/fixtures/cli/config-review.json");
    let o = command(&["report", "--out", "-", "--no-builtin-lexicon", "--lexicon"])
        .arg(format!("cli-words={}", words.display()))
        .arg("--config")
        .arg(&config)
        .arg(dir.path().join("a.txt"))
        .output()
        .unwrap();
    // The config makes the list's block a review: exit 0.
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let html = stdout(&o);
    assert_eq!(text_of_id(&html, "n-review"), "1");
    assert!(html.contains("<mark class=\"m-review\">示例禁词</mark>"));
    assert!(html.contains(&format!("<th scope=\"row\">配置文件</th><td>{}</td>", config.display())));
    assert!(html.contains("违禁内容（prohibited）：级别“需领导审核”"), "the rule change is summarised");
    assert!(html.contains("<th scope=\"row\">内置词库</th><td>未加载</td>"));
    assert!(html.contains(&format!("{}（分类 cli-words，1 条，白名单 0 条）", words.display())));
}

#[test]
fn usage_errors_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    let out_s = out.to_str().unwrap();
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("notes.pdf"), "x").unwrap();
    let unwritable = dir.path().join("no-such-folder/r.html");
    let cases: [(Vec<&str>, &str); 8] = [
        (vec!["--config", "tests/fixtures/cli/config-unknown-rule.json", FIXTURES], "unknown rule 'no-such-rule'"),
        (vec!["--lexicon", "tests/fixtures/cli/lexicon-bad.txt", FIXTURES], "lexicon-bad.txt:3: unknown severity"),
        (vec![empty.path().to_str().unwrap()], "no article files found"),
        (vec!["tests/fixtures/report/no-such-folder"], "no-such-folder: no such file or folder"),
        (vec!["-"], "not standard input"),
        (vec!["--out", dir.path().to_str().unwrap(), FIXTURES], "is a folder"),
        (vec![], "required"),
        (vec!["--out", unwritable.to_str().unwrap(), "tests/fixtures/report/md"], "cannot write the report to"),
    ];
    for (args, message) in cases {
        let mut all = vec!["report"];
        if !args.contains(&"--out") {
            all.extend(["--out", out_s]);
        }
        all.extend(&args);
        let o = run(&all);
        assert_eq!(code(&o), 2, "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
        assert!(!out.exists(), "{args:?} wrote a report");
    }
    let o = run(&["report", "--help"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("--out <FILE>") && stdout(&o).contains("[default: wxlint-report.html for HTML, standard output for JSON]"), "{}", stdout(&o));
}

#[test]
fn sarif_has_the_shape_of_sarif_2_1_0() {
    let files = article_files(FIXTURES);
    let want = expected(&files);
    let mut args = vec!["check", "--format", "sarif"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(code(&o), 2, "an unreadable input: exit 2 as for the other formats");
    let log: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)));

    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run0 = &runs[0];
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let driver = &run0["tool"]["driver"];
    assert_eq!(driver["name"], "wxlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(driver.get("informationUri").is_none());

    let meta: Vec<Value> = serde_json::from_slice(&run(&["rules", "--format", "json"]).stdout).unwrap();
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), meta.len());
    let level_of = |s: &str| match s {
        "block" => "error",
        "review" | "warn" => "warning",
        "info" => "note",
        other => panic!("severity {other}"),
    };
    for (r, m) in rules.iter().zip(&meta) {
        assert_eq!(r["id"], m["id"]);
        let name = r["name"].as_str().unwrap();
        assert!(!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()), "{name}");
        assert_eq!(r["shortDescription"]["text"], m["nameZh"]);
        assert_eq!(r["fullDescription"]["text"], m["descriptionZh"]);
        assert_eq!(r["defaultConfiguration"]["level"], level_of(m["defaultSeverity"].as_str().unwrap()));
    }

    // One result per finding, in the order of the JSON output.
    let results = run0["results"].as_array().unwrap();
    let expected_results: Vec<(&String, &(String, String))> =
        files.iter().filter_map(|p| want.articles.get(p).map(|f| (p, f))).flat_map(|(p, fs)| fs.iter().map(move |f| (p, f))).collect();
    assert_eq!(results.len(), expected_results.len());
    let mut text_args = vec!["check", "--color", "never"];
    text_args.extend(files.iter().map(String::as_str));
    let text_output = stdout(&run(&text_args));
    let mut with_region = 0;
    for (r, (path, (rule, severity))) in results.iter().zip(&expected_results) {
        assert_eq!(&r["ruleId"], rule.as_str());
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], rule.as_str());
        assert_eq!(r["level"], level_of(severity));
        assert_eq!(&r["properties"]["severity"], severity.as_str());
        assert!(r["properties"]["field"].is_string());
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        let locations = r["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let physical = &locations[0]["physicalLocation"];
        assert_eq!(&physical["artifactLocation"]["uri"], path.as_str(), "the path as given");
        match physical.get("region") {
            Some(region) => {
                with_region += 1;
                let (line, column) = (region["startLine"].as_u64().unwrap(), region["startColumn"].as_u64().unwrap());
                // The same line and column as the text output.
                assert!(text_output.contains(&format!("{path}:{line}:{column}  ")), "{path}:{line}:{column}");
                if let Some(end) = region["endColumn"].as_u64() {
                    let source = std::fs::read_to_string(path).unwrap();
                    let src_line: Vec<char> = source.lines().nth(line as usize - 1).unwrap().chars().collect();
                    let got: String = src_line[column as usize - 1..end as usize - 1].iter().collect();
                    assert_eq!(got, region["snippet"]["text"].as_str().unwrap(), "columns count characters");
                }
            }
            None => {
                let logical = &locations[0]["logicalLocations"][0];
                assert!(logical["name"].is_string() && logical["decoratedName"].is_string(), "{r}");
            }
        }
    }
    assert!(with_region > 0 && with_region < results.len(), "text and Markdown findings have regions, HTML ones logical locations");

    let invocation = &run0["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["level"], "error");
    assert_eq!(notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], want.unreadable[0].as_str());

    // A clean input: an empty result list, a successful run, exit 0.
    let o = run(&["check", "--format", "sarif", "tests/fixtures/report/md/sports-day.md"]);
    assert_eq!(code(&o), 0);
    let log: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(log["runs"][0]["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn a_large_batch_shows_no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..25 {
        std::fs::write(dir.path().join(format!("{i:02}.txt")), format!("第{i}期校园简报\n\n本期内容。\n")).unwrap();
    }
    let o = command(&["report", "--out", "-"]).arg(dir.path()).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(!err.contains('\r') && !err.contains('#'), "{err:?}");
    assert_eq!(err, "报告已写到标准输出：25 篇文章，必须修改 0，需领导审核 0，建议修改 0，提示 0\n");
    assert_eq!(text_of_id(&stdout(&o), "n-articles"), "25");
}

#[test]
fn simplified_markup_is_said_in_the_report_for_that_article_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-deep.html"), format!("<h1>深</h1>{}运动会", "<li><dd>".repeat(600))).unwrap();
    std::fs::write(dir.path().join("b-plain.html"), "<h1>浅</h1><p>运动会圆满结束。</p>").unwrap();
    let d = dir.path().to_str().unwrap();

    let o = run(&["report", "--out", "-", d]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let html = stdout(&o);
    assert_eq!(html.matches(r#"<p class="simplified""#).count(), 1, "one warning, for one article");
    let deep = &html[html.find("a-deep.html").expect("the deep article is listed")..];
    let deep_article = &deep[..deep.find("</article>").unwrap()];
    assert!(deep_article.contains("标记过于复杂"), "the warning is in the deep article's own section");
    assert!(stderr(&o).contains("1 篇标记过于复杂、已简化后检查"), "{}", stderr(&o));

    let o = run(&["report", "--format", "json", "--out", "-", d]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let by_path: HashMap<String, bool> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string(), a["simplified"].as_bool().unwrap()))
        .collect();
    assert_eq!(by_path.get("a-deep.html"), Some(&true), "{by_path:?}");
    assert_eq!(by_path.get("b-plain.html"), Some(&false), "{by_path:?}");
}
