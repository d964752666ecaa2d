use super::{has_scheme, is_template, written_dest};
use crate::markdown::LinkKind;
use crate::rules::prelude::*;

rule_meta!(
    "LK002",
    "malformed-destination",
    Links,
    Some(Severity::Error),
    true,
    "A link destination that is not a valid URL or path."
);

pub struct MalformedDestination;

/// Top-level domains often seen in links; the last label of a bare domain.
const TLDS: &[&str] = &[
    "com", "org", "net", "fr", "io", "gov", "edu", "de", "uk", "eu", "info", "co", "dev", "app",
    "me", "us", "ca", "be", "ch", "nl", "es", "it", "se", "no", "fi", "dk", "at", "pt", "pl", "cz",
    "ru", "jp", "cn", "in", "br", "au", "nz", "ie", "lu", "coop", "tech", "ai", "xyz", "blog",
    "cloud", "site", "online", "ly", "tv", "fm", "gg", "so", "to", "sh",
];

/// File extensions that look like top-level domains.
const EXTENSIONS: &[&str] = &[
    "md", "markdown", "mdx", "html", "htm", "php", "png", "jpg", "jpeg", "gif", "svg", "webp",
    "pdf", "txt", "json", "xml", "yml", "yaml", "toml", "js", "css", "zip", "sh", "py", "rs", "go",
    "rb", "pl", "ps", "mp4", "mp3", "csv", "ico", "tar", "gz",
];

/// `example.org/x`: a destination that was meant as a web address but has no
/// scheme, so browsers resolve it as a relative path.
pub(crate) fn looks_like_bare_domain(dest: &str) -> bool {
    if has_scheme(dest) || dest.starts_with(['/', '.', '#', '?', '~', '{', '<', '%', '@']) {
        return false;
    }
    let host = dest.split(['/', '?', '#']).next().unwrap_or("");
    if host.starts_with("www.") && host.len() > 4 {
        return true;
    }
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2
        || labels
            .iter()
            .any(|l| l.is_empty() || !l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    {
        return false;
    }
    let tld = labels[labels.len() - 1].to_ascii_lowercase();
    TLDS.contains(&tld.as_str()) && !EXTENSIONS.contains(&tld.as_str())
}

/// `contact@example.fr`: an e-mail address written as a destination without
/// `mailto:`, which browsers resolve as a relative path. The address, with
/// sentence punctuation that slipped in at its end left out.
pub(crate) fn bare_email(dest: &str) -> Option<&str> {
    if has_scheme(dest) || dest.contains(['/', '?', '#', ' ', '<', '>', '{', '%']) {
        return None;
    }
    let addr = dest.trim_end_matches(['.', ',', ';', ':', '!', '?']);
    let (local, domain) = addr.split_once('@')?;
    let labels: Vec<&str> = domain.split('.').collect();
    let ok = !local.is_empty()
        && !local.contains('@')
        && !domain.contains('@')
        && labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty() && !l.starts_with('-'))
        && labels[labels.len() - 1].chars().all(char::is_alphabetic)
        && labels[labels.len() - 1].chars().count() >= 2
        // `logo@2x.png`: a file name, not an address.
        && !EXTENSIONS.contains(&labels[labels.len() - 1].to_ascii_lowercase().as_str());
    ok.then_some(addr)
}

/// Whether LK002 reports this destination (bold markers, a mistyped
/// scheme, a bare domain): other link rules then leave it alone.
pub(crate) fn reported_here(dest: &str) -> bool {
    let d = dest.trim();
    d.starts_with("**")
        || d.ends_with("**")
        || (d.starts_with("__") && d.ends_with("__") && d.len() > 4)
        || scheme_typo(d).is_some()
        || unquoted(d).is_some()
        || looks_like_bare_domain(d)
        || bare_email(d).is_some()
}

/// `"http://x.org"`: a destination wrapped in quotes (which become part of
/// the URL); the text inside them.
fn unquoted(dest: &str) -> Option<&str> {
    ['"', '\'']
        .into_iter()
        .find_map(|q| dest.strip_prefix(q)?.strip_suffix(q))
        .filter(|inner| !inner.is_empty())
}

/// `https://`, `http://?q`: a web address with no host name.
fn lacks_host(dest: &str) -> bool {
    let lower = dest.get(..8).unwrap_or(dest).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &dest[8..]
    } else if lower.starts_with("http://") {
        &dest[7..]
    } else {
        return false;
    };
    rest.split(['/', '?', '#'])
        .next()
        .is_none_or(|host| host.trim_start_matches('@').is_empty())
}

