//! Reading a statistics export into grids of cells: `.xlsx` and `.xls` workbooks (calamine),
//! `.xls` files that are really HTML tables (some of the back end's downloads are), and CSV or
//! tab-separated text (the `csv` crate) in UTF-8, UTF-16 (Excel's "Unicode text") or GBK (what
//! Excel writes on Chinese Windows).
//!
//! The format is decided by the content, not the name: a renamed file still reads.

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use std::io::Cursor;

/// Files larger than this are refused (a year of daily statistics is a few hundred kilobytes).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// At most this many rows are read from one sheet.
pub const MAX_ROWS: usize = 1_000_000;
/// An `.xlsx` may unpack to at most this much (a year of daily statistics: a few megabytes).
pub const MAX_UNPACKED: u64 = 512 * 1024 * 1024;

/// One cell, as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Number(f64),
    Text(String),
    /// A cell formatted as a date: its Excel serial number.
    DateSerial(f64),
    /// An error value (`#N/A`, `#DIV/0!`…).
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text (for headers and messages).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::DateSerial(s) => super::super::date::Date::from_excel_serial(*s).map_or_else(|| s.to_string(), |d| d.to_string()),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// One sheet (or HTML table, or the CSV file): rows with their 1-based row numbers.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The sheet's name; `None` for a CSV file.
    pub name: Option<String>,
    pub rows: Vec<(usize, Vec<Cell>)>,
}

/// What a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Xlsx,
    Xls,
    /// An `.xls` (or other) file holding an HTML table.
    HtmlTable,
    Csv,
}

impl FileFormat {
    /// The JSON name.
    pub fn key(self) -> &'static str {
        match self {
            FileFormat::Xlsx => "xlsx",
            FileFormat::Xls => "xls",
            FileFormat::HtmlTable => "htmlTable",
            FileFormat::Csv => "csv",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FileFormat::Xlsx => "Excel 工作簿（.xlsx）",
            FileFormat::Xls => "Excel 97–2003 工作簿（.xls）",
            FileFormat::HtmlTable => "网页表格（扩展名为 .xls 的 HTML）",
            FileFormat::Csv => "CSV 文本",
        }
    }
}

/// The workbook format a file's first bytes announce (a zip: `.xlsx`; an OLE compound file: `.xls`).
pub fn workbook_format(bytes: &[u8]) -> Option<FileFormat> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some(FileFormat::Xlsx)
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some(FileFormat::Xls)
    } else {
        None
    }
}

/// Reads every sheet of a statistics file. The error is a reason in Chinese.
pub fn read_sheets(bytes: &[u8]) -> Result<(FileFormat, Vec<Sheet>), String> {
    if let Some(format) = workbook_format(bytes) {
        return read_workbook(bytes).map(|sheets| (format, sheets));
    }
    let text = decode_text(bytes)?;
    let head: String = text.chars().take(4096).collect::<String>().to_ascii_lowercase();
    if head.trim_start().starts_with('<') && (head.contains("<table") || head.contains("<html")) {
        return Ok((FileFormat::HtmlTable, read_html_tables(&text)));
    }
    if text.contains('\u{0}') {
        return Err("不是表格文件（既不是 Excel 工作簿，也不是 CSV 文本）".into());
    }
    read_csv(&text).map(|sheet| (FileFormat::Csv, vec![sheet]))
}

/// An `.xlsx` is a zip archive: refuse one whose parts declare more than [`MAX_UNPACKED`] (a
/// "zip bomb" would otherwise be unpacked into memory). A part that lies about its size is not
/// caught here.
fn check_zip(bytes: &[u8]) -> Result<(), String> {
    let broken = |e: zip::result::ZipError| format!("无法打开：文件已损坏，或不是 Excel 工作簿（{e}）");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(broken)?;
    let mut total = 0u64;
    for i in 0..archive.len() {
        total = total.saturating_add(archive.by_index_raw(i).map_err(broken)?.size());
    }
    if total > MAX_UNPACKED {
        return Err(format!("工作簿解压后过大（{} MB），统计文件最大 {} MB", total >> 20, MAX_UNPACKED >> 20));
    }
    Ok(())
}

fn read_workbook(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    if workbook_format(bytes) == Some(FileFormat::Xlsx) {
        check_zip(bytes)?;
    }
    // calamine asserts on some damaged files (a wrong record length in an .xls, for one): a
    // damaged file is an error in the report, not the end of the run. The panic message is not
    // printed (the reason is given in the report); no other thread runs while statistics load.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_workbook_unchecked(bytes)));
    std::panic::set_hook(hook);
    result.unwrap_or_else(|_| Err("无法读取：文件已损坏（表格内容不完整或格式错误）".to_string()))
}

