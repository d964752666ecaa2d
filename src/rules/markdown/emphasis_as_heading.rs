use crate::markdown::BlockKind;
use crate::rules::prelude::*;

rule_meta!(
    "MK001",
    "emphasis-as-heading",
    Markdown,
    Some(Severity::Warning),
    false,
    "A short line of only bold text, used as a heading."
);

pub struct EmphasisAsHeading;

/// Longer than this, a bold line is a statement, not a heading: headings
/// are short.
const MAX_HEADING_CHARS: usize = 80;

impl Rule for EmphasisAsHeading {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for p in &doc.scan.paragraphs {
            let Some(em) = p.sole_emphasis else { continue };
            if p.kind != BlockKind::Paragraph || !p.single_line || p.nested {
                continue;
            }
            // Italic alone marks captions, credits and notes
            // (`*Crédit photo : ...*`), rarely a heading: only bold counts.
            let marker = doc.slice(em);
            if !(marker.starts_with("**") || marker.starts_with("__")) {
                continue;
            }
            let text = p.text.trim();
            // A sentence in bold ends with punctuation; a heading does not.
            if text.is_empty()
                || text.ends_with(['.', ',', ';', ':', '!', '?', '…', '。'])
                || text.chars().count() > MAX_HEADING_CHARS
            {
                continue;
            }
            out.push(
                Diagnostic::new(&META, em, format!("`{text}` is emphasis used as a heading"))
                    .with_help(format!("write a real heading, e.g. `## {text}`, so it appears in the outline and gets an anchor")),
            );
        }
    }
}
