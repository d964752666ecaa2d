//! frontlint: a linter and validator for Markdown posts with front matter.
//!
//! The library owns the whole pipeline (discovery, parsing, rules, reports);
//! `main.rs` only parses arguments and maps the result to an exit code.
pub mod grammar;
