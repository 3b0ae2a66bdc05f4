//! Posting cadence per account: articles per ISO week against the weekly minimum (the house
//! rules' "原则上每周发布信息不得少于 2 条"), and every silence of `gap_days` or more (inspections
//! of 政务新媒体 fail an account that published nothing in the two weeks before the check).
//!
//! The period is `--from`/`--to` when given; otherwise it runs from the Monday of the week of the
//! earliest dated article in the batch to the Sunday of the week of the latest (every account is
//! measured over the same period, so an account that fell silent early shows it). A week is
//! judged against the minimum only when it lies wholly in the period and is over (a week cut by
//! `--from`/`--to`, or still running on the day of the report, is shown as 不完整, not judged).
//!
//! A gap is the number of days between two consecutive publication dates (published on 1 March
//! and next on 15 March: 14 days). The silence before an account's first article and after its
//! last one counts too: from the start of the period (`--from`, else the earliest article of the
//! batch), and up to the end of the period (`--to`, else the latest article of the batch).

use super::date::{Date, IsoWeek};
use std::collections::BTreeMap;

/// What the cadence is judged against.
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    /// Articles a week at least (default 2).
    pub weekly_min: usize,
    /// A gap of this many days or more is flagged (default 14).
    pub gap_days: i32,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The day of the report (Beijing): a week ending after it is still running.
    pub today: Date,
}

/// One week of one account.
#[derive(Debug, Clone, PartialEq)]
pub struct Week {
    pub week: IsoWeek,
    /// The days of the week inside the period.
    pub start: Date,
    pub end: Date,
    pub count: usize,
    /// The publication dates in the week (a date twice for two articles that day).
    pub dates: Vec<Date>,
    /// Cut by the period or not over yet: not judged.
    pub partial: bool,
    /// Judged and under the minimum.
    pub below: bool,
}

/// Which silence a gap is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapKind {
    /// Between two articles.
    Between,
    /// From the start of the period to the first article.
    Start,
    /// From the last article to the end of the period.
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub from: Date,
    pub to: Date,
    pub days: i32,
    pub kind: GapKind,
}

/// The cadence of one account.
#[derive(Debug, Clone)]
pub struct Account {
    /// `None`: articles whose file names no account.
    pub name: Option<String>,
    pub weeks: Vec<Week>,
    /// Gaps of `gap_days` or more, in date order.
    pub gaps: Vec<Gap>,
    /// Articles in the period.
    pub total: usize,
    /// Articles of this account dated outside the period.
    pub outside: usize,
    /// Articles per week over the period (its days / 7).
    pub per_week: f64,
    pub weeks_below: usize,
    /// The longest gap, edge gaps included (0 with fewer than two dates and no period edge).
    pub longest_gap: i32,
    pub first: Option<Date>,
    pub last: Option<Date>,
}

impl Account {
    /// The line for the self-inspection form.
    pub fn summary(&self) -> String {
        format!(
            "周期内共发布 {} 篇，周均 {} 篇，不达标周 {} 个，最长间隔 {} 天",
            self.total,
            one_decimal(self.per_week),
            self.weeks_below,
            self.longest_gap
        )
    }
}

/// `2.0`, `1.5`, `0.3`.
pub fn one_decimal(x: f64) -> String {
    format!("{:.1}", (x * 10.0).round() / 10.0)
}

/// The cadence of every account.
#[derive(Debug, Clone)]
pub struct Cadence {
    pub rules: Rules,
    /// The period, inclusive; `None` when no article has a date and none was given.
    pub period: Option<(Date, Date)>,
    /// Accounts in name order, the unnamed group last.
    pub accounts: Vec<Account>,
}

