//! `wxlint report`: check a batch of saved articles (files and folders) and write one
//! self-contained HTML report for the quarterly self-inspection (自查), or the same as JSON.
//!
//! The run: build the checker (config and lexicon errors are usage errors, exit 2), check the
//! account-health options and read the statistics files (`--stats`; a missing one is a usage
//! error), collect the article files ([`super::files`]), check each and read its publication
//! date and account, on every core ([`super::batch`]; a progress bar on a terminal for large
//! batches), sort the articles worst
//! first, work out the cadence and the weekly figures ([`super::health`]), render
//! ([`super::report_html`] or [`super::report_json`]), write the file (or stdout for `--out -`),
//! and print one summary line on stderr. Files that cannot be read, and statistics that cannot,
//! are listed in the report and do not change the exit status: 1 when any finding is `block`,
//! else 0.

use super::args::{ReportArgs, ReportFormat};
use super::batch::map_ordered;
use super::files::{collect, EXTENSIONS};
use super::health::date::Date;
use super::health::published::{published, Published};
use super::health::{health, load_stats, rules, Health};
use super::input::{io_reason, load, Document, NOT_UTF8, STDIN};
use super::progress::Progress;
use super::report_html::{render, GENERATOR};
use super::setup::{build_checker, checker_config, Setup};
use super::{output_error, CliError, EXIT_BLOCK, EXIT_OK};
use std::cmp::Reverse;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};
use wxlint::config::{resolve, OptionValue};
use wxlint::extract::detect_format;
use wxlint::rules::all_meta;
use wxlint::{Config, Finding, Locale, Severity};

/// One article, checked.
pub struct Checked {
    pub doc: Document,
    pub findings: Vec<Finding>,
    /// Its publication date and account, as the file gives them.
    pub published: Published,
    /// Its position in the order the files were found.
    pub found: usize,
    /// Its body's characters (whitespace not counted) and images.
    pub size: Size,
}

/// The size of an article's body, as the report shows it.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub chars: usize,
    pub images: usize,
}

impl Size {
    fn of(article: &wxlint::Article) -> Size {
        let mut size = Size { chars: 0, images: 0 };
        for b in &article.blocks {
            match b {
                wxlint::Block::Text(t) => size.chars += t.text.chars().filter(|c| !c.is_whitespace()).count(),
                wxlint::Block::Image(_) => size.images += 1,
            }
        }
        size
    }
}

impl Checked {
    pub fn count(&self, s: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == s).count()
    }

    /// Worst first: most `block` findings, then `review`, then `warn`, then `info`.
    fn sort_key(&self) -> (Reverse<usize>, Reverse<usize>, Reverse<usize>, Reverse<usize>) {
        let [b, r, w, i] = Severity::ALL.map(|s| self.count(s));
        (Reverse(b), Reverse(r), Reverse(w), Reverse(i))
    }
}

/// A file that could not be read, and why (in Chinese, for the report).
pub struct Unreadable {
    pub path: String,
    pub reason: String,
}

/// Everything the report shows.
pub struct ReportData {
    /// When the report was made (Beijing time).
    pub generated: String,
    pub version: &'static str,
    /// The configuration summary: label, value.
    pub config: Vec<(&'static str, String)>,
    /// Articles, worst first (ties in the order the files were found).
    pub articles: Vec<Checked>,
    pub unreadable: Vec<Unreadable>,
    pub health: Health,
}

impl ReportData {
    pub fn count(&self, s: Severity) -> usize {
        self.articles.iter().map(|a| a.count(s)).sum()
    }
}

pub fn run(args: &ReportArgs) -> Result<i32, CliError> {
    // Start-up overlaps the work. The typo statistics (~70 ms, built once per process) are built
    // on a thread of their own, instead of by the first check while every worker waits (wasted
    // only when a configuration turns the typo rule off); the checker (~150 ms: the lexicon's
    // compilation) is built on another while this thread finds the files and the workers read
    // and extract the first ones. The first worker that needs it waits for it (or builds it, if
    // it gets there first: `get_or_init` runs the build once).
    // With the start-up cache, both are restored first (~30 ms) and only the checker's own
    // lists are compiled.
    // A refused configuration is reported by `setup`, after the work has started (as when it
    // is read there); the cache then restores what the default configuration would use.
    let config = checker_config(&args.checker);
    let lexicon = config.as_ref().map_or(true, |c| c.builtin_lexicon);
    let cache = super::cache::restore(args.checker.uses_cache(), lexicon);
    if !wxlint::snapshot::held().statistics {
        std::thread::spawn(|| {
            wxlint::wording::model();
        });
    }
    let built = Built::new();
    let result = std::thread::scope(|s| {
        s.spawn(|| {
            let _ = setup(&built, args, &config);
        });
        // A refused configuration is the error to report, whatever else went wrong (as when
        // the checker was built first).
        run_with(args, &built, &config).map_err(|other| setup(&built, args, &config).err().unwrap_or(other))
    });
    super::cache::store(cache);
    result
}

/// The checker of a report, built once by whichever thread asks first.
type Built = OnceLock<Result<Setup, CliError>>;

/// The configuration read by [`checker_config`], or why it was refused.
type Configured = Result<Config, CliError>;

fn setup<'a>(built: &'a Built, args: &ReportArgs, config: &Configured) -> Result<&'a Setup, CliError> {
    built
        .get_or_init(|| config.clone().and_then(|c| build_checker(&args.checker, c)))
        .as_ref()
        .map_err(|e| CliError(e.0.clone()))
}

