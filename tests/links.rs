//! The offline link rules on the fixtures of `fixtures/links/` (a plain
//! site, a Jekyll site and a Hugo site, each with its own config), through
//! the real binary: LK005 undefined-reference, LK006 unused-definition,
//! LK007 missing-local-target, LK008 missing-anchor, LK012 bare-url.

mod common;
use common::*;

use std::fs;

fn f(rule: &str, line: u64, col: u64) -> (String, u64, u64) {
    (rule.to_string(), line, col)
}

/// Lints one fixture with the config found above it.
fn lint(rel: &str) -> (Vec<(String, u64, u64)>, serde_json::Value) {
    let (r, _) = json(&[&format!("fixtures/links/{rel}")]);
    (findings(&r), r)
}

fn field<'a>(r: &'a serde_json::Value, i: usize, key: &str) -> &'a str {
    r["diagnostics"][i][key].as_str().unwrap_or_default()
}

#[test]
fn passing_fixtures_are_clean() {
    for rel in [
        "undefined-reference/pass.md",
        "unused-definition/pass.md",
        "missing-local-target/pass.md",
        "missing-local-target/guide/index.md",
        "missing-anchor/pass.md",
        "missing-anchor/other.md",
        "bare-url/pass.md",
        "inline-control/pass.md",
        "jekyll-site/_posts/2020-03-31-pass.md",
        "jekyll-site/_docs/installation.md",
        "jekyll-site/pages/equipe.md",
        "hugo-site/content/docs/tasks/pass.md",
        "hugo-site/content/docs/tasks/install.md",
        "hugo-site/content/docs/_index.md",
        "hugo-site/content/blog/premier-billet.md",
    ] {
        let (found, _) = lint(rel);
        assert!(found.is_empty(), "{rel}: {found:?}");
    }
}

#[test]
fn undefined_references() {
    let (found, r) = lint("undefined-reference/fail.md");
    assert_eq!(
        found,
        vec![
            f("LK005", 6, 7),
            f("LK005", 6, 63),
            f("LK005", 8, 31),
            f("LK005", 8, 63),
            f("LK006", 10, 1),
            f("LK006", 11, 1),
            f("LK006", 12, 1),
        ]
    );
    assert_eq!(
        field(&r, 0, "message"),
        "no definition for the reference `[doc-jekyll]`"
    );
    assert!(field(&r, 0, "help").contains("a definition `[doc-jekyl]` exists"));
    // A shortcut `[Mise en route]` counts because `[mise-en-route]` is
    // defined; `[2]` because the post numbers its references.
    assert!(field(&r, 2, "help").contains("`[mise-en-route]`"));
    assert_eq!(field(&r, 0, "severity"), "error");
}

#[test]
fn unused_definitions() {
    let (found, r) = lint("unused-definition/fail.md");
    assert_eq!(
        found,
        vec![f("LK005", 6, 6), f("LK006", 8, 1), f("LK006", 9, 1)]
    );
    assert_eq!(
        field(&r, 1, "message"),
        "the definition `[guide-instal]` is never used"
    );
    assert_eq!(field(&r, 1, "url"), "https://example.org/install");
    assert_eq!(field(&r, 1, "severity"), "warning");
}

#[test]
fn missing_local_targets() {
    let (found, r) = lint("missing-local-target/fail.md");
    assert_eq!(
        found,
        vec![
            f("LK007", 6, 23),
            f("LK007", 6, 54),
            f("LK007", 8, 12),
            f("LK007", 8, 54),
            f("LK007", 11, 13),
        ]
    );
    assert_eq!(field(&r, 0, "url"), "guide/instal.md");
    assert!(field(&r, 1, "message").starts_with("image not found"));
    assert_eq!(field(&r, 1, "help"), "did you mean `logo.svg`?");
    assert_eq!(
        field(&r, 2, "help"),
        "did you mean `/missing-local-target/guide/`?"
    );
    // Query and fragment are not part of the file name.
    assert!(field(&r, 3, "message").contains("nulle-part.md` does not exist"));
    // A broken definition is reported once, where it is written.
    assert_eq!(field(&r, 4, "url"), "../nowhere/");
}

#[test]
fn missing_anchors() {
    let (found, r) = lint("missing-anchor/fail.md");
    assert_eq!(
        found,
        vec![
            f("LK008", 8, 24),
            f("LK008", 8, 53),
            f("LK008", 9, 19),
            f("LK008", 11, 15),
        ]
    );
    assert_eq!(field(&r, 0, "help"), "did you mean `#présentation`?");
    assert!(field(&r, 1, "message").contains("other.md`"));
    assert_eq!(field(&r, 1, "help"), "did you mean `#étapes-clés`?");
    assert_eq!(
        field(&r, 2, "help"),
        "did you mean `#kernel-density-estimator-kde`?"
    );
    assert!(field(&r, 3, "help").contains("`github` rules"));
}

