//! Adding the statistics up per account and ISO week.
//!
//! One basis per account, so that rates compare like with like: **by day** (the 数据趋势 export:
//! everything read that day, old articles included) or **by article** (the 已通知内容 export: each
//! article's figures counted in the week it was published). When an account has both, the one
//! holding more of the wanted figures is used (by day on a tie) and the other is listed as
//! not used. A day given in two files counts once: the first file's figures, completed by the
//! figures only a later file has (a hand-kept sheet of likes and comments next to the back end's
//! export); an article given twice (same date and title) likewise. A day with a `全部` (all channels) row is that row; a day with only
//! per-channel rows is their sum. The week's article count is the export's 群发篇数 (by day) or
//! its number of rows (by article); when the export has neither, the saved articles of the
//! account are counted, and the report says so.

use super::columns::{Field, METRICS};
use super::records::{Kind, Record, Table};
use super::StatsFile;
use crate::cli::health::date::{Date, IsoWeek};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The figures the house rules and the issue ask for, in report order (分享 is 分享次数, or
/// 分享人数 when only that is given).
pub const WANTED: [Field; 7] = [Field::Articles, Field::Reads, Field::Readers, Field::Shares, Field::Likes, Field::Wow, Field::Comments];

/// Channel names of the all-channels row of a day.
const ALL_CHANNELS: &[&str] = &["全部", "全部渠道", "所有渠道", "合计", "总计", "总体", "all", "total"];

type Values = [Option<f64>; METRICS.len()];
/// An account and its tables: (file, table index within the file, table).
type Group = (Option<String>, Vec<(usize, usize, Table)>);

/// One week of one account.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekFigures {
    pub week: IsoWeek,
    pub start: Date,
    pub end: Date,
    /// Days (by day) or articles (by article) with figures in the week.
    pub rows: usize,
    values: Values,
    /// The article count comes from the saved article files, not the export.
    pub articles_from_files: bool,
}

impl WeekFigures {
    pub fn get(&self, f: Field) -> Option<f64> {
        f.metric_index().and_then(|i| self.values[i])
    }
}

/// The weekly figures of one account.
#[derive(Debug, Clone)]
pub struct AccountStats {
    /// `None`: files given without an account while the articles name several (or none).
    pub account: Option<String>,
    pub basis: Kind,
    /// The files whose rows were used.
    pub files: Vec<String>,
    /// Wanted figures found in the tables used (分享人数 standing for 分享次数 when alone).
    pub found: Vec<Field>,
    /// Wanted figures missing.
    pub missing: Vec<Field>,
    /// The field shown as 分享: `Shares`, or `Sharers` when only that was given.
    pub share_field: Field,
    /// What rates are computed on: 阅读次数, else 阅读人数.
    pub rate_base: Option<Field>,
    pub weeks: Vec<WeekFigures>,
    /// Rows given again in another file (or twice) that added nothing, counted once.
    pub duplicates: usize,
    /// Rows of a day (or an article) already given elsewhere that added figures missing there
    /// (a hand-kept sheet of likes next to the back end's export).
    pub merged: usize,
    /// Days without an all-channels row, whose channels were added up.
    pub channels_summed: usize,
    /// Rows outside `--from`/`--to`.
    pub outside: usize,
    /// Tables of the other basis, not used.
    pub unused_tables: usize,
    /// By article: the most read articles of the period (at most [`TOP`]), most read first.
    pub top: Vec<TopArticle>,
}

/// How many of the most read articles are listed.
pub const TOP: usize = 5;

/// An article among the most read.
#[derive(Debug, Clone, PartialEq)]
pub struct TopArticle {
    pub date: Date,
    pub title: String,
    values: Values,
}

impl TopArticle {
    pub fn get(&self, f: Field) -> Option<f64> {
        f.metric_index().and_then(|i| self.values[i])
    }
}

impl AccountStats {
    /// `num` per read (阅读次数, else 阅读人数) in week `w`.
    pub fn rate(&self, w: &WeekFigures, num: Field) -> Option<f64> {
        let base = w.get(self.rate_base?)?;
        let n = w.get(num)?;
        (base > 0.0).then(|| n / base)
    }

    pub fn has(&self, f: Field) -> bool {
        self.found.contains(&f)
    }
}

/// Relative change from `prev` to `cur` (`0.25` = 25 % more); none when `prev` is zero or missing.
pub fn change(prev: Option<f64>, cur: Option<f64>) -> Option<f64> {
    let (p, c) = (prev?, cur?);
    (p > 0.0).then(|| (c - p) / p)
}