fn run_with(args: &ReportArgs, built: &Built, config: &Configured) -> Result<i32, CliError> {
    let now = now_secs();
    let today = Date::from_unix_beijing(now).unwrap_or_else(|| Date::from_ymd(2000, 1, 1).expect("a valid date"));
    let health_rules = rules(&args.health, today)?;
    let out: PathBuf = args.out.clone().unwrap_or_else(|| match args.format {
        ReportFormat::Html => PathBuf::from("wxlint-report.html"),
        ReportFormat::Json => PathBuf::from(STDIN),
    });
    let to_stdout = out.as_os_str() == STDIN;
    if !to_stdout && out.is_dir() {
        let example = if args.format == ReportFormat::Json { "report.json" } else { "report.html" };
        return Err(CliError(format!("--out {}: is a folder (give a file name, e.g. {example})", out.display())));
    }
    // An earlier report at the same place must not be read as an article.
    let exclude = if to_stdout { None } else { fs::canonicalize(&out).ok() };
    let inputs = collect(&args.paths, exclude.as_deref())?;
    let stats = load_stats(&args.health)?;
    let mut unreadable: Vec<Unreadable> =
        inputs.unreadable.into_iter().map(|(path, reason)| Unreadable { path, reason: reason_zh(&reason, None) }).collect();

    if inputs.files.is_empty() && unreadable.is_empty() {
        return Err(no_articles());
    }
    // Open the output before the work, so that a wrong --out fails at once, not after the batch
    // (truncated only when the report is ready: an error leaves an earlier report as it was).
    let cannot_write = |e: io::Error| CliError(format!("cannot write the report to {}: {}", out.display(), io_reason(&e)));
    let existed = !to_stdout && out.exists();
    let mut file = if to_stdout {
        None
    } else {
        Some(fs::OpenOptions::new().write(true).create(true).truncate(false).open(&out).map_err(cannot_write)?)
    };

    let mut progress = Progress::new(inputs.files.len());
    // Read, extract and check on every core; the results come back in the order found.
    let outcomes = map_ordered(
        inputs.files.len(),
        |i| {
            let path = &inputs.files[i];
            if matches!(built.get(), Some(Err(_))) {
                return Ok(None); // the configuration was refused: the error is returned below
            }
            load(path, None).map(|mut doc| {
                if is_earlier_report(&doc.source) {
                    return None;
                }
                let Ok(setup) = setup(built, args, config) else { return None };
                let findings = setup.checker.check(&doc.article);
                let published = published_of(path, &doc);
                // What the report reads again: the body only for the findings' excerpts and
                // places, the source only for their line numbers (Markdown and text). A batch of
                // mostly clean saved pages need not stay in memory (10,000 pages: 320 -> ~180 MB).
                let size = Size::of(&doc.article);
                if findings.is_empty() {
                    doc.article.blocks = Vec::new();
                    doc.block_lines = Vec::new();
                }
                if doc.block_lines.iter().all(Option::is_none) {
                    doc.source = String::new();
                }
                Some((doc, findings, published, size))
            })
        },
        |done| progress.advance_to(done),
    );
    progress.finish();
    let setup = match setup(built, args, config) {
        Ok(setup) => setup,
        Err(e) => {
            // A refused configuration: no report, and no empty file left behind.
            drop(file);
            if !existed && !to_stdout {
                let _ = fs::remove_file(&out);
            }
            return Err(e);
        }
    };
    let mut articles = Vec::new();
    let mut earlier_reports = 0;
    for outcome in outcomes {
        match outcome {
            Ok(None) => earlier_reports += 1,
            Ok(Some((doc, findings, published, size))) => {
                let found = articles.len();
                articles.push(Checked { doc, findings, published, found, size });
            }
            Err(e) => unreadable.push(Unreadable { reason: reason_zh(&e.reason, e.line), path: e.path }),
        }
    }
    if articles.is_empty() && unreadable.is_empty() {
        // Only earlier reports: nothing to report on. Do not leave an empty file behind.
        drop(file);
        if !existed && !to_stdout {
            let _ = fs::remove_file(&out);
        }
        return Err(no_articles());
    }
    articles.sort_by_key(Checked::sort_key); // stable: ties keep the order found
    let health = health(&args.health, health_rules, &articles, stats);
    let mut config = config_summary(setup);
    config.extend(health_summary(&health));

    let data = ReportData {
        generated: beijing_time(now),
        version: env!("CARGO_PKG_VERSION"),
        config,
        articles,
        unreadable,
        health,
    };
    let body = match args.format {
        ReportFormat::Html => render(&data),
        ReportFormat::Json => super::report_json::render(&data),
    };
    match &mut file {
        // Truncate only a regular file: `--out /dev/stdout` may be a pipe or a terminal.
        Some(f) => {
            let regular = f.metadata().map(|m| m.is_file()).unwrap_or(false);
            if regular { f.set_len(0) } else { Ok(()) }
                .and_then(|()| f.write_all(body.as_bytes()))
                .and_then(|()| f.flush())
                .map_err(cannot_write)?
        }
        None => {
            let mut stdout = io::stdout().lock();
            if let Some(e) = stdout.write_all(body.as_bytes()).and_then(|()| stdout.flush()).err().and_then(output_error) {
                return Err(e);
            }
        }
    }

    let target = if to_stdout { "报告已写到标准输出".to_string() } else { format!("报告已写入 {}", out.display()) };
    let mut line = format!("{target}：{} 篇文章", data.articles.len());
    for s in Severity::ALL {
        line.push_str(&format!("，{} {}", s.label_zh(), data.count(s)));
    }
    if !data.unreadable.is_empty() {
        line.push_str(&format!("，{} 个文件无法读取", data.unreadable.len()));
    }
    let simplified = data.articles.iter().filter(|a| a.doc.simplified).count();
    if simplified > 0 {
        line.push_str(&format!("，{simplified} 篇标记过于复杂、已简化后检查"));
    }
    if earlier_reports > 0 {
        line.push_str(&format!("，跳过 {earlier_reports} 份以前生成的报告"));
    }
    let stats_problems = data.health.stats_files.iter().filter(|f| f.error.is_some() || !f.issues.is_empty()).count();
    if stats_problems > 0 {
        line.push_str(&format!("，{stats_problems} 个统计文件有无法读取的内容"));
    }
    eprintln!("{line}");
    let code = if data.count(Severity::Block) > 0 { EXIT_BLOCK } else { EXIT_OK };
    // The process ends now: freeing every article's text and tree one by one (~50 ms for 10,000
    // pages) would only delay the exit.
    std::mem::forget(data);
    Ok(code)
}

