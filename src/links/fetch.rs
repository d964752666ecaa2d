//! One HTTP request, politely: the shared client, the per-host slot, a bounded
//! body read, and a plain classification of network failures.
//!
//! Owns everything that touches reqwest. It sends exactly the request it is
//! asked for (no redirects, no retries: the engine decides those) and never
//! reads more than the body limit it is given.

use std::error::Error as StdError;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderValue, LOCATION, RETRY_AFTER};
use reqwest::{Client, Method, Url};

use super::host::{HostKey, HostLimits, is_private_ip};
use super::options::LinkCheckOptions;

/// What came back from one request.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub location: Option<String>,
    pub retry_after: Option<String>,
    pub content_type: Option<String>,
    /// At most the body limit given to [`Fetcher::fetch`]; empty for HEAD.
    pub body: Vec<u8>,
    /// False when the body was cut at the limit.
    pub body_complete: bool,
}

/// Why one request got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Dns(String),
    Refused(String),
    Connect(String),
    Tls(String),
    Timeout(String),
    /// Closed or reset before a complete response.
    Reset(String),
    /// The name resolves only to private addresses and `exclude_private` is on.
    Private,
    Protocol(String),
}

/// The shared HTTP client and the limits every request goes through.
pub struct Fetcher {
    client: Client,
    limits: HostLimits,
    timeout: Duration,
    connect_timeout: Duration,
    requests: AtomicUsize,
}

/// Could not set up the HTTP client (a configuration problem, not a link
/// problem).
#[derive(Debug)]
pub struct ClientError(pub String);

impl Fetcher {
    pub fn new(opts: &LinkCheckOptions) -> Result<Fetcher, ClientError> {
        // reqwest is built without a bundled crypto provider (to avoid compiling
        // aws-lc); ring is ours. If the program already installed a provider,
        // that one stays in charge, which is what it asked for.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let user_agent = HeaderValue::from_str(&opts.user_agent)
            .map_err(|_| ClientError(format!("invalid user_agent {:?}", opts.user_agent)))?;
        let mut headers = HeaderMap::new();
        // Some servers answer 406 to requests that accept nothing in particular.
        headers.insert(
            ACCEPT,
            HeaderValue::from_static("text/html,application/xhtml+xml,*/*;q=0.8"),
        );
        let client = Client::builder()
            .user_agent(user_agent)
            .default_headers(headers)
            // Redirects are followed by the engine, hop by hop, so each hop goes
            // through its own host's limit and loops are reported precisely.
            .redirect(reqwest::redirect::Policy::none())
            .referer(false)
            .connect_timeout(opts.connect_timeout)
            .pool_idle_timeout(Duration::from_secs(30))
            .dns_resolver(Arc::new(Resolver {
                exclude_private: opts.exclude_private,
            }))
            .build()
            .map_err(|e| ClientError(format!("cannot build the HTTP client: {e}")))?;
        Ok(Fetcher {
            client,
            limits: HostLimits::new(opts.max_concurrency, opts.per_host),
            timeout: opts.timeout,
            connect_timeout: opts.connect_timeout,
            requests: AtomicUsize::new(0),
        })
    }

    /// Requests sent so far.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::Relaxed)
    }

    /// Sends one request to `url` (which must carry no credentials) once a slot
    /// is free on its host, and reads at most `body_limit` bytes of a GET body.
    /// The slot is held until the answer is read, then freed.
    pub async fn fetch(
        &self,
        url: &Url,
        method: Method,
        body_limit: usize,
    ) -> Result<Answer, Failure> {
        let key = HostKey::of(url).ok_or_else(|| Failure::Protocol("URL without a host".into()))?;
        let _slot = self
            .limits
            .acquire(&key)
            .await
            .ok_or_else(|| Failure::Protocol("internal: host limit closed".into()))?;
        self.requests.fetch_add(1, Ordering::Relaxed);
        let is_get = method == Method::GET;
        let mut response = self
            .client
            .request(method, url.clone())
            .timeout(self.timeout)
            .send()
            .await
            .map_err(|e| classify(&e, self.timeout, self.connect_timeout))?;
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        let mut answer = Answer {
            status: response.status().as_u16(),
            location: header(LOCATION),
            retry_after: header(RETRY_AFTER),
            content_type: header(CONTENT_TYPE),
            body: Vec::new(),
            body_complete: true,
        };
        if is_get {
            // Read a bounded prefix: enough for small pages to finish (so the
            // connection goes back to the pool) and for fragment checks; a large
            // body is cut off by dropping the response, which closes the
            // connection instead of downloading the rest.
            loop {
                match response.chunk().await {
                    Ok(Some(chunk)) => {
                        let room = body_limit.saturating_sub(answer.body.len());
                        if chunk.len() > room {
                            answer.body.extend_from_slice(&chunk[..room]);
                            answer.body_complete = false;
                            break;
                        }
                        answer.body.extend_from_slice(&chunk);
                    }
                    Ok(None) => break,
                    // The status line already answered the question; a body cut
                    // short does not make the link dead.
                    Err(_) => {
                        answer.body_complete = false;
                        break;
                    }
                }
            }
        }
        Ok(answer)
    }
}

