//! The English engine end to end: harper-core on a fixture with known errors,
//! with spans checked against the file's own text.

#[path = "grammar_helper.rs"]
mod helper;

use std::path::Path;

use frontlint::grammar::{Engine, GrammarFinding, GrammarOptions, ProseParagraph, check_english};

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

fn whole(text: &str) -> Vec<ProseParagraph> {
    vec![ProseParagraph::single(0..text.len())]
}

#[test]
fn known_errors_are_found_at_their_file_spans() {
    let text = fixture("en-errors.md");
    let paragraphs = helper::prose_paragraphs(&text);
    let findings = check_english(&text, &paragraphs, &GrammarOptions::default());
    let all = located(&text, &findings);
    let expected = [
        (7, 5, "go", "PronounVerbAgreement", "goes"),
        (7, 40, "have", "PronounVerbAgreement", "has"),
        (9, 9, "an", "AnA", "a"),
        (9, 40, "a", "AnA", "an"),
        (11, 10, "the the", "RepeatedWords", "the"),
        (13, 30, "it's", "ItsPossessive", "its"),
        (14, 16, "it's", "ItsPossessive", "its"),
    ];
    for (line, col, word, rule, fix) in expected {
        let hit = findings.iter().find(|f| {
            helper::line_col(&text, f.range.start) == (line, col) && &text[f.range.clone()] == word
        });
        let Some(hit) = hit else {
            panic!("no finding on {word:?} at {line}:{col}; got {all:#?}");
        };
        assert_eq!(hit.rule_id, rule);
        assert_eq!(hit.engine, Engine::Harper);
        assert_eq!(hit.fix(), Some(fix), "{hit:?}");
    }
    // Nothing else: no typography, no style advice, nothing in the masked
    // code span or link destination. ("said its ready" is a miss of harper
    // 3.0, not asserted either way.)
    assert_eq!(findings.len(), expected.len(), "{all:#?}");
}

#[test]
fn masked_code_is_neither_a_word_nor_a_repetition() {
    let text = "Wrap it in an `Rc<T>` or a `Arc<T>`, then call `x` `x` again.";
    let masks = ["`Rc<T>`", "`Arc<T>`", "`x` `x`"]
        .iter()
        .filter_map(|m| text.find(m).map(|s| s..s + m.len()))
        .collect();
    let para = ProseParagraph {
        masks,
        ..ProseParagraph::single(0..text.len())
    };
    let findings = check_english(text, &[para], &GrammarOptions::default());
    assert!(findings.is_empty(), "{:#?}", located(text, &findings));
    // Unmasked, the articles are judged on the code: the masks are what
    // matters.
    let unmasked = check_english(text, &whole(text), &GrammarOptions::default());
    let rules: Vec<&str> = unmasked.iter().map(|f| f.rule_id.as_str()).collect();
    assert!(rules.contains(&"AnA"), "{rules:?}");
    // Two masks of one length read as the same placeholder word would be a
    // repetition if harper saw them as words.
    let placeholders = "then call Xxx Xxx again.";
    let as_words = check_english(
        placeholders,
        &whole(placeholders),
        &GrammarOptions::default(),
    );
    assert!(as_words.iter().any(|f| f.rule_id == "RepeatedWords"));
}

#[test]
fn options_select_rules_and_typography() {
    let text = "She go home -- and this is an test.";
    let plain = check_english(text, &whole(text), &GrammarOptions::default());
    let rules: Vec<&str> = plain.iter().map(|f| f.rule_id.as_str()).collect();
    assert!(
        rules.contains(&"AnA") && rules.contains(&"PronounVerbAgreement"),
        "{rules:?}"
    );
    assert!(
        plain.iter().all(|f| f.category != "Formatting"),
        "{rules:?}"
    );

    let deny = GrammarOptions {
        deny: vec!["AnA".into()],
        typography: true,
        ..GrammarOptions::default()
    };
    let findings = check_english(text, &whole(text), &deny);
    let rules: Vec<&str> = findings.iter().map(|f| f.rule_id.as_str()).collect();
    assert!(!rules.contains(&"AnA"), "{rules:?}");
    assert!(
        findings.iter().any(|f| f.category == "Formatting"),
        "{rules:?}"
    );
}

#[test]
fn threads_get_the_same_answers() {
    let text = fixture("en-errors.md");
    let paragraphs = helper::prose_paragraphs(&text);
    let here = check_english(&text, &paragraphs, &GrammarOptions::default());
    let there = std::thread::scope(|s| {
        s.spawn(|| check_english(&text, &paragraphs, &GrammarOptions::default()))
            .join()
            .expect("thread")
    });
    assert_eq!(here, there);
}
