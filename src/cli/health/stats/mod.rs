//! The weekly feedback figures of `wxlint report` (the house rules' 新闻反馈机制: "实行一周期统计
//! 数据，包括阅读量、点赞量、留言率等"), from the statistics an editor downloads from the WeChat back
//! end (`--stats FILE`, `--stats ACCOUNT=FILE`; a folder is searched for `.xlsx`, `.xls` and
//! `.csv`).
//!
//! [`table`] reads a file into sheets of cells, [`records`] finds the tables and their dated rows,
//! [`columns`] says what each header means, [`weekly`] adds the rows up per ISO week. A file that
//! cannot be read, or rows that cannot, are reported with the file, sheet, row and column; the
//! rest of the report is produced all the same.

pub mod columns;
pub mod records;
pub mod table;
pub mod weekly;

use super::super::input::io_reason;
use super::super::CliError;
use columns::Field;
use records::{tables, Issue, Kind, Table};
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use table::{read_sheets, FileFormat, MAX_BYTES};

/// The extensions of statistics files looked for in folders.
pub const EXTENSIONS: &[&str] = &["xlsx", "xls", "csv"];
/// At most this many problems are listed per file (the rest are counted).
pub const MAX_ISSUES: usize = 20;

/// One `--stats` argument.
#[derive(Debug, Clone)]
pub struct StatsArg {
    pub account: Option<String>,
    pub path: PathBuf,
}

/// `FILE` or `ACCOUNT=FILE` (the second reading only when the whole argument is not an existing
/// path, so a file whose name contains `=` still reads as itself).
pub fn parse_stats_arg(arg: &OsStr) -> Result<StatsArg, CliError> {
    let whole = PathBuf::from(arg);
    if !whole.exists() {
        if let Some((account, file)) = arg.to_str().and_then(|s| s.split_once('=')) {
            let account = account.trim();
            if file.is_empty() {
                return Err(CliError(format!("--stats {account}=: missing file name after '='")));
            }
            if !account.is_empty() {
                return Ok(StatsArg { account: Some(account.to_string()), path: PathBuf::from(file) });
            }
        }
    }
    Ok(StatsArg { account: None, path: whole })
}

/// A table of a file, for the report.
#[derive(Debug, Clone)]
pub struct TableSummary {
    pub sheet: Option<String>,
    pub header_row: usize,
    pub kind: Kind,
    /// Recognised columns: the header as written, and its meaning.
    pub recognised: Vec<(String, Field)>,
    /// Columns not used.
    pub unused: Vec<String>,
    pub records: usize,
    pub bad_rows: usize,
    /// Whether its rows went into the weekly figures (set by [`weekly`]).
    pub used: bool,
}

/// One statistics file, as read.
#[derive(Debug, Clone)]
pub struct StatsFile {
    /// The path as given (or found in a folder).
    pub path: String,
    pub account: Option<String>,
    pub format: Option<FileFormat>,
    pub tables: Vec<TableSummary>,
    pub issues: Vec<Issue>,
    /// Problems beyond [`MAX_ISSUES`].
    pub more_issues: usize,
    /// Why nothing could be read from the file.
    pub error: Option<String>,
}

/// The statistics files read, and the tables found in them (with the index of their file).
#[derive(Debug, Default)]
pub struct Loaded {
    pub files: Vec<StatsFile>,
    pub tables: Vec<(usize, Table)>,
}

/// Every statistics file of the arguments, read. A path that does not exist is a usage error;
/// anything wrong inside a file is reported in it.
pub fn load(args: &[StatsArg]) -> Result<Loaded, CliError> {
    let mut paths: Vec<(Option<String>, PathBuf)> = Vec::new();
    for arg in args {
        match fs::metadata(&arg.path) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk(&arg.path, &mut found);
                if found.is_empty() {
                    return Err(CliError(format!(
                        "--stats {}: no statistics file in this folder (looked for .xlsx, .xls, .csv)",
                        arg.path.display()
                    )));
                }
                paths.extend(found.into_iter().map(|p| (arg.account.clone(), p)));
            }
            Ok(_) => paths.push((arg.account.clone(), arg.path.clone())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(CliError(format!("--stats {}: no such file or folder", arg.path.display())));
            }
            Err(_) => paths.push((arg.account.clone(), arg.path.clone())),
        }
    }
    let mut files = Vec::new();
    let mut all_tables = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (account, path) in paths {
        if !seen.insert(fs::canonicalize(&path).unwrap_or_else(|_| path.clone())) {
            continue;
        }
        let (file, tables) = read_file(&path, account);
        let index = files.len();
        files.push(file);
        all_tables.extend(tables.into_iter().map(|t| (index, t)));
    }
    Ok(Loaded { files, tables: all_tables })
}

/// Statistics files under a folder, in name order, hidden entries skipped.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut names: Vec<_> = entries.filter_map(Result::ok).map(|e| e.file_name()).collect();
    names.sort();
    for name in names {
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let p = dir.join(&name);
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e))) {
            out.push(p);
        }
    }
}

