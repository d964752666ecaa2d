//! The French engine end to end: the real `grammalecte-cli` on the seed post
//! and on small fixtures, with spans checked against the file's own text.
//! Tests that need the command, or `../shared`, say SKIPPED and return when
//! it is missing.

#[path = "grammar_helper.rs"]
mod helper;

use std::path::{Path, PathBuf};

use frontlint::grammar::{
    GrammarError, GrammarFinding, GrammarOptions, INSTALL_HINT, ProseParagraph, check_french,
    check_french_batch,
};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/grammar")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// (line, column, text in the file, rule id) of each finding.
fn located(text: &str, findings: &[GrammarFinding]) -> Vec<(usize, usize, String, String)> {
    findings
        .iter()
        .map(|f| {
            let (line, col) = helper::line_col(text, f.range.start);
            (line, col, helper::show(text, &f.range), f.rule_id.clone())
        })
        .collect()
}

fn find<'a>(
    text: &str,
    findings: &'a [GrammarFinding],
    line: usize,
    word: &str,
) -> Option<&'a GrammarFinding> {
    findings
        .iter()
        .find(|f| helper::line_col(text, f.range.start).0 == line && &text[f.range.clone()] == word)
}

const TYPOGRAPHY: &[&str] = &["apos", "nbsp", "esp", "typo", "num", "unit"];

#[test]
fn seed_errors_are_found_at_their_file_spans() {
    let Some(shared) = helper::shared_dir() else {
        return;
    };
    if !helper::grammalecte_or_skip() {
        return;
    }
    let text = std::fs::read_to_string(
        shared.join("seed/2020-03-31-les-initiatives-covid19-beta-gouv-fr.md"),
    )
    .expect("read the seed");
    let paragraphs = helper::prose_paragraphs(&text);
    let findings =
        check_french(&text, &paragraphs, &GrammarOptions::default()).expect("grammalecte runs");
    let all = located(&text, &findings);

    for (line, col, word) in [
        (35, 52, "à"),
        (41, 105, "sponsors"),
        (62, 162, "il"),
        (62, 165, "sont"),
        (62, 225, "compliqué"),
        (55, 56, "mailing"),
    ] {
        assert!(
            all.iter()
                .any(|(l, c, w, _)| (*l, *c, w.as_str()) == (line, col, word)),
            "no finding on {word:?} at {line}:{col}; got {all:#?}"
        );
    }
    for f in &findings {
        assert!(
            !TYPOGRAPHY.contains(&f.category.as_str()),
            "typography reported by default: {f:?}"
        );
        assert!(!f.range.is_empty(), "empty span: {f:?}");
    }
    let a = find(&text, &findings, 35, "à").expect("à");
    assert!(a.message.contains("avoir"), "{}", a.message);
    assert_eq!(a.suggestions, vec!["a"]);
    // "à → a" and "utilisé → utiliser" are two ways out of one slip: both
    // shown, neither fixed automatically. Same for "il sont".
    assert!(a.alternative && a.fix().is_none(), "{a:?}");
    let sont = find(&text, &findings, 62, "sont").expect("sont");
    assert!(sont.alternative && sont.fix().is_none(), "{sont:?}");
    let sponsors = find(&text, &findings, 41, "sponsors").expect("sponsors");
    assert_eq!(sponsors.fix(), Some("sponsor"));
    let complique = find(&text, &findings, 62, "compliqué").expect("compliqué");
    assert_eq!(complique.fix(), Some("compliqués"));
}

#[test]
fn offsets_are_code_points_across_emoji_markup_masks_and_line_breaks() {
    if !helper::grammalecte_or_skip() {
        return;
    }
    let text = fixture("fr-offsets.md");
    let paragraphs = helper::prose_paragraphs(&text);
    let findings =
        check_french(&text, &paragraphs, &GrammarOptions::default()).expect("grammalecte runs");
    // After ☕, 😀 (astral: two UTF-16 units, one code point), bold markup and
    // 𝒜: a UTF-16 reading would shift these by two.
    let il = find(&text, &findings, 5, "il").expect("il");
    assert_eq!(il.suggestions, vec!["ils"]);
    assert!(il.alternative, "{il:?}");
    assert!(find(&text, &findings, 5, "sont").is_some());
    // Second paragraph: after a masked code span and across a soft break.
    assert!(find(&text, &findings, 7, "à").is_some());
    let complique = find(&text, &findings, 8, "compliqué").expect("compliqué");
    assert_eq!(complique.fix(), Some("compliqués"));
    for f in &findings {
        let slice = &text[f.range.clone()];
        assert!(
            !slice.contains('`') && !slice.contains("exemple.fr"),
            "a finding points into masked text: {f:?}"
        );
    }
}

