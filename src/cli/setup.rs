//! Building the checker from `--config`, `--no-builtin-lexicon` and `--lexicon`.

use super::args::CheckerArgs;
use super::input::{decode, read_file, NOT_UTF8};
use super::CliError;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use wxlint::lexicon::is_valid_id;
use wxlint::{Checker, Config, LoadStats};

/// A lexicon loaded with `--lexicon`, for the report's configuration summary.
#[derive(Debug)]
pub struct LoadedLexicon {
    /// The file, as given.
    pub name: String,
    /// The category of `CATEGORY=FILE`.
    pub category: Option<String>,
    pub stats: LoadStats,
}

/// A checker and what went into it.
#[derive(Debug)]
pub struct Setup {
    pub checker: Checker,
    /// The `--config` file, as given.
    pub config_file: Option<String>,
    /// The `--lexicon` files, in load order.
    pub lexicons: Vec<LoadedLexicon>,
}

/// The configuration the arguments ask for: `--config`'s file (or the default), with
/// `--no-builtin-lexicon` applied. Read before the start-up cache, which restores the built-in
/// lexicon only for a configuration that uses it. Any error here is a usage error (exit 2).
pub fn checker_config(args: &CheckerArgs) -> Result<Config, CliError> {
    super::input::set_max_input_mb(args.max_input_mb);
    let mut config = match &args.config {
        Some(path) => read_config(path)?,
        None => Config::default(),
    };
    if args.no_builtin_lexicon {
        config.builtin_lexicon = false;
    }
    Ok(config)
}

/// The checker the arguments ask for, with the configuration [`checker_config`] read. Any
/// error here is a usage error (exit 2).
pub fn build_checker(args: &CheckerArgs, config: Config) -> Result<Setup, CliError> {
    let shown = args.config.as_deref().map(|p| p.display().to_string());
    let mut checker = Checker::new(config).map_err(|e| match &shown {
        Some(p) => CliError(format!("{p}: {e}")),
        None => CliError(e.to_string()),
    })?;
    // Read every list first, then compile the matcher once for all of them.
    let mut read = Vec::new();
    for arg in &args.lexicons {
        let (category, file) = split_lexicon_arg(arg)?;
        read.push((file.display().to_string(), read_text(&file)?, category));
    }
    let batch: Vec<(&str, &str, Option<&str>)> = read.iter().map(|(n, t, c)| (n.as_str(), t.as_str(), c.as_deref())).collect();
    let stats = checker.load_lexicons(&batch).map_err(|e| CliError(e.to_string()))?;
    let lexicons = read.into_iter().zip(stats).map(|((name, _, category), stats)| LoadedLexicon { name, category, stats }).collect();
    Ok(Setup { checker, config_file: shown, lexicons })
}

fn read_config(path: &Path) -> Result<Config, CliError> {
    let text = read_text(path)?;
    Config::from_json(&text).map_err(|e| CliError(format!("{}: {e}", path.display())))
}

/// Reads a UTF-8 text file; errors name the file (and the line, for invalid UTF-8).
fn read_text(path: &Path) -> Result<String, CliError> {
    let shown = path.display();
    let bytes = read_file(path).map_err(|reason| CliError(format!("{shown}: {reason}")))?;
    decode(bytes).map_err(|line| CliError(format!("{shown}:{line}: {NOT_UTF8}")))
}

/// `FILE` or `CATEGORY=FILE`. The second reading applies only when the part before `=` is a
/// valid category id and the whole argument is not an existing path (so a file whose name
/// contains `=` still loads as itself).
fn split_lexicon_arg(arg: &OsStr) -> Result<(Option<String>, PathBuf), CliError> {
    let whole = PathBuf::from(arg);
    if whole.exists() {
        return Ok((None, whole));
    }
    if let Some((category, file)) = arg.to_str().and_then(|s| s.split_once('=')) {
        if is_valid_id(category) {
            if file.is_empty() {
                return Err(CliError(format!("--lexicon {category}=: missing file name after '='")));
            }
            return Ok((Some(category.to_string()), PathBuf::from(file)));
        }
    }
    Ok((None, whole))
}

