use super::check;
use crate::rules::prelude::*;
use crate::spell::FindingKind;

rule_meta!(
    "TY004",
    "repeated-punctuation",
    Spelling,
    Some(Severity::Warning),
    true,
    "Doubled punctuation (`,,`, `..` that is not `...`) or a space before a comma."
);

pub struct RepeatedPunctuation;

impl Rule for RepeatedPunctuation {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(result) = check(doc, ctx.config) else {
            return;
        };
        for f in &result.findings {
            if f.kind != FindingKind::RepeatedPunctuation {
                continue;
            }
            let span = Span::from(f.range.clone());
            let shown = doc.slice(span);
            let message = if shown.starts_with([' ', '\t']) && shown.trim_start().len() == 1 {
                format!("space before `{}`", shown.trim_start())
            } else {
                format!("repeated punctuation `{shown}`")
            };
            let mut d = Diagnostic::new(&META, span, message);
            // Unsafe: spelling fixes change the author's words; review them
            // with `--diff --unsafe-fixes`.
            if let Some(r) = &f.replacement {
                d = d.with_fix(Fix::unsafe_(span, r.clone()));
            }
            out.push(d);
        }
    }
}
