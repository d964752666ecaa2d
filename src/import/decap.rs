//! Decap CMS (formerly Netlify CMS) `config.yml`: `collections`, each with a
//! `folder` (or `files`) and `fields` whose `widget` says the type. Decap
//! fields are required unless `required: false`, and the CMS writes no keys
//! beyond its fields, so imported collections are closed.

use std::collections::HashMap;

use serde_json::Value as Json;

use super::{Collection, Field, folder_glob};

/// Moment.js date tokens (what Decap's `format` uses) → strftime.
fn moment_to_strftime(f: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = f;
    let tokens = [
        ("YYYY", "%Y"),
        ("MM", "%m"),
        ("DD", "%d"),
        ("HH", "%H"),
        ("mm", "%M"),
        ("ss", "%S"),
        ("M", "%-m"),
        ("D", "%-d"),
    ];
    'outer: while !rest.is_empty() {
        for (t, s) in tokens {
            if let Some(r) = rest.strip_prefix(t) {
                out.push_str(s);
                rest = r;
                continue 'outer;
            }
        }
        let c = rest.chars().next()?;
        if c.is_ascii_alphabetic() {
            // A token we do not translate (time zones, week days...).
            return None;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    Some(out)
}

fn str_of<'a>(v: &'a Json, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Json::as_str)
}

fn num_of(v: &Json, key: &str) -> Option<f64> {
    v.get(key).and_then(Json::as_f64)
}

/// Where each folder collection's files live, for relations.
struct Targets<'a> {
    folders: HashMap<&'a str, (&'a str, &'a str)>,
}

fn field(f: &Json, targets: &Targets<'_>) -> Option<Field> {
    let name = str_of(f, "name")?.to_string();
    let widget = str_of(f, "widget").unwrap_or("string");
    // The Markdown body is the file's content, not a front-matter key.
    if name == "body" && widget == "markdown" {
        return None;
    }
    let multiple = f.get("multiple").and_then(Json::as_bool).unwrap_or(false);
    let mut out = Field {
        name,
        required: f.get("required").and_then(Json::as_bool).unwrap_or(true) && widget != "hidden",
        ..Field::default()
    };
    let label = str_of(f, "label");
    match widget {
        "string" | "text" | "markdown" | "image" | "file" | "color" | "map" | "uuid" | "code" => {
            out.types = vec!["string"];
            if out.required {
                out.non_empty = true;
            }
        }
        "datetime" | "date" => {
            out.types = vec!["date"];
            let format = str_of(f, "format").or_else(|| str_of(f, "date_format"));
            if let Some(fmt) = format
                && !fmt.starts_with("YYYY-MM-DD")
            {
                match moment_to_strftime(fmt) {
                    Some(s) => out.format = Some(s),
                    None => out.note = Some(format!("date format `{fmt}` is not translated")),
                }
            }
        }
        "boolean" => out.types = vec!["boolean"],
        "number" => {
            out.types = match str_of(f, "value_type") {
                Some("int") => vec!["integer"],
                _ => vec!["number"],
            };
            out.min = num_of(f, "min");
            out.max = num_of(f, "max");
        }
        "select" => {
            out.allowed = f
                .get("options")
                .and_then(Json::as_array)
                .map(|opts| {
                    opts.iter()
                        .filter_map(|o| match o {
                            Json::Object(_) => o.get("value").cloned(),
                            other => Some(other.clone()),
                        })
                        .collect()
                })
                .unwrap_or_default();
            if multiple {
                out.types = vec!["list"];
                out.min_length = num_of(f, "min").map(|n| n as u64);
                out.max_length = num_of(f, "max").map(|n| n as u64);
            } else {
                out.types = vec!["string"];
            }
        }
        "list" => {
            out.types = vec!["list"];
            out.min_length = num_of(f, "min").map(|n| n as u64);
            out.max_length = num_of(f, "max").map(|n| n as u64);
        }
        "object" => out.types = vec!["map"],
        "relation" => {
            out.types = if multiple {
                vec!["list"]
            } else {
                vec!["string"]
            };
            let target = str_of(f, "collection").unwrap_or_default();
            let value_field = str_of(f, "value_field").unwrap_or_default();
            match targets.folders.get(target) {
                Some((folder, ext)) if matches!(value_field, "{{slug}}" | "{{filename}}") => {
                    out.each_file = Some(format!("{}/{{}}.{ext}", folder.trim_end_matches('/')));
                }
                Some(_) => {
                    out.note = Some(format!(
                        "relation to `{target}` by `{value_field}`: only relations by file name (`{{{{slug}}}}`) are checked"
                    ))
                }
                None => {
                    out.note = Some(format!(
                        "relation to collection `{target}`, which has no folder here"
                    ))
                }
            }
        }
        "hidden" => {
            if let Some(d) = f.get("default") {
                out.types = match d {
                    Json::Bool(_) => vec!["boolean"],
                    Json::Number(_) => vec!["number"],
                    Json::Array(_) => vec!["list"],
                    Json::Object(_) => vec!["map"],
                    _ => vec!["string"],
                };
            }
        }
        other => out.note = Some(format!("widget `{other}` has no frontlint type")),
    }
    if let Some(Json::Array(p)) = f.get("pattern")
        && let Some(re) = p.first().and_then(Json::as_str)
    {
        out.pattern = Some(re.to_string());
    }
    if out.note.is_none()
        && let Some(l) = label
        && !l.eq_ignore_ascii_case(&out.name)
    {
        out.note = Some(l.to_string());
    }
    Some(out)
}

