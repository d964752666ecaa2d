use crate::rules::prelude::*;

rule_meta!(
    "FM001",
    "missing-front-matter",
    FrontMatter,
    Some(Severity::Error),
    false,
    "The file has no front matter although the config requires it."
);

pub struct MissingFrontMatter;

impl Rule for MissingFrontMatter {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if doc.front_matter.is_some() || !ctx.config.require_front_matter {
            return;
        }
        let start = if doc.bom { 3 } else { 0 };
        let (s, e) = doc.lines.line_span(&doc.text, 0);
        let span = Span::new(start.min(e), e.max(s));
        let mut d = Diagnostic::new(&META, span, "the file has no front matter");
        if !ctx.config.required.is_empty() {
            d = d.with_help(format!(
                "start the file with a `---` block holding {}",
                ctx.config
                    .required
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        out.push(d);
    }
}
