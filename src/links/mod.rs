//! The online link check (LK010 dead-link, LK011 redirected-link): given the
//! de-duplicated external URLs of a whole run, check each once over HTTP and
//! return one [`UrlOutcome`] per URL.
//!
//! This module owns the network side only: scheduling (a global limit and a
//! per-host limit keyed by host and port), the request policy (HEAD then GET,
//! retries, `Retry-After`, redirects), the cache file and the progress bar. It
//! never reads Markdown and never produces diagnostics: the rule layer collects
//! URLs from the scan, calls [`check_urls`], and maps outcomes back onto every
//! use site.
//!
//! How the rule layer maps outcomes (LK010 dead-link, LK011 redirected-link):
//!
//! | outcome | diagnostic |
//! | --- | --- |
//! | [`UrlOutcome::Dead`] | LK010, error |
//! | [`UrlOutcome::RateLimited`], [`UrlOutcome::AccessRefused`] | LK010, warning: could not verify |
//! | [`UrlOutcome::MissingFragment`] | LK010, warning (only with `check_fragments`) |
//! | [`UrlOutcome::Redirected`] with `permanent` | LK011, info; fix: `final_url` |
//! | `Redirected` not permanent, [`UrlOutcome::Alive`] | nothing |
//! | [`UrlOutcome::Skipped`] | nothing, except `Deadline` (a warning of the run, also in [`LinkReport::warnings`]) |
//!
//! [`UrlOutcome::message`] gives the sentence for the diagnostic; outcomes are
//! keyed by the URL exactly as passed in, so pass the destinations as written.
//! [`LinkReport::warnings`] (corrupt cache ignored, deadline reached...) go to
//! the user once per run. A relative `cache` path is the caller's to resolve
//! (against the config file's folder) before calling.
//!
//! ```no_run
//! use frontlint::links::{check_urls, LinkCheckOptions, UrlOutcome};
//! let opts = LinkCheckOptions { cache: None, ..LinkCheckOptions::default() };
//! let report = check_urls(&["https://example.org/".to_string()], &opts)?;
//! for (url, outcome) in &report.outcomes {
//!     if outcome.is_dead() {
//!         eprintln!("{url}: {}", outcome.message());
//!     }
//! }
//! # Ok::<(), frontlint::links::LinkCheckError>(())
//! ```

mod cache;
mod engine;
mod fetch;
mod fragments;
mod host;
mod options;
mod outcome;
mod progress;
mod retry;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::Url;
use tokio::task::JoinSet;

pub use cache::CACHE_VERSION;
pub use host::{HostKey, is_private_ip};
pub use options::{DEFAULT_CACHE_FILE, DEFAULT_USER_AGENT, LinkCheckOptions, parse_duration};
pub use outcome::{DeadCause, LinkReport, LinkStats, SkipReason, UrlOutcome, status_text};
pub use retry::parse_retry_after;

use cache::{Cache, now_secs, settings_key};
use engine::{Engine, Reached, resource};
use fetch::Fetcher;
use progress::Progress;

/// The check could not run at all (as opposed to links being broken).
#[derive(Debug)]
pub enum LinkCheckError {
    /// The async runtime could not start.
    Runtime(std::io::Error),
    /// The HTTP client could not be set up (e.g. an invalid `user_agent`).
    Client(String),
}

impl std::fmt::Display for LinkCheckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkCheckError::Runtime(e) => write!(f, "cannot start the link checker: {e}"),
            LinkCheckError::Client(e) => write!(f, "cannot start the link checker: {e}"),
        }
    }
}

impl std::error::Error for LinkCheckError {}

/// Checks `urls` (duplicates allowed, checked once) and returns one outcome per
/// distinct URL. Blocking: it runs its own tokio runtime, so call it from
/// synchronous code (not from inside a tokio runtime: use
/// [`check_urls_async`] there).
pub fn check_urls<S: AsRef<str>>(
    urls: &[S],
    opts: &LinkCheckOptions,
) -> Result<LinkReport, LinkCheckError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("frontlint-links")
        .build()
        .map_err(LinkCheckError::Runtime)?;
    let report = runtime.block_on(check_urls_async(urls, opts));
    // A DNS lookup abandoned at the deadline may still sit in a blocking thread;
    // do not wait for it.
    runtime.shutdown_timeout(Duration::from_millis(200));
    report
}

/// One resource to fetch, shared by every input URL that differs only by
/// fragment (or credentials).
struct Group {
    resource: Url,
    /// (input URL as given, its fragment)
    members: Vec<(String, Option<String>)>,
    want_body: bool,
}

