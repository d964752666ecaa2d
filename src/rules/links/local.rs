//! What the offline link rules (LK005–LK008) share: reference labels as
//! CommonMark compares them, where a definition's destination is written,
//! and the links a Markdown parser cannot see because template syntax (with
//! spaces) fills their destination — `[x]({{ '/a/' | relative_url }})`,
//! `[x]: {% post_url 2020-01-01-x %}` — which site generators expand before
//! the Markdown is read.

use std::sync::LazyLock;

use regex::Regex;

use super::is_template;
use crate::document::{Document, Span};
use crate::markdown::{BlockKind, Definition};

/// A reference label as CommonMark matches it: case-folded, inner
/// whitespace collapsed, trimmed.
pub(crate) fn normalize_label(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for word in label.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The destination of a definition as written in `[label]: dest "title"`.
pub(crate) fn definition_dest_span(doc: &Document, def: &Definition) -> Span {
    let src = doc.slice(def.span);
    let Some(colon) = src.find("]:") else {
        return def.span;
    };
    let after = &src[colon + 2..];
    let lead = after.len() - after.trim_start().len();
    let start = colon + 2 + lead;
    let rest = &src[start..];
    let len = if let Some(inner) = rest.strip_prefix('<') {
        inner.find('>').map_or(rest.len(), |i| i + 2)
    } else {
        rest.find(char::is_whitespace).unwrap_or(rest.len())
    };
    Span::new(def.span.start + start, def.span.start + start + len)
}

/// A link or definition whose destination is template syntax the Markdown
/// parser did not read as a link.
#[derive(Debug, Clone)]
pub(crate) struct TemplateLink {
    /// The destination.
    pub span: Span,
    pub dest: String,
    /// `Some(label)` for a definition line `[label]: {{ ... }}`.
    pub label: Option<String>,
}

static TEMPLATE_DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^ {0,3}\[[^\]\n]+\]:[ \t]*\{[{%]").expect("valid regex"));

/// A line that looks like a definition: `[label]: dest "title"`.
static DEFINITION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^ {0,3}\[([^\]\n]+)\]:[ \t]*(\S[^\n]*?)[ \t]*\r?$").expect("valid regex")
});

static TEMPLATE_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{.*?\}\}|\{%.*?%\}").expect("valid regex"));

/// From `at` (just after `(`), the end of a destination made of template
/// tags and text: the `)` that closes it, skipping over `{{ ... }}` and
/// `{% ... %}`. `None` past a blank line.
fn template_dest_end(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = at;
    while i < b.len() {
        if b[i] == b'{' && matches!(b.get(i + 1), Some(b'{') | Some(b'%')) {
            let close = if b[i + 1] == b'{' { "}}" } else { "%}" };
            let end = text[i + 2..].find(close)?;
            if text[i..i + 2 + end].contains("\n\n") {
                return None;
            }
            i += 2 + end + 2;
            continue;
        }
        match b[i] {
            b')' => return Some(i),
            b'\n' if text[i..].starts_with("\n\n") || text[i..].starts_with("\n\r\n") => {
                return None;
            }
            _ => i += 1,
        }
    }
    None
}

/// Every template link the parser left as text, in order.
pub(crate) fn template_links(doc: &Document) -> Vec<TemplateLink> {
    let text = &doc.text;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for run in &doc.scan.prose {
        if run.in_link {
            continue;
        }
        let s = doc.slice(run.span);
        let mut from = 0;
        while let Some(i) = s[from..].find("](") {
            let open = run.span.start + from + i + 1;
            from += i + 2;
            let start = open + 1;
            let lead = text[start..].len() - text[start..].trim_start().len();
            let dest_start = start + lead;
            if !text[dest_start..].starts_with("{{") && !text[dest_start..].starts_with("{%") {
                continue;
            }
            let Some(end) = template_dest_end(text, dest_start) else {
                continue;
            };
            if !seen.insert(dest_start) {
                continue;
            }
            let dest = text[dest_start..end].trim_end();
            out.push(TemplateLink {
                span: Span::new(dest_start, dest_start + dest.len()),
                dest: dest.to_string(),
                label: None,
            });
        }
    }
    // A definition line whose destination is a template is not one for a
    // CommonMark parser, so it starts a paragraph, and the definition lines
    // after it become text too; kramdown reads every one of them.
    for p in &doc.scan.paragraphs {
        if p.kind != BlockKind::Paragraph {
            continue;
        }
        let src = doc.slice(p.span);
        if !src.contains("]:") || !TEMPLATE_DEFINITION.is_match(src) {
            continue;
        }
        for c in DEFINITION_LINE.captures_iter(src) {
            let (Some(label), Some(rest)) = (c.get(1), c.get(2)) else {
                continue;
            };
            let r = rest.as_str();
            let len = if r.starts_with("{{") || r.starts_with("{%") {
                r.len()
            } else if let Some(inner) = r.strip_prefix('<') {
                inner.find('>').map_or(r.len(), |i| i + 2)
            } else {
                r.find(char::is_whitespace).unwrap_or(r.len())
            };
            let start = p.span.start + rest.start();
            out.push(TemplateLink {
                span: Span::new(start, start + len),
                dest: r[..len]
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string(),
                label: Some(label.as_str().to_string()),
            });
        }
    }
    out.sort_by_key(|t| t.span);
    out
}

