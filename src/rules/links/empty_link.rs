use super::written_dest;
use crate::markdown::LinkKind;
use crate::rules::prelude::*;

rule_meta!(
    "LK003",
    "empty-link",
    Links,
    Some(Severity::Error),
    false,
    "A link with no text, no destination, or a destination of just `#`."
);

pub struct EmptyLink;

impl Rule for EmptyLink {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for link in &doc.scan.links {
            if link.image || matches!(link.kind, LinkKind::Autolink | LinkKind::Email) {
                continue;
            }
            let dest = written_dest(doc, link);
            let message = if !link.has_content {
                if dest.trim() == "#" {
                    "link has no text, and its destination `#` goes nowhere".to_string()
                } else {
                    "link has no text, so readers cannot see or click it".to_string()
                }
            } else if link.dest.trim().is_empty() {
                "link has no destination".to_string()
            } else if link.dest.trim() == "#" {
                "link points to `#`, which goes nowhere".to_string()
            } else {
                continue;
            };
            out.push(
                Diagnostic::new(&META, link.span, message)
                    .with_help("give the link some text and a real destination, or remove it")
                    .with_url(dest),
            );
        }
    }
}