/// The async form of [`check_urls`], for callers already inside a runtime.
pub async fn check_urls_async<S: AsRef<str>>(
    urls: &[S],
    opts: &LinkCheckOptions,
) -> Result<LinkReport, LinkCheckError> {
    let started = Instant::now();
    let deadline = tokio::time::Instant::now() + opts.deadline;
    // First, so a configuration error stops the run before anything is drawn.
    let fetcher = Fetcher::new(opts).map_err(|e| LinkCheckError::Client(e.0))?;
    let mut report = LinkReport::default();
    let mut seen = HashSet::new();
    let inputs: Vec<&str> = urls
        .iter()
        .map(|u| u.as_ref())
        .filter(|u| seen.insert(*u))
        .collect();
    report.stats.urls = inputs.len();

    let now = now_secs();
    let mut cache = opts
        .cache
        .as_deref()
        .map(|path| Cache::load(path, settings_key(opts), &mut report.warnings));

    let mut progress = Progress::new(inputs.len(), opts.progress);
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for input in inputs {
        let url = match prefilter(input, opts) {
            Ok(url) => url,
            Err(outcome) => {
                report.stats.skipped += 1;
                progress.advance(1, 0);
                report.outcomes.insert(input.to_string(), outcome);
                continue;
            }
        };
        if let Some(hit) = cache.as_ref().and_then(|c| c.fresh(input, now, opts)) {
            report.stats.cached += 1;
            progress.advance(1, usize::from(hit.is_failure()));
            report.outcomes.insert(input.to_string(), hit.clone());
            continue;
        }
        let fragment = url.fragment().map(str::to_string);
        let res = resource(url);
        let index = *group_of.entry(res.as_str().to_string()).or_insert_with(|| {
            groups.push(Group {
                resource: res.clone(),
                members: Vec::new(),
                want_body: false,
            });
            groups.len() - 1
        });
        let group = &mut groups[index];
        group.want_body |= opts.check_fragments && fragment.as_deref().is_some_and(needs_anchor);
        group.members.push((input.to_string(), fragment));
    }
    report.stats.fetched = groups.len();

    let engine = Arc::new(Engine::new(fetcher, opts.clone()));
    let mut tasks = JoinSet::new();
    let mut task_group = HashMap::new();
    for (index, group) in groups.iter().enumerate() {
        let engine = Arc::clone(&engine);
        let resource = group.resource.clone();
        let want_body = group.want_body;
        let handle = tasks.spawn(async move { engine.check(resource, want_body).await });
        task_group.insert(handle.id(), index);
    }

    let mut done = vec![false; groups.len()];
    let checked_at = now_secs();
    loop {
        let joined = match tokio::time::timeout_at(deadline, tasks.join_next_with_id()).await {
            Ok(Some(joined)) => joined,
            Ok(None) => break,
            Err(_) => {
                // Dropping the tasks cancels their requests and frees every slot.
                tasks.abort_all();
                break;
            }
        };
        let (index, result) = match joined {
            Ok((id, result)) => (task_group.get(&id).copied(), result),
            // A panic in a task is a bug of ours: report it on its URLs instead
            // of taking the whole run down.
            Err(e) => (
                task_group.get(&e.id()).copied(),
                Err(UrlOutcome::Skipped {
                    reason: SkipReason::Internal {
                        error: e.to_string(),
                    },
                }),
            ),
        };
        let Some(index) = index else { continue };
        done[index] = true;
        let group = &groups[index];
        let mut failed = 0;
        for (input, outcome) in verdicts(group, &result, opts) {
            failed += usize::from(outcome.is_failure());
            if let Some(cache) = cache.as_mut()
                && !matches!(outcome, UrlOutcome::Skipped { .. })
            {
                cache.insert(&input, outcome.clone(), checked_at);
            }
            report.outcomes.insert(input, outcome);
        }
        progress.advance(group.members.len(), failed);
    }
    for (index, group) in groups.iter().enumerate() {
        if done[index] {
            continue;
        }
        report.stats.skipped += group.members.len();
        for (input, _) in &group.members {
            report.outcomes.insert(
                input.clone(),
                UrlOutcome::Skipped {
                    reason: SkipReason::Deadline,
                },
            );
        }
    }
    if done.iter().any(|d| !d) {
        report.warnings.push(format!(
            "link check stopped at its deadline ({}): {} URL(s) not checked",
            fetch::fmt_duration(opts.deadline),
            done.iter().filter(|d| !**d).count()
        ));
    }
    progress.finish();

    if let (Some(cache), Some(path)) = (cache, opts.cache.as_deref())
        && let Err(e) = cache.save(now_secs(), opts)
    {
        report.warnings.push(format!(
            "link cache {} could not be written: {e}",
            path.display()
        ));
    }
    report.stats.requests = engine.fetcher.requests();
    report.stats.retries = engine.retries();
    report.stats.elapsed = started.elapsed();
    Ok(report)
}

