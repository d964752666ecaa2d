//! `frontlint spelling --collect` and spelling through the binary.

mod common;
use common::*;

use std::fs;

#[test]
fn collect_lists_unknown_words_by_files() {
    let dir = tempfile::tempdir().unwrap();
    for (i, extra) in ["", " Le frobnicateur aussi.", " Encore le frobnicateur."]
        .iter()
        .enumerate()
    {
        fs::write(
            dir.path().join(format!("p{i}.md")),
            format!("---\ntitle: Billet\nlang: fr\n---\nLe zorglubage avance bien.{extra}\n"),
        )
        .unwrap();
    }
    let out = run(&["spelling", "--collect", "--no-config", path_str(dir.path())]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = s
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows,
        vec![vec!["3", "3", "zorglubage"], vec!["2", "2", "frobnicateur"]],
        "{s}"
    );

    let out = run(&[
        "spelling",
        "--collect",
        "--toml",
        "--min-files",
        "3",
        "--no-config",
        path_str(dir.path()),
    ]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("[spelling]\nwords = [\n  \"zorglubage\", # 3 files\n]"),
        "{s}"
    );
    // The snippet is a valid config that silences the word.
    fs::write(
        dir.path().join("frontlint.toml"),
        s.replace("# Unknown", "# unknown"),
    )
    .unwrap();
    let (r, _) = json(&[path_str(dir.path())]);
    assert!(
        r["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| !d["message"].as_str().unwrap().contains("zorglubage")),
        "{r}"
    );
}

#[test]
fn site_vocabulary_drops_words_used_across_files() {
    // A word unknown to the dictionary but used in 3 files is the site's
    // own vocabulary (min_documents = 3 by default); a one-off is a typo.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3 {
        let typo = if i == 0 { " Le projjet est prêt." } else { "" };
        fs::write(
            dir.path().join(format!("p{i}.md")),
            format!("---\ntitle: Billet\nlang: fr\n---\nLe zorglubage avance bien.{typo}\n"),
        )
        .unwrap();
    }
    let (r, _) = json(&["--no-config", path_str(dir.path())]);
    let words: Vec<&str> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "TY002")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(words, vec!["unknown word `projjet`"]);
    // Alone, the same post gets both (no site to learn from).
    let (r, _) = json(&["--no-config", path_str(&dir.path().join("p0.md"))]);
    let n = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "TY002")
        .count();
    assert_eq!(n, 2, "{r}");
}

#[test]
fn disable_next_line_silences_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.md");
    fs::write(
        &p,
        "---\ntitle: Billet\nlang: fr\n---\n<!-- frontlint-disable-next-line TY002 -->\nLe zorglubage avance.\n\nLe zorglubage revient.\n",
    )
    .unwrap();
    let (r, _) = json(&["--no-config", path_str(&p)]);
    let lines: Vec<u64> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "TY002")
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![8], "{r}");
}