/// The options of the aggregation.
pub struct Options<'a> {
    /// The account of files given without one.
    pub default_account: Option<&'a str>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Saved articles of an account in a week, when that account is in the batch.
    pub posts: &'a dyn Fn(Option<&str>, IsoWeek) -> Option<usize>,
}

/// The weekly figures of every account that has statistics, in the order the files were given.
/// Marks the tables used in `files`.
pub fn weekly(files: &mut [StatsFile], tables: Vec<(usize, Table)>, opts: &Options<'_>) -> Vec<AccountStats> {
    // (file, table index within the file, table), grouped by account.
    let mut groups: Vec<Group> = Vec::new();
    let mut per_file: BTreeMap<usize, usize> = BTreeMap::new();
    for (file, table) in tables {
        let k = per_file.entry(file).or_insert(0);
        let index = *k;
        *k += 1;
        let account = files[file].account.clone().or_else(|| opts.default_account.map(str::to_string));
        match groups.iter_mut().find(|(a, _)| *a == account) {
            Some((_, g)) => g.push((file, index, table)),
            None => groups.push((account, vec![(file, index, table)])),
        }
    }
    groups.into_iter().filter_map(|(account, group)| account_stats(files, account, group, opts)).collect()
}

/// The wanted figures a set of tables holds.
fn found_in<'a>(tables: impl Iterator<Item = &'a Table>, kind: Kind) -> Vec<Field> {
    let fields: HashSet<Field> = tables.flat_map(|t| t.fields()).collect();
    WANTED
        .iter()
        .copied()
        .filter(|f| match f {
            Field::Shares => fields.contains(&Field::Shares) || fields.contains(&Field::Sharers),
            Field::Articles => kind == Kind::PerArticle || fields.contains(&Field::Articles),
            f => fields.contains(f),
        })
        .collect()
}

