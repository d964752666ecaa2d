//! JUnit XML (`--format junit`), for CI systems that show test reports
//! (GitLab, Jenkins, Azure Pipelines...): one `<testsuite>` per file checked,
//! one failing `<testcase>` per finding, and one passing `<testcase>` for a
//! file with none, so clean files show up as passed tests.

use std::io::Write;

use super::{Summary, positions, slash_path};
use crate::Report;

/// Escapes text for an XML attribute or element. Characters XML 1.0 cannot
/// hold at all (most C0 controls) become U+FFFD rather than breaking the
/// document.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Line breaks and tabs survive in attributes only as references.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

pub(super) fn write(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    let summary = Summary::of(report);
    let findings = summary.errors + summary.warnings + summary.infos;
    let clean = report
        .files
        .iter()
        .filter(|f| f.diagnostics.is_empty())
        .count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="frontlint" tests="{}" failures="{findings}" errors="0">"#,
        findings + clean
    )?;
    for file in &report.files {
        let path = escape_xml(&slash_path(&file.path));
        let n = file.diagnostics.len();
        writeln!(
            out,
            r#"  <testsuite name="{path}" tests="{}" failures="{n}" errors="0" skipped="0">"#,
            n.max(1)
        )?;
        if n == 0 {
            writeln!(
                out,
                r#"    <testcase name="frontlint" classname="{path}" file="{path}"/>"#
            )?;
        }
        for d in &file.diagnostics {
            let (start, _) = positions(file, d);
            let text = match &d.help {
                Some(h) => format!(
                    "{}:{}:{}: {}[{}] {}\nhelp: {h}",
                    slash_path(&file.path),
                    start.line,
                    start.column,
                    d.severity.as_str(),
                    d.rule.code,
                    d.message
                ),
                None => format!(
                    "{}:{}:{}: {}[{}] {}",
                    slash_path(&file.path),
                    start.line,
                    start.column,
                    d.severity.as_str(),
                    d.rule.code,
                    d.message
                ),
            };
            writeln!(
                out,
                r#"    <testcase name="{} {} at line {}, column {}" classname="{path}" file="{path}" line="{}">"#,
                d.rule.code, d.rule.name, start.line, start.column, start.line
            )?;
            writeln!(
                out,
                r#"      <failure type="{}" message="{}">{}</failure>"#,
                d.severity.as_str(),
                escape_xml(&d.message),
                escape_xml(&text)
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

#[cfg(test)]
mod tests {
    use super::escape_xml;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            escape_xml(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
        assert_eq!(escape_xml("a\u{0}b\u{1b}c"), "a\u{FFFD}b\u{FFFD}c");
        assert_eq!(escape_xml("line\nnext\t"), "line&#10;next&#9;");
        assert_eq!(escape_xml("é \u{200B}"), "é \u{200B}");
    }
}