type BoxError = Box<dyn StdError + Send + Sync>;

/// Resolves names with the system resolver (like reqwest's default) but can
/// drop private addresses, and marks its errors so they are reported as DNS
/// failures.
struct Resolver {
    exclude_private: bool,
}

#[derive(Debug)]
struct DnsFailure(String);

impl std::fmt::Display for DnsFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl StdError for DnsFailure {}

#[derive(Debug)]
struct PrivateOnly;

impl std::fmt::Display for PrivateOnly {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the name resolves only to private addresses")
    }
}
impl StdError for PrivateOnly {}

impl Resolve for Resolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_string();
        let exclude_private = self.exclude_private;
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await
                .map_err(|e| -> BoxError { Box::new(DnsFailure(format!("{host}: {e}"))) })?
                .collect();
            let addrs: Vec<SocketAddr> = found
                .into_iter()
                .filter(|a| !(exclude_private && is_private_ip(a.ip())))
                .collect();
            if addrs.is_empty() {
                let err: BoxError = if exclude_private {
                    Box::new(PrivateOnly)
                } else {
                    Box::new(DnsFailure(format!("{host}: no address")))
                };
                return Err(err);
            }
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

/// Maps a reqwest error to the cause a user can act on, by looking through its
/// chain of sources.
fn classify(err: &reqwest::Error, timeout: Duration, connect_timeout: Duration) -> Failure {
    let text = chain_text(err);
    if err.is_timeout() {
        return Failure::Timeout(if err.is_connect() {
            format!("could not connect within {}", fmt_duration(connect_timeout))
        } else {
            format!("no answer within {}", fmt_duration(timeout))
        });
    }
    let mut source: Option<&(dyn StdError + 'static)> = Some(err);
    while let Some(e) = source {
        if e.is::<PrivateOnly>() {
            return Failure::Private;
        }
        if let Some(d) = e.downcast_ref::<DnsFailure>() {
            return Failure::Dns(d.0.clone());
        }
        if e.is::<rustls::Error>() {
            return Failure::Tls(e.to_string());
        }
        if let Some(io) = e.downcast_ref::<io::Error>()
            && let Some(failure) = classify_io(io)
        {
            return failure;
        }
        source = e.source();
    }
    if err.is_dns() {
        return Failure::Dns(text);
    }
    if err.is_connect() {
        return Failure::Connect(text);
    }
    // hyper reports a connection closed mid-request as an "incomplete message";
    // its error type is not ours to depend on, its wording is stable.
    if text.contains("connection closed") || text.contains("incomplete") {
        return Failure::Reset(text);
    }
    Failure::Protocol(text)
}

/// An I/O error, looking inside the layers of `io::Error` that wrap each other
/// (the TLS stack wraps its error in one, the connector in another, and
/// `io::Error::source` skips the middle layer).
fn classify_io(io: &io::Error) -> Option<Failure> {
    let mut layer = io;
    loop {
        match layer.kind() {
            io::ErrorKind::ConnectionRefused => return Some(Failure::Refused(layer.to_string())),
            io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::UnexpectedEof => return Some(Failure::Reset(layer.to_string())),
            _ => {}
        }
        let inner = layer.get_ref()?;
        if let Some(tls) = inner.downcast_ref::<rustls::Error>() {
            return Some(Failure::Tls(tls.to_string()));
        }
        layer = inner.downcast_ref::<io::Error>()?;
    }
}

/// The messages of the error's sources, outermost first, without repeats and
/// without reqwest's own "error sending request for url (...)" (the diagnostic
/// already shows the URL).
fn chain_text(err: &reqwest::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut source = err.source();
    while let Some(e) = source {
        let t = e.to_string();
        if !parts.iter().any(|p| p.contains(&t)) {
            parts.push(t);
        }
        source = e.source();
    }
    if parts.is_empty() {
        return err.to_string();
    }
    parts.join(": ")
}

/// "15s", "500ms".
pub fn fmt_duration(d: Duration) -> String {
    if d.subsec_millis() == 0 && d.as_secs() > 0 {
        format!("{}s", d.as_secs())
    } else {
        format!("{}ms", d.as_millis())
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    #[tokio::test]
    async fn resolver_drops_private_addresses_when_asked() {
        let name = || Name::from_str("localhost").expect("name");
        let open = Resolver {
            exclude_private: false,
        };
        let addrs: Vec<SocketAddr> = open
            .resolve(name())
            .await
            .expect("localhost resolves")
            .collect();
        assert!(addrs.iter().all(|a| a.ip().is_loopback()), "{addrs:?}");
        let strict = Resolver {
            exclude_private: true,
        };
        let err = strict
            .resolve(name())
            .await
            .err()
            .expect("only private addresses");
        assert!(err.is::<PrivateOnly>(), "{err}");
    }

    #[test]
    fn durations_print_short() {
        assert_eq!(fmt_duration(Duration::from_secs(15)), "15s");
        assert_eq!(fmt_duration(Duration::from_millis(400)), "400ms");
        assert_eq!(fmt_duration(Duration::from_millis(1500)), "1500ms");
    }
}
