//! `--fix`, `--unsafe-fixes`, `--diff` on real files: only the intended
//! bytes change, line endings and BOM survive, a second run is a no-op.

mod common;
use common::*;

use std::fs;

const SEED: &str = "fixtures/seed/2020-03-31-les-initiatives-covid19-beta-gouv-fr.md";

fn copy_seed(dir: &std::path::Path) -> std::path::PathBuf {
    let p = dir.join("2020-03-31-les-initiatives-covid19-beta-gouv-fr.md");
    fs::copy(root().join(SEED), &p).unwrap();
    p
}

#[test]
fn seed_fix_changes_only_the_fix_spans() {
    let dir = tempfile::tempdir().unwrap();
    let p = copy_seed(dir.path());
    let before = fs::read_to_string(&p).unwrap();
    let out = run(&[
        "--config",
        "fixtures/seed/frontlint.toml",
        "--fix",
        "--format",
        "short",
        path_str(&p),
    ]);
    assert_eq!(out.status.code(), Some(1), "errors remain (LK001, LK003)");
    let after = fs::read_to_string(&p).unwrap();
    assert!(after.contains("[La MedNum](https://lamednum.coop) et le cabinet"));
    assert!(after.contains("title: 'Les initiatives covid19 @beta.gouv.fr'\n"));
    assert!(after.ends_with("l'implémentent.\n"));
    // Line by line, only the lines of the fixes differ.
    let b: Vec<&str> = before.split('\n').collect();
    let a: Vec<&str> = after.split('\n').collect();
    assert_eq!(a.len(), b.len() + 1, "one line break added at the end");
    let changed: Vec<usize> = (0..b.len())
        .filter(|&i| a[i] != b[i])
        .map(|i| i + 1)
        .collect();
    assert_eq!(changed, vec![3, 33, 47, 53, 70]);
    for i in [47, 53, 70] {
        assert_eq!(a[i - 1], b[i - 1].trim_end(), "line {i}");
    }
    // The remaining findings no longer include the fixed rules.
    let s = String::from_utf8(out.stdout).unwrap();
    for fixed in ["FM009", "LK004", "MK002", "MK007"] {
        assert!(!s.contains(fixed), "{fixed} still reported:\n{s}");
    }
    // A second run changes nothing.
    run(&[
        "--config",
        "fixtures/seed/frontlint.toml",
        "--fix",
        path_str(&p),
    ]);
    assert_eq!(fs::read_to_string(&p).unwrap(), after);
}

#[test]
fn seed_unsafe_fixes_repair_nested_links() {
    let dir = tempfile::tempdir().unwrap();
    let p = copy_seed(dir.path());
    run(&[
        "--config",
        "fixtures/seed/frontlint.toml",
        "--unsafe-fixes",
        path_str(&p),
    ]);
    let after = fs::read_to_string(&p).unwrap();
    let lines: Vec<&str> = after.lines().collect();
    assert_eq!(lines[73], "**6 - [ANDi](http://andi.beta.gouv.fr/)**");
    assert!(
        lines[48].contains("[AidantsConnect](http://aidantsconnect.beta.gouv.fr/)"),
        "{}",
        lines[48]
    );
}

#[test]
fn diff_prints_and_does_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let p = copy_seed(dir.path());
    let before = fs::read(&p).unwrap();
    let out = run(&[
        "--config",
        "fixtures/seed/frontlint.toml",
        "--diff",
        path_str(&p),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read(&p).unwrap(), before);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("+**1 - [Solidarite-numerique.fr](http://solidarite-numerique.fr/)** / produit porté par [La MedNum](https://lamednum.coop) et"));
    assert!(s.contains("\\ No newline at end of file"));
}

