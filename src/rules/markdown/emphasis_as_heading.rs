use crate::markdown::BlockKind;
use crate::rules::prelude::*;

rule_meta!(
    "MK001",
    "emphasis-as-heading",
    Markdown,
    Some(Severity::Warning),
    false,
    "A paragraph of only bold or italic text, used as a heading."
);

pub struct EmphasisAsHeading;

impl Rule for EmphasisAsHeading {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for p in &doc.scan.paragraphs {
            let Some(em) = p.sole_emphasis else { continue };
            if p.kind != BlockKind::Paragraph || !p.single_line || p.nested {
                continue;
            }
            let text = p.text.trim();
            // A sentence in bold ends with punctuation; a heading does not.
            if text.is_empty() || text.ends_with(['.', ',', ';', ':', '!', '?', '…', '。']) {
                continue;
            }
            out.push(
                Diagnostic::new(&META, em, format!("`{text}` is emphasis used as a heading"))
                    .with_help(format!("write a real heading, e.g. `## {text}`, so it appears in the outline and gets an anchor")),
            );
        }
    }
}