fn account_stats(files: &mut [StatsFile], account: Option<String>, group: Vec<(usize, usize, Table)>, opts: &Options<'_>) -> Option<AccountStats> {
    let of = |k: Kind| group.iter().filter(move |(_, _, t)| t.kind == k).map(|(_, _, t)| t);
    let (daily, per_article) = (found_in(of(Kind::Daily), Kind::Daily), found_in(of(Kind::PerArticle), Kind::PerArticle));
    let has_daily = of(Kind::Daily).next().is_some();
    let basis = if !has_daily || (of(Kind::PerArticle).next().is_some() && per_article.len() > daily.len()) { Kind::PerArticle } else { Kind::Daily };
    let mut found = if basis == Kind::Daily { daily } else { per_article };
    let fields: HashSet<Field> = of(basis).flat_map(|t| t.fields()).collect();
    let share_field = if fields.contains(&Field::Shares) { Field::Shares } else { Field::Sharers };
    let rate_base = [Field::Reads, Field::Readers].into_iter().find(|f| fields.contains(f));

    let mut used_files = Vec::new();
    let mut unused_tables = 0;
    let mut basis_tables = Vec::new();
    for (file, index, table) in group {
        if table.kind == basis {
            files[file].tables[index].used = true;
            if !used_files.contains(&files[file].path) {
                used_files.push(files[file].path.clone());
            }
            basis_tables.push(table);
        } else {
            unused_tables += 1;
        }
    }
    if basis_tables.is_empty() {
        return None;
    }

    let in_period = |d: Date| opts.from.is_none_or(|f| d >= f) && opts.to.is_none_or(|t| d <= t);
    let mut outside = 0;
    let mut duplicates = 0;
    let mut merged = 0;
    let mut channels_summed = 0;
    let mut top = Vec::new();
    // (date, values) in date order: one per day (by day) or per article (by article).
    let mut units: Vec<(Date, Values)> = Vec::new();
    // By article: the title of each unit, for the most read.
    let mut titles: Vec<Option<String>> = Vec::new();
    match basis {
        Kind::Daily => {
            // Per day, per table: the all-channels row, the channel rows summed, other rows summed.
            #[derive(Default)]
            struct Acc {
                all: Option<Values>,
                channels: Option<Values>,
                plain: Option<Values>,
            }
            let mut days: BTreeMap<Date, Vec<(usize, Acc)>> = BTreeMap::new();
            for (ti, t) in basis_tables.iter().enumerate() {
                for r in &t.records {
                    if !in_period(r.date) {
                        outside += 1;
                        continue;
                    }
                    let per_table = days.entry(r.date).or_default();
                    if per_table.last().is_none_or(|(last, _)| *last != ti) {
                        per_table.push((ti, Acc::default()));
                    }
                    let acc = &mut per_table.last_mut().expect("just pushed").1;
                    match r.channel.as_deref() {
                        Some(c) if ALL_CHANNELS.contains(&c.trim().to_lowercase().as_str()) => {
                            if acc.all.is_none() {
                                acc.all = Some(r.values);
                            } else {
                                duplicates += 1;
                            }
                        }
                        Some(_) => add(&mut acc.channels, r),
                        None => add(&mut acc.plain, r),
                    }
                }
            }
            for (date, per_table) in days {
                let mut day: Option<Values> = None;
                for (_, acc) in per_table {
                    let values = match (acc.all, acc.channels, acc.plain) {
                        (Some(all), _, _) => all,
                        (None, Some(mut ch), plain) => {
                            channels_summed += 1;
                            if let Some(p) = plain {
                                sum_into(&mut ch, &p);
                            }
                            ch
                        }
                        (None, None, Some(p)) => p,
                        (None, None, None) => continue,
                    };
                    match &mut day {
                        None => day = Some(values),
                        Some(d) => {
                            if fill_into(d, &values) {
                                merged += 1;
                            } else {
                                duplicates += 1;
                            }
                        }
                    }
                }
                if let Some(values) = day {
                    units.push((date, values));
                }
            }
        }
        Kind::PerArticle => {
            let mut index: HashMap<(Date, String), usize> = HashMap::new();
            let articles = Field::Articles.metric_index().expect("a metric");
            for t in &basis_tables {
                for r in &t.records {
                    if !in_period(r.date) {
                        outside += 1;
                        continue;
                    }
                    let mut v = r.values;
                    v[articles] = Some(1.0);
                    if let Some(title) = &r.title {
                        let key = (r.date, title.split_whitespace().collect::<String>());
                        if let Some(&i) = index.get(&key) {
                            if fill_into(&mut units[i].1, &v) {
                                merged += 1;
                            } else {
                                duplicates += 1;
                            }
                            continue;
                        }
                        index.insert(key, units.len());
                    }
                    units.push((r.date, v));
                    titles.push(r.title.clone());
                }
            }
            // The most read, before the units are put in date order.
            if let Some(i) = rate_base.and_then(Field::metric_index) {
                let mut order: Vec<usize> = (0..units.len()).filter(|&k| titles[k].is_some() && units[k].1[i].is_some()).collect();
                order.sort_by(|&a, &b| units[b].1[i].partial_cmp(&units[a].1[i]).unwrap_or(std::cmp::Ordering::Equal).then(units[a].0.cmp(&units[b].0)));
                top = order
                    .into_iter()
                    .take(TOP)
                    .map(|k| TopArticle { date: units[k].0, title: titles[k].clone().unwrap_or_default(), values: units[k].1 })
                    .collect();
            }
            units.sort_by_key(|(d, _)| *d);
        }
    }

    let mut weeks: Vec<WeekFigures> = Vec::new();
    if let (Some(first), Some(last)) = (units.first().map(|u| u.0), units.last().map(|u| u.0)) {
        let mut monday = first.monday();
        let mut i = 0;
        while monday <= last {
            let sunday = monday.add_days(6);
            let start = opts.from.map_or(monday, |f| f.max(monday));
            let end = opts.to.map_or(sunday, |t| t.min(sunday));
            let mut week = WeekFigures { week: monday.iso_week(), start, end, rows: 0, values: [None; METRICS.len()], articles_from_files: false };
            while i < units.len() && units[i].0 <= sunday {
                sum_into(&mut week.values, &units[i].1);
                week.rows += 1;
                i += 1;
            }
            weeks.push(week);
            monday = monday.add_days(7);
        }
    }
    let articles = Field::Articles.metric_index().expect("a metric");
    if !found.contains(&Field::Articles) {
        let mut any = false;
        for w in &mut weeks {
            if let Some(n) = (opts.posts)(account.as_deref(), w.week) {
                w.values[articles] = Some(n as f64);
                w.articles_from_files = true;
                any = true;
            }
        }
        if any {
            found.insert(0, Field::Articles);
        }
    }
    let missing = WANTED.iter().copied().filter(|f| !found.contains(f)).collect();
    Some(AccountStats {
        account,
        basis,
        files: used_files,
        found,
        missing,
        share_field,
        rate_base,
        weeks,
        duplicates,
        merged,
        channels_summed,
        outside,
        unused_tables,
        top,
    })
}

