//! Grammar checking of prose: French through Grammalecte, English through harper.
//!
//! This module owns the grammar engines and nothing else. It receives, per
//! document, the file text and the prose already located by the Markdown scan
//! ([`ProseParagraph`]: byte ranges of prose pieces plus ranges to mask), builds
//! one plain-text paragraph per [`ProseParagraph`] with a map from every
//! character back to the bytes of the file, runs the engine, and returns
//! [`GrammarFinding`]s whose ranges are byte ranges of the *file*.
//!
//! It must not parse Markdown or front matter (the scan does), decide severities
//! or render diagnostics (the GR001 rule and the reporters do), nor report
//! spelling (the TY rules do): engine spelling findings are always dropped.
//!
//! - French: [`check_french_batch`] sends a whole run's paragraphs to the
//!   external `grammalecte-cli` in a few invocations (one per core at most),
//!   because starting its Python interpreter and dictionaries costs far more than
//!   checking one post.
//! - English: [`check_english`] runs `harper-core` in process; each thread keeps
//!   its own linter set, so it can be called from rayon workers.
//!
//! Noise control ([`GrammarOptions`]): typographic advice is dropped unless
//! `typography` is set, rule ids listed in `rules/grammar/default-off.txt` are
//! dropped unless allowed, and `allow` / `deny` name rule ids, rule names or
//! engine categories.

mod filter;
mod grammalecte;
mod harper;
mod text;

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

pub use filter::{DefaultOff, default_off_rules, is_default_off, rule_name};
pub use grammalecte::{INSTALL_HINT, check_french, check_french_batch, grammalecte_available};
pub use harper::check_english;

/// One paragraph of prose, as located by the Markdown scan.
///
/// `pieces` are the byte ranges of prose in the file, in order; whatever lies
/// between two pieces is markup (`**`, `[`, `](...)`, a line break...) and is
/// not sent to the engine, except that a gap holding whitespace or a `<br>`
/// becomes one space so the words on both sides stay apart. `masks` are byte
/// ranges inside the pieces (inline code, URLs, link text that is a URL,
/// template tags) that the engine must not read as words: they are replaced by
/// neutral text and findings entirely inside them are dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProseParagraph {
    /// Byte ranges of prose in the file, in increasing order.
    pub pieces: Vec<Range<usize>>,
    /// Byte ranges inside the pieces to hide from the engine.
    pub masks: Vec<Range<usize>>,
}

/// The single-line text an engine reads for `paragraph` of `file`: pieces
/// joined, line breaks as spaces, masks as placeholder words. For debugging
/// and for measuring an engine alone on exactly what the stage gives it.
pub fn engine_text(file: &str, paragraph: &ProseParagraph) -> String {
    text::EngineText::build(file, paragraph).as_str().to_owned()
}

impl ProseParagraph {
    /// A paragraph made of one contiguous range (a front-matter value, a test).
    pub fn single(range: Range<usize>) -> Self {
        Self {
            pieces: vec![range],
            masks: Vec::new(),
        }
    }
}

/// What the grammar stage is allowed to report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GrammarOptions {
    /// Keep French typographic advice (apostrophes, non-breaking spaces,
    /// dashes, quotes, number grouping, extra spaces). Off by default: it is
    /// house style, not grammar, and it floods real posts.
    pub typography: bool,
    /// Rule ids, rule names or categories to report even when they are off by
    /// default (typography families, `default-off.txt`). Spelling stays off.
    pub allow: Vec<String>,
    /// Rule ids, rule names or categories never to report. Wins over `allow`.
    pub deny: Vec<String>,
    /// The Grammalecte command; `grammalecte-cli` from `PATH` when `None`.
    pub grammalecte_cmd: Option<PathBuf>,
    /// At most this many Grammalecte processes at once; one per core when
    /// `None`. Small batches use fewer (see [`check_french_batch`]).
    pub processes: Option<usize>,
}

/// The engine that produced a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Engine {
    /// Grammalecte (French), run as `grammalecte-cli`.
    Grammalecte,
    /// harper-core (English), in process.
    Harper,
}

impl Engine {
    /// The engine's name as shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Grammalecte => "grammalecte",
            Engine::Harper => "harper",
        }
    }
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One grammar error, located in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrammarFinding {
    /// Byte range in the file (never an offset inside a paragraph).
    pub range: Range<usize>,
    /// The engine that reported it.
    pub engine: Engine,
    /// The engine's own rule id: Grammalecte's `sRuleId`
    /// (`g2__conj_il__b1_a1_1`), harper's linter name (`AnA`).
    pub rule_id: String,
    /// The engine's family for the rule: Grammalecte's option (`conj`, `gn`,
    /// `conf`...), harper's lint kind (`Agreement`, `Repetition`...).
    pub category: String,
    /// The engine's message, as written by the engine.
    pub message: String,
    /// Replacements for the text in `range`, best first.
    pub suggestions: Vec<String>,
    /// Whether `range` covers exactly the text the engine read, with no markup,
    /// mask or line break inside: only then can a suggestion replace it as is.
    pub replaceable: bool,
    /// One of several findings the engine gives for a single slip, on
    /// neighbouring words (Grammalecte's `il → ils` and `sont → est` for
    /// `il sont`). Each is worth showing, but applying more than one fix would
    /// be wrong (`ils est`), so none of them has a fix.
    pub alternative: bool,
}

impl GrammarFinding {
    /// The single replacement when the engine offers exactly one, the range
    /// can be replaced as is, and the finding is not one of several
    /// alternatives. Grammar fixes change meaning more often than spelling
    /// fixes, so callers should treat it as unsafe.
    pub fn fix(&self) -> Option<&str> {
        match self.suggestions.as_slice() {
            [only] if self.replaceable && !self.alternative => Some(only.as_str()),
            _ => None,
        }
    }
}

/// Why the French engine could not run.
#[derive(Debug)]
pub enum GrammarError {
    /// The Grammalecte command was not found.
    NotInstalled {
        /// The command that was tried.
        command: PathBuf,
        /// What the user should run to install it.
        install_hint: &'static str,
    },
    /// The command ran but failed.
    Failed {
        /// The command that was run.
        command: PathBuf,
        /// Its exit status, as text.
        status: String,
        /// The end of its standard error.
        stderr: String,
    },
    /// The command's output was not the JSON we expect.
    BadOutput {
        /// The command that was run.
        command: PathBuf,
        /// What went wrong while reading it.
        detail: String,
    },
    /// The batch file could not be written or the command could not be started.
    Io {
        /// What we were doing.
        context: &'static str,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl fmt::Display for GrammarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GrammarError::NotInstalled {
                command,
                install_hint,
            } => write!(
                f,
                "French grammar checking needs Grammalecte, but `{}` was not found; install it with `{}`",
                command.display(),
                install_hint
            ),
            GrammarError::Failed {
                command,
                status,
                stderr,
            } => write!(
                f,
                "`{}` failed ({status}): {}",
                command.display(),
                stderr.trim()
            ),
            GrammarError::BadOutput { command, detail } => {
                write!(
                    f,
                    "could not read the output of `{}`: {detail}",
                    command.display()
                )
            }
            GrammarError::Io { context, source } => write!(f, "{context}: {source}"),
        }
    }
}

impl std::error::Error for GrammarError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GrammarError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
