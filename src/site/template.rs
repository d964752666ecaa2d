//! Link destinations written with template syntax, which the generator
//! turns into a URL at build time: Liquid (`{{ '/x/' | relative_url }}`,
//! `{{ site.baseurl }}/x/`, `{% link x.md %}`, `{% post_url name %}`) and
//! Hugo shortcodes (`{{< ref "x.md" >}}`, `{{% relref "x" %}}`).
//!
//! The forms whose target can be read are resolved; anything else (a
//! variable, a filter chain) is left alone — never reported.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::links::is_template;

/// What a template destination points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateTarget {
    /// A URL or path, to resolve like a plain destination.
    Url(String),
    /// Jekyll `{% link path %}`: a file relative to the site root.
    SiteFile(String),
    /// Jekyll `{% post_url name %}`: a post by its file name.
    Post(String),
    /// Hugo `ref` / `relref`: a content path, maybe with `#fragment`.
    HugoRef(String),
    /// Template syntax we cannot read: skipped.
    Opaque,
}

static RELATIVE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^\{\{-?\s*(?:'([^'{}]*)'|"([^"{}]*)")\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.(?:baseurl|url))\s*-?\}\}(.*)$"#,
    )
    .expect("valid regex")
});

static SITE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\})+(.*)$").expect("valid regex")
});

static LIQUID_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\{%-?\s*(link|post_url)\s+([^\s%{}]+)\s*-?%\}(.*)$").expect("valid regex")
});

static HUGO_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^\{\{([<%])\s*(?:rel)?ref\s+(?:\.\s+)?(?:"([^"]*)"|`([^`]*)`|([^\s"`>%]+))\s*[>%]\}\}(.*)$"#,
    )
    .expect("valid regex")
});

/// Reads a destination holding template syntax.
pub fn parse(dest: &str) -> TemplateTarget {
    let dest = dest.trim();
    if let Some(c) = RELATIVE_URL.captures(dest) {
        let lit = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
        let rest = c.get(3).map_or("", |m| m.as_str());
        // `relative_url` puts the base URL and a `/` before a relative path.
        let slash = if lit.starts_with('/') { "" } else { "/" };
        return url_or_opaque(format!("{slash}{lit}{rest}"));
    }
    if let Some(c) = SITE_PREFIX.captures(dest) {
        let rest = c.get(1).map_or("", |m| m.as_str());
        if rest.is_empty() {
            return TemplateTarget::Url("/".into());
        }
        return url_or_opaque(if rest.starts_with('/') {
            rest.to_string()
        } else {
            format!("/{rest}")
        });
    }
    if let Some(c) = LIQUID_TAG.captures(dest) {
        let arg = c.get(2).map_or("", |m| m.as_str()).to_string();
        let rest = c.get(3).map_or("", |m| m.as_str());
        if is_template(rest) {
            return TemplateTarget::Opaque;
        }
        return match c.get(1).map(|m| m.as_str()) {
            Some("link") => TemplateTarget::SiteFile(format!("{arg}{rest}")),
            _ => TemplateTarget::Post(arg),
        };
    }
    if let Some(c) = HUGO_REF.captures(dest) {
        let arg = c
            .get(2)
            .or_else(|| c.get(3))
            .or_else(|| c.get(4))
            .map_or("", |m| m.as_str());
        let rest = c.get(5).map_or("", |m| m.as_str());
        if is_template(arg) || is_template(rest) {
            return TemplateTarget::Opaque;
        }
        return TemplateTarget::HugoRef(format!("{arg}{rest}"));
    }
    TemplateTarget::Opaque
}

fn url_or_opaque(s: String) -> TemplateTarget {
    if is_template(&s) || s.contains(char::is_whitespace) {
        TemplateTarget::Opaque
    } else {
        TemplateTarget::Url(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn liquid() {
        assert_eq!(
            parse("{{ '/docs/x/' | relative_url }}#top"),
            TemplateTarget::Url("/docs/x/#top".into())
        );
        assert_eq!(
            parse("{{ 'docs/x/' | relative_url }}"),
            TemplateTarget::Url("/docs/x/".into())
        );
        assert_eq!(
            parse("{{site.baseurl}}/docs/x/"),
            TemplateTarget::Url("/docs/x/".into())
        );
        assert_eq!(
            parse("{{ site.url }}{{ site.baseurl }}/a"),
            TemplateTarget::Url("/a".into())
        );
        assert_eq!(
            parse("{% link _docs/history.md %}"),
            TemplateTarget::SiteFile("_docs/history.md".into())
        );
        assert_eq!(
            parse("{% post_url 2010-07-21-name %}"),
            TemplateTarget::Post("2010-07-21-name".into())
        );
        assert_eq!(
            parse("{{ site.repository }}/issues/1"),
            TemplateTarget::Opaque
        );
        assert_eq!(
            parse("{{ page.url | relative_url }}"),
            TemplateTarget::Opaque
        );
        assert_eq!(parse("{% post_url {{ x }} %}"), TemplateTarget::Opaque);
    }

    #[test]
    fn hugo() {
        assert_eq!(
            parse(r#"{{% ref "/1/advanced/dtabs.md" %}}"#),
            TemplateTarget::HugoRef("/1/advanced/dtabs.md".into())
        );
        assert_eq!(
            parse(r#"{{< relref "../reference" >}}#x"#),
            TemplateTarget::HugoRef("../reference#x".into())
        );
        assert_eq!(
            parse(r#"{{< ref "x.md#a">}}"#),
            TemplateTarget::HugoRef("x.md#a".into())
        );
        assert_eq!(
            parse(r#"{{% linkerdconfig "telemetry" %}}"#),
            TemplateTarget::Opaque
        );
    }
}
