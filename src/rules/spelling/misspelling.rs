use super::check;
use crate::rules::prelude::*;
use crate::spell::FindingKind;

rule_meta!(
    "TY001",
    "misspelling",
    Spelling,
    Some(Severity::Warning),
    true,
    "A word from the curated misspelling lists of the text's language."
);

pub struct Misspelling;

impl Rule for Misspelling {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(result) = check(doc, ctx.config) else {
            return;
        };
        for f in &result.findings {
            let FindingKind::Misspelling { corrections } = &f.kind else {
                continue;
            };
            let span = Span::from(f.range.clone());
            let list = corrections
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(" or ");
            let mut d = Diagnostic::new(
                &META,
                span,
                format!("`{}` is a misspelling of {list}", f.word),
            );
            // Unsafe: spelling fixes change the author's words; review them
            // with `--diff --unsafe-fixes`.
            if let Some(r) = &f.replacement {
                d = d.with_fix(Fix::unsafe_(span, r.clone()));
            } else {
                d = d.with_help(format!("did you mean {list}?"));
            }
            out.push(d);
        }
    }
}
