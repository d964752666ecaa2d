//! The `frontlint.toml` format, as written by users (serde types).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// A site generator's conventions (`rules/presets/<name>.toml`) that this
    /// file extends and overrides.
    pub preset: Option<String>,
    /// Schemas a site already declares (a Decap CMS `config.yml`, a Front
    /// Matter CMS `frontmatter.json`, a JSON Schema), read as if their
    /// frontlint equivalent were written here, under this file's own keys.
    pub import: Option<OneOrMany<String>>,
    /// The site's time zone (`Europe/Paris`): the day a datetime with an
    /// offset falls on, for comparing it with a file name's date.
    pub timezone: Option<String>,
    /// Globs (relative to the config's folder) of files to lint when walking
    /// directories.
    pub include: Option<Vec<String>>,
    /// Globs of files never to lint.
    pub exclude: Option<Vec<String>>,
    /// What the front matter of every file must hold.
    #[serde(default)]
    pub front_matter: FrontMatterConfig,
    /// Settings for the files matching some globs; later overrides win.
    #[serde(default)]
    pub overrides: Vec<OverrideConfig>,
    /// Severity of rules, by code (`LK009`) or name (`insecure-link`):
    /// "error", "warning", "info" or "off".
    #[serde(default)]
    #[schemars(schema_with = "super::schema::rules_schema")]
    pub rules: BTreeMap<String, String>,
    /// Compare the `YYYY-MM-DD-` prefix of file names with `date`.
    pub filename_date: Option<bool>,
    /// Which YAML the site generator reads: "1.1" (Jekyll, Hugo) or "1.2".
    pub yaml_version: Option<String>,
    /// Files larger than this many megabytes are skipped with a note.
    pub max_file_size_mb: Option<u64>,
    /// Settings of later stages, kept as tables and read by their modules.
    #[schemars(
        with = "Option<serde_json::Map<String, serde_json::Value>>",
        description = "Spelling: languages, project words."
    )]
    pub spelling: Option<toml::Table>,
    /// Link checking: online checks, timeouts, exclusions.
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub links: Option<toml::Table>,
    /// Grammar checking.
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub grammar: Option<toml::Table>,
    /// Where the site's files are and how its generator serves them, for
    /// the offline link rules (LK007, LK008).
    pub site: Option<crate::site::SiteConfig>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrontMatterConfig {
    /// Fields every file must have.
    pub required: Option<Vec<String>>,
    /// Files must have front matter (implied by a non-empty `required`).
    pub require: Option<bool>,
    /// What to do with keys not declared in `fields` or `required`.
    pub unknown_fields: Option<UnknownFields>,
    /// Declared fields, by name: type, allowed values, lengths, ranges.
    #[serde(default)]
    pub fields: BTreeMap<String, FieldSpec>,
    /// A JSON Schema file (relative to the config's folder) the front matter
    /// must also satisfy.
    pub schema: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum UnknownFields {
    Allow,
    Warn,
    Error,
}

/// One value or a list of them (`type = "string"`, `type = ["string", "list"]`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

/// Read by hand rather than `#[serde(untagged)]`, which hides why a value
/// failed ("data did not match any variant of untagged enum OneOrMany"):
/// here the error of the value itself (`unknown type "strng"`) comes
/// through, at its place in the file.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for V<T> {
            type Value = OneOrMany<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                T::deserialize(serde::de::value::StrDeserializer::<E>::new(v)).map(OneOrMany::One)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(OneOrMany::Many(items))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

impl<T: Clone> OneOrMany<T> {
    pub fn to_vec(&self) -> Vec<T> {
        match self {
            OneOrMany::One(t) => vec![t.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    String,
    Date,
    Datetime,
    #[serde(alias = "array")]
    List,
    #[serde(alias = "table", alias = "object")]
    Map,
    #[serde(alias = "int")]
    Integer,
    #[serde(alias = "float")]
    Number,
    #[serde(alias = "bool")]
    Boolean,
    Any,
}

impl FieldType {
    /// Every type, under the name config uses.
    pub const ALL: [FieldType; 9] = [
        FieldType::String,
        FieldType::Date,
        FieldType::Datetime,
        FieldType::List,
        FieldType::Map,
        FieldType::Integer,
        FieldType::Number,
        FieldType::Boolean,
        FieldType::Any,
    ];

    /// A type by name, aliases included (`array`, `table`, `int`...).
    pub fn from_name(name: &str) -> Option<FieldType> {
        let alias = match name {
            "array" => FieldType::List,
            "table" | "object" => FieldType::Map,
            "int" => FieldType::Integer,
            "float" => FieldType::Number,
            "bool" => FieldType::Boolean,
            _ => return FieldType::ALL.into_iter().find(|t| t.name() == name),
        };
        Some(alias)
    }

    pub fn name(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Date => "date",
            FieldType::Datetime => "datetime",
            FieldType::List => "list",
            FieldType::Map => "map",
            FieldType::Integer => "integer",
            FieldType::Number => "number",
            FieldType::Boolean => "boolean",
            FieldType::Any => "any",
        }
    }
}

/// A clear message for a mistyped type, listing the valid ones.
impl<'de> Deserialize<'de> for FieldType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        FieldType::from_name(&name).ok_or_else(|| {
            let names: Vec<&str> = FieldType::ALL.iter().map(|t| t.name()).collect();
            let hint = names
                .iter()
                .find(|n| strsim::damerau_levenshtein(n, &name) <= 2)
                .map(|n| format!("; did you mean \"{n}\"?"))
                .unwrap_or_default();
            serde::de::Error::custom(format!(
                "unknown type \"{name}\": use one of {}{hint}",
                names.join(", ")
            ))
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// The accepted type, or a list of accepted types.
    #[serde(rename = "type")]
    pub ty: Option<OneOrMany<FieldType>>,
    /// The only values allowed.
    #[serde(rename = "enum")]
    #[schemars(with = "Option<Vec<serde_json::Value>>")]
    pub allowed: Option<Vec<toml::Value>>,
    /// A regular expression a string value must match.
    pub pattern: Option<String>,
    /// Least number of characters of a string, or items of a list.
    pub min_length: Option<usize>,
    /// Most characters of a string, or items of a list.
    pub max_length: Option<usize>,
    /// Least value of a number.
    pub min: Option<f64>,
    /// Greatest value of a number.
    pub max: Option<f64>,
    /// The value must not be empty (`''`, `[]`, `{}`).
    pub non_empty: Option<bool>,
    /// strftime-style format for dates written another way (`%m/%d/%Y`).
    pub format: Option<String>,
    /// Each value (or list item) must name an existing file: a path relative
    /// to the config's folder where `{}` stands for the value
    /// (`content/_authors/{}.md`).
    pub each_file: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OverrideConfig {
    /// Globs, relative to the config's folder, of the files this applies to.
    pub paths: Vec<String>,
    /// Front-matter settings for these files, on top of the base ones.
    #[serde(default)]
    pub front_matter: FrontMatterConfig,
    /// Rule severities for these files.
    #[serde(default)]
    #[schemars(schema_with = "super::schema::rules_schema")]
    pub rules: BTreeMap<String, String>,
    /// Compare the `YYYY-MM-DD-` prefix of file names with `date`.
    pub filename_date: Option<bool>,
    /// `[spelling]` keys for these paths (merged over the base table).
    #[schemars(with = "Option<serde_json::Map<String, serde_json::Value>>")]
    pub spelling: Option<toml::Table>,
}