#[test]
fn bare_urls_and_their_unsafe_fix() {
    let (found, r) = lint("bare-url/fail.md");
    assert_eq!(
        found,
        vec![f("LK012", 6, 30), f("LK012", 8, 13), f("LK012", 8, 38)]
    );
    assert_eq!(field(&r, 0, "url"), "https://mon-entreprise.fr/coronavirus");
    assert_eq!(field(&r, 1, "url"), "www.example.org/page");
    assert_eq!(
        field(&r, 2, "url"),
        "https://example.org/wiki/Saturn_(planet)"
    );
    assert_eq!(r["diagnostics"][0]["fix"]["safe"], false);

    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        root().join("fixtures/links/frontlint.toml"),
        dir.path().join("frontlint.toml"),
    )
    .unwrap();
    let p = dir.path().join("post.md");
    fs::copy(root().join("fixtures/links/bare-url/fail.md"), &p).unwrap();
    let before = fs::read_to_string(&p).unwrap();
    run(&["--fix", path_str(&p)]);
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        before,
        "--fix leaves unsafe fixes"
    );
    run(&["--unsafe-fixes", path_str(&p)]);
    let after = fs::read_to_string(&p).unwrap();
    assert_eq!(
        after,
        before
            .replace(
                "https://mon-entreprise.fr/coronavirus.",
                "<https://mon-entreprise.fr/coronavirus>."
            )
            .replace("(www.example.org/page)", "(<https://www.example.org/page>)")
            .replace(
                "https://example.org/wiki/Saturn_(planet).",
                "<https://example.org/wiki/Saturn_(planet)>."
            )
    );
    let (r, _) = json(&[path_str(&p)]);
    assert!(findings(&r).is_empty(), "{r}");
}

#[test]
fn jekyll_site_permalinks_and_templates() {
    let (found, r) = lint("jekyll-site/_posts/2020-04-01-fail.md");
    assert_eq!(
        found,
        vec![
            f("LK007", 6, 13),
            f("LK007", 6, 62),
            f("LK007", 7, 12),
            f("LK008", 7, 47),
        ]
    );
    assert!(field(&r, 0, "message").contains("no post named `2020-04-02-absent`"));
    assert!(field(&r, 1, "message").contains("{% link _docs/instalation.md %}"));
    assert_eq!(field(&r, 1, "help"), "did you mean `installation.md`?");
    assert_eq!(field(&r, 2, "help"), "did you mean `/docs/installation/`?");
    // kramdown's GFM ids drop `--`: the heading `Étapes -- rapides` is
    // `#étapes--rapides`, not `#étapes-rapides`.
    assert_eq!(field(&r, 3, "help"), "did you mean `#étapes--rapides`?");
}

#[test]
fn hugo_site_content_static_refs_and_redirects() {
    let (found, r) = lint("hugo-site/content/docs/tasks/fail.md");
    assert_eq!(
        found,
        vec![
            f("LK007", 5, 23),
            f("LK007", 5, 46),
            f("LK008", 6, 11),
            f("LK007", 6, 54),
            f("LK007", 7, 13),
        ]
    );
    assert!(field(&r, 0, "message").contains("no page at `/docs/tasks/instal/`"));
    assert_eq!(field(&r, 0, "help"), "did you mean `/docs/tasks/install/`?");
    assert!(field(&r, 1, "message").contains("REF_NOT_FOUND"));
    assert_eq!(field(&r, 2, "help"), "did you mean `#étape-1--préparer`?");
    assert_eq!(field(&r, 3, "help"), "did you mean `schema.svg`?");
}

