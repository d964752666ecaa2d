//! JSON Schema validation of front matter (FM013).
//!
//! Owns: loading and compiling schemas (once per run, cached by path),
//! following `$ref` to local files only (never the network), turning a
//! front-matter [`Node`] tree into JSON, and turning each validation error
//! into a message in words placed at the span of the offending key or value.
//! It does not decide severities or which schema applies: config and the
//! rule do.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use jsonschema::{Retrieve, Uri, ValidationError, Validator};
use serde_json::{Map, Value as Json};

use crate::document::Span;
use crate::frontmatter::{Node, Value};

/// A compiled schema and the JSON it came from (kept to describe `anyOf`
/// branches and find `properties` for "did you mean").
pub struct Schema {
    pub path: PathBuf,
    validator: Validator,
    raw: Json,
    /// Files a `$ref` led to, read once when an error needs them.
    referenced: Mutex<HashMap<PathBuf, Option<Arc<Json>>>>,
}

impl fmt::Debug for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Schema").field("path", &self.path).finish()
    }
}

type Cache = Mutex<HashMap<PathBuf, Result<Arc<Schema>, String>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The compiled schema at `path`: compiled on first use, then shared by
/// every file and every config of the run.
pub fn load(path: &Path) -> Result<Arc<Schema>, String> {
    let key = crate::config::absolute(path);
    let mut cache = cache().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(r) = cache.get(&key) {
        return r.clone();
    }
    let r = compile(&key).map(Arc::new);
    cache.insert(key, r.clone());
    r
}

/// Reads a JSON file, with the line and column of a syntax error.
pub fn read_json(path: &Path) -> Result<Json, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}:{}:{}: not valid JSON: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })
}

fn compile(path: &Path) -> Result<Schema, String> {
    let raw = read_json(path)?;
    let validator = jsonschema::options()
        .with_base_uri(file_uri(path))
        .with_retriever(LocalFiles)
        // Drafts 2019-09 and later treat `format` as a mere annotation unless
        // asked: front matter dates are exactly what people want checked.
        .should_validate_formats(true)
        .build(&raw)
        .map_err(|e| format!("{}: invalid JSON Schema: {e}", path.display()))?;
    Ok(Schema {
        path: path.to_path_buf(),
        validator,
        raw,
        referenced: Mutex::new(HashMap::new()),
    })
}

