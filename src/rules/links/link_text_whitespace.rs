use super::written_dest;
use crate::markdown::LinkKind;
use crate::rules::prelude::*;

rule_meta!(
    "LK004",
    "link-text-whitespace",
    Links,
    Some(Severity::Warning),
    true,
    "Link text that starts or ends with whitespace."
);

pub struct LinkTextWhitespace;

/// Whether a space must be put between the link and `c` when whitespace
/// moves out of the link: yes before a word, no before punctuation.
fn needs_space(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, '(' | '[' | '"' | '\'' | '«' | '“' | '*' | '_' | '`')
    })
}

impl Rule for LinkTextWhitespace {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = &doc.text;
        for link in &doc.scan.links {
            if link.image
                || !link.has_content
                || matches!(link.kind, LinkKind::Autolink | LinkKind::Email)
            {
                continue;
            }
            let inner = doc.slice(link.text_span);
            let ws = |c: char| c == ' ' || c == '\t';
            let lead = inner.len() - inner.trim_start_matches(ws).len();
            let trail = inner.len() - inner.trim_end_matches(ws).len();
            if lead == 0 && trail == 0 {
                continue;
            }
            let which = match (lead > 0, trail > 0) {
                (true, true) => "starts and ends",
                (true, false) => "starts",
                _ => "ends",
            };
            // Move the whitespace outside the link, never drop it: a space
            // glued words together would otherwise disappear ("MedNumet").
            let before = text[..link.span.start].chars().next_back();
            let after = text[link.span.end..].chars().next();
            let mut replacement = String::new();
            if lead > 0 && before.is_some_and(char::is_alphanumeric) {
                replacement.push(' ');
            }
            replacement.push_str(&text[link.span.start..link.text_span.start]);
            replacement.push_str(inner.trim_matches(ws));
            replacement.push_str(&text[link.text_span.end..link.span.end]);
            if trail > 0 && needs_space(after) {
                replacement.push(' ');
            }
            let label = inner.trim_matches(ws);
            out.push(
                Diagnostic::new(
                    &META,
                    link.text_span,
                    format!("link text `{label}` {which} with whitespace"),
                )
                .with_help("move the space outside the brackets")
                .with_fix(Fix::safe(link.span, replacement))
                .with_url(written_dest(doc, link)),
            );
        }
    }
}
