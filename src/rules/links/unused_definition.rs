//! LK006: reference definitions that no link of the file uses (Markdown
//! comment idioms such as `[//]: # (note)` excepted).

use super::local::normalize_label;
use crate::markdown::LinkKind;
use crate::rules::prelude::*;

rule_meta!(
    "LK006",
    "unused-definition",
    Links,
    Some(Severity::Warning),
    false,
    "A reference definition that no link uses."
);

pub struct UnusedDefinition;

/// `[//]: # (note)`, `[comment]: <> (note)`: the usual way to write a
/// comment in Markdown, never meant as a link.
fn is_comment_idiom(label: &str, dest: &str) -> bool {
    dest.is_empty() || dest == "#" || label == "//" || label == "_"
}

impl Rule for UnusedDefinition {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if doc.scan.definitions.is_empty() {
            return;
        }
        let used: std::collections::HashSet<String> = doc
            .scan
            .links
            .iter()
            .filter(|l| {
                matches!(
                    l.kind,
                    LinkKind::Reference | LinkKind::Collapsed | LinkKind::Shortcut
                )
            })
            .filter_map(|l| l.label.as_deref().map(normalize_label))
            .collect();
        for def in &doc.scan.definitions {
            let label = normalize_label(&def.label);
            if used.contains(&label) || is_comment_idiom(&label, def.dest.trim()) {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &META,
                    def.span,
                    format!("the definition `[{}]` is never used", def.label.trim()),
                )
                .with_help(format!(
                    "link to it with `[text][{}]`, or remove the line",
                    def.label.trim()
                ))
                .with_url(def.dest.clone()),
            );
        }
    }
}
