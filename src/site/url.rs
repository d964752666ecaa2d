//! Small URL helpers for offline link checking: splitting a destination into
//! path, query and fragment, percent-decoding, joining relative URLs, and the
//! normalised key under which pages are looked up.
//!
//! Nothing here touches the file system.

/// A destination split as a browser would: `path?query#fragment`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DestParts<'a> {
    pub path: &'a str,
    pub fragment: Option<&'a str>,
}

/// Splits off the fragment and the query string (which never matter for
/// finding a file).
pub fn split_dest(dest: &str) -> DestParts<'_> {
    let (before_hash, fragment) = match dest.find('#') {
        Some(i) => (&dest[..i], Some(&dest[i + 1..])),
        None => (dest, None),
    };
    let path = before_hash.split('?').next().unwrap_or("");
    DestParts { path, fragment }
}

/// Decodes `%XX` escapes. Invalid escapes stay as written; a result that is
/// not UTF-8 gives the input back unchanged.
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Resolves `.` and `..` segments and collapses repeated slashes in an
/// absolute URL path. `..` above the root stays at the root, as browsers do.
pub fn normalize_path(path: &str) -> String {
    let trailing = path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..");
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut out = String::with_capacity(path.len() + 1);
    for p in &parts {
        out.push('/');
        out.push_str(p);
    }
    if out.is_empty() || trailing {
        out.push('/');
    }
    out
}

/// `rel` resolved against the page URL `base` (both URL paths).
pub fn join_url(base: &str, rel: &str) -> String {
    if rel.starts_with('/') {
        return normalize_path(rel);
    }
    let dir = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => "/",
    };
    normalize_path(&format!("{dir}{rel}"))
}

/// The key a URL path is looked up under: decoded, lower-cased, without
/// `index.html`, `.html` or a trailing slash — so `/docs/x/`, `/docs/x`,
/// `/docs/x.html` and `/docs/x/index.html` are one page, as static hosts
/// serve them.
pub fn url_key(path: &str) -> String {
    let mut p = normalize_path(&percent_decode(path)).to_lowercase();
    for suffix in ["/index.html", "/index.htm"] {
        if p.ends_with(suffix) {
            p.truncate(p.len() - suffix.len() + 1);
        }
    }
    for ext in [".html", ".htm"] {
        if p.len() > ext.len() + 1 && p.ends_with(ext) && !p.ends_with(&format!("/{ext}")) {
            p.truncate(p.len() - ext.len());
        }
    }
    while p.len() > 1 && p.ends_with('/') {
        p.pop();
    }
    p
}

/// The folder part of a URL key (`/a/b` → `/a`).
pub fn parent_key(key: &str) -> &str {
    match key.rfind('/') {
        Some(0) | None => "/",
        Some(i) => &key[..i],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitting() {
        assert_eq!(
            split_dest("a/b.md?x=1#Frag"),
            DestParts {
                path: "a/b.md",
                fragment: Some("Frag")
            }
        );
        assert_eq!(split_dest("#x").path, "");
        assert_eq!(split_dest("?q").path, "");
    }

    #[test]
    fn decoding() {
        assert_eq!(percent_decode("caf%C3%A9%20x"), "café x");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%FF"), "%FF");
    }

    #[test]
    fn joining_and_keys() {
        assert_eq!(join_url("/docs/a/b/", "../c/"), "/docs/a/c/");
        assert_eq!(join_url("/docs/a/b", "c"), "/docs/a/c");
        assert_eq!(join_url("/x/", "../../../y"), "/y");
        assert_eq!(url_key("/Docs/X/"), "/docs/x");
        assert_eq!(url_key("/docs/x/index.html"), "/docs/x");
        assert_eq!(url_key("/docs/x.html"), "/docs/x");
        assert_eq!(url_key("/"), "/");
        assert_eq!(url_key("/index.html"), "/");
        assert_eq!(parent_key("/a/b"), "/a");
        assert_eq!(parent_key("/a"), "/");
    }
}