/// A mistyped scheme: `htp://`, `http//`, `https:/x`, `http:///x`.
fn scheme_typo(dest: &str) -> Option<String> {
    let lower = dest.to_ascii_lowercase();
    for (bad, good) in [
        ("htp://", "http://"),
        ("htps://", "https://"),
        ("htttp://", "http://"),
        ("htttps://", "https://"),
        ("ttp://", "http://"),
        ("ttps://", "https://"),
        ("hhttp://", "http://"),
        ("hhttps://", "https://"),
        ("http//", "http://"),
        ("https//", "https://"),
        ("http:///", "http://"),
        ("https:///", "https://"),
    ] {
        if lower.starts_with(bad) {
            return Some(format!("{good}{}", &dest[bad.len()..]));
        }
    }
    for scheme in ["http:/", "https:/"] {
        if lower.starts_with(scheme) && !lower[scheme.len()..].starts_with('/') {
            return Some(format!("{scheme}/{}", &dest[scheme.len()..]));
        }
    }
    None
}

impl Rule for MalformedDestination {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for link in &doc.scan.links {
            if matches!(link.kind, LinkKind::Autolink | LinkKind::Email) {
                continue;
            }
            let dest = written_dest(doc, link);
            if is_template(dest) || (dest.contains("](") && dest.contains('[')) {
                continue; // LK001's business
            }
            let span = link.dest_span.unwrap_or(link.span);
            let fix = |replacement: String| link.dest_span.map(|s| Fix::unsafe_(s, replacement));
            let mut push = |message: String, help: String, replacement: Option<String>| {
                let mut d = Diagnostic::new(&META, span, message)
                    .with_help(help)
                    .with_url(dest);
                if let Some(f) = replacement.and_then(fix) {
                    d = d.with_fix(f);
                }
                out.push(d);
            };
            // `__init__` ends many Python links: `__` counts only around
            // the whole destination.
            let mut stripped = dest.trim_start_matches("**").trim_end_matches("**");
            if let Some(inner) = stripped
                .strip_prefix("__")
                .and_then(|s| s.strip_suffix("__"))
                && !inner.is_empty()
            {
                stripped = inner;
            }
            if stripped.len() != dest.len() {
                push(
                    "bold markers ended up inside the link destination, which is not a valid URL"
                        .into(),
                    format!(
                        "the destination is probably `{stripped}`: the fix removes the markers (for a bold link, put them around it: `**[text]({stripped})**`)"
                    ),
                    Some(stripped.to_string()),
                );
                continue;
            }
            if let Some(good) = scheme_typo(dest) {
                push(
                    format!("mistyped URL scheme in `{dest}`"),
                    format!("write `{good}`"),
                    Some(good),
                );
                continue;
            }
            if let Some(inner) = unquoted(dest) {
                push(
                    format!("the destination `{dest}` is in quotes, which become part of the URL"),
                    format!("write it without the quotes: `{inner}`"),
                    Some(inner.to_string()),
                );
                continue;
            }
            if lacks_host(dest) {
                push(
                    format!("`{dest}` has no host name"),
                    "write the whole address, e.g. `https://example.org/page`".into(),
                    None,
                );
                continue;
            }
            // Inside `<...>` spaces are allowed (CommonMark): `[x](<a b.html>)`.
            let angle = link
                .dest_span
                .is_some_and(|s| s.start > 0 && doc.text.as_bytes()[s.start - 1] == b'<');
            if angle {
                // Spaces are valid inside `<...>`, but not right after the
                // scheme: `<mailto: a@b.fr>` mails nobody.
                if let Some((scheme, rest)) = dest.split_once(':')
                    && has_scheme(dest)
                    && rest.starts_with(char::is_whitespace)
                {
                    let good = format!("{scheme}:{}", rest.trim_start());
                    push(
                        format!("a space after `{scheme}:` in the destination"),
                        format!("write `{good}`"),
                        Some(good),
                    );
                    continue;
                }
            } else if dest.contains(char::is_whitespace) {
                let encoded = dest.replace(' ', "%20");
                push(
                    "unencoded space in the link destination".into(),
                    "write spaces in URLs as `%20`".into(),
                    (!encoded.contains(char::is_whitespace)).then_some(encoded),
                );
                continue;
            }
            if let Some(addr) = bare_email(dest) {
                push(
                    format!(
                        "`{dest}` is an e-mail address without `mailto:`, so it is a relative path"
                    ),
                    format!("write `mailto:{addr}`"),
                    Some(format!("mailto:{addr}")),
                );
                continue;
            }
            if looks_like_bare_domain(dest) {
                let local = doc
                    .path
                    .parent()
                    .map(|p| p.join(dest.split(['?', '#']).next().unwrap_or(dest)))
                    .is_some_and(|p| p.exists());
                if !local {
                    push(
                        format!(
                            "`{dest}` has no scheme, so it is a relative path, not a web address"
                        ),
                        format!("write `https://{dest}`"),
                        Some(format!("https://{dest}")),
                    );
                }
            }
        }
        unparsed_links(doc, out);
    }
}

/// How far around a `](` left in prose the link's `[` and `)` are looked
/// for. Real link texts and destinations are far shorter; the bound keeps a
/// file full of `](` linear instead of scanning to its end for each one.
const UNPARSED_WINDOW: usize = 2048;

