//! The progress bar of the link check: URLs done / total and failures so far,
//! on stderr, only when stderr is a terminal and progress is wanted.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Whether to draw at all: never into a pipe or a file (CI logs, `--format json`
/// consumers), never when the caller turned progress off (`--quiet`).
pub fn wanted(progress_option: bool, stderr_is_terminal: bool) -> bool {
    progress_option && stderr_is_terminal
}

pub struct Progress {
    bar: Option<ProgressBar>,
    failures: usize,
}

impl Progress {
    pub fn new(total: usize, progress_option: bool) -> Progress {
        if !wanted(progress_option, std::io::stderr().is_terminal()) {
            return Progress {
                bar: None,
                failures: 0,
            };
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} checking links [{bar:30}] {pos}/{len} URLs, {msg} ({elapsed})",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message("0 failed");
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress {
            bar: Some(bar),
            failures: 0,
        }
    }

    /// `done` more URLs finished, `failed` of them with a finding.
    pub fn advance(&mut self, done: usize, failed: usize) {
        self.failures += failed;
        if let Some(bar) = &self.bar {
            bar.inc(done as u64);
            if failed > 0 {
                bar.set_message(format!("{} failed", self.failures));
            }
        }
    }

    /// Removes the bar so the report that follows starts on a clean line.
    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawn_only_on_a_terminal_when_wanted() {
        assert!(wanted(true, true));
        assert!(!wanted(true, false));
        assert!(!wanted(false, true));
        // Under `cargo test` stderr is captured: no bar, and using it is harmless.
        let mut p = Progress::new(3, true);
        p.advance(2, 1);
        p.finish();
    }
}
