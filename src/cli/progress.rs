//! A progress bar on stderr for long batches: `\r[#####     ] 123/500`, redrawn in place and
//! erased at the end. Shown only when the batch is large and stderr is a terminal; otherwise
//! (logs, CI, tests) nothing at all is written.

use std::io::{self, IsTerminal, Write};

/// Batches up to this many files get no progress bar.
pub const MIN_FILES: usize = 20;
const WIDTH: usize = 30;

pub struct Progress {
    total: usize,
    done: usize,
    enabled: bool,
    drawn: bool,
}

impl Progress {
    pub fn new(total: usize) -> Progress {
        Progress { total, done: 0, enabled: total > MIN_FILES && io::stderr().is_terminal(), drawn: false }
    }

    /// `done` files done (redrawn only when the count moved).
    pub fn advance_to(&mut self, done: usize) {
        let done = done.min(self.total);
        if done == self.done && self.drawn {
            return;
        }
        self.done = done;
        if self.enabled {
            self.drawn = true;
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r{}", bar(self.done, self.total));
            let _ = err.flush();
        }
    }

    /// Erases the bar, so that the summary line starts clean.
    pub fn finish(&mut self) {
        if self.enabled && self.drawn {
            let width = bar(self.total, self.total).chars().count();
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r{}\r", " ".repeat(width));
            let _ = err.flush();
        }
        self.drawn = false;
    }
}

/// `[#####     ] 123/500`.
pub fn bar(done: usize, total: usize) -> String {
    let filled = (done.min(total) * WIDTH).checked_div(total).unwrap_or(WIDTH);
    format!("[{}{}] {done}/{total}", "#".repeat(filled), " ".repeat(WIDTH - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars() {
        assert_eq!(bar(0, 10), format!("[{}] 0/10", " ".repeat(30)));
        assert_eq!(bar(5, 10), format!("[{}{}] 5/10", "#".repeat(15), " ".repeat(15)));
        assert_eq!(bar(500, 500), format!("[{}] 500/500", "#".repeat(30)));
    }
}
