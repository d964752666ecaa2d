use crate::frontmatter::Value;
use crate::rules::prelude::*;

rule_meta!(
    "FM003",
    "invalid-front-matter",
    FrontMatter,
    Some(Severity::Error),
    false,
    "The front matter is not valid YAML, TOML or JSON."
);

pub struct InvalidFrontMatter;

impl Rule for InvalidFrontMatter {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(fm) = &doc.front_matter else { return };
        for e in fm.hard_errors() {
            let mut d = Diagnostic::new(
                &META,
                e.span,
                format!("invalid {} front matter: {}", fm.format.name(), e.message),
            );
            if let Some(h) = &e.hint {
                d = d.with_help(h.clone());
            }
            out.push(d);
        }
        if let Some(root) = &fm.root
            && fm.hard_errors().next().is_none()
            && !matches!(root.value, Value::Map(_))
        {
            out.push(
                Diagnostic::new(
                    &META,
                    root.span,
                    format!(
                        "the front matter is a {}, not a set of fields",
                        root.value.type_name()
                    ),
                )
                .with_help("write one `key: value` per line"),
            );
        }
    }
}
