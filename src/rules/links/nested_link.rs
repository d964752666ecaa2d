use super::{is_template, written_dest};
use crate::markdown::LinkKind;
use crate::rules::prelude::*;

rule_meta!(
    "LK001",
    "nested-link",
    Links,
    Some(Severity::Error),
    true,
    "Link syntax inside a link's destination or text."
);

pub struct NestedLink;

/// The URL of the innermost `[...](URL)` in a destination, cleaned of bold
/// markers and angle brackets.
pub(crate) fn innermost_url(dest: &str) -> Option<String> {
    let at = dest.rfind("](")?;
    let rest = &dest[at + 2..];
    let end = rest.find(')').unwrap_or(rest.len());
    let url = rest[..end]
        .trim()
        .trim_matches('*')
        .trim_matches('_')
        .trim_start_matches('<')
        .trim_end_matches('>');
    (!url.is_empty() && !url.contains(char::is_whitespace)).then(|| url.to_string())
}

impl Rule for NestedLink {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = &doc.text;
        for link in &doc.scan.links {
            let dest = written_dest(doc, link);
            if is_template(dest) {
                continue;
            }
            if dest.contains("](") && dest.contains('[') {
                let label = doc.slice(link.text_span);
                let mut d = Diagnostic::new(
                    &META,
                    link.span,
                    format!("a link inside the destination of the link `[{label}]`"),
                )
                .with_url(dest);
                if let Some(url) = innermost_url(dest) {
                    d = d.with_help(format!("the link was probably meant to point at `{url}`"));
                    if let Some(span) = link.dest_span {
                        d = d.with_fix(Fix::unsafe_(span, url));
                    }
                } else {
                    d = d.with_help("a link destination is a URL, not Markdown: keep only the URL");
                }
                out.push(d);
                continue;
            }
            // `[[a](b)](c)`: CommonMark keeps the inner link and leaves the
            // outer brackets as text.
            if link.kind == LinkKind::Inline
                && !link.image
                && text[..link.span.start].ends_with('[')
                && text[link.span.end..].starts_with("](")
            {
                out.push(
                    Diagnostic::new(&META, link.span, "a link inside the text of another link")
                        .with_help("links cannot contain links: keep one of the two")
                        .with_url(dest),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn innermost() {
        assert_eq!(
            innermost_url("[andi.beta.gouv.fr](http://andi.beta.gouv.fr/)").as_deref(),
            Some("http://andi.beta.gouv.fr/")
        );
        assert_eq!(
            innermost_url("**[a](**[b](http://b/)**)**").as_deref(),
            Some("http://b/")
        );
    }
}
