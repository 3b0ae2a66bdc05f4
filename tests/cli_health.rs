#![cfg(not(target_arch = "wasm32"))]
//! End-to-end tests of the account-health sections of `wxlint report` (posting cadence and weekly
//! feedback figures), on tests/fixtures/health: saved articles of two accounts and of no named
//! account over five ISO weeks (a week with one post, a week with none, gaps, a duplicate, files
//! without a date), and statistics exports in every format read (.xlsx, a real .xls, an .xls that
//! is an HTML table, a GBK CSV with a malformed row, a corrupt .xlsx).
//!
//! The expected figures come from tests/fixtures/health/expected.json, written by the script that
//! generated the fixtures (generate.py) with Python's own calendar, independently of this code.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const DIR: &str = "tests/fixtures/health";

fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wxlint"));
    cmd.args(args).current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR)).env("SOURCE_DATE_EPOCH", "1775000000");
    cmd
}

fn run(args: &[&str]) -> Output {
    command(args).output().expect("run wxlint")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The statistics of the fixtures, as an editor would pass them.
const STATS: [&str; 10] = [
    "--stats",
    "阳光小学=stats/sunshine-trend.xlsx",
    "--stats",
    "阳光小学=stats/sunshine-interactions.xls",
    "--stats",
    "柳河镇人民政府=stats/liuhe-notified.xls",
    "--stats",
    "柳河镇人民政府=stats/liuhe-interactions.csv",
    "--stats",
    "stats/corrupt.xlsx",
];

fn expected() -> Value {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR).join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn report_json(extra: &[&str]) -> (Value, Output) {
    let mut args = vec!["report", "--format", "json"];
    args.extend(STATS);
    args.extend(extra);
    args.push("articles");
    let o = run(&args);
    let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&o)));
    (v, o)
}

fn by_account<'a>(list: &'a Value, name: &Value) -> &'a Value {
    list.as_array().unwrap().iter().find(|a| &a["account"] == name).unwrap_or_else(|| panic!("no account {name}"))
}

fn close(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * y.abs().max(1.0),
        _ => a == b,
    }
}

fn strip(path: &str) -> &str {
    path.strip_prefix("articles/").unwrap_or(path)
}

