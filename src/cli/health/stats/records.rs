//! From sheets of cells to dated records: finding the header rows, splitting side-by-side
//! tables, reading each data row's date and figures, and saying precisely (sheet, row, column)
//! what could not be read.
//!
//! A header row is one of the first rows of a table that names a date column (日期 or 发表时间)
//! and at least one figure. The back end's downloads put title lines above the header and may
//! set several tables side by side, separated by an empty column: each run of non-empty header
//! cells that qualifies is its own table. Rows whose date cell says 合计, 总计, 平均… (totals)
//! are skipped; so are repeated header rows. A row with a cell that cannot be read is left out
//! whole (its figures would otherwise be half counted), and named in the issues.

use super::columns::{field_of, Field, METRICS};
use super::table::{Cell, Sheet};
use crate::cli::health::date::{parse_date, Date};

/// How far down a sheet a header is looked for.
const HEADER_SEARCH_ROWS: usize = 30;

/// The kind of table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One row per day (possibly per day and channel).
    Daily,
    /// One row per article.
    PerArticle,
}

/// One row of figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub date: Date,
    pub title: Option<String>,
    pub channel: Option<String>,
    /// Indexed like [`METRICS`].
    pub values: [Option<f64>; METRICS.len()],
    /// The row in the file, for messages.
    pub row: usize,
}

/// A column of a table: its header as written and what it was read as.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub field: Option<Field>,
    /// The index of the cell in the row.
    index: usize,
}

/// A table found in a sheet.
#[derive(Debug, Clone)]
pub struct Table {
    pub sheet: Option<String>,
    /// The row of the header.
    pub header_row: usize,
    pub kind: Kind,
    /// Every header cell of the table, recognised or not.
    pub columns: Vec<Column>,
    pub records: Vec<Record>,
    /// Data rows skipped because a cell could not be read.
    pub bad_rows: usize,
}

impl Table {
    /// The recognised fields (each once).
    pub fn fields(&self) -> Vec<Field> {
        self.columns.iter().filter_map(|c| c.field).collect()
    }
}

/// A problem in a file: where, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub sheet: Option<String>,
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl Issue {
    /// `工作表“数据”第 12 行“阅读次数”列：……`
    pub fn place(&self) -> String {
        let mut s = String::new();
        if let Some(sheet) = &self.sheet {
            s.push_str(&format!("工作表“{sheet}”"));
        }
        if let Some(row) = self.row {
            s.push_str(&format!("第 {row} 行"));
        }
        if let Some(col) = &self.column {
            s.push_str(&format!("“{col}”列"));
        }
        s
    }
}

/// The tables of every sheet, and the problems met.
pub fn tables(sheets: &[Sheet]) -> (Vec<Table>, Vec<Issue>) {
    let mut tables = Vec::new();
    let mut issues = Vec::new();
    for sheet in sheets {
        let mut i = 0;
        // Several stacked tables in one sheet: each header starts a new one.
        let mut header: Option<(usize, Vec<Vec<Column>>)> = None;
        let mut current: Vec<Table> = Vec::new();
        let mut since_header = 0;
        while i < sheet.rows.len() {
            let (row_no, cells) = &sheet.rows[i];
            i += 1;
            if let Some(found) = header_tables(cells) {
                tables.append(&mut current);
                current = found
                    .iter()
                    .map(|cols| Table {
                        sheet: sheet.name.clone(),
                        header_row: *row_no,
                        kind: kind_of(cols),
                        columns: cols.clone(),
                        records: Vec::new(),
                        bad_rows: 0,
                    })
                    .collect();
                header = Some((*row_no, found));
                since_header = 0;
                continue;
            }
            since_header += 1;
            if header.is_none() && since_header > HEADER_SEARCH_ROWS {
                break;
            }
            for table in &mut current {
                match record(table, cells, *row_no) {
                    Ok(Some(r)) => table.records.push(r),
                    Ok(None) => {}
                    Err(mut issue) => {
                        issue.sheet = sheet.name.clone();
                        issues.push(issue);
                        table.bad_rows += 1;
                    }
                }
            }
        }
        tables.append(&mut current);
    }
    (tables, issues)
}

