//! The online link stage (LK010 dead-link, LK011 redirected-link): after
//! every file has been checked, the external URLs kept from their scans are
//! de-duplicated across the run, checked once each by `crate::links`, and
//! each outcome is mapped back onto every place the URL is used.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::config::FileConfig;
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::{Document, LineIndex, Span};
use crate::frontmatter::{Node, Value};
use crate::links::{LinkCheckOptions, UrlOutcome, check_urls};
use crate::rules::links::{dead_link, is_template, redirected_link};
use crate::{FileReport, FixMode, fix, sort_diagnostics};

/// One use of an external URL in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlUse {
    /// The URL requested: the destination as the Markdown parser read it.
    pub url: String,
    /// Where it is written (the destination, or the whole link).
    pub span: Span,
}

fn is_external(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.contains(char::is_whitespace)
        && !is_template(url)
}

/// The external `http(s)` URLs of a document: link and image destinations,
/// bare URLs of the prose, and front-matter values that are URLs
/// (`canonical:`, `image:`...).
pub fn external_urls(doc: &Document) -> Vec<UrlUse> {
    let mut out = Vec::new();
    for link in &doc.scan.links {
        if is_external(&link.dest) {
            out.push(UrlUse {
                url: link.dest.clone(),
                span: link.dest_span.unwrap_or(link.span),
            });
        }
    }
    // Bare URLs in prose: GFM, Hugo (linkify) and most renderers make them
    // links, so a dead one is a dead link on the page.
    for span in crate::rules::links::bare_url::bare_urls(doc) {
        let url = doc.slice(span);
        if is_external(url) {
            out.push(UrlUse {
                url: url.to_string(),
                span,
            });
        }
    }
    if let Some(root) = doc.front_matter.as_ref().and_then(|fm| fm.root.as_ref()) {
        collect_front_matter(root, &mut out);
    }
    out
}

fn collect_front_matter(node: &Node, out: &mut Vec<UrlUse>) {
    match &node.value {
        Value::String(s) if is_external(s.trim()) => out.push(UrlUse {
            url: s.trim().to_string(),
            span: node.span,
        }),
        Value::List(items) => items.iter().for_each(|n| collect_front_matter(n, out)),
        Value::Map(entries) => entries
            .iter()
            .for_each(|e| collect_front_matter(&e.value, out)),
        _ => {}
    }
}

/// The `[links]` settings of a config, with a relative cache path resolved
/// against the config's folder.
pub fn options(cfg: &FileConfig) -> Result<LinkCheckOptions, String> {
    let mut o: LinkCheckOptions = toml::Value::Table(cfg.links.clone())
        .try_into()
        .map_err(|e: toml::de::Error| format!("invalid [links] settings: {}", e.message()))?;
    if let Some(c) = &o.cache
        && c.is_relative()
    {
        o.cache = Some(cfg.root.join(c));
    }
    Ok(o)
}

/// What an outcome means for a use site: rule, default severity, message,
/// fix.
fn finding(
    outcome: &UrlOutcome,
) -> Option<(&'static crate::rules::RuleMeta, Severity, Option<String>)> {
    match outcome {
        UrlOutcome::Dead { .. } => Some((&dead_link::META, Severity::Error, None)),
        UrlOutcome::RateLimited { .. }
        | UrlOutcome::AccessRefused { .. }
        | UrlOutcome::MissingFragment { .. } => Some((&dead_link::META, Severity::Warning, None)),
        UrlOutcome::Redirected {
            permanent: true,
            final_url,
            ..
        } => Some((
            &redirected_link::META,
            Severity::Info,
            Some(final_url.clone()),
        )),
        _ => None,
    }
}

/// Checks the URLs of `files` (whose configs are `configs`, same order) and
/// adds LK010/LK011 findings. With `--fix`, writes LK011 fixes. Returns the
/// run's warnings (corrupt cache ignored, deadline reached...).
pub fn run(
    files: &mut [FileReport],
    configs: &[&FileConfig],
    opts: &LinkCheckOptions,
    fix_mode: Option<FixMode>,
) -> Result<Vec<String>, String> {
    let urls: Vec<String> = files
        .iter()
        .flat_map(|f| f.urls.iter().map(|u| u.url.clone()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if urls.is_empty() {
        return Ok(Vec::new());
    }
    let report =
        check_urls(&urls, opts).map_err(|e| format!("the link check could not run: {e}"))?;
    for (file, cfg) in files.iter_mut().zip(configs) {
        let before = file.diagnostics.len();
        for u in &file.urls {
            let Some(outcome) = report.outcomes.get(&u.url) else {
                continue;
            };
            let Some((meta, default, final_url)) = finding(outcome) else {
                continue;
            };
            let severity = match cfg.configured_severity(meta) {
                Some(None) => continue,
                Some(Some(s)) => s,
                None => default,
            };
            let mut d = Diagnostic::new(meta, u.span, format!("{}: {}", u.url, outcome.message()))
                .with_severity(severity)
                .with_url(u.url.clone());
            if let Some(target) = final_url {
                d = d
                    .with_help(format!("link to `{target}` directly"))
                    .with_fix(Fix::safe(u.span, target));
            } else if meta.code == "LK010" && severity == Severity::Error {
                d = d.with_help(
                    "fix or remove the link; `[links] exclude` skips URLs that cannot be checked",
                );
            }
            file.diagnostics.push(d);
        }
        if file.diagnostics.len() > before {
            let mut found = file.diagnostics.split_off(before);
            if let Some(d) = &file.directives {
                d.filter(&mut found);
            }
            file.diagnostics.extend(found);
            sort_diagnostics(&mut file.diagnostics);
        }
        if let Some(mode) = fix_mode
            && mode.write
        {
            write_redirect_fixes(file, mode);
        }
    }
    Ok(report.warnings)
}

/// Applies the LK011 fixes of a file to its current text and writes it.
fn write_redirect_fixes(file: &mut FileReport, mode: FixMode) {
    let Some(text) = file.text.clone() else {
        return;
    };
    let redirects: Vec<Diagnostic> = file
        .diagnostics
        .iter()
        .filter(|d| d.rule.code == "LK011" && d.fix.is_some())
        .cloned()
        .collect();
    if redirects.is_empty() {
        return;
    }
    let (new, n) = fix::apply(&text, &redirects, mode.options);
    if n == 0 {
        return;
    }
    match fix::write_atomically(&file.path, text.as_bytes(), new.as_bytes()) {
        Ok(()) => {
            // The other findings move by the length change of the edits
            // before them (redirect fixes never overlap other findings'
            // starts: they replace whole destinations).
            let edits: Vec<(Span, isize)> = redirects
                .iter()
                .filter_map(|d| d.fix.as_ref())
                .map(|f| (f.span, f.replacement.len() as isize - f.span.len() as isize))
                .collect();
            let shift = |at: usize| -> usize {
                let delta: isize = edits
                    .iter()
                    .filter(|(s, _)| s.end <= at)
                    .map(|(_, d)| d)
                    .sum();
                (at as isize + delta).max(0) as usize
            };
            file.diagnostics.retain(|d| d.rule.code != "LK011");
            for d in &mut file.diagnostics {
                d.span = Span::new(shift(d.span.start), shift(d.span.end));
                d.fix = None;
            }
            file.fixed += n;
            file.lines = Some(Arc::new(LineIndex::new(&new)));
            file.text = Some(Arc::from(new.as_str()));
        }
        Err(e) => file.fix_error = Some(e.to_string()),
    }
}
