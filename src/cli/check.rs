//! `wxlint check`: build the checker, check every input, write the results, choose the exit
//! status (see the module documentation of `cli` for the rules).

use super::args::{CheckArgs, CheckFormat};
use super::batch::map_ordered;
use super::color::Painter;
use super::input::{load, validate};
use super::output_json::{write_reports, Report};
use super::output_sarif::SarifLog;
use super::output_text::{write_document, write_summary};
use super::setup::{build_checker, checker_config};
use super::{output_error, CliError, EXIT_BLOCK, EXIT_ERROR, EXIT_OK};
use std::io::{self, Write};
use wxlint::{Finding, Severity};

/// Counts over the whole run.
#[derive(Debug, Default)]
pub struct Tally {
    /// Inputs checked.
    pub files: usize,
    /// Inputs that could not be read.
    pub failed: usize,
    counts: [usize; 4],
}

impl Tally {
    fn add(&mut self, findings: &[Finding]) {
        self.files += 1;
        for f in findings {
            self.counts[f.severity as usize] += 1;
        }
    }

    pub fn count(&self, s: Severity) -> usize {
        self.counts[s as usize]
    }

    fn exit_code(&self) -> i32 {
        if self.failed > 0 {
            EXIT_ERROR
        } else if self.count(Severity::Block) > 0 {
            EXIT_BLOCK
        } else {
            EXIT_OK
        }
    }
}

/// Files per parallel chunk of `check`.
const CHUNK: usize = 256;

pub fn run(args: &CheckArgs) -> Result<i32, CliError> {
    validate(&args.paths)?;
    let config = checker_config(&args.checker)?;
    let cache = super::cache::restore(args.checker.uses_cache(), config.builtin_lexicon);
    let checker = build_checker(&args.checker, config)?.checker;
    let painter = Painter::new(args.color);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut tally = Tally::default();
    let mut reports = Vec::new();
    let mut sarif = SarifLog::default();

    let written = (|| -> io::Result<()> {
        // Files are read, extracted and checked on every core, a chunk at a time, and written in
        // the order given as each chunk completes (output keeps streaming on a long list).
        let checked = args.paths.chunks(CHUNK).flat_map(|chunk| {
            map_ordered(
                chunk.len(),
                |i| load(&chunk[i], args.title.as_deref()).map(|doc| {
                    let findings = checker.check(&doc.article);
                    (doc, findings)
                }),
                |_| {},
            )
        });
        for outcome in checked {
            match outcome {
                Ok((doc, findings)) => {
                    if doc.simplified {
                        eprintln!("wxlint: {}: 警告：{}", doc.path, wxlint::extract::SIMPLIFIED_WARNING);
                    }
                    tally.add(&findings);
                    match args.format {
                        CheckFormat::Text => {
                            write_document(&mut out, &doc, &findings, &painter)?;
                            out.flush()?; // keep stdout in step with errors on stderr
                        }
                        CheckFormat::Json => {
                            reports.push(Report::Checked { path: doc.path, title: doc.article.title, findings })
                        }
                        CheckFormat::Sarif => sarif.add_document(&doc, &findings),
                    }
                }
                Err(e) => {
                    eprintln!("wxlint: {e}");
                    tally.failed += 1;
                    let error = match e.line {
                        Some(line) => format!("line {line}: {}", e.reason),
                        None => e.reason,
                    };
                    match args.format {
                        CheckFormat::Text => {}
                        CheckFormat::Json => reports.push(Report::Failed { path: e.path, error }),
                        CheckFormat::Sarif => sarif.add_failure(&e.path, &error),
                    }
                }
            }
        }
        match args.format {
            CheckFormat::Text => write_summary(&mut out, &tally, &painter)?,
            CheckFormat::Json => write_reports(&mut out, &reports)?,
            CheckFormat::Sarif => std::mem::take(&mut sarif).write(&mut out)?,
        }
        out.flush()
    })();
    super::cache::store(cache);
    match written.err().and_then(output_error) {
        Some(e) => Err(e),
        None => Ok(tally.exit_code()),
    }
}
