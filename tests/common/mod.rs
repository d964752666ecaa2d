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
