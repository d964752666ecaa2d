//! The precompiled dictionaries accept exactly what spellbook accepts when it
//! reads the same Hunspell files (apart from frontlint's deliberate leniency:
//! case of proper nouns and `oe`/`œ`). Elisions and hyphenated compounds are
//! left out: the checker splits them before asking the dictionary.

use std::collections::BTreeSet;
use std::path::Path;

use frontlint::spell::{Dictionary, DictionaryError};

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Words to compare: every stem of the `.dic`, a few inflections of each
/// (so affixes are exercised without expanding them here), and every word of
/// the fixtures and, when present, of the corpora.
fn sample_words(dic: &str, extra_dirs: &[&str]) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for line in dic.lines().skip(1).step_by(11) {
        let stem = line.split('/').next().unwrap_or("").trim();
        if stem.is_empty() {
            continue;
        }
        words.insert(stem.to_string());
        for suffix in ["s", "es", "ed", "ing", "ait", "ées"] {
            words.insert(format!("{stem}{suffix}"));
        }
    }
    for dir in extra_dirs {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        if !root.is_dir() {
            eprintln!("SKIPPED: {dir} not found (its words are not compared)");
            continue;
        }
        let mut stack = vec![root];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "md")
                    && let Ok(text) = std::fs::read_to_string(&p)
                {
                    for w in text.split(|c: char| !c.is_alphabetic()) {
                        if w.chars().count() >= 2 {
                            words.insert(w.to_string());
                        }
                    }
                }
            }
        }
    }
    words
}

fn compare(lang: &str, ours: &Dictionary, extra_dirs: &[&str]) {
    let aff = read(&format!("rules/dictionaries/{lang}/{lang}.aff"));
    let dic = read(&format!("rules/dictionaries/{lang}/{lang}.dic"));
    let reference = spellbook::Dictionary::new(&aff, &dic).expect("spellbook reads the files");
    let mut missing = Vec::new();
    let mut extra = Vec::new();
    let words = sample_words(&dic, extra_dirs);
    for w in &words {
        // Two-letter and all-capital tokens are never checked by the engine
        // (acronyms, chemical symbols), and `KEEPCASE` is not reproduced.
        if w.contains(['\'', '’', '-', '.'])
            || w.chars().count() <= 2
            || !w.chars().any(char::is_lowercase)
        {
            continue;
        }
        let theirs = reference.check(w);
        let mine = ours.check(w);
        if theirs && !mine {
            missing.push(w.clone());
        } else if mine && !theirs {
            // Deliberate leniency: a proper noun in lowercase, a ligature.
            let mut cs = w.chars();
            let cap: String = cs
                .next()
                .map(|f| f.to_uppercase().chain(cs).collect())
                .unwrap_or_default();
            let lig = w.replace("oe", "œ").replace("ae", "æ").replace("Oe", "Œ");
            if !(reference.check(&cap) || reference.check(&lig)) {
                extra.push(w.clone());
            }
        }
    }
    eprintln!(
        "{lang}: {} words compared, {} missing, {} extra",
        words.len(),
        missing.len(),
        extra.len()
    );
    assert!(
        missing.is_empty(),
        "{lang}: spellbook accepts, we reject: {:?}",
        &missing[..missing.len().min(50)]
    );
    assert!(
        extra.is_empty(),
        "{lang}: we accept, spellbook rejects: {:?}",
        &extra[..extra.len().min(50)]
    );
}

#[test]
fn french_matches_spellbook() -> Result<(), DictionaryError> {
    compare(
        "fr",
        &Dictionary::french()?,
        &["fixtures", "../shared/corpus/betagouv/content/_posts"],
    );
    Ok(())
}

#[test]
fn english_matches_spellbook() -> Result<(), DictionaryError> {
    compare(
        "en",
        &Dictionary::english()?,
        &["fixtures", "../shared/corpus/rust-blog-zola/content"],
    );
    Ok(())
}
