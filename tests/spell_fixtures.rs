//! Behaviour of the spelling engine on the small posts of
//! `fixtures/spelling/`, with exact ranges and edits.

use std::path::Path;

use frontlint::spell::*;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/spelling")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn engine() -> SpellEngine {
    SpellEngine::new(SpellConfig::default()).expect("default engine")
}

/// Runs the engine on a fixture with its front-matter `lang`.
fn check(name: &str) -> (String, Vec<SpellFinding>) {
    let text = fixture(name);
    let runs = rough_prose_runs(&text);
    let hint = text
        .lines()
        .find_map(|l| l.strip_prefix("lang: "))
        .map(str::to_string);
    let lang = resolve_language(hint.as_deref(), &[], &text);
    let findings = engine().check_document(&text, &runs, &lang, &SpellOptions::default());
    (text, findings)
}

/// `(code, text at range, replacement)` of each finding.
fn summary<'a>(
    text: &'a str,
    findings: &[SpellFinding],
) -> Vec<(&'static str, &'a str, Option<String>)> {
    findings
        .iter()
        .map(|f| (f.kind.code(), &text[f.range.clone()], f.replacement.clone()))
        .collect()
}

/// Applies every edit, last first (they never overlap here).
fn apply(text: &str, findings: &[SpellFinding]) -> String {
    let mut out = text.to_string();
    let mut edits: Vec<_> = findings
        .iter()
        .filter_map(|f| f.replacement.as_ref().map(|r| (f.range.clone(), r.clone())))
        .collect();
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    for (range, r) in edits {
        out.replace_range(range, &r);
    }
    out
}

#[test]
fn clean_french_post_has_no_finding() {
    let (text, findings) = check("fr-clean.md");
    assert_eq!(summary(&text, &findings), vec![]);
}

#[test]
fn clean_english_post_has_no_finding() {
    let (text, findings) = check("en-clean.md");
    assert_eq!(summary(&text, &findings), vec![]);
}

#[test]
fn french_typos_are_found_with_exact_edits() {
    let (text, findings) = check("fr-typos.md");
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        summary(&text, &findings),
        vec![
            ("TY001", "dévelopement", s("développement")),
            ("TY003", " le", s("")),
            ("TY002", "enccourager", None),
            ("TY004", ",,", s(",")),
            ("TY002", "connaîssent", None),
            ("TY004", "..", s(".")),
        ]
    );
    let start = text.find("dévelopement").expect("in fixture");
    assert_eq!(findings[0].range, start..start + "dévelopement".len());
    let suggestions: Vec<Vec<String>> = findings
        .iter()
        .filter_map(|f| match &f.kind {
            FindingKind::UnknownWord { suggestions, .. } => Some(suggestions.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        suggestions[0].first().map(String::as_str),
        Some("encourager")
    );
    assert_eq!(
        suggestions[1].first().map(String::as_str),
        Some("connaissent")
    );
    assert!(suggestions.iter().all(|s| s.len() <= 3));
    let fixed = apply(&text, &findings);
    assert!(fixed.contains("Le développement avance, mais le calendrier glisse."));
    assert!(fixed.contains("enccourager les équipes, et les salariés"));
    assert!(fixed.contains("pas la suite.\n"));
}

#[test]
fn english_typos_are_found_with_exact_edits() {
    let (text, findings) = check("en-typos.md");
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        summary(&text, &findings),
        vec![
            ("TY001", "recieve", s("receive")),
            ("TY003", " the", s("")),
            ("TY004", " ,", s(",")),
            ("TY001", "definately", s("definitely")),
            ("TY004", "..", s(".")),
            ("TY002", "qzxvbwrt", None),
        ]
    );
    let fixed = apply(&text, &findings);
    assert!(fixed.contains("We receive the reports, and definitely read them.\n"));
}

#[test]
fn english_lists_never_apply_to_french() {
    // `projet` and `sur` are typos of English words in typos-dict.
    let text = "Le projet avance sur le terrain et nous recevons des retours.";
    let runs = vec![ProseRun::body(0..text.len())];
    let f = engine().check_document(text, &runs, &Lang::French, &SpellOptions::default());
    assert_eq!(f, vec![]);
    // Even when a short French text is taken for English, the English list
    // never "corrects" a French word; real English typos still are.
    let f = engine().check_document(text, &runs, &Lang::English, &SpellOptions::default());
    assert!(!f.iter().any(|f| f.kind.code() == "TY001"), "{f:?}");
    let text = "Responsable technique. We recieve reports.";
    let runs = vec![ProseRun::body(0..text.len())];
    let f = engine().check_document(text, &runs, &Lang::English, &SpellOptions::default());
    let ty001: Vec<&str> = f
        .iter()
        .filter(|f| f.kind.code() == "TY001")
        .map(|f| f.word.as_str())
        .collect();
    assert_eq!(ty001, vec!["recieve"]);
}

#[test]
fn proper_nouns_elsewhere_in_the_document_are_not_flagged() {
    let text = "Nous avons parlé à Zorblax hier. zorblax répond vite.";
    let runs = vec![ProseRun::body(0..text.len())];
    let f = engine().check_document(text, &runs, &Lang::French, &SpellOptions::default());
    assert_eq!(f, vec![]);
    // Alone, at a sentence start, it is reported.
    let text = "Zorblax répond vite.";
    let runs = vec![ProseRun::body(0..text.len())];
    let f = engine().check_document(text, &runs, &Lang::French, &SpellOptions::default());
    assert_eq!(f.len(), 1);
}

