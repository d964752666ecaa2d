//! TY002 needs the whole run (words used across files are the site's
//! vocabulary), so its diagnostics are made by `super::stage` after every
//! file is checked; this file holds its metadata and the message.

use crate::rules::prelude::*;
use crate::spell::{FindingKind, SpellFinding};

rule_meta!(
    "TY002",
    "unknown-word",
    Spelling,
    Some(Severity::Warning),
    false,
    "A word the dictionary of the text's language does not know."
);

/// The diagnostic for one unknown word (suggestions filled).
pub fn diagnostic(f: &SpellFinding) -> Diagnostic {
    let span = Span::from(f.range.clone());
    let mut d = Diagnostic::new(&META, span, format!("unknown word `{}`", f.word));
    if let FindingKind::UnknownWord { suggestions, .. } = &f.kind {
        let help = match suggestions.as_slice() {
            [] => "if it is right, add it to `[spelling] words`".to_string(),
            [one] => format!("did you mean `{one}`? If not, add the word to `[spelling] words`"),
            many => format!(
                "did you mean {}? If not, add the word to `[spelling] words`",
                many.iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        d = d.with_help(help);
    }
    d
}
