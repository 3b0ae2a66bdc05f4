//! Reading the inputs of `check`: files or stdin, UTF-8 decoding, format detection, extraction
//! and the `--title` override.

use super::CliError;
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use wxlint::extract::{detect_format, extract};
use wxlint::Article;

/// The path that means standard input.
pub const STDIN: &str = "-";

/// One input, read and extracted.
pub struct Document {
    /// The path as given on the command line (`-` for stdin).
    pub path: String,
    /// The decoded source (without a byte-order mark), for mapping findings to lines.
    pub source: String,
    pub article: Article,
    /// 1-based source line of each body block, when the reader knows it.
    pub block_lines: Vec<Option<usize>>,
    /// The markup was simplified before it was read (see `Extracted::simplified`).
    pub simplified: bool,
}

/// An input that could not be read.
pub struct InputError {
    pub path: String,
    /// The line of the problem, when there is one (invalid UTF-8).
    pub line: Option<usize>,
    pub reason: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}

/// Usage checks on the list of inputs, before anything is read.
pub fn validate(paths: &[std::path::PathBuf]) -> Result<(), CliError> {
    if paths.iter().filter(|p| p.as_os_str() == STDIN).count() > 1 {
        return Err(CliError("standard input ('-') can be given only once".into()));
    }
    Ok(())
}

/// Reads, decodes and extracts one input; `title` replaces the article's title.
pub fn load(path: &Path, title: Option<&str>) -> Result<Document, InputError> {
    let shown = path.display().to_string();
    let is_stdin = path.as_os_str() == STDIN;
    let bytes = if is_stdin { read_stdin() } else { read_file(path) }
        .map_err(|reason| InputError { path: shown.clone(), line: None, reason })?;
    let source = decode(bytes)
        .map_err(|line| InputError { path: shown.clone(), line: Some(line), reason: NOT_UTF8.into() })?;
    let format = detect_format((!is_stdin).then_some(path), &source);
    let extracted = extract(&source, format);
    let mut article = extracted.article;
    if let Some(t) = title {
        article.title = t.to_string();
    }
    Ok(Document { path: shown, source, article, block_lines: extracted.block_lines, simplified: extracted.simplified })
}

/// The default of `--max-input-mb`: far above WeChat's 50,000-character / 10 MB body limit.
pub const DEFAULT_MAX_INPUT_MB: u32 = 64;
/// The highest `--max-input-mb` accepted (text offsets are 32-bit; 1 GiB stays well inside).
pub const MAX_INPUT_MB_LIMIT: u32 = 1024;

static MAX_INPUT_MB: AtomicU32 = AtomicU32::new(DEFAULT_MAX_INPUT_MB);

/// Sets the size limit of every input read from now on (`--max-input-mb`).
pub fn set_max_input_mb(mb: u32) {
    MAX_INPUT_MB.store(mb.clamp(1, MAX_INPUT_MB_LIMIT), Ordering::Relaxed);
}

/// The size limit in bytes.
pub fn max_input_bytes() -> u64 {
    u64::from(MAX_INPUT_MB.load(Ordering::Relaxed)) << 20
}

/// The reason given for an input over the limit (the report translates reasons it knows;
/// this one carries both languages).
pub fn too_large(limit: u64) -> String {
    let mb = limit >> 20;
    format!("文件过大：超过 {mb} MB 的上限，未检查（可用 --max-input-mb 调整） / too large: over the {mb} MB limit, not read (see --max-input-mb)")
}

/// Reads at most the size limit from `reader`; more is an error, and nothing beyond the
/// limit is read (so /dev/zero or an endless pipe stops at the limit).
pub fn read_capped(reader: impl Read) -> Result<Vec<u8>, String> {
    let limit = max_input_bytes();
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes).map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

fn read_stdin() -> Result<Vec<u8>, String> {
    read_capped(io::stdin().lock()).map_err(|e| format!("cannot read standard input: {e}"))
}

/// Reads a file, up to the size limit. Directories are refused: `check` takes files. A
/// regular file over the limit is refused before it is read; anything else (a pipe such as
/// `<(cmd)`, a device) is read up to the limit.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    if path.is_dir() {
        return Err("is a directory (check takes files, e.g. dir/*.html)".into());
    }
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    if let Ok(meta) = file.metadata() {
        if meta.is_file() && meta.len() > max_input_bytes() {
            return Err(too_large(max_input_bytes()));
        }
    }
    read_capped(file)
}

/// A short reason for an I/O error, without the "(os error N)" suffix when the kind says it.
pub fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// The reason given for a file that is not UTF-8 (often GBK, from older Chinese editors).
pub const NOT_UTF8: &str = "not valid UTF-8 (save the file as UTF-8)";

/// Decodes UTF-8, dropping a byte-order mark. The error is the 1-based line of the first bad
/// byte.
pub fn decode(bytes: Vec<u8>) -> Result<String, usize> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..'\u{feff}'.len_utf8());
            }
            Ok(s)
        }
        Err(e) => {
            let good = e.utf8_error().valid_up_to();
            Err(1 + e.as_bytes()[..good].iter().filter(|&&b| b == b'\n').count())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stop_at_the_limit() {
        // An endless reader: only the limit (plus one byte) is read, then refused.
        let endless = std::io::repeat(b'x');
        let e = read_capped(endless).unwrap_err();
        assert!(e.starts_with("文件过大：超过 64 MB") && e.contains("too large"), "{e}");
        assert_eq!(read_capped(&b"abc"[..]).unwrap(), b"abc");
    }

    #[test]
    fn decode_drops_the_bom_and_names_the_bad_line() {
        assert_eq!(decode(b"\xef\xbb\xbfab".to_vec()).unwrap(), "ab");
        assert_eq!(decode(b"ok\nstill ok\n\xd6\xd0\xce\xc4".to_vec()), Err(3));
    }
}
