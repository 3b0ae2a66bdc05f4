//! JSON output: one array, one object per input, in command-line order:
//! `{"path", "title", "findings": [Finding…]}` or, for an input that could not be read,
//! `{"path", "error"}`. Findings are serialized exactly as the library defines them
//! (UTF-16 `start`/`end` into the text of `field`/`block`).

use serde::Serialize;
use std::io::{self, Write};
use wxlint::Finding;

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Report {
    Checked { path: String, title: String, findings: Vec<Finding> },
    Failed { path: String, error: String },
}

pub fn write_reports(out: &mut dyn Write, reports: &[Report]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, reports).map_err(io::Error::from)?;
    writeln!(out)
}