/// Whether a file is a report made by `wxlint report` (its generator tag is in the `<head>`, within
/// the first kilobytes: no need to scan whole articles for it).
fn is_earlier_report(source: &str) -> bool {
    let mut end = source.len().min(8192);
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    source[..end].contains(GENERATOR)
}

/// The publication date and account of a loaded file.
fn published_of(path: &Path, doc: &Document) -> Published {
    published(path, &doc.source, detect_format(Some(path), &doc.source))
}

fn no_articles() -> CliError {
    let looked_for = EXTENSIONS.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(", ");
    CliError(format!("no article files found (folders are searched for {looked_for})"))
}

/// The reason a file could not be read, in Chinese.
fn reason_zh(reason: &str, line: Option<usize>) -> String {
    let text = match reason {
        NOT_UTF8 => "不是 UTF-8 编码（可能是 GBK），请用编辑器另存为 UTF-8 后重新检查".to_string(),
        "permission denied" => "没有读取权限".to_string(),
        "no such file" => "文件不存在".to_string(),
        super::files::NOT_REGULAR => "不是普通文件（管道、设备或套接字），已跳过".to_string(),
        other => other.to_string(),
    };
    match line {
        Some(line) => format!("{text}（第 {line} 行起）"),
        None => text,
    }
}

/// Now, or `SOURCE_DATE_EPOCH` when set (reproducible reports), in Unix seconds.
fn now_secs() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64))
}

