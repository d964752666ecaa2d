//! Schema import: reads the front-matter schema a site already declares —
//! Decap/Netlify CMS `config.yml` collections, Front Matter CMS
//! `frontmatter.json` content types, JSON Schemas (such as the ones Astro
//! generates in `.astro/collections/`) — and writes the frontlint config
//! that checks the same rules.
//!
//! Every format is first read into one model ([`Collection`], [`Field`]),
//! which renders as commented TOML. `frontlint schema import` prints that
//! text; `import = "..."` in config parses the same text, so both paths
//! always agree.

mod decap;
mod fmcms;
mod json_schema;

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value as Json;

/// A set of files sharing one schema.
#[derive(Debug, Clone, Default)]
pub struct Collection {
    pub name: String,
    /// Globs relative to the site root; empty: every file.
    pub paths: Vec<String>,
    pub fields: Vec<Field>,
    /// `YYYY-MM-DD-` file names whose date must agree with `date`.
    pub filename_date: bool,
    /// Keys beyond `fields` are unexpected (the CMS writes no others).
    pub closed: bool,
    /// Facts worth a comment: what could not be expressed, where it came from.
    pub notes: Vec<String>,
}

/// One field, in frontlint's terms.
#[derive(Debug, Clone, Default)]
pub struct Field {
    pub name: String,
    pub required: bool,
    pub types: Vec<&'static str>,
    pub allowed: Vec<Json>,
    pub pattern: Option<String>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub non_empty: bool,
    pub format: Option<String>,
    pub each_file: Option<String>,
    pub note: Option<String>,
}

/// What an import produced: the TOML text and the same as a table.
#[derive(Debug, Clone)]
pub struct Imported {
    pub text: String,
    pub table: toml::Table,
}

/// The kinds of schema files understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Decap,
    FrontMatterCms,
    JsonSchema,
}

impl Kind {
    fn describe(self) -> &'static str {
        match self {
            Kind::Decap => "Decap CMS (Netlify CMS) collections",
            Kind::FrontMatterCms => "Front Matter CMS content types",
            Kind::JsonSchema => "a JSON Schema",
        }
    }
}

/// Reads a schema file of any understood kind into collections.
pub fn read(path: &Path) -> Result<(Kind, Vec<Collection>), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if ext == "yml" || ext == "yaml" {
        let json = yaml_to_json(&text, path)?;
        return decap::read(&json).map(|c| (Kind::Decap, c));
    }
    let json: Json = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}:{}:{}: not valid JSON: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    if json.get("frontMatter.taxonomy.contentTypes").is_some()
        || json.get("frontMatter.content.pageFolders").is_some()
    {
        return fmcms::read(&json).map(|c| (Kind::FrontMatterCms, c));
    }
    if json.get("collections").is_some() && json.get("backend").is_some() {
        return decap::read(&json).map(|c| (Kind::Decap, c));
    }
    json_schema::read(&json, path).map(|c| (Kind::JsonSchema, c))
}

/// Reads `path` and renders the equivalent frontlint config.
pub fn to_config(path: &Path) -> Result<Imported, String> {
    let (kind, collections) = read(path)?;
    let text = render(&path.display().to_string(), kind, &collections);
    let table = text
        .parse::<toml::Table>()
        .map_err(|e| format!("internal error: the imported config does not parse: {e}"))?;
    Ok(Imported { text, table })
}

fn yaml_to_json(text: &str, path: &Path) -> Result<Json, String> {
    let span = crate::document::Span::new(0, text.len());
    let (root, errors, _) =
        crate::frontmatter::parse_block(text, span, crate::frontmatter::Format::Yaml);
    if let Some(e) = errors.iter().find(|e| !e.lenient) {
        let li = crate::document::LineIndex::new(text);
        let p = li.position(text, e.span.start);
        return Err(format!(
            "{}:{}:{}: invalid YAML: {}",
            path.display(),
            p.line,
            p.column,
            e.message
        ));
    }
    Ok(root
        .map(|r| crate::schema::to_json(&r))
        .unwrap_or(Json::Null))
}

/// A TOML key, quoted when it is not bare.
pub(crate) fn toml_key(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        k.to_string()
    } else {
        toml_str(k)
    }
}

