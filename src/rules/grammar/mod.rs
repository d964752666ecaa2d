//! GR001 grammar: the grammar stage, off by default (`--grammar` or
//! `[grammar] enabled = true`). Each document's paragraphs are cut from the
//! scan while it is parsed (prose runs of one paragraph, with inline code,
//! URLs and template tags masked); after every file, French documents go to
//! Grammalecte in one batch and English ones to harper, in parallel, and the
//! findings come back at their exact spans in each file.

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Deserialize;

use crate::config::FileConfig;
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::{Document, Span};
use crate::frontmatter::{Style, Value};
use crate::grammar::{GrammarError, GrammarFinding, GrammarOptions, ProseParagraph};
use crate::markdown::BlockKind;
use crate::rules::prelude::rule_meta;
use crate::spell::Lang;
use crate::{FileReport, sort_diagnostics};

rule_meta!(
    "GR001",
    "grammar",
    Grammar,
    Some(Severity::Warning),
    true,
    "A grammar slip found by Grammalecte (French) or harper (English)."
);

/// `[grammar]` in frontlint.toml.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct GrammarSettings {
    /// Run the stage (also `--grammar`).
    pub enabled: bool,
    /// Keep French typographic advice (apostrophes, non-breaking spaces...).
    pub typography: bool,
    /// Engine rule ids, names or categories to report although off by default.
    pub allow: Vec<String>,
    /// Engine rule ids, names or categories never to report.
    pub deny: Vec<String>,
    /// The Grammalecte command (default: `grammalecte-cli` on PATH).
    pub grammalecte: Option<String>,
    /// At most this many Grammalecte processes (default: one per core).
    pub processes: Option<usize>,
}

impl GrammarSettings {
    pub fn from_table(table: &toml::Table) -> Result<GrammarSettings, String> {
        toml::Value::Table(table.clone())
            .try_into()
            .map_err(|e: toml::de::Error| e.message().trim().to_string())
    }

    pub fn options(&self) -> GrammarOptions {
        GrammarOptions {
            typography: self.typography,
            allow: self.allow.clone(),
            deny: self.deny.clone(),
            grammalecte_cmd: self.grammalecte.as_ref().map(PathBuf::from),
            processes: self.processes,
        }
    }
}

/// What the stage needs of one document, kept on its report.
#[derive(Debug, Clone)]
pub struct GrammarInput {
    pub lang: Lang,
    pub paragraphs: Vec<ProseParagraph>,
}

