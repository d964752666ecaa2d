//! The JSON Schema of `frontlint.toml`, generated from the serde types that
//! read it (`file.rs`) so the two cannot drift apart. It is published as
//! `rules/frontlint.schema.json`, where TOML editors (Taplo, Even Better
//! TOML) find it to complete and check a config as it is typed; a test
//! keeps the committed file equal to what this module generates.
//!
//! Draft 7, which every editor's validator reads.

use schemars::generate::SchemaSettings;
use schemars::{Schema, SchemaGenerator, json_schema};

use super::file::ConfigFile;
use crate::rules;

/// What a rule's severity may be set to in `[rules]` (as
/// `Severity::parse_setting` reads it).
pub const SEVERITY_SETTINGS: [&str; 7] =
    ["error", "warning", "warn", "info", "off", "allow", "ignore"];

/// The other names `FieldType` accepts (its `#[serde(alias)]`es).
const FIELD_TYPE_ALIASES: [&str; 6] = ["array", "table", "object", "int", "float", "bool"];

/// `[rules]`: every rule by code and by name, each with the severities it
/// accepts, so an editor completes both and flags a mistyped rule as
/// frontlint itself would.
pub fn rules_schema(_: &mut SchemaGenerator) -> Schema {
    let mut properties = serde_json::Map::new();
    for m in rules::all() {
        let default = m.default_severity.map_or("off", |s| s.as_str());
        for key in [m.code, m.name] {
            properties.insert(
                key.to_string(),
                serde_json::json!({
                    "description": format!("{} {}: {} (default: {default})", m.code, m.name, m.summary),
                    "enum": SEVERITY_SETTINGS,
                }),
            );
        }
    }
    json_schema!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}

/// The schema, as pretty-printed JSON with a final line break (the form of
/// the committed file).
pub fn config_schema_json() -> String {
    let mut schema = SchemaSettings::draft07()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<ConfigFile>()
        .to_value();
    // TOML has no null: an absent key is how a setting is left unset, so an
    // editor must not offer `null` for an optional one.
    drop_null(&mut schema);
    // schemars knows nothing of serde aliases; without them an editor would
    // flag `type = "array"`, which frontlint reads.
    if let Some(serde_json::Value::Array(names)) = schema.pointer_mut("/definitions/FieldType/enum")
    {
        names.extend(FIELD_TYPE_ALIASES.iter().map(|&a| a.into()));
    }
    // A string in Rust, but only the two versions site generators read
    // (checked at load time).
    if let Some(v) = schema.pointer_mut("/properties/yaml_version") {
        v["enum"] = serde_json::json!(["1.1", "1.2"]);
    }
    schema["title"] = "frontlint.toml".into();
    schema["description"] = format!(
        "Configuration of frontlint, the linter for Markdown posts with front matter: {}",
        crate::REPOSITORY
    )
    .into();
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

/// Removes `null` from `type` lists and `anyOf` alternatives, everywhere.
fn drop_null(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(alts)) = map.get_mut("anyOf") {
                alts.retain(|a| a.get("type").is_none_or(|t| t != "null"));
                if alts.len() == 1 {
                    let only = alts.remove(0);
                    map.remove("anyOf");
                    if let Value::Object(inner) = only {
                        for (k, val) in inner {
                            map.entry(k).or_insert(val);
                        }
                    }
                }
            }
            for val in map.values_mut() {
                drop_null(val);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    #[test]
    fn severity_settings_are_the_ones_config_reads() {
        for s in SEVERITY_SETTINGS {
            assert!(Severity::parse_setting(s).is_ok(), "{s}");
        }
        assert!(Severity::parse_setting("fatal").is_err());
    }

    #[test]
    fn field_type_aliases_are_read_by_config() {
        use crate::config::FieldType;
        for a in FIELD_TYPE_ALIASES {
            let t: Result<FieldType, _> = serde_json::from_value(a.into());
            assert!(t.is_ok(), "{a} is not an alias of FieldType");
        }
    }

    #[test]
    fn schema_is_json_with_rules_and_fields() {
        let v: serde_json::Value = serde_json::from_str(&config_schema_json()).unwrap();
        assert_eq!(v["$schema"], "http://json-schema.org/draft-07/schema#");
        assert!(v["properties"]["rules"]["properties"]["LK004"].is_object());
        assert!(v["properties"]["rules"]["properties"]["link-text-whitespace"].is_object());
    }
}
