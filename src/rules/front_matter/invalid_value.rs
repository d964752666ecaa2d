use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use super::parsed_root;
use crate::config::Field;
use crate::frontmatter::{Node, Value};
use crate::rules::prelude::*;

rule_meta!(
    "FM011",
    "invalid-value",
    FrontMatter,
    Some(Severity::Error),
    false,
    "A value outside the allowed set, pattern, length or range."
);

pub struct InvalidValue;

fn same(a: &toml::Value, b: &Value) -> bool {
    match (a, b) {
        (toml::Value::String(x), Value::String(y) | Value::Timestamp(y)) => x == y,
        (toml::Value::Integer(x), Value::Int(y)) => x == y,
        (toml::Value::Float(x), Value::Float(y)) => x == y,
        (toml::Value::Integer(x), Value::Float(y)) => (*x as f64) == *y,
        (toml::Value::Boolean(x), Value::Bool(y)) => x == y,
        _ => false,
    }
}

fn show(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Rule for InvalidValue {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some((_, root)) = parsed_root(doc) else {
            return;
        };
        for entry in root.entries() {
            let Some(field) = ctx.config.fields.get(&entry.key) else {
                continue;
            };
            let v = &entry.value;
            // Length of a list counts items; each item is checked as a value.
            if let Value::List(items) = &v.value {
                check_len(&entry.key, items.len(), "items", field, v, out);
                for item in items {
                    check_scalar(&ctx.config.root, &entry.key, item, field, false, out);
                }
            } else {
                check_scalar(&ctx.config.root, &entry.key, v, field, true, out);
            }
        }
    }
}

fn check_len(
    key: &str,
    len: usize,
    unit: &str,
    field: &Field,
    node: &Node,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(min) = field.spec.min_length
        && len < min
        && len > 0
    {
        out.push(Diagnostic::new(
            &META,
            node.span,
            format!("`{key}` has {len} {unit}, fewer than the minimum {min}"),
        ));
    }
    if let Some(max) = field.spec.max_length
        && len > max
    {
        out.push(Diagnostic::new(
            &META,
            node.span,
            format!("`{key}` has {len} {unit}, more than the maximum {max}"),
        ));
    }
}

/// `whole`: the field's own value (lengths apply), not an item of a list.
fn check_scalar(
    root: &Path,
    key: &str,
    node: &Node,
    field: &Field,
    whole: bool,
    out: &mut Vec<Diagnostic>,
) {
    let v = &node.value;
    if matches!(
        v,
        Value::Null | Value::List(_) | Value::Map(_) | Value::Alias
    ) {
        return;
    }
    if let Some(allowed) = &field.spec.allowed
        && !allowed.iter().any(|a| same(a, v))
    {
        let names: Vec<String> = allowed.iter().map(show).collect();
        let found = match v {
            Value::String(s) | Value::Timestamp(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => String::new(),
        };
        let mut d = Diagnostic::new(
            &META,
            node.span,
            format!(
                "`{key}` must be one of: {} (found `{found}`)",
                names.join(", ")
            ),
        );
        if let Some(s) =
            super::unknown_field::did_you_mean(&found, names.iter().map(String::as_str), false)
        {
            d = d.with_help(format!("did you mean `{s}`?"));
        }
        out.push(d);
    }
    if let (Value::String(s), Some(template)) = (v, &field.spec.each_file)
        && !s.trim().is_empty()
        && let Some(missing) = missing_file(root, template, s)
    {
        let mut d = Diagnostic::new(
            &META,
            node.span,
            format!("`{key}` names `{s}`, but `{missing}` does not exist"),
        );
        if let Some(near) = nearest_file(root, template, s) {
            d = d.with_help(format!("did you mean `{near}`?"));
        }
        out.push(d);
    }
    if let Value::String(s) = v {
        if let Some(re) = &field.pattern
            && !re.is_match(s)
        {
            out.push(Diagnostic::new(
                &META,
                node.span,
                format!("`{key}` does not match the pattern `{}`", re.as_str()),
            ));
        }
        if whole {
            check_len(key, s.chars().count(), "characters", field, node, out);
        }
    }
    let num = match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    };
    if let Some(n) = num {
        if let Some(min) = field.spec.min
            && n < min
        {
            out.push(Diagnostic::new(
                &META,
                node.span,
                format!("`{key}` is {n}, below the minimum {min}"),
            ));
        }
        if let Some(max) = field.spec.max
            && n > max
        {
            out.push(Diagnostic::new(
                &META,
                node.span,
                format!("`{key}` is {n}, above the maximum {max}"),
            ));
        }
    }
}

/// File names of a folder, read once per run: relations name the same few
/// folders from thousands of posts.
fn folder_names(dir: &Path) -> Arc<HashSet<String>> {
    type Dirs = Mutex<HashMap<PathBuf, Arc<HashSet<String>>>>;
    static DIRS: OnceLock<Dirs> = OnceLock::new();
    let dirs = DIRS.get_or_init(|| Mutex::new(HashMap::new()));
    let mut dirs = dirs.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(names) = dirs.get(dir) {
        return Arc::clone(names);
    }
    let names: HashSet<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    let names = Arc::new(names);
    dirs.insert(dir.to_path_buf(), Arc::clone(&names));
    names
}

/// For `each_file = "content/_authors/{}.md"`: the path (as written in
/// messages) when the file `value` names does not exist.
fn missing_file(root: &Path, template: &str, value: &str) -> Option<String> {
    let rel = template.replace("{}", value);
    let path = root.join(&rel);
    let exists = match (path.parent(), path.file_name().and_then(|n| n.to_str())) {
        // The value names a file in a fixed folder: look it up in the
        // folder's listing.
        (Some(dir), Some(name)) if !value.contains(['/', '\\']) && !dir_has_value(template) => {
            folder_names(dir).contains(name)
        }
        _ => path.exists(),
    };
    (!exists).then_some(rel)
}

fn dir_has_value(template: &str) -> bool {
    match template.rfind('/') {
        Some(i) => template[..i].contains("{}"),
        None => false,
    }
}

/// The value whose file exists and is closest to `value` (`jane.do` →
/// `jane.doe`).
fn nearest_file(root: &Path, template: &str, value: &str) -> Option<String> {
    if dir_has_value(template) {
        return None;
    }
    let rel = template.replace("{}", value);
    let dir = root.join(&rel).parent()?.to_path_buf();
    let name_tpl = template.rsplit('/').next()?;
    let (prefix, suffix) = name_tpl.split_once("{}")?;
    let names = folder_names(&dir);
    let values: Vec<&str> = names
        .iter()
        .filter_map(|n| n.strip_prefix(prefix)?.strip_suffix(suffix))
        .collect();
    super::unknown_field::did_you_mean(value, values.into_iter(), false).map(str::to_string)
}
