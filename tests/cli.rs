//! The command line: subcommands, exit statuses, config discovery and errors.

mod common;
use common::*;

use std::fs;

#[test]
fn rules_lists_every_rule() {
    let out = run(&["rules"]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.lines().next().unwrap().starts_with("CODE"));
    for code in ["FM001", "FM014", "LK001", "LK004", "MK007", "IO001"] {
        assert!(
            s.lines().any(|l| l.starts_with(code)),
            "{code} missing:\n{s}"
        );
    }
    let lk004 = s.lines().find(|l| l.starts_with("LK004")).unwrap();
    assert!(
        lk004.contains("link-text-whitespace")
            && lk004.contains("warning")
            && lk004.ends_with("yes")
    );
}

#[test]
fn explain_by_code_and_name() {
    let a = run(&["explain", "LK001"]);
    let b = run(&["explain", "nested-link"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let s = String::from_utf8(a.stdout).unwrap();
    // A one-line header, then the doc without its front matter.
    assert!(
        s.starts_with(
            "LK001 nested-link · category: links · default severity: error · fixable\n\n# LK001 nested-link\n"
        ),
        "{s}"
    );
    assert!(!s.contains("\ncode: LK001\n"), "{s}");
    let bad = run(&["explain", "LK0001"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("did you mean `LK001`"));
}

#[test]
fn exit_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean.md");
    fs::write(&clean, "---\ntitle: Hello\n---\nBody.\n").unwrap();
    assert_eq!(
        run(&["--no-config", path_str(&clean)]).status.code(),
        Some(0)
    );

    let warn = dir.path().join("warn.md");
    fs::write(&warn, "---\ntitle: 'Hello '\n---\nBody.\n").unwrap();
    assert_eq!(
        run(&["--no-config", path_str(&warn)]).status.code(),
        Some(0)
    );
    assert_eq!(
        run(&["--no-config", "--deny", "warnings", path_str(&warn)])
            .status
            .code(),
        Some(1)
    );

    let missing = dir.path().join("nope.md");
    let out = run(&["--no-config", path_str(&missing)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.md"));
}

#[test]
fn bad_config_is_located_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("frontlint.toml"),
        "[front_matter]\nrequired = [\"title\"]\nunknown_fields = \"maybe\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.md"), "---\ntitle: x\n---\n").unwrap();
    let out = run(&[path_str(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("frontlint.toml:3:18: invalid config"), "{err}");
}

#[test]
fn closest_config_wins_and_overrides_apply() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("blog/_posts")).unwrap();
    fs::write(
        root.join("frontlint.toml"),
        "[front_matter]\nrequired = [\"title\"]\n",
    )
    .unwrap();
    fs::write(
        root.join("blog/.frontlint.toml"),
        "[front_matter]\nrequired = [\"title\", \"date\"]\n[[overrides]]\npaths = [\"_posts/**\"]\nfilename_date = true\n",
    )
    .unwrap();
    fs::write(root.join("page.md"), "---\ntitle: Page\n---\n").unwrap();
    fs::write(root.join("blog/about.md"), "---\ntitle: About\n---\n").unwrap();
    fs::write(
        root.join("blog/_posts/2020-03-31-x.md"),
        "---\ntitle: X\ndate: 2020-04-01\n---\n",
    )
    .unwrap();
    let (r, code) = json(&[path_str(root)]);
    assert_eq!(code, 1);
    let got: Vec<(String, String)> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let p = d["path"].as_str().unwrap();
            let name = p.rsplit('/').next().unwrap().to_string();
            (name, d["rule"].as_str().unwrap().to_string())
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("2020-03-31-x.md".to_string(), "FM012".to_string()),
            ("about.md".to_string(), "FM005".to_string()),
        ]
    );
    assert_eq!(r["files_checked"], 3);
}

#[test]
fn gitignore_include_and_exclude() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // The ignore crate honours .gitignore inside a git work tree.
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::create_dir_all(root.join("vendor")).unwrap();
    fs::create_dir_all(root.join("build")).unwrap();
    fs::write(root.join(".gitignore"), "build/\n").unwrap();
    fs::write(root.join("frontlint.toml"), "exclude = [\"vendor/**\"]\n").unwrap();
    for p in [
        "a.md",
        "b.markdown",
        "c.mdx",
        "vendor/v.md",
        "build/x.md",
        "notes.txt",
    ] {
        fs::write(root.join(p), "no final newline").unwrap();
    }
    let (r, _) = json(&[path_str(root)]);
    assert_eq!(r["files_checked"], 3);
    let paths: Vec<&str> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(
        paths
            .iter()
            .all(|p| !p.contains("vendor") && !p.contains("build")),
        "{paths:?}"
    );
}

#[test]
fn output_is_sorted_and_deterministic() {
    let a = run(&[
        "--config",
        "fixtures/cases/frontlint.toml",
        "--format",
        "json",
        "fixtures/",
    ]);
    let b = run(&[
        "--config",
        "fixtures/cases/frontlint.toml",
        "--format",
        "json",
        "fixtures/",
    ]);
    assert_eq!(a.stdout, b.stdout);
    let r: serde_json::Value = serde_json::from_slice(&a.stdout).unwrap();
    let keys: Vec<(String, u64, u64)> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    // Paths sort by component (`a/b` before `a-b/c`), as files are walked.
    sorted.sort_by(|x, y| {
        (std::path::Path::new(&x.0), x.1, x.2).cmp(&(std::path::Path::new(&y.0), y.1, y.2))
    });
    assert_eq!(keys, sorted);
}

#[test]
fn utf16_file_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("u16.md");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "---\r\ntitle: 'Hi '\r\n---\r\nBody\r\n".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    fs::write(&p, bytes).unwrap();
    let (r, _) = json(&["--no-config", path_str(&p)]);
    assert_eq!(
        findings(&r),
        vec![("IO002".to_string(), 1, 1), ("FM009".to_string(), 2, 8)]
    );
}

#[test]
fn binary_file_is_reported_not_crashed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("img.md"), b"\x89PNG\r\n\x1a\n\0\0\0IHDR").unwrap();
    fs::write(dir.path().join("ok.md"), "fine\n").unwrap();
    let (r, code) = json(&["--no-config", path_str(dir.path())]);
    assert_eq!(code, 1);
    assert_eq!(r["files_checked"], 2);
    assert_eq!(findings(&r)[0].0, "IO001");
}
