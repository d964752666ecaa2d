//! Hostile and broken input: every file gets a clear diagnostic or is
//! skipped with a note, in bounded time and memory, and the run completes.

mod common;
use common::*;

use std::fs;
use std::time::{Duration, Instant};

/// Lints `dir` and returns the report; fails if it takes unreasonably long
/// (a hang or a quadratic blow-up, not a speed target).
fn lint_dir(dir: &std::path::Path) -> serde_json::Value {
    let t = Instant::now();
    let (r, code) = json(&["--no-config", path_str(dir)]);
    assert!(
        t.elapsed() < Duration::from_secs(60),
        "took {:?}",
        t.elapsed()
    );
    assert!(code == 0 || code == 1, "exit {code}");
    r
}

#[test]
fn pathological_markdown_completes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("brackets.md"), "[".repeat(100_000)).unwrap();
    fs::write(
        d.join("balanced.md"),
        format!("{}x{}(y)\n", "[".repeat(50_000), "]".repeat(50_000)),
    )
    .unwrap();
    fs::write(d.join("stars.md"), "*".repeat(100_000)).unwrap();
    fs::write(d.join("bold.md"), "**a ".repeat(50_000)).unwrap();
    fs::write(d.join("quotes.md"), "> ".repeat(50_000)).unwrap();
    fs::write(d.join("links.md"), "[a ](http://b) ".repeat(20_000)).unwrap();
    let r = lint_dir(d);
    assert_eq!(r["files_checked"], 6);
    // Findings of one rule in one file are capped, with a last summary one.
    let lk004: Vec<&serde_json::Value> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["rule"] == "LK004")
        .collect();
    assert_eq!(lk004.len(), frontlint::MAX_PER_RULE + 1);
    assert!(
        lk004.last().unwrap()["message"]
            .as_str()
            .unwrap()
            .contains("19000 more")
    );
}

#[test]
fn hostile_yaml_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("deep.md"),
        format!(
            "---\nx: {}{}\n---\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    )
    .unwrap();
    let nested: String = (0..10_000)
        .map(|i| format!("{}k:\n", " ".repeat(i % 200)))
        .collect();
    fs::write(d.join("nested.md"), format!("---\n{nested}---\n")).unwrap();
    let mut bomb = String::from("---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let mut prev = "a".to_string();
    for i in 1..12 {
        bomb.push_str(&format!(
            "b{i}: &b{i} [{}]\n",
            vec![format!("*{prev}"); 9].join(", ")
        ));
        prev = format!("b{i}");
    }
    bomb.push_str("---\nbody\n");
    fs::write(d.join("bomb.md"), bomb).unwrap();
    let r = lint_dir(d);
    assert_eq!(r["files_checked"], 3);
    let deep: Vec<String> = findings(&r).into_iter().map(|f| f.0).collect();
    assert!(deep.contains(&"FM003".to_string()), "{deep:?}");
}

#[test]
fn huge_file_is_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let big = "word [link](http://x.org) ".repeat(700_000); // ~18 MB, one line
    fs::write(dir.path().join("big.md"), big).unwrap();
    fs::write(dir.path().join("ok.md"), "fine\n").unwrap();
    let r = lint_dir(dir.path());
    assert_eq!(findings(&r), vec![("IO003".to_string(), 1, 1)]);
    assert!(
        r["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("16 MB limit")
    );
}

#[test]
fn binary_and_odd_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("image.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    fs::write(d.join("empty.md"), "").unwrap();
    fs::write(d.join("dashes.md"), "---").unwrap();
    fs::write(d.join("cr.md"), "---\rtitle: x\r---\rbody \rend\r").unwrap();
    let r = lint_dir(d);
    assert_eq!(r["files_checked"], 4);
    let f = findings(&r);
    // A binary file: reported at 1:1 (no snippet of binary bytes), the
    // message says where the first NUL byte is.
    assert!(f.contains(&("IO001".to_string(), 1, 1)), "{f:?}");
    let io = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "IO001")
        .unwrap();
    assert!(
        io["message"]
            .as_str()
            .unwrap()
            .ends_with("(the first at byte 8)"),
        "{io}"
    );
    assert!(
        f.contains(&("MK002".to_string(), 4, 5)),
        "lone CR lines: {f:?}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop_and_odd_names() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("a")).unwrap();
    std::os::unix::fs::symlink("..", d.join("a/up")).unwrap();
    std::os::unix::fs::symlink("missing.md", d.join("a/dangling.md")).unwrap();
    fs::write(d.join("a/real.md"), "no newline").unwrap();
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9 post.md");
    fs::write(d.join(odd), "no newline either").unwrap();
    let r = lint_dir(d);
    assert_eq!(r["files_checked"], 2);
    let paths: Vec<&str> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.iter().any(|p| p.ends_with("caf\u{fffd} post.md")),
        "{paths:?}"
    );
}

#[test]
fn deleted_or_unreadable_file_is_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone.md");
    let cfg = frontlint::config::LoadedConfig::defaults(dir.path());
    let report = frontlint::lint_file(&gone, &cfg.for_file(&gone), None);
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(report.diagnostics[0].rule.code, "IO001");
    assert!(
        report.diagnostics[0]
            .message
            .contains("cannot read the file")
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let p = dir.path().join("secret.md");
        fs::write(&p, "x\n").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&p).is_ok() {
            eprintln!("SKIPPED: running as root, permissions do not stop reads");
            return;
        }
        let (r, code) = json(&["--no-config", path_str(dir.path())]);
        assert_eq!(code, 1);
        assert_eq!(findings(&r)[0].0, "IO001");
    }
}
