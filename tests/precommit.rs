//! The pre-commit hook, for real: the `pre-commit` tool (from PyPI) builds
//! this repository's hook with cargo, as it would for a user, and a commit
//! of the seed post is refused with frontlint's findings while a clean post
//! goes through.
//!
//! Slow the first time (pre-commit runs `cargo install`), so there is one
//! such test. The build goes to `target/tools/pre-commit-build`, so later
//! runs only rebuild frontlint itself.

mod common;
use common::*;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

/// The virtual environment `.ci/run` installs pre-commit into.
fn venv() -> PathBuf {
    root().join("target/tools/venv")
}

/// A `pre-commit` to run: `$PRE_COMMIT`, the one `.ci/run` installs, one on
/// `PATH`, or one installed now into the same place. `None` (with the
/// reason) when none can be had.
fn pre_commit() -> Result<PathBuf, String> {
    let works = |p: &Path| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if let Some(p) = std::env::var_os("PRE_COMMIT").map(PathBuf::from)
        && works(&p)
    {
        return Ok(p);
    }
    let in_venv = venv().join("bin/pre-commit");
    if works(&in_venv) {
        return Ok(in_venv);
    }
    if works(Path::new("pre-commit")) {
        return Ok(PathBuf::from("pre-commit"));
    }
    let step = |cmd: &mut Command| -> Result<(), String> {
        let out = cmd.output().map_err(|e| format!("{cmd:?}: {e}"))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{cmd:?}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    };
    step(Command::new("python3").args(["-m", "venv"]).arg(venv()))?;
    step(Command::new(venv().join("bin/python")).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "pre-commit",
    ]))?;
    if works(&in_venv) {
        Ok(in_venv)
    } else {
        Err("pre-commit installed but does not run".into())
    }
}

/// This repository as it is on disk (uncommitted work included), as a
/// one-commit git repository that pre-commit can clone. Returns its path
/// and commit.
fn hook_repo(dir: &Path) -> (PathBuf, String) {
    let repo = dir.join("frontlint-hook");
    fs::create_dir_all(&repo).unwrap();
    let listed = git(
        &root(),
        &[
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ],
    );
    for rel in listed.split('\0').filter(|s| !s.is_empty()) {
        let from = root().join(rel);
        if !from.is_file() {
            continue;
        }
        let to = repo.join(rel);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(&from, &to).unwrap();
    }
    git(&repo, &["init", "-q", "-b", "main"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "snapshot"]);
    let rev = git(&repo, &["rev-parse", "HEAD"]).trim().to_string();
    (repo, rev)
}

/// `git commit` in `site`, through the installed hook.
fn commit(site: &Path, pre_commit_home: &Path, message: &str) -> Output {
    Command::new("git")
        .current_dir(site)
        .args(["commit", "-m", message])
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("PRE_COMMIT_HOME", pre_commit_home)
        .env("PRE_COMMIT_COLOR", "never")
        // pre-commit builds the hook with `cargo install`: keep its build
        // between runs, build without optimisation (this checks the hook's
        // wiring, not the binary's speed), and resolve crates from the local
        // cache the test suite's own build filled.
        .env(
            "CARGO_TARGET_DIR",
            root().join("target/tools/pre-commit-build"),
        )
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_NET_OFFLINE", "true")
        .output()
        .expect("run git commit")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn hook_refuses_the_seed_and_accepts_a_clean_post() {
    let pre_commit = match pre_commit() {
        Ok(p) => p,
        Err(why) => {
            eprintln!("SKIPPED: the pre-commit tool cannot be installed: {why}");
            return;
        }
    };
    let tmp = tempfile::tempdir().unwrap();
    let (hook, rev) = hook_repo(tmp.path());
    let home = tmp.path().join("pre-commit-home");

    // The site, with the config snippet of README pointed at the snapshot.
    let site = tmp.path().join("site");
    fs::create_dir_all(&site).unwrap();
    git(&site, &["init", "-q", "-b", "main"]);
    let snippet = snippet("repos:").body;
    let config = snippet
        .replace(frontlint::REPOSITORY, path_str(&hook))
        .replace(&format!("v{}", env!("CARGO_PKG_VERSION")), &rev);
    assert_ne!(config, snippet, "README snippet has the repository and tag");
    fs::write(site.join(".pre-commit-config.yaml"), &config).unwrap();
    fs::copy(root().join(SEED_CONFIG), site.join("frontlint.toml")).unwrap();
    let install = Command::new(&pre_commit)
        .current_dir(&site)
        .arg("install")
        .env("PRE_COMMIT_HOME", &home)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(install.status.success(), "{}", text(&install));
    git(&site, &["add", ".pre-commit-config.yaml", "frontlint.toml"]);
    let started = Instant::now();
    let first = commit(&site, &home, "config");
    eprintln!(
        "pre-commit installed the hook and committed in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(first.status.success(), "no Markdown yet: {}", text(&first));

    // The seed post: refused, with frontlint's findings.
    let seed = "_posts/2020-03-31-les-initiatives-covid19-beta-gouv-fr.md";
    fs::create_dir_all(site.join("_posts")).unwrap();
    fs::copy(root().join(SEED_POST), site.join(seed)).unwrap();
    git(&site, &["add", seed]);
    let refused = commit(&site, &home, "the seed post");
    let out = text(&refused);
    assert!(
        !refused.status.success(),
        "the commit must be refused:\n{out}"
    );
    assert!(out.contains("- hook id: frontlint"), "{out}");
    assert!(
        out.contains(&format!(
            "{seed}:49:8: error[LK001] a link inside the destination of the link `[AidantsConnect]`"
        )),
        "{out}"
    );
    assert_eq!(git(&site, &["rev-list", "--count", "HEAD"]).trim(), "1");

    // A clean post instead: accepted.
    git(&site, &["rm", "-q", "--cached", seed]);
    fs::remove_file(site.join(seed)).unwrap();
    let clean = "_posts/2020-04-01-propre.md";
    write(
        &site,
        clean,
        "---\nlayout: post\ntitle: Un article propre\ndate: 2020-04-01\ncategories: general\n---\nUn paragraphe avec [un lien](https://beta.gouv.fr/).\n",
    );
    git(&site, &["add", clean]);
    let accepted = commit(&site, &home, "a clean post");
    let out = text(&accepted);
    assert!(accepted.status.success(), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("frontlint") && l.ends_with("Passed")),
        "{out}"
    );
    assert_eq!(git(&site, &["rev-list", "--count", "HEAD"]).trim(), "2");
}
