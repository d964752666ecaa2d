//! Corpus quality: how often TY002 fires on carefully edited real sites
//! (`../shared/corpus`), out of the box (site vocabulary pass included).

use std::path::{Path, PathBuf};

use frontlint::spell::*;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: ../shared not found");
        None
    }
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            markdown_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "md") {
            out.push(p);
        }
    }
}

struct Rate {
    words: usize,
    flagged: usize,
    vocab: SiteVocabulary,
    kept: Vec<(PathBuf, SpellFinding)>,
}

fn measure(dir: &Path, configured: &[String]) -> Rate {
    let engine = SpellEngine::new(SpellConfig::default()).expect("engine");
    let mut files = Vec::new();
    markdown_files(dir, &mut files);
    let opts = SpellOptions {
        suggestions: false,
        ..SpellOptions::default()
    };
    let mut vocab = SiteVocabulary::new();
    let mut per_file = Vec::new();
    let mut words = 0;
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let runs = rough_prose_runs(&text);
        words += prose_word_count(&text, &runs);
        let lang = resolve_language(None, configured, &text);
        let findings = engine.check_document(&text, &runs, &lang, &opts);
        vocab.add_document(&findings);
        per_file.push((path, findings));
    }
    let mut kept = Vec::new();
    for (path, mut findings) in per_file {
        vocab.retain_typos(&mut findings, DEFAULT_MIN_DOCUMENTS);
        kept.extend(
            findings
                .into_iter()
                .filter(|f| f.kind.code() == "TY002")
                .map(|f| (path.clone(), f)),
        );
    }
    Rate {
        words,
        flagged: kept.len(),
        vocab,
        kept,
    }
}

fn report(name: &str, r: &Rate) -> f64 {
    let per_1000 = r.flagged as f64 * 1000.0 / r.words.max(1) as f64;
    eprintln!(
        "{name}: {} words, {} TY002 after site vocabulary = {per_1000:.2} per 1,000",
        r.words, r.flagged
    );
    if std::env::var_os("SPELL_CORPUS_VERBOSE").is_some() {
        let mut counts: std::collections::HashMap<String, usize> = Default::default();
        for (_, f) in &r.kept {
            *counts.entry(f.word.clone()).or_default() += 1;
        }
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let list: Vec<String> = v
            .iter()
            .take(300)
            .map(|(w, n)| format!("{w}:{n}"))
            .collect();
        eprintln!("{}", list.join(" "));
        eprintln!(
            "distinct unknown words before the vocabulary pass: {}",
            r.vocab.len()
        );
    }
    per_1000
}

#[test]
fn english_rust_blog_under_one_per_thousand() {
    let Some(shared) = shared() else { return };
    let r = measure(&shared.join("corpus/rust-blog-zola"), &["en".to_string()]);
    assert!(report("rust-blog-zola", &r) < 1.0);
}

#[test]
fn french_betagouv_under_two_per_thousand() {
    let Some(shared) = shared() else { return };
    let r = measure(
        &shared.join("corpus/betagouv/content/_posts"),
        &["fr".to_string()],
    );
    assert!(report("betagouv _posts", &r) < 2.0);
}