pub(crate) fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn toml_json(v: &Json) -> Option<String> {
    Some(match v {
        Json::String(s) => toml_str(s),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) if n.is_i64() => n.to_string(),
        Json::Number(n) => {
            let f = n.as_f64()?;
            if f.fract() == 0.0 {
                format!("{f:.1}")
            } else {
                f.to_string()
            }
        }
        _ => return None,
    })
}

fn toml_list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

fn num(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

impl Field {
    /// `{ type = "string", enum = ["a"] }`, or `None` when nothing is known.
    pub fn inline_spec(&self) -> Option<String> {
        let mut parts = Vec::new();
        match self.types.as_slice() {
            [] => {}
            [one] => parts.push(format!("type = {}", toml_str(one))),
            many => parts.push(format!(
                "type = {}",
                toml_list(&many.iter().map(|t| toml_str(t)).collect::<Vec<_>>())
            )),
        }
        let allowed: Vec<String> = self.allowed.iter().filter_map(toml_json).collect();
        if !allowed.is_empty() {
            parts.push(format!("enum = {}", toml_list(&allowed)));
        }
        if let Some(p) = &self.pattern {
            parts.push(format!("pattern = {}", toml_str(p)));
        }
        if let Some(n) = self.min_length {
            parts.push(format!("min_length = {n}"));
        }
        if let Some(n) = self.max_length {
            parts.push(format!("max_length = {n}"));
        }
        if let Some(n) = self.min {
            parts.push(format!("min = {}", num(n)));
        }
        if let Some(n) = self.max {
            parts.push(format!("max = {}", num(n)));
        }
        if self.non_empty {
            parts.push("non_empty = true".into());
        }
        if let Some(f) = &self.format {
            parts.push(format!("format = {}", toml_str(f)));
        }
        if let Some(e) = &self.each_file {
            parts.push(format!("each_file = {}", toml_str(e)));
        }
        (!parts.is_empty()).then(|| format!("{{ {} }}", parts.join(", ")))
    }
}

/// Writes one collection's settings: `prefix` is `""` at top level or
/// `"front_matter."` inside `[[overrides]]`.
fn render_settings(out: &mut String, c: &Collection, prefix: &str) {
    let required: Vec<String> = c
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| toml_str(&f.name))
        .collect();
    let _ = writeln!(out, "{prefix}required = {}", toml_list(&required));
    if c.closed {
        let _ = writeln!(out, "{prefix}unknown_fields = \"warn\"");
    }
    for f in &c.fields {
        if let Some(n) = &f.note {
            let _ = writeln!(out, "# {n}");
        }
        match f.inline_spec() {
            Some(spec) => {
                let _ = writeln!(out, "{prefix}fields.{} = {spec}", toml_key(&f.name));
            }
            None => {
                let _ = writeln!(out, "{prefix}fields.{} = {{}}", toml_key(&f.name));
            }
        }
    }
}

/// The commented TOML for a set of collections.
pub fn render(source: &str, kind: Kind, collections: &[Collection]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# frontlint config imported from {source} ({}).\n# Regenerate with `frontlint schema import {source}`, or keep the source\n# as the single truth with `import = [{}]` in frontlint.toml.\n",
        kind.describe(),
        toml_str(source)
    );
    for c in collections {
        let _ = writeln!(out, "# Collection `{}`", c.name);
        for n in &c.notes {
            let _ = writeln!(out, "# {n}");
        }
        if c.paths.is_empty() {
            out.push_str("[front_matter]\n");
            render_settings(&mut out, c, "");
        } else {
            out.push_str("[[overrides]]\n");
            let paths: Vec<String> = c.paths.iter().map(|p| toml_str(p)).collect();
            let _ = writeln!(out, "paths = {}", toml_list(&paths));
            if c.filename_date {
                out.push_str("filename_date = true\n");
            }
            render_settings(&mut out, c, "front_matter.");
        }
        out.push('\n');
    }
    out
}

/// `folder/**` as a glob of every file under a folder.
pub(crate) fn folder_glob(folder: &str) -> String {
    let f = folder.trim_start_matches("./").trim_matches('/');
    if f.is_empty() {
        "**".into()
    } else {
        format!("{f}/**")
    }
}
