//! LK008: `#fragments` that match no anchor of the page they point to,
//! with anchors computed by `crate::site::Anchors` as the generator does.

use std::sync::Arc;

use super::missing_local_target::local_destinations;
use crate::rules::prelude::*;
use crate::site::{Anchors, Resolved};

rule_meta!(
    "LK008",
    "missing-anchor",
    Links,
    Some(Severity::Warning),
    false,
    "A `#fragment` that matches no heading or anchor of the page it points to."
);

pub struct MissingAnchor;

/// Fragments that are not anchors: the page top, text fragments, and the
/// routes of script-driven pages.
fn is_checkable(fragment: &str) -> bool {
    !(fragment.is_empty()
        || fragment.eq_ignore_ascii_case("top")
        || fragment.starts_with(":~:")
        || fragment.starts_with('/')
        || fragment.starts_with('!')
        || super::is_template(fragment))
}

impl Rule for MissingAnchor {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let site = &ctx.config.site;
        let style = site.slug_style;
        let mut own: Option<Arc<Anchors>> = None;
        let here = crate::config::absolute(&doc.path);
        for (span, dest, image) in local_destinations(doc) {
            if image {
                continue; // `icons.svg#name` names a symbol, not an anchor
            }
            let (page, fragment) = match site.resolve(&doc.path, &dest) {
                Resolved::SameDocument { fragment: Some(f) } => (None, f),
                Resolved::Found {
                    page: Some(p),
                    fragment: Some(f),
                } => (Some(p), f),
                _ => continue,
            };
            if !is_checkable(&fragment) {
                continue;
            }
            let other: Option<Arc<Anchors>>;
            let (anchors, shown) = match page {
                Some(p) if p != here => {
                    other = site.anchors(&p);
                    let Some(a) = other.as_deref() else { continue };
                    (a, Some(p))
                }
                _ => (
                    &**own.get_or_insert_with(|| site.anchors_of_document(doc)),
                    None,
                ),
            };
            if anchors.uncertain || anchors.contains(&fragment, style) {
                continue;
            }
            let place = match &shown {
                Some(p) => format!("`{}`", crate::config::display_path(p).display()),
                None => "this page".to_string(),
            };
            let mut d = Diagnostic::new(
                &META,
                span,
                format!("no heading or anchor `#{fragment}` in {place}"),
            )
            .with_url(doc.slice(span));
            d = match anchors.closest(&fragment) {
                Some(c) => d.with_help(format!("did you mean `#{c}`?")),
                None => d.with_help(format!(
                    "heading ids here follow the `{}` rules (`[site] slug_style`); add `{{#{fragment}}}` to a heading to give it this id",
                    style.name()
                )),
            };
            out.push(d);
        }
    }
}
