//! The French engine on the beta.gouv.fr posts of `../shared` (the 133 in
//! French; two are in English and left to harper): every
//! finding lands inside the prose it came from, on character boundaries, and
//! no typography or default-off rule gets through with default options.
//!
//! Set `FRONTLINT_GRAMMAR_DUMP=FILE` to check with the default-off rules
//! allowed and write every finding as TSV, for reviewing rules; the per-rule
//! counts are printed with `--nocapture`.

#[path = "grammar_helper.rs"]
mod helper;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Instant;

use frontlint::grammar::{
    GrammarFinding, GrammarOptions, ProseParagraph, check_french_batch, default_off_rules,
    is_default_off, rule_name,
};

fn inside_pieces(paragraphs: &[ProseParagraph], f: &GrammarFinding) -> bool {
    paragraphs.iter().any(|p| {
        let (Some(first), Some(last)) = (p.pieces.first(), p.pieces.last()) else {
            return false;
        };
        first.start <= f.range.start && f.range.end <= last.end
    })
}

#[test]
fn betagouv_findings_point_into_prose() {
    let Some(shared) = helper::shared_dir() else {
        return;
    };
    if !helper::grammalecte_or_skip() {
        return;
    }
    let posts: Vec<_> = helper::betagouv_posts(&shared)
        .into_iter()
        .filter(|(_, text)| !helper::looks_english(text))
        .collect();
    assert!(!posts.is_empty(), "no posts found in the betagouv corpus");
    let paragraphs: Vec<Vec<ProseParagraph>> = posts
        .iter()
        .map(|(_, text)| helper::prose_paragraphs(text))
        .collect();
    let docs: Vec<(&str, &[ProseParagraph])> = posts
        .iter()
        .zip(&paragraphs)
        .map(|((_, text), p)| (text.as_str(), p.as_slice()))
        .collect();

    // With FRONTLINT_GRAMMAR_DUMP set, everything but typography and
    // spelling, to review the default-off list; otherwise the defaults.
    let dump_to = std::env::var_os("FRONTLINT_GRAMMAR_DUMP");
    let opts = if dump_to.is_some() {
        GrammarOptions {
            allow: default_off_rules().iter().map(|r| r.id.clone()).collect(),
            ..GrammarOptions::default()
        }
    } else {
        GrammarOptions::default()
    };
    let started = Instant::now();
    let all = check_french_batch(&docs, &opts).expect("grammalecte runs");
    eprintln!(
        "grammar stage on {} posts: {:.2?}",
        posts.len(),
        started.elapsed()
    );

    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut dump = String::new();
    for (((path, text), paras), findings) in posts.iter().zip(&paragraphs).zip(&all) {
        for f in findings {
            assert!(
                text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end),
                "{}: {:?} splits a character",
                path.display(),
                f.range
            );
            assert!(
                inside_pieces(paras, f),
                "{}: {:?} ({}) is outside the prose",
                path.display(),
                f.range,
                f.rule_id
            );
            assert!(
                !["apos", "nbsp", "esp", "typo", "num", "unit"].contains(&f.category.as_str()),
                "typography got through: {f:?}"
            );
            *counts
                .entry((f.category.clone(), rule_name(&f.rule_id).to_owned()))
                .or_default() += 1;
            let (line, col) = helper::line_col(text, f.range.start);
            let line_text = text.lines().nth(line - 1).unwrap_or("");
            let _ = writeln!(
                dump,
                "{}:{line}:{col}\t{}\t{}\t{}\t{:?}\t{}\t{}",
                path.file_name().map_or("".into(), |n| n.to_string_lossy()),
                f.category,
                f.rule_id,
                helper::show(text, &f.range),
                f.suggestions,
                f.message,
                line_text.trim()
            );
        }
    }
    let mut sorted: Vec<_> = counts.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let total: usize = sorted.iter().map(|(_, n)| n).sum();
    eprintln!("{total} findings:");
    for ((category, name), n) in &sorted {
        eprintln!("{n:5}  {category:6} {name}");
    }
    match dump_to {
        Some(path) => std::fs::write(&path, dump).expect("write the dump"),
        None => {
            for f in all.iter().flatten() {
                assert!(
                    !is_default_off(&f.rule_id, &f.category),
                    "default-off rule reported: {f:?}"
                );
            }
        }
    }
}
