//! `frontlint config --show FILE`: the settings that apply to one file, once
//! its config's matching `[[overrides]]` are merged in, written as TOML that
//! is itself a valid `frontlint.toml` (so it can be saved and edited).
//!
//! It answers "why is this rule (not) firing on this post?" without reading
//! the merge rules: every rule is listed with its effective severity.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use super::{FieldSpec, LoadedConfig, UnknownFields};
use crate::rules;

#[derive(Serialize)]
struct Effective<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    include: Option<&'a Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exclude: Option<&'a Vec<String>>,
    yaml_version: &'static str,
    filename_date: bool,
    front_matter: FrontMatter<'a>,
    #[serde(skip_serializing_if = "toml::Table::is_empty")]
    spelling: &'a toml::Table,
    #[serde(skip_serializing_if = "toml::Table::is_empty")]
    links: &'a toml::Table,
    #[serde(skip_serializing_if = "toml::Table::is_empty")]
    grammar: &'a toml::Table,
}

#[derive(Serialize)]
struct FrontMatter<'a> {
    required: &'a [String],
    require: bool,
    unknown_fields: UnknownFields,
    fields: BTreeMap<&'a str, &'a FieldSpec>,
}

/// Indices (0-based) of the `[[overrides]]` whose globs match `file`.
fn matching_overrides(loaded: &LoadedConfig, file: &Path) -> Vec<usize> {
    let rel = loaded.relative(file);
    loaded
        .overrides
        .iter()
        .enumerate()
        .filter(|(_, o)| o.globs.iter().any(|g| g.matches(&rel)))
        .map(|(i, _)| i)
        .collect()
}

/// The effective settings of `file` under `loaded`, as commented TOML.
pub fn render(loaded: &LoadedConfig, file: &Path) -> String {
    let cfg = loaded.for_file(file);
    let mut out = String::new();
    let _ = writeln!(out, "# Effective settings for {}", file.display());
    match &loaded.path {
        Some(p) => {
            let _ = writeln!(out, "# from {}", p.display());
        }
        None => out.push_str("# from the built-in defaults (no config file)\n"),
    }
    let matching = matching_overrides(loaded, file);
    if matching.is_empty() {
        out.push_str("# no [[overrides]] apply\n");
    }
    for i in matching {
        let paths = &loaded.overrides[i].cfg.paths;
        let _ = writeln!(
            out,
            "# [[overrides]] #{} applies: paths = {}",
            i + 1,
            toml::Value::Array(paths.iter().map(|p| p.clone().into()).collect())
        );
    }
    out.push('\n');
    let effective = Effective {
        include: loaded.file.include.as_ref(),
        exclude: loaded.file.exclude.as_ref(),
        yaml_version: if cfg.yaml_11 { "1.1" } else { "1.2" },
        filename_date: cfg.filename_date,
        front_matter: FrontMatter {
            required: &cfg.required,
            require: cfg.require_front_matter,
            unknown_fields: cfg.unknown_fields,
            fields: cfg
                .fields
                .iter()
                .map(|(k, f)| (k.as_str(), &f.spec))
                .collect(),
        },
        spelling: &cfg.spelling,
        links: &cfg.links,
        grammar: &cfg.grammar,
    };
    match toml::to_string(&effective) {
        Ok(s) => out.push_str(&s),
        Err(e) => {
            let _ = writeln!(out, "# (cannot write these settings as TOML: {e})");
        }
    }
    // Written by hand to name each rule beside its code.
    out.push_str("\n[rules]\n");
    for m in rules::all() {
        let sev = cfg.severity(m).map_or("off", |s| s.as_str());
        let _ = writeln!(out, "{} = \"{sev}\"  # {}", m.code, m.name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::file::ConfigFile;

    #[test]
    fn shows_merged_overrides_and_every_rule_and_reads_back() {
        let c = LoadedConfig::from_str(
            "[front_matter]\nrequired = [\"title\"]\nfields.title = { type = \"string\", max_length = 80 }\n[rules]\nLK009 = \"off\"\n[[overrides]]\npaths = [\"_posts/**\"]\nfront_matter.required = [\"title\", \"date\"]\nfilename_date = true\n[overrides.rules]\nMK001 = \"error\"\n",
            Path::new("frontlint.toml"),
            Path::new("/site"),
        )
        .unwrap();
        let post = render(&c, Path::new("/site/_posts/2020-01-01-a.md"));
        assert!(
            post.contains("# [[overrides]] #1 applies: paths = [\"_posts/**\"]"),
            "{post}"
        );
        assert!(post.contains("required = [\"title\", \"date\"]"), "{post}");
        assert!(post.contains("filename_date = true"), "{post}");
        assert!(
            post.contains("MK001 = \"error\"  # emphasis-as-heading"),
            "{post}"
        );
        assert!(post.contains("LK009 = \"off\"  # insecure-link"), "{post}");
        assert!(
            post.contains("LK004 = \"warning\"  # link-text-whitespace"),
            "{post}"
        );
        // The output is a config frontlint reads.
        let back: ConfigFile = toml::from_str(&post).unwrap();
        assert_eq!(
            back.front_matter.required,
            Some(vec!["title".to_string(), "date".to_string()])
        );
        let page = render(&c, Path::new("/site/about.md"));
        assert!(page.contains("# no [[overrides]] apply"), "{page}");
        assert!(page.contains("required = [\"title\"]"), "{page}");
        assert!(page.contains("MK001 = \"warning\""), "{page}");
    }
}
