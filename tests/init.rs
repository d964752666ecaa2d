//! `frontlint init`: a config learnt from the posts, under which only the
//! outliers remain; checked on a small made-up site and on the corpora.

mod common;
use common::*;

use std::fs;
use std::path::Path;

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

/// A blog: 30 posts in `_posts`, 20 authors, one post with `categorie`, one
/// with an unknown category spelled near a known one, one dated otherwise
/// than its name.
fn small_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let cats = ["general", "dinsic", "general"];
    for i in 1..=30 {
        let day = format!("2024-01-{i:02}");
        let mut date = day.clone();
        let mut cat_key = "categories";
        let mut cat = cats[i % 3].to_string();
        if i == 7 {
            date = "2024-02-07".into();
        }
        if i == 8 {
            cat_key = "categorie";
        }
        if i == 9 {
            cat = "generale".into();
        }
        write(
            dir.path(),
            &format!("_posts/{day}-post-{i}.md"),
            &format!(
                "---\nlayout: post\ntitle: Post {i}\ndate: {date}\n{cat_key}: {cat}\n---\nText.\n"
            ),
        );
    }
    for i in 1..=20 {
        write(
            dir.path(),
            &format!("_authors/person{i}.md"),
            &format!("---\nfullname: Person {i}\nrole: Dev\ngithub: p{i}\n---\n"),
        );
    }
    dir
}

#[test]
fn learns_conventions_and_leaves_only_outliers() {
    let site = small_site();
    let out = run(&["init", path_str(site.path())]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fs::read_to_string(site.path().join("frontlint.toml")).unwrap();
    for line in [
        "paths = [\"_posts/**\"]",
        "filename_date = true",
        "front_matter.required = [\"layout\", \"title\", \"date\", \"categories\"]",
        "front_matter.fields.date = { type = \"date\" }",
        "front_matter.fields.categories = { type = \"string\", enum = [\"dinsic\", \"general\"] }",
        "paths = [\"_authors/**\"]",
        "front_matter.required = [\"fullname\", \"role\", \"github\"]",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing `{line}` in:\n{text}"
        );
    }
    assert!(
        text.contains("1 file uses `categorie`: did you mean `categories`?"),
        "{text}"
    );
    assert!(
        text.contains("1 file has `categories: generale`: did you mean `general`?"),
        "{text}"
    );

    let (r, _) = json(&[path_str(site.path())]);
    let mut got: Vec<(String, String)> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let p = d["path"].as_str().unwrap();
            (
                p.rsplit('/').next().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("2024-01-07-post-7.md".to_string(), "FM012".to_string()),
            ("2024-01-08-post-8.md".into(), "FM005".into()),
            ("2024-01-08-post-8.md".into(), "FM010".into()),
            ("2024-01-09-post-9.md".into(), "FM011".into()),
        ]
    );
}