/// The tables a header row starts: each qualifying run of non-empty cells, or else the whole
/// row when it qualifies as one.
fn header_tables(cells: &[Cell]) -> Option<Vec<Vec<Column>>> {
    let columns: Vec<Column> = cells
        .iter()
        .enumerate()
        .map(|(index, c)| {
            let header = if let Cell::Text(t) = c { t.trim().to_string() } else { String::new() };
            Column { field: field_of(&header), header, index }
        })
        .collect();
    let mut runs: Vec<Vec<Column>> = Vec::new();
    let mut run: Vec<Column> = Vec::new();
    for c in &columns {
        if c.header.is_empty() {
            if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        } else {
            run.push(c.clone());
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    let found: Vec<Vec<Column>> = runs.into_iter().filter(|r| qualifies(r)).map(dedupe).collect();
    if !found.is_empty() {
        return Some(found);
    }
    let whole: Vec<Column> = columns.into_iter().filter(|c| !c.header.is_empty()).collect();
    qualifies(&whole).then(|| vec![dedupe(whole)])
}

fn qualifies(cols: &[Column]) -> bool {
    cols.iter().any(|c| matches!(c.field, Some(Field::Date | Field::PublishDate)))
        && cols.iter().any(|c| c.field.is_some_and(Field::is_metric))
}

/// A field named twice is taken from its first column only.
fn dedupe(mut cols: Vec<Column>) -> Vec<Column> {
    let mut seen = Vec::new();
    for c in &mut cols {
        if let Some(f) = c.field {
            if seen.contains(&f) {
                c.field = None;
            } else {
                seen.push(f);
            }
        }
    }
    // A table with both a day and a publication date: the day is the one its figures are for.
    if seen.contains(&Field::Date) && seen.contains(&Field::PublishDate) {
        for c in &mut cols {
            if c.field == Some(Field::PublishDate) {
                c.field = None;
            }
        }
    }
    cols
}

fn kind_of(cols: &[Column]) -> Kind {
    let has = |f: Field| cols.iter().any(|c| c.field == Some(f));
    if has(Field::Title) || has(Field::PublishDate) {
        Kind::PerArticle
    } else {
        Kind::Daily
    }
}

/// Labels of rows that are not days: totals and averages.
const NOT_A_DAY: &[&str] = &["合计", "总计", "总和", "汇总", "小计", "平均", "平均值", "均值", "total", "sum", "average"];

/// One data row of `table`: `Ok(None)` for a row to pass over (empty, a total, a repeated header).
fn record(table: &Table, cells: &[Cell], row: usize) -> Result<Option<Record>, Issue> {
    let cell = |c: &Column| cells.get(c.index).unwrap_or(&Cell::Empty);
    if table.columns.iter().all(|c| cell(c).is_empty()) {
        return Ok(None);
    }
    let date_col = table.columns.iter().find(|c| matches!(c.field, Some(Field::Date | Field::PublishDate))).expect("a table has a date column");
    let issue = |col: &Column, message: String| Issue { sheet: None, row: Some(row), column: Some(col.header.clone()), message };
    let date_cell = cell(date_col);
    if date_cell.is_empty() {
        // A row with figures but no date (a table of several lines per day writes the date once).
        return if table.columns.iter().any(|c| c.field.is_some_and(Field::is_metric) && !cell(c).is_empty()) {
            Err(issue(date_col, "日期为空".into()))
        } else {
            Ok(None)
        };
    }
    let label = date_cell.text().to_lowercase();
    if NOT_A_DAY.iter().any(|t| label.starts_with(t)) || field_of(&label).is_some() {
        return Ok(None);
    }
    let date = date_of(date_cell).ok_or_else(|| issue(date_col, format!("无法识别的日期“{}”", shorten(&date_cell.text()))))?;
    let mut values = [None; METRICS.len()];
    let mut title = None;
    let mut channel = None;
    for c in &table.columns {
        let Some(field) = c.field else { continue };
        let v = cell(c);
        match field {
            Field::Title => title = Some(v.text()).filter(|t| !t.is_empty()),
            Field::Channel => channel = Some(v.text()).filter(|t| !t.is_empty()),
            Field::Date | Field::PublishDate => {}
            metric => {
                let i = metric.metric_index().expect("a metric");
                values[i] = number_of(v).map_err(|m| issue(c, m))?;
            }
        }
    }
    Ok(Some(Record { date, title, channel, values, row }))
}

/// A day from a cell: a date-formatted cell, text (`2026-03-05`, `2026/3/5 18:00`, `2026年3月5日`,
/// `20260305`), or a number that is `YYYYMMDD` or an Excel serial.
fn date_of(cell: &Cell) -> Option<Date> {
    match cell {
        Cell::DateSerial(s) => Date::from_excel_serial(*s),
        Cell::Number(n) if n.fract() == 0.0 && (20_000_101.0..=20_991_231.0).contains(n) => parse_date(&format!("{}", *n as i64)),
        Cell::Number(n) => Date::from_excel_serial(*n),
        Cell::Text(t) => parse_date(t).or_else(|| {
            let t = t.trim();
            (t.len() <= 6 && t.chars().all(|c| c.is_ascii_digit() || c == '.')).then(|| t.parse().ok().and_then(Date::from_excel_serial)).flatten()
        }),
        Cell::Empty | Cell::Error(_) => None,
    }
}

/// A figure from a cell: a number, or text such as `1,234`, `1 234`, `1.2万`, `10万+`. Empty,
/// `-` and `--` are no value. A negative count, a percentage or other text is an error.
fn number_of(cell: &Cell) -> Result<Option<f64>, String> {
    let n = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) => *n,
        Cell::DateSerial(_) => return Err("是日期，不是数字".into()),
        Cell::Error(e) => return Err(format!("单元格是错误值 {e}")),
        Cell::Text(t) => {
            let t: String = t.trim().chars().filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')).collect();
            if t.is_empty() || matches!(t.as_str(), "-" | "--" | "—" | "–" | "/" | "无") {
                return Ok(None);
            }
            let (num, scale) = match t.trim_end_matches('+').strip_suffix('万') {
                Some(n) => (n.to_string(), 10_000.0),
                None => (t.trim_end_matches('+').to_string(), 1.0),
            };
            match num.parse::<f64>() {
                Ok(n) if n.is_finite() => n * scale,
                _ => return Err(format!("“{}”不是数字", shorten(&t))),
            }
        }
    };
    if !n.is_finite() || n < 0.0 {
        return Err(format!("“{}”不是有效的计数", cell.text()));
    }
    Ok(Some(n))
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 30 {
        s.chars().take(29).chain(['…']).collect()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.into())
        }
    }

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet { name: Some("New Sheet1".into()), rows: rows.iter().enumerate().map(|(i, r)| (i + 1, r.iter().map(|c| text(c)).collect())).collect() }
    }

    fn d(m: u32, day: u32) -> Date {
        Date::from_ymd(2026, m, day).unwrap()
    }

    #[test]
    fn title_rows_side_by_side_tables_totals_and_channels() {
        let s = sheet(&[
            &["内容分析数据", "", "", "", "", ""],
            &["数据趋势", "", "", "", "数据来源", ""],
            &["日期", "渠道", "阅读次数", "", "内容标题", "发表时间", "阅读人数"],
            &["2026-03-02", "全部", "120", "", "春季开学", "20260302", "80"],
            &["2026-03-02", "公众号消息", "100", "", "", "", ""],
            &["2026-03-03", "全部", "1,200", "", "", "", ""],
            &["合计", "", "1,320", "", "", "", ""],
            &["日期", "渠道", "阅读次数", "", "", "", ""],
        ]);
        let (tables, issues) = tables(&[s]);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(tables.len(), 3, "two side by side, then the repeated header starts a third");
        let daily = &tables[0];
        assert_eq!((daily.kind, daily.header_row, daily.records.len()), (Kind::Daily, 3, 3));
        assert_eq!(daily.records[2].values[Field::Reads.metric_index().unwrap()], Some(1200.0));
        assert_eq!(daily.records[1].channel.as_deref(), Some("公众号消息"));
        let per_article = &tables[1];
        assert_eq!(per_article.kind, Kind::PerArticle);
        assert_eq!(per_article.records.len(), 1);
        assert_eq!((per_article.records[0].date, per_article.records[0].title.as_deref()), (d(3, 2), Some("春季开学")));
        assert!(tables[2].records.is_empty());
    }

    #[test]
    fn bad_cells_are_named_and_their_rows_left_out() {
        let s = sheet(&[
            &["日期", "阅读次数", "点赞数"],
            &["2026-03-02", "10", "1"],
            &["2026-03-03", "abc", "1"],
            &["2026-13-45", "10", "1"],
            &["", "7", ""],
            &["2026-03-05", "-5", ""],
            &["2026-03-06", "1.2万", "10万+"],
            &["2026-03-07", "-", ""],
        ]);
        let (tables, issues) = tables(&[s]);
        let got: Vec<String> = issues.iter().map(|i| format!("{}：{}", i.place(), i.message)).collect();
        assert_eq!(
            got,
            [
                "工作表“New Sheet1”第 3 行“阅读次数”列：“abc”不是数字",
                "工作表“New Sheet1”第 4 行“日期”列：无法识别的日期“2026-13-45”",
                "工作表“New Sheet1”第 5 行“日期”列：日期为空",
                "工作表“New Sheet1”第 6 行“阅读次数”列：“-5”不是有效的计数",
            ]
        );
        let t = &tables[0];
        assert_eq!(t.bad_rows, 4);
        let reads: Vec<_> = t.records.iter().map(|r| (r.date, r.values[Field::Reads.metric_index().unwrap()])).collect();
        assert_eq!(reads, [(d(3, 2), Some(10.0)), (d(3, 6), Some(12_000.0)), (d(3, 7), None)]);
        assert_eq!(t.records[1].values[Field::Likes.metric_index().unwrap()], Some(100_000.0));
    }

    #[test]
    fn dates_of_every_kind() {
        assert_eq!(date_of(&Cell::DateSerial(46_086.0)), Some(d(3, 5)));
        assert_eq!(date_of(&Cell::Number(20_260_305.0)), Some(d(3, 5)));
        assert_eq!(date_of(&Cell::Number(46_086.0)), Some(d(3, 5)), "an unformatted serial");
        assert_eq!(date_of(&text("2026/3/5 18:00")), Some(d(3, 5)));
        assert_eq!(date_of(&text("46086")), Some(d(3, 5)));
        assert_eq!(date_of(&text("第一周")), None);
        assert_eq!(date_of(&Cell::Number(12.0)), None);
    }

    #[test]
    fn a_sheet_without_a_header_has_no_table() {
        let s = sheet(&[&["时间", "新关注人数"], &["2026-03-02", "5"]]);
        let (tables, issues) = tables(&[s]);
        assert!(tables.is_empty() && issues.is_empty());
        let (tables, _) = tables_of_whole_row();
        assert_eq!(tables.len(), 1);
    }

    /// A header with a gap in the middle qualifies as a whole row.
    fn tables_of_whole_row() -> (Vec<Table>, Vec<Issue>) {
        tables(&[sheet(&[&["日期", "", "阅读次数"], &["2026-03-02", "", "5"]])])
    }
}

#[cfg(test)]
mod robustness {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &["日期", "发表时间", "阅读次数", "阅读人数", "点赞数", "渠道", "全部", "标题", "合计", "2026-03-02", "20260305", "46086", "12", "-3", "1.5万", "abc", "", "", "—"];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Any grid of header words, dates, numbers and junk: tables or issues, never a panic, and
        /// every record has a real date and no negative figure.
        #[test]
        fn any_grid(rows in prop::collection::vec(prop::collection::vec(0..WORDS.len(), 0..9), 0..40)) {
            let sheet = Sheet {
                name: None,
                rows: rows.iter().enumerate().map(|(i, r)| (i + 1, r.iter().map(|&w| if WORDS[w].is_empty() { Cell::Empty } else { Cell::Text(WORDS[w].into()) }).collect())).collect(),
            };
            let (tables, issues) = tables(&[sheet]);
            for t in &tables {
                for r in &t.records {
                    prop_assert!(r.values.iter().flatten().all(|v| *v >= 0.0));
                    prop_assert!(r.row >= 1 && r.row <= rows.len());
                }
            }
            for i in &issues {
                prop_assert!(i.row.is_some_and(|r| r >= 1 && r <= rows.len()));
            }
        }
    }
}