fn read_file(path: &Path, account: Option<String>) -> (StatsFile, Vec<Table>) {
    let mut file = StatsFile {
        path: path.display().to_string(),
        account,
        format: None,
        tables: Vec::new(),
        issues: Vec::new(),
        more_issues: 0,
        error: None,
    };
    let bytes = match fs::metadata(path) {
        Ok(m) if m.len() > MAX_BYTES => Err(format!("文件过大（{} MB），统计文件最大 {} MB", m.len() >> 20, MAX_BYTES >> 20)),
        _ => fs::read(path).map_err(|e| match io_reason(&e).as_str() {
            "permission denied" => "没有读取权限".to_string(),
            "no such file" => "文件不存在".to_string(),
            other => other.to_string(),
        }),
    };
    if let Ok(b) = &bytes {
        file.format = table::workbook_format(b);
    }
    let sheets = bytes.and_then(|b| read_sheets(&b));
    let (format, sheets) = match sheets {
        Ok(x) => x,
        Err(e) => {
            file.error = Some(e);
            return (file, Vec::new());
        }
    };
    file.format = Some(format);
    let (found, issues) = tables(&sheets);
    file.more_issues = issues.len().saturating_sub(MAX_ISSUES);
    file.issues = issues.into_iter().take(MAX_ISSUES).collect();
    if found.is_empty() {
        file.error = Some(format!(
            "没有找到可识别的表头：需要一行表头，含日期列（“日期”或“发表时间”）和至少一项数据（如“阅读次数”“阅读人数”“分享次数”“点赞数”“留言数”）{}",
            sheet_note(&sheets)
        ));
    }
    file.tables = found
        .iter()
        .map(|t| TableSummary {
            sheet: t.sheet.clone(),
            header_row: t.header_row,
            kind: t.kind,
            recognised: t.columns.iter().filter_map(|c| c.field.map(|f| (c.header.clone(), f))).collect(),
            unused: t.columns.iter().filter(|c| c.field.is_none()).map(|c| c.header.clone()).collect(),
            records: t.records.len(),
            bad_rows: t.bad_rows,
            used: false,
        })
        .collect();
    (file, found)
}

/// `（工作表：A、B）` — which sheets were looked at.
fn sheet_note(sheets: &[table::Sheet]) -> String {
    let names: Vec<&str> = sheets.iter().filter_map(|s| s.name.as_deref()).collect();
    if names.is_empty() {
        String::new()
    } else {
        format!("（已查看工作表：{}）", names.join("、"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_arguments() {
        let a = parse_stats_arg(OsStr::new("阳光小学=export.xlsx")).unwrap();
        assert_eq!((a.account.as_deref(), a.path.to_str()), (Some("阳光小学"), Some("export.xlsx")));
        let a = parse_stats_arg(OsStr::new("export.xlsx")).unwrap();
        assert_eq!(a.account, None);
        assert!(parse_stats_arg(OsStr::new("阳光小学=")).unwrap_err().0.contains("missing file name"));
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join("a=b.csv");
        fs::write(&odd, "日期,阅读次数\n").unwrap();
        assert_eq!(parse_stats_arg(odd.as_os_str()).unwrap().account, None, "an existing file named with '='");
    }

    #[test]
    fn folders_missing_paths_and_unreadable_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("b.csv"), "日期,阅读次数\n2026-03-02,5\n").unwrap();
        fs::write(dir.path().join("a.CSV"), "no header here\n1,2\n").unwrap();
        fs::write(dir.path().join("notes.txt"), "x").unwrap();
        fs::create_dir(dir.path().join(".hidden")).unwrap();
        fs::write(dir.path().join(".hidden/c.csv"), "日期,阅读次数\n").unwrap();
        let Loaded { files, tables } = load(&[StatsArg { account: None, path: dir.path().to_path_buf() }]).unwrap();
        let names: Vec<_> = files.iter().map(|f| Path::new(&f.path).file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(names, ["a.CSV", "b.csv"]);
        assert!(files[0].error.as_deref().unwrap().starts_with("没有找到可识别的表头"));
        assert_eq!((files[1].error.as_deref(), tables.len(), tables[0].0), (None, 1, 1));
        assert_eq!(files[1].tables[0].recognised, [("日期".to_string(), Field::Date), ("阅读次数".to_string(), Field::Reads)]);

        let missing = load(&[StatsArg { account: None, path: dir.path().join("nope.xlsx") }]).unwrap_err();
        assert!(missing.0.ends_with("nope.xlsx: no such file or folder"), "{}", missing.0);
        let empty = tempfile::tempdir().unwrap();
        assert!(load(&[StatsArg { account: None, path: empty.path().to_path_buf() }]).unwrap_err().0.contains("no statistics file"));
    }
}
