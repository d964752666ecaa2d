//! JSON Schemas, such as the ones Astro generates from a content
//! collection's Zod schema (`.astro/collections/<name>.schema.json`, whose
//! root is a `$ref` into `definitions`). Top-level properties become
//! fields; what fields cannot say stays checked by referencing the schema
//! itself (`front_matter.schema`), which the output does too.

use std::path::Path;

use serde_json::Value as Json;

use super::{Collection, Field};

/// Follows a local `#/...` `$ref`.
fn resolve<'a>(root: &'a Json, mut s: &'a Json) -> &'a Json {
    for _ in 0..16 {
        match s.get("$ref").and_then(Json::as_str) {
            Some(r) if r.starts_with('#') => match root.pointer(&r[1..]) {
                Some(t) => s = t,
                None => break,
            },
            _ => break,
        }
    }
    s
}

fn type_of(root: &Json, s: &Json, f: &mut Field) {
    let s = resolve(root, s);
    // Astro writes dates as `anyOf` of date-time / date / unix-time.
    if let Some(branches) = s
        .get("anyOf")
        .or_else(|| s.get("oneOf"))
        .and_then(Json::as_array)
    {
        let mut types = Vec::new();
        for b in branches {
            let mut sub = Field::default();
            type_of(root, b, &mut sub);
            for t in sub.types {
                if !types.contains(&t) {
                    types.push(t);
                }
            }
        }
        if types.contains(&"date") {
            types.retain(|t| *t != "string" && *t != "integer");
        }
        f.types = types;
        return;
    }
    if let Some(e) = s.get("enum").and_then(Json::as_array) {
        f.allowed = e.clone();
    }
    let ty = match s.get("type") {
        Some(Json::String(t)) => vec![t.as_str()],
        Some(Json::Array(a)) => a.iter().filter_map(Json::as_str).collect(),
        _ => Vec::new(),
    };
    for t in ty {
        let word = match t {
            "string" => match s.get("format").and_then(Json::as_str) {
                Some("date" | "date-time") => "date",
                _ => "string",
            },
            "integer" if s.get("format").and_then(Json::as_str) == Some("unix-time") => "date",
            "integer" => "integer",
            "number" => "number",
            "boolean" => "boolean",
            "array" => "list",
            "object" => "map",
            _ => continue,
        };
        if !f.types.contains(&word) {
            f.types.push(word);
        }
    }
    if let Some(p) = s.get("pattern").and_then(Json::as_str) {
        f.pattern = Some(p.to_string());
    }
    let u = |k: &str| s.get(k).and_then(Json::as_u64);
    f.min_length = u("minLength").or(u("minItems"));
    f.max_length = u("maxLength").or(u("maxItems"));
    f.min = s.get("minimum").and_then(Json::as_f64);
    f.max = s.get("maximum").and_then(Json::as_f64);
    if let Some(items) = s.get("items").map(|i| resolve(root, i))
        && let Some(e) = items.get("enum").and_then(Json::as_array)
    {
        f.allowed = e.clone();
    }
}

pub fn read(schema: &Json, path: &Path) -> Result<Vec<Collection>, String> {
    let object = resolve(schema, schema);
    let Some(props) = object.get("properties").and_then(Json::as_object) else {
        return Err(format!(
            "{}: neither a CMS config nor a JSON Schema with `properties`",
            path.display()
        ));
    };
    let required: Vec<&str> = object
        .get("required")
        .and_then(Json::as_array)
        .map(|r| r.iter().filter_map(Json::as_str).collect())
        .unwrap_or_default();
    let mut fields = Vec::new();
    for (name, s) in props {
        if name == "$schema" {
            continue;
        }
        let mut f = Field {
            name: name.clone(),
            required: required.contains(&name.as_str()),
            ..Field::default()
        };
        type_of(schema, s, &mut f);
        if let Some(d) = resolve(schema, s).get("description").and_then(Json::as_str) {
            f.note = Some(d.lines().next().unwrap_or(d).to_string());
        }
        fields.push(f);
    }
    let file = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let astro_name = file.strip_suffix(".schema.json").filter(|_| {
        path.parent()
            .is_some_and(|p| p.ends_with(".astro/collections"))
    });
    let closed = object.get("additionalProperties") == Some(&Json::Bool(false));
    let (name, paths, notes) = match astro_name {
        Some(n) => (
            n.to_string(),
            vec![format!("src/content/{n}/**")],
            vec![format!(
                "Astro content collection `{n}`; to check everything the schema says, add\n# front_matter.schema = {}",
                super::toml_str(&format!(".astro/collections/{file}"))
            )],
        ),
        None => (
            file.to_string(),
            Vec::new(),
            vec![format!(
                "to check everything the schema says, add front_matter.schema = {}",
                super::toml_str(&path.display().to_string())
            )],
        ),
    };
    Ok(vec![Collection {
        name,
        paths,
        fields,
        filename_date: false,
        closed,
        notes,
    }])
}
