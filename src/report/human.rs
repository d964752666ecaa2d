//! Human output: each finding as a miette report with the source snippet and
//! the span underlined, then the count of findings per rule and a summary.

use std::fmt;
use std::io::Write;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

use super::Summary;
use crate::Report;
use crate::diagnostic::{Diagnostic, Severity};

#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub color: bool,
    /// Leave out the summary line.
    pub quiet: bool,
}

struct Shown<'a> {
    d: &'a Diagnostic,
    source: NamedSource<Arc<str>>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!(
            "{}({})",
            self.d.rule.code, self.d.rule.name
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let fix = match &self.d.fix {
            Some(f) if f.safe => " (fixable with --fix)",
            Some(_) => " (fixable with --fix --unsafe-fixes)",
            None => "",
        };
        match &self.d.help {
            Some(h) => Some(Box::new(format!("{h}{fix}"))),
            None if !fix.is_empty() => Some(Box::new(fix.trim_start().to_string())),
            None => None,
        }
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = SourceSpan::new(self.d.span.start.into(), self.d.span.len());
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            None, span,
        ))))
    }
}

pub(super) fn write(
    out: &mut dyn Write,
    report: &Report,
    opts: &HumanOptions,
) -> std::io::Result<()> {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    // miette's own column counts bytes on non-ASCII lines; we print the
    // position computed from our line index in the source name instead.
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_context_lines(1)
        .without_primary_span_start();
    let mut files_with = 0;
    for file in &report.files {
        if file.diagnostics.is_empty() {
            continue;
        }
        files_with += 1;
        let text = for_snippets(file.text.clone().unwrap_or_else(|| Arc::from("")));
        for d in &file.diagnostics {
            let (start, _) = super::positions(file, d);
            let name = format!("{}:{}:{}", file.path.display(), start.line, start.column);
            let shown = Shown {
                d,
                source: NamedSource::new(name, Arc::clone(&text)),
            };
            let mut s = String::new();
            handler
                .render_report(&mut s, &shown)
                .map_err(std::io::Error::other)?;
            out.write_all(s.as_bytes())?;
        }
    }
    if !opts.quiet {
        let s = Summary::of(report);
        let total = s.errors + s.warnings + s.infos;
        let files = report.files_checked();
        if total == 0 {
            writeln!(out, "No problems found in {files} file{}.", plural(files))?;
        } else {
            writeln!(out)?;
            super::stats::write_table(out, &super::stats::rule_counts(report))?;
            write!(
                out,
                "Found {total} problem{} ({} error{}, {} warning{}, {} info{}) in {files_with} of {files} file{}.",
                plural(total),
                s.errors,
                plural(s.errors),
                s.warnings,
                plural(s.warnings),
                s.infos,
                plural(s.infos),
                plural(files),
            )?;
            if s.fixable > 0 {
                write!(out, " {} fixable with --fix.", s.fixable)?;
            }
            if s.unsafe_fixable > 0 {
                write!(out, " {} more with --unsafe-fixes.", s.unsafe_fixable)?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

/// The text as miette should see it, one byte for one so that every span
/// still points at the same place:
/// - miette breaks lines at `\n` only, so a file whose lines end with a
///   lone `\r` (old Mac style) would show as one line: each lone `\r`
///   becomes `\n`;
/// - control characters (a binary file named `.md`, a stray escape) would
///   drive the terminal: each becomes `?` (C1 controls, two bytes in UTF-8,
///   become `??`).
fn for_snippets(text: Arc<str>) -> Arc<str> {
    let b = text.as_bytes();
    let lone_cr = |i: usize| b[i] == b'\r' && b.get(i + 1) != Some(&b'\n');
    let control = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    if !(0..b.len()).any(lone_cr) && !text.chars().any(control) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if lone_cr(i) {
            out.push('\n');
        } else if control(c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Arc::from(out)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_keep_offsets_and_hide_control_characters() {
        let text = "a\rb\x1b[31mc\x00d\u{85}e\r\nf\tg";
        let shown = for_snippets(Arc::from(text));
        assert_eq!(&*shown, "a\nb?[31mc?d??e\r\nf\tg");
        assert_eq!(shown.len(), text.len());
        let plain = Arc::from("plain\r\ntext\n");
        assert!(Arc::ptr_eq(&for_snippets(Arc::clone(&plain)), &plain));
    }
}
