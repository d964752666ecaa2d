//! Helpers shared by the integration tests: run the real binary, read its
//! JSON report.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The crate root (tests run from there, but be explicit).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// `../shared` next to the repository, when this machine has it.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = root().join("..").join("shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("SKIPPED: ../shared/{rel} not found (only the team's machines have it)");
        None
    }
}

pub fn frontlint() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_frontlint"));
    c.current_dir(root());
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

pub fn run(args: &[&str]) -> Output {
    frontlint().args(args).output().expect("run frontlint")
}

/// Runs with `--format json` and returns the parsed report and exit status.
pub fn json(args: &[&str]) -> (Value, i32) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = run(&all);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "bad JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, out.status.code().unwrap_or(-1))
}

/// `(rule, line, column)` of every diagnostic.
pub fn findings(report: &Value) -> Vec<(String, u64, u64)> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Runs frontlint with `input` on standard input.
pub fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = frontlint()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run frontlint");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    // Written from a thread so a large output cannot block the writer.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("wait for frontlint");
    writer.join().expect("writer thread").expect("write stdin");
    out
}

/// Runs git in `dir` (with a fixed identity, no user config) and panics
/// with its message when it fails.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A new git repository in a temporary folder, on branch `main`.
pub fn git_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    git(dir.path(), &["init", "-q", "-b", "main"]);
    dir
}

/// Writes `text` at `rel` under `root`, creating folders.
pub fn write(root: &Path, rel: &str, text: &str) -> PathBuf {
    let p = root.join(rel);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("create folders");
    }
    std::fs::write(&p, text).expect("write file");
    p
}

pub const SEED_POST: &str = "fixtures/seed/2020-03-31-les-initiatives-covid19-beta-gouv-fr.md";
pub const SEED_CONFIG: &str = "fixtures/seed/frontlint.toml";

/// A fenced code block of README.md.
#[derive(Debug, Clone)]
pub struct Snippet {
    /// The info string (`sh`, `yaml`, `toml`...).
    pub lang: String,
    pub body: String,
}

/// The fenced code blocks of README's "Integrations" section, in order.
pub fn integration_snippets() -> Vec<Snippet> {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let start = readme
        .find("\n## Integrations\n")
        .expect("README has an Integrations section");
    let section = &readme[start + 1..];
    let end = section[3..].find("\n## ").map_or(section.len(), |i| i + 3);
    let mut out = Vec::new();
    let mut lines = section[..end].lines();
    while let Some(line) = lines.next() {
        if let Some(lang) = line.strip_prefix("```") {
            let mut body = String::new();
            for l in lines.by_ref() {
                if l == "```" {
                    break;
                }
                body.push_str(l);
                body.push('\n');
            }
            out.push(Snippet {
                lang: lang.to_string(),
                body,
            });
        }
    }
    out
}

/// The one integration snippet that contains `marker`.
pub fn snippet(marker: &str) -> Snippet {
    let found: Vec<Snippet> = integration_snippets()
        .into_iter()
        .filter(|s| s.body.contains(marker))
        .collect();
    assert_eq!(found.len(), 1, "README snippets containing {marker:?}");
    found.into_iter().next().expect("one snippet")
}

/// YAML read with frontlint's own parser (as a front-matter block), as
/// JSON for easy indexing.
pub fn yaml(text: &str) -> Value {
    use frontlint::frontmatter::Value as Y;
    fn conv(n: &frontlint::frontmatter::Node) -> Value {
        match &n.value {
            Y::Null | Y::Alias => Value::Null,
            Y::Bool(b) => Value::Bool(*b),
            Y::Int(i) => Value::from(*i),
            Y::Float(f) => Value::from(*f),
            Y::String(s) | Y::Timestamp(s) => Value::String(s.clone()),
            Y::List(items) => Value::Array(items.iter().map(conv).collect()),
            Y::Map(entries) => Value::Object(
                entries
                    .iter()
                    .map(|e| (e.key.clone(), conv(&e.value)))
                    .collect(),
            ),
        }
    }
    let doc = frontlint::document::Document::from_text(
        Path::new("snippet.md"),
        format!("---\n{text}---\n"),
        frontlint::document::Encoding::Utf8,
    );
    let fm = doc.front_matter.expect("front matter");
    assert!(fm.errors.is_empty(), "YAML errors: {:?}", fm.errors);
    conv(fm.root.as_ref().expect("parsed YAML"))
}

/// The folder of the frontlint binary under test, to put on `PATH`.
pub fn bin_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_frontlint"))
        .parent()
        .expect("binary folder")
        .to_path_buf()
}

/// `PATH` with the frontlint under test first.
pub fn path_with_frontlint() -> std::ffi::OsString {
    let mut dirs = vec![bin_dir()];
    if let Some(p) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&p));
    }
    std::env::join_paths(dirs).expect("PATH")
}
