//! LK005–LK008 on two real sites of `../shared/corpus` (skipped when absent):
//! the Jekyll documentation site and Linkerd's Hugo site. Every finding was
//! checked by hand to be a real broken link; the counts pin that down, and
//! the false-positive kinds fixed on the way (template links, permalinks,
//! generated pages, Hugo `ref`, pages served from another folder, shortcode
//! ids) must stay fixed.
//!
//! The corpora hold only the Markdown files of each site: images, uploads
//! and other assets are declared `generated` in the configs below, since
//! they are not there to be found.

mod common;
use common::*;

use std::collections::BTreeMap;
use std::path::Path;

/// Runs frontlint on `dir` with `config` (written to a temporary file) and
/// returns `(rule, path relative to the corpus, line, message)` of the link
/// findings.
fn link_findings(config: &str, dir: &Path, corpus: &Path) -> Vec<(String, String, u64, String)> {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = tmp.path().join("frontlint.toml");
    std::fs::write(&cfg, config).unwrap();
    let (r, _) = json(&["--config", path_str(&cfg), path_str(dir)]);
    let prefix = format!("{}/", corpus.display());
    r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            matches!(
                d["rule"].as_str(),
                Some("LK005" | "LK006" | "LK007" | "LK008" | "MK008")
            )
        })
        .map(|d| {
            let path = d["path"].as_str().unwrap_or_default();
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                path.strip_prefix(&prefix).unwrap_or(path).to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn counts(found: &[(String, String, u64, String)]) -> BTreeMap<&str, usize> {
    let mut m = BTreeMap::new();
    for (rule, ..) in found {
        *m.entry(rule.as_str()).or_default() += 1;
    }
    m
}

fn has(found: &[(String, String, u64, String)], rule: &str, path: &str, line: u64) -> bool {
    found
        .iter()
        .any(|(r, p, l, _)| r == rule && p == path && *l == line)
}

#[test]
fn jekyll_docs_site() {
    let Some(corpus) = shared("corpus/jekyll-docs") else {
        return;
    };
    let corpus = corpus.canonicalize().unwrap();
    // The URL settings of jekyllrb.com, as its `_config.yml` gives them
    // (the corpus holds only Markdown): frontlint reads that file.
    let generator_dir = tempfile::tempdir().unwrap();
    std::fs::write(
        generator_dir.path().join("_config.yml"),
        "collections:\n  docs:\n    permalink: /:collection/:path/\n  posts:\n    permalink: /news/:year/:month/:day/:title/\n  tutorials:\n    permalink: /:collection/:path/\n",
    )
    .unwrap();
    let config = format!(
        "[site]\nroot = '{}'\ngenerator = \"jekyll\"\ngenerator_config = '{}'\ngenerated = [\"/img/**\"]\n",
        corpus.join("docs").display(),
        generator_dir.path().join("_config.yml").display()
    );
    let found = link_findings(&config, &corpus.join("docs"), &corpus);
    // 3,132 Liquid links, `{% link %}`, `{% post_url %}`, permalinks of
    // posts and collections, `redirect_from`, kramdown `{: #id}` anchors:
    // what is left is real.
    assert_eq!(
        counts(&found),
        BTreeMap::from([("LK006", 3), ("LK007", 1)]),
        "{found:#?}"
    );
    // A relative link in a page served at /docs/security/.
    assert!(has(&found, "LK007", "docs/_docs/security.md", 22));
    assert!(has(
        &found,
        "LK006",
        "docs/_posts/2013-07-25-jekyll-1-0-4-released.markdown",
        18
    ));

    // Jekyll's own test site: fixtures on purpose, and no broken link.
    let test_config = format!(
        "[site]\nroot = '{}'\ngenerator = \"jekyll\"\n",
        corpus.join("test/source").display()
    );
    let found = link_findings(&test_config, &corpus.join("test/source"), &corpus);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn linkerd_hugo_site() {
    let Some(corpus) = shared("corpus/linkerd-hugo") else {
        return;
    };
    let corpus = corpus.canonicalize().unwrap();
    let site = corpus.join("linkerd.io");
    // Its `hugo.toml` gives the blog's permalinks; frontlint reads that file.
    let generator_dir = tempfile::tempdir().unwrap();
    std::fs::write(
        generator_dir.path().join("hugo.toml"),
        "[permalinks]\nblog = \"/:year/:month/:day/:slug/\"\n",
    )
    .unwrap();
    let config = format!(
        "[site]\nroot = '{}'\ngenerator = \"hugo\"\ngenerator_config = '{}'\n\
         generated = [\"/images/**\", \"/uploads/**\", \"/releases/*.json\", \"/releases/*.yaml\"]\n\
         # linkerd.io serves the latest 2.x docs under /2/ (a server redirect).\n\
         [site.redirects]\n\"/2/*\" = \"/2.16/:splat\"\n",
        site.display(),
        generator_dir.path().join("hugo.toml").display()
    );
    let found = link_findings(&config, &site, &corpus);
    assert_eq!(
        counts(&found),
        BTreeMap::from([("LK005", 2), ("LK006", 7), ("LK007", 4), ("LK008", 190)]),
    );
    // `../../features/ServiceProfile/`: the page is `service-profiles`.
    for v in ["2-edge", "2.14", "2.15", "2.16"] {
        let p = format!("linkerd.io/content/{v}/tasks/configuring-dynamic-request-routing.md");
        assert!(has(&found, "LK007", &p, 191), "{p}");
    }
    // Headings were renamed, links were not: `Upgrading the CLI`.
    assert!(found.iter().any(|(r, p, l, m)| r == "LK008"
        && p == "linkerd.io/content/2-edge/tasks/upgrade.md"
        && *l == 121
        && m.contains("#upgrade-the-cli")));
    // `[HTTPRoutes]` with only `[HTTPRoute]` defined.
    assert!(has(
        &found,
        "LK005",
        "linkerd.io/content/2.14/features/retries-and-timeouts.md",
        20
    ));
    // False-positive kinds that must not come back: Hugo `ref`/`relref`
    // shortcodes (70 in the site), relative links resolved from the page's
    // URL (`../install/` from /2.16/tasks/x/), blog permalinks, section
    // pages, shortcode ids (`{{< warning id=open-relay-warning >}}`).
    for (_, p, _, m) in &found {
        assert!(!m.contains("REF_NOT_FOUND"), "{p}: {m}");
        assert!(!m.contains("open-relay-warning"), "{p}: {m}");
    }
    assert!(
        !found
            .iter()
            .any(|(r, _, _, m)| r == "LK007" && m.contains("/install/"))
    );
}