/// A site written out in a temporary folder, with `cfg` as its config.
fn temp_site(cfg: &str, files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("frontlint.toml"), cfg).unwrap();
    for (p, text) in files {
        let path = dir.path().join(p);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn site_root_baseurl_and_generated_pages() {
    let dir = temp_site(
        "[site]\nroot = \"site\"\nbaseurl = \"/blog\"\ngenerated = [\"/search/\", \"/team/**\"]\n",
        &[
            ("site/docs/a.md", "# A\n"),
            (
                "site/posts/p.md",
                "[a](/docs/a.md) [b](/blog/docs/a.md#a) [s](/search/) [t](/team/x/) [f](/feed.xml) [x](/blog/docs/b.md)\n",
            ),
        ],
    );
    let (r, code) = json(&[path_str(&dir.path().join("site/posts/p.md"))]);
    assert_eq!(findings(&r), vec![f("LK007", 1, 87)], "{r}");
    assert_eq!(code, 1);
}

#[test]
fn files_ignored_by_git_do_not_count() {
    let dir = temp_site(
        "",
        &[
            (".gitignore", "_site/\n"),
            ("_site/out.html", "x"),
            ("p.md", "[out](_site/out.html)\n"),
        ],
    );
    let (r, _) = json(&[path_str(&dir.path().join("p.md"))]);
    assert_eq!(findings(&r), vec![f("LK007", 1, 7)]);
}

#[test]
fn slug_style_is_configurable() {
    let files = [(
        "p.md",
        "## 1. Étape finale\n\n[x](#tape-finale) [y](#1-étape-finale)\n",
    )];
    let github = temp_site("", &files);
    let (r, _) = json(&[path_str(&github.path().join("p.md"))]);
    assert_eq!(findings(&r), vec![f("LK008", 3, 5)]);
    let kramdown = temp_site("[site]\nslug_style = \"kramdown\"\n", &files);
    let (r, _) = json(&[path_str(&kramdown.path().join("p.md"))]);
    assert_eq!(findings(&r), vec![f("LK008", 3, 23)]);
}

#[test]
fn bad_site_settings_are_located() {
    for (cfg, line, needle) in [
        (
            "[site]\nslug_style = \"gitlab\"\n",
            2,
            "unknown variant `gitlab`",
        ),
        (
            "[site.permalinks]\n\"_posts/**\" = \"/:yaer/:title/\"\n",
            2,
            "unknown placeholder `:yaer`",
        ),
        (
            "[site]\nroot = \".\"\nbogus = 1\n",
            3,
            "unknown field `bogus`",
        ),
        (
            "[site.redirects]\n\"old/*\" = \"/new/:splat\"\n",
            2,
            "must start with `/`",
        ),
        (
            "[site]\ngenerator_config = \"nope.yml\"\n",
            2,
            "is not a file",
        ),
    ] {
        let dir = temp_site(cfg, &[("p.md", "x\n")]);
        let out = run(&[path_str(&dir.path().join("p.md"))]);
        assert_eq!(out.status.code(), Some(2), "{cfg}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("frontlint.toml:{line}:")),
            "{cfg}: {err}"
        );
        assert!(err.contains(needle), "{cfg}: {err}");
    }
}

#[test]
fn other_files_are_read_once_per_run() {
    // Many links into one page: its anchors are parsed once and shared; the
    // run is still correct for each link.
    let mut text = String::new();
    for i in 0..200 {
        text.push_str(&format!("[l{i}](t.md#h{}) ", i % 7));
    }
    let mut files = vec![(
        "t.md".to_string(),
        "# h0\n# h1\n# h2\n# h3\n# h4\n# h5\n".to_string(),
    )];
    for i in 0..8 {
        files.push((format!("p{i}.md"), format!("{text}\n")));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = temp_site("", &refs);
    let (r, _) = json(&[path_str(dir.path())]);
    let n = findings(&r)
        .iter()
        .filter(|(rule, _, _)| rule == "LK008")
        .count();
    // `#h6` is missing: links 6, 13, 20... in each of the 8 posts.
    assert_eq!(n, 8 * (0..200).filter(|i| i % 7 == 6).count());
}

#[test]
fn letter_case_matters_unless_the_host_ignores_it() {
    let files = [
        ("Guide/Install.md", "# Install\n"),
        (
            "p.md",
            "[a](guide/install.md#install) [b](/GUIDE/INSTALL.md)\n",
        ),
    ];
    let strict = temp_site("", &files);
    let (r, _) = json(&[path_str(&strict.path().join("p.md"))]);
    assert_eq!(findings(&r), vec![f("LK007", 1, 5), f("LK007", 1, 35)]);
    let help = r["diagnostics"][0]["help"].as_str().unwrap();
    assert!(
        help.contains("`Guide/Install.md` exists, with other letter case"),
        "{help}"
    );
    let lenient = temp_site("[site]\ncase_sensitive = false\n", &files);
    let (r, _) = json(&[path_str(&lenient.path().join("p.md"))]);
    assert!(findings(&r).is_empty(), "{r}");
}

#[test]
fn links_into_a_folder_the_site_lacks_suggest_generated() {
    let dir = temp_site(
        "",
        &[
            ("docs/a.md", "# A\n"),
            (
                "p.md",
                "[api](/dotnet/api/system.string) [typo](/docs/b.md)\n",
            ),
        ],
    );
    let (r, _) = json(&[path_str(&dir.path().join("p.md"))]);
    assert_eq!(findings(&r), vec![f("LK007", 1, 7), f("LK007", 1, 41)]);
    let help = |i: usize| r["diagnostics"][i]["help"].as_str().unwrap().to_string();
    assert!(
        help(0).contains("`[site] generated = [\"/dotnet/**\"]`"),
        "{}",
        help(0)
    );
    // `/docs/` exists: the path itself is what to check.
    assert!(!help(1).contains("generated"), "{}", help(1));
    // A dated URL is most likely a permalink, not another site's.
    let p = dir.path().join("q.md");
    fs::write(&p, "[post](/2020/02/17/hello/)\n").unwrap();
    let (r, _) = json(&[path_str(&p)]);
    let h = r["diagnostics"][0]["help"].as_str().unwrap();
    assert!(
        h.contains("[site.permalinks]") && !h.contains("generated"),
        "{h}"
    );
    // Declared as generated, the links are fine.
    fs::write(
        dir.path().join("frontlint.toml"),
        "[site]\ngenerated = [\"/dotnet/**\"]\n",
    )
    .unwrap();
    let (r, _) = json(&[path_str(&dir.path().join("p.md"))]);
    assert_eq!(findings(&r), vec![f("LK007", 1, 41)]);
}
