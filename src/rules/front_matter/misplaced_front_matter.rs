use crate::frontmatter::Placement;
use crate::rules::prelude::*;

rule_meta!(
    "FM015",
    "misplaced-front-matter",
    FrontMatter,
    Some(Severity::Error),
    true,
    "A front-matter block that does not start on the first line."
);

pub struct MisplacedFrontMatter;

impl Rule for MisplacedFrontMatter {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(fm) = &doc.front_matter else { return };
        let Placement::AfterBlankLines { blank } = fm.placement else {
            return;
        };
        let n = doc.position(fm.open_fence.start).line - doc.position(blank.start).line;
        out.push(
            Diagnostic::new(
                &META,
                fm.open_fence,
                "front matter must start on the very first line; site generators ignore this block",
            )
            .with_help(format!(
                "remove the {n} blank line{} above it",
                if n == 1 { "" } else { "s" }
            ))
            .with_fix(Fix::unsafe_(blank, "")),
        );
    }
}