/// `2025年6月12日 18:05（北京时间）`. The users are Chinese institutions: China has one time
/// zone (UTC+8, no daylight saving), and a report compared across offices must not depend on
/// how each computer's clock zone happens to be set.
pub fn beijing_time(unix_secs: i64) -> String {
    let t = unix_secs + 8 * 3600;
    let (days, secs) = (t.div_euclid(86_400), t.rem_euclid(86_400));
    let (y, m, d) = super::health::date::civil_from_days(i32::try_from(days).unwrap_or(0));
    format!("{y}年{m}月{d}日 {:02}:{:02}（北京时间）", secs / 3600, secs / 60 % 60)
}

/// The configuration in force, in a few lines: rules enabled, config file and what it changes,
/// lexicons, allow-list, message language.
fn config_summary(setup: &Setup) -> Vec<(&'static str, String)> {
    let config = setup.checker.config();
    let metas = all_meta();
    let mut enabled = 0;
    let mut changes = Vec::new();
    for m in &metas {
        let default = resolve(m, None).expect("the defaults are valid");
        // The checker was built from this config, so it resolves.
        let actual = resolve(m, config.rules.get(m.id)).unwrap_or_else(|_| default.clone());
        enabled += usize::from(actual.enabled);
        let mut what = Vec::new();
        if actual.enabled != default.enabled {
            what.push(if actual.enabled { "开启".to_string() } else { "关闭".to_string() });
        }
        if actual.enabled {
            if actual.severity_overridden {
                what.push(format!("级别“{}”", actual.severity.label_zh()));
            }
            for (key, value) in &actual.options {
                if default.options.get(key) != Some(value) {
                    what.push(format!("{key} = {}", option_text(value)));
                }
            }
        }
        if !what.is_empty() {
            changes.push(format!("{}（{}）：{}", m.name_zh, m.id, what.join("，")));
        }
    }
    let mut rows = vec![("检查规则", format!("启用 {enabled} 条，共 {} 条", metas.len()))];
    rows.push(("配置文件", setup.config_file.clone().unwrap_or_else(|| "未使用（默认配置）".into())));
    if !changes.is_empty() {
        rows.push(("规则调整", changes.join("；")));
    }
    rows.push(("内置词库", if config.builtin_lexicon { "已加载" } else { "未加载" }.into()));
    let lexicons: Vec<String> = setup
        .lexicons
        .iter()
        .map(|l| {
            let category = l.category.as_deref().map(|c| format!("分类 {c}，")).unwrap_or_default();
            format!("{}（{category}{} 条，白名单 {} 条）", l.name, l.stats.entries, l.stats.allowed)
        })
        .collect();
    rows.push(("附加词库", if lexicons.is_empty() { "无".into() } else { lexicons.join("；") }));
    if !config.allow.is_empty() {
        rows.push(("白名单", format!("{} 条（配置文件）", config.allow.len())));
    }
    if config.locale == Locale::En {
        rows.push(("提示语言", "英文（en）".into()));
    }
    rows
}

/// The account-health settings in force, for the configuration summary.
fn health_summary(h: &Health) -> Vec<(&'static str, String)> {
    let r = &h.cadence.rules;
    let mut rows = vec![("发布要求", format!("每周不少于 {} 篇；相隔 {} 天及以上未发布即标出", r.weekly_min, r.gap_days))];
    if let Some((a, b)) = h.cadence.period {
        let how = if h.explicit_period { "自查区间" } else { "按文章日期" };
        rows.push(("统计区间", format!("{}—{}（{how}）", a.zh(), b.zh())));
    }
    let files = h.stats_files.len();
    rows.push((
        "阅读统计",
        if files == 0 { "未提供".to_string() } else { format!("{files} 个文件（{} 个公众号）", h.stats.len()) },
    ));
    rows
}

fn option_text(v: &OptionValue) -> String {
    match v {
        OptionValue::Bool(b) => b.to_string(),
        OptionValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        OptionValue::Number(n) => n.to_string(),
        OptionValue::Text(t) => t.clone(),
        OptionValue::List(l) => l.join("、"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_beijing_time() {
        assert_eq!(beijing_time(0), "1970年1月1日 08:00（北京时间）");
        // 2025-06-12 10:05 UTC.
        assert_eq!(beijing_time(1_749_722_700), "2025年6月12日 18:05（北京时间）");
        // 2024-02-29 16:30 UTC is already 1 March in Beijing.
        assert_eq!(beijing_time(1_709_224_200), "2024年3月1日 00:30（北京时间）");
    }
}
