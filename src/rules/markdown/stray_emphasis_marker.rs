use crate::rules::prelude::*;

rule_meta!(
    "MK005",
    "stray-emphasis-marker",
    Markdown,
    Some(Severity::Warning),
    false,
    "`**` or `__` left as literal text: emphasis that did not close."
);

pub struct StrayEmphasisMarker;

impl Rule for StrayEmphasisMarker {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for run in &doc.scan.prose {
            let s = doc.slice(run.span);
            if crate::rules::links::is_template(s) {
                continue;
            }
            let b = s.as_bytes();
            // A line of only markers is a thematic break or table art.
            let only_markers = s
                .trim()
                .bytes()
                .all(|x| x == b'*' || x == b'_' || x == b' ');
            let mut i = 0;
            while i + 1 < b.len() {
                let c = b[i];
                if (c == b'*' || c == b'_') && b[i + 1] == c {
                    let mut j = i + 2;
                    while j < b.len() && b[j] == c {
                        j += 1;
                    }
                    let prev = s[..i].chars().next_back();
                    let next = s[j..].chars().next();
                    let digits = prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit());
                    // `__` inside identifiers (snake__case) is not emphasis.
                    let underscore_in_word = c == b'_' && prev.is_some_and(|p| p.is_alphanumeric());
                    if !digits && !underscore_in_word && !only_markers {
                        let marker = &s[i..j];
                        let span = Span::new(run.span.start + i, run.span.start + j);
                        out.push(
                            Diagnostic::new(&META, span, format!("stray `{marker}`: this emphasis did not open or close"))
                                .with_help("emphasis markers must touch the text: `**bold**`, not `** bold**`; escape them (`\\*\\*`) to show them"),
                        );
                    }
                    i = j;
                    continue;
                }
                i += 1;
            }
        }
    }
}
