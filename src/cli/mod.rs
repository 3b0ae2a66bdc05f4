//! The `wxlint` command line: `wxlint check …`, `wxlint report …` and `wxlint rules`.
//!
//! Exit status:
//! - 0: nothing found that must be fixed (no finding of severity `block`);
//! - 1: at least one `block` finding;
//! - 2: a usage or input error — bad arguments (clap's own errors included), an unreadable or
//!   malformed config or lexicon, an input that cannot be read, is a directory or is not UTF-8.
//!   The reason is one line on stderr, prefixed `wxlint: `.
//!
//! Several inputs, some unreadable: every readable input is still checked and reported (in
//! JSON, the unreadable ones appear as `{"path": …, "error": …}`), each unreadable one is named
//! on stderr, and the exit status is 2 whatever the other findings are — a run that could not
//! look at everything must neither pass as clean nor be taken for "findings only". Errors in the
//! config or a lexicon stop the run before any input is read.
//!
//! `report` differs on one point: it is made for a batch (a quarter's articles), so files that
//! cannot be read, and statistics files (`--stats`) or rows that cannot, are listed in the
//! report and do not change the exit status; 2 is kept for usage errors (config, lexicon, a bad
//! date or a missing `--stats` path, no article file found, report not writable).

mod args;
mod batch;
mod cache;
mod check;
mod color;
mod context;
mod files;
mod health;
mod input;
mod location;
mod output_json;
mod output_sarif;
mod output_text;
mod progress;
mod report;
mod report_html;
mod report_json;
mod rules_list;
mod setup;

use clap::Parser;
use std::fmt;
use std::io;

/// No finding must be fixed.
pub const EXIT_OK: i32 = 0;
/// At least one finding of severity `block`.
pub const EXIT_BLOCK: i32 = 1;
/// Usage or input error.
pub const EXIT_ERROR: i32 = 2;

/// An error that ends the run with [`EXIT_ERROR`]; printed as `wxlint: {0}`.
#[derive(Debug, Clone)]
pub struct CliError(pub String);

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Writing to stdout failed. A closed pipe (`wxlint check … | head`) is not an error.
fn output_error(e: io::Error) -> Option<CliError> {
    (e.kind() != io::ErrorKind::BrokenPipe).then(|| CliError(format!("cannot write the output: {e}")))
}

/// Runs the command line; returns the exit status.
pub fn main() -> i32 {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // --help and --version are not errors.
            return if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
        }
    };
    let result = match cli.command {
        args::Command::Check(a) => check::run(&a),
        args::Command::Report(a) => report::run(&a),
        args::Command::Rules(a) => rules_list::run(&a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("wxlint: {e}");
            EXIT_ERROR
        }
    }
}
