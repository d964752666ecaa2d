use super::written_dest;
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
    let host = rest.split(['/', ':', '?', '#']).next().unwrap_or("");
    host == "localhost"
        || host.starts_with("127.")
        || host == "[::1]"
        || host.ends_with(".localhost")
        || host.ends_with(".local")
}

impl Rule for InsecureLink {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for link in &doc.scan.links {
            let dest = written_dest(doc, link);
            let Some(rest) = dest
                .get(..7)
                .filter(|p| p.eq_ignore_ascii_case("http://"))
                .map(|_| &dest[7..])
            else {
                continue;
            };
            if is_local_host(rest) {
                continue;
            }
            let span = link.dest_span.unwrap_or(link.span);
            // No automatic fix: only the site knows whether it serves https.
            out.push(
                Diagnostic::new(&META, span, format!("insecure link `{dest}`"))
                    .with_help("use https:// if the site supports it")
                    .with_url(dest),
            );
        }
    }
}
