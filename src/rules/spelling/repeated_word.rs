use super::check;
use crate::rules::prelude::*;
use crate::spell::FindingKind;

rule_meta!(
    "TY003",
    "repeated-word",
    Spelling,
    Some(Severity::Warning),
    true,
    "The same word twice in a row (`le le`, `the the`)."
);

pub struct RepeatedWord;

impl Rule for RepeatedWord {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(result) = check(doc, ctx.config) else {
            return;
        };
        for f in &result.findings {
            if f.kind != FindingKind::RepeatedWord {
                continue;
            }
            let span = Span::from(f.range.clone());
            let mut d = Diagnostic::new(&META, span, format!("`{}` is repeated", f.word))
                .with_help("remove the second one");
            // Unsafe: "had had", "vous vous" can be meant.
            if let Some(r) = &f.replacement {
                d = d.with_fix(Fix::unsafe_(span, r.clone()));
            }
            out.push(d);
        }
    }
}
