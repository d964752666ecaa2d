//! Dates as site generators accept them in front matter.
//!
//! Accepted: `2020-03-31` (also `2017-2-5`), datetimes with `T` or a space,
//! optional seconds and fraction, and a zone written `Z`, `+02:00`, `+0200`,
//! `+02` or `UTC` — including the Ruby style `2013-09-14 20:46:50 -0400` that
//! Jekyll writes — and RFC 2822 (`Tue, 23 Oct 2018 18:37:39 +0000`), which
//! Hugo reads. Impossible dates (`2020-02-30`, month 13) are rejected with a
//! message saying what is wrong.

use jiff::civil::Date;

/// A date (and maybe a time) as written, validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDate {
    pub date: Date,
    /// Hour, minute, second.
    pub time: Option<(i8, i8, i8)>,
    /// Offset from UTC in minutes, when the value says.
    pub offset_minutes: Option<i32>,
}

/// Why a value is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not in any accepted format.
    Format,
    /// In an accepted format, but the date or time does not exist.
    Impossible(String),
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn digits(&mut self, min: usize, max: usize) -> Option<i32> {
        let s = self.i;
        while self.i < self.b.len() && self.i - s < max && self.b[self.i].is_ascii_digit() {
            self.i += 1;
        }
        if self.i - s < min {
            self.i = s;
            return None;
        }
        std::str::from_utf8(&self.b[s..self.i]).ok()?.parse().ok()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn spaces(&mut self) -> usize {
        let s = self.i;
        while self.i < self.b.len() && (self.b[self.i] == b' ' || self.b[self.i] == b'\t') {
            self.i += 1;
        }
        self.i - s
    }
    fn done(&self) -> bool {
        self.i == self.b.len()
    }
    fn rest(&self) -> &[u8] {
        &self.b[self.i..]
    }
}

/// Does a plain YAML scalar read as a timestamp under YAML 1.1 (what Ruby's
/// Psych and Go's yaml.v2 do)? Shape only; impossible dates still match.
pub fn looks_like_yaml_timestamp(s: &str) -> bool {
    let mut c = Cursor {
        b: s.as_bytes(),
        i: 0,
    };
    if c.digits(4, 4).is_none() || !c.eat(b'-') || c.digits(1, 2).is_none() || !c.eat(b'-') {
        return false;
    }
    if c.digits(1, 2).is_none() {
        return false;
    }
    if c.done() {
        return true;
    }
    if !(c.eat(b'T') || c.eat(b't') || c.spaces() > 0) {
        return false;
    }
    if c.digits(1, 2).is_none()
        || !c.eat(b':')
        || c.digits(2, 2).is_none()
        || !c.eat(b':')
        || c.digits(2, 2).is_none()
    {
        return false;
    }
    if c.eat(b'.') {
        while c.digits(1, 1).is_some() {}
    }
    c.spaces();
    if c.done() || (c.eat(b'Z') && c.done()) {
        return true;
    }
    if c.eat(b'+') || c.eat(b'-') {
        if c.digits(1, 2).is_none() {
            return false;
        }
        if c.eat(b':') && c.digits(2, 2).is_none() {
            return false;
        }
        return c.done();
    }
    false
}

/// Parses a front-matter date in any accepted style.
pub fn parse_date(s: &str) -> Result<ParsedDate, DateError> {
    let s = s.trim();
    if s.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && let Some(r) = parse_iso_like(s)
    {
        return r;
    }
    if let Some(r) = parse_rfc2822(s) {
        return r;
    }
    Err(DateError::Format)
}

/// Parses with an explicit strftime-style format from config.
pub fn parse_with_format(s: &str, format: &str) -> Result<ParsedDate, DateError> {
    match Date::strptime(format, s.trim()) {
        Ok(date) => Ok(ParsedDate {
            date,
            time: None,
            offset_minutes: None,
        }),
        Err(e) => {
            let msg = e.to_string();
            if msg.contains("invalid") || msg.contains("range") {
                Err(DateError::Impossible(msg))
            } else {
                Err(DateError::Format)
            }
        }
    }
}

/// Checks a strftime-style date format from config: every directive must
/// exist, and a date written with it must read back as the same date (so
/// the format names the year, month and day).
pub fn check_format(format: &str) -> Result<(), String> {
    let sample = jiff::civil::date(2020, 3, 31);
    // A full time with a zone, so formats that also hold a time or zone
    // (`%d/%m/%Y %H:%M`) are accepted.
    let zoned = sample
        .at(10, 30, 0, 0)
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .map_err(|e| format!("invalid date format `{format}`: {e}"))?;
    let written = jiff::fmt::strtime::format(format, &zoned).map_err(|e| {
        let e = e.to_string();
        let why = e.strip_prefix("strftime formatting failed: ").unwrap_or(&e);
        format!("invalid date format `{format}`: {why}")
    })?;
    match Date::strptime(format, &written) {
        Ok(d) if d == sample => Ok(()),
        _ => Err(format!(
            "invalid date format `{format}`: it must give the year, month and day (e.g. \"%m/%d/%Y\")"
        )),
    }
}

