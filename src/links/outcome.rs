//! What the link check concludes about each URL, and the report of a whole run.
//!
//! This module owns the verdict types and their human messages. It knows nothing
//! about HTTP clients or rules: the rule layer maps a [`UrlOutcome`] to a
//! diagnostic (LK010, LK011) and a severity.

use std::collections::HashMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The verdict for one URL. Serialisable so the cache can store it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UrlOutcome {
    /// The URL answered with an accepted status and no redirect.
    Alive { status: u16 },
    /// The URL redirected, and the end of the chain is alive. `permanent` is true
    /// only when every hop was a 301 or 308, so `final_url` is safe to write in
    /// place of the original (the LK011 fix); the fragment of the original URL is
    /// carried over when the target has none.
    Redirected {
        status: u16,
        final_url: String,
        permanent: bool,
        hops: u32,
    },
    /// The URL is broken; `detail` is the low-level reason (error text, chain).
    Dead { cause: DeadCause, detail: String },
    /// The server kept answering 429 Too Many Requests (or asked to wait longer
    /// than `retry_after_cap`): the link could not be checked, it is not known
    /// to be dead.
    RateLimited { status: u16 },
    /// The server persistently refuses automated clients (401, 403, 999 after a
    /// GET): could not verify.
    AccessRefused { status: u16 },
    /// The page is alive but has no `id`/`name` anchor for the fragment (only
    /// with `check_fragments`).
    MissingFragment { status: u16, fragment: String },
    /// No request was made.
    Skipped { reason: SkipReason },
}

/// Why a URL is dead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadCause {
    /// An HTTP status that is not accepted (4xx, 5xx, ...).
    Status(u16),
    /// The host name does not resolve.
    Dns,
    /// Nothing listens at the address (TCP connection refused).
    Refused,
    /// Could not connect for another reason (unreachable network, ...).
    Connect,
    /// The TLS handshake failed (bad certificate, not TLS, ...).
    Tls,
    /// No complete answer within the timeout.
    Timeout,
    /// The server closed or reset the connection without an answer.
    Reset,
    /// The redirects come back to a URL already visited.
    RedirectLoop,
    /// More redirects than `max_redirects`.
    TooManyRedirects,
    /// A redirect points to a non-HTTP URL (`file:`, `ftp:`, ...), not followed.
    RedirectScheme,
    /// A redirect without a usable `Location`.
    BadRedirect,
    /// Any other protocol error.
    Protocol,
}

/// Why a URL was not requested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum SkipReason {
    /// Matches an `exclude` pattern.
    Excluded,
    /// Not `http`/`https` (`mailto:`, `tel:`, `ftp:`...): never requested.
    UnsupportedScheme { scheme: String },
    /// Points to (or redirects to, or resolves to) a loopback, private or
    /// link-local address while `exclude_private` is set.
    PrivateAddress,
    /// Not a valid absolute URL.
    InvalidUrl { error: String },
    /// The overall deadline ran out before the URL was checked.
    Deadline,
    /// An internal error of the checker (a bug): reported rather than crashing.
    Internal { error: String },
}

impl UrlOutcome {
    /// A human sentence naming the verdict and its cause, for diagnostics.
    pub fn message(&self) -> String {
        match self {
            UrlOutcome::Alive { status } => format!("alive ({})", status_text(*status)),
            UrlOutcome::Redirected {
                status,
                final_url,
                permanent: true,
                hops,
            } => format!(
                "permanently redirected ({}) to {final_url}, which answers {}",
                plural(*hops, "hop"),
                status_text(*status)
            ),
            UrlOutcome::Redirected {
                status,
                final_url,
                hops,
                ..
            } => format!(
                "redirected ({}, not all permanent) to {final_url}, which answers {}",
                plural(*hops, "hop"),
                status_text(*status)
            ),
            UrlOutcome::Dead { cause, detail } => dead_message(*cause, detail),
            UrlOutcome::RateLimited { status } => format!(
                "could not verify: the server keeps rate-limiting requests ({})",
                status_text(*status)
            ),
            UrlOutcome::AccessRefused { status } => format!(
                "could not verify (access refused to automated checks: {})",
                status_text(*status)
            ),
            UrlOutcome::MissingFragment { fragment, .. } => {
                format!("the page has no anchor named `#{fragment}`")
            }
            UrlOutcome::Skipped { reason } => match reason {
                SkipReason::Excluded => "not checked: matches an exclude pattern".to_string(),
                SkipReason::UnsupportedScheme { scheme } => {
                    format!("not checked: `{scheme}:` URLs are never requested")
                }
                SkipReason::PrivateAddress => {
                    "not checked: private or loopback address (links.exclude_private)".to_string()
                }
                SkipReason::InvalidUrl { error } => format!("not checked: invalid URL ({error})"),
                SkipReason::Deadline => {
                    "not checked: the link-check deadline ran out first".to_string()
                }
                SkipReason::Internal { error } => {
                    format!("not checked: internal error of the link checker ({error})")
                }
            },
        }
    }

