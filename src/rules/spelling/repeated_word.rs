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
            // The diagnostic points at the second word; the fix removes it
            // with the whitespace before it.
            let edit = Span::from(f.range.clone());
            let word_start = f.range.end.saturating_sub(f.word.len()).max(f.range.start);
            let span = Span::from(word_start..f.range.end);
            let mut d = Diagnostic::new(&META, span, format!("`{}` is repeated", f.word))
                .with_help("remove the second one");
            // Unsafe: "had had", "vous vous" can be meant.
            if let Some(r) = &f.replacement {
                d = d.with_fix(Fix::unsafe_(edit, r.clone()));
            }
            out.push(d);
        }
    }
}