fn read_workbook_unchecked(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| format!("无法打开：文件已损坏，或不是 Excel 工作簿（{e}）"))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| format!("无法读取工作表“{name}”：{e}"))?;
        let first_row = range.start().map_or(0, |(r, _)| r as usize);
        let first_col = range.start().map_or(0, |(_, c)| c as usize);
        let rows = range
            .rows()
            .take(MAX_ROWS)
            .enumerate()
            .map(|(i, row)| {
                let mut cells = vec![Cell::Empty; first_col];
                cells.extend(row.iter().map(cell_of));
                (first_row + i + 1, cells)
            })
            .collect();
        sheets.push(Sheet { name: Some(name), rows });
    }
    Ok(sheets)
}

fn cell_of(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => Cell::DateSerial(dt.as_f64()),
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}

/// UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, else GBK/GB18030.
fn decode_text(bytes: &[u8]) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8(rest.to_vec()).map_err(|_| "不是有效的 UTF-8 文本".to_string());
    }
    for (bom, encoding) in [(&[0xFF, 0xFE], encoding_rs::UTF_16LE), (&[0xFE, 0xFF], encoding_rs::UTF_16BE)] {
        if bytes.starts_with(bom) {
            return Ok(encoding.decode_with_bom_removal(bytes).0.into_owned());
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if had_errors {
        return Err("既不是 UTF-8 也不是 GBK 编码的文本，无法读取".into());
    }
    Ok(text.into_owned())
}

/// Comma-, semicolon- or tab-separated text: the separator that the first line uses most.
fn read_csv(text: &str) -> Result<Sheet, String> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = [b',', b'\t', b';']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // Line numbers from the records' byte offsets (counted once, as the offsets only grow).
    let (mut line, mut counted) = (1, 0);
    while rows.len() < MAX_ROWS {
        let more = reader.read_record(&mut record).map_err(|e| match e.position() {
            Some(p) => format!("第 {} 行：CSV 格式错误（{}）", p.line(), csv_reason(&e)),
            None => format!("CSV 格式错误（{}）", csv_reason(&e)),
        })?;
        if !more {
            break;
        }
        // A record after `\r\n` starts at its `\n`: count up to and including the first byte.
        let start = record.position().map_or(counted, |p| p.byte() as usize + 1).min(text.len()).max(counted);
        line += text.as_bytes()[counted..start].iter().filter(|&&b| b == b'\n').count();
        counted = start;
        rows.push((line, record.iter().map(|f| if f.trim().is_empty() { Cell::Empty } else { Cell::Text(f.to_string()) }).collect()));
    }
    Ok(Sheet { name: None, rows })
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "不是有效的 UTF-8 文本".into(),
        _ => e.to_string(),
    }
}

