//! The TY001–TY004 docs are honest: their front matter is complete, their
//! failing example fails with their code and the fixed one passes.

use std::path::Path;

use frontlint::spell::*;

/// The first fenced block after `heading`.
fn block_after<'a>(doc: &'a str, heading: &str) -> &'a str {
    let at = doc
        .find(heading)
        .unwrap_or_else(|| panic!("missing {heading}"));
    let rest = &doc[at..];
    let open = rest.find("```markdown\n").expect("a markdown block") + "```markdown\n".len();
    let close = rest[open..].find("```").expect("closed block");
    &rest[open..open + close]
}

fn codes(text: &str, lang: &Lang) -> Vec<&'static str> {
    let engine = SpellEngine::new(SpellConfig::default()).expect("engine");
    let runs = rough_prose_runs(text);
    engine
        .check_document(text, &runs, lang, &SpellOptions::default())
        .iter()
        .map(|f| f.kind.code())
        .collect()
}

#[test]
fn rule_docs_match_behaviour() {
    let cases = [
        ("TY001", "misspelling", "true", Lang::English),
        ("TY002", "unknown-word", "false", Lang::French),
        ("TY003", "repeated-word", "true", Lang::French),
        ("TY004", "repeated-punctuation", "true", Lang::French),
    ];
    for (code, name, fixable, lang) in cases {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("rules/{code}.md"));
        let doc = std::fs::read_to_string(&path).expect("rule doc");
        for line in [
            format!("code: {code}"),
            format!("name: {name}"),
            "category: spelling".to_string(),
            "severity: warning".to_string(),
            format!("fixable: {fixable}"),
        ] {
            assert!(doc.lines().any(|l| l == line), "{code}: missing `{line}`");
        }
        for section in [
            "## What it flags",
            "## Why",
            "## Example (fails)",
            "## Use instead",
            "## Options",
        ] {
            assert!(doc.contains(section), "{code}: missing {section}");
        }
        let fails = block_after(&doc, "## Example (fails)");
        assert!(
            codes(fails, &lang).contains(&code),
            "{code}: example does not fail"
        );
        let passes = block_after(&doc, "## Use instead");
        assert!(
            !codes(passes, &lang).contains(&code),
            "{code}: fixed example still fails"
        );
    }
}
