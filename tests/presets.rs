//! Presets: each generator's fixture site passes clean, and its broken
//! twin's findings are the snapshot (the readable spec of the preset).

mod common;
use common::*;

const PRESETS: [&str; 6] = ["jekyll", "hugo", "zola", "astro", "eleventy", "docusaurus"];

#[test]
fn clean_sites_pass() {
    for p in PRESETS {
        let site = format!("fixtures/sites/{p}/");
        let (r, code) = json(&["--deny", "warnings", &site]);
        assert_eq!(r["diagnostics"].as_array().unwrap().len(), 0, "{p}: {r}");
        assert!(r["files_checked"].as_u64().unwrap() >= 1, "{p}");
        assert_eq!(code, 0, "{p}");
    }
}

#[test]
fn broken_twins() {
    for p in PRESETS {
        let site = format!("fixtures/sites/{p}-broken/");
        let out = run(&["--format", "short", &site]);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.is_empty(), "{p}-broken has no findings");
        insta::assert_snapshot!(format!("{p}-broken"), text);
    }
}

#[test]
fn user_config_extends_and_overrides_the_preset() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("_posts")).unwrap();
    std::fs::write(
        dir.path().join("_posts/2024-01-01-a.md"),
        "---\ntitle: A\ndate: 2024-01-02\nlang: fr\n---\n",
    )
    .unwrap();
    // The preset checks file-name dates in `_posts`; the user turns that off
    // and requires `lang` to be one of two values.
    std::fs::write(
        dir.path().join("frontlint.toml"),
        "preset = \"jekyll\"\n\n[front_matter]\nfields.lang = { enum = [\"en\", \"de\"] }\n\n[[overrides]]\npaths = [\"_posts/**\"]\nfilename_date = false\n",
    )
    .unwrap();
    let (r, _) = json(&[path_str(dir.path())]);
    let rules: Vec<&str> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["FM011"], "{r}");

    std::fs::write(dir.path().join("frontlint.toml"), "preset = \"jekyl\"\n").unwrap();
    let out = run(&[path_str(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `jekyll`"));
}

#[test]
fn timezone_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("frontlint.toml"),
        "timezone = \"Europe/Pariss\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.md"), "---\ntitle: A\n---\n").unwrap();
    let out = run(&[path_str(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown time zone"));
}
