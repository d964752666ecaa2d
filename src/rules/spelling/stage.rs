//! The run-wide part of spelling: TY002 candidates of every file are
//! counted per distinct word; words used in `min_documents` files or more
//! are the site's vocabulary and dropped; the rest get suggestions and
//! become diagnostics at their use sites.

use rayon::prelude::*;

use crate::config::FileConfig;
use crate::spell::SiteVocabulary;
use crate::{FileReport, sort_diagnostics};

/// Turns the kept TY002 candidates of `files` into diagnostics, with
/// suggestions in their help when `suggestions` is set.
pub fn run(files: &mut [FileReport], configs: &[&FileConfig], suggestions: bool) {
    let mut vocab = SiteVocabulary::new();
    for f in files.iter() {
        if let Some((_, words)) = &f.unknown_words {
            vocab.add_document(words);
        }
    }
    // In parallel: suggestions are the costly part (each distinct word is
    // searched once, see `SpellEngine::suggest`).
    files.par_iter_mut().zip(configs).for_each(|(file, cfg)| {
        let Some((lang, mut words)) = file.unknown_words.take() else {
            return;
        };
        let Some(severity) = cfg.severity(&super::unknown_word::META) else {
            return;
        };
        if cfg.spell.min_documents > 0 {
            vocab.retain_typos(&mut words, cfg.spell.min_documents);
        }
        if words.is_empty() {
            return;
        }
        let extra = words.len().saturating_sub(crate::MAX_PER_RULE);
        words.truncate(crate::MAX_PER_RULE);
        if suggestions && let Ok(engine) = super::engine(cfg) {
            engine.fill_suggestions(&lang, &mut words);
        }
        let mut found: Vec<crate::diagnostic::Diagnostic> = words
            .iter()
            .map(|w| super::unknown_word::diagnostic(w).with_severity(severity))
            .collect();
        // `<!-- frontlint-disable-next-line TY002 -->` and friends.
        if let Some(d) = &file.directives {
            d.filter(&mut found);
        }
        file.diagnostics.extend(found);
        if extra > 0
            && let Some(last) = words.last()
        {
            file.diagnostics.push(crate::diagnostic::Diagnostic::new(
                &super::unknown_word::META,
                crate::document::Span::from(last.range.clone()),
                format!("… and {extra} more TY002 findings in this file, not shown"),
            ));
        }
        sort_diagnostics(&mut file.diagnostics);
    });
}
