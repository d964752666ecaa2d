use crate::rules::prelude::*;

rule_meta!(
    "FM004",
    "duplicate-key",
    FrontMatter,
    Some(Severity::Error),
    false,
    "The same key is set twice; loaders silently keep only one value."
);

pub struct DuplicateKey;

impl Rule for DuplicateKey {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(fm) = &doc.front_matter else { return };
        for dup in &fm.duplicates {
            let first = doc.position(dup.first.start).line;
            out.push(
                Diagnostic::new(
                    &META,
                    dup.again,
                    format!("duplicate key `{}`, first set on line {first}", dup.key),
                )
                .with_help("keep one of the two: most loaders silently keep only the last one"),
            );
        }
    }
}
