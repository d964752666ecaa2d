//! The seed post and the handed cases of `../shared` (skipped when absent).

use std::path::{Path, PathBuf};

use frontlint::spell::*;

fn shared(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("SKIPPED: ../shared not found");
        None
    }
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

fn check(path: &Path, configured: &[String]) -> (String, Vec<SpellFinding>) {
    let text = std::fs::read_to_string(path).expect("readable");
    let runs = rough_prose_runs(&text);
    let hint = text
        .lines()
        .find_map(|l| l.strip_prefix("lang: "))
        .map(str::to_string);
    let lang = resolve_language(hint.as_deref(), configured, &text);
    let engine = SpellEngine::new(SpellConfig::default()).expect("engine");
    let findings = engine.check_document(&text, &runs, &lang, &SpellOptions::default());
    (text, findings)
}

fn suggestions(f: &SpellFinding) -> Vec<String> {
    match &f.kind {
        FindingKind::Misspelling { corrections } => corrections.clone(),
        FindingKind::UnknownWord { suggestions, .. } => suggestions.clone(),
        _ => Vec::new(),
    }
}

#[test]
fn seed_post_findings() {
    let Some(path) = shared("seed/2020-03-31-les-initiatives-covid19-beta-gouv-fr.md") else {
        return;
    };
    let (text, findings) = check(&path, &[]);
    let got: Vec<(usize, &str, String)> = findings
        .iter()
        .map(|f| {
            (
                line_of(&text, f.range.start),
                f.kind.code(),
                text[f.range.clone()].to_string(),
            )
        })
        .collect();
    eprintln!("{got:?}");
    let has = |line: usize, word: &str| {
        got.iter()
            .any(|(l, c, w)| *l == line && w == word && matches!(*c, "TY001" | "TY002"))
    };
    assert!(has(33, "sécrétariat"));
    assert!(has(60, "enccourager"));
    assert!(has(62, "connaîssent"));
    assert!(
        got.iter()
            .any(|(l, c, w)| *l == 70 && *c == "TY004" && w == ",,")
    );
    let by_word = |w: &str| {
        findings
            .iter()
            .find(|f| f.word == w)
            .map(suggestions)
            .unwrap_or_default()
    };
    assert_eq!(
        by_word("enccourager").first().map(String::as_str),
        Some("encourager")
    );
    assert_eq!(
        by_word("connaîssent").first().map(String::as_str),
        Some("connaissent")
    );
    assert_eq!(
        by_word("sécrétariat").first().map(String::as_str),
        Some("secrétariat")
    );
    // At most 3 other spelling findings in the whole seed.
    assert!(got.len() <= 4 + 3, "{got:?}");
}

#[test]
fn case_c03_both_misspellings() {
    let Some(path) = shared("cases/C03.md") else {
        return;
    };
    let (text, findings) = check(&path, &[]);
    let got: Vec<(usize, String)> = findings
        .iter()
        .map(|f| (line_of(&text, f.range.start), f.word.clone()))
        .collect();
    assert!(got.contains(&(10, "recieve".to_string())), "{got:?}");
    assert!(got.contains(&(13, "definately".to_string())), "{got:?}");
}

#[test]
fn case_c23_french_words_accepted() {
    let Some(path) = shared("cases/C23.md") else {
        return;
    };
    let (text, findings) = check(&path, &[]);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(line_of(&text, findings[0].range.start), 10);
    assert_eq!(findings[0].word, "dévelopement");
    assert_eq!(suggestions(&findings[0]), vec!["développement".to_string()]);
}
