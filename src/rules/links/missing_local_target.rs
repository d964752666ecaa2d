//! LK007: links and images to files or pages of the site that do not
//! exist. Where a destination leads is `crate::site`'s business; this rule
//! only lists the destinations of a document and reports the misses.

use super::local::{definition_dest_span, template_links};
use super::{is_template, written_dest};
use crate::markdown::LinkKind;
use crate::rules::prelude::*;
use crate::site::Resolved;

rule_meta!(
    "LK007",
    "missing-local-target",
    Links,
    Some(Severity::Error),
    false,
    "A link or image to a file or page of the site that does not exist."
);

pub struct MissingLocalTarget;

/// Every local destination of a document, once each where it is written:
/// inline links and images, reference definitions (not the links that use
/// them), and template links the parser could not see.
pub(crate) fn local_destinations(doc: &Document) -> Vec<(Span, String, bool)> {
    let mut v = Vec::new();
    for link in &doc.scan.links {
        if link.kind != LinkKind::Inline {
            continue;
        }
        let written = written_dest(doc, link);
        let dest = if is_template(written) {
            written.to_string()
        } else {
            link.dest.clone()
        };
        v.push((link.dest_span.unwrap_or(link.span), dest, link.image));
    }
    for def in &doc.scan.definitions {
        v.push((definition_dest_span(doc, def), def.dest.clone(), false));
    }
    for t in template_links(doc) {
        v.push((t.span, t.dest, false));
    }
    v
}

impl Rule for MissingLocalTarget {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let site = &ctx.config.site;
        for (span, dest, image) in local_destinations(doc) {
            if let Resolved::Missing { message, help } = site.resolve(&doc.path, &dest) {
                let what = if image { "image" } else { "link target" };
                let mut d = Diagnostic::new(&META, span, format!("{what} not found: {message}"))
                    .with_url(doc.slice(span));
                d = d.with_help(help.unwrap_or_else(|| default_help(site, &dest)));
                out.push(d);
            }
        }
    }
}

/// The help of a finding without a more precise one. A root-relative link
/// whose first folder does not exist at all in the site (`/dotnet/api/...`
/// in a docs set that other sites share a domain with) is most likely
/// served by something else: say how to tell frontlint.
fn default_help(site: &crate::site::Site, dest: &str) -> String {
    if let Some(rest) = dest.strip_prefix('/')
        && let Some((first, _)) = rest.split_once('/')
        && !first.is_empty()
        && !first.contains(['.', '{', '%'])
        && site.kind(&site.root.join(first)).is_none()
    {
        // `/2020/02/17/post/`: a dated permalink, most likely the site's own
        // posts served under another URL than their file path.
        if first.len() == 4 && first.bytes().all(|b| b.is_ascii_digit()) {
            return "a dated URL: most likely a post served at its permalink; tell frontlint \
                    how the site builds URLs (`[site] generator`, or `[site.permalinks]`), \
                    or check the path"
                .to_string();
        }
        return format!(
            "nothing under `/{first}/` exists in this site: if another site or a build step \
             serves these URLs, list them in `[site] generated = [\"/{first}/**\"]`; otherwise \
             check the path (root-relative links are looked up from the site root, `[site] root`)"
        );
    }
    "check the path; root-relative links (`/x/`) are looked up from the site root (`[site] root`)"
        .to_string()
}