#[test]
fn cadence_and_weekly_figures_match_the_fixtures() {
    let want = expected();
    let (got, o) = report_json(&[]);
    assert_eq!(o.status.code(), Some(0), "no block finding in the fixtures\n{}", stderr(&o));
    assert!(stderr(&o).contains("2 个统计文件有无法读取的内容"), "{}", stderr(&o));

    // Cadence: the period, every account's weeks, gaps and summary line.
    let cadence = &got["cadence"];
    assert_eq!(cadence["period"]["from"], want["period"]["from"]);
    assert_eq!(cadence["period"]["to"], want["period"]["to"]);
    assert_eq!(cadence["period"]["explicit"], false);
    assert_eq!((cadence["weeklyMin"].as_u64(), cadence["gapDays"].as_u64()), (Some(2), Some(14)));
    let accounts = cadence["accounts"].as_array().unwrap();
    assert_eq!(accounts.len(), 3);
    assert!(accounts[2]["account"].is_null(), "the unnamed group comes last");
    for w in want["cadence"].as_array().unwrap() {
        let g = by_account(&cadence["accounts"], &w["account"]);
        assert_eq!(g["total"], w["total"], "{}", w["account"]);
        assert_eq!(g["summary"], w["summary"]);
        let weeks: Vec<(&Value, &Value, &Value)> = g["weeks"].as_array().unwrap().iter().map(|x| (&x["week"], &x["count"], &x["below"])).collect();
        let wanted: Vec<(&Value, &Value, &Value)> = w["weeks"].as_array().unwrap().iter().map(|x| (&x["week"], &x["count"], &x["below"])).collect();
        assert_eq!(weeks, wanted, "{}", w["account"]);
        let gaps: Vec<_> = g["gaps"].as_array().unwrap().iter().map(|x| (&x["from"], &x["to"], &x["days"], &x["kind"])).collect();
        let wanted: Vec<_> = w["gaps"].as_array().unwrap().iter().map(|x| (&x["from"], &x["to"], &x["days"], &x["kind"])).collect();
        assert_eq!(gaps, wanted, "{}", w["account"]);
    }
    // The 00:30 Beijing article (27 March in UTC) counts on 28 March.
    let sunshine = by_account(&cadence["accounts"], &Value::from("阳光小学"));
    assert_eq!(sunshine["last"], "2026-03-28");
    assert_eq!(sunshine["weeks"][4]["dates"], serde_json::json!(["2026-03-27", "2026-03-28"]));
    for a in accounts {
        for w in a["weeks"].as_array().unwrap() {
            assert_eq!(w["dates"].as_array().unwrap().len() as u64, w["count"].as_u64().unwrap());
        }
    }

    // Articles without a date, and the duplicate, by path.
    let undated: Vec<&str> = cadence["undated"].as_array().unwrap().iter().map(|p| strip(p.as_str().unwrap())).collect();
    let mut want_undated: Vec<&str> = want["undated"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    want_undated.sort_unstable();
    let mut undated_sorted = undated.clone();
    undated_sorted.sort_unstable();
    assert_eq!(undated_sorted, want_undated);
    let articles = got["articles"].as_array().unwrap();
    let dup: Vec<(&str, &str)> = articles
        .iter()
        .filter(|a| a["duplicateOf"].is_string())
        .map(|a| (strip(a["path"].as_str().unwrap()), strip(a["duplicateOf"].as_str().unwrap())))
        .collect();
    let want_dup: Vec<(&str, &str)> = want["duplicates"].as_array().unwrap().iter().map(|d| (d[0].as_str().unwrap(), d[1].as_str().unwrap())).collect();
    assert_eq!(dup, want_dup);
    // Where each date came from: every page variant is read.
    let source = |file: &str| {
        let a = articles.iter().find(|a| a["path"].as_str().unwrap().ends_with(file)).unwrap_or_else(|| panic!("{file}"));
        (a["published"]["source"].as_str().unwrap_or("none").to_string(), a["account"].as_str().unwrap_or("").to_string())
    };
    for (file, src, account) in [
        ("teachers-meeting.html", "页面脚本 ct", "阳光小学"),
        ("homework-show.html", "页面脚本 createTime", "阳光小学"),
        ("lei-feng-day.html", "页面上的发布时间", "阳光小学"),
        ("opening-ceremony.html", "页面脚本 oriCreateTime", "阳光小学"),
        ("arbor-day.html", "页面脚本 create_time", "阳光小学"),
        ("job-fair.md", "front matter", "柳河镇人民政府"),
        ("2026-03-16-drowning-prevention.txt", "文件名", ""),
        ("20260318 campus-brief.txt", "文件名", ""),
    ] {
        assert_eq!(source(file), (src.to_string(), account.to_string()), "{file}");
    }

    // Weekly figures, per account.
    let feedback = &got["feedback"];
    assert_eq!(feedback["given"], true);
    for w in want["feedback"].as_array().unwrap() {
        let g = by_account(&feedback["accounts"], &w["account"]);
        assert_eq!(g["basis"], w["basis"], "{}", w["account"]);
        assert_eq!(g["missing"], w["missing"], "{}", w["account"]);
        let weeks = g["weeks"].as_array().unwrap();
        let wanted = w["weeks"].as_array().unwrap();
        assert_eq!(weeks.len(), wanted.len(), "{}", w["account"]);
        for (gw, ww) in weeks.iter().zip(wanted) {
            assert_eq!(gw["week"], ww["week"]);
            for key in ["articles", "reads", "readers", "shares", "likes", "wow", "comments", "likeRate", "commentRate"] {
                assert!(close(&gw[key], &ww[key]), "{} {} {key}: {} vs {}", w["account"], ww["week"], gw[key], ww[key]);
            }
        }
        // Week-over-week change of reads.
        for pair in weeks.windows(2) {
            let (p, c) = (pair[0]["reads"].as_f64().unwrap(), pair[1]["reads"].as_f64().unwrap());
            assert!(close(&pair[1]["change"]["reads"], &Value::from((c - p) / p)));
        }
        assert!(weeks[0]["change"]["reads"].is_null(), "no week before the first");
    }

    // By article: the most read articles, most read first.
    let liuhe = by_account(&feedback["accounts"], &Value::from("柳河镇人民政府"));
    let top: Vec<f64> = liuhe["top"].as_array().unwrap().iter().map(|t| t["reads"].as_f64().unwrap()).collect();
    assert_eq!(top.len(), 5);
    assert!(top.windows(2).all(|w| w[0] >= w[1]), "{top:?}");
    let all_reads: f64 = want["feedback"][1]["weeks"].as_array().unwrap().iter().map(|w| w["reads"].as_f64().unwrap()).sum();
    assert!(top.iter().sum::<f64>() <= all_reads);

    // The malformed row is named (file, row, column) and left out; the corrupt file is named.
    let files = feedback["files"].as_array().unwrap();
    for issue in want["issues"].as_array().unwrap() {
        let f = files.iter().find(|f| f["path"].as_str().unwrap().ends_with(issue["file"].as_str().unwrap())).unwrap();
        let issues = f["issues"].as_array().unwrap();
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0]["row"], issue["row"]);
        assert_eq!(issues[0]["column"], issue["column"]);
        assert_eq!(issues[0]["message"], "“两条”不是数字");
        assert_eq!(f["tables"][0]["badRows"], 1);
        assert_eq!(f["format"], "csv");
    }
    for name in want["errors"].as_array().unwrap() {
        let f = files.iter().find(|f| f["path"].as_str().unwrap().ends_with(name.as_str().unwrap())).unwrap();
        assert!(f["error"].as_str().unwrap().starts_with("无法打开：文件已损坏"), "{f}");
    }
    let formats: Vec<&str> = files.iter().filter_map(|f| f["format"].as_str()).collect();
    assert_eq!(formats, ["xlsx", "htmlTable", "xls", "csv", "xlsx"]);
    // Real header names, as the exports write them, are recognised.
    let notified = &files[2]["tables"][0];
    assert_eq!(notified["headerRow"], 3, "two title rows above the header");
    let columns: Vec<(&str, &str)> = notified["columns"].as_array().unwrap().iter().map(|c| (c["header"].as_str().unwrap(), c["field"].as_str().unwrap())).collect();
    assert_eq!(columns, [("内容标题", "title"), ("发表时间", "publishDate"), ("总阅读人数", "readers"), ("总阅读次数", "reads"), ("总分享人数", "sharers"), ("总分享次数", "shares")]);
    assert!(notified["unused"].as_array().unwrap().iter().any(|c| c == "公众号消息阅读次数"), "a figure that only contains a known name is not taken");
}

