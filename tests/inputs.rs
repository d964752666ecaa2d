//! Choosing what to lint: a document on standard input (`-`), another
//! tool's file list (`--files-from`), and the changes of a git branch
//! (`--changed-since`) in real repositories made for the test.

mod common;
use common::*;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// The set of paths a JSON report checked (those with findings) and how
/// many files it checked.
fn checked(report: &serde_json::Value) -> (u64, BTreeSet<String>) {
    (
        report["files_checked"].as_u64().unwrap_or(0),
        report["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| d["path"].as_str().unwrap_or_default().to_string())
            .collect(),
    )
}

fn json_in(dir: &Path, args: &[&str]) -> (serde_json::Value, i32) {
    let out = frontlint()
        .current_dir(dir)
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "bad JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, out.status.code().unwrap_or(-1))
}

#[test]
fn stdin_is_linted_under_its_given_name() {
    let seed = fs::read(root().join(SEED_POST)).unwrap();
    // The name finds fixtures/seed/frontlint.toml (layout, title, date
    // required) and names the findings.
    let out = run_stdin(
        &["--format", "json", "--stdin-filename", SEED_POST, "-"],
        &seed,
    );
    assert_eq!(out.status.code(), Some(1));
    let from_stdin: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let (from_file, _) = json(&[SEED_POST]);
    assert_eq!(from_stdin, from_file, "same report as linting the file");

    // Without a name: `<stdin>`, config looked up from the working folder.
    let out = run_stdin(&["--format", "short", "-"], b"---\ntitle: 'x '\n---\nBody");
    let s = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        s,
        "<stdin>:2:8: warning[FM009] `title` has trailing whitespace\n<stdin>:4:4: warning[MK007] the file does not end with a line break\n"
    );
    // `--stdin-filename` alone also reads standard input.
    let out = run_stdin(
        &["--format", "short", "--stdin-filename", "posts/a.md"],
        b"Body",
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("posts/a.md:1:4: warning[MK007]")
    );
}

#[test]
fn stdin_config_discovery_uses_the_given_path() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "blog/frontlint.toml",
        "[front_matter]\nrequired = [\"title\", \"date\"]\n[[overrides]]\npaths = [\"_posts/**\"]\nfilename_date = true\n",
    );
    let doc = b"---\ntitle: X\ndate: 2020-04-01\n---\nBody\n";
    let lint = |name: &str| {
        let out = frontlint()
            .current_dir(dir.path())
            .args(["--format", "short", "--stdin-filename", name, "-"])
            .stdin_bytes(doc);
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        lint("blog/_posts/2020-03-31-x.md"),
        "blog/_posts/2020-03-31-x.md:3:7: warning[FM012] `date` is 2020-04-01 but the file name says 2020-03-31\n"
    );
    assert_eq!(lint("blog/about.md"), "");
    // Outside the blog folder, the defaults: nothing to report either.
    assert_eq!(lint("other/2020-03-31-x.md"), "");
}

/// `Command::output` with bytes on standard input.
trait StdinBytes {
    fn stdin_bytes(&mut self, input: &[u8]) -> std::process::Output;
}

impl StdinBytes for std::process::Command {
    fn stdin_bytes(&mut self, input: &[u8]) -> std::process::Output {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = self
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    }
}

#[test]
fn stdin_fix_writes_only_the_fixed_document_to_stdout() {
    let seed = fs::read(root().join(SEED_POST)).unwrap();
    let out = run_stdin(&["--fix", "--stdin-filename", SEED_POST, "-"], &seed);
    assert_eq!(out.status.code(), Some(1), "errors remain (LK001, LK003)");
    // The same bytes `--fix` writes to a copy of the file.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir
        .path()
        .join("2020-03-31-les-initiatives-covid19-beta-gouv-fr.md");
    fs::copy(root().join(SEED_POST), &copy).unwrap();
    run(&["--config", SEED_CONFIG, "--fix", path_str(&copy)]);
    assert_eq!(out.stdout, fs::read(&copy).unwrap());
    // The remaining findings went to standard error.
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("error[LK001]"), "{err}");
    assert!(!err.contains("FM009"), "fixed: {err}");
    assert_eq!(
        fs::read(root().join(SEED_POST)).unwrap(),
        seed,
        "the file itself is untouched"
    );

    // Nothing to fix: the input comes back byte for byte (CRLF, BOM).
    let clean = "\u{feff}---\r\ntitle: Hello\r\n---\r\nBody.\r\n".as_bytes();
    let out = run_stdin(&["--fix", "--no-config", "-"], clean);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, clean);
    // Not UTF-8: never rewritten, reported on standard error.
    let binary = b"\x89PNG\r\n\x1a\n\0\0";
    let out = run_stdin(&["--fix", "--no-config", "-"], binary);
    assert_eq!(out.stdout, binary);
    assert!(String::from_utf8_lossy(&out.stderr).contains("IO001"));
}

