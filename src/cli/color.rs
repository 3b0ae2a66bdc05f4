//! Terminal colours: hand-written ANSI escapes, on or off as `--color` and the environment say.

use super::args::ColorMode;
use std::io::IsTerminal;
use wxlint::Severity;

/// What a piece of text is, for colouring.
#[derive(Debug, Clone, Copy)]
pub enum Paint {
    /// File headers.
    Header,
    /// Locations, rule ids, context: secondary information.
    Dim,
    /// "No problems found".
    Ok,
    /// A severity label.
    Severity(Severity),
    /// The matched text inside a context line.
    Match(Severity),
}

/// Colours text, or passes it through when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    pub enabled: bool,
}

impl Painter {
    /// `auto`: colour when stdout is a terminal and `NO_COLOR` is unset or empty (no-color.org).
    pub fn new(mode: ColorMode) -> Painter {
        let enabled = match mode {
            ColorMode::Always => true,
            ColorMode::Never => false,
            ColorMode::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        Painter { enabled }
    }

    pub fn paint(&self, paint: Paint, text: &str) -> String {
        if !self.enabled || text.is_empty() {
            return text.to_string();
        }
        let code = match paint {
            Paint::Header => "1".to_string(),
            Paint::Dim => "2".to_string(),
            Paint::Ok => "32".to_string(),
            Paint::Severity(s) => format!("1;{}", severity_color(s)),
            Paint::Match(s) => format!("1;4;{}", severity_color(s)),
        };
        format!("\x1b[{code}m{text}\x1b[0m")
    }
}

/// Red, magenta, yellow, blue for block, review, warn, info.
fn severity_color(s: Severity) -> u8 {
    match s {
        Severity::Block => 31,
        Severity::Review => 35,
        Severity::Warn => 33,
        Severity::Info => 34,
    }
}
