//! Hosts: the key that per-host limits use, the concurrency limits themselves,
//! and which addresses count as private.
//!
//! Owns the rule "a host is a name *and* a port": `127.0.0.1:28400` and
//! `127.0.0.1:28401` are two servers and get two separate limits.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use reqwest::Url;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Host name (lower-cased by URL parsing) and port (the scheme's default when
/// the URL gives none).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HostKey {
    pub host: String,
    pub port: u16,
}

impl HostKey {
    /// The key of `url`, or `None` for URLs without a host (never requested).
    pub fn of(url: &Url) -> Option<HostKey> {
        Some(HostKey {
            host: url.host_str()?.to_string(),
            port: url.port_or_known_default()?,
        })
    }
}

/// The global and per-host semaphores. A request takes its host's permit first
/// and only then a global one, so requests queued behind a slow host hold no
/// global permit and never stall other hosts.
///
/// Both are plain FIFO: a retry or a redirect hop queues behind the URLs not
/// yet started. Serving such continuations first was tried: each chain ends
/// sooner, but slow URLs are discovered later and the whole run takes longer
/// (by 0.1-0.2 s of 2 s on the farm benchmark, in simulation and measured).
#[derive(Debug)]
pub struct HostLimits {
    global: Arc<Semaphore>,
    per_host: usize,
    hosts: Mutex<HashMap<HostKey, Arc<Semaphore>>>,
}

/// Both permits of one request; dropping it frees the slots.
#[derive(Debug)]
pub struct Slot {
    _host: OwnedSemaphorePermit,
    _global: OwnedSemaphorePermit,
}

impl HostLimits {
    pub fn new(max_concurrency: usize, per_host: usize) -> HostLimits {
        HostLimits {
            global: Arc::new(Semaphore::new(max_concurrency.max(1))),
            per_host: per_host.max(1),
            hosts: Mutex::new(HashMap::new()),
        }
    }

    fn host_semaphore(&self, key: &HostKey) -> Arc<Semaphore> {
        // A poisoned lock only means another task panicked while inserting; the
        // map itself is still consistent.
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts
            .entry(key.clone())
            .or_insert_with(|| Arc::new(Semaphore::new(self.per_host)))
            .clone()
    }

    /// Waits for a free slot on `key` and globally. `None` only if a semaphore
    /// was closed, which this module never does.
    pub async fn acquire(&self, key: &HostKey) -> Option<Slot> {
        let host = self.host_semaphore(key).acquire_owned().await.ok()?;
        let global = self.global.clone().acquire_owned().await.ok()?;
        Some(Slot {
            _host: host,
            _global: global,
        })
    }
}

/// Loopback, private (RFC 1918, unique-local), link-local, shared (CGNAT),
/// unspecified and similar addresses that are not on the public Internet.
pub fn is_private_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || a == 0
                || (a == 100 && (64..128).contains(&b))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_private_ip(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
        }
    }
}

/// Whether `url` names a private address literally (`http://10.0.0.1/`,
/// `http://[::1]/`, `localhost`). Names are checked again after resolution.
pub fn is_private_literal(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => is_private_ip(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => is_private_ip(IpAddr::V6(ip)),
        Some(url::Host::Domain(name)) => {
            let name = name.trim_end_matches('.');
            name == "localhost" || name.ends_with(".localhost")
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(url: &str) -> Option<HostKey> {
        HostKey::of(&Url::parse(url).expect("url"))
    }

    #[test]
    fn hosts_are_keyed_by_name_and_port() {
        assert_ne!(
            key("http://127.0.0.1:28400/a"),
            key("http://127.0.0.1:28401/a")
        );
        assert_eq!(key("http://Example.COM/a"), key("http://example.com:80/b"));
        assert_ne!(key("http://example.com/"), key("https://example.com/"));
        assert_eq!(
            key("https://example.com/x"),
            Some(HostKey {
                host: "example.com".into(),
                port: 443
            })
        );
        assert_ne!(key("http://127.0.0.1:80/"), key("http://127.0.0.2:80/"));
        assert_eq!(key("mailto:someone@example.com"), None);
    }

    #[test]
    fn private_addresses() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:192.168.0.1",
        ] {
            assert!(is_private_ip(private.parse().expect("ip")), "{private}");
        }
        for public in ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"] {
            assert!(!is_private_ip(public.parse().expect("ip")), "{public}");
        }
        let lit = |u: &str| is_private_literal(&Url::parse(u).expect("url"));
        assert!(lit("http://localhost:4000/"));
        assert!(lit("http://[::1]:8080/"));
        assert!(lit("http://192.168.0.10/"));
        assert!(!lit("https://example.org/"));
    }

    #[tokio::test]
    async fn per_host_slots_are_separate_and_bounded() {
        let limits = HostLimits::new(10, 2);
        let a = key("http://127.0.0.1:1000/").expect("key");
        let b = key("http://127.0.0.1:1001/").expect("key");
        let a1 = limits.acquire(&a).await;
        let a2 = limits.acquire(&a).await;
        assert!(a1.is_some() && a2.is_some());
        // A third slot on host a must wait; host b is unaffected.
        let third = tokio::time::timeout(std::time::Duration::from_millis(50), limits.acquire(&a));
        assert!(third.await.is_err(), "third slot on one host must wait");
        let b1 = tokio::time::timeout(std::time::Duration::from_millis(50), limits.acquire(&b));
        assert!(b1.await.is_ok_and(|s| s.is_some()));
        drop(a1);
        assert!(limits.acquire(&a).await.is_some());
    }
}