#[test]
fn the_html_report_has_a_chart_bar_per_week_and_the_tables() {
    let want = expected();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    let mut args = vec!["report", "--out", out.to_str().unwrap()];
    args.extend(STATS);
    args.push("articles");
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    for external in ["<script", "<link", "<img", "href=\"http", "src=\"", "@import"] {
        assert!(!html.contains(external), "{external}");
    }
    assert!(html.split("url(").skip(1).all(|rest| rest.starts_with('#')), "only in-page references (SVG patterns)");

    let section = |id: &str| {
        let start = html.find(&format!("<section id=\"{id}\"")).unwrap();
        &html[start..start + html[start..].find("</section>").unwrap()]
    };
    let cadence = section("cadence");
    let blocks: Vec<&str> = cadence.split("<div class=\"account-health\"").skip(1).collect();
    assert_eq!(blocks.len(), 3);
    for (n, block) in blocks.iter().enumerate() {
        let chart_start = block.find(&format!("<svg class=\"chart\" id=\"posts-{}\"", n + 1)).expect("a chart per account");
        let svg = &block[chart_start..chart_start + block[chart_start..].find("</svg>").unwrap()];
        let rows: Vec<&str> = block.split("<tr data-week=\"").skip(1).map(|r| &r[..8]).collect();
        let bars: Vec<&str> = svg.split("<rect class=\"bar\" data-key=\"").skip(1).map(|r| &r[..8]).collect();
        assert_eq!(bars, rows, "one bar per week, in week order");
        assert_eq!(bars.len(), 5);
        // Weeks under the minimum are hatched (a pattern, not a colour), the others solid.
        let below = block.matches("<tr data-week=").count() - block.matches("<span class=\"status s-ok\">达标</span></td></tr>").count();
        let hatched = svg.split("<rect class=\"bar\"").skip(1).filter(|bar| bar[..bar.find('>').unwrap()].contains(&format!("fill=\"url(#posts-{}-hatch)\"", n + 1))).count();
        assert_eq!(hatched, below);
        assert!(svg.contains("最低 2 篇"), "the minimum line is labelled");
    }
    // The pasteable lines, in the summary too.
    for w in want["cadence"].as_array().unwrap() {
        let line = format!("<span class=\"summary-line\">{}</span>", w["summary"].as_str().unwrap());
        assert!(section("summary").contains(&line), "{line}");
    }
    // The period's figures in the summary: reads and rates over all weeks.
    for w in want["feedback"].as_array().unwrap() {
        let weeks = w["weeks"].as_array().unwrap();
        let sum = |k: &str| weeks.iter().filter_map(|x| x[k].as_f64()).sum::<f64>();
        let line = format!(
            "{}</a>：{} 周共阅读 {} 次，周均 {:.1} 次；点赞率 {:.2}%，留言率 {:.2}%",
            w["account"].as_str().unwrap(),
            weeks.len(),
            sum("reads"),
            sum("reads") / weeks.len() as f64,
            sum("likes") / sum("reads") * 100.0,
            sum("comments") / sum("reads") * 100.0
        );
        assert!(section("summary").contains(&line), "{line}");
    }
    assert!(cadence.contains("<strong>15 天</strong>：2026年3月12日发布后，直到 2026年3月27日才再次发布"));
    assert!(cadence.contains("未找到发布日期的文章（2 篇）") && cadence.contains("water-outage.txt"));
    assert!(cadence.contains("重复的文章"));

    let feedback = section("feedback");
    for (n, w) in want["feedback"].as_array().unwrap().iter().enumerate() {
        let id = format!("reads-{}", n + 1);
        let start = feedback.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("{id}"));
        let svg = &feedback[start..start + feedback[start..].find("</svg>").unwrap()];
        let weeks = w["weeks"].as_array().unwrap();
        assert_eq!(svg.matches("<rect class=\"bar\"").count(), weeks.len(), "{id}: one bar per week");
        for wk in weeks {
            let reads = wk["reads"].as_f64().unwrap();
            assert!(svg.contains(&format!("data-key=\"{}\" data-value=\"{reads}\"", wk["week"].as_str().unwrap())), "{id} {}", wk["week"]);
        }
        assert!(feedback.contains(&format!("id=\"rates-{}\"", n + 1)), "a chart of rates");
    }
    assert_eq!(feedback.matches("<table class=\"grid feedback-weeks\">").count(), 2, "the numbers as a table too");
    assert!(feedback.contains("stats/liuhe-interactions.csv</code> 第 5 行“留言数”列：“两条”不是数字（此行未计入）"), "{feedback}");
    assert!(feedback.contains("无法打开：文件已损坏"));
    assert!(feedback.contains("合并"), "the hand-kept sheets complete the exports");
    assert!(feedback.contains("阅读次数最多的文章"), "by article: the most read");
}

