//! LK005: reference links whose label has no definition. Full and
//! collapsed references always count; a shortcut `[word]` only with
//! evidence that a link was meant, since brackets are ordinary text too.

use super::is_template;
use super::local::{TextLabels, normalize_label};
use crate::markdown::LinkKind;
use crate::rules::prelude::*;

rule_meta!(
    "LK005",
    "undefined-reference",
    Links,
    Some(Severity::Error),
    false,
    "A reference link whose label has no definition."
);

pub struct UndefinedReference;

/// The definition label closest to `label`, when it looks like the same
/// label mistyped (an edit or two, or only case, spaces or punctuation).
fn near_label<'a>(label: &str, defined: &'a [String]) -> Option<&'a str> {
    let squash = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let l = squash(label);
    let mut best: Option<(usize, &str)> = None;
    for d in defined {
        if squash(d) == l && !l.is_empty() {
            return Some(d);
        }
        let n = label.chars().count().min(d.chars().count());
        if n < 4 {
            continue;
        }
        let dist = strsim::levenshtein(label, d);
        let limit = if n >= 8 { 2 } else { 1 };
        if dist <= limit && best.is_none_or(|(b, _)| dist < b) {
            best = Some((dist, d));
        }
    }
    best.map(|(_, d)| d)
}

impl Rule for UndefinedReference {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if doc.scan.broken_references.is_empty() {
            return;
        }
        let text = &doc.text;
        let defined: Vec<String> = doc
            .scan
            .definitions
            .iter()
            .map(|d| normalize_label(&d.label))
            .collect();
        let templated = TextLabels::of(doc);
        let numbered = defined
            .iter()
            .any(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
        let mut seen = std::collections::HashSet::new();
        for b in &doc.scan.broken_references {
            if !seen.insert(b.span) || doc.scan.in_code_or_html(b.span) {
                continue;
            }
            let label = normalize_label(&b.label);
            if label.is_empty()
                || is_template(&b.label)
                || label.starts_with('^')
                || label.starts_with('!')
                || templated.defines(&label)
            {
                continue;
            }
            // `array[i][j]`, `foo[bar]`: an index written in prose, not a link.
            let before = text[..b.span.start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, ']' | ')' | '_' | '\\')) {
                continue;
            }
            let near = near_label(&label, &defined);
            let numeric = label.bytes().all(|c| c.is_ascii_digit());
            let intended = match b.kind {
                LinkKind::Reference | LinkKind::Collapsed => true,
                // `[word]` alone is ordinary text in most posts: only a
                // definition with a near-identical label, or numbered
                // references beside it, show a link was meant.
                _ => near.is_some() || (numeric && numbered),
            };
            if !intended {
                continue;
            }
            let written = doc.slice(b.span);
            let mut d = Diagnostic::new(
                &META,
                b.span,
                format!("no definition for the reference `[{}]`", b.label.trim()),
            );
            d = match near {
                Some(n) => d.with_help(format!(
                    "a definition `[{n}]` exists: did you mean it? Otherwise add `[{}]: <url>` below the paragraph",
                    b.label.trim()
                )),
                None => d.with_help(format!(
                    "add a definition line `[{}]: <url>`, or escape the brackets (`\\[`) if `{written}` is not a link",
                    b.label.trim()
                )),
            };
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_labels() {
        let defs = vec!["jekyll docs".to_string(), "ab".to_string(), "2".to_string()];
        assert_eq!(near_label("jekyll-docs", &defs), Some("jekyll docs"));
        assert_eq!(near_label("jekyll doc", &defs), Some("jekyll docs"));
        assert_eq!(near_label("ac", &defs), None);
        assert_eq!(near_label("sic", &defs), None);
    }
}
