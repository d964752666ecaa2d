//! `<!-- frontlint-disable ... -->` comments: what they silence, what
//! `--fix` does under them, MK008 for the useless ones, and the filter that
//! later stages call on their own diagnostics.

mod common;
use common::*;

use std::fs;
use std::path::Path;

use frontlint::config::LoadedConfig;
use frontlint::diagnostic::Diagnostic;
use frontlint::document::{Document, Encoding, Span};

fn f(rule: &str, line: u64, col: u64) -> (String, u64, u64) {
    (rule.to_string(), line, col)
}

#[test]
fn useless_comments_are_reported() {
    let (r, code) = json(&["fixtures/links/inline-control/fail.md"]);
    assert_eq!(
        findings(&r),
        vec![
            f("MK008", 6, 1),
            f("MK008", 9, 1),
            f("MK008", 11, 1),
            f("MK008", 13, 1),
        ]
    );
    let d = &r["diagnostics"];
    assert!(d[0]["message"].as_str().unwrap().contains("silences LK009"));
    assert!(d[1]["message"].as_str().unwrap().contains("`LK999`"));
    assert_eq!(d[2]["help"], "did you mean `frontlint-disable`?");
    assert_eq!(code, 0, "warnings only");
}

#[test]
fn silenced_findings_are_neither_reported_nor_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("post.md");
    fs::copy(root().join("fixtures/links/inline-control/pass.md"), &p).unwrap();
    let before = fs::read_to_string(&p).unwrap();
    let (r, _) = json(&["--no-config", path_str(&p)]);
    assert!(findings(&r).is_empty(), "{r}");
    run(&["--no-config", "--fix", path_str(&p)]);
    assert_eq!(fs::read_to_string(&p).unwrap(), before);
    // Without the comments, the same text has findings and fixes.
    let bare: String = before
        .lines()
        .filter(|l| !l.contains("frontlint-"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&p, &bare).unwrap();
    let (r, _) = json(&["--no-config", path_str(&p)]);
    let rules: Vec<String> = findings(&r).into_iter().map(|x| x.0).collect();
    assert_eq!(rules, vec!["LK009", "LK004", "MK002"]);
}

#[test]
fn a_comment_at_the_top_covers_the_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("post.md");
    fs::write(
        &p,
        "---\ntitle: 'Bonjour '\n---\n\n<!-- frontlint-disable untrimmed-value -->\n\nTexte.\n",
    )
    .unwrap();
    let (r, _) = json(&["--no-config", path_str(&p)]);
    assert!(findings(&r).is_empty(), "{r}");
    fs::write(
        &p,
        "---\ntitle: 'Bonjour '\n---\n\nTexte.\n\n<!-- frontlint-disable FM009 -->\n",
    )
    .unwrap();
    let (r, _) = json(&["--no-config", path_str(&p)]);
    assert_eq!(findings(&r), vec![f("FM009", 2, 8), f("MK008", 7, 1)]);
}

#[test]
fn mk008_can_be_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("frontlint.toml"),
        "[rules]\nunused-disable-comment = \"off\"\n",
    )
    .unwrap();
    let p = dir.path().join("post.md");
    fs::copy(root().join("fixtures/links/inline-control/fail.md"), &p).unwrap();
    let (r, code) = json(&[path_str(&p)]);
    assert!(findings(&r).is_empty(), "{r}");
    assert_eq!(code, 0);
}

/// What a later stage (spelling, the online link check, grammar) does with
/// its own diagnostics: filter them with the document's directives.
#[test]
fn later_stages_filter_their_diagnostics() {
    let text = "# Titre\n\n<!-- frontlint-disable-next-line LK009 -->\nUn [mot](http://example.org/rare).\n\nUn autre mot rare.\n";
    let doc = Document::from_text(Path::new("post.md"), text.to_string(), Encoding::Utf8);
    let cfg = LoadedConfig::defaults(Path::new(".")).for_file(Path::new("post.md"));
    let (diags, directives) = frontlint::check_document_with_directives(&doc, &cfg);
    assert!(diags.is_empty(), "{diags:?}");
    // A stage's diagnostics, here of the same rule, go through the filter.
    let insecure = frontlint::rules::find("LK009").unwrap();
    let rare = text.find("rare").unwrap();
    let later = text.rfind("rare").unwrap();
    let mut stage = vec![
        Diagnostic::new(insecure, Span::new(rare, rare + 4), "silenced"),
        Diagnostic::new(insecure, Span::new(later, later + 4), "kept"),
    ];
    directives.filter(&mut stage);
    let left: Vec<&str> = stage.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(left, vec!["kept"]);
    assert!(directives.suppresses(insecure, rare));
    assert!(!directives.suppresses(insecure, later));
}

#[test]
fn comments_naming_only_stage_rules_are_left_to_the_stage() {
    // IO001 is reported by the loader, not by a per-document rule: whether
    // the comment is used cannot be known when the document is checked.
    let text = "<!-- frontlint-disable-next-line unreadable-file -->\nText.\n";
    let doc = Document::from_text(Path::new("post.md"), text.to_string(), Encoding::Utf8);
    let cfg = LoadedConfig::defaults(Path::new(".")).for_file(Path::new("post.md"));
    let (diags, _) = frontlint::check_document_with_directives(&doc, &cfg);
    assert!(diags.is_empty(), "{diags:?}");
}

#[test]
fn the_report_keeps_the_directives_for_later_stages() {
    let text = "<!-- frontlint-disable LK009 -->\n[x](http://example.org)\n";
    let cfg = LoadedConfig::defaults(Path::new(".")).for_file(Path::new("post.md"));
    let report = frontlint::lint_bytes(Path::new("post.md"), text.as_bytes(), &cfg, None);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let directives = report.directives.expect("directives kept");
    assert_eq!(directives.items.len(), 1);
    let none = frontlint::lint_bytes(Path::new("p.md"), b"x\n", &cfg, None);
    assert!(none.directives.is_none());
}
