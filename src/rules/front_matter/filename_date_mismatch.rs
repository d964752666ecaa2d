use super::parsed_root;
use crate::frontmatter::Value;
use crate::frontmatter::dates::parse_date;
use crate::rules::prelude::*;

rule_meta!(
    "FM012",
    "filename-date-mismatch",
    FrontMatter,
    Some(Severity::Warning),
    false,
    "The date in a `YYYY-MM-DD-slug.md` file name differs from `date`."
);

pub struct FilenameDateMismatch;

/// The `YYYY-MM-DD` prefix of a file name, if it has one.
pub(crate) fn filename_date(name: &str) -> Option<(i32, i32, i32)> {
    let mut parts = name.splitn(4, '-');
    let y = parts.next()?;
    let m = parts.next()?;
    let d = parts.next()?;
    parts.next()?;
    if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
}

impl Rule for FilenameDateMismatch {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if !ctx.config.filename_date {
            return;
        }
        let Some((_, root)) = parsed_root(doc) else {
            return;
        };
        let Some(name) = doc.path.file_name().and_then(|n| n.to_str()) else {
            return;
        };
        let Some((y, m, d)) = filename_date(name) else {
            return;
        };
        let Some(entry) = root.get("date") else {
            return;
        };
        let (Value::String(s) | Value::Timestamp(s)) = &entry.value.value else {
            return;
        };
        let Ok(date) = parse_date(s) else { return };
        let written = (
            date.date.year() as i32,
            date.date.month() as i32,
            date.date.day() as i32,
        );
        if written != (y, m, d) {
            out.push(
                Diagnostic::new(
                    &META,
                    entry.value.span,
                    format!(
                        "`date` is {:04}-{:02}-{:02} but the file name says {y:04}-{m:02}-{d:02}",
                        written.0, written.1, written.2
                    ),
                )
                .with_help("generators date the post (and build its URL) from `date`, so it does not sit where its file name says: make them agree"),
            );
        }
    }
}