/// `file:///a/b%20c.json` for an absolute path.
fn file_uri(path: &Path) -> String {
    let mut out = String::from("file://");
    let s = path.to_string_lossy().replace('\\', "/");
    if !s.starts_with('/') {
        out.push('/');
    }
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(s.get(i + 1..i + 3).unwrap_or(""), 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Resolves `$ref`s to `file:` URIs by reading the file; refuses any other
/// scheme, so validation never touches the network.
struct LocalFiles;

impl Retrieve for LocalFiles {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Json, Box<dyn std::error::Error + Send + Sync>> {
        let s = uri.as_str();
        let Some(rest) = s.strip_prefix("file://") else {
            return Err(format!(
                "`{s}` is not a local file: frontlint only follows $ref to local files"
            )
            .into());
        };
        let path_part = rest.split(['#', '?']).next().unwrap_or(rest);
        let path = PathBuf::from(percent_decode(path_part));
        Ok(read_json(&path)?)
    }
}

/// The JSON a YAML/TOML loader would hand a site generator: dates as
/// strings (as JSON has no date type), the first of duplicate keys (the one
/// authors look at; FM004 reports the others), aliases as null.
pub fn to_json(node: &Node) -> Json {
    match &node.value {
        Value::Null | Value::Alias => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::from(*i),
        Value::Float(f) => serde_json::Number::from_f64(*f)
            .map(Json::Number)
            .unwrap_or_else(|| Json::String(f.to_string())),
        Value::String(s) | Value::Timestamp(s) => Json::String(s.clone()),
        Value::List(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => {
            let mut m = Map::new();
            for e in entries {
                if !m.contains_key(&e.key) {
                    m.insert(e.key.clone(), to_json(&e.value));
                }
            }
            Json::Object(m)
        }
    }
}

/// One schema violation, placed and worded.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

/// Where an instance path leads in the tree.
struct Located<'a> {
    /// The value, when the path exists in the tree.
    node: Option<&'a Node>,
    /// The key naming it, when it is a map entry.
    key_span: Option<Span>,
    /// `missions[2].start`, or empty for the root.
    name: String,
}

fn locate<'a>(root: Option<&'a Node>, error: &ValidationError<'_>) -> Located<'a> {
    let mut node = root;
    let mut key_span = None;
    let mut name = String::new();
    for seg in error.instance_path().segments() {
        match seg {
            LocationSegment::Property(p) => {
                if !name.is_empty() {
                    name.push('.');
                }
                name.push_str(&p);
                let entry = node.and_then(|n| n.get(&p));
                key_span = entry.map(|e| e.key_span);
                node = entry.map(|e| &e.value);
            }
            LocationSegment::Index(i) => {
                name.push_str(&format!("[{i}]"));
                key_span = None;
                node = node.and_then(|n| match &n.value {
                    Value::List(items) => items.get(i),
                    _ => None,
                });
            }
        }
    }
    Located {
        node,
        key_span,
        name,
    }
}

impl Schema {
    /// Validates front matter (`None`: absent, validated as `{}`). `whole` is
    /// where to report what concerns the front matter as a whole.
    pub fn validate(&self, root: Option<&Node>, whole: Span) -> Vec<Violation> {
        let mut instance = root
            .map(to_json)
            .unwrap_or_else(|| Json::Object(Map::new()));
        // A `$schema` key selects the schema; it is not data.
        if let Json::Object(m) = &mut instance {
            m.remove("$schema");
        }
        let mut out = Vec::new();
        for error in self.validator.iter_errors(&instance) {
            self.explain(&error, root, whole, &mut out);
        }
        out.sort_by_key(|v| (v.span.start, v.span.end));
        out.dedup();
        out
    }

    fn keyword_holder(&self, error: &ValidationError<'_>) -> Option<Json> {
        let uri = error.absolute_keyword_location()?.as_str().to_string();
        let (file, fragment) = uri.split_once('#')?;
        let path = PathBuf::from(percent_decode(file.strip_prefix("file://")?));
        let pointer = percent_decode(&parent_pointer(fragment));
        if path == self.path {
            return self.raw.pointer(&pointer).cloned();
        }
        self.referenced(&path)?.pointer(&pointer).cloned()
    }

    fn referenced(&self, path: &Path) -> Option<Arc<Json>> {
        let mut docs = self.referenced.lock().unwrap_or_else(|e| e.into_inner());
        docs.entry(path.to_path_buf())
            .or_insert_with(|| read_json(path).ok().map(Arc::new))
            .clone()
    }

    /// The subschema at a schema path as the validator reports it, which
    /// may pass through `$ref`s (into this file or a local file beside it).
    fn schema_at(&self, pointer: &str) -> Option<Json> {
        let base = self
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let mut doc = self.raw.clone();
        let mut cur = doc.clone();
        for raw_seg in pointer.split('/').skip(1) {
            let seg = raw_seg.replace("~1", "/").replace("~0", "~");
            if seg == "$ref" {
                let r = cur.get("$ref")?.as_str()?.to_string();
                let (file, fragment) = r.split_once('#').unwrap_or((r.as_str(), ""));
                if !file.is_empty() {
                    doc = (*self.referenced(&base.join(file))?).clone();
                }
                cur = doc.pointer(fragment)?.clone();
                continue;
            }
            cur = match &cur {
                Json::Object(m) => m.get(&seg)?.clone(),
                Json::Array(a) => a.get(seg.parse::<usize>().ok()?)?.clone(),
                _ => return None,
            };
        }
        Some(cur)
    }

    fn explain(
        &self,
        error: &ValidationError<'_>,
        root: Option<&Node>,
        whole: Span,
        out: &mut Vec<Violation>,
    ) {
        let at = locate(root, error);
        let subject = if at.name.is_empty() {
            "the front matter".to_string()
        } else {
            format!("`{}`", at.name)
        };
        let value_span = match at.node {
            Some(n) if !n.span.is_empty() => n.span,
            _ => at.key_span.unwrap_or(whole),
        };
        let object_span = if at.name.is_empty() {
            whole
        } else {
            value_span
        };
        let keyword_parent = parent_pointer(error.evaluation_path().as_str());
        // The schema object holding the failing keyword, found through the
        // keyword's absolute location (which names the file a `$ref` led
        // to), or else by walking the evaluation path.
        let holder = self
            .keyword_holder(error)
            .or_else(|| self.schema_at(&keyword_parent));
        let push = |out: &mut Vec<Violation>, span: Span, message: String, help: Option<String>| {
            out.push(Violation {
                span,
                message,
                help,
            })
        };
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected }
            | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
                let known: Vec<String> = holder
                    .as_ref()
                    .and_then(|s| s.get("properties").and_then(Json::as_object).cloned())
                    .map(|p| p.keys().cloned().collect())
                    .unwrap_or_default();
                for key in unexpected {
                    let span = at
                        .node
                        .and_then(|n| n.get(key))
                        .map(|e| e.key_span)
                        .unwrap_or(object_span);
                    let place = if at.name.is_empty() {
                        String::new()
                    } else {
                        format!(" in {subject}")
                    };
                    let help = crate::rules::front_matter::unknown_field::did_you_mean(
                        key,
                        known.iter().map(String::as_str),
                        false,
                    )
                    .or_else(|| {
                        // `categorie` for `categories`, when the object does
                        // not have both.
                        known.iter().map(String::as_str).find(|k| {
                            crate::rules::front_matter::unknown_field::is_number_variant(k, key)
                                && at.node.is_none_or(|n| n.get(k).is_none())
                        })
                    })
                    .map(|s| format!("did you mean `{s}`?"))
                    .or_else(|| {
                        (!known.is_empty()).then(|| {
                            format!(
                                "the schema allows only: {}",
                                known
                                    .iter()
                                    .map(|k| format!("`{k}`"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        })
                    });
                    push(out, span, format!("unexpected field `{key}`{place}"), help);
                }
            }
            ValidationErrorKind::Required { property } => {
                let p = property
                    .as_str()
                    .map_or_else(|| property.to_string(), str::to_string);
                let message = if at.name.is_empty() {
                    format!("required field `{p}` is missing")
                } else {
                    format!("{subject} lacks the required field `{p}`")
                };
                push(out, object_span, message, None);
            }
            ValidationErrorKind::Enum { options } => {
                let names: Vec<String> = options
                    .as_array()
                    .map(|a| a.iter().map(show).collect())
                    .unwrap_or_default();
                let found = show(error.instance());
                let help = crate::rules::front_matter::unknown_field::did_you_mean(
                    &found,
                    names.iter().map(String::as_str),
                    false,
                )
                .map(|s| format!("did you mean `{s}`?"));
                push(
                    out,
                    value_span,
                    format!(
                        "{subject} must be one of: {} (found `{found}`)",
                        names.join(", ")
                    ),
                    help,
                );
            }
            ValidationErrorKind::Constant { expected_value } => push(
                out,
                value_span,
                format!("{subject} must be `{}`", show(expected_value)),
                None,
            ),
            ValidationErrorKind::Type { kind } => {
                let expected: Vec<&str> = match kind {
                    TypeKind::Single(t) => vec![type_word(&t.to_string())],
                    TypeKind::Multiple(set) => {
                        set.iter().map(|t| type_word(&t.to_string())).collect()
                    }
                };
                let found = at
                    .node
                    .map_or_else(|| json_type(error.instance()), |n| n.value.type_name());
                push(
                    out,
                    value_span,
                    format!(
                        "{subject} should be {}, not {} {found}",
                        expected
                            .iter()
                            .map(|t| with_article(t))
                            .collect::<Vec<_>>()
                            .join(" or "),
                        article(found)
                    ),
                    None,
                );
            }
            ValidationErrorKind::Format { format } => push(
                out,
                value_span,
                format!("{subject} is not {}", format_words(format)),
                format_example(format).map(|e| format!("write it like {e}")),
            ),
            ValidationErrorKind::MinLength { limit } => {
                let message = if *limit == 1 {
                    format!("{subject} is empty")
                } else {
                    format!("{subject} is shorter than {limit} characters")
                };
                push(out, value_span, message, None);
            }
            ValidationErrorKind::MaxLength { limit } => push(
                out,
                value_span,
                format!("{subject} is longer than {limit} characters"),
                None,
            ),
            ValidationErrorKind::MinItems { limit } => {
                let message = if *limit == 1 {
                    format!("{subject} is an empty list")
                } else {
                    format!("{subject} has fewer than {limit} items")
                };
                push(out, value_span, message, None);
            }
            ValidationErrorKind::MaxItems { limit } => push(
                out,
                value_span,
                format!("{subject} has more than {limit} items"),
                None,
            ),
            ValidationErrorKind::Minimum { limit } => push(
                out,
                value_span,
                format!(
                    "{subject} is {}, below the minimum {limit}",
                    error.instance()
                ),
                None,
            ),
            ValidationErrorKind::Maximum { limit } => push(
                out,
                value_span,
                format!(
                    "{subject} is {}, above the maximum {limit}",
                    error.instance()
                ),
                None,
            ),
            ValidationErrorKind::ExclusiveMinimum { limit } => push(
                out,
                value_span,
                format!(
                    "{subject} is {}, but must be above {limit}",
                    error.instance()
                ),
                None,
            ),
            ValidationErrorKind::ExclusiveMaximum { limit } => push(
                out,
                value_span,
                format!(
                    "{subject} is {}, but must be below {limit}",
                    error.instance()
                ),
                None,
            ),
            ValidationErrorKind::Pattern { pattern } => push(
                out,
                value_span,
                format!("{subject} does not match the pattern `{pattern}`"),
                None,
            ),
            ValidationErrorKind::UniqueItems => push(
                out,
                value_span,
                format!("{subject} has the same item more than once"),
                None,
            ),
            ValidationErrorKind::FalseSchema => push(
                out,
                at.key_span.unwrap_or(value_span),
                format!("{subject} is not allowed here"),
                None,
            ),
            ValidationErrorKind::AnyOf { context }
            | ValidationErrorKind::OneOfNotValid { context } => {
                let keyword = error.kind().keyword();
                let branches: Option<Vec<String>> = holder
                    .as_ref()
                    .and_then(|h| h.get(keyword))
                    .and_then(|s| s.as_array().map(|a| a.iter().map(describe).collect()));
                match branches {
                    Some(b) if b.iter().all(|d| !d.is_empty()) => push(
                        out,
                        value_span,
                        format!("{subject} must be {}", join_or(&b)),
                        None,
                    ),
                    _ => {
                        // Fall back on what each branch said.
                        let said: Vec<String> = context
                            .iter()
                            .filter_map(|errs| errs.first().map(|e| e.to_string()))
                            .collect();
                        push(
                            out,
                            value_span,
                            format!("{subject} matches none of the forms the schema allows"),
                            (!said.is_empty()).then(|| said.join("; ")),
                        );
                    }
                }
            }
            ValidationErrorKind::OneOfMultipleValid { .. } => push(
                out,
                value_span,
                format!(
                    "{subject} matches more than one of the forms of a `oneOf`, which allows exactly one"
                ),
                None,
            ),
            ValidationErrorKind::PropertyNames { error: inner } => push(
                out,
                object_span,
                format!("a key of {subject} is not allowed: {inner}"),
                None,
            ),
            ValidationErrorKind::Referencing(e) => push(
                out,
                whole,
                format!("the schema cannot be used: {e}"),
                Some(format!("check the `$ref`s of {}", self.path.display())),
            ),
            _ => push(out, value_span, format!("{subject}: {error}"), None),
        }
    }
}

/// `/properties/tags/anyOf` → `/properties/tags`.
fn parent_pointer(p: &str) -> String {
    match p.rfind('/') {
        Some(i) => p[..i].to_string(),
        None => String::new(),
    }
}

fn show(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Our words for JSON types, as used by the other FM rules.
fn type_word(t: &str) -> &'static str {
    match t {
        "string" => "string",
        "number" => "number",
        "integer" => "integer",
        "boolean" => "boolean",
        "array" => "list",
        "object" => "map",
        "null" => "null",
        _ => "value",
    }
}

fn json_type(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "list",
        Json::Object(_) => "map",
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn with_article(word: &str) -> String {
    if word == "null" {
        "null".into()
    } else {
        format!("{} {word}", article(word))
    }
}

fn format_words(format: &str) -> String {
    match format {
        "date" => "a valid date".into(),
        "date-time" => "a valid date and time with a time zone".into(),
        "time" => "a valid time".into(),
        "uri" => "an absolute URI".into(),
        "uri-reference" => "a valid URI reference".into(),
        "email" => "a valid email address".into(),
        other => format!("a valid `{other}`"),
    }
}

fn format_example(format: &str) -> Option<&'static str> {
    match format {
        "date" => Some("2020-03-31"),
        "date-time" => Some("2020-03-31T10:00:00+02:00"),
        "time" => Some("10:00:00+02:00"),
        "uri" => Some("https://example.org/page"),
        "email" => Some("name@example.org"),
        _ => None,
    }
}

fn join_or(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        [init @ .., last] => format!("{}, or {last}", init.join(", ")),
    }
}

/// A subschema in a few words ("a non-empty string", "a list of at least 2
/// items", "one of: a, b"); empty when it cannot be said briefly.
pub fn describe(schema: &Json) -> String {
    let Some(obj) = schema.as_object() else {
        return match schema {
            Json::Bool(true) => "anything".into(),
            _ => String::new(),
        };
    };
    if let Some(values) = obj.get("enum").and_then(Json::as_array) {
        return format!(
            "one of: {}",
            values.iter().map(show).collect::<Vec<_>>().join(", ")
        );
    }
    if let Some(c) = obj.get("const") {
        return format!("`{}`", show(c));
    }
    let types: Vec<&str> = match obj.get("type") {
        Some(Json::String(t)) => vec![type_word(t)],
        Some(Json::Array(a)) => a.iter().filter_map(Json::as_str).map(type_word).collect(),
        _ => Vec::new(),
    };
    let Some(&ty) = types.first() else {
        return match obj.get("format").and_then(Json::as_str) {
            Some(f) => format_words(f),
            None => String::new(),
        };
    };
    if types.len() > 1 {
        return types
            .iter()
            .map(|t| with_article(t))
            .collect::<Vec<_>>()
            .join(" or ");
    }
    let mut words = with_article(ty);
    match ty {
        "string" => {
            if let Some(f) = obj.get("format").and_then(Json::as_str) {
                return format_words(f);
            }
            let min = obj.get("minLength").and_then(Json::as_u64);
            let max = obj.get("maxLength").and_then(Json::as_u64);
            match (min, max) {
                (Some(1), None) => words = "a non-empty string".into(),
                (Some(a), None) => words.push_str(&format!(" of at least {a} characters")),
                (None, Some(b)) => words.push_str(&format!(" of at most {b} characters")),
                (Some(a), Some(b)) => words.push_str(&format!(" of {a} to {b} characters")),
                (None, None) => {}
            }
            if obj.contains_key("pattern") {
                words.push_str(" matching a pattern");
            }
        }
        "list" => {
            let min = obj.get("minItems").and_then(Json::as_u64);
            let max = obj.get("maxItems").and_then(Json::as_u64);
            match (min, max) {
                (Some(1), None) => words = "a non-empty list".into(),
                (Some(a), None) => words.push_str(&format!(" of at least {a} items")),
                (None, Some(b)) => words.push_str(&format!(" of at most {b} items")),
                (Some(a), Some(b)) => words.push_str(&format!(" of {a} to {b} items")),
                (None, None) => {}
            }
            if let Some(items) = obj.get("items") {
                let d = describe(items);
                if let Some(rest) = d.strip_prefix("a ").or_else(|| d.strip_prefix("an ")) {
                    words.push_str(&format!(" of {rest}s"));
                } else if !d.is_empty() {
                    words.push_str(&format!(" whose items are {d}"));
                }
            }
        }
        _ => {}
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn describes_branches() {
        assert_eq!(
            describe(&json!({"type": "string", "minLength": 1})),
            "a non-empty string"
        );
        assert_eq!(
            describe(&json!({"type": "array", "minItems": 1})),
            "a non-empty list"
        );
        assert_eq!(
            describe(&json!({"type": "array", "items": {"type": "string"}})),
            "a list of strings"
        );
        assert_eq!(describe(&json!({"enum": ["a", "b"]})), "one of: a, b");
        assert_eq!(
            describe(&json!({"type": "string", "format": "date"})),
            "a valid date"
        );
    }

    #[test]
    fn compiled_once_and_shared() {
        let dir = std::env::temp_dir().join(format!("frontlint-schema-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("s.json");
        std::fs::write(&p, r#"{"type": "object"}"#).unwrap();
        let a = load(&p).unwrap();
        // Even if the file changes, the run keeps the schema it compiled.
        std::fs::write(&p, "not json").unwrap();
        let b = load(&p).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn remote_refs_are_refused() {
        let dir = std::env::temp_dir().join(format!("frontlint-remote-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("r.json");
        std::fs::write(
            &p,
            r#"{"properties": {"a": {"$ref": "https://example.org/x.json"}}}"#,
        )
        .unwrap();
        let e = load(&p).unwrap_err();
        assert!(e.contains("not a local file"), "{e}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn file_uris_round_trip() {
        let u = file_uri(Path::new("/a b/c.json"));
        assert_eq!(u, "file:///a%20b/c.json");
        assert_eq!(percent_decode("/a%20b/c.json"), "/a b/c.json");
    }
}
