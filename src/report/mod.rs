//! Writing a `Report`: human (miette snippets), short (one line each), JSON.
//!
//! Lines and columns are computed here, from spans, through each file's
//! line index: 1-based, columns in characters.

mod human;
mod json;

use std::io::Write;

use crate::Report;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Position;

pub use human::HumanOptions;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Short,
    Json,
}

/// Counts of findings by severity.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub fixable: usize,
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
            if d.fix.as_ref().is_some_and(|f| f.safe) {
                s.fixable += 1;
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
