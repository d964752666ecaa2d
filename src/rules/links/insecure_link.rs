use super::local::normalize_label;
use super::written_dest;
use crate::markdown::LinkKind;
use crate::rules::prelude::*;

rule_meta!(
    "LK009",
    "insecure-link",
    Links,
    Some(Severity::Info),
    false,
    "A link over plain `http://`."
);

pub struct InsecureLink;

fn is_local_host(rest: &str) -> bool {
    // An IPv6 host is bracketed and holds colons: `[::1]:80`.
    let host = match rest.strip_prefix('[') {
        Some(v6) => v6
            .split_once(']')
            .map_or(rest, |(h, _)| &rest[..h.len() + 2]),
        None => rest.split(['/', ':', '?', '#']).next().unwrap_or(""),
    };
    host == "localhost"
        || host.starts_with("127.")
        || host == "[::1]"
        || host.ends_with(".localhost")
        || host.ends_with(".local")
}

impl Rule for InsecureLink {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let mut used_labels = std::collections::HashSet::new();
        for link in &doc.scan.links {
            // A reference link's destination is written in its definition:
            // reported there, once, however many links use it.
            let by_reference = link.dest_span.is_none()
                && matches!(
                    link.kind,
                    LinkKind::Reference | LinkKind::Collapsed | LinkKind::Shortcut
                );
            if by_reference {
                if let Some(label) = &link.label {
                    used_labels.insert(normalize_label(label));
                }
                continue;
            }
            let dest = written_dest(doc, link);
            if is_insecure(dest) {
                let span = link.dest_span.unwrap_or(link.span);
                out.push(finding(span, dest));
            }
        }
        for def in &doc.scan.definitions {
            let dest = def.dest.trim();
            if !is_insecure(dest) || !used_labels.contains(&normalize_label(&def.label)) {
                continue;
            }
            // Point at the destination inside `[label]: http://...`.
            let written = doc.slice(def.span);
            let span = written
                .find("]:")
                .and_then(|colon| written[colon..].find(dest).map(|i| colon + i))
                .map_or(def.span, |i| {
                    Span::new(def.span.start + i, def.span.start + i + dest.len())
                });
            out.push(finding(span, dest));
        }
    }
}

/// `http://` to a host other than this machine.
fn is_insecure(dest: &str) -> bool {
    dest.get(..7)
        .filter(|p| p.eq_ignore_ascii_case("http://"))
        .is_some_and(|_| !is_local_host(&dest[7..]))
}

fn finding(span: Span, dest: &str) -> Diagnostic {
    // No automatic fix: only the site knows whether it serves https.
    Diagnostic::new(&META, span, format!("insecure link `{dest}`"))
        .with_help("use https:// if the site supports it")
        .with_url(dest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_hosts() {
        assert!(is_local_host("[::1]:80/"));
        assert!(is_local_host("[::1]/x"));
        assert!(is_local_host("localhost:4000/"));
        assert!(is_local_host("127.0.0.1/"));
        assert!(!is_local_host("[2001:db8::1]/"));
        assert!(!is_local_host("example.org/"));
    }
}
