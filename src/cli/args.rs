//! Command-line arguments (clap derive).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Exit status: 0 = no finding must be fixed (no `block`), 1 = at least one `block` finding,
2 = usage or input error (bad option, config or lexicon; unreadable or non-UTF-8 input).
退出码：0 无必须修改项，1 有必须修改项，2 用法或输入错误。";

const CHECK_AFTER_HELP: &str = "\
Exit status: 0 = no finding must be fixed (no `block`), 1 = at least one `block` finding,
2 = usage or input error (bad option, config or lexicon; unreadable or non-UTF-8 input).
When some of several inputs cannot be read, the others are still checked and reported, and
the exit status is 2.
退出码：0 无必须修改项，1 有必须修改项，2 用法或输入错误（有文件无法读取时，其余文件照常检查）。";

const REPORT_AFTER_HELP: &str = "\
Folders are searched recursively for .html, .htm, .md, .markdown and .txt files (hidden files
and folders are skipped); files named on the command line are read whatever their extension.
Files that cannot be read (not UTF-8, permission denied…) are listed in the report and do not
change the exit status.
Publication dates and accounts are read from saved WeChat article pages (their scripts and the
visible publish time), from Markdown front matter (date:, account:) and from file names
(2026-03-05-标题.md). Statistics files (--stats) that cannot be read, or rows that cannot, are
named in the report (file, sheet, row, column); the rest of the report is produced.
Exit status: 0 = no finding must be fixed (no `block`), 1 = at least one `block` finding,
2 = usage error (bad option, config or lexicon; no article file found; the report cannot be written).
退出码：0 无必须修改项，1 有必须修改项，2 用法错误（配置或词库有误、没有找到文章文件、报告无法写入）。
无法读取的文件列在报告的“无法读取的文件”一节，不影响退出码。";

/// The command line: `wxlint check …`, `wxlint report …`, `wxlint rules`.
#[derive(Debug, Parser)]
#[command(
    name = "wxlint",
    version,
    about = "Check WeChat Official Account articles before publishing — 公众号文章发布前检查",
    long_about = "Check WeChat Official Account articles before publishing — 公众号文章发布前检查\n\n\
        Finds prohibited content (also when disguised by traditional characters, full-width forms or \
        inserted symbols), images without captions, and titles, authors and digests that are empty \
        or too long. Reads saved WeChat pages, editor HTML, Markdown and plain text. Everything \
        runs offline.",
    propagate_version = true,
    arg_required_else_help = true,
    after_help = AFTER_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check article files (HTML, Markdown or plain text) — 检查文章
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),
    /// Write one self-inspection report (HTML or JSON) for a batch of articles, with posting
    /// cadence and weekly statistics — 生成公众号自查报告
    #[command(after_help = REPORT_AFTER_HELP)]
    Report(ReportArgs),
    /// List the rules, their default severities and options — 列出检查规则
    Rules(RulesArgs),
}

/// The options that build the checker, shared by `check` and `report`.
#[derive(Debug, Args)]
pub struct CheckerArgs {
    /// Configuration file (JSON: rules, severities, options, allow-list)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Load a lexicon file; CATEGORY=FILE puts a plain word list into CATEGORY (repeatable)
    ///
    /// The file format is described in lexicons/FORMAT.md; a plain list of one term per line is
    /// valid as it is. For a term listed twice, the list loaded last wins (so a list can change
    /// the severity of a built-in entry).
    #[arg(long = "lexicon", value_name = "[CATEGORY=]FILE")]
    pub lexicons: Vec<OsString>,

    /// Do not load the built-in lexicon (overrides the config file)
    #[arg(long)]
    pub no_builtin_lexicon: bool,

    /// Do not use the start-up cache (the built-in lexicon and the typo statistics compiled by an
    /// earlier run, kept in $WXLINT_CACHE_DIR, else $XDG_CACHE_HOME/wxlint or ~/.cache/wxlint;
    /// a run without the built-in lexicon restores only the statistics)
    #[arg(long)]
    pub no_cache: bool,

    /// Refuse any input file (article, --config, --lexicon) larger than MB megabytes
    /// (MiB; WeChat's own body limit is 10 MB)
    #[arg(long, value_name = "MB", default_value_t = super::input::DEFAULT_MAX_INPUT_MB,
          value_parser = clap::value_parser!(u32).range(1..=super::input::MAX_INPUT_MB_LIMIT as i64))]
    pub max_input_mb: u32,
}

impl CheckerArgs {
    /// Whether the run restores and keeps the start-up cache (`cache.rs`).
    pub fn uses_cache(&self) -> bool {
        !self.no_cache
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format (sarif: SARIF 2.1.0, for code-scanning tools)
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,

    #[command(flatten)]
    pub checker: CheckerArgs,

    /// Use this title for every input instead of the one found in the file
    #[arg(long, value_name = "T")]
    pub title: Option<String>,

    /// Colour the text output
    #[arg(long, value_enum, default_value_t = ColorMode::Auto, value_name = "WHEN")]
    pub color: ColorMode,

    /// Article files; `-` reads standard input (its format is sniffed)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Where to write the report; `-` writes it to standard output [default: wxlint-report.html
    /// for HTML, standard output for JSON]
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Report format (json: everything the HTML shows, for other tools)
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,

    #[command(flatten)]
    pub checker: CheckerArgs,

    #[command(flatten)]
    pub health: HealthArgs,

    /// Article files and folders (folders are searched recursively)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// The account-health options of `report`: posting cadence and weekly statistics.
#[derive(Debug, Args)]
pub struct HealthArgs {
    /// A statistics export of the WeChat back end (数据分析 → 内容分析 → 下载数据明细: .xlsx,
    /// .xls or .csv), or a folder of them; ACCOUNT=FILE names the account it belongs to
    /// (repeatable)
    #[arg(long = "stats", value_name = "[ACCOUNT=]FILE")]
    pub stats: Vec<OsString>,

    /// The account (公众号) of articles whose file does not name one, and of statistics given
    /// without ACCOUNT=
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,

    /// First day of the self-inspection period (e.g. 2026-01-01) [default: the week of the
    /// earliest dated article]
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Last day of the period (e.g. 2026-03-31): silence up to this day counts as a gap
    /// [default: the week of the latest dated article]
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Articles a week at least (the house rules: 每周不少于 2 条)
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=100))]
    pub weekly_min: u16,

    /// Flag every gap of this many days or more between publications
    #[arg(long, value_name = "DAYS", default_value_t = 14, value_parser = clap::value_parser!(u16).range(2..=366))]
    pub gap_days: u16,
}

/// The output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Html,
    Json,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// The output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Sarif,
}

/// The output formats of `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorMode {
    /// When standard output is a terminal and NO_COLOR is not set
    Auto,
    /// Always, even when piped
    Always,
    /// Never
    Never,
}
