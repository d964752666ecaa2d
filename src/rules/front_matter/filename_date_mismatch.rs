use super::parsed_root;
use crate::frontmatter::Value;
use crate::frontmatter::dates::{ParsedDate, parse_date};
use crate::rules::prelude::*;
use jiff::tz::TimeZone;

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

/// The day a date falls on in the site's time zone: a datetime with an
/// offset is moved to the zone (`2020-03-31T23:30:00Z` is April 1 in Paris);
/// a date, or a datetime without offset, is already the site's local time.
pub(crate) fn day_in_zone(date: &ParsedDate, tz: &TimeZone) -> jiff::civil::Date {
    let (Some((h, mi, sec)), Some(offset)) = (date.time, date.offset_minutes) else {
        return date.date;
    };
    let civil = date.date.at(h, mi, sec.min(59), 0);
    let Ok(offset) = jiff::tz::Offset::from_seconds(offset * 60) else {
        return date.date;
    };
    match offset.to_timestamp(civil) {
        Ok(ts) => tz.to_datetime(ts).date(),
        Err(_) => date.date,
    }
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
        let (day, zone) = match &ctx.config.timezone {
            Some(tz) => (day_in_zone(&date, tz), tz.iana_name()),
            None => (date.date, None),
        };
        let written = (day.year() as i32, day.month() as i32, day.day() as i32);
        if written != (y, m, d) {
            let shifted = day != date.date;
            let what = match zone {
                Some(_) if shifted => format!("`date` {} falls on", s.trim()),
                _ => "`date` is".to_string(),
            };
            let place = match zone {
                Some(z) if shifted => format!(" in {z}"),
                _ => String::new(),
            };
            out.push(
                Diagnostic::new(
                    &META,
                    entry.value.span,
                    format!(
                        "{what} {:04}-{:02}-{:02}{place} but the file name says {y:04}-{m:02}-{d:02}",
                        written.0, written.1, written.2
                    ),
                )
                .with_help("generators date the post (and build its URL) from `date`, so it does not sit where its file name says: make them agree"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn late_evening_utc_is_next_day_in_paris() {
        let paris = TimeZone::get("Europe/Paris").unwrap();
        let d = parse_date("2020-03-31T23:30:00Z").unwrap();
        assert_eq!(day_in_zone(&d, &paris), jiff::civil::date(2020, 4, 1));
        let d = parse_date("2020-03-31T21:30:00Z").unwrap();
        assert_eq!(day_in_zone(&d, &paris), jiff::civil::date(2020, 3, 31));
        // No offset: already local time.
        let d = parse_date("2020-03-31 23:30:00").unwrap();
        assert_eq!(day_in_zone(&d, &paris), jiff::civil::date(2020, 3, 31));
        let ny = TimeZone::get("America/New_York").unwrap();
        let d = parse_date("2020-04-01T02:00:00+02:00").unwrap();
        assert_eq!(day_in_zone(&d, &ny), jiff::civil::date(2020, 3, 31));
    }
}
