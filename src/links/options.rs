//! Settings of the online link check: the `[links]` table of `frontlint.toml`.
//!
//! This module owns the option names, their defaults and how they are read from
//! TOML (durations such as `"15s"` or `"1d"`, exclude patterns compiled once).
//! It does not decide where a relative cache path is anchored: the config layer
//! resolves it against the folder of the config file before calling the engine.

use std::path::PathBuf;
use std::time::Duration;

use regex::Regex;
use serde::{Deserialize, Deserializer};

/// The default `User-Agent`: browser-compatible in form (many sites answer 403 to
/// anything that does not start with `Mozilla/`), yet it names frontlint and where
/// to read about it, so site owners know who is knocking.
pub const DEFAULT_USER_AGENT: &str = concat!(
    "Mozilla/5.0 (compatible; frontlint/",
    env!("CARGO_PKG_VERSION"),
    "; +https://github.com/frontlint/frontlint)"
);

/// Default cache file name; relative paths are resolved by the caller.
pub const DEFAULT_CACHE_FILE: &str = ".frontlint-cache";

/// How the link check behaves. `Default` gives the documented defaults; the
/// struct deserialises from a `[links]` TOML table (unknown keys are an error, so
/// a typo in the config is reported rather than ignored).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LinkCheckOptions {
    /// `[links] check = true` turns the check on. Read by the CLI layer (with
    /// `--check-links`); the engine itself ignores it.
    pub check: bool,
    /// Total time for one request, from sending it to the last body byte read.
    #[serde(deserialize_with = "de_duration")]
    pub timeout: Duration,
    /// Time to open a TCP (and TLS) connection.
    #[serde(deserialize_with = "de_duration")]
    pub connect_timeout: Duration,
    /// Requests in flight at once, over all hosts.
    pub max_concurrency: usize,
    /// Requests in flight at once to one host, keyed by host name *and* port.
    pub per_host: usize,
    /// Extra attempts after a timeout, a reset, a 5xx or a 429.
    pub retries: u32,
    /// Base of the exponential backoff between attempts (doubled each time, with
    /// jitter), used when the server sends no `Retry-After`.
    #[serde(deserialize_with = "de_duration")]
    pub retry_wait: Duration,
    /// Longest `Retry-After` we are willing to wait; a server asking for more is
    /// reported as rate-limiting instead of being waited for.
    #[serde(deserialize_with = "de_duration")]
    pub retry_after_cap: Duration,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
    /// `User-Agent` header sent with every request.
    pub user_agent: String,
    /// Status codes that mean "alive". Empty (the default): any 2xx.
    pub accept: Vec<u16>,
    /// URLs matching any of these patterns are not requested.
    #[serde(deserialize_with = "de_regexes")]
    pub exclude: Vec<Regex>,
    /// Never send a request to a loopback, private or link-local address (checked
    /// on the resolved address, so a public name pointing inside is caught too).
    pub exclude_private: bool,
    /// Check that `#fragment` names an `id`/`name` anchor of the page.
    pub check_fragments: bool,
    /// Most bytes of a page read while looking for a fragment.
    pub fragment_max_bytes: usize,
    /// Cache file; `None` disables the cache. In TOML: a path, or `false`.
    #[serde(deserialize_with = "de_cache")]
    pub cache: Option<PathBuf>,
    /// Age under which a successful result is reused without a request.
    #[serde(deserialize_with = "de_duration")]
    pub cache_max_age: Duration,
    /// Age under which a failed result is reused (shorter: sites come back).
    #[serde(deserialize_with = "de_duration")]
    pub failure_max_age: Duration,
    /// Wall-clock limit for the whole check; URLs still pending are reported as
    /// not checked, so a run never hangs.
    #[serde(deserialize_with = "de_duration")]
    pub deadline: Duration,
    /// Draw a progress bar on stderr (only when stderr is a terminal). Set by the
    /// CLI (`--quiet` turns it off), not by the config file.
    #[serde(skip)]
    pub progress: bool,
}

impl Default for LinkCheckOptions {
    fn default() -> Self {
        LinkCheckOptions {
            check: false,
            timeout: Duration::from_secs(15),
            connect_timeout: Duration::from_secs(5),
            // As browsers: a pool of 256 connections overall. Per host, twice a
            // browser's 6: we mostly ask for headers only, and on the issue's
            // farm benchmark 12 keeps the wall time within 1.2x the floor where
            // 10 lands at 1.3x and 8 at 1.5x (slow URLs queue behind others).
            max_concurrency: 256,
            per_host: 12,
            retries: 2,
            // Waits of 150-300 ms then 300-600 ms: enough for a blip (a 503
            // during a deploy, a reset connection) without stretching the run.
            retry_wait: Duration::from_millis(300),
            retry_after_cap: Duration::from_secs(30),
            max_redirects: 10,
            user_agent: DEFAULT_USER_AGENT.to_string(),
            accept: Vec::new(),
            exclude: Vec::new(),
            exclude_private: false,
            check_fragments: false,
            fragment_max_bytes: 1024 * 1024,
            cache: Some(PathBuf::from(DEFAULT_CACHE_FILE)),
            cache_max_age: Duration::from_secs(24 * 3600),
            failure_max_age: Duration::from_secs(3600),
            deadline: Duration::from_secs(600),
            progress: true,
        }
    }
}