fn fields(c: &Json, targets: &Targets<'_>) -> Vec<Field> {
    c.get("fields")
        .and_then(Json::as_array)
        .map(|fs| fs.iter().filter_map(|f| field(f, targets)).collect())
        .unwrap_or_default()
}

/// Reads the `collections` of a Decap config.
pub fn read(config: &Json) -> Result<Vec<Collection>, String> {
    let Some(collections) = config.get("collections").and_then(Json::as_array) else {
        return Err("no `collections` list: is this a Decap CMS config.yml?".into());
    };
    let targets = Targets {
        folders: collections
            .iter()
            .filter_map(|c| {
                Some((
                    str_of(c, "name")?,
                    (str_of(c, "folder")?, str_of(c, "extension").unwrap_or("md")),
                ))
            })
            .collect(),
    };
    let mut out = Vec::new();
    for c in collections {
        let name = str_of(c, "name").unwrap_or("collection").to_string();
        let label = str_of(c, "label");
        if let Some(folder) = str_of(c, "folder") {
            let slug = str_of(c, "slug").unwrap_or_default();
            let mut notes = vec![format!(
                "folder `{folder}`{}",
                label.map(|l| format!(" ({l})")).unwrap_or_default()
            )];
            let filename_date = slug.starts_with("{{year}}-{{month}}-{{day}}");
            if filename_date {
                notes.push(format!(
                    "file names are `{slug}`: their date must agree with `date`"
                ));
            }
            out.push(Collection {
                name,
                paths: vec![folder_glob(folder)],
                fields: fields(c, &targets),
                filename_date,
                closed: true,
                notes,
            });
        } else if let Some(files) = c.get("files").and_then(Json::as_array) {
            for f in files {
                let Some(file) = str_of(f, "file") else {
                    continue;
                };
                out.push(Collection {
                    name: format!("{name}/{}", str_of(f, "name").unwrap_or(file)),
                    paths: vec![file.trim_start_matches("./").to_string()],
                    fields: fields(f, &targets),
                    filename_date: false,
                    closed: true,
                    notes: vec![format!("file `{file}`")],
                });
            }
        }
    }
    if out.is_empty() {
        return Err("the config declares no folder or file collection".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moment_formats() {
        assert_eq!(
            moment_to_strftime("DD/MM/YYYY").as_deref(),
            Some("%d/%m/%Y")
        );
        assert_eq!(
            moment_to_strftime("YYYY-MM-DD HH:mm").as_deref(),
            Some("%Y-%m-%d %H:%M")
        );
        assert_eq!(moment_to_strftime("dddd"), None);
    }
}
