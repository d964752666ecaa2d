//! `--grammar` through the binary: Grammalecte on the French seed, harper on
//! English, exact file positions, a clear note when Grammalecte is missing.

mod common;
use common::*;

use std::fs;

fn grammalecte_installed() -> bool {
    let ok = std::process::Command::new("grammalecte-cli")
        .arg("--help")
        .output()
        .is_ok();
    if !ok {
        eprintln!("SKIPPED: grammalecte-cli not installed (apt-get install grammalecte-cli)");
    }
    ok
}

#[test]
fn seed_grammar_slips_at_their_words() {
    if !grammalecte_installed() {
        return;
    }
    let (r, _) = json(&[
        "--config",
        "fixtures/seed/frontlint.toml",
        "--grammar",
        "fixtures/seed/",
    ]);
    let gr: Vec<(u64, u64, String)> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "GR001")
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let at = |line: u64, col: u64| gr.iter().any(|(l, c, _)| *l == line && *c == col);
    // `qui à utilisé`, `un sponsors`, `il sont`, `les calculs compliqué`.
    assert!(at(35, 52), "{gr:?}");
    assert!(at(41, 105), "{gr:?}");
    assert!(at(62, 162) && at(62, 165), "{gr:?}");
    assert!(at(62, 225), "{gr:?}");
    // No typography advice by default.
    assert!(
        gr.iter()
            .all(|(_, _, m)| !m.contains("apostrophe") && !m.contains("insécable")),
        "{gr:?}"
    );
    // The span is the offending word in the file.
    let seed = fs::read_to_string(fixture(
        "seed/2020-03-31-les-initiatives-covid19-beta-gouv-fr.md",
    ))
    .unwrap();
    let line41 = seed.lines().nth(40).unwrap();
    let d = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "GR001" && d["line"] == 41)
        .unwrap();
    let (c, e) = (
        d["column"].as_u64().unwrap() as usize,
        d["end_column"].as_u64().unwrap() as usize,
    );
    let word: String = line41.chars().skip(c - 1).take(e - c).collect();
    assert_eq!(word, "sponsors");
    assert_eq!(d["fix"]["replacement"], "sponsor");
    assert_eq!(d["fix"]["safe"], false);
}

#[test]
fn grammar_is_off_by_default() {
    let (r, _) = json(&["--config", "fixtures/seed/frontlint.toml", "fixtures/seed/"]);
    assert!(
        r["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["rule"] != "GR001")
    );
}

#[test]
fn english_with_harper() {
    let (r, _) = json(&["--no-config", "--grammar", "fixtures/grammar/en-errors.md"]);
    let n = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "GR001")
        .count();
    assert!(n >= 3, "{r}");
    for d in r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "GR001")
    {
        assert!(d["message"].as_str().unwrap().contains("[harper "), "{d}");
    }
}

#[test]
fn missing_grammalecte_is_a_note_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("frontlint.toml"),
        "[grammar]\nenabled = true\ngrammalecte = \"no-such-grammalecte\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("post.md"),
        "---\ntitle: Essai\nlang: fr\n---\nLes calculs compliqué sont faits par il sont.\n",
    )
    .unwrap();
    let out = run(&["--format", "short", path_str(dir.path())]);
    assert_eq!(out.status.code(), Some(0), "exit status unaffected");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("French grammar skipped").count(), 1, "{err}");
    assert!(err.contains("apt-get install grammalecte-cli"), "{err}");
}