impl LinkCheckOptions {
    /// Whether `status` counts as alive under `accept`.
    pub fn accepts(&self, status: u16) -> bool {
        if self.accept.is_empty() {
            (200..300).contains(&status)
        } else {
            self.accept.contains(&status)
        }
    }

    /// Whether `url` matches an `exclude` pattern.
    pub fn is_excluded(&self, url: &str) -> bool {
        self.exclude.iter().any(|re| re.is_match(url))
    }
}

/// Parses a duration written as `"15s"`, `"500ms"`, `"2m"`, `"1h30m"`, `"1d"`.
/// A bare number means seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("empty duration".to_string());
    }
    if let Ok(secs) = text.parse::<u64>() {
        return Ok(Duration::from_secs(secs));
    }
    let mut total = Duration::ZERO;
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(|| format!("duration {text:?} lacks a unit (ms, s, m, h, d)"))?;
        if digits == 0 {
            return Err(format!(
                "duration {text:?}: expected a number before the unit"
            ));
        }
        let value: f64 = rest[..digits]
            .parse()
            .map_err(|_| format!("duration {text:?}: bad number {:?}", &rest[..digits]))?;
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = rest[..unit_len].trim();
        rest = &rest[unit_len..];
        let scale = match unit {
            "ms" => 0.001,
            "s" | "sec" | "secs" => 1.0,
            "m" | "min" | "mins" => 60.0,
            "h" => 3600.0,
            "d" => 86400.0,
            other => {
                return Err(format!(
                    "duration {text:?}: unknown unit {other:?} (use ms, s, m, h or d)"
                ));
            }
        };
        total += Duration::try_from_secs_f64(value * scale)
            .map_err(|_| format!("duration {text:?} is out of range"))?;
    }
    Ok(total)
}

fn de_duration<'de, D: Deserializer<'de>>(de: D) -> Result<Duration, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Secs(u64),
        Text(String),
    }
    match Raw::deserialize(de)? {
        Raw::Secs(s) => Ok(Duration::from_secs(s)),
        Raw::Text(t) => parse_duration(&t).map_err(serde::de::Error::custom),
    }
}

fn de_regexes<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<Regex>, D::Error> {
    let patterns = Vec::<String>::deserialize(de)?;
    patterns
        .iter()
        .map(|p| {
            Regex::new(p)
                .map_err(|e| serde::de::Error::custom(format!("exclude pattern {p:?}: {e}")))
        })
        .collect()
}

fn de_cache<'de, D: Deserializer<'de>>(de: D) -> Result<Option<PathBuf>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Flag(bool),
        Path(String),
    }
    Ok(match Raw::deserialize(de)? {
        Raw::Flag(false) => None,
        Raw::Flag(true) => Some(PathBuf::from(DEFAULT_CACHE_FILE)),
        Raw::Path(p) if p.is_empty() => None,
        Raw::Path(p) => Some(PathBuf::from(p)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse() {
        assert_eq!(parse_duration("15s"), Ok(Duration::from_secs(15)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("1d"), Ok(Duration::from_secs(86400)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("42"), Ok(Duration::from_secs(42)));
        assert!(parse_duration("").is_err());
        assert!(parse_duration("3 weeks").is_err());
        assert!(parse_duration("s").is_err());
        assert!(parse_duration("10").is_ok());
        assert!(parse_duration("10x").is_err());
    }

    #[test]
    fn links_table_deserialises_from_toml() {
        let opts: LinkCheckOptions = toml::from_str(
            r#"
            check = true
            timeout = "15s"
            max_concurrency = 64
            per_host = 4
            retries = 1
            cache = ".cache/links.json"
            cache_max_age = "1d"
            failure_max_age = "30m"
            exclude = ['^https?://(www\.)?linkedin\.com/']
            accept = [200, 204, 206]
            "#,
        )
        .expect("valid [links] table");
        assert!(opts.check);
        assert_eq!(opts.per_host, 4);
        assert_eq!(opts.failure_max_age, Duration::from_secs(1800));
        assert_eq!(opts.cache, Some(PathBuf::from(".cache/links.json")));
        assert!(opts.is_excluded("https://www.linkedin.com/in/someone"));
        assert!(!opts.is_excluded("https://example.org/"));
        assert!(opts.accepts(204) && !opts.accepts(203));
        // Untouched keys keep their defaults.
        assert_eq!(opts.user_agent, DEFAULT_USER_AGENT);
        assert_eq!(opts.connect_timeout, Duration::from_secs(5));
    }

    #[test]
    fn bad_values_are_reported() {
        let err = toml::from_str::<LinkCheckOptions>("exclude = ['(']").expect_err("bad regex");
        assert!(err.to_string().contains("exclude pattern"), "{err}");
        let err =
            toml::from_str::<LinkCheckOptions>("timeout = '5 parsecs'").expect_err("bad unit");
        assert!(err.to_string().contains("unknown unit"), "{err}");
        assert!(toml::from_str::<LinkCheckOptions>("time_out = '5s'").is_err());
        let off: LinkCheckOptions = toml::from_str("cache = false").expect("cache = false");
        assert_eq!(off.cache, None);
    }

    #[test]
    fn default_user_agent_names_frontlint_and_version() {
        assert!(DEFAULT_USER_AGENT.starts_with("Mozilla/5.0 (compatible; frontlint/"));
        assert!(DEFAULT_USER_AGENT.contains(env!("CARGO_PKG_VERSION")));
        assert!(LinkCheckOptions::default().accepts(200));
        assert!(!LinkCheckOptions::default().accepts(404));
    }
}
