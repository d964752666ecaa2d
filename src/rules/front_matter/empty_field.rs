use super::parsed_root;
use crate::rules::prelude::*;

rule_meta!(
    "FM008",
    "empty-field",
    FrontMatter,
    Some(Severity::Warning),
    false,
    "A field declared `non_empty` is empty ('', null, [] or {})."
);

pub struct EmptyField;

impl Rule for EmptyField {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some((_, root)) = parsed_root(doc) else {
            return;
        };
        for entry in root.entries() {
            let field = ctx.config.fields.get(&entry.key);
            let must_have_value = field.and_then(|f| f.spec.non_empty).unwrap_or(false);
            // An empty required field is FM005's (an error), said once.
            let required = ctx.config.required.iter().any(|r| r == &entry.key);
            if !must_have_value || required || !entry.value.value.is_empty() {
                continue;
            }
            let span = if entry.value.span.is_empty() {
                entry.key_span
            } else {
                entry.value.span
            };
            out.push(
                Diagnostic::new(&META, span, format!("`{}` is empty", entry.key))
                    .with_help("give it a value or remove the line"),
            );
        }
    }
}
