//! Every rule, once: its metadata (code, name, default severity, fixability)
//! and its check over a parsed `Document`.
//!
//! Adding a rule: one file under `src/rules/<category>/`, one line in
//! `CHECKS` (or `STAGE_RULES` for rules emitted by a run-wide stage), one
//! doc `rules/<CODE>.md`, fixtures and tests.

pub mod front_matter;
pub mod grammar;
pub mod io;
pub mod links;
pub mod markdown;
pub mod spelling;

use crate::config::FileConfig;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    FrontMatter,
    Links,
    Markdown,
    Spelling,
    Grammar,
    Io,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::FrontMatter => "front-matter",
            Category::Links => "links",
            Category::Markdown => "markdown",
            Category::Spelling => "spelling",
            Category::Grammar => "grammar",
            Category::Io => "io",
        }
    }
}

/// What a rule is, independent of any file.
#[derive(PartialEq, Eq)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub category: Category,
    /// `None`: off unless turned on in config.
    pub default_severity: Option<Severity>,
    pub fixable: bool,
    pub summary: &'static str,
    /// The rule's documentation (`rules/<CODE>.md`), embedded.
    pub doc: &'static str,
}

impl std::fmt::Debug for RuleMeta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}({})", self.code, self.name)
    }
}

/// What a rule sees besides the document.
pub struct Context<'a> {
    pub config: &'a FileConfig,
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// Rules that check one document at a time.
pub static CHECKS: &[&dyn Rule] = &[
    &front_matter::missing_front_matter::MissingFrontMatter,
    &front_matter::unclosed_front_matter::UnclosedFrontMatter,
    &front_matter::invalid_front_matter::InvalidFrontMatter,
    &front_matter::duplicate_key::DuplicateKey,
    &front_matter::missing_field::MissingField,
    &front_matter::wrong_type::WrongType,
    &front_matter::invalid_date::InvalidDate,
    &front_matter::empty_field::EmptyField,
    &front_matter::untrimmed_value::UntrimmedValue,
    &front_matter::unknown_field::UnknownField,
    &front_matter::invalid_value::InvalidValue,
    &front_matter::filename_date_mismatch::FilenameDateMismatch,
    &front_matter::schema_violation::SchemaViolation,
    &front_matter::ambiguous_yaml::AmbiguousYaml,
    &front_matter::misplaced_front_matter::MisplacedFrontMatter,
    &links::nested_link::NestedLink,
    &links::malformed_destination::MalformedDestination,
    &links::empty_link::EmptyLink,
    &links::link_text_whitespace::LinkTextWhitespace,
    &links::insecure_link::InsecureLink,
    &links::undefined_reference::UndefinedReference,
    &links::unused_definition::UnusedDefinition,
    &links::missing_local_target::MissingLocalTarget,
    &links::missing_anchor::MissingAnchor,
    &links::bare_url::BareUrl,
    &markdown::emphasis_as_heading::EmphasisAsHeading,
    &markdown::trailing_whitespace::TrailingWhitespace,
    &markdown::stray_emphasis_marker::StrayEmphasisMarker,
    &markdown::invisible_character::InvisibleCharacter,
    &markdown::missing_final_newline::MissingFinalNewline,
    &spelling::misspelling::Misspelling,
    &spelling::repeated_word::RepeatedWord,
    &spelling::repeated_punctuation::RepeatedPunctuation,
    &io::non_utf8_encoding::NonUtf8Encoding,
];

/// Rules whose diagnostics come from a stage of the run rather than from a
/// per-document check (the loader, the online link checker...).
pub static STAGE_RULES: &[&RuleMeta] = &[
    &io::unreadable_file::META,
    &io::too_large_file::META,
    &links::dead_link::META,
    &links::redirected_link::META,
    &spelling::unknown_word::META,
    &markdown::unused_disable_comment::META,
    &grammar::META,
];

/// Every rule, sorted by code.
pub fn all() -> Vec<&'static RuleMeta> {
    let mut v: Vec<&'static RuleMeta> = CHECKS.iter().map(|r| r.meta()).collect();
    v.extend(STAGE_RULES.iter().copied());
    v.sort_by_key(|m| m.code);
    v
}

/// A rule by code (`LK001`, any case) or name (`nested-link`).
pub fn find(key: &str) -> Option<&'static RuleMeta> {
    all()
        .into_iter()
        .find(|m| m.code.eq_ignore_ascii_case(key) || m.name == key)
}

/// The closest rule code or name to a mistyped one.
pub fn suggest(key: &str) -> Option<&'static str> {
    let mut best: Option<(usize, &'static str)> = None;
    for m in all() {
        for cand in [m.code, m.name] {
            let d = strsim::levenshtein(&key.to_ascii_lowercase(), &cand.to_ascii_lowercase());
            if d <= 2 && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, cand));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// Declares a rule's metadata with its embedded doc.
macro_rules! rule_meta {
    ($code:literal, $name:literal, $cat:ident, $sev:expr, $fixable:expr, $summary:literal) => {
        pub static META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            code: $code,
            name: $name,
            category: $crate::rules::Category::$cat,
            default_severity: $sev,
            fixable: $fixable,
            summary: $summary,
            doc: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/", $code, ".md")),
        };
    };
}
pub(crate) use rule_meta;

/// Implements `Rule::meta` for a unit struct with a `META` static beside it.
macro_rules! impl_meta {
    () => {
        fn meta(&self) -> &'static $crate::rules::RuleMeta {
            &META
        }
    };
}
pub(crate) use impl_meta;

/// What rule files need.
pub(crate) mod prelude {
    pub(crate) use super::{Context, Rule, impl_meta, rule_meta};
    pub use crate::diagnostic::{Diagnostic, Fix, Severity};
    pub use crate::document::{Document, Span};
}
