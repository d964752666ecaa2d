use crate::rules::prelude::*;

rule_meta!(
    "FM002",
    "unclosed-front-matter",
    FrontMatter,
    Some(Severity::Error),
    true,
    "A front-matter block is opened but never closed."
);

pub struct UnclosedFrontMatter;

impl Rule for UnclosedFrontMatter {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(fm) = &doc.front_matter else { return };
        if fm.is_closed() {
            return;
        }
        let fence = if doc.slice(fm.open_fence).starts_with("---") {
            "---" // also Eleventy's `---json`, `---js`...
        } else {
            match fm.format {
                crate::frontmatter::Format::Toml => "+++",
                crate::frontmatter::Format::Json => "}",
                crate::frontmatter::Format::Yaml | crate::frontmatter::Format::JavaScript => "---",
            }
        };
        let mut d = Diagnostic::new(
            &META,
            fm.open_fence,
            format!("the front matter opened here is never closed with `{fence}`"),
        );
        match fm.near_miss_fence {
            Some(near) => {
                let line = doc.position(near.start).line;
                d = d
                    .with_help(format!(
                        "line {line} (`{}`) looks like a mistyped closing fence: write `{fence}`",
                        doc.slice(near)
                    ))
                    .with_fix(Fix::unsafe_(near, fence));
            }
            None => {
                d = d.with_help(format!(
                    "add a `{fence}` line after the last field; generators treat the whole file as text until then"
                ));
            }
        }
        out.push(d);
    }
}
