//! Account health for the quarterly self-inspection, in `wxlint report`: when each article was
//! published and by which account ([`published`]), the posting cadence per account and ISO week
//! ([`cadence`]), the weekly feedback figures from the back end's statistics exports ([`stats`]),
//! and their charts ([`chart`]) and report sections ([`html`]).
//!
//! The same article saved twice (same account, date and title, e.g. as `.html` and as `.md`) is
//! counted once in the cadence and listed as a duplicate of the copy whose date is the most
//! reliable (a saved page, then front matter, then a file name).

pub mod cadence;
pub mod chart;
pub mod date;
pub mod html;
pub mod published;
pub mod stats;

use super::args::HealthArgs;
use super::report::Checked;
use super::CliError;
use cadence::{cadence, Cadence, Rules};
use date::{parse_date, Date, IsoWeek};
use stats::weekly::{weekly, AccountStats, Options};
use stats::StatsFile;
use std::collections::HashMap;

/// Everything the account-health sections show.
#[derive(Debug)]
pub struct Health {
    pub cadence: Cadence,
    /// `--from`/`--to` were given.
    pub explicit_period: bool,
    /// Per article (report order): the account it counts under.
    pub accounts: Vec<Option<String>>,
    /// Articles (report order) without a publication date.
    pub undated: Vec<usize>,
    /// (article, the article it repeats), both in report order.
    pub duplicates: Vec<(usize, usize)>,
    /// `--stats` was given.
    pub stats_given: bool,
    pub stats_files: Vec<StatsFile>,
    pub stats: Vec<AccountStats>,
    /// The account statistics given without ACCOUNT= were attributed to.
    pub stats_default_account: Option<String>,
}

/// `--from`/`--to`: a date, or a usage error.
pub fn parse_day(option: &str, value: &str) -> Result<Date, CliError> {
    parse_date(value).ok_or_else(|| CliError(format!("--{option} {value}: not a date (write it as 2026-03-31)")))
}

/// The period and the rules of `args`, checked before anything is read.
pub fn rules(args: &HealthArgs, today: Date) -> Result<Rules, CliError> {
    let from = args.from.as_deref().map(|v| parse_day("from", v)).transpose()?;
    let to = args.to.as_deref().map(|v| parse_day("to", v)).transpose()?;
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(CliError(format!("--to {t} is before --from {f}")));
        }
    }
    Ok(Rules { weekly_min: usize::from(args.weekly_min), gap_days: i32::from(args.gap_days), from, to, today })
}

/// Reads the statistics files (a missing path is a usage error, checked before the batch).
pub fn load_stats(args: &HealthArgs) -> Result<stats::Loaded, CliError> {
    let parsed = args.stats.iter().map(|a| stats::parse_stats_arg(a)).collect::<Result<Vec<_>, _>>()?;
    stats::load(&parsed)
}

/// Puts the articles' dates and accounts, and the statistics, together.
pub fn health(
    args: &HealthArgs,
    rules: Rules,
    articles: &[Checked],
    loaded: stats::Loaded,
) -> Health {
    let stats::Loaded { files: mut stats_files, tables } = loaded;
    let accounts: Vec<Option<String>> =
        articles.iter().map(|a| a.published.account.clone().or_else(|| args.account.clone())).collect();
    let mut undated = Vec::new();
    let mut duplicates = Vec::new();
    let mut first_of: HashMap<(Option<&str>, Date, String), usize> = HashMap::new();
    let mut posts = Vec::new();
    // The copy kept is the one whose date is the most reliable (a saved page over front matter
    // over a file name), then the one found first.
    let rank = |i: usize| match articles[i].published.date.as_ref().map(|d| d.source) {
        Some(s) if s.starts_with("页面") => 0,
        Some("front matter") => 1,
        _ => 2,
    };
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by_key(|&i| (rank(i), articles[i].found));
    for i in order {
        let Some(dated) = &articles[i].published.date else {
            undated.push(i);
            continue;
        };
        let title: String = articles[i].doc.article.title.split_whitespace().collect();
        if !title.is_empty() {
            if let Some(&first) = first_of.get(&(accounts[i].as_deref(), dated.date, title.clone())) {
                duplicates.push((i, first));
                continue;
            }
            first_of.insert((accounts[i].as_deref(), dated.date, title), i);
        }
        posts.push((accounts[i].clone(), dated.date));
    }
    undated.sort_unstable();
    duplicates.sort_unstable();
    let cadence = cadence(&posts, rules);

    let named: Vec<&str> = {
        let mut v: Vec<&str> = accounts.iter().flatten().map(String::as_str).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let stats_default_account = args.account.clone().or_else(|| (named.len() == 1).then(|| named[0].to_string()));
    let posts_in = |account: Option<&str>, week: IsoWeek| -> Option<usize> {
        let a = cadence.accounts.iter().find(|a| a.name.as_deref() == account)?;
        a.weeks.iter().find(|w| w.week == week).map(|w| w.count)
    };
    let opts = Options { default_account: stats_default_account.as_deref(), from: rules.from, to: rules.to, posts: &posts_in };
    let stats_given = !args.stats.is_empty();
    let stats = weekly(&mut stats_files, tables, &opts);
    Health {
        explicit_period: rules.from.is_some() || rules.to.is_some(),
        cadence,
        accounts,
        undated,
        duplicates,
        stats_given,
        stats_files,
        stats,
        stats_default_account,
    }
}