fn add(acc: &mut Option<Values>, r: &Record) {
    match acc {
        Some(v) => sum_into(v, &r.values),
        None => *acc = Some(r.values),
    }
}

/// Fills the figures `acc` lacks from `other`; whether anything was filled.
fn fill_into(acc: &mut Values, other: &Values) -> bool {
    let mut filled = false;
    for (a, b) in acc.iter_mut().zip(other) {
        if a.is_none() && b.is_some() {
            *a = *b;
            filled = true;
        }
    }
    filled
}

fn sum_into(acc: &mut Values, add: &Values) {
    for (a, b) in acc.iter_mut().zip(add) {
        if let Some(b) = b {
            *a = Some(a.unwrap_or(0.0) + b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::records::tables;
    use super::super::table::{Cell, Sheet};
    use super::*;

    fn d(m: u32, day: u32) -> Date {
        Date::from_ymd(2026, m, day).unwrap()
    }

    fn file(path: &str, account: Option<&str>, rows: &[&[&str]]) -> (StatsFile, Vec<Table>) {
        let sheet = Sheet {
            name: Some("Sheet1".into()),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| (i + 1, r.iter().map(|c| if c.is_empty() { Cell::Empty } else { Cell::Text(c.to_string()) }).collect()))
                .collect(),
        };
        let (ts, _) = tables(&[sheet]);
        let summaries = ts
            .iter()
            .map(|t| super::super::TableSummary {
                sheet: t.sheet.clone(),
                header_row: t.header_row,
                kind: t.kind,
                recognised: Vec::new(),
                unused: Vec::new(),
                records: t.records.len(),
                bad_rows: 0,
                used: false,
            })
            .collect();
        (
            StatsFile { path: path.into(), account: account.map(str::to_string), format: None, tables: summaries, issues: Vec::new(), more_issues: 0, error: None },
            ts,
        )
    }

    fn run(inputs: Vec<(StatsFile, Vec<Table>)>, from: Option<Date>, posts: &dyn Fn(Option<&str>, IsoWeek) -> Option<usize>) -> (Vec<StatsFile>, Vec<AccountStats>) {
        let mut files = Vec::new();
        let mut tables = Vec::new();
        for (i, (f, ts)) in inputs.into_iter().enumerate() {
            files.push(f);
            tables.extend(ts.into_iter().map(|t| (i, t)));
        }
        let opts = Options { default_account: Some("默认"), from, to: None, posts };
        let stats = weekly(&mut files, tables, &opts);
        (files, stats)
    }

    #[test]
    fn daily_rows_by_channel_weeks_rates_and_duplicates() {
        let a = file(
            "a.xlsx",
            None,
            &[
                &["日期", "渠道", "阅读次数", "阅读人数", "点赞数", "留言数", "群发篇数"],
                &["2026-03-02", "全部", "100", "80", "5", "2", "1"],
                &["2026-03-02", "公众号消息", "60", "50", "", "", ""],
                &["2026-03-03", "公众号消息", "30", "20", "1", "0", "1"],
                &["2026-03-03", "聊天会话", "20", "10", "1", "1", ""],
                &["2026-03-10", "全部", "300", "200", "6", "3", "2"],
            ],
        );
        let b = file("b.csv", None, &[&["日期", "阅读次数"], &["2026-03-10", "999"], &["2026-03-17", "40"]]);
        let (_, stats) = run(vec![a, b], None, &|_, _| None);
        assert_eq!(stats.len(), 1);
        let s = &stats[0];
        assert_eq!((s.account.as_deref(), s.basis), (Some("默认"), Kind::Daily));
        assert_eq!((s.duplicates, s.channels_summed), (1, 1), "10 March again in b.csv; 3 March has no 全部 row");
        let weeks: Vec<_> = s.weeks.iter().map(|w| (w.week.week, w.get(Field::Reads), w.get(Field::Articles), w.rows)).collect();
        assert_eq!(weeks, [(10, Some(150.0), Some(2.0), 2), (11, Some(300.0), Some(2.0), 1), (12, Some(40.0), None, 1)]);
        assert_eq!(s.rate(&s.weeks[0], Field::Comments), Some(3.0 / 150.0));
        assert_eq!(s.rate(&s.weeks[1], Field::Likes), Some(0.02));
        assert_eq!(s.missing, [Field::Shares, Field::Wow]);
        assert_eq!(s.rate_base, Some(Field::Reads));
        assert_eq!(change(s.weeks[0].get(Field::Reads), s.weeks[1].get(Field::Reads)), Some(1.0));
        assert_eq!(change(Some(0.0), Some(3.0)), None);
    }

    #[test]
    fn per_article_rows_with_articles_counted_and_files_counting_when_needed() {
        let per_article = file(
            "notified.xlsx",
            Some("阳光小学"),
            &[
                &["内容标题", "发表时间", "总阅读人数", "总阅读次数", "总分享人数"],
                &["开学", "20260302", "80", "100", "4"],
                &["开学", "20260302", "80", "100", "4"],
                &["运动会", "20260305", "50", "70", "2"],
                &["家长会", "20260312", "30", "40", "1"],
            ],
        );
        let (files, stats) = run(vec![per_article], Some(d(3, 3)), &|_, _| Some(9));
        let s = &stats[0];
        assert_eq!((s.account.as_deref(), s.basis, s.share_field), (Some("阳光小学"), Kind::PerArticle, Field::Sharers));
        assert_eq!((s.duplicates, s.outside), (0, 2), "the two 2 March rows are before --from");
        let weeks: Vec<_> = s.weeks.iter().map(|w| (w.start, w.get(Field::Articles), w.get(Field::Reads), w.articles_from_files)).collect();
        assert_eq!(weeks, [(d(3, 3), Some(1.0), Some(70.0), false), (d(3, 9), Some(1.0), Some(40.0), false)]);
        assert!(files[0].tables[0].used);
        assert_eq!(s.missing, [Field::Likes, Field::Wow, Field::Comments]);

        let daily = file("d.csv", None, &[&["日期", "阅读次数"], &["2026-03-02", "5"]]);
        let (_, stats) = run(vec![daily], None, &|account, week| (account == Some("默认") && week.week == 10).then_some(3));
        assert_eq!(stats[0].weeks[0].get(Field::Articles), Some(3.0));
        assert!(stats[0].weeks[0].articles_from_files);
        assert!(!stats[0].missing.contains(&Field::Articles));
    }

    #[test]
    fn a_hand_kept_sheet_completes_the_export() {
        let export = file("notified.xlsx", None, &[&["内容标题", "发表时间", "总阅读次数"], &["开学", "20260302", "100"], &["运动会", "20260305", "70"]]);
        let sheet = file("likes.csv", None, &[&["发布日期", "标题", "点赞数", "留言数", "阅读量"], &["2026-03-02", "开 学", "4", "1", "999"], &["2026-03-05", "运动会", "", "", ""]]);
        let (_, stats) = run(vec![export, sheet], None, &|_, _| None);
        let s = &stats[0];
        assert_eq!((s.merged, s.duplicates), (1, 1), "开学 gains likes and comments; 运动会 adds nothing");
        let top: Vec<_> = s.top.iter().map(|t| (t.title.as_str(), t.get(Field::Reads), t.get(Field::Likes))).collect();
        assert_eq!(top, [("开学", Some(100.0), Some(4.0)), ("运动会", Some(70.0), None)], "most read first, with the merged figures");
        let w = &s.weeks[0];
        assert_eq!((w.get(Field::Articles), w.get(Field::Reads), w.get(Field::Likes)), (Some(2.0), Some(170.0), Some(4.0)), "the export's reads are kept");
        assert_eq!(s.rate(w, Field::Comments), Some(1.0 / 170.0));
    }

    #[test]
    fn the_basis_with_more_figures_wins_and_weeks_without_rows_are_kept() {
        let daily = file("daily.xlsx", None, &[&["日期", "阅读次数"], &["2026-03-02", "5"], &["2026-03-23", "5"]]);
        let articles = file("sheet.csv", None, &[&["发布日期", "标题", "阅读量", "点赞数", "留言数"], &["2026-03-02", "一", "5", "1", "1"]]);
        let (files, stats) = run(vec![daily, articles], None, &|_, _| None);
        assert_eq!(stats[0].basis, Kind::PerArticle);
        assert_eq!(stats[0].unused_tables, 1);
        assert!(!files[0].tables[0].used && files[1].tables[0].used);

        let daily = file("daily.xlsx", None, &[&["日期", "阅读次数"], &["2026-03-02", "5"], &["2026-03-23", "5"]]);
        let (_, stats) = run(vec![daily], None, &|_, _| None);
        let rows: Vec<_> = stats[0].weeks.iter().map(|w| w.rows).collect();
        assert_eq!(rows, [1, 0, 0, 1], "weeks 11 and 12 have no figures");
        assert_eq!(stats[0].weeks[1].get(Field::Reads), None);
    }
}