/// Labels defined by definition lines the parser could not see: exact
/// labels, and labels written with template syntax (`[#{{ issue }}]` in a
/// Liquid loop), which define every label of their shape.
#[derive(Debug, Default)]
pub(crate) struct TextLabels {
    exact: Vec<String>,
    shapes: Vec<Regex>,
}

impl TextLabels {
    pub(crate) fn of(doc: &Document) -> TextLabels {
        let mut t = TextLabels::default();
        for label in template_links(doc).into_iter().filter_map(|l| l.label) {
            let norm = normalize_label(&label);
            if !is_template(&norm) {
                t.exact.push(norm);
                continue;
            }
            let mut pattern = String::from("^");
            let mut last = 0;
            for m in TEMPLATE_TAG.find_iter(&norm) {
                pattern.push_str(&regex::escape(&norm[last..m.start()]));
                pattern.push_str(".+");
                last = m.end();
            }
            pattern.push_str(&regex::escape(&norm[last..]));
            pattern.push('$');
            if let Ok(r) = Regex::new(&pattern) {
                t.shapes.push(r);
            }
        }
        t
    }

    /// Whether `label` (normalised) is defined by one of these lines.
    pub(crate) fn defines(&self, label: &str) -> bool {
        self.exact.iter().any(|l| l == label) || self.shapes.iter().any(|r| r.is_match(label))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn doc(t: &str) -> Document {
        Document::from_text(
            Path::new("a.md"),
            t.to_string(),
            crate::document::Encoding::Utf8,
        )
    }

    #[test]
    fn labels() {
        assert_eq!(normalize_label("  Foo \n Bar "), "foo bar");
        assert_eq!(normalize_label("ÉTÉ"), "été");
    }

    #[test]
    fn finds_template_links() {
        let d = doc(
            "See [x]({{ '/docs/a/' | relative_url }}) and [y](\n{{% ref \"b.md\" %}}).\n\n[z]: {% post_url 2020-01-01-z %}\n",
        );
        let t = template_links(&d);
        let dests: Vec<&str> = t.iter().map(|t| t.dest.as_str()).collect();
        assert_eq!(
            dests,
            vec![
                "{{ '/docs/a/' | relative_url }}",
                "{{% ref \"b.md\" %}}",
                "{% post_url 2020-01-01-z %}"
            ]
        );
        assert_eq!(d.slice(t[0].span), t[0].dest);
        assert_eq!(t[2].label.as_deref(), Some("z"));
        let labels = TextLabels::of(&d);
        assert!(labels.defines("z"));
        assert!(!labels.defines("y"));
    }

    #[test]
    fn definitions_after_a_template_definition() {
        let d = doc(
            "x\n\n[1]: https://a.org\n[#{{ i }}]: {{ site.repository }}/issues/{{ i }}\n[3]: <https://b.org> \"t\"\n",
        );
        let t = template_links(&d);
        let dests: Vec<&str> = t.iter().map(|t| t.dest.as_str()).collect();
        assert_eq!(
            dests,
            vec!["{{ site.repository }}/issues/{{ i }}", "https://b.org"]
        );
        let labels = TextLabels::of(&d);
        assert!(labels.defines("3"));
        assert!(labels.defines("#1037"));
        assert!(!labels.defines("1037"));
    }

    #[test]
    fn definition_dest() {
        let d = doc("[a]: <b c.md> \"t\"\n[x]: y.md 'z'\n\n[a] [x]\n");
        let spans: Vec<&str> = d
            .scan
            .definitions
            .iter()
            .map(|def| d.slice(definition_dest_span(&d, def)))
            .collect();
        assert_eq!(spans, vec!["<b c.md>", "y.md"]);
    }
}
