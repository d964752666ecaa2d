//! Writing a `Report`: human (miette snippets), short (one line each), JSON,
//! and the formats of CI systems: SARIF, GitHub workflow annotations, JUnit.
//!
//! Lines and columns are computed here, from spans, through each file's
//! line index: 1-based, columns in characters.

pub mod github;
mod human;
mod json;
pub mod junit;
mod sarif;
mod stats;

use std::io::Write;

use crate::Report;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Position;

pub use human::HumanOptions;
pub use stats::{RuleCount, rule_counts, write_statistics};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Short,
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the diff).
    Github,
    /// JUnit XML, for CI systems that show test reports.
    Junit,
}

/// Counts of findings by severity.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub fixable: usize,
    /// Findings whose fix is applied only with `--unsafe-fixes`.
    pub unsafe_fixable: usize,
}

impl Summary {
    pub fn of(report: &Report) -> Summary {
        let mut s = Summary::default();
        for (_, d) in report.diagnostics() {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
            match &d.fix {
                Some(f) if f.safe => s.fixable += 1,
                Some(_) => s.unsafe_fixable += 1,
                None => {}
            }
        }
        s
    }
}

/// Start and end positions of a diagnostic in its file.
pub fn positions(file: &crate::FileReport, d: &Diagnostic) -> (Position, Position) {
    match (&file.text, &file.lines) {
        (Some(text), Some(lines)) => {
            let start = lines.position(text, d.span.start);
            let end = lines.position(text, d.span.end);
            (start, end)
        }
        _ => {
            let p = Position { line: 1, column: 1 };
            (p, p)
        }
    }
}

/// Writes the report in `format`.
pub fn write(
    out: &mut dyn Write,
    report: &Report,
    format: Format,
    human: &HumanOptions,
) -> std::io::Result<()> {
    match format {
        Format::Human => human::write(out, report, human),
        Format::Short => write_short(out, report),
        Format::Json => json::write(out, report),
        Format::Sarif => sarif::write(out, report),
        Format::Github => github::write(out, report),
        Format::Junit => junit::write(out, report),
    }
}

fn write_short(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    for (file, d) in report.diagnostics() {
        let (start, _) = positions(file, d);
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            file.path.display(),
            start.line,
            start.column,
            d.severity.as_str(),
            d.rule.code,
            d.message
        )?;
    }
    Ok(())
}

/// A path as reports write it: as given, with `/` separators on every
/// platform (SARIF URIs and GitHub annotations need them).
pub fn slash_path(p: &std::path::Path) -> String {
    let s = p.display().to_string();
    if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s
    }
}
