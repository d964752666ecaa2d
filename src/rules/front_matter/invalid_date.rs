use super::{dotted, parsed_root, walk};
use crate::config::FieldType;
use crate::frontmatter::Value;
use crate::frontmatter::dates::{DateError, parse_date, parse_with_format, wrong_weekday};
use crate::rules::prelude::*;

rule_meta!(
    "FM007",
    "invalid-date",
    FrontMatter,
    Some(Severity::Error),
    false,
    "A date that does not parse or does not exist."
);

pub struct InvalidDate;

/// Fields read as dates by site generators even without any config.
const DATE_FIELDS: [&str; 6] = [
    "date",
    "lastmod",
    "publishDate",
    "expiryDate",
    "updated",
    "last_modified_at",
];

/// Words Eleventy accepts as `date` (the file's creation or modification
/// time, from the file system or git).
const ELEVENTY_DATES: [&str; 4] = [
    "Last Modified",
    "Created",
    "git Last Modified",
    "git Created",
];

const FORMATS_HELP: &str =
    "write YYYY-MM-DD (2020-03-31) or a datetime such as 2020-03-31T10:00:00+02:00";

impl Rule for InvalidDate {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some((_, root)) = parsed_root(doc) else {
            return;
        };
        // Declared date fields and the usual ones: strings must read as dates.
        // Where the values checked here are written, so the walk below
        // skips them in constant time (a list would cost nodes × date
        // fields); by place, since a merge key (`<<: *base`) copies a value
        // that the walk also meets under its anchor.
        let mut checked: std::collections::HashSet<(usize, usize)> =
            std::collections::HashSet::new();
        for entry in root.entries() {
            let field = ctx.config.fields.get(&entry.key);
            let declared = field.is_some_and(|f| {
                f.types
                    .iter()
                    .any(|t| matches!(t, FieldType::Date | FieldType::Datetime))
            });
            let usual = field.is_none_or(|f| f.types.is_empty())
                && DATE_FIELDS.contains(&entry.key.as_str());
            if !declared && !usual {
                continue;
            }
            checked.insert((entry.value.span.start, entry.value.span.end));
            let (Value::String(s) | Value::Timestamp(s)) = &entry.value.value else {
                continue;
            };
            if s.trim().is_empty() || (entry.key == "date" && ELEVENTY_DATES.contains(&s.trim())) {
                continue;
            }
            let format = field.and_then(|f| f.spec.format.as_deref());
            // Declared as a datetime only: a bare date lacks the time.
            let needs_time = field.is_some_and(|f| {
                f.types.contains(&FieldType::Datetime) && !f.types.contains(&FieldType::Date)
            });
            let result = match format {
                Some(fmt) => parse_with_format(s, fmt).map(|_| ()),
                None => parse_date(s).and_then(|d| {
                    if let Some(why) = wrong_weekday(s) {
                        return Err(DateError::Impossible(why));
                    }
                    if needs_time && d.time.is_none() {
                        out.push(
                            Diagnostic::new(
                                &META,
                                entry.value.span,
                                format!("`{}`: `{s}` is a date without a time", entry.key),
                            )
                            .with_help(
                                "this field is a datetime: add the time, e.g. 2020-03-31T10:00:00+02:00",
                            ),
                        );
                    }
                    Ok(())
                }),
            };
            if let Err(e) = result {
                out.push(report(&entry.key, s, e, entry.value.span, format));
            }
        }
        // Anywhere else: unquoted YAML timestamps that cannot exist make
        // Ruby and Go loaders fail.
        let mut path = Vec::new();
        walk(root, &mut path, &mut |p, node| {
            if checked.contains(&(node.span.start, node.span.end)) {
                return; // date fields were handled above
            }
            if let Value::Timestamp(s) = &node.value
                && let Err(e @ DateError::Impossible(_)) = parse_date(s)
            {
                out.push(report(&dotted(p), s, e, node.span, None));
            }
        });
    }
}

fn report(key: &str, value: &str, e: DateError, span: Span, format: Option<&str>) -> Diagnostic {
    let message = match &e {
        DateError::Format => format!("`{key}`: `{value}` is not a date"),
        DateError::Impossible(why) => format!("`{key}`: invalid date `{value}`: {why}"),
    };
    let help = match format {
        Some(f) => format!("this field's dates are written as `{f}`"),
        None => FORMATS_HELP.to_string(),
    };
    Diagnostic::new(&META, span, message).with_help(help)
}