#[test]
fn stdin_diff_and_usage_errors() {
    let out = run_stdin(
        &["--diff", "--no-config", "--stdin-filename", "a.md", "-"],
        b"Body  \n",
    );
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("-Body  \n+Body\n"), "{s}");
    let both = run(&["-", "README.md"]);
    assert_eq!(both.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&both.stderr).contains("cannot be combined"));
    let name_only = run(&["--stdin-filename", "a.md", "README.md"]);
    assert_eq!(name_only.status.code(), Some(2));
}

#[test]
fn files_from_a_file_and_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let root_dir = dir.path();
    for f in ["a.md", "b.md", "sub/c.md", "d.md"] {
        write(root_dir, f, "no final newline");
    }
    write(root_dir, "main.rs", "fn main() {}");
    // Lines (with a CRLF one), a folder, a non-Markdown file that is skipped.
    write(root_dir, "list.txt", "a.md\r\nsub\n\nmain.rs\n");
    let (r, _) = json_in(root_dir, &["--files-from", "list.txt"]);
    assert_eq!(
        checked(&r),
        (
            2,
            BTreeSet::from(["a.md".to_string(), "sub/c.md".to_string()])
        )
    );
    // NUL-separated on standard input, as `git diff -z` writes it.
    let out = frontlint()
        .current_dir(root_dir)
        .args(["--format", "json", "--files-from", "-"])
        .stdin_bytes(b"b.md\0d.md\0");
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        checked(&r),
        (2, BTreeSet::from(["b.md".to_string(), "d.md".to_string()]))
    );
    // An empty list lints nothing (not the whole folder).
    write(root_dir, "empty.txt", "");
    let (r, code) = json_in(root_dir, &["--files-from", "empty.txt"]);
    assert_eq!((r["files_checked"].as_u64(), code), (Some(0), 0));
    // A listed file that does not exist is a failure, as on the command line.
    write(root_dir, "gone.txt", "gone.md\n");
    let out = frontlint()
        .current_dir(root_dir)
        .args(["--files-from", "gone.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// A repository with history: `main` has four posts; the branch `feature`
/// edits one, deletes one, adds one, and leaves untracked and ignored files.
fn scripted_repo() -> tempfile::TempDir {
    let repo = git_repo();
    let r = repo.path();
    let post = "---\ntitle: Post\n---\nBody\n";
    for f in [
        "posts/old.md",
        "posts/edited.md",
        "posts/deleted.md",
        "docs/guide.md",
    ] {
        write(r, f, post);
    }
    write(r, ".gitignore", "ignored.md\n");
    git(r, &["add", "-A"]);
    git(r, &["commit", "-q", "-m", "base"]);
    git(r, &["checkout", "-q", "-b", "feature"]);
    write(r, "posts/edited.md", "---\ntitle: 'Edited '\n---\nBody\n");
    write(r, "posts/added and spaced.md", post);
    git(r, &["rm", "-q", "posts/deleted.md"]);
    write(r, "src/code.rs", "// not Markdown\n");
    git(r, &["add", "-A"]);
    git(r, &["commit", "-q", "-m", "feature work"]);
    // Not committed: an edit staged, one not staged, untracked files.
    write(r, "docs/guide.md", "---\ntitle: Guide\n---\nBody changed\n");
    git(r, &["add", "docs/guide.md"]);
    write(r, "posts/old.md", "---\ntitle: Post\n---\nBody\nmore\n");
    write(r, "drafts/untracked.md", post);
    write(r, "ignored.md", post);
    write(r, ".github/hidden.md", post);
    write(r, "notes.txt", "not Markdown\n");
    // `main` moves on after the branch left it: its own changes are not
    // the branch's.
    git(r, &["stash", "push", "-q", "--include-untracked"]);
    git(r, &["checkout", "-q", "main"]);
    write(r, "posts/on-main.md", post);
    git(r, &["add", "-A"]);
    git(r, &["commit", "-q", "-m", "main moves on"]);
    git(r, &["checkout", "-q", "feature"]);
    git(r, &["stash", "pop", "-q", "--index"]);
    repo
}

/// Every file a run checked, found by making each of them report: the
/// report is JSON with `--format json`, and a config that requires a
/// `never` field turns every checked file into a finding.
fn linted_files(dir: &Path, args: &[&str]) -> BTreeSet<String> {
    let cfg = dir.join("require-never.toml");
    fs::write(&cfg, "[front_matter]\nrequired = [\"never\"]\n").unwrap();
    let mut all = vec!["--config", path_str(&cfg)];
    all.extend_from_slice(args);
    let (r, code) = json_in(dir, &all);
    assert!(code == 0 || code == 1, "status {code}: {r}");
    let (n, paths) = checked(&r);
    assert_eq!(n as usize, paths.len(), "every checked file reported");
    paths
}

#[test]
fn changed_since_lints_exactly_the_changed_and_untracked_markdown() {
    let repo = scripted_repo();
    let r = repo.path();
    let expected: BTreeSet<String> = [
        "docs/guide.md",
        "drafts/untracked.md",
        "posts/added and spaced.md",
        "posts/edited.md",
        "posts/old.md",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(linted_files(r, &["--changed-since", "main"]), expected);
    // Relative to the last commit: only what is not committed yet.
    assert_eq!(
        linted_files(r, &["--changed-since", "HEAD"]),
        ["docs/guide.md", "drafts/untracked.md", "posts/old.md"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
    // Limited to PATHS, and spelled as given.
    assert_eq!(
        linted_files(r, &["--changed-since", "main", "posts/"]),
        [
            "posts/added and spaced.md",
            "posts/edited.md",
            "posts/old.md"
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    );
    // From a subfolder, paths relative to it (git's are relative to the
    // repository's root).
    let from_sub = linted_files(&r.join("posts"), &["--changed-since", "main"]);
    assert_eq!(
        from_sub,
        ["added and spaced.md", "edited.md", "old.md"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
    let up = linted_files(&r.join("posts"), &["--changed-since", "main", "../docs"]);
    assert_eq!(up, BTreeSet::from(["../docs/guide.md".to_string()]));
}

#[test]
fn changed_since_honours_include_and_exclude() {
    let repo = scripted_repo();
    let r = repo.path();
    write(
        r,
        "frontlint.toml",
        "include = [\"posts/**/*.md\", \"docs/**/*.md\"]\nexclude = [\"posts/old.md\"]\n",
    );
    let (rep, _) = json_in(r, &["--changed-since", "main"]);
    assert_eq!(rep["files_checked"], 3, "{rep}");
}

#[test]
fn changed_since_failures_are_explained() {
    let repo = scripted_repo();
    let out = frontlint()
        .current_dir(repo.path())
        .args(["--changed-since", "no-such-branch"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("`no-such-branch` is not a commit of this repository")
    );
    let not_a_repo = tempfile::tempdir().unwrap();
    let out = frontlint()
        .current_dir(not_a_repo.path())
        .env(
            "GIT_CEILING_DIRECTORIES",
            not_a_repo.path().parent().unwrap(),
        )
        .args(["--changed-since", "main"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--changed-since main"));
    // Nothing changed: nothing linted, status 0.
    let clean = git_repo();
    write(clean.path(), "a.md", "no final newline");
    git(clean.path(), &["add", "-A"]);
    git(clean.path(), &["commit", "-q", "-m", "one"]);
    let (rep, code) = json_in(clean.path(), &["--changed-since", "HEAD"]);
    assert_eq!((rep["files_checked"].as_u64(), code), (Some(0), 0));
}
