//! When to try again: `Retry-After` parsing and exponential backoff with jitter.
//!
//! Pure functions only (no sleeping here), so the timing rules are unit-tested
//! without a clock.

use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use jiff::Timestamp;
use jiff::fmt::rfc2822::DateTimeParser;
use jiff::fmt::strtime;
use jiff::tz::TimeZone;

/// Parses a `Retry-After` value: delay-seconds or an HTTP-date (RFC 9110: the
/// IMF-fixdate form, plus the obsolete RFC 850 and asctime forms that servers
/// must still be understood in). A date in the past means "now". `None` when the
/// value is neither.
pub fn parse_retry_after(value: &str, now: Timestamp) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // A huge number of seconds saturates: it will exceed any cap anyway.
        return Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)));
    }
    let when = parse_http_date(value)?;
    let millis = when.as_millisecond() - now.as_millisecond();
    Some(Duration::from_millis(u64::try_from(millis).unwrap_or(0)))
}

fn parse_http_date(value: &str) -> Option<Timestamp> {
    static RFC2822: DateTimeParser = DateTimeParser::new();
    if let Ok(ts) = RFC2822.parse_timestamp(value) {
        return Some(ts);
    }
    // RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime
    // ("Sun Nov  6 08:49:37 1994"): both are UTC by definition.
    let squeezed = value.split_whitespace().collect::<Vec<_>>().join(" ");
    ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %d %H:%M:%S %Y"]
        .iter()
        .find_map(|format| {
            let dt = strtime::parse(format, &squeezed).ok()?.to_datetime().ok()?;
            TimeZone::UTC.to_timestamp(dt).ok()
        })
}

/// Wait before retry number `attempt` (0 for the first retry): `base × 2^attempt`,
/// scaled by a random factor in [0.5, 1.0) so that many clients (or many URLs of
/// one client) that failed together do not come back together.
pub fn backoff(base: Duration, attempt: u32) -> Duration {
    let full = base.saturating_mul(1u32 << attempt.min(16));
    full.mul_f64(0.5 + 0.5 * unit_random())
}

/// A value in [0, 1) that differs from call to call. Jitter needs no quality
/// randomness, only spread: std's randomly keyed hasher over a counter gives it
/// without a dependency.
fn unit_random() -> f64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    thread_local! {
        static KEYS: RandomState = RandomState::new();
    }
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let bits = KEYS.with(|k| k.hash_one(n));
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(text: &str) -> Timestamp {
        text.parse().expect("timestamp")
    }

    #[test]
    fn retry_after_seconds() {
        let now = ts("2024-01-01T00:00:00Z");
        assert_eq!(parse_retry_after("1", now), Some(Duration::from_secs(1)));
        assert_eq!(
            parse_retry_after(" 120 ", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(parse_retry_after("0", now), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after("99999999999999999999999", now),
            Some(Duration::from_secs(u64::MAX))
        );
        assert_eq!(parse_retry_after("-1", now), None);
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("", now), None);
    }

    #[test]
    fn retry_after_http_dates() {
        let now = ts("1994-11-06T08:49:30Z");
        let seven = Some(Duration::from_secs(7));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now),
            seven
        );
        assert_eq!(
            parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now),
            seven
        );
        assert_eq!(parse_retry_after("Sun Nov  6 08:49:37 1994", now), seven);
        // In the past: retry at once.
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 25:00:00 GMT", now),
            None
        );
    }

    #[test]
    fn backoff_grows_with_jitter() {
        let base = Duration::from_millis(100);
        for attempt in 0..4 {
            let full = base * (1 << attempt);
            let mut seen = std::collections::HashSet::new();
            for _ in 0..50 {
                let d = backoff(base, attempt);
                assert!(d >= full / 2 && d < full, "{d:?} for attempt {attempt}");
                seen.insert(d);
            }
            assert!(seen.len() > 10, "jitter should spread the waits");
        }
        // Huge attempt numbers saturate instead of overflowing.
        assert!(backoff(Duration::from_secs(1), 1000) > Duration::from_secs(1000));
    }
}