/// `posts`: (account, date) of each dated article.
pub fn cadence(posts: &[(Option<String>, Date)], rules: Rules) -> Cadence {
    let earliest = posts.iter().map(|(_, d)| *d).min();
    let latest = posts.iter().map(|(_, d)| *d).max();
    let start = rules.from.or(earliest.map(Date::monday));
    let end = rules.to.or(latest.map(|d| d.monday().add_days(6)));
    let (Some(start), Some(end)) = (start, end) else {
        return Cadence { rules, period: None, accounts: Vec::new() };
    };
    if end < start {
        return Cadence { rules, period: Some((start, end)), accounts: Vec::new() };
    }
    // Edges for gaps: the period when given, else the batch's first and last dates.
    let gap_start = rules.from.or(earliest).unwrap_or(start);
    let gap_end = rules.to.or(latest).unwrap_or(end);

    let mut by_account: BTreeMap<Option<&str>, Vec<Date>> = BTreeMap::new();
    for (account, date) in posts {
        by_account.entry(account.as_deref()).or_default().push(*date);
    }
    let mut accounts: Vec<Account> = by_account
        .into_iter()
        .map(|(name, mut dates)| {
            dates.sort();
            let outside = dates.iter().filter(|d| **d < start || **d > end).count();
            dates.retain(|d| *d >= start && *d <= end);
            account(name.map(str::to_string), &dates, outside, (start, end), (gap_start, gap_end), &rules)
        })
        .collect();
    // Named accounts first (BTreeMap put None first).
    let unnamed_first = accounts.first().is_some_and(|a| a.name.is_none());
    accounts.rotate_left(usize::from(unnamed_first));
    Cadence { rules, period: Some((start, end)), accounts }
}

