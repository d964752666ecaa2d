//! Rule docs are the users' source of truth: every rule has one, its front
//! matter matches the rule's metadata, and the docs themselves lint clean.

mod common;
use common::*;

use frontlint::rules;

fn front_matter_value<'a>(doc: &'a str, key: &str) -> Option<&'a str> {
    let body = doc.strip_prefix("---\n")?;
    let end = body.find("\n---\n")?;
    body[..end]
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(": "))
        // `'off'` is quoted: bare, YAML 1.1 reads it as false (FM014).
        .map(|v| v.trim_matches(['\'', '"']))
}

#[test]
fn every_rule_has_a_matching_doc() {
    for m in rules::all() {
        let doc = m.doc;
        assert_eq!(front_matter_value(doc, "code"), Some(m.code), "{}", m.code);
        assert_eq!(front_matter_value(doc, "name"), Some(m.name), "{}", m.code);
        assert_eq!(
            front_matter_value(doc, "category"),
            Some(m.category.as_str()),
            "{}",
            m.code
        );
        assert_eq!(
            front_matter_value(doc, "severity"),
            Some(m.default_severity.map_or("off", |s| s.as_str())),
            "{}",
            m.code
        );
        assert_eq!(
            front_matter_value(doc, "fixable"),
            Some(if m.fixable { "true" } else { "false" }),
            "{}",
            m.code
        );
        for section in ["## What it flags", "## Example", "## Options"] {
            assert!(doc.contains(section), "{} lacks {section}", m.code);
        }
    }
}

#[test]
fn every_doc_has_a_rule() {
    for entry in std::fs::read_dir(root().join("rules")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "md") {
            let code = p.file_stem().unwrap().to_str().unwrap();
            assert!(rules::find(code).is_some(), "rules/{code}.md has no rule");
        }
    }
}

#[test]
fn rule_docs_lint_clean() {
    let (r, code) = json(&["--no-config", "rules/"]);
    assert_eq!(r["diagnostics"].as_array().unwrap().len(), 0, "{r}");
    assert_eq!(code, 0);
}
