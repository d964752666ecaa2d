//! The anchors of one page: ids of its headings (as the site's generator
//! makes them), explicit ids (`{#id}`, kramdown's `{: #id}`), and `id` /
//! `name` attributes in its HTML.

use std::collections::{BTreeSet, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::slug::{SlugStyle, Slugger};
use crate::document::Document;
use crate::markdown::BlockKind;
use crate::rules::links::is_template;

#[derive(Debug, Default, Clone)]
pub struct Anchors {
    ids: BTreeSet<String>,
    /// Heading ids in order, for suggestions.
    pub headings: Vec<String>,
    /// Some anchor cannot be known offline (a heading or id written with
    /// template syntax): a missing fragment is then not reported.
    pub uncertain: bool,
}

static HTML_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)<([a-z][a-z0-9-]*)\b[^>]*?\s(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#,
    )
    .expect("valid regex")
});

/// A Hugo shortcode given an id: `{{< warning id=open-relay-warning >}}`.
static SHORTCODE_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{\{[<%]\s*[\w/.-]+\s[^}]*?\b(?:id|anchor)\s*=\s*["'`]?([^\s"'`>%}]+)"#)
        .expect("valid regex")
});

static IAL_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\{:?\s*[^}]*?#([A-Za-z][\w:.-]*)[^}]*\}$").expect("valid regex")
});

/// A heading's text as written, without its `#` marks, closing `#`s and
/// `{#id}` (kramdown's own parser builds ids from this).
fn raw_heading(src: &str) -> &str {
    let first = src.lines().next().unwrap_or("");
    let s = first.trim();
    if !s.starts_with('#') {
        return s; // setext: the text line itself
    }
    let s = s.trim_start_matches('#').trim();
    let s = match s.rfind(" {") {
        Some(i) if s.ends_with('}') => s[..i].trim_end(),
        _ => s,
    };
    s.trim_end_matches('#').trim_end()
}

impl Anchors {
    pub fn of(doc: &Document, style: SlugStyle) -> Anchors {
        let mut a = Anchors::default();
        let mut slugger = Slugger::new(style);
        for h in &doc.scan.headings {
            if let Some(id) = &h.id {
                slugger.reserve(id);
            }
        }
        for h in &doc.scan.headings {
            if let Some(id) = &h.id {
                a.ids.insert(id.clone());
                a.headings.push(id.clone());
                continue;
            }
            let raw = raw_heading(doc.slice(h.span));
            if is_template(&h.text) || is_template(raw) || !super::slug::knowable(style, &h.text) {
                a.uncertain = true;
            }
            let id = slugger.slug(&h.text, raw);
            a.headings.push(id.clone());
            a.ids.insert(id);
        }
        // kramdown block attributes on their own line: `{: #id}`.
        for p in &doc.scan.paragraphs {
            if p.kind == BlockKind::Paragraph
                && p.text.starts_with('{')
                && let Some(c) = IAL_ID.captures(p.text.trim())
                && let Some(m) = c.get(1)
            {
                a.ids.insert(m.as_str().to_string());
            }
        }
        // Shortcodes that render an element with an id.
        let body = doc.body();
        if body.contains("{{") {
            for c in SHORTCODE_ID.captures_iter(body) {
                if let Some(m) = c.get(1) {
                    a.ids.insert(m.as_str().to_string());
                }
            }
        }
        let mut seen_html = HashSet::new();
        for span in &doc.scan.html {
            if !seen_html.insert(span.start) {
                continue;
            }
            for c in HTML_ID.captures_iter(doc.slice(*span)) {
                let tag = c.get(1).map_or("", |m| m.as_str());
                let attr = c.get(2).map_or("", |m| m.as_str());
                if attr.eq_ignore_ascii_case("name") && !tag.eq_ignore_ascii_case("a") {
                    continue;
                }
                let value = c
                    .get(3)
                    .or_else(|| c.get(4))
                    .or_else(|| c.get(5))
                    .map_or("", |m| m.as_str());
                if is_template(value) {
                    a.uncertain = true;
                } else if !value.is_empty() {
                    a.ids.insert(value.to_string());
                }
            }
        }
        a
    }

    /// Whether `fragment` (percent-decoded) names an anchor of the page.
    pub fn contains(&self, fragment: &str, style: SlugStyle) -> bool {
        if self.ids.contains(fragment) {
            return true;
        }
        match style {
            // GitHub prefixes ids with `user-content-` and matches the
            // fragment without regard to case.
            SlugStyle::Github => {
                let f = fragment.strip_prefix("user-content-").unwrap_or(fragment);
                let lower = f.to_lowercase();
                self.ids.contains(f) || self.ids.iter().any(|id| id.to_lowercase() == lower)
            }
            _ => false,
        }
    }

    /// The heading id closest to `fragment`, for a "did you mean".
    pub fn closest(&self, fragment: &str) -> Option<&str> {
        let f = fragment.to_lowercase();
        let mut best: Option<(f64, &str)> = None;
        for id in self.ids.iter() {
            let score = strsim::normalized_levenshtein(&f, &id.to_lowercase());
            if score >= 0.6 && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, id.as_str()));
            }
        }
        best.map(|(_, id)| id)
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn anchors(text: &str, style: SlugStyle) -> Anchors {
        let doc = Document::from_text(
            Path::new("a.md"),
            text.to_string(),
            crate::document::Encoding::Utf8,
        );
        Anchors::of(&doc, style)
    }

    #[test]
    fn headings_ids_and_html() {
        let a = anchors(
            "# Kernel Density Estimator (KDE)\n\n## Étapes\n\n## Étapes\n\n### Own {#mine}\n\n## v4.4.1\n{: #v4-4-1}\n\n<a name=\"old\"></a> <span id='x'>y</span>\n",
            SlugStyle::Github,
        );
        for id in [
            "kernel-density-estimator-kde",
            "étapes",
            "étapes-1",
            "mine",
            "v441",
            "v4-4-1",
            "old",
            "x",
        ] {
            assert!(a.contains(id, SlugStyle::Github), "{id}: {a:?}");
        }
        assert!(a.contains("Kernel-Density-Estimator-KDE", SlugStyle::Github));
        assert!(!a.contains("Kernel-Density-Estimator-KDE", SlugStyle::Hugo));
        assert!(!a.uncertain);
        assert_eq!(a.closest("kernel-density"), None);
        assert_eq!(a.closest("etapes"), Some("étapes"));
    }

    #[test]
    fn kramdown_reads_the_source() {
        let a = anchors(
            "## 1. Café `code` [link](http://x.org) ##\n",
            SlugStyle::Kramdown,
        );
        assert!(
            a.contains("caf-code-linkhttpxorg", SlugStyle::Kramdown),
            "{a:?}"
        );
    }

    #[test]
    fn shortcode_ids() {
        let a = anchors(
            "# T\n\n{{< warning id=open-relay-warning >}}\nx\n{{< /warning >}}\n{{% note anchor=\"n1\" %}}y{{% /note %}}\n",
            SlugStyle::Hugo,
        );
        assert!(a.contains("open-relay-warning", SlugStyle::Hugo), "{a:?}");
        assert!(a.contains("n1", SlugStyle::Hugo), "{a:?}");
    }

    #[test]
    fn templates_make_it_uncertain() {
        assert!(anchors("## {{ page.title }}\n", SlugStyle::Hugo).uncertain);
        assert!(anchors("<h2 id=\"{{ x | slugify }}\">x</h2>\n", SlugStyle::Hugo).uncertain);
    }
}
