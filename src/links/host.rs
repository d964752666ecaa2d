//! Hosts: the key that per-host limits use, the concurrency limits themselves,
//! and which addresses count as private.
//!
//! Owns the rule "a host is a name *and* a port": `127.0.0.1:28400` and
//! `127.0.0.1:28401` are two servers and get two separate limits.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use reqwest::Url;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

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

/// The global limit and the per-host limits. A request takes its host's slot
/// first and only then a global one, so requests queued behind a slow host
/// hold no global permit and never stall other hosts.
#[derive(Debug)]
pub struct HostLimits {
    global: Arc<Semaphore>,
    per_host: usize,
    hosts: Mutex<HashMap<HostKey, Arc<Gate>>>,
}

/// Both permits of one request; dropping it frees the slots.
#[derive(Debug)]
pub struct Slot {
    _host: GatePermit,
    _global: OwnedSemaphorePermit,
}

/// Who goes first when a host's slot frees up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// The first request for a URL.
    Fresh,
    /// A request that continues a check already under way (a redirect hop, GET
    /// after a refused HEAD, a retry after its wait). Finishing what was
    /// started before starting more keeps every URL's chain short, so no check
    /// is left waiting at the back of a long queue for each of its hops.
    Continuation,
}

impl HostLimits {
    pub fn new(max_concurrency: usize, per_host: usize) -> HostLimits {
        HostLimits {
            global: Arc::new(Semaphore::new(max_concurrency.max(1))),
            per_host: per_host.max(1),
            hosts: Mutex::new(HashMap::new()),
        }
    }

    fn gate(&self, key: &HostKey) -> Arc<Gate> {
        // A poisoned lock only means another task panicked while inserting; the
        // map itself is still consistent.
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts
            .entry(key.clone())
            .or_insert_with(|| Gate::new(self.per_host))
            .clone()
    }

    /// Waits for a free slot on `key` and globally. `None` only if the global
    /// semaphore was closed, which this module never does.
    pub async fn acquire(&self, key: &HostKey, turn: Turn) -> Option<Slot> {
        let host = self.gate(key).acquire(turn).await;
        let global = self.global.clone().acquire_owned().await.ok()?;
        Some(Slot {
            _host: host,
            _global: global,
        })
    }
}

/// A counting semaphore with two queues: continuations are served before fresh
/// requests, each queue in arrival order. A freed slot is handed directly to
/// the next waiter.
#[derive(Debug)]
struct Gate {
    state: Mutex<GateState>,
}

#[derive(Debug)]
struct GateState {
    free: usize,
    continuations: VecDeque<oneshot::Sender<()>>,
    fresh: VecDeque<oneshot::Sender<()>>,
}

/// One slot of a [`Gate`], given back when dropped.
#[derive(Debug)]
struct GatePermit {
    gate: Arc<Gate>,
}

impl Drop for GatePermit {
    fn drop(&mut self) {
        self.gate.release();
    }
}

/// A waiter's claim; if the waiting task is cancelled after the slot was
/// handed to it but before it woke up, the slot is passed on, not lost.
struct Claim {
    gate: Arc<Gate>,
    rx: Option<oneshot::Receiver<()>>,
}

impl Drop for Claim {
    fn drop(&mut self) {
        if let Some(mut rx) = self.rx.take() {
            rx.close();
            if rx.try_recv().is_ok() {
                self.gate.release();
            }
        }
    }
}

impl Gate {
    fn new(slots: usize) -> Arc<Gate> {
        Arc::new(Gate {
            state: Mutex::new(GateState {
                free: slots,
                continuations: VecDeque::new(),
                fresh: VecDeque::new(),
            }),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, GateState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    async fn acquire(self: Arc<Self>, turn: Turn) -> GatePermit {
        let rx = {
            let mut st = self.lock();
            let ahead = match turn {
                Turn::Continuation => !st.continuations.is_empty(),
                Turn::Fresh => !st.continuations.is_empty() || !st.fresh.is_empty(),
            };
            if st.free > 0 && !ahead {
                st.free -= 1;
                return GatePermit { gate: self.clone() };
            }
            let (tx, rx) = oneshot::channel();
            match turn {
                Turn::Continuation => st.continuations.push_back(tx),
                Turn::Fresh => st.fresh.push_back(tx),
            }
            rx
        };
        let mut claim = Claim {
            gate: self.clone(),
            rx: Some(rx),
        };
        if let Some(rx) = claim.rx.as_mut() {
            // The sender lives in the gate, which `claim` keeps alive: it is
            // only ever used to hand over a slot, never dropped unsent except
            // when this receiver is already gone.
            let _ = rx.await;
        }
        claim.rx = None;
        GatePermit { gate: self }
    }

    fn release(&self) {
        let mut st = self.lock();
        loop {
            let next = match st.continuations.pop_front() {
                Some(tx) => Some(tx),
                None => st.fresh.pop_front(),
            };
            match next {
                // A waiter whose task was cancelled cannot take it: try the next.
                Some(tx) => {
                    if tx.send(()).is_ok() {
                        return;
                    }
                }
                None => {
                    st.free += 1;
                    return;
                }
            }
        }
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
        let a1 = limits.acquire(&a, Turn::Fresh).await;
        let a2 = limits.acquire(&a, Turn::Fresh).await;
        assert!(a1.is_some() && a2.is_some());
        // A third slot on host a must wait; host b is unaffected.
        let third = tokio::time::timeout(ms(50), limits.acquire(&a, Turn::Fresh));
        assert!(third.await.is_err(), "third slot on one host must wait");
        let b1 = tokio::time::timeout(ms(50), limits.acquire(&b, Turn::Fresh));
        assert!(b1.await.is_ok_and(|s| s.is_some()));
        drop(a1);
        assert!(limits.acquire(&a, Turn::Fresh).await.is_some());
    }

    fn ms(n: u64) -> std::time::Duration {
        std::time::Duration::from_millis(n)
    }

    #[tokio::test]
    async fn continuations_go_first_and_cancelled_waiters_lose_nothing() {
        let gate = Gate::new(1);
        let held = gate.clone().acquire(Turn::Fresh).await;
        let order = Arc::new(Mutex::new(Vec::new()));
        let mut tasks = Vec::new();
        for (name, turn) in [
            ("fresh-1", Turn::Fresh),
            ("fresh-2", Turn::Fresh),
            ("cont-1", Turn::Continuation),
        ] {
            let (gate, order) = (gate.clone(), order.clone());
            tasks.push(tokio::spawn(async move {
                let _permit = gate.acquire(turn).await;
                order.lock().unwrap_or_else(|e| e.into_inner()).push(name);
                tokio::time::sleep(ms(5)).await;
            }));
            // Queue them in a known order.
            tokio::time::sleep(ms(5)).await;
        }
        // A waiter that gives up must not take a slot with it.
        let gave_up = tokio::time::timeout(ms(10), gate.clone().acquire(Turn::Continuation)).await;
        assert!(gave_up.is_err());
        drop(held);
        for t in tasks {
            t.await.expect("task");
        }
        let order = order.lock().unwrap_or_else(|e| e.into_inner()).clone();
        assert_eq!(order, vec!["cont-1", "fresh-1", "fresh-2"]);
        assert_eq!(gate.lock().free, 1, "every slot came back");
    }
}
