use super::parsed_root;
use crate::rules::prelude::*;

rule_meta!(
    "FM005",
    "missing-field",
    FrontMatter,
    Some(Severity::Error),
    false,
    "A required field is absent from the front matter."
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
            if root.get(key).is_none() {
                let mut d =
                    Diagnostic::new(&META, fm.span, format!("required field `{key}` is missing"));
                if empty {
                    d = d.with_help("the front matter is empty (comments only)");
                }
                out.push(d);
            }
        }
    }
}
