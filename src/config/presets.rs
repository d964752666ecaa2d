//! Site-generator presets: `frontlint.toml` fragments kept as data in
//! `rules/presets/<name>.toml` and embedded in the binary, plus the merge
//! that lays a user's config over a preset (or an imported schema).
//!
//! Merging works on TOML tables before anything is deserialised, so a
//! preset can carry tables this module knows nothing about (`[site]`,
//! `[spelling]`) through to whoever reads them.

use toml::{Table, Value};

/// Every preset: its name and its TOML text.
pub const PRESETS: &[(&str, &str)] = &[
    ("jekyll", include_str!("../../rules/presets/jekyll.toml")),
    ("hugo", include_str!("../../rules/presets/hugo.toml")),
    ("zola", include_str!("../../rules/presets/zola.toml")),
    ("astro", include_str!("../../rules/presets/astro.toml")),
    (
        "eleventy",
        include_str!("../../rules/presets/eleventy.toml"),
    ),
    (
        "docusaurus",
        include_str!("../../rules/presets/docusaurus.toml"),
    ),
];

/// The names of every preset, for messages.
pub fn names() -> Vec<&'static str> {
    PRESETS.iter().map(|(n, _)| *n).collect()
}

/// A preset's table, or a message naming the presets that exist.
pub fn table(name: &str) -> Result<Table, String> {
    let Some((_, text)) = PRESETS.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) else {
        let hint = names()
            .into_iter()
            .min_by_key(|n| strsim::levenshtein(n, &name.to_ascii_lowercase()))
            .filter(|n| strsim::levenshtein(n, &name.to_ascii_lowercase()) <= 3)
            .map(|n| format!("; did you mean `{n}`?"))
            .unwrap_or_default();
        return Err(format!(
            "unknown preset `{name}`{hint} (presets: {})",
            names().join(", ")
        ));
    };
    text.parse::<Table>()
        .map_err(|e| format!("preset `{name}` does not parse: {e}"))
}

/// Lays `over` on top of `base`: tables merge key by key (so a field spec
/// can add one option to a preset's), `[[overrides]]` lists are appended
/// (later ones win, so the user's come last), anything else is replaced.
pub fn merge(base: &mut Table, over: Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(Value::Table(b)), Value::Table(o)) => merge(b, o),
            (Some(Value::Array(b)), Value::Array(o)) if key == "overrides" => b.extend(o),
            (_, v) => {
                base.insert(key, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_parses_as_a_config() {
        for (name, text) in PRESETS {
            let t: Table = text.parse().unwrap_or_else(|e| panic!("{name}: {e}"));
            let r: Result<crate::config::ConfigFile, _> = Value::Table(t).try_into();
            assert!(r.is_ok(), "{name}: {r:?}");
        }
    }

    #[test]
    fn merge_extends_and_overrides() {
        let mut base: Table = "yaml_version = \"1.1\"\n[front_matter]\nrequired = [\"title\"]\nfields.date = { type = \"date\" }\n[[overrides]]\npaths = [\"a/**\"]\n"
            .parse()
            .unwrap();
        let over: Table = "[front_matter]\nrequired = [\"title\", \"date\"]\nfields.date = { format = \"%d/%m/%Y\" }\n[[overrides]]\npaths = [\"b/**\"]\n"
            .parse()
            .unwrap();
        merge(&mut base, over);
        assert_eq!(base["yaml_version"].as_str(), Some("1.1"));
        let fm = base["front_matter"].as_table().unwrap();
        assert_eq!(fm["required"].as_array().unwrap().len(), 2);
        let date = fm["fields"]["date"].as_table().unwrap();
        assert_eq!(date["type"].as_str(), Some("date"));
        assert_eq!(date["format"].as_str(), Some("%d/%m/%Y"));
        assert_eq!(base["overrides"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn unknown_preset_suggests() {
        let e = table("jekyl").unwrap_err();
        assert!(e.contains("did you mean `jekyll`"), "{e}");
    }
}
