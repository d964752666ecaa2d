//! Test support for the link checker: start `../shared/tools/linkfarm.py` on a
//! free port, read its statistics, and small raw HTTP helpers.
//!
//! The farm lives beside the repository, not in it; where it (or python3) is
//! missing, the tests print a clear SKIPPED line and pass.
#![allow(dead_code)] // each test binary uses a different part of this module

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use frontlint::links::LinkCheckOptions;
use serde_json::Value;

/// `../shared/tools` relative to the crate root.
pub fn tools_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools")
}

/// Whether the farm and python3 are there; if not, prints why the caller skips.
pub fn tools_available(test: &str) -> bool {
    let farm = tools_dir().join("linkfarm.py");
    if !farm.is_file() {
        eprintln!("SKIPPED: ../shared/tools/linkfarm.py not found ({test})");
        return false;
    }
    let python = Command::new("python3")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !python.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: python3 not found, needed for ../shared/tools/linkfarm.py ({test})");
        return false;
    }
    true
}

/// A running link farm, stopped when dropped.
pub struct Farm {
    child: Child,
    pub port: u16,
    pub hosts: usize,
    pub multi_ip: bool,
}

impl Farm {
    /// Starts the farm with `hosts` virtual hosts (on distinct loopback
    /// addresses with `multi_ip`, else on consecutive ports) plus `extra`
    /// arguments. `None` (after a SKIPPED line) when the tools are missing.
    pub fn start(test: &str, hosts: usize, multi_ip: bool, extra: &[&str]) -> Option<Farm> {
        if !tools_available(test) {
            return None;
        }
        for _ in 0..8 {
            let port = free_port(if multi_ip { 1 } else { hosts });
            let mut cmd = Command::new("python3");
            cmd.arg(tools_dir().join("linkfarm.py"))
                .args(["--port", &port.to_string(), "--hosts", &hosts.to_string()])
                // The farm stops by itself even if this process is killed.
                .args(["--duration", "300", "--quiet"])
                .args(extra)
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            if multi_ip {
                cmd.arg("--multi-ip");
            }
            let Ok(child) = cmd.spawn() else {
                panic!("cannot start python3 linkfarm.py");
            };
            let mut farm = Farm {
                child,
                port,
                hosts,
                multi_ip,
            };
            if farm.wait_ready() {
                return Some(farm);
            }
            // Port taken between our probe and the farm's bind: try another.
        }
        panic!("the link farm did not start");
    }

    fn wait_ready(&mut self) -> bool {
        let until = Instant::now() + Duration::from_secs(15);
        while Instant::now() < until {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return false;
            }
            if http_get(&self.addr(0), "/__health").is_some_and(|(s, _)| s == 200) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    /// `127.0.0.(1+i):port` or `127.0.0.1:(port+i)`.
    pub fn addr(&self, i: usize) -> String {
        if self.multi_ip {
            format!("127.0.0.{}:{}", 1 + i, self.port)
        } else {
            format!("127.0.0.1:{}", self.port + i as u16)
        }
    }

    /// `http://ADDR` of host `i`.
    pub fn base(&self, i: usize) -> String {
        format!("http://{}", self.addr(i))
    }

    /// The farm's `/__stats` (with per-path counts).
    pub fn stats(&self) -> Value {
        let (_, body) = http_get(&self.addr(0), "/__stats").expect("farm statistics");
        serde_json::from_str(&body).expect("statistics are JSON")
    }

    /// Clears the counters and per-client state (429/flaky memory).
    pub fn reset(&self) {
        http_get(&self.addr(0), "/__stats/reset").expect("farm reset");
    }

    /// Requests of any method the farm saw for `path` on host `i`.
    pub fn requests_for(stats: &Value, host: &str, path: &str) -> u64 {
        stats["hosts"][host]["paths"][path]
            .as_object()
            .map(|m| m.values().filter_map(Value::as_u64).sum())
            .unwrap_or(0)
    }
}

impl Drop for Farm {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port free on 127.0.0.1, with `span - 1` free ports after it.
pub fn free_port(span: usize) -> u16 {
    for _ in 0..50 {
        let Ok(listener) = TcpListener::bind("127.0.0.1:0") else {
            continue;
        };
        let Ok(addr) = listener.local_addr() else {
            continue;
        };
        let port = addr.port();
        if usize::from(port) + span >= 65535 {
            continue;
        }
        let rest_free =
            (1..span).all(|i| TcpListener::bind(("127.0.0.1", port + i as u16)).is_ok());
        if rest_free {
            return port;
        }
    }
    panic!("no free port range found");
}

/// A minimal HTTP/1.0 GET (std only, so test plumbing does not depend on the
/// client under test): (status, body).
pub fn http_get(addr: &str, path: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(addr).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, body.to_string()))
}

/// Options for tests: short timeouts and waits, no cache, no progress bar, and
/// private addresses allowed (the farm is on loopback).
pub fn test_options() -> LinkCheckOptions {
    LinkCheckOptions {
        timeout: Duration::from_secs(3),
        connect_timeout: Duration::from_secs(1),
        retries: 1,
        retry_wait: Duration::from_millis(100),
        retry_after_cap: Duration::from_secs(5),
        exclude_private: false,
        cache: None,
        progress: false,
        deadline: Duration::from_secs(40),
        ..LinkCheckOptions::default()
    }
}

/// One request as a raw test server saw it.
pub struct SeenRequest {
    pub at: Instant,
    /// Request line and headers, as sent.
    pub head: String,
    /// The same bytes, raw (a TLS ClientHello is not text).
    pub raw: Vec<u8>,
}

/// A one-shot HTTP server on 127.0.0.1 for things the farm cannot show (the
/// exact headers sent, an HTTP-date `Retry-After`, a TLS handshake): answers
/// the `i`-th connection with `responses[i]` (raw bytes), then closes it.
/// Returns the port and a handle yielding what was received; it stops after
/// `responses.len()` connections or 15 s.
pub fn raw_server(responses: Vec<Vec<u8>>) -> (u16, std::thread::JoinHandle<Vec<SeenRequest>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("local addr").port();
    listener.set_nonblocking(true).expect("nonblocking");
    let handle = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let until = Instant::now() + Duration::from_secs(15);
        for response in responses {
            let mut stream = loop {
                match listener.accept() {
                    Ok((s, _)) => break s,
                    Err(_) if Instant::now() < until => {
                        std::thread::sleep(Duration::from_millis(5))
                    }
                    Err(_) => return seen,
                }
            };
            let at = Instant::now();
            let _ = stream.set_nonblocking(false);
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let mut head = Vec::new();
            let mut buf = [0u8; 4096];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
                // A TLS ClientHello never ends with a blank line: stop once the
                // whole first TLS record is in.
                if head.first() == Some(&0x16)
                    && head.len() >= 5
                    && head.len() >= 5 + usize::from(u16::from_be_bytes([head[3], head[4]]))
                {
                    break;
                }
            }
            let _ = stream.write_all(&response);
            let _ = stream.flush();
            seen.push(SeenRequest {
                at,
                head: String::from_utf8_lossy(&head).into_owned(),
                raw: head,
            });
            // Give the client time to read before the socket goes away.
            std::thread::sleep(Duration::from_millis(20));
        }
        seen
    });
    (port, handle)
}

/// A complete response that closes the connection.
pub fn raw_response(status_line: &str, extra_headers: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status_line}\r\nContent-Length: 0\r\nConnection: close\r\n{extra_headers}\r\n"
    )
    .into_bytes()
}