#[test]
fn typography_is_reported_only_when_asked() {
    if !helper::grammalecte_or_skip() {
        return;
    }
    let text = fixture("fr-offsets.md");
    let paragraphs = helper::prose_paragraphs(&text);
    let with = GrammarOptions {
        typography: true,
        ..GrammarOptions::default()
    };
    let findings = check_french(&text, &paragraphs, &with).expect("grammalecte runs");
    let apostrophe = find(&text, &findings, 8, "l'").expect("typographic apostrophe advice");
    assert_eq!(apostrophe.category, "apos");
    assert_eq!(apostrophe.fix(), Some("l’"));
    assert!(findings.iter().any(|f| f.category == "nbsp"));

    let without =
        check_french(&text, &paragraphs, &GrammarOptions::default()).expect("grammalecte runs");
    assert!(
        without
            .iter()
            .all(|f| !TYPOGRAPHY.contains(&f.category.as_str()))
    );
}

#[test]
fn allow_and_deny_name_rules() {
    if !helper::grammalecte_or_skip() {
        return;
    }
    let text = fixture("fr-offsets.md");
    let paragraphs = helper::prose_paragraphs(&text);
    let deny = GrammarOptions {
        deny: vec!["conj_il".into(), "gn".into()],
        ..GrammarOptions::default()
    };
    let findings = check_french(&text, &paragraphs, &deny).expect("grammalecte runs");
    assert!(
        find(&text, &findings, 5, "sont").is_none(),
        "rule name denied"
    );
    assert!(
        find(&text, &findings, 8, "compliqué").is_none(),
        "category denied"
    );
    assert!(find(&text, &findings, 7, "à").is_some(), "other rules kept");

    let allow_one = GrammarOptions {
        allow: vec!["apostrophe_typographique".into()],
        ..GrammarOptions::default()
    };
    let findings = check_french(&text, &paragraphs, &allow_one).expect("grammalecte runs");
    assert!(
        find(&text, &findings, 8, "l'").is_some(),
        "allowed typography rule"
    );
    assert!(!findings.iter().any(|f| f.category == "nbsp"));
}

#[test]
fn a_batch_maps_each_paragraph_back_to_its_document() {
    if !helper::grammalecte_or_skip() {
        return;
    }
    let first = fixture("fr-offsets.md");
    let second = "Les enfants mange.\n\nRien à signaler ici.\n".to_owned();
    let empty = String::new();
    let p1 = helper::prose_paragraphs(&first);
    let p2 = vec![
        ProseParagraph::single(0..18),
        ProseParagraph::single(20..second.len() - 1),
    ];
    let docs: Vec<(&str, &[ProseParagraph])> = vec![
        (first.as_str(), p1.as_slice()),
        (empty.as_str(), &[]),
        (second.as_str(), p2.as_slice()),
    ];
    let out = check_french_batch(&docs, &GrammarOptions::default()).expect("grammalecte runs");
    assert_eq!(out.len(), 3);
    assert!(out[1].is_empty());
    assert!(find(&first, &out[0], 5, "sont").is_some());
    let mange = find(&second, &out[2], 1, "mange").expect("mange");
    assert_eq!(mange.fix(), Some("mangent"));
    for (text, findings) in [(&first, &out[0]), (&second, &out[2])] {
        for f in findings {
            assert!(f.range.end <= text.len(), "{f:?} beyond its document");
        }
    }
}

#[test]
fn a_missing_command_says_how_to_install_it() {
    let opts = GrammarOptions {
        grammalecte_cmd: Some(PathBuf::from("/nonexistent/grammalecte-cli")),
        ..GrammarOptions::default()
    };
    let text = "Il sont partis.";
    let err = check_french(text, &[ProseParagraph::single(0..text.len())], &opts)
        .expect_err("no such command");
    assert!(matches!(err, GrammarError::NotInstalled { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains(INSTALL_HINT), "{message}");
    assert!(
        message.contains("/nonexistent/grammalecte-cli"),
        "{message}"
    );
}
