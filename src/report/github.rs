//! GitHub Actions workflow commands (`--format github`): one
//! `::error file=...,line=...,col=...,endLine=...,endColumn=...,title=CODE::message`
//! line per finding, which the runner turns into an annotation on the line
//! of the pull request's diff.
//!
//! The runner reads `::` and `,` as separators and a line break as the end
//! of the command, so they are percent-escaped the way it un-escapes them.

use std::io::Write;

use super::{positions, slash_path};
use crate::Report;
use crate::diagnostic::Severity;

/// Escapes the message part (after the second `::`): `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value (`file=`, `title=`): as data, plus `:` and `,`,
/// which would otherwise end the value.
pub fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

/// The workflow command for a severity: GitHub has no "info", its "notice"
/// is the closest.
fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

pub(super) fn write(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    for (file, d) in report.diagnostics() {
        let (start, end) = positions(file, d);
        let mut props = format!(
            "file={},line={}",
            escape_property(&slash_path(&file.path)),
            start.line
        );
        // GitHub keeps columns only for an annotation within one line; a
        // multi-line finding is annotated on its lines.
        if start.line == end.line {
            props.push_str(&format!(
                ",col={},endLine={},endColumn={}",
                start.column, end.line, end.column
            ));
        } else {
            props.push_str(&format!(",endLine={}", end.line));
        }
        props.push_str(&format!(",title={}", escape_property(d.rule.code)));
        let message = match &d.help {
            Some(h) => format!("{}\n{h}", d.message),
            None => d.message.clone(),
        };
        writeln!(
            out,
            "::{} {props}::{}",
            command(d.severity),
            escape_data(&message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(
            escape_data("100% done\r\nnext: a, b"),
            "100%25 done%0D%0Anext: a, b"
        );
        // `%` first, so an escape already in the text is not read back as
        // the character it names.
        assert_eq!(escape_data("%0A"), "%250A");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(
            escape_property("posts/a:b,c%d\ne.md"),
            "posts/a%3Ab%2Cc%25d%0Ae.md"
        );
        assert_eq!(escape_property("plain/path.md"), "plain/path.md");
    }

    #[test]
    fn unescaping_like_the_runner_gives_the_text_back() {
        // The runner's order of replacement: the specific escapes, then %25.
        fn unescape(s: &str) -> String {
            s.replace("%0D", "\r")
                .replace("%0A", "\n")
                .replace("%3A", ":")
                .replace("%2C", ",")
                .replace("%25", "%")
        }
        for s in ["a:b,c", "50%", "x\r\ny", "%3A is a colon", "é ü 😀"] {
            assert_eq!(unescape(&escape_property(s)), s);
        }
    }
}