#[test]
fn refuses_to_overwrite_and_prints_on_request() {
    let site = small_site();
    fs::write(site.path().join("frontlint.toml"), "# mine\n").unwrap();
    let out = run(&["init", path_str(site.path())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(
        fs::read_to_string(site.path().join("frontlint.toml")).unwrap(),
        "# mine\n"
    );
    let out = run(&["init", "--stdout", path_str(site.path())]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("[[overrides]]"));
    let out = run(&["init", "--force", path_str(site.path())]);
    assert!(out.status.success());
    assert_ne!(
        fs::read_to_string(site.path().join("frontlint.toml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn empty_site_gets_a_starter() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["init", path_str(dir.path())]);
    assert!(out.status.success());
    let text = fs::read_to_string(dir.path().join("frontlint.toml")).unwrap();
    assert!(text.contains("no posts found"), "{text}");
    assert!(text.contains("# preset = \"jekyll\""));
}

/// Runs init on a copy of a corpus; returns (config text, report).
fn corpus(name: &str) -> Option<(String, serde_json::Value)> {
    let src = shared(&format!("corpus/{name}"))?;
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join(name);
    copy_dir(&src, &copy);
    // SOURCE.md describes the corpus; it is not part of the site.
    let _ = fs::remove_file(copy.join("SOURCE.md"));
    let out = run(&["init", path_str(&copy)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{name}: {}", String::from_utf8_lossy(&out.stderr).trim());
    let text = fs::read_to_string(copy.join("frontlint.toml")).unwrap();
    let (r, _) = json(&[path_str(&copy)]);
    // Keep the temp dir alive until the report is read.
    drop(dir);
    Some((text, r))
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Files flagged, by rule, and overall.
fn files_by_rule(r: &serde_json::Value) -> (std::collections::BTreeMap<String, usize>, usize) {
    let mut by_rule: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    let mut all = std::collections::BTreeSet::new();
    for d in r["diagnostics"].as_array().unwrap() {
        let p = d["path"].as_str().unwrap().to_string();
        by_rule
            .entry(d["rule"].as_str().unwrap().to_string())
            .or_default()
            .insert(p.clone());
        all.insert(p);
    }
    (
        by_rule.into_iter().map(|(k, v)| (k, v.len())).collect(),
        all.len(),
    )
}

fn share(flagged: usize, r: &serde_json::Value) -> f64 {
    flagged as f64 * 100.0 / r["files_checked"].as_u64().unwrap() as f64
}

#[test]
fn corpus_betagouv() {
    let Some((text, r)) = corpus("betagouv") else {
        return;
    };
    for glob in [
        "content/_posts/**",
        "content/_authors/**",
        "content/_incubators/**",
    ] {
        assert!(
            text.contains(&format!("paths = [\"{glob}\"]")),
            "{glob} not separated:\n{text}"
        );
    }
    let (by_rule, flagged) = files_by_rule(&r);
    eprintln!(
        "betagouv: {by_rule:?}, {flagged} files ({:.2}%)",
        share(flagged, &r)
    );
    assert_eq!(by_rule.get("FM012"), Some(&41), "{by_rule:?}");
    let untrimmed_titles = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "FM009" && d["message"].as_str().unwrap().starts_with("`title`"))
        .count();
    assert_eq!(untrimmed_titles, 9);
    let fm_flagged: std::collections::BTreeSet<&str> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"].as_str().unwrap().starts_with("FM"))
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(
        share(fm_flagged.len(), &r) < 2.5,
        "{} front-matter files flagged",
        fm_flagged.len()
    );
    assert!(share(flagged, &r) < 3.5, "{:.2}%", share(flagged, &r));
}

#[test]
fn corpus_linkerd_hugo() {
    let Some((text, r)) = corpus("linkerd-hugo") else {
        return;
    };
    assert!(
        text.contains("paths = [\"linkerd.io/content/blog/**\"]"),
        "{text}"
    );
    assert!(text.contains("paths = [\"_index.md\"]"), "{text}");
    let (by_rule, flagged) = files_by_rule(&r);
    eprintln!(
        "linkerd-hugo: {by_rule:?}, {flagged} files ({:.2}%)",
        share(flagged, &r)
    );
    // Front-matter rules are never turned off; each rule turned off says
    // why in its own terms.
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with("FM") && l.ends_with("= \"off\"")),
        "{text}"
    );
    for (rule, words) in [
        ("LK009", "https://"),
        ("TY001", "slips"),
        ("LK007", "[site]"),
    ] {
        if let Some(comment) = text.lines().find(|l| l.starts_with(&format!("# {rule} ("))) {
            assert!(comment.contains(words), "{comment}");
        }
    }
    // The duplicate `tags` key and the untrimmed titles are still reported.
    assert_eq!(by_rule.get("FM004"), Some(&1));
    assert!(by_rule.get("FM009").is_some_and(|n| *n >= 5));
    assert!(share(flagged, &r) < 4.0, "{:.2}%", share(flagged, &r));
}

#[test]
fn corpus_rust_blog_zola() {
    let Some((text, r)) = corpus("rust-blog-zola") else {
        return;
    };
    assert!(
        text.contains("front_matter.fields.authors = { type = \"list\" }"),
        "{text}"
    );
    let (by_rule, flagged) = files_by_rule(&r);
    eprintln!(
        "rust-blog-zola: {by_rule:?}, {flagged} files ({:.2}%)",
        share(flagged, &r)
    );
    assert!(share(flagged, &r) < 3.0, "{:.2}%", share(flagged, &r));
}
