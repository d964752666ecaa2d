use super::written_dest;
use crate::markdown::LinkKind;
use crate::rules::prelude::*;

rule_meta!(
    "LK004",
    "link-text-whitespace",
    Links,
    Some(Severity::Warning),
    true,
    "Link text that starts or ends with whitespace."
);

pub struct LinkTextWhitespace;

/// Emphasis, strike-through and code delimiters: a space put next to one
/// can stop it from opening or closing, so no automatic fix is offered.
fn is_delimiter(c: char) -> bool {
    matches!(c, '*' | '_' | '~' | '`')
}

/// After the link, `c` needs a space before it when the space moves out:
/// yes before a word or an opening bracket or quote, no before the
/// sentence's punctuation or existing whitespace.
fn needs_space_after(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        !(c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '»' | '”' | '’' | '…'
            ))
    })
}

/// Before the link, `c` needs a space after it: yes after a word, a closing
/// bracket (another link) or punctuation, no after whitespace or an opening
/// bracket or quote.
fn needs_space_before(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        !(c.is_whitespace() || matches!(c, '(' | '[' | '{' | '«' | '“' | '‘' | '"' | '\'' | '/'))
    })
}

impl Rule for LinkTextWhitespace {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = &doc.text;
        for link in &doc.scan.links {
            if link.image
                || !link.has_content
                || matches!(link.kind, LinkKind::Autolink | LinkKind::Email)
            {
                continue;
            }
            let inner = doc.slice(link.text_span);
            let ws = |c: char| c == ' ' || c == '\t';
            let lead = inner.len() - inner.trim_start_matches(ws).len();
            let trail = inner.len() - inner.trim_end_matches(ws).len();
            if lead == 0 && trail == 0 {
                continue;
            }
            let which = match (lead > 0, trail > 0) {
                (true, true) => "starts and ends",
                (true, false) => "starts",
                _ => "ends",
            };
            // Move the whitespace outside the link where a space belongs
            // (next to a word), so words are never glued ("MedNumet"); at a
            // line's start or end, before punctuation or beside existing
            // whitespace it would do nothing, and is dropped.
            let before = text[..link.span.start].chars().next_back();
            let after = text[link.span.end..].chars().next();
            let mut replacement = String::new();
            if lead > 0 && needs_space_before(before) {
                replacement.push(' ');
            }
            replacement.push_str(&text[link.span.start..link.text_span.start]);
            replacement.push_str(inner.trim_matches(ws));
            replacement.push_str(&text[link.text_span.end..link.span.end]);
            if trail > 0 && needs_space_after(after) {
                replacement.push(' ');
            }
            // Next to `**` or `` ` `` the space would have to go past the
            // delimiter, which only a person can judge.
            let fixable = !(lead > 0 && before.is_some_and(is_delimiter)
                || trail > 0 && after.is_some_and(is_delimiter));
            let label = inner.trim_matches(ws);
            let d = Diagnostic::new(
                &META,
                link.text_span,
                format!("link text `{label}` {which} with whitespace"),
            )
            .with_help("move the space outside the brackets")
            .with_url(written_dest(doc, link));
            out.push(if fixable {
                d.with_fix(Fix::safe(link.span, replacement))
            } else {
                d
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LoadedConfig;
    use std::path::Path;

    /// The text after applying the LK004 fixes, or `None` without a fix.
    fn fixed(body: &str) -> Option<String> {
        let doc = Document::from_text(
            Path::new("a.md"),
            body.to_string(),
            crate::document::Encoding::Utf8,
        );
        let cfg = LoadedConfig::defaults(Path::new(".")).for_file(Path::new("a.md"));
        let mut out = Vec::new();
        LinkTextWhitespace.check(&doc, &Context { config: &cfg }, &mut out);
        assert!(!out.is_empty(), "no LK004 in {body:?}");
        let fixes: Vec<&Fix> = out.iter().filter_map(|d| d.fix.as_ref()).collect();
        if fixes.is_empty() {
            return None;
        }
        let mut t = body.to_string();
        for f in fixes.iter().rev() {
            t.replace_range(f.span.range(), &f.replacement);
        }
        Some(t)
    }

    #[test]
    fn spaces_move_out_and_never_glue_words() {
        let cases = [
            ("[La MedNum ](u)et", "[La MedNum](u) et"),
            ("[ici ](u).", "[ici](u)."),
            ("[a ](u) b", "[a](u) b"),
            ("[a](u)[ b](u)", "[a](u) [b](u)"),
            ("fin.[ Suite](u)", "fin. [Suite](u)"),
            ("mot[ lien ](u)mot", "mot [lien](u) mot"),
            ("([ lien](u))", "([lien](u))"),
            ("[lien ](u)(note)", "[lien](u) (note)"),
            ("« [lien ](u) »", "« [lien](u) »"),
        ];
        for (before, after) in cases {
            assert_eq!(fixed(before).as_deref(), Some(after), "{before}");
        }
    }

    #[test]
    fn no_fix_next_to_emphasis_delimiters() {
        assert_eq!(fixed("**[gras ](u)**suite"), None);
        assert_eq!(fixed("mot**[ gras](u)**"), None);
        assert_eq!(fixed("`a`[ b](u)"), None);
    }
}