    /// Dead, rate-limited, refused or missing a fragment: a finding. Failures
    /// expire from the cache sooner than successes.
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            UrlOutcome::Dead { .. }
                | UrlOutcome::RateLimited { .. }
                | UrlOutcome::AccessRefused { .. }
                | UrlOutcome::MissingFragment { .. }
        )
    }

    /// Only [`UrlOutcome::Dead`]: what LK010 reports as an error.
    pub fn is_dead(&self) -> bool {
        matches!(self, UrlOutcome::Dead { .. })
    }
}

fn plural(n: u32, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "HTTP 404 Not Found", or just "HTTP 999" for codes without a reason phrase.
pub fn status_text(status: u16) -> String {
    match reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => format!("HTTP {status} {reason}"),
        None => format!("HTTP {status}"),
    }
}

fn dead_message(cause: DeadCause, detail: &str) -> String {
    let head = match cause {
        DeadCause::Status(code) => status_text(code),
        DeadCause::Dns => "DNS failure: the host name does not resolve".to_string(),
        DeadCause::Refused => "connection refused".to_string(),
        DeadCause::Connect => "could not connect".to_string(),
        DeadCause::Tls => "TLS error".to_string(),
        DeadCause::Timeout => "timeout".to_string(),
        DeadCause::Reset => "connection reset by the server without an answer".to_string(),
        DeadCause::RedirectLoop => "redirect loop".to_string(),
        DeadCause::TooManyRedirects => "too many redirects".to_string(),
        DeadCause::RedirectScheme => "redirects to a non-HTTP URL, not followed".to_string(),
        DeadCause::BadRedirect => "redirect without a valid Location".to_string(),
        DeadCause::Protocol => "HTTP protocol error".to_string(),
    };
    // The operating system's own wording ("Connection refused (os error 111)")
    // only repeats the head.
    let repeats =
        matches!(cause, DeadCause::Refused | DeadCause::Reset) && detail.contains("os error");
    if detail.is_empty() || repeats {
        head
    } else {
        format!("{head} ({detail})")
    }
}

/// Counters of one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkStats {
    /// Distinct URLs given.
    pub urls: usize,
    /// URLs answered from the cache.
    pub cached: usize,
    /// URLs not requested (schemes, excludes, private addresses, deadline).
    pub skipped: usize,
    /// Distinct resources fetched (URLs that differ only by fragment share one).
    pub fetched: usize,
    /// HTTP requests sent, retries and redirect hops included.
    pub requests: usize,
    /// Attempts repeated after a timeout, reset, 5xx or 429.
    pub retries: usize,
    /// Wall time of the whole check.
    pub elapsed: Duration,
}

/// The result of [`super::check_urls`]: one outcome per distinct input URL,
/// keyed by the URL exactly as given.
#[derive(Debug, Clone, Default)]
pub struct LinkReport {
    pub outcomes: HashMap<String, UrlOutcome>,
    /// Problems of the run itself that the user should see (corrupt cache
    /// ignored, cache not written...). Never about individual links.
    pub warnings: Vec<String>,
    pub stats: LinkStats,
}

impl LinkReport {
    /// The outcome of `url` (as given to the check).
    pub fn get(&self, url: &str) -> Option<&UrlOutcome> {
        self.outcomes.get(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_cause() {
        let dead = |cause| UrlOutcome::Dead {
            cause,
            detail: String::new(),
        };
        assert_eq!(dead(DeadCause::Status(404)).message(), "HTTP 404 Not Found");
        assert!(dead(DeadCause::Dns).message().contains("DNS failure"));
        assert!(dead(DeadCause::Refused).message().contains("refused"));
        assert!(dead(DeadCause::Tls).message().contains("TLS"));
        assert!(dead(DeadCause::Timeout).message().contains("timeout"));
        assert!(
            UrlOutcome::AccessRefused { status: 403 }
                .message()
                .contains("access refused to automated checks")
        );
        assert_eq!(status_text(999), "HTTP 999");
    }

    #[test]
    fn outcomes_round_trip_through_json() {
        let all = vec![
            UrlOutcome::Alive { status: 200 },
            UrlOutcome::Redirected {
                status: 200,
                final_url: "https://example.org/new".into(),
                permanent: true,
                hops: 2,
            },
            UrlOutcome::Dead {
                cause: DeadCause::Status(410),
                detail: String::new(),
            },
            UrlOutcome::Dead {
                cause: DeadCause::Reset,
                detail: "x".into(),
            },
            UrlOutcome::RateLimited { status: 429 },
            UrlOutcome::MissingFragment {
                status: 200,
                fragment: "a".into(),
            },
            UrlOutcome::Skipped {
                reason: SkipReason::UnsupportedScheme {
                    scheme: "mailto".into(),
                },
            },
        ];
        for o in all {
            let text = serde_json::to_string(&o).expect("serialise");
            let back: UrlOutcome = serde_json::from_str(&text).expect("deserialise");
            assert_eq!(back, o, "{text}");
        }
    }
}
