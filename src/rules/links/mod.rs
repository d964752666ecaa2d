//! Link rules that need no network (LK...).

pub mod bare_url;
pub mod dead_link;
pub mod empty_link;
pub mod insecure_link;
pub mod link_text_whitespace;
pub(crate) mod local;
pub mod malformed_destination;
pub mod missing_anchor;
pub mod missing_local_target;
pub mod nested_link;
pub mod redirected_link;
pub mod undefined_reference;
pub mod unused_definition;

use crate::document::Document;
use crate::markdown::Link;

/// Template syntax of site generators (Liquid, Hugo, Nunjucks...): such a
/// destination is resolved at build time and is never "malformed".
pub(crate) fn is_template(s: &str) -> bool {
    s.contains("{{") || s.contains("{%") || s.contains("%}") || s.contains("}}")
}

/// The destination as written in the file (or as parsed when it lives in a
/// reference definition).
pub(crate) fn written_dest<'a>(doc: &'a Document, link: &'a Link) -> &'a str {
    match link.dest_span {
        Some(s) => doc.slice(s),
        None => &link.dest,
    }
}

/// Whether `s` starts with a URI scheme (`https:`, `mailto:`...).
pub(crate) fn has_scheme(s: &str) -> bool {
    let Some(colon) = s.find(':') else {
        return false;
    };
    let scheme = &s[..colon];
    !scheme.is_empty()
        && scheme.as_bytes()[0].is_ascii_alphabetic()
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'.' || b == b'-')
}
