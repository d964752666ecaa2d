use crate::rules::prelude::*;

rule_meta!(
    "MK007",
    "missing-final-newline",
    Markdown,
    Some(Severity::Warning),
    true,
    "The file does not end with a line break."
);

pub struct MissingFinalNewline;

impl Rule for MissingFinalNewline {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let t = &doc.text;
        if t.is_empty() || t.ends_with('\n') || t.ends_with('\r') {
            return;
        }
        let end = t.len();
        let nl = doc.line_ending.as_str(t);
        // Point at the last character so the line shown is the last line.
        let last = t[..end].chars().next_back().map_or(0, char::len_utf8);
        out.push(
            Diagnostic::new(
                &META,
                Span::new(end - last, end),
                "the file does not end with a line break",
            )
            .with_help("add a line break at the end; tools that join or diff files expect one")
            .with_fix(Fix::safe(Span::empty(end), nl)),
        );
    }
}
