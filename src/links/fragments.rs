//! Fragment checks: does a fetched HTML page define the anchor a URL points at?
//!
//! Owns anchor extraction from a bounded prefix of the page and the rules for
//! fragments that need no anchor (`#`, `#top`, text fragments). It never fetches.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::bytes::Regex;

/// `id="x"`, `id='x'`, `id=x`, and the same for `name` (old-style `<a name>`).
/// A regex over the raw bytes is enough here: we only need the set of names, and
/// a false match inside a script or comment can only make a fragment look
/// present, never absent.
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)[\s"'](?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)
        .expect("the anchor pattern is a valid constant regex")
});

/// The `id`/`name` values found in `html`.
pub fn anchors(html: &[u8]) -> HashSet<String> {
    ANCHOR
        .captures_iter(html)
        .filter_map(|c| c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)))
        .map(|m| decode_entities(&String::from_utf8_lossy(m.as_bytes())))
        .collect()
}

/// Whether `fragment` (as written in the URL, maybe percent-encoded) is found in
/// `anchors`. Browsers scroll to the top for `#` and `#top`, and text fragments
/// (`#:~:text=`) need no anchor. GitHub prefixes heading ids with
/// `user-content-` and resolves the bare name with a script, so both count.
pub fn has_fragment(anchors: &HashSet<String>, fragment: &str) -> bool {
    if fragment.is_empty() || fragment.eq_ignore_ascii_case("top") || fragment.starts_with(":~:") {
        return true;
    }
    let decoded = percent_decode(fragment);
    [fragment, decoded.as_str()]
        .iter()
        .any(|f| anchors.contains(*f) || anchors.contains(&format!("user-content-{f}")))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The few entities that appear in ids in practice.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_and_names() {
        let page = br#"<h2 id="sec-1">A</h2><h2 ID='sec-2'>B</h2><div id=plain>
            <a name="old-1"></a><p data-id="nope">x</p><h3 id="caf%C3%A9">c</h3>
            <h3 id="r&amp;d">d</h3>"#;
        let a = anchors(page);
        for want in ["sec-1", "sec-2", "plain", "old-1", "r&d"] {
            assert!(a.contains(want), "{want} missing from {a:?}");
        }
        assert!(!a.contains("nope"), "data-id is not an id");
    }

    #[test]
    fn fragment_rules() {
        let a = anchors(r#"<h2 id="user-content-install">x</h2><h2 id="café">y</h2>"#.as_bytes());
        assert!(has_fragment(&a, "install"), "GitHub prefix");
        assert!(has_fragment(&a, "caf%C3%A9"), "percent-encoded");
        assert!(has_fragment(&a, ""));
        assert!(has_fragment(&a, "top"));
        assert!(has_fragment(&a, ":~:text=hello"));
        assert!(!has_fragment(&a, "missing"));
    }
}
