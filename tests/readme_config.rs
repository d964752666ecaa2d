//! The configuration examples of README.md are valid configs: every
//! ```toml block of the Spelling, Link checking and Grammar sections loads.

use std::fs;
use std::path::Path;

use frontlint::config::LoadedConfig;

fn toml_blocks(section: &str) -> Vec<String> {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme
        .find(&format!("\n## {section}"))
        .unwrap_or_else(|| panic!("section {section}"));
    let rest = &readme[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    let body = &rest[..end];
    body.split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn readme_config_examples_load() {
    let dir = tempfile::tempdir().unwrap();
    // Files the examples name.
    fs::write(dir.path().join("vocabulary.txt"), "frobnicate\n").unwrap();
    fs::create_dir_all(dir.path().join("dicts")).unwrap();
    fs::write(dir.path().join("dicts/de_DE.aff"), "SET UTF-8\n").unwrap();
    fs::write(dir.path().join("dicts/de_DE.dic"), "1\nHaus\n").unwrap();
    let mut n = 0;
    for section in ["Spelling", "Link checking over HTTP", "Grammar"] {
        for block in toml_blocks(section) {
            let path = dir.path().join("frontlint.toml");
            fs::write(&path, &block).unwrap();
            if let Err(e) = LoadedConfig::from_str(&block, &path, dir.path()) {
                panic!("README {section} example does not load: {e}\n{block}");
            }
            n += 1;
        }
    }
    assert_eq!(n, 3);
}