/// Parentheses nested deeper than this inside a destination mean it is not
/// one (and stop the scan early on `[a]([a]([a](...`).
const MAX_PAREN_DEPTH: i32 = 8;

/// The largest char boundary of `text` at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `[text](dest with spaces)` that CommonMark did not read as a link: the
/// text `](` left in prose, followed by a destination holding spaces or HTML.
fn unparsed_links(doc: &Document, out: &mut Vec<Diagnostic>) {
    let text = &doc.text;
    for run in &doc.scan.prose {
        let s = doc.slice(run.span);
        let mut from = 0;
        while let Some(i) = s[from..].find("](") {
            let at = run.span.start + from + i;
            from += i + 2;
            // Bracketed text must open before, on the same block.
            let window_start =
                floor_boundary(text, at.saturating_sub(UNPARSED_WINDOW).max(doc.body_start));
            let before = &text[window_start..at];
            let Some(open) = before.rfind('[') else {
                continue;
            };
            if before[open..].contains("\n\n") || before[open..].contains("\r\n\r\n") {
                continue;
            }
            let dest_start = at + 2;
            let rest = &text
                [dest_start..floor_boundary(text, (dest_start + UNPARSED_WINDOW).min(text.len()))];
            let mut depth = 0i32;
            let mut end = None;
            for (j, c) in rest.char_indices() {
                match c {
                    '(' if depth >= MAX_PAREN_DEPTH => break,
                    '(' => depth += 1,
                    ')' if depth == 0 => {
                        end = Some(j);
                        break;
                    }
                    ')' => depth -= 1,
                    '\n' | '\r'
                        if rest[j..].starts_with("\n\n") || rest[j..].starts_with("\r\n\r\n") =>
                    {
                        break;
                    }
                    _ => {}
                }
            }
            let Some(end) = end else { continue };
            let candidate = rest[..end].trim();
            if candidate.is_empty()
                || is_template(candidate)
                || !candidate.contains(char::is_whitespace)
            {
                continue;
            }
            // A title after the destination (`(url "title")`) is valid
            // syntax; real links with titles parsed already.
            let span = Span::new(dest_start, dest_start + end);
            let (message, help) = if candidate.contains("<a ") || candidate.contains("</") {
                (
                    "this link did not parse: its destination holds raw HTML".to_string(),
                    "keep only the URL between the parentheses".to_string(),
                )
            } else {
                (
                    "this link did not parse: its destination contains spaces".to_string(),
                    "write spaces in URLs as `%20`, or put the destination in `<...>`".to_string(),
                )
            };
            out.push(
                Diagnostic::new(&META, span, message)
                    .with_help(help)
                    .with_url(candidate),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_emails() {
        assert_eq!(bare_email("contact@example.fr"), Some("contact@example.fr"));
        assert_eq!(
            bare_email("contact@rdv-solidarités.fr."),
            Some("contact@rdv-solidarités.fr")
        );
        for not in [
            "mailto:a@b.fr",
            "@handle",
            "a@b",
            "user@host/path",
            "a@b.c0m",
            "https://a@b.fr",
            "docs/a@2x.png",
            "logo@2x.png",
            "icon@3x.SVG",
            "a@@b.fr",
        ] {
            assert_eq!(bare_email(not), None, "{not}");
        }
    }

    #[test]
    fn bare_domains() {
        assert!(looks_like_bare_domain("example.org/x"));
        assert!(looks_like_bare_domain("solidarite-numerique.fr"));
        assert!(looks_like_bare_domain("www.example.com"));
        assert!(!looks_like_bare_domain("post.md"));
        assert!(!looks_like_bare_domain("install.sh"));
        assert!(!looks_like_bare_domain("../x.html"));
        assert!(!looks_like_bare_domain("https://x.org"));
        assert!(!looks_like_bare_domain("mailto:a@b.fr"));
    }

    #[test]
    fn quoted_and_hostless() {
        assert_eq!(unquoted("\"http://x.org\""), Some("http://x.org"));
        assert_eq!(unquoted("'a.html'"), Some("a.html"));
        assert_eq!(unquoted("\"\""), None);
        assert_eq!(unquoted("a\"b\""), None);
        assert!(lacks_host("https://"));
        assert!(lacks_host("http://?q=1"));
        assert!(lacks_host("HTTPS://#top"));
        assert!(!lacks_host("https://x.org"));
        assert!(!lacks_host("http://[::1]/"));
        assert!(!lacks_host("file:///tmp/x"));
    }

    #[test]
    fn scheme_typos() {
        assert_eq!(scheme_typo("htp://x.org").as_deref(), Some("http://x.org"));
        assert_eq!(scheme_typo("http//x.org").as_deref(), Some("http://x.org"));
        assert_eq!(
            scheme_typo("https:/x.org").as_deref(),
            Some("https://x.org")
        );
        assert_eq!(scheme_typo("https://x.org"), None);
    }
}
