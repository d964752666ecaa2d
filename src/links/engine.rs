//! The check of one resource: HEAD first, GET when HEAD is refused, retries with
//! backoff and `Retry-After`, redirects followed hop by hop.
//!
//! Owns the decisions between requests (what to send next, when to wait, when
//! to stop). Sending goes through [`Fetcher`]; turning the result into a
//! per-URL verdict (fragments, redirect reporting) is left to the caller.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use reqwest::{Method, Url};

use super::fetch::{Answer, Failure, Fetcher};
use super::host::is_private_literal;
use super::options::LinkCheckOptions;
use super::outcome::{DeadCause, SkipReason, UrlOutcome};
use super::retry::{backoff, parse_retry_after};

/// Body bytes read on a GET made only to learn the status (HEAD refused or
/// retried): enough for small pages to complete and keep their connection,
/// small enough that no large body is ever downloaded.
pub const PROBE_BODY_BYTES: usize = 8 * 1024;

/// HEAD answers after which the same URL is tried with GET: servers that do
/// not implement HEAD (405, 501) or treat it as suspicious (400, 403, 406, 999).
const HEAD_REFUSED: [u16; 6] = [400, 403, 405, 406, 501, 999];

/// Statuses that mean "you, the robot, may not look", once GET confirms them.
const ACCESS_REFUSED: [u16; 3] = [401, 403, 999];

/// Added to every `Retry-After` wait: the header has one-second resolution and
/// clocks differ, and coming back early is what a polite client must not do.
const RETRY_AFTER_MARGIN: Duration = Duration::from_millis(50);

/// Where a chain of requests for one resource ended up, when it ended on an
/// accepted status.
#[derive(Debug)]
pub struct Reached {
    pub status: u16,
    /// The last URL requested (no fragment, no credentials).
    pub final_url: Url,
    /// The fragment of the last `Location` that carried one.
    pub final_fragment: Option<String>,
    pub hops: u32,
    /// Every hop was a 301 or 308.
    pub permanent: bool,
    /// The final answer (body only when it was a GET).
    pub answer: Answer,
}

/// The engine state shared by all tasks of a run.
pub struct Engine {
    pub fetcher: Fetcher,
    pub opts: LinkCheckOptions,
    retries: AtomicUsize,
}

impl Engine {
    pub fn new(fetcher: Fetcher, opts: LinkCheckOptions) -> Engine {
        Engine {
            fetcher,
            opts,
            retries: AtomicUsize::new(0),
        }
    }

    pub fn retries(&self) -> usize {
        self.retries.load(Ordering::Relaxed)
    }