#[test]
fn link_text_counts_as_a_name() {
    let text = "Voir Qwopz. qwopz est lent.";
    let runs = vec![
        ProseRun::body(0..5),
        ProseRun {
            range: 5..10,
            in_link_text: true,
            kind: RunKind::Body,
        },
        ProseRun::body(10..text.len()),
    ];
    let f = engine().check_document(text, &runs, &Lang::French, &SpellOptions::default());
    assert_eq!(f, vec![]);
}

#[test]
fn project_vocabulary_and_word_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let list = dir.path().join("words.txt");
    std::fs::write(&list, "# site words\nqwopz\n").expect("write");
    let engine = SpellEngine::new(SpellConfig {
        words: vec!["Zorblax".into()],
        word_files: vec![list],
        ..SpellConfig::default()
    })
    .expect("engine");
    let text = "zorblax et qwopz sont là.";
    let runs = vec![ProseRun::body(0..text.len())];
    assert_eq!(
        engine.check_document(text, &runs, &Lang::French, &SpellOptions::default()),
        vec![]
    );
    let missing = SpellEngine::new(SpellConfig {
        word_files: vec![dir.path().join("nope.txt")],
        ..SpellConfig::default()
    });
    assert!(missing.is_err());
}

#[test]
fn options_turn_checks_off() {
    let (text, _) = check("fr-typos.md");
    let runs = rough_prose_runs(&text);
    let opts = SpellOptions {
        unknown_words: false,
        repeated_punctuation: false,
        ..SpellOptions::default()
    };
    let f = engine().check_document(&text, &runs, &Lang::French, &opts);
    let codes: Vec<&str> = f.iter().map(|f| f.kind.code()).collect();
    assert_eq!(codes, vec!["TY001", "TY003"]);
}

#[test]
fn site_vocabulary_filters_by_document_frequency() {
    let engine = engine();
    let opts = SpellOptions {
        suggestions: false,
        ..SpellOptions::default()
    };
    let docs = [
        "Le zorblaxage avance.",
        "Le zorblaxage recule.",
        "Le zorblaxage stagne et le qwopzage aussi.",
    ];
    let mut vocab = SiteVocabulary::new();
    let mut all = Vec::new();
    for d in docs {
        let f = engine.check_document(d, &[ProseRun::body(0..d.len())], &Lang::French, &opts);
        vocab.add_document(&f);
        all.push(f);
    }
    assert_eq!(vocab.documents("zorblaxage"), 3);
    let mut last = all.pop().expect("three docs");
    vocab.retain_typos(&mut last, DEFAULT_MIN_DOCUMENTS);
    let words: Vec<&str> = last.iter().map(|f| f.word.as_str()).collect();
    assert_eq!(words, vec!["qwopzage"]);
    engine.fill_suggestions(&Lang::French, &mut last);
    let stats = vocab.by_frequency();
    assert_eq!(stats[0].key, "zorblaxage");
    assert_eq!((stats[0].documents, stats[0].occurrences), (3, 3));
}

#[test]
fn custom_dictionary_from_a_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("xx.aff"),
        "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n",
    )
    .expect("aff");
    std::fs::write(dir.path().join("xx.dic"), "2\nblorp/S\nfnord\n").expect("dic");
    let engine = SpellEngine::new(SpellConfig {
        dictionaries: vec![("xx".into(), dir.path().join("xx.aff"))],
        system_dictionary_dirs: vec![],
        ..SpellConfig::default()
    })
    .expect("engine");
    let lang = resolve_language(Some("xx"), &[], "");
    let text = "blorps fnord zonk";
    let f = engine.check_document(
        text,
        &[ProseRun::body(0..text.len())],
        &lang,
        &SpellOptions::default(),
    );
    let words: Vec<&str> = f.iter().map(|f| f.word.as_str()).collect();
    assert_eq!(words, vec!["zonk"]);
    // A language with no dictionary anywhere says so, and checks nothing.
    let none = resolve_language(Some("zz"), &[], "");
    assert!(engine.dictionary(&none).is_err());
    assert_eq!(
        engine.check_document(
            text,
            &[ProseRun::body(0..text.len())],
            &none,
            &SpellOptions::default()
        ),
        vec![]
    );
}

#[test]
fn hostile_runs_do_not_panic() {
    let engine = engine();
    let text = "é,,é ..  x";
    let runs = vec![
        ProseRun::body(0..1),                                 // not a char boundary
        ProseRun::body(std::ops::Range { start: 5, end: 3 }), // reversed
        ProseRun::body(0..1000),                              // out of bounds
        ProseRun::body(0..text.len()),
    ];
    let f = engine.check_document(text, &runs, &Lang::French, &SpellOptions::default());
    for x in &f {
        assert!(text.get(x.range.clone()).is_some());
    }
}

#[test]
fn huge_single_line_stays_linear() {
    // 1.2 MB on one line: sentence starts, unknown names, URLs, doubled
    // marks. Every context scan must be bounded.
    let unit = "Zqxw vint. Zqxw https://x.org/a,, le le mot zzqq.. ";
    let text = unit.repeat(24_000);
    let runs = vec![ProseRun::body(0..text.len())];
    let t = std::time::Instant::now();
    let f = engine().check_document(&text, &runs, &Lang::French, &SpellOptions::default());
    assert!(!f.is_empty());
    // Generous for a debug build on a loaded machine; quadratic behaviour
    // would take minutes.
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
}
