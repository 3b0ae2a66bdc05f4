//! Reading the inputs of `check`: files or stdin, UTF-8 decoding, format detection, extraction
//! and the `--title` override.

use super::CliError;
use std::io::{self, Read};
use std::path::Path;
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
    Ok(Document { path: shown, source, article, block_lines: extracted.block_lines })
}

fn read_stdin() -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    io::stdin().lock().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {}", io_reason(&e)))?;
    Ok(bytes)
}

/// Reads a regular file. Directories are refused: `check` takes files.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    if path.is_dir() {
        return Err("is a directory (check takes files, e.g. dir/*.html)".into());
    }
    std::fs::read(path).map_err(|e| io_reason(&e))
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
    fn decode_drops_the_bom_and_names_the_bad_line() {
        assert_eq!(decode(b"\xef\xbb\xbfab".to_vec()).unwrap(), "ab");
        assert_eq!(decode(b"ok\nstill ok\n\xd6\xd0\xce\xc4".to_vec()), Err(3));
    }
}