    /// Checks the resource `start` (no fragment, no credentials). With
    /// `want_body`, it is fetched with GET and up to `fragment_max_bytes` of the
    /// final page are kept for fragment checks.
    pub async fn check(&self, start: Url, want_body: bool) -> Result<Reached, UrlOutcome> {
        let opts = &self.opts;
        let body_limit = if want_body {
            opts.fragment_max_bytes
        } else {
            PROBE_BODY_BYTES
        };
        let mut url = start;
        let mut method = if want_body { Method::GET } else { Method::HEAD };
        let mut visited: Vec<Url> = vec![url.clone()];
        let mut seen: HashSet<String> = HashSet::from([url.as_str().to_string()]);
        let mut final_fragment = None;
        let mut hops = 0u32;
        let mut permanent = true;
        let mut retries_left = opts.retries;
        let mut waits = 0u32;
        loop {
            if opts.exclude_private && is_private_literal(&url) {
                return Err(skipped(SkipReason::PrivateAddress));
            }
            // Each arm either returns, continues at once (next hop, GET instead of
            // HEAD) or names the verdict to give if no retry is left and how long
            // to wait before the retry.
            let sent = self.fetcher.fetch(&url, method.clone(), body_limit).await;
            let (verdict, wait) = match sent {
                Ok(answer) => {
                    let status = answer.status;
                    if (300..400).contains(&status)
                        && !opts.accepts(status)
                        && let Some(location) = answer.location.as_deref()
                    {
                        let next = next_hop(&url, location)?;
                        hops += 1;
                        permanent &= matches!(status, 301 | 308);
                        if let Some(f) = next.fragment() {
                            final_fragment = Some(f.to_string());
                        }
                        let next = resource(next);
                        if hops > opts.max_redirects {
                            return Err(dead(
                                DeadCause::TooManyRedirects,
                                format!("more than {} redirects", opts.max_redirects),
                            ));
                        }
                        if !seen.insert(next.as_str().to_string()) {
                            visited.push(next);
                            return Err(dead(DeadCause::RedirectLoop, chain(&visited)));
                        }
                        visited.push(next.clone());
                        url = next;
                        continue;
                    }
                    if opts.accepts(status) {
                        return Ok(Reached {
                            status,
                            final_url: url,
                            final_fragment,
                            hops,
                            permanent,
                            answer,
                        });
                    }
                    if method == Method::HEAD && HEAD_REFUSED.contains(&status) {
                        method = Method::GET;
                        continue;
                    }
                    let retry_after = answer
                        .retry_after
                        .as_deref()
                        .and_then(|v| parse_retry_after(v, jiff::Timestamp::now()));
                    match status {
                        429 => {
                            let verdict = UrlOutcome::RateLimited { status };
                            match retry_after {
                                // Asked to wait longer than we may: report, do not
                                // hammer the server early.
                                Some(ra) if ra > opts.retry_after_cap => return Err(verdict),
                                Some(ra) => (verdict, Some(ra + RETRY_AFTER_MARGIN)),
                                None => (verdict, None),
                            }
                        }
                        500..=599 => {
                            // Some servers break on HEAD only: retry with GET.
                            method = Method::GET;
                            let verdict = dead(DeadCause::Status(status), String::new());
                            match retry_after {
                                Some(ra) if ra > opts.retry_after_cap => return Err(verdict),
                                Some(ra) => (verdict, Some(ra + RETRY_AFTER_MARGIN)),
                                None => (verdict, None),
                            }
                        }
                        s if ACCESS_REFUSED.contains(&s) => {
                            return Err(UrlOutcome::AccessRefused { status });
                        }
                        _ => return Err(dead(DeadCause::Status(status), String::new())),
                    }
                }
                // Some servers drop the connection on HEAD: ask again with GET
                // right away. It is a second attempt, so it uses up a retry
                // (when one is left): a server that resets everything is not
                // asked more often because it also resets HEAD.
                Err(Failure::Reset(_)) if method == Method::HEAD => {
                    method = Method::GET;
                    retries_left = retries_left.saturating_sub(1);
                    continue;
                }
                Err(Failure::Reset(detail)) => (dead(DeadCause::Reset, detail), None),
                Err(Failure::Timeout(detail)) => (dead(DeadCause::Timeout, detail), None),
                Err(Failure::Private) => return Err(skipped(SkipReason::PrivateAddress)),
                Err(Failure::Dns(d)) => return Err(dead(DeadCause::Dns, d)),
                Err(Failure::Refused(d)) => return Err(dead(DeadCause::Refused, d)),
                Err(Failure::Connect(d)) => return Err(dead(DeadCause::Connect, d)),
                Err(Failure::Tls(d)) => return Err(dead(DeadCause::Tls, d)),
                Err(Failure::Protocol(d)) => return Err(dead(DeadCause::Protocol, d)),
            };
            if retries_left == 0 {
                return Err(verdict);
            }
            retries_left -= 1;
            let wait = wait.unwrap_or_else(|| backoff(opts.retry_wait, waits));
            waits += 1;
            self.retries.fetch_add(1, Ordering::Relaxed);
            // No slot is held while waiting: other URLs of the host go on.
            tokio::time::sleep(wait).await;
        }
    }
}

/// The URL a `Location` points to, if it may be followed.
fn next_hop(current: &Url, location: &str) -> Result<Url, UrlOutcome> {
    let next = current.join(location.trim()).map_err(|e| {
        dead(
            DeadCause::BadRedirect,
            format!("Location {location:?}: {e}"),
        )
    })?;
    if !matches!(next.scheme(), "http" | "https") {
        return Err(dead(DeadCause::RedirectScheme, format!("to {next}")));
    }
    Ok(next)
}

/// `url` as it is requested: no fragment (never sent anyway) and no
/// credentials (reqwest would turn them into an Authorization header).
pub fn resource(mut url: Url) -> Url {
    url.set_fragment(None);
    // Both fail only for URLs that cannot carry credentials at all.
    let _ = url.set_username("");
    let _ = url.set_password(None);
    url
}

fn chain(urls: &[Url]) -> String {
    urls.iter().map(Url::as_str).collect::<Vec<_>>().join(" → ")
}

fn dead(cause: DeadCause, detail: String) -> UrlOutcome {
    UrlOutcome::Dead { cause, detail }
}

fn skipped(reason: SkipReason) -> UrlOutcome {
    UrlOutcome::Skipped { reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_carry_no_fragment_or_credentials() {
        let u = Url::parse("https://user:secret@example.org/a?b=1#frag").expect("url");
        assert_eq!(resource(u).as_str(), "https://example.org/a?b=1");
    }

    #[test]
    fn redirect_targets() {
        let here = Url::parse("https://example.org/a/b").expect("url");
        assert_eq!(
            next_hop(&here, "../c#x").map(|u| u.to_string()),
            Ok("https://example.org/c#x".to_string())
        );
        assert!(matches!(
            next_hop(&here, "ftp://example.org/file"),
            Err(UrlOutcome::Dead {
                cause: DeadCause::RedirectScheme,
                ..
            })
        ));
        assert!(matches!(
            next_hop(&here, "file:///etc/passwd"),
            Err(UrlOutcome::Dead {
                cause: DeadCause::RedirectScheme,
                ..
            })
        ));
        assert!(matches!(
            next_hop(&here, "http://[::1"),
            Err(UrlOutcome::Dead {
                cause: DeadCause::BadRedirect,
                ..
            })
        ));
    }
}
