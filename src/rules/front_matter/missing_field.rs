use super::parsed_root;
use crate::rules::prelude::*;

rule_meta!(
    "FM005",
    "missing-field",
    FrontMatter,
    Some(Severity::Error),
    false,
    "A required field is absent from the front matter, or empty."
);

pub struct MissingField;

impl Rule for MissingField {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some((fm, root)) = parsed_root(doc) else {
            return;
        };
        let empty = root.entries().is_empty();
        for key in &ctx.config.required {
            match root.get(key) {
                None => {
                    let mut d = Diagnostic::new(
                        &META,
                        fm.span,
                        format!("required field `{key}` is missing"),
                    );
                    if empty {
                        d = d.with_help("the front matter is empty (comments only)");
                    }
                    out.push(d);
                }
                // Present with nothing in it (`date:`, `''`, `[]`): the
                // generator gets no value, as if the field were missing.
                // Reported here (an error), not as FM008.
                Some(entry) if entry.value.value.is_empty() => {
                    let span = if entry.value.span.is_empty() {
                        entry.key_span
                    } else {
                        entry.value.span
                    };
                    out.push(
                        Diagnostic::new(&META, span, format!("required field `{key}` is empty"))
                            .with_help("give it a value"),
                    );
                }
                Some(_) => {}
            }
        }
    }
}