/// Every `<table>` of an HTML document, one sheet each (`表格 1`, `表格 2`…).
fn read_html_tables(html: &str) -> Vec<Sheet> {
    use scraper::{Html, Selector};
    let doc = Html::parse_document(html);
    let table = Selector::parse("table").expect("valid selector");
    let tr = Selector::parse("tr").expect("valid selector");
    let cell = Selector::parse("th, td").expect("valid selector");
    doc.select(&table)
        .enumerate()
        .map(|(i, t)| Sheet {
            name: Some(format!("表格 {}", i + 1)),
            rows: t
                .select(&tr)
                .take(MAX_ROWS)
                .enumerate()
                .map(|(r, row)| {
                    let cells = row
                        .select(&cell)
                        .map(|c| {
                            let text = c.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
                            if text.is_empty() { Cell::Empty } else { Cell::Text(text) }
                        })
                        .collect();
                    (r + 1, cells)
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sheet: &Sheet) -> Vec<(usize, Vec<String>)> {
        sheet.rows.iter().map(|(n, cells)| (*n, cells.iter().map(Cell::text).collect())).collect()
    }

    #[test]
    fn csv_in_utf8_gbk_and_utf16_with_any_separator() {
        let want = vec![(1, vec!["日期".to_string(), "阅读次数".into()]), (2, vec!["2026-03-02".into(), "1,234".into()])];
        let utf8 = "日期,阅读次数\n2026-03-02,\"1,234\"\n";
        let (format, sheets) = read_sheets(utf8.as_bytes()).unwrap();
        assert_eq!((format, texts(&sheets[0])), (FileFormat::Csv, want.clone()));
        let bom = [&[0xEF, 0xBB, 0xBF][..], utf8.as_bytes()].concat();
        assert_eq!(texts(&read_sheets(&bom).unwrap().1[0]), want);
        let (gbk, _, _) = encoding_rs::GBK.encode(utf8);
        assert_eq!(texts(&read_sheets(&gbk).unwrap().1[0]), want);
        let tsv = "日期\t阅读次数\r\n2026-03-02\t1,234\r\n";
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(tsv.encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(texts(&read_sheets(&utf16).unwrap().1[0]), want);
    }

    /// A zip archive of one empty stored part, `a.xml`, that declares `size` bytes unpacked.
    fn declared_zip(size: u32) -> Vec<u8> {
        let name = b"a.xml";
        let mut local = vec![0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0];
        local.extend(0u32.to_le_bytes()); // crc
        local.extend(2u32.to_le_bytes()); // compressed size: an empty deflate block
        local.extend(size.to_le_bytes());
        local.extend((name.len() as u16).to_le_bytes());
        local.extend(0u16.to_le_bytes());
        local.extend(name);
        local.extend([3, 0]); // deflate: final empty fixed block
        let cd_offset = local.len() as u32;
        let mut cd = vec![0x50, 0x4b, 0x01, 0x02, 20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0];
        cd.extend(0u32.to_le_bytes());
        cd.extend(2u32.to_le_bytes());
        cd.extend(size.to_le_bytes());
        cd.extend((name.len() as u16).to_le_bytes());
        cd.extend([0, 0, 0, 0, 0, 0, 0, 0]); // extra, comment, disk, internal attributes
        cd.extend(0u32.to_le_bytes()); // external attributes
        cd.extend(0u32.to_le_bytes()); // local header offset
        cd.extend(name);
        let mut eocd = vec![0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0];
        eocd.extend((cd.len() as u32).to_le_bytes());
        eocd.extend(cd_offset.to_le_bytes());
        eocd.extend(0u16.to_le_bytes());
        [local, cd, eocd].concat()
    }

    #[test]
    fn html_tables_and_broken_files() {
        let html = "<html><body><table><tr><th>时间</th><th>新关注人数</th></tr><tr><td>2026-03-02</td><td> 5 </td></tr></table></body></html>";
        let (format, sheets) = read_sheets(html.as_bytes()).unwrap();
        assert_eq!(format, FileFormat::HtmlTable);
        assert_eq!(texts(&sheets[0])[1], (2, vec!["2026-03-02".to_string(), "5".into()]));
        let err = read_sheets(b"PK\x03\x04 not really a zip").unwrap_err();
        assert!(err.starts_with("无法打开：文件已损坏"), "{err}");
        let err = read_sheets(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0]).unwrap_err();
        assert!(err.starts_with("无法打开"), "{err}");
        assert!(read_sheets(b"\x00\x01\x02binary").is_err());
        // A zip whose one part declares 1 GiB: refused before anything is unpacked.
        let err = read_sheets(&declared_zip(1 << 30)).unwrap_err();
        assert!(err.starts_with("工作簿解压后过大（1024 MB）"), "{err}");
        assert!(read_sheets(&declared_zip(10)).unwrap_err().starts_with("无法打开"), "small but not a workbook");
        assert!(read_sheets(&[0x81, 0x20, 0xFF, 0xFE, 0x80]).is_err(), "neither UTF-8 nor GBK");
    }
}

#[cfg(test)]
mod robustness {
    use super::*;
    use proptest::prelude::*;

    const XLSX: &[u8] = include_bytes!("../../../../tests/fixtures/health/stats/sunshine-trend.xlsx");
    const XLS: &[u8] = include_bytes!("../../../../tests/fixtures/health/stats/liuhe-notified.xls");

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Damaged workbooks (bytes overwritten, or cut short) give an error or sheets, never a panic.
        #[test]
        fn damaged_workbooks_do_not_panic(which in 0..2usize, edits in prop::collection::vec((any::<usize>(), any::<u8>()), 1..20), cut in any::<usize>()) {
            let mut bytes = if which == 0 { XLSX.to_vec() } else { XLS.to_vec() };
            for (at, b) in edits {
                let i = at % bytes.len();
                bytes[i] = b;
            }
            bytes.truncate(8 + cut % bytes.len());
            let _ = read_sheets(&bytes);
        }

        #[test]
        fn any_text_reads_as_csv_or_fails_cleanly(text in ".{0,400}") {
            let _ = read_sheets(text.as_bytes());
        }
    }
}