fn make_date(y: i32, m: i32, d: i32) -> Result<Date, DateError> {
    if !(1..=12).contains(&m) {
        return Err(DateError::Impossible(format!("there is no month {m}")));
    }
    let first = Date::new(y as i16, m as i8, 1)
        .map_err(|_| DateError::Impossible(format!("year {y} is out of range")))?;
    let dim = first.days_in_month() as i32;
    if d < 1 || d > dim {
        return Err(DateError::Impossible(format!(
            "{} {y} has {dim} days, so day {d} does not exist",
            MONTHS[(m - 1) as usize]
        )));
    }
    Date::new(y as i16, m as i8, d as i8).map_err(|e| DateError::Impossible(e.to_string()))
}

fn check_time(h: i32, mi: i32, sec: i32) -> Result<(i8, i8, i8), DateError> {
    if h > 23 {
        return Err(DateError::Impossible(format!("hour {h} does not exist")));
    }
    if mi > 59 {
        return Err(DateError::Impossible(format!("minute {mi} does not exist")));
    }
    if sec > 60 {
        return Err(DateError::Impossible(format!(
            "second {sec} does not exist"
        )));
    }
    Ok((h as i8, mi as i8, sec as i8))
}

/// Zone suffix: `Z`, `UTC`, `GMT`, `+HH`, `+HH:MM`, `+HHMM`. Returns minutes.
fn zone(c: &mut Cursor<'_>) -> Option<Result<i32, DateError>> {
    let rest = c.rest();
    if rest == b"Z" || rest == b"z" || rest == b"UTC" || rest == b"GMT" {
        c.i = c.b.len();
        return Some(Ok(0));
    }
    let sign = if c.eat(b'+') {
        1
    } else if c.eat(b'-') {
        -1
    } else {
        return None;
    };
    let start = c.i;
    let hh = c.digits(2, 2)?;
    let mm = if c.eat(b':') {
        c.digits(2, 2)?
    } else if c.done() {
        0
    } else {
        c.digits(2, 2)?
    };
    if c.i == start {
        return None;
    }
    if hh > 18 || mm > 59 {
        return Some(Err(DateError::Impossible(format!(
            "offset {}{hh:02}:{mm:02} does not exist",
            if sign > 0 { '+' } else { '-' }
        ))));
    }
    Some(Ok(sign * (hh * 60 + mm)))
}

