use super::parsed_root;
use crate::config::UnknownFields;
use crate::rules::prelude::*;

rule_meta!(
    "FM010",
    "unknown-field",
    FrontMatter,
    Some(Severity::Warning),
    false,
    "A key the config does not declare; near-misses of known keys always."
);

pub struct UnknownField;

/// Keys common to most generators, used to catch typos (`tittle`) even when
/// the config declares no fields.
const COMMON: &[&str] = &[
    "title",
    "date",
    "layout",
    "tags",
    "categories",
    "description",
    "author",
    "authors",
    "draft",
    "slug",
    "permalink",
    "excerpt",
    "summary",
    "image",
    "weight",
    "aliases",
    "published",
    "keywords",
    "lastmod",
    "category",
];

/// Plural/singular pairs are different keys on purpose, not typos.
pub(crate) fn is_number_variant(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short)
        .is_some_and(|rest| rest == "s" || rest == "es")
        || (long.ends_with("ies")
            && short.ends_with('y')
            && long[..long.len() - 3] == short[..short.len() - 1])
}

/// The known key `key` was most likely meant as, if any.
pub(crate) fn did_you_mean<'a>(
    key: &str,
    known: impl Iterator<Item = &'a str>,
    strict: bool,
) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for cand in known {
        if cand == key || is_number_variant(cand, key) {
            continue;
        }
        if cand.eq_ignore_ascii_case(key) {
            if strict {
                continue;
            }
            return Some(cand);
        }
        if strict && (key.chars().next() != cand.chars().next() || key.len() < 4) {
            continue;
        }
        let (key_len, cand_len) = (key.chars().count(), cand.chars().count());
        let limit = if key_len.min(cand_len) <= 4 { 1 } else { 2 };
        // Each edit changes the length by one at most: skip the costly
        // distance (it runs for every key of every file) when the lengths
        // alone rule the candidate out.
        if key_len.abs_diff(cand_len) > limit {
            continue;
        }
        let d = strsim::damerau_levenshtein(key, cand);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, cand));
        }
    }
    best.map(|(_, c)| c)
}

impl Rule for UnknownField {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some((_, root)) = parsed_root(doc) else {
            return;
        };
        let cfg = ctx.config;
        let strict_schema = cfg.unknown_fields != UnknownFields::Allow && cfg.has_schema();
        let known = || {
            cfg.fields
                .keys()
                .map(String::as_str)
                .chain(cfg.required.iter().map(String::as_str))
        };
        for entry in root.entries() {
            let key = entry.key.as_str();
            // `$schema` names the file's JSON Schema (FM013), not data.
            if cfg.knows_field(key) || key == "$schema" {
                continue;
            }
            let suggestion = did_you_mean(key, known(), false).or_else(|| {
                did_you_mean(
                    key,
                    COMMON.iter().copied().filter(|c| root.get(c).is_none()),
                    true,
                )
            });
            if !strict_schema && suggestion.is_none() {
                continue;
            }
            let mut d = Diagnostic::new(&META, entry.key_span, format!("unknown field `{key}`"));
            if strict_schema && cfg.unknown_fields == UnknownFields::Error {
                d = d.with_severity(Severity::Error);
            }
            d = match suggestion {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => d.with_help("declare it under [front_matter.fields] or remove it"),
            };
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean("tittle", COMMON.iter().copied(), true),
            Some("title")
        );
        assert_eq!(
            did_you_mean("categorie", COMMON.iter().copied(), true),
            Some("category")
        );
        assert_eq!(did_you_mean("tag", COMMON.iter().copied(), true), None);
        assert_eq!(did_you_mean("height", COMMON.iter().copied(), true), None);
        assert_eq!(
            did_you_mean("Title", ["title"].into_iter(), false),
            Some("title")
        );
    }
}
