//! `--check-links` end to end through the binary, against the link farm:
//! URLs collected from the scan, checked once per run, reported at every use
//! site with the `url` field, LK011 fixes written by `--fix`.

mod common;
#[path = "links_support/mod.rs"]
mod links_support;

use common::*;
use links_support::Farm;
use std::fs;

fn site(farm: &Farm) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let b = farm.base(0);
    fs::write(
        dir.path().join("frontlint.toml"),
        "[links]\ncache = false\ntimeout = \"3s\"\nretry_wait = \"50ms\"\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("a.md"),
        format!(
            "---\ntitle: A\ncanonical: {b}/ok/canonical\n---\n\
             Dead: [gone]({b}/404/x).\n\
             Alive: <{b}/ok/a>.\n\
             Moved: [old]({b}/redirect/2/m).\n\
             Mail: [us](mailto:editors@example.org) or [call](tel:+33-1-00).\n\n\
             ```\n{b}/404/in-code\n```\n"
        ),
    )
    .unwrap();
    fs::write(
        dir.path().join("b.md"),
        format!("Again: [gone]({b}/404/x)\n"),
    )
    .unwrap();
    dir
}

#[test]
fn dead_and_redirected_links_at_every_use() {
    let Some(farm) = Farm::start("dead_and_redirected_links_at_every_use", 1, false, &[]) else {
        return;
    };
    let dir = site(&farm);
    let (r, code) = json(&["--check-links", path_str(dir.path())]);
    assert_eq!(code, 1);
    let b = farm.base(0);
    let got: Vec<(String, String, u64, String)> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "LK010" || d["rule"] == "LK011")
        .map(|d| {
            (
                d["path"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["url"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("a.md".into(), "LK010".into(), 5, format!("{b}/404/x")),
            (
                "a.md".into(),
                "LK011".into(),
                7,
                format!("{b}/redirect/2/m")
            ),
            ("b.md".into(), "LK010".into(), 1, format!("{b}/404/x")),
        ]
    );
    let lk011 = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "LK011")
        .unwrap();
    assert_eq!(lk011["fix"]["replacement"], format!("{b}/ok/m"));
    assert_eq!(lk011["severity"], "info");
    // Once per unique URL; never the code sample, mailto: or tel:.
    let stats = farm.stats();
    let host = farm.addr(0);
    assert_eq!(Farm::requests_for(&stats, &host, "/404/in-code"), 0);
    let total: u64 = stats["hosts"][&host]["requests"].as_u64().unwrap();
    // /404/x (HEAD, GET retry of a 404 is not needed) + /ok/a + /ok/canonical + 3 hops.
    assert!(total <= 8, "requests: {total}: {stats}");
    assert!(
        Farm::requests_for(&stats, &host, "/ok/canonical") >= 1,
        "front-matter URLs are checked"
    );
}

#[test]
fn fix_writes_the_final_url() {
    let Some(farm) = Farm::start("fix_writes_the_final_url", 1, false, &[]) else {
        return;
    };
    let dir = site(&farm);
    let out = run(&[
        "--check-links",
        "--fix",
        "--format",
        "short",
        path_str(dir.path()),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = fs::read_to_string(dir.path().join("a.md")).unwrap();
    assert!(
        a.contains(&format!("Moved: [old]({}/ok/m).", farm.base(0))),
        "{a}"
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("a.md:5:"),
        "remaining LK010 keeps its place: {s}"
    );
}

#[test]
fn c26_mail_and_phone_are_never_requested() {
    let (r, code) = json(&[
        "--check-links",
        "--config",
        "fixtures/cases/frontlint.toml",
        "fixtures/cases/C26.md",
    ]);
    assert_eq!(code, 0);
    assert!(findings(&r).is_empty(), "{r}");
}

#[test]
fn bad_links_settings_are_a_config_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("frontlint.toml"),
        "[links]\ntimeout = \"soon\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.md"), "x\n").unwrap();
    let out = run(&[path_str(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("frontlint.toml:1:1: invalid config: [links]")
    );
}
