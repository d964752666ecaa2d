//! The JSON report (`--format json`), in the shape DESIGN.md specifies.

use std::io::Write;

use serde::Serialize;

use super::{Summary, positions};
use crate::Report;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    files_checked: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: String,
    rule: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    start_byte: usize,
    end_byte: usize,
    replacement: &'a str,
    safe: bool,
}

#[derive(Serialize)]
struct JsonSummary {
    errors: usize,
    warnings: usize,
    infos: usize,
}

pub(super) fn write(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    let diagnostics = report
        .diagnostics()
        .map(|(file, d)| {
            let (start, end) = positions(file, d);
            JsonDiagnostic {
                path: file.path.display().to_string(),
                rule: d.rule.code,
                name: d.rule.name,
                severity: d.severity.as_str(),
                message: &d.message,
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                help: d.help.as_deref(),
                fix: d.fix.as_ref().map(|f| JsonFix {
                    start_byte: f.span.start,
                    end_byte: f.span.end,
                    replacement: &f.replacement,
                    safe: f.safe,
                }),
                url: d.url.as_deref(),
            }
        })
        .collect();
    let s = Summary::of(report);
    let r = JsonReport {
        version: 1,
        files_checked: report.files_checked(),
        diagnostics,
        summary: JsonSummary {
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &r).map_err(std::io::Error::other)?;
    writeln!(out)
}
