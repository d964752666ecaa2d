use super::{dotted, parsed_root, walk};
use crate::frontmatter::{Style, Value};
use crate::rules::prelude::*;

rule_meta!(
    "FM009",
    "untrimmed-value",
    FrontMatter,
    Some(Severity::Warning),
    true,
    "A string value starts or ends with whitespace."
);

pub struct UntrimmedValue;

impl Rule for UntrimmedValue {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some((_, root)) = parsed_root(doc) else {
            return;
        };
        let mut path = Vec::new();
        walk(root, &mut path, &mut |p, node| {
            let Value::String(s) = &node.value else {
                return;
            };
            // Block scalars end with the line break their chomping keeps.
            let s = match node.style {
                Style::Literal | Style::Folded => s.strip_suffix('\n').unwrap_or(s),
                _ => s.as_str(),
            };
            if s.trim().is_empty() || (s.trim_start() == s && s.trim_end() == s) {
                return;
            }
            let (leading, trailing) = match quoted_inner(doc, node.span, node.style) {
                // In quotes, only spaces typed as such are a slip: an
                // escape (`"\n---\n"`, `"\t"`, `"\u00a0"`) is deliberate.
                Some(raw) => (raw.starts_with([' ', '\t']), raw.ends_with([' ', '\t'])),
                None => (
                    s.starts_with(char::is_whitespace),
                    s.ends_with(char::is_whitespace),
                ),
            };
            let which = match (leading, trailing) {
                (false, false) => return,
                (true, true) => "leading and trailing",
                (true, false) => "leading",
                (false, true) => "trailing",
            };
            let name = if p.is_empty() {
                "value".to_string()
            } else {
                format!("`{}`", dotted(p))
            };
            let mut d = Diagnostic::new(&META, node.span, format!("{name} has {which} whitespace"))
                .with_help("remove the spaces inside the quotes");
            if let Some(fix) = trim_fix(doc, node.span, node.style) {
                d = d.with_fix(fix);
            }
            out.push(d);
        });
    }
}

/// The raw text between the quotes of a quoted value, as written.
fn quoted_inner(doc: &Document, span: Span, style: Style) -> Option<&str> {
    if !matches!(
        style,
        Style::SingleQuoted | Style::DoubleQuoted | Style::Quoted
    ) {
        return None;
    }
    let raw = doc.slice(span);
    let q = if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        3
    } else {
        1
    };
    raw.get(q..raw.len().checked_sub(q)?)
}

/// For a quoted one-line value whose raw text has the same outer spaces as
/// the value, trims inside the quotes.
fn trim_fix(doc: &Document, span: Span, style: Style) -> Option<Fix> {
    if !matches!(
        style,
        Style::SingleQuoted | Style::DoubleQuoted | Style::Quoted
    ) {
        return None;
    }
    let raw = doc.slice(span);
    if raw.len() < 2
        || raw.starts_with("\"\"\"")
        || raw.starts_with("'''")
        || raw.contains(['\n', '\r'])
    {
        return None;
    }
    let inner = Span::new(span.start + 1, span.end - 1);
    let text = doc.slice(inner);
    let trimmed = text.trim_matches([' ', '\t']);
    // An escape at either end (`\t`) would change meaning if cut.
    if trimmed.ends_with('\\') || trimmed.len() == text.len() {
        return None;
    }
    Some(Fix::safe(inner, trimmed))
}