fn account(
    name: Option<String>,
    dates: &[Date],
    outside: usize,
    (start, end): (Date, Date),
    (gap_start, gap_end): (Date, Date),
    rules: &Rules,
) -> Account {
    let mut weeks = Vec::new();
    let mut monday = start.monday();
    let mut i = 0;
    while monday <= end {
        let sunday = monday.add_days(6);
        let (ws, we) = (monday.max(start), sunday.min(end));
        let mut in_week = Vec::new();
        while i < dates.len() && dates[i] <= sunday {
            if dates[i] >= ws {
                in_week.push(dates[i]);
            }
            i += 1;
        }
        let count = in_week.len();
        let partial = ws != monday || we != sunday || sunday > rules.today;
        weeks.push(Week { week: monday.iso_week(), start: ws, end: we, count, dates: in_week, partial, below: !partial && count < rules.weekly_min });
        monday = monday.add_days(7);
    }

    let mut all_gaps = Vec::new();
    match (dates.first(), dates.last()) {
        (Some(first), Some(last)) => {
            if *first > gap_start {
                all_gaps.push(Gap { from: gap_start, to: *first, days: first.since(gap_start), kind: GapKind::Start });
            }
            for pair in dates.windows(2) {
                if pair[1] > pair[0] {
                    all_gaps.push(Gap { from: pair[0], to: pair[1], days: pair[1].since(pair[0]), kind: GapKind::Between });
                }
            }
            if gap_end > *last {
                all_gaps.push(Gap { from: *last, to: gap_end, days: gap_end.since(*last), kind: GapKind::End });
            }
        }
        _ => all_gaps.push(Gap { from: gap_start, to: gap_end, days: gap_end.since(gap_start), kind: GapKind::Between }),
    }
    let longest_gap = all_gaps.iter().map(|g| g.days).max().unwrap_or(0);
    let gaps: Vec<Gap> = all_gaps.into_iter().filter(|g| g.days >= rules.gap_days).collect();
    let days = end.since(start) + 1;
    Account {
        name,
        weeks_below: weeks.iter().filter(|w| w.below).count(),
        weeks,
        gaps,
        total: dates.len(),
        outside,
        per_week: dates.len() as f64 * 7.0 / days as f64,
        longest_gap,
        first: dates.first().copied(),
        last: dates.last().copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> Date {
        Date::from_ymd(2026, m, day).unwrap()
    }

    fn rules() -> Rules {
        Rules { weekly_min: 2, gap_days: 14, from: None, to: None, today: d(12, 31) }
    }

    fn posts(account: &str, dates: &[Date]) -> Vec<(Option<String>, Date)> {
        dates.iter().map(|x| (Some(account.to_string()), *x)).collect()
    }

    #[test]
    fn weeks_gaps_and_summary() {
        // Mon 2 March … Sun 29 March 2026: weeks 10–13.
        let dates = [d(3, 2), d(3, 4), d(3, 6), d(3, 10), d(3, 27), d(3, 28)];
        let c = cadence(&posts("阳光小学", &dates), rules());
        assert_eq!(c.period, Some((d(3, 2), d(3, 29))));
        let a = &c.accounts[0];
        let counts: Vec<_> = a.weeks.iter().map(|w| (w.week.week, w.count, w.below, w.partial)).collect();
        assert_eq!(counts, [(10, 3, false, false), (11, 1, true, false), (12, 0, true, false), (13, 2, false, false)]);
        assert_eq!(a.weeks[0].dates, [d(3, 2), d(3, 4), d(3, 6)]);
        assert_eq!(a.gaps, [Gap { from: d(3, 10), to: d(3, 27), days: 17, kind: GapKind::Between }]);
        assert_eq!((a.total, a.weeks_below, a.longest_gap), (6, 2, 17));
        assert_eq!(a.summary(), "周期内共发布 6 篇，周均 1.5 篇，不达标周 2 个，最长间隔 17 天");
    }

    #[test]
    fn a_gap_of_exactly_the_limit_is_flagged_one_less_is_not() {
        let c = cadence(&posts("a", &[d(3, 2), d(3, 16), d(3, 29)]), rules());
        let gaps: Vec<i32> = c.accounts[0].gaps.iter().map(|g| g.days).collect();
        assert_eq!(gaps, [14], "2→16 March is 14 days; 16→29 is 13");
    }

    #[test]
    fn accounts_share_the_period_and_silence_at_the_edges_counts() {
        let mut all = posts("甲", &[d(3, 2), d(3, 5), d(3, 9), d(3, 12), d(3, 16), d(3, 19), d(3, 23), d(3, 26)]);
        all.extend(posts("乙", &[d(3, 2), d(3, 3)]));
        all.push((None, d(3, 10)));
        let c = cadence(&all, rules());
        let names: Vec<_> = c.accounts.iter().map(|a| a.name.as_deref()).collect();
        assert_eq!(names, [Some("乙"), Some("甲"), None], "named accounts in order, the unnamed group last");
        let yi = &c.accounts[0];
        assert_eq!(yi.gaps, [Gap { from: d(3, 3), to: d(3, 26), days: 23, kind: GapKind::End }]);
        assert_eq!(yi.weeks.len(), 4);
        let unnamed = &c.accounts[2];
        assert_eq!(unnamed.gaps.iter().map(|g| g.kind).collect::<Vec<_>>(), [GapKind::End], "2→10 March is 8 days, 10→26 is 16");
    }

    #[test]
    fn an_explicit_period_cuts_weeks_and_judges_only_whole_ones() {
        let r = Rules { from: Some(d(3, 4)), to: Some(d(3, 31)), ..rules() };
        let c = cadence(&posts("a", &[d(3, 1), d(3, 5), d(3, 12), d(3, 13)]), r);
        let a = &c.accounts[0];
        assert_eq!(a.outside, 1, "1 March is before the period");
        let weeks: Vec<_> = a.weeks.iter().map(|w| (w.start, w.end, w.count, w.partial, w.below)).collect();
        assert_eq!(weeks[0], (d(3, 4), d(3, 8), 1, true, false), "cut by --from: not judged");
        assert_eq!(weeks[1], (d(3, 9), d(3, 15), 2, false, false));
        assert_eq!(weeks[2], (d(3, 16), d(3, 22), 0, false, true));
        assert_eq!(weeks.last().unwrap().0, d(3, 30));
        assert!(weeks.last().unwrap().3, "30–31 March is a cut week");
        // Silent from 13 March to the end of the period, 31 March: 18 days.
        assert_eq!(a.gaps, [Gap { from: d(3, 13), to: d(3, 31), days: 18, kind: GapKind::End }]);
        assert_eq!(a.total, 3);
        assert_eq!(one_decimal(a.per_week), "0.8");
    }

    #[test]
    fn the_running_week_is_not_judged() {
        let r = Rules { today: d(3, 11), ..rules() };
        let c = cadence(&posts("a", &[d(3, 2), d(3, 3), d(3, 10)]), r);
        let last = c.accounts[0].weeks.last().unwrap();
        assert!(last.partial && !last.below, "the week of 9–15 March is not over on 11 March");
    }

    #[test]
    fn no_dates_no_period() {
        let c = cadence(&[], rules());
        assert!(c.period.is_none() && c.accounts.is_empty());
        let r = Rules { from: Some(d(3, 1)), to: Some(d(3, 31)), ..rules() };
        assert!(cadence(&[], r).accounts.is_empty());
    }
}
