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
            // The edit holds the word and whitespace on one side of it.
            let word_start = doc
                .text
                .get(f.range.clone())
                .and_then(|t| t.find(f.word.as_str()))
                .map_or(f.range.start, |at| f.range.start + at);
            let span = Span::from(word_start..word_start + f.word.len());
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
