//! LK012: web addresses written in prose without link syntax, cut where
//! GitHub's autolinks cut them.

use crate::rules::prelude::*;

rule_meta!(
    "LK012",
    "bare-url",
    Links,
    None,
    true,
    "A URL in the text that is not a link."
);

pub struct BareUrl;

/// Where a URL written in prose ends, GFM-style: at whitespace or `<`;
/// then closing punctuation of the sentence is given back — trailing
/// `.,:;!?*_~'"` (and closing typographic quotes), and a `)` that has no
/// `(` in the URL.
pub(crate) fn url_end(s: &str) -> usize {
    let mut end = s
        .find(|c: char| c.is_whitespace() || c == '<')
        .unwrap_or(s.len());
    loop {
        let u = &s[..end];
        let Some(last) = u.chars().next_back() else {
            return 0;
        };
        if matches!(
            last,
            '.' | ','
                | ':'
                | ';'
                | '!'
                | '?'
                | '*'
                | '_'
                | '~'
                | '\''
                | '"'
                | '”'
                | '’'
                | '»'
                | '›'
        ) {
            end -= last.len_utf8();
            continue;
        }
        if last == ')' && u.matches(')').count() > u.matches('(').count() {
            end -= 1;
            continue;
        }
        return end;
    }
}

/// Starts of URLs in `s`: `http://`, `https://` or `www.` at the start of a
/// word.
fn url_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices().filter_map(move |(i, c)| {
        if !matches!(c, 'h' | 'H' | 'w' | 'W') {
            return None;
        }
        let before = s[..i].chars().next_back();
        if before.is_some_and(|b| b.is_alphanumeric() || matches!(b, '/' | '@' | '.' | '-' | '_')) {
            return None;
        }
        let rest = &s[i..];
        let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
        let ok = lower.starts_with("https://")
            || lower.starts_with("http://")
            || (lower.starts_with("www.")
                && rest[4..].chars().next().is_some_and(char::is_alphanumeric));
        ok.then_some(i)
    })
}

/// Whether offset `i` of `s` lies inside a `{{ ... }}` or `{% ... %}` tag,
/// whose text the generator replaces.
fn inside_template(s: &str, i: usize) -> bool {
    let before = &s[..i];
    let open = before
        .rfind("{{")
        .into_iter()
        .chain(before.rfind("{%"))
        .max();
    match open {
        Some(o) => !before[o..].contains("}}") && !before[o..].contains("%}"),
        None => false,
    }
}

/// Every bare URL of the document's prose (outside links, code, HTML and
/// template tags), cut where GFM autolinks cut it: shared by LK012 and the
/// online link stage (generators that autolink make these real links).
pub(crate) fn bare_urls(doc: &Document) -> Vec<Span> {
    let text = &doc.text;
    let mut out = Vec::new();
    for run in &doc.scan.prose {
        if run.in_link {
            continue;
        }
        let s = doc.slice(run.span);
        let mut skip_to = 0;
        for i in url_starts(s) {
            if i < skip_to {
                continue;
            }
            let start = run.span.start + i;
            if inside_template(s, i) {
                continue;
            }
            // `[x](http://a b)` did not parse: LK002 reports it.
            if text[..start].ends_with("](") || text[..start].ends_with("]: ") {
                continue;
            }
            let len = url_end(&s[i..]);
            skip_to = i + len;
            let url = &s[i..i + len];
            let host = url.split_once("//").map_or(url, |(_, h)| h);
            if !host.contains('.') || host.ends_with('.') {
                continue;
            }
            out.push(Span::new(start, start + len));
        }
    }
    out
}

impl Rule for BareUrl {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for span in bare_urls(doc) {
            let url = doc.slice(span);
            let target = if url.to_ascii_lowercase().starts_with("www.") {
                format!("https://{url}")
            } else {
                url.to_string()
            };
            let mut d = Diagnostic::new(&META, span, format!("`{url}` is not a link"))
                .with_help(format!(
                    "write it as an autolink, `<{target}>`, so that every renderer makes it clickable"
                ))
                .with_url(url);
            // Turning text into a link changes the page: unsafe.
            if !url.contains('>') {
                d = d.with_fix(Fix::unsafe_(span, format!("<{target}>")));
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_url(s: &str) -> &str {
        let i = url_starts(s).next().unwrap();
        &s[i..i + url_end(&s[i..])]
    }

    #[test]
    fn sentence_punctuation_is_left_out() {
        assert_eq!(
            first_url("(see https://wiki.example.org/wiki/Saturn_(planet))."),
            "https://wiki.example.org/wiki/Saturn_(planet)"
        );
        assert_eq!(
            first_url("see https://archive.example.org/details/summary."),
            "https://archive.example.org/details/summary"
        );
        assert_eq!(first_url("at www.example.com, then"), "www.example.com");
        assert_eq!(first_url("« https://x.org/a?b=c »"), "https://x.org/a?b=c");
        assert_eq!(first_url("“https://x.org/a”."), "https://x.org/a");
        assert!(inside_template(
            "{% include x.html url=\"https://x.org\" %}",
            26
        ));
        assert!(!inside_template("{{ a }} https://x.org", 8));
        assert!(url_starts("mailto:x@www.example.org").next().is_none());
        assert!(url_starts("nothttp://x").next().is_none());
    }
}
