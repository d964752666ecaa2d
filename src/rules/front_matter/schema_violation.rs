use std::path::{Path, PathBuf};

use crate::frontmatter::Value;
use crate::rules::prelude::*;

rule_meta!(
    "FM013",
    "schema-violation",
    FrontMatter,
    Some(Severity::Error),
    false,
    "The front matter breaks its JSON Schema (from config or `$schema`)."
);

pub struct SchemaViolation;

/// Where the `$schema` of a file points: `/x.json` from the config's folder
/// (the site root), anything else from the file's own folder.
fn schema_path(value: &str, doc_path: &Path, root: &Path) -> PathBuf {
    match value.strip_prefix('/') {
        Some(rest) => root.join(rest),
        None => doc_path
            .parent()
            .map_or_else(|| PathBuf::from(value), |d| d.join(value)),
    }
}

impl Rule for SchemaViolation {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let fm = doc.front_matter.as_ref();
        // A broken block is FM002/FM003's business: its tree is not what
        // the generator would see. A JavaScript block has no tree to check.
        if fm.is_some_and(|f| {
            !f.is_closed()
                || f.hard_errors().next().is_some()
                || f.format == crate::frontmatter::Format::JavaScript
        }) {
            return;
        }
        let root = fm.and_then(|f| f.root.as_ref());
        let whole = match fm {
            Some(f) => f.span,
            None => {
                let (s, e) = doc.lines.line_span(&doc.text, 0);
                let start = if doc.bom { 3.min(e) } else { 0 };
                Span::new(start.max(s), e.max(start))
            }
        };
        let mut schemas = Vec::new();
        if let Some(s) = &ctx.config.schema {
            schemas.push(s.clone());
        }
        if let Some(entry) = root.and_then(|r| r.get("$schema")) {
            match &entry.value.value {
                Value::String(s) if s.starts_with("http://") || s.starts_with("https://") => {
                    out.push(
                        Diagnostic::new(
                            &META,
                            entry.value.span,
                            format!("`$schema` points to `{s}`, a remote schema, which frontlint never fetches"),
                        )
                        .with_help("save the schema in the site and point to the file")
                        .with_severity(Severity::Warning),
                    );
                }
                Value::String(s) => {
                    let path = schema_path(s, &doc.path, &ctx.config.root);
                    match crate::schema::load(&path) {
                        Ok(schema) => {
                            if !schemas.iter().any(|k| std::sync::Arc::ptr_eq(k, &schema)) {
                                schemas.push(schema);
                            }
                        }
                        Err(e) => out.push(
                            Diagnostic::new(&META, entry.value.span, format!("cannot use `$schema`: {e}"))
                                .with_help("`$schema` is a path from this file's folder, or from the config's folder when it starts with `/`"),
                        ),
                    }
                }
                _ => {}
            }
        }
        for schema in schemas {
            for v in schema.validate(root, whole) {
                let mut d = Diagnostic::new(&META, v.span, v.message);
                if let Some(h) = v.help {
                    d = d.with_help(h);
                }
                out.push(d);
            }
        }
    }
}