#[test]
fn an_explicit_period_cuts_weeks_and_counts_the_silence_to_its_end() {
    let (got, o) = report_json(&["--from", "2026-03-02", "--to", "2026年3月31日"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let cadence = &got["cadence"];
    assert_eq!(cadence["period"], serde_json::json!({"from": "2026-03-02", "to": "2026-03-31", "explicit": true}));
    let liuhe = by_account(&cadence["accounts"], &Value::from("柳河镇人民政府"));
    assert_eq!(liuhe["outsidePeriod"], 2);
    assert_eq!(liuhe["total"], 4);
    let gaps: Vec<_> = liuhe["gaps"].as_array().unwrap().iter().map(|g| (g["from"].as_str().unwrap(), g["days"].as_i64().unwrap(), g["kind"].as_str().unwrap())).collect();
    assert_eq!(gaps, [("2026-03-11", 20, "end")]);
    let last = liuhe["weeks"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((last["week"].as_str(), last["from"].as_str(), last["to"].as_str(), last["partial"].as_bool()), (Some("2026-W14"), Some("2026-03-30"), Some("2026-03-31"), Some(true)));
    // The statistics are cut to the period as well.
    let sunshine = by_account(&got["feedback"]["accounts"], &Value::from("阳光小学"));
    assert_eq!(sunshine["weeks"][0]["week"], "2026-W10");
    assert!(sunshine["outsidePeriod"].as_u64().unwrap() > 0);
}

#[test]
fn account_names_the_unnamed_articles_and_stats_without_account() {
    let o = run(&["report", "--format", "json", "--account", "阳光小学", "--stats", "stats/sunshine-trend.xlsx", "articles/notes", "articles/sunshine"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let got: Value = serde_json::from_slice(&o.stdout).unwrap();
    let accounts = got["cadence"]["accounts"].as_array().unwrap();
    assert_eq!(accounts.len(), 1, "the text files count under --account");
    assert_eq!(accounts[0]["total"], 9);
    assert_eq!(got["feedback"]["accounts"][0]["account"], "阳光小学");
    assert_eq!(got["feedback"]["defaultAccount"], "阳光小学");
    // Without --account, statistics of a batch with one named account belong to it.
    let o = run(&["report", "--format", "json", "--stats", "stats/sunshine-trend.xlsx", "articles/sunshine"]);
    let got: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(got["feedback"]["accounts"][0]["account"], "阳光小学");
    // The export has no likes or comments: they are named as missing, and the HTML says where to find them.
    assert_eq!(got["feedback"]["accounts"][0]["missing"], serde_json::json!(["likes", "wow", "comments"]));
    let o = run(&["report", "--out", "-", "--stats", "stats/sunshine-trend.xlsx", "articles/sunshine"]);
    let html = String::from_utf8(o.stdout).unwrap();
    assert!(html.contains("统计文件中缺少：点赞、在看、留言。") && html.contains("单篇文章的详情页"));
    assert!(!html.contains("id=\"rates-1\""), "no rate chart without likes or comments");
}

#[test]
fn without_dates_or_statistics_the_sections_say_what_would_fill_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = Command::new(env!("CARGO_BIN_EXE_wxlint")).args(["report", "--out", "-", "tests/fixtures/report/md"]).current_dir(root).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let html = String::from_utf8(o.stdout).unwrap();
    assert!(html.contains("<h2>二、发布情况</h2>") && html.contains("<h2>三、阅读与互动</h2>"));
    assert!(html.contains("没有找到带发布日期的文章") && html.contains("<code>date: 2026-03-05</code>") && html.contains("2026-03-05-标题.md"));
    assert!(html.contains("没有提供阅读统计数据") && html.contains("下载数据明细") && html.contains("<code>--stats 文件</code>"));
    assert!(html.contains("未找到发布日期的文章（2 篇）"));
    assert!(!html.contains("<svg"), "no chart without data");
}

#[test]
fn json_goes_to_stdout_or_to_out_and_bad_options_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.json");
    let o = run(&["report", "--format", "json", "--out", out.to_str().unwrap(), "articles/liuhe"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["generator"], "wxlint-report");
    assert_eq!(v["summary"]["articles"], 6);
    assert_eq!(v["feedback"]["given"], false);

    let cases: [(&[&str], &str); 6] = [
        (&["--from", "soon"], "--from soon: not a date"),
        (&["--from", "2026-03-31", "--to", "2026-03-01"], "--to 2026-03-01 is before --from 2026-03-31"),
        (&["--stats", "stats/none.xlsx"], "--stats stats/none.xlsx: no such file or folder"),
        (&["--stats", "阳光小学="], "missing file name after '='"),
        (&["--weekly-min", "0"], "--weekly-min"),
        (&["--gap-days", "x"], "--gap-days"),
    ];
    for (extra, message) in cases {
        let mut args = vec!["report", "--out", out.to_str().unwrap()];
        args.extend(extra);
        args.push("articles");
        std::fs::remove_file(&out).ok();
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{extra:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(message), "{extra:?}: {}", stderr(&o));
        assert!(!out.exists(), "{extra:?} wrote a report");
    }
}