/// Template tags and URLs inside prose: masked so the engine reads them as
/// one neutral word.
fn masks_in(text: &str, range: std::ops::Range<usize>, out: &mut Vec<std::ops::Range<usize>>) {
    let s = &text[range.clone()];
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let len = if rest.starts_with("{{") || rest.starts_with("{%") {
            let close = if rest.starts_with("{{") { "}}" } else { "%}" };
            rest.find(close).map(|e| e + 2).unwrap_or(rest.len())
        } else if rest.starts_with("http://")
            || rest.starts_with("https://")
            || rest.starts_with("www.")
        {
            rest.find(|c: char| c.is_whitespace() || c == ')' || c == '>')
                .unwrap_or(rest.len())
        } else {
            0
        };
        if len > 0 {
            out.push(range.start + i..range.start + i + len);
            i += len;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// The paragraphs of a document (body paragraphs and the configured
/// front-matter prose fields), ready for an engine.
pub fn paragraphs(doc: &Document, cfg: &FileConfig) -> Vec<ProseParagraph> {
    let text = &doc.text;
    let scan = &doc.scan;
    let mut by_block: Vec<Vec<std::ops::Range<usize>>> = vec![Vec::new(); scan.paragraphs.len()];
    for run in &scan.prose {
        if run.block < by_block.len() {
            by_block[run.block].push(run.span.range());
        }
    }
    let mut out = Vec::new();
    for (i, p) in scan.paragraphs.iter().enumerate() {
        if p.kind != BlockKind::Paragraph || by_block[i].is_empty() {
            continue;
        }
        // Inline code is a piece too, masked: "la commande `ls` affiche"
        // keeps a word between "commande" and "affiche".
        let code: Vec<std::ops::Range<usize>> = scan
            .code_spans
            .iter()
            .filter(|c| p.span.contains(**c))
            .map(|c| c.range())
            .collect();
        let mut pieces = std::mem::take(&mut by_block[i]);
        pieces.extend(code.iter().cloned());
        pieces.sort_by_key(|r| r.start);
        let mut masks = code;
        for piece in &pieces {
            masks_in(text, piece.clone(), &mut masks);
        }
        masks.sort_by_key(|r| r.start);
        out.push(ProseParagraph { pieces, masks });
    }
    if let Some(root) = doc.front_matter.as_ref().and_then(|fm| fm.root.as_ref()) {
        for e in root.entries() {
            if !matches!(e.value.value, Value::String(_))
                || !cfg.spell.fields.iter().any(|f| f == &e.key)
            {
                continue;
            }
            let span = e.value.span;
            let range = match e.value.style {
                Style::SingleQuoted | Style::DoubleQuoted | Style::Quoted if span.len() >= 2 => {
                    span.start + 1..span.end - 1
                }
                _ => span.range(),
            };
            // A doubled quote (`''`) inside a single-quoted value is one
            // character: split there so the engine never reads two.
            let mut pieces = Vec::new();
            let raw = &text[range.clone()];
            let mut start = range.start;
            if e.value.style == Style::SingleQuoted {
                for (k, _) in raw.match_indices("''") {
                    pieces.push(start..range.start + k + 1);
                    start = range.start + k + 2;
                }
            }
            pieces.push(start..range.end);
            let mut masks = Vec::new();
            for piece in &pieces {
                masks_in(text, piece.clone(), &mut masks);
            }
            out.push(ProseParagraph { pieces, masks });
        }
    }
    out
}

/// What to keep of a document for the stage, when grammar is on for it.
pub fn input(doc: &Document, cfg: &FileConfig, forced: bool) -> Option<GrammarInput> {
    if !(forced || cfg.grammar_settings.enabled) || cfg.severity(&META).is_none() {
        return None;
    }
    let lang = crate::rules::spelling::language(doc, cfg);
    if !matches!(lang, Lang::French | Lang::English) {
        return None;
    }
    let paragraphs = paragraphs(doc, cfg);
    (!paragraphs.is_empty()).then_some(GrammarInput { lang, paragraphs })
}

fn diagnostic(f: &GrammarFinding, severity: Severity) -> Diagnostic {
    let span = Span::from(f.range.clone());
    let mut d = Diagnostic::new(
        &META,
        span,
        format!("{} [{} {}]", f.message, f.engine.name(), f.rule_id),
    )
    .with_severity(severity);
    if !f.suggestions.is_empty() {
        let list: Vec<String> = f
            .suggestions
            .iter()
            .take(3)
            .map(|s| format!("`{s}`"))
            .collect();
        d = d.with_help(format!("suggestion: {}", list.join(", ")));
    }
    // Unsafe: grammar fixes change meaning more often than spelling fixes.
    if let Some(fix) = f.fix() {
        d = d.with_fix(Fix::unsafe_(span, fix));
    }
    d
}

/// Runs the engines over the kept inputs of `files` and adds GR001
/// findings; returns notes for the run (Grammalecte missing...).
pub fn stage(files: &mut [FileReport], configs: &[&FileConfig]) -> Vec<String> {
    let mut notes = Vec::new();
    // One batch of French documents for Grammalecte (few processes).
    let french: Vec<usize> = (0..files.len())
        .filter(|&i| {
            matches!(files[i].grammar.as_ref(), Some(g) if g.lang == Lang::French)
                && files[i].text.is_some()
        })
        .collect();
    let mut found: Vec<Vec<GrammarFinding>> = vec![Vec::new(); files.len()];
    if !french.is_empty() {
        let opts = configs[french[0]].grammar_settings.options();
        let docs: Vec<(&str, &[ProseParagraph])> = french
            .iter()
            .filter_map(|&i| {
                let text = files[i].text.as_deref()?;
                let g = files[i].grammar.as_ref()?;
                Some((text, g.paragraphs.as_slice()))
            })
            .collect();
        match crate::grammar::check_french_batch(&docs, &opts) {
            Ok(per_doc) => {
                for (k, f) in per_doc.into_iter().enumerate() {
                    found[french[k]] = f;
                }
            }
            Err(e @ GrammarError::NotInstalled { .. }) => {
                notes.push(format!("French grammar skipped: {e}"))
            }
            Err(e) => notes.push(format!("French grammar failed, skipped: {e}")),
        }
    }
    // English documents with harper, in process, in parallel.
    let english: Vec<(usize, Vec<GrammarFinding>)> = files
        .par_iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let g = f.grammar.as_ref().filter(|g| g.lang == Lang::English)?;
            let text = f.text.as_deref()?;
            Some((
                i,
                crate::grammar::check_english(
                    text,
                    &g.paragraphs,
                    &configs[i].grammar_settings.options(),
                ),
            ))
        })
        .collect();
    for (i, f) in english {
        found[i] = f;
    }
    for ((file, cfg), findings) in files.iter_mut().zip(configs).zip(found) {
        file.grammar = None;
        if findings.is_empty() {
            continue;
        }
        let Some(severity) = cfg.severity(&META) else {
            continue;
        };
        let mut diags: Vec<Diagnostic> = findings.iter().map(|f| diagnostic(f, severity)).collect();
        if let Some(d) = &file.directives {
            d.filter(&mut diags);
        }
        if diags.is_empty() {
            continue;
        }
        if file.lines.is_none()
            && let Some(t) = &file.text
        {
            file.lines = Some(std::sync::Arc::new(crate::document::LineIndex::new(t)));
        }
        file.diagnostics.extend(diags);
        sort_diagnostics(&mut file.diagnostics);
    }
    notes
}