/// The parsed URL if it is to be requested, or the reason it is not.
fn prefilter(input: &str, opts: &LinkCheckOptions) -> Result<Url, UrlOutcome> {
    let skip = |reason| UrlOutcome::Skipped { reason };
    let url = Url::parse(input.trim()).map_err(|e| {
        skip(SkipReason::InvalidUrl {
            error: e.to_string(),
        })
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(skip(SkipReason::UnsupportedScheme {
            scheme: url.scheme().to_string(),
        }));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(skip(SkipReason::InvalidUrl {
            error: "no host".to_string(),
        }));
    }
    if opts.is_excluded(input) {
        return Err(skip(SkipReason::Excluded));
    }
    if opts.exclude_private && host::is_private_literal(&url) {
        return Err(skip(SkipReason::PrivateAddress));
    }
    Ok(url)
}

/// Fragments that name no anchor: empty, `top`, text fragments.
fn needs_anchor(fragment: &str) -> bool {
    !(fragment.is_empty() || fragment.eq_ignore_ascii_case("top") || fragment.starts_with(":~:"))
}

/// The verdict of each member URL of `group`, given how its resource fared.
fn verdicts(
    group: &Group,
    result: &Result<Reached, UrlOutcome>,
    opts: &LinkCheckOptions,
) -> Vec<(String, UrlOutcome)> {
    let reached = match result {
        Ok(reached) => reached,
        Err(outcome) => {
            return group
                .members
                .iter()
                .map(|(input, _)| (input.clone(), outcome.clone()))
                .collect();
        }
    };
    let is_html = reached
        .answer
        .content_type
        .as_deref()
        .is_some_and(|ct| ct.to_ascii_lowercase().contains("html"));
    let anchors = (group.want_body && is_html).then(|| fragments::anchors(&reached.answer.body));
    group
        .members
        .iter()
        .map(|(input, fragment)| {
            let missing = match (&anchors, fragment) {
                // A page cut at the size limit may hold the anchor further down:
                // unknown is not missing.
                (Some(anchors), Some(f)) => {
                    opts.check_fragments
                        && reached.answer.body_complete
                        && !fragments::has_fragment(anchors, f)
                }
                _ => false,
            };
            let outcome = if let (true, Some(f)) = (missing, fragment) {
                UrlOutcome::MissingFragment {
                    status: reached.status,
                    fragment: f.clone(),
                }
            } else if reached.hops == 0 {
                UrlOutcome::Alive {
                    status: reached.status,
                }
            } else {
                let mut final_url = reached.final_url.clone();
                final_url.set_fragment(reached.final_fragment.as_deref().or(fragment.as_deref()));
                UrlOutcome::Redirected {
                    status: reached.status,
                    final_url: final_url.to_string(),
                    permanent: reached.permanent,
                    hops: reached.hops,
                }
            };
            (input.clone(), outcome)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> LinkCheckOptions {
        LinkCheckOptions {
            cache: None,
            progress: false,
            ..LinkCheckOptions::default()
        }
    }

    #[test]
    fn prefilter_never_lets_other_schemes_through() {
        let skip = |u: &str| match prefilter(u, &opts()) {
            Err(UrlOutcome::Skipped { reason }) => Some(reason),
            _ => None,
        };
        assert!(matches!(
            skip("mailto:a@example.org"),
            Some(SkipReason::UnsupportedScheme { scheme }) if scheme == "mailto"
        ));
        assert!(matches!(
            skip("tel:+331234"),
            Some(SkipReason::UnsupportedScheme { .. })
        ));
        assert!(matches!(
            skip("file:///etc/passwd"),
            Some(SkipReason::UnsupportedScheme { .. })
        ));
        assert!(matches!(
            skip("javascript:alert(1)"),
            Some(SkipReason::UnsupportedScheme { .. })
        ));
        assert!(matches!(
            skip("/relative/path"),
            Some(SkipReason::InvalidUrl { .. })
        ));
        assert!(prefilter(" https://example.org/a ", &opts()).is_ok());
        let private = LinkCheckOptions {
            exclude_private: true,
            ..opts()
        };
        assert!(prefilter("http://192.168.1.1/", &private).is_err());
        assert!(prefilter("https://example.org/", &private).is_ok());
    }

    #[test]
    fn fragments_that_need_an_anchor() {
        assert!(needs_anchor("install"));
        assert!(!needs_anchor(""));
        assert!(!needs_anchor("top"));
        assert!(!needs_anchor(":~:text=word"));
    }

    #[test]
    fn a_bad_user_agent_is_a_setup_error_not_a_link_error() {
        let bad = LinkCheckOptions {
            user_agent: "two\nlines".into(),
            ..opts()
        };
        let err = check_urls(&["https://example.org/"], &bad).expect_err("invalid header");
        assert!(matches!(err, LinkCheckError::Client(_)));
        assert!(err.to_string().contains("user_agent"), "{err}");
    }

    #[test]
    fn nothing_to_fetch_sends_nothing() {
        let report =
            check_urls(&["mailto:a@example.org", "mailto:a@example.org"], &opts()).expect("runs");
        assert_eq!(report.outcomes.len(), 1, "duplicates are checked once");
        assert_eq!(report.stats.requests, 0);
        assert_eq!(report.stats.skipped, 1);
    }
}
