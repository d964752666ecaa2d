//! Front Matter CMS `frontmatter.json`: content types
//! (`frontMatter.taxonomy.contentTypes`, each a list of typed fields) and
//! the folders that use them (`frontMatter.content.pageFolders`). A folder
//! that names no content type uses `default`.

use serde_json::Value as Json;

use super::{Collection, Field, folder_glob};

fn str_of<'a>(v: &'a Json, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Json::as_str)
}

fn field(f: &Json) -> Option<Field> {
    let name = str_of(f, "name")?.to_string();
    let kind = str_of(f, "type").unwrap_or("string");
    let multiple = f.get("multiple").and_then(Json::as_bool).unwrap_or(false);
    let mut out = Field {
        name,
        required: f.get("required").and_then(Json::as_bool).unwrap_or(false),
        ..Field::default()
    };
    match kind {
        "string" | "image" | "file" | "slug" | "uniqueId" | "customField" => {
            out.types = if multiple {
                vec!["list"]
            } else {
                vec!["string"]
            };
        }
        "datetime" => out.types = vec!["date"],
        "boolean" | "draft" => out.types = vec!["boolean"],
        "number" => {
            out.types = if f.get("numberOptions").and_then(|o| o.get("isDecimal"))
                == Some(&Json::Bool(true))
            {
                vec!["number"]
            } else {
                vec!["integer"]
            };
            let opts = f.get("numberOptions");
            out.min = opts.and_then(|o| o.get("min")).and_then(Json::as_f64);
            out.max = opts.and_then(|o| o.get("max")).and_then(Json::as_f64);
        }
        "choice" => {
            out.allowed = f
                .get("choices")
                .and_then(Json::as_array)
                .map(|cs| {
                    cs.iter()
                        .filter_map(|c| match c {
                            Json::Object(_) => c.get("id").cloned(),
                            other => Some(other.clone()),
                        })
                        .collect()
                })
                .unwrap_or_default();
            out.types = if multiple {
                vec!["list"]
            } else {
                vec!["string"]
            };
        }
        "tags" | "categories" | "taxonomy" | "list" => out.types = vec!["list"],
        "fields" | "json" => out.types = vec!["map"],
        "block" => out.types = vec!["list"],
        "dataFile" | "contentRelationship" => {
            out.types = if multiple {
                vec!["list"]
            } else {
                vec!["string"]
            };
        }
        other => out.note = Some(format!("field type `{other}` has no frontlint type")),
    }
    if let Some(t) = str_of(f, "title")
        && out.note.is_none()
        && !t.eq_ignore_ascii_case(&out.name)
    {
        out.note = Some(t.to_string());
    }
    Some(out)
}

/// `[[workspace]]/content/blog` → `content/blog`.
fn folder(path: &str) -> String {
    path.trim_start_matches("[[workspace]]")
        .trim_start_matches('/')
        .to_string()
}

pub fn read(config: &Json) -> Result<Vec<Collection>, String> {
    let types = config
        .get("frontMatter.taxonomy.contentTypes")
        .and_then(Json::as_array)
        .cloned()
        .unwrap_or_default();
    let folders = config
        .get("frontMatter.content.pageFolders")
        .and_then(Json::as_array)
        .cloned()
        .unwrap_or_default();
    if types.is_empty() {
        return Err("no `frontMatter.taxonomy.contentTypes`: nothing to import".into());
    }
    let mut out = Vec::new();
    for t in &types {
        let name = str_of(t, "name").unwrap_or("default").to_string();
        let mut paths = Vec::new();
        for f in &folders {
            let Some(p) = str_of(f, "path") else { continue };
            let listed = f.get("contentTypes").and_then(Json::as_array);
            let uses = match listed {
                Some(l) => l.iter().any(|n| n.as_str() == Some(&name)),
                None => name == "default",
            };
            if uses {
                paths.push(folder_glob(&folder(p)));
            }
        }
        let fields: Vec<Field> = t
            .get("fields")
            .and_then(Json::as_array)
            .map(|fs| fs.iter().filter_map(field).collect())
            .unwrap_or_default();
        let mut notes = Vec::new();
        if paths.is_empty() {
            notes.push("no page folder uses this content type: it applies to every file".into());
        }
        out.push(Collection {
            name,
            paths,
            fields,
            filename_date: false,
            closed: false,
            notes,
        });
    }
    Ok(out)
}