#[test]
fn crlf_bom_and_permissions_survive() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("win.md");
    let text = "\u{feff}---\r\ntitle: ' Hello'\r\n---\r\nSee [site ](https://example.org)now. \t\r\nLast line";
    fs::write(&p, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
    }
    run(&["--no-config", "--fix", path_str(&p)]);
    let after = fs::read_to_string(&p).unwrap();
    assert_eq!(
        after,
        "\u{feff}---\r\ntitle: 'Hello'\r\n---\r\nSee [site](https://example.org) now.\r\nLast line\r\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}

#[test]
fn broken_front_matter_is_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.md");
    let text = "---\ntitle: Lesson 3: Getting started\n---\nTrailing   \nno newline";
    fs::write(&p, text).unwrap();
    run(&["--no-config", "--fix", path_str(&p)]);
    assert_eq!(fs::read_to_string(&p).unwrap(), text);
}

/// The seed after `--fix`, built by hand from the original: the exact
/// edits, and nothing else.
fn seed_fixed_by_hand(before: &str) -> String {
    let mut lines: Vec<String> = before.split('\n').map(str::to_string).collect();
    // FM009: the title's trailing space.
    lines[2] = lines[2].replace("@beta.gouv.fr '", "@beta.gouv.fr'");
    // LK004: the space moves out of the link, before the word it touched.
    lines[32] = lines[32].replace(
        "[La MedNum ](https://lamednum.coop)et",
        "[La MedNum](https://lamednum.coop) et",
    );
    // MK002: one trailing space on each of these lines.
    for i in [46, 52, 69] {
        assert!(lines[i].ends_with(' ') && !lines[i].ends_with("  "));
        lines[i].pop();
    }
    // MK007: the final line break.
    let mut after = lines.join("\n");
    after.push('\n');
    after
}

#[test]
fn seed_fix_is_exactly_the_expected_edits() {
    let dir = tempfile::tempdir().unwrap();
    let p = copy_seed(dir.path());
    let before = fs::read_to_string(&p).unwrap();
    let out = run(&[
        "--config",
        "fixtures/seed/frontlint.toml",
        "--fix",
        path_str(&p),
    ]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "frontlint: fixed 6 problems in 1 file"
    );
    let after = fs::read_to_string(&p).unwrap();
    assert_eq!(after, seed_fixed_by_hand(&before));
    // A second run finds nothing left to fix and writes nothing.
    let out = run(&[
        "--config",
        "fixtures/seed/frontlint.toml",
        "--fix",
        path_str(&p),
    ]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "frontlint: fixed 0 problems in 0 files"
    );
    assert_eq!(fs::read_to_string(&p).unwrap(), after);
}

#[test]
fn seed_unsafe_fixes_are_exact_and_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let p = copy_seed(dir.path());
    let before = fs::read_to_string(&p).unwrap();
    let args = [
        "--config",
        "fixtures/seed/frontlint.toml",
        "--unsafe-fixes",
        path_str(&p),
    ];
    run(&args);
    let after = fs::read_to_string(&p).unwrap();
    let mut expected = seed_fixed_by_hand(&before);
    expected = expected.replace(
        "**6 - [ANDi]([andi.beta.gouv.fr](http://andi.beta.gouv.fr/))**",
        "**6 - [ANDi](http://andi.beta.gouv.fr/)**",
    );
    expected = expected.replace(
        "[AidantsConnect](**[aidantsconnect.beta.gouv.fr](**[aidantsconnect.beta.gouv.fr](http://aidantsconnect.beta.gouv.fr/)**)**) [](**[aidantsconnect.beta.gouv.fr](http://aidantsconnect.beta.gouv.fr/)**)**",
        "[AidantsConnect](http://aidantsconnect.beta.gouv.fr/) [](http://aidantsconnect.beta.gouv.fr/)**",
    );
    // Spelling fixes are unsafe too: the curated misspelling and `,,`.
    expected = expected
        .replace("du sécrétariat chargé", "du secrétariat chargé")
        .replace("non respecté,, vente", "non respecté, vente");
    assert_eq!(after, expected);
    run(&args);
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        after,
        "second run is a no-op"
    );
}