fn parse_iso_like(s: &str) -> Option<Result<ParsedDate, DateError>> {
    let mut c = Cursor {
        b: s.as_bytes(),
        i: 0,
    };
    let y = c.digits(4, 4)?;
    if !c.eat(b'-') {
        return None;
    }
    let m = c.digits(1, 2)?;
    if !c.eat(b'-') {
        return None;
    }
    let d = c.digits(1, 2)?;
    if c.done() {
        return Some(make_date(y, m, d).map(|date| ParsedDate {
            date,
            time: None,
            offset_minutes: None,
        }));
    }
    if !(c.eat(b'T') || c.eat(b't') || c.spaces() > 0) {
        return None;
    }
    let h = c.digits(1, 2)?;
    if !c.eat(b':') {
        return None;
    }
    let mi = c.digits(2, 2)?;
    let mut sec = 0;
    if c.eat(b':') {
        sec = c.digits(2, 2)?;
        if c.eat(b'.') {
            c.digits(1, 9)?;
        }
    }
    c.spaces();
    let offset = if c.done() {
        None
    } else {
        match zone(&mut c)? {
            Ok(o) => Some(o),
            Err(e) => return Some(Err(e)),
        }
    };
    if !c.done() {
        return None;
    }
    Some(make_date(y, m, d).and_then(|date| {
        let time = check_time(h, mi, sec)?;
        Ok(ParsedDate {
            date,
            time: Some(time),
            offset_minutes: offset,
        })
    }))
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// An RFC 2822 date whose weekday is not its date's (`Wed, 23 Oct 2018`,
/// a Tuesday): why, in words. Readers such as Go's, which Hugo uses, ignore
/// the weekday and keep the numbers, so `parse_date` accepts such a date
/// (a site still builds it at that date); FM007 reports the contradiction,
/// since one of the two is a slip.
pub fn wrong_weekday(s: &str) -> Option<String> {
    let s = s.trim();
    let (day, _) = s.split_once(',')?;
    let written = WEEKDAYS
        .iter()
        .position(|name| name[..3].eq_ignore_ascii_case(day))?;
    let date = parse_rfc2822(s)?.ok()?.date;
    let actual = date.weekday().to_monday_zero_offset() as usize;
    (actual != written).then(|| {
        format!(
            "{} {} {} is a {}, not a {}",
            date.day(),
            &MONTHS[(date.month() - 1) as usize][..3],
            date.year(),
            WEEKDAYS[actual],
            WEEKDAYS[written]
        )
    })
}

fn parse_rfc2822(s: &str) -> Option<Result<ParsedDate, DateError>> {
    // [Day, ] D Mon YYYY HH:MM[:SS] zone
    let s = match s.split_once(',') {
        Some((day, rest)) if day.len() == 3 && day.chars().all(|c| c.is_ascii_alphabetic()) => {
            // A day name, but whether it is this date's is for
            // `wrong_weekday` to say.
            WEEKDAYS
                .iter()
                .position(|name| name[..3].eq_ignore_ascii_case(day))?;
            rest.trim_start()
        }
        _ => s,
    };
    let mut parts = s.split_ascii_whitespace();
    let d: i32 = parts.next()?.parse().ok()?;
    let mon = parts.next()?;
    let m = MONTHS
        .iter()
        .position(|name| name[..3].eq_ignore_ascii_case(mon))? as i32
        + 1;
    let y: i32 = parts.next()?.parse().ok()?;
    if y < 1000 {
        return None;
    }
    let time = parts.next()?;
    let mut t = time.split(':');
    let h: i32 = t.next()?.parse().ok()?;
    let mi: i32 = t.next()?.parse().ok()?;
    let sec: i32 = match t.next() {
        Some(x) => x.parse().ok()?,
        None => 0,
    };
    let zone_text = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let offset = match zone_text {
        None => None,
        Some(z) => {
            let mut c = Cursor {
                b: z.as_bytes(),
                i: 0,
            };
            match zone(&mut c)? {
                Ok(o) if c.done() => Some(o),
                Ok(_) => return None,
                Err(e) => return Some(Err(e)),
            }
        }
    };
    Some(make_date(y, m, d).and_then(|date| {
        Ok(ParsedDate {
            date,
            time: Some(check_time(h, mi, sec)?),
            offset_minutes: offset,
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> ParsedDate {
        parse_date(s).unwrap_or_else(|e| panic!("{s}: {e:?}"))
    }

    #[test]
    fn accepted_styles() {
        assert_eq!(ok("2020-03-31").date, Date::new(2020, 3, 31).unwrap());
        assert_eq!(ok("2013-09-14 20:46:50 -0400").offset_minutes, Some(-240));
        assert_eq!(ok("2018-09-03T13:12:54.564Z").offset_minutes, Some(0));
        assert_eq!(ok("2010-01-10 13:07:09 +00:00").offset_minutes, Some(0));
        assert_eq!(ok("2015-10-01 01:00:00").offset_minutes, None);
        assert_eq!(ok("2019-02-04T13:12:35.000+00:00").time, Some((13, 12, 35)));
        assert_eq!(
            ok("Tue, 23 Oct 2018 18:37:39 +0000").date,
            Date::new(2018, 10, 23).unwrap()
        );
        assert_eq!(ok("2017-2-5").date, Date::new(2017, 2, 5).unwrap());
    }

    #[test]
    fn rejected() {
        assert_eq!(parse_date("31/03/2020"), Err(DateError::Format));
        assert_eq!(
            parse_date("2023-01-29 18:30:22 2023 -0800"),
            Err(DateError::Format)
        );
        assert_eq!(
            parse_date("2023-13-05"),
            Err(DateError::Impossible("there is no month 13".into()))
        );
        assert!(
            matches!(parse_date("2020-02-30"), Err(DateError::Impossible(m)) if m.contains("February 2020 has 29 days"))
        );
        assert!(matches!(
            parse_date("2021-02-29"),
            Err(DateError::Impossible(_))
        ));
    }

    #[test]
    fn yaml_timestamp_shapes() {
        assert!(looks_like_yaml_timestamp("2020-03-31"));
        assert!(looks_like_yaml_timestamp("2001-12-14t21:59:43.10-05:00"));
        assert!(looks_like_yaml_timestamp("2001-12-14 21:59:43.10 -5"));
        assert!(!looks_like_yaml_timestamp("2013-09-14 20:46:50 -0400"));
        assert!(!looks_like_yaml_timestamp("12/01/2020"));
    }

    #[test]
    fn rfc2822_weekday_must_match() {
        assert_eq!(wrong_weekday("Tue, 23 Oct 2018 18:37:39 +0000"), None);
        assert_eq!(
            wrong_weekday("Wed, 23 Oct 2018 18:37:39 +0000").as_deref(),
            Some("23 Oct 2018 is a Tuesday, not a Wednesday")
        );
        // Read as its numbers say, as Go (Hugo) does.
        assert_eq!(
            ok("Wed, 23 Oct 2018 18:37:39 +0000").date,
            Date::new(2018, 10, 23).unwrap()
        );
        assert_eq!(
            parse_date("Xyz, 23 Oct 2018 18:37:39 +0000"),
            Err(DateError::Format)
        );
    }

    #[test]
    fn format_check() {
        assert!(check_format("%m/%d/%Y").is_ok());
        assert!(check_format("%d %B %Y").is_ok());
        assert!(
            check_format("%Q")
                .unwrap_err()
                .contains("invalid date format `%Q`")
        );
        assert!(check_format("%Y-%m").is_err());
    }

    #[test]
    fn custom_format() {
        assert!(parse_with_format("01/18/2026", "%m/%d/%Y").is_ok());
        assert!(parse_with_format("18/01/2026", "%m/%d/%Y").is_err());
    }
}
