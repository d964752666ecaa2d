//! Front matter: finding the block at the top of a file (`split`) and reading
//! it into a [`Node`] tree where every key and value keeps its byte span.
//!
//! This module records facts (syntax errors, duplicate keys, an unclosed or
//! misplaced block); rules in `crate::rules` turn facts into diagnostics.

pub mod dates;
mod json;
pub mod split;
mod toml_fm;
mod yaml;

use crate::document::Span;

/// The syntax of a front-matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
    Json,
    /// Eleventy's `---js` block: JavaScript that only Eleventy can run.
    /// Recognised so that it is not mistaken for missing front matter, and
    /// never validated.
    JavaScript,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
            Format::Json => "JSON",
            Format::JavaScript => "JavaScript",
        }
    }
}

/// How a scalar was written, when the syntax tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
    /// TOML or JSON: a quoted string in that syntax.
    Quoted,
    /// Containers and non-string scalars.
    Other,
}

/// A value of the front matter, with its span in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub style: Style,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    /// A date or datetime the syntax itself reads as one: a TOML datetime, or
    /// an unquoted YAML timestamp (`2020-03-31`) that Ruby and Go loaders turn
    /// into a time. Kept as written.
    Timestamp(String),
    List(Vec<Node>),
    Map(Vec<Entry>),
    /// A YAML alias (`*name`): never expanded, so alias bombs cost nothing.
    Alias,
}

/// One `key: value` pair. Duplicate keys stay as separate entries, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
    /// Copied from an anchored map by a YAML merge key (`<<: *base`): its
    /// spans are those of the anchor's entry, where rules that walk the
    /// whole tree have already seen it.
    pub merged: bool,
}

impl Value {
    /// The type name used in messages and in config (`type = "..."`).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Int(_) => "integer",
            Value::Float(_) => "number",
            Value::String(_) => "string",
            Value::Timestamp(_) => "date",
            Value::List(_) => "list",
            Value::Map(_) => "map",
            Value::Alias => "alias",
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) | Value::Timestamp(s) => Some(s),
            _ => None,
        }
    }

    /// Null, an empty or blank string, an empty list or map.
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Null => true,
            Value::String(s) => s.trim().is_empty(),
            Value::List(l) => l.is_empty(),
            Value::Map(m) => m.is_empty(),
            _ => false,
        }
    }
}

impl Node {
    /// Entries of a map node (empty for other nodes).
    pub fn entries(&self) -> &[Entry] {
        match &self.value {
            Value::Map(m) => m,
            _ => &[],
        }
    }

    /// The first entry named `key` (YAML loaders keep the last one; the first
    /// one is where authors look, and FM004 reports the others).
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries().iter().find(|e| e.key == key)
    }
}

/// A syntax error inside the block, at an exact place.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
    pub hint: Option<String>,
    /// Strict YAML 1.2 refuses it, but the libyaml-based loaders of site
    /// generators accept it: the tree was still built (FM014 reports it).
    pub lenient: bool,
}

/// A key given twice in the same map.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    pub key: String,
    pub first: Span,
    pub again: Span,
}

/// Where the block sits in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// On the first line (after an optional byte-order mark): what every
    /// generator expects.
    AtStart,
    /// After blank lines, which generators do not accept: `blank` is the
    /// span of those lines.
    AfterBlankLines { blank: Span },
}

/// A front-matter block found at the top of a file.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    pub format: Format,
    /// The whole block, fences included.
    pub span: Span,
    pub open_fence: Span,
    /// Between the fences (for JSON: the object itself).
    pub content: Span,
    /// `None` when the block is never closed.
    pub close_fence: Option<Span>,
    /// For an unclosed block: a line that looks like a mistyped closing fence.
    pub near_miss_fence: Option<Span>,
    pub placement: Placement,
    /// The parsed tree; `None` when the block is unclosed or did not parse.
    /// An empty block (or one with only comments) is an empty map.
    pub root: Option<Node>,
    pub errors: Vec<SyntaxError>,
    pub duplicates: Vec<Duplicate>,
}

impl FrontMatter {
    pub fn is_closed(&self) -> bool {
        self.close_fence.is_some()
    }

    /// Syntax errors that stop generators (not the lenient ones).
    pub fn hard_errors(&self) -> impl Iterator<Item = &SyntaxError> {
        self.errors.iter().filter(|e| !e.lenient)
    }
}

/// Parses the block content `text[content]` in `format`; returns the tree (if
/// any), syntax errors and duplicates, all with file offsets.
pub(crate) fn parse_block(
    text: &str,
    content: Span,
    format: Format,
) -> (Option<Node>, Vec<SyntaxError>, Vec<Duplicate>) {
    let src = &text[content.range()];
    match format {
        Format::Yaml => yaml::parse(src, content.start),
        Format::Toml => toml_fm::parse(src, content.start),
        Format::Json => json::parse(src, content.start),
        // Nothing to read: no tree, and no error either.
        Format::JavaScript => (None, Vec::new(), Vec::new()),
    }
}
