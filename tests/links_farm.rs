//! The link-check engine against real HTTP: `../shared/tools/linkfarm.py` on
//! loopback for server behaviours, and tiny raw servers for what the farm cannot
//! show (headers sent, HTTP-date `Retry-After`, the TLS handshake). No mocks.

mod links_support;

use std::time::{Duration, Instant};

use frontlint::links::{
    DEFAULT_USER_AGENT, DeadCause, LinkCheckOptions, LinkReport, SkipReason, UrlOutcome, check_urls,
};
use links_support::{Farm, raw_response, raw_server, test_options};
use serde_json::Value;

fn run(urls: &[String], opts: &LinkCheckOptions) -> LinkReport {
    check_urls(urls, opts).expect("the link check runs")
}

fn urls(farm: &Farm, host: usize, paths: &[&str]) -> Vec<String> {
    paths
        .iter()
        .map(|p| format!("{}{p}", farm.base(host)))
        .collect()
}

fn outcome<'a>(report: &'a LinkReport, url: &str) -> &'a UrlOutcome {
    report
        .get(url)
        .unwrap_or_else(|| panic!("no outcome for {url}"))
}

fn dead_cause(report: &LinkReport, url: &str) -> DeadCause {
    match outcome(report, url) {
        UrlOutcome::Dead { cause, .. } => *cause,
        other => panic!("{url}: expected dead, got {other:?}"),
    }
}

/// Requests of each method for `path` on host 0.
fn methods(stats: &Value, farm: &Farm, path: &str) -> (u64, u64) {
    let m = &stats["hosts"][farm.addr(0)]["paths"][path];
    (
        m["HEAD"].as_u64().unwrap_or(0),
        m["GET"].as_u64().unwrap_or(0),
    )
}

fn requests(stats: &Value, farm: &Farm, path: &str) -> u64 {
    Farm::requests_for(stats, &farm.addr(0), path)
}

#[test]
fn statuses_and_redirects() {
    let Some(farm) = Farm::start("statuses_and_redirects", 1, true, &[]) else {
        return;
    };
    let list = urls(
        &farm,
        0,
        &[
            "/ok/a",
            "/404/a",
            "/500/a",
            "/status/410/a",
            "/redirect/3/r#part",
            "/redirect-404/x",
            "/redirect-loop/a",
            "/redirect/12/a",
        ],
    );
    let opts = LinkCheckOptions {
        retries: 1,
        ..test_options()
    };
    let report = run(&list, &opts);
    let stats = farm.stats();
    let b = farm.base(0);

    assert_eq!(
        outcome(&report, &list[0]),
        &UrlOutcome::Alive { status: 200 }
    );
    assert_eq!(
        methods(&stats, &farm, "/ok/a"),
        (1, 0),
        "one HEAD for a live URL"
    );

    assert_eq!(dead_cause(&report, &list[1]), DeadCause::Status(404));
    assert!(
        outcome(&report, &list[1])
            .message()
            .contains("404 Not Found")
    );
    assert_eq!(requests(&stats, &farm, "/404/a"), 1, "a 404 is not retried");

    // A 5xx is retried (once here), with GET in case only HEAD is broken.
    assert_eq!(dead_cause(&report, &list[2]), DeadCause::Status(500));
    assert_eq!(methods(&stats, &farm, "/500/a"), (1, 1));
    assert_eq!(dead_cause(&report, &list[3]), DeadCause::Status(410));

    // The fragment is carried over to the final URL (the LK011 fix).
    assert_eq!(
        outcome(&report, &list[4]),
        &UrlOutcome::Redirected {
            status: 200,
            final_url: format!("{b}/ok/r#part"),
            permanent: true,
            hops: 3,
        }
    );
    assert_eq!(dead_cause(&report, &list[5]), DeadCause::Status(404));

    // The loop is caught at the first URL seen twice: two requests, no more.
    assert_eq!(dead_cause(&report, &list[6]), DeadCause::RedirectLoop);
    assert!(
        outcome(&report, &list[6])
            .message()
            .contains("redirect loop")
    );
    assert_eq!(requests(&stats, &farm, "/redirect-loop/a"), 1);
    assert_eq!(requests(&stats, &farm, "/redirect-loop-b/a"), 1);

    assert_eq!(dead_cause(&report, &list[7]), DeadCause::TooManyRedirects);
    assert_eq!(
        requests(&stats, &farm, "/redirect/1/a"),
        0,
        "stopped after 10 hops"
    );
}

#[test]
fn rate_limits_and_retry_after() {
    // --strict-429: coming back before Retry-After earns another 429.
    let Some(farm) = Farm::start(
        "rate_limits_and_retry_after",
        1,
        true,
        &["--strict-429", "--retry-after", "1"],
    ) else {
        return;
    };
    let list = urls(&farm, 0, &["/429/a", "/429-always/a"]);
    let opts = LinkCheckOptions {
        retries: 2,
        ..test_options()
    };
    let report = run(&list, &opts);
    let stats = farm.stats();
    assert_eq!(
        outcome(&report, &list[0]),
        &UrlOutcome::Alive { status: 200 }
    );
    assert_eq!(requests(&stats, &farm, "/429/a"), 2);
    assert_eq!(
        stats["totals"]["retry_after_early"], 0,
        "never back before Retry-After"
    );
    let gaps = stats["hosts"][farm.addr(0)]["retry_after_gaps_s"]
        .as_array()
        .expect("gaps");
    assert!(
        gaps.iter().all(|g| g.as_f64().is_some_and(|g| g >= 1.0)),
        "{gaps:?}"
    );

    // A server that never stops rate-limiting: reported as such, not dead.
    let limited = outcome(&report, &list[1]);
    assert_eq!(limited, &UrlOutcome::RateLimited { status: 429 });
    assert!(!limited.is_dead());
    assert_eq!(requests(&stats, &farm, "/429-always/a"), 3, "1 + 2 retries");

    // Asked to wait longer than retry_after_cap: give up at once, politely.
    let capped = LinkCheckOptions {
        retry_after_cap: Duration::from_millis(500),
        ..opts
    };
    let list = urls(&farm, 0, &["/429-always/b"]);
    let started = Instant::now();
    let report = run(&list, &capped);
    assert_eq!(
        outcome(&report, &list[0]),
        &UrlOutcome::RateLimited { status: 429 }
    );
    assert_eq!(requests(&farm.stats(), &farm, "/429-always/b"), 1);
    assert!(started.elapsed() < Duration::from_millis(900));
}

#[test]
fn head_refused_flaky_and_big_bodies() {
    let Some(farm) = Farm::start("head_refused_flaky_and_big_bodies", 1, true, &[]) else {
        return;
    };
    let list = urls(
        &farm,
        0,
        &["/head-405/a", "/flaky/a", "/big/a", "/big-nohead/a"],
    );
    let report = run(&list, &test_options());
    let stats = farm.stats();
    for url in &list {
        assert_eq!(
            outcome(&report, url),
            &UrlOutcome::Alive { status: 200 },
            "{url}"
        );
    }
    assert_eq!(
        methods(&stats, &farm, "/head-405/a"),
        (1, 1),
        "HEAD refused, then GET"
    );
    assert_eq!(requests(&stats, &farm, "/flaky/a"), 2, "503 then a retry");
    assert_eq!(
        methods(&stats, &farm, "/big/a"),
        (1, 0),
        "HEAD only: no body"
    );
    assert_eq!(methods(&stats, &farm, "/big-nohead/a"), (1, 1));
    // The 32 MiB body of /big-nohead was cut off after a few KiB.
    assert_eq!(stats["totals"]["big_complete"], 0);
    assert_eq!(report.stats.retries, 1);
}

#[test]
fn timeouts() {
    let Some(farm) = Farm::start("timeouts", 1, true, &[]) else {
        return;
    };
    let list = urls(&farm, 0, &["/slow/3000/a", "/slow/100/a"]);
    let opts = LinkCheckOptions {
        timeout: Duration::from_millis(400),
        retries: 1,
        ..test_options()
    };
    let started = Instant::now();
    let report = run(&list, &opts);
    assert_eq!(dead_cause(&report, &list[0]), DeadCause::Timeout);
    assert!(outcome(&report, &list[0]).message().contains("400ms"));
    assert_eq!(
        outcome(&report, &list[1]),
        &UrlOutcome::Alive { status: 200 }
    );
    // Two attempts of 400 ms and one short backoff; the 3 s answer is not awaited.
    assert_eq!(requests(&farm.stats(), &farm, "/slow/3000/a"), 2);
    assert!(
        started.elapsed() < Duration::from_millis(2000),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn fragments() {
    let Some(farm) = Farm::start("fragments", 1, true, &[]) else {
        return;
    };
    let list = urls(
        &farm,
        0,
        &[
            "/anchors/a#sec-3",
            "/anchors/a#old-2",
            "/anchors/a#no-such-1",
            "/anchors/a",
            "/redirect/1/anchors-b#sec-1",
        ],
    );
    let opts = LinkCheckOptions {
        check_fragments: true,
        ..test_options()
    };
    let report = run(&list, &opts);
    assert_eq!(
        outcome(&report, &list[0]),
        &UrlOutcome::Alive { status: 200 }
    );
    assert_eq!(
        outcome(&report, &list[1]),
        &UrlOutcome::Alive { status: 200 },
        "name="
    );
    assert_eq!(
        outcome(&report, &list[2]),
        &UrlOutcome::MissingFragment {
            status: 200,
            fragment: "no-such-1".into()
        }
    );
    assert_eq!(
        outcome(&report, &list[3]),
        &UrlOutcome::Alive { status: 200 }
    );
    // Anchors are looked up in the page the redirects end at (here /ok/...,
    // which has none).
    assert_eq!(
        outcome(&report, &list[4]),
        &UrlOutcome::MissingFragment {
            status: 200,
            fragment: "sec-1".into()
        }
    );
    // Four URLs, one page: fetched once, with GET for the anchors.
    let stats = farm.stats();
    assert_eq!(methods(&stats, &farm, "/anchors/a"), (0, 1));

    // Without fragment checks: one HEAD, every fragment accepted.
    farm.reset();
    let report = run(&list[..4], &test_options());
    for url in &list[..4] {
        assert_eq!(outcome(&report, url), &UrlOutcome::Alive { status: 200 });
    }
    assert_eq!(methods(&farm.stats(), &farm, "/anchors/a"), (1, 0));
}

#[test]
fn user_agents_and_access_refused() {
    let Some(farm) = Farm::start("user_agents_and_access_refused", 1, true, &[]) else {
        return;
    };
    // The default agent is browser-compatible: bot blocking lets it through.
    let list = urls(&farm, 0, &["/ua-block/a", "/status/401/a", "/status/999/a"]);
    let report = run(&list, &test_options());
    assert_eq!(
        outcome(&report, &list[0]),
        &UrlOutcome::Alive { status: 200 }
    );
    assert_eq!(
        outcome(&report, &list[1]),
        &UrlOutcome::AccessRefused { status: 401 }
    );
    assert_eq!(
        outcome(&report, &list[2]),
        &UrlOutcome::AccessRefused { status: 999 }
    );

    // A non-browser agent is refused for good: "could not verify", not dead.
    let bot = LinkCheckOptions {
        user_agent: "linkbot/1.0".into(),
        ..test_options()
    };
    let list = urls(&farm, 0, &["/ua-block/b"]);
    let report = run(&list, &bot);
    let refused = outcome(&report, &list[0]);
    assert_eq!(refused, &UrlOutcome::AccessRefused { status: 403 });
    assert!(
        refused
            .message()
            .contains("access refused to automated checks")
    );
    assert!(!refused.is_dead());
    assert_eq!(
        methods(&farm.stats(), &farm, "/ua-block/b"),
        (1, 1),
        "GET confirms the 403"
    );
}

#[test]
fn network_failures_name_their_cause() {
    let Some(farm) = Farm::start("network_failures_name_their_cause", 1, true, &[]) else {
        return;
    };
    let list = vec![
        format!("{}/reset/a", farm.base(0)),
        "http://127.0.0.1:1/refused".to_string(),
        // TLS spoken to a plain-HTTP server: the handshake fails.
        format!("https://{}/ok/tls", farm.addr(0)),
        // .invalid never resolves (RFC 2606).
        "http://frontlint-test.invalid/".to_string(),
    ];
    let opts = LinkCheckOptions {
        retries: 1,
        ..test_options()
    };
    let report = run(&list, &opts);
    assert_eq!(dead_cause(&report, &list[0]), DeadCause::Reset);
    assert!(outcome(&report, &list[0]).message().contains("reset"));
    // HEAD dropped, GET at once (that is the one retry allowed here).
    assert_eq!(methods(&farm.stats(), &farm, "/reset/a"), (1, 1));
    assert_eq!(dead_cause(&report, &list[1]), DeadCause::Refused);
    assert!(
        outcome(&report, &list[1])
            .message()
            .contains("connection refused")
    );
    assert_eq!(dead_cause(&report, &list[2]), DeadCause::Tls);
    assert!(outcome(&report, &list[2]).message().contains("TLS error"));
    assert_eq!(dead_cause(&report, &list[3]), DeadCause::Dns);
    assert!(outcome(&report, &list[3]).message().contains("DNS failure"));
}

#[test]
fn connect_timeout() {
    // A listener with a backlog of one that never accepts: once the backlog is
    // full, the kernel drops further SYNs and connecting hangs.
    let Ok(mut holder) = std::process::Command::new("python3")
        .args([
            "-c",
            "import socket,time\n\
             l=socket.socket(); l.bind(('127.0.0.1',0)); l.listen(1)\n\
             print(l.getsockname()[1], flush=True); time.sleep(30)",
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("SKIPPED connect_timeout: python3 not found");
        return;
    };
    let mut line = String::new();
    if let Some(out) = holder.stdout.take() {
        use std::io::BufRead;
        let _ = std::io::BufReader::new(out).read_line(&mut line);
    }
    let port: u16 = line.trim().parse().expect("port from python");
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let mut fill = Vec::new();
    while let Ok(s) = std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)) {
        fill.push(s);
        assert!(fill.len() < 50, "the backlog never filled up");
    }
    let url = format!("http://127.0.0.1:{port}/");
    let opts = LinkCheckOptions {
        connect_timeout: Duration::from_millis(300),
        retries: 0,
        ..test_options()
    };
    let started = Instant::now();
    let report = run(std::slice::from_ref(&url), &opts);
    let _ = holder.kill();
    let _ = holder.wait();
    assert_eq!(dead_cause(&report, &url), DeadCause::Timeout);
    assert!(
        outcome(&report, &url)
            .message()
            .contains("could not connect within 300ms"),
        "{}",
        outcome(&report, &url).message()
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn redirects_to_other_schemes_are_not_followed() {
    let (port, server) = raw_server(vec![
        raw_response("301 Moved Permanently", "Location: file:///etc/passwd\r\n"),
        raw_response("302 Found", "Location: ftp://127.0.0.1/file\r\n"),
    ]);
    let list = vec![
        format!("http://127.0.0.1:{port}/to-file"),
        format!("http://127.0.0.1:{port}/to-ftp"),
    ];
    // One at a time, so each URL meets the response meant for it.
    let opts = LinkCheckOptions {
        max_concurrency: 1,
        ..test_options()
    };
    let report = run(&list, &opts);
    for url in &list {
        assert_eq!(dead_cause(&report, url), DeadCause::RedirectScheme);
        assert!(outcome(&report, url).message().contains("non-HTTP"));
    }
    assert_eq!(server.join().expect("server thread").len(), 2);
}

#[test]
fn per_host_and_global_limits() {
    let Some(farm) = Farm::start("per_host_and_global_limits", 3, true, &[]) else {
        return;
    };
    let list: Vec<String> = (0..3)
        .flat_map(|h| (0..12).map(move |i| (h, i)))
        .map(|(h, i)| format!("{}/slow/150/{i}", farm.base(h)))
        .collect();
    let opts = LinkCheckOptions {
        per_host: 3,
        max_concurrency: 5,
        ..test_options()
    };
    let report = run(&list, &opts);
    assert!(
        list.iter()
            .all(|u| outcome(&report, u) == &UrlOutcome::Alive { status: 200 })
    );
    let stats = farm.stats();
    for h in 0..3 {
        let max = stats["hosts"][farm.addr(h)]["max_inflight"]
            .as_u64()
            .unwrap_or(99);
        // No request is abandoned here, but the farm counts a request as done
        // only after writing its last byte and taking its lock: a client that
        // has read the answer may already have sent its next request on another
        // connection. On a loaded machine that instant shows as one extra
        // request in flight.
        assert!(max <= 3 + 1, "host {h}: {max} requests at once");
    }
    let global = stats["totals"]["max_inflight_global"]
        .as_u64()
        .unwrap_or(99);
    // The same server-side slack as per host, on each of the 3 hosts.
    assert!(global <= 5 + 3, "{global} requests at once overall");
    assert!(global >= 2, "requests should overlap: {global}");
    assert_eq!(report.stats.requests, 36, "one request per URL");
}

#[test]
fn hosts_are_keyed_by_port() {
    // Two farm hosts on one address, two ports: they are two hosts.
    let Some(farm) = Farm::start("hosts_are_keyed_by_port", 2, false, &[]) else {
        return;
    };
    let list: Vec<String> = (0..2)
        .flat_map(|h| (0..8).map(move |i| (h, i)))
        .map(|(h, i)| format!("{}/slow/200/{i}", farm.base(h)))
        .collect();
    let opts = LinkCheckOptions {
        per_host: 2,
        ..test_options()
    };
    run(&list, &opts);
    let stats = farm.stats();
    for h in 0..2 {
        let max = stats["hosts"][farm.addr(h)]["max_inflight"]
            .as_u64()
            .unwrap_or(99);
        // +1: the farm's bookkeeping lag, see per_host_and_global_limits.
        assert!(max <= 2 + 1, "port {h}: {max} at once");
    }
    // Lumped into one host, the two ports could never reach 4 at once.
    let global = stats["totals"]["max_inflight_global"].as_u64().unwrap_or(0);
    assert!(
        global >= 4,
        "ports lumped into one host? global max {global}"
    );
}

#[test]
fn a_slow_host_does_not_stall_the_others() {
    let Some(farm) = Farm::start("a_slow_host_does_not_stall_the_others", 2, true, &[]) else {
        return;
    };
    let mut list: Vec<String> = (0..6)
        .map(|i| format!("{}/slow/1000/{i}", farm.base(0)))
        .collect();
    list.extend((0..30).map(|i| format!("{}/ok/{i}", farm.base(1))));
    let opts = LinkCheckOptions {
        per_host: 2,
        max_concurrency: 4,
        ..test_options()
    };
    farm.reset();
    run(&list, &opts);
    let stats = farm.stats();
    let last = |h: usize| {
        stats["hosts"][farm.addr(h)]["last_request_s"]
            .as_f64()
            .unwrap_or(f64::MAX)
    };
    // The slow host needs three rounds of one second; the fast host is done
    // long before, although its URLs came after in the list.
    assert!(last(0) >= 1.9, "slow host last request at {}", last(0));
    assert!(last(1) < 1.0, "fast host last request at {}", last(1));
}

#[test]
fn one_request_per_url_connection_reuse_and_cache() {
    let Some(farm) = Farm::start(
        "one_request_per_url_connection_reuse_and_cache",
        1,
        true,
        &[],
    ) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let cache_path = dir.path().join("links-cache.json");
    let mut list: Vec<String> = Vec::new();
    for i in 0..20 {
        let u = format!("{}/ok/{i}", farm.base(0));
        // The same URL twice, and once more with a fragment: one request.
        list.push(u.clone());
        list.push(u.clone());
        list.push(format!("{u}#part"));
    }
    list.push(format!("{}/404/gone", farm.base(0)));
    let opts = LinkCheckOptions {
        per_host: 4,
        cache: Some(cache_path.clone()),
        ..test_options()
    };
    let first = run(&list, &opts);
    let stats = farm.stats();
    for i in 0..20 {
        assert_eq!(requests(&stats, &farm, &format!("/ok/{i}")), 1);
    }
    assert_eq!(stats["totals"]["requests"], 21);
    assert_eq!(first.stats.requests, 21);
    assert_eq!(first.outcomes.len(), 41);
    let connections = stats["totals"]["connections_total"].as_u64().unwrap_or(99);
    assert!(
        connections <= 10,
        "keep-alive: {connections} connections for 21 requests"
    );

    // Second run within cache_max_age: not one request, same verdicts.
    let text = std::fs::read_to_string(&cache_path).expect("cache written");
    let json: Value = serde_json::from_str(&text).expect("cache is JSON");
    assert_eq!(json["version"], frontlint::links::CACHE_VERSION);
    farm.reset();
    let second = run(&list, &opts);
    assert_eq!(farm.stats()["totals"]["requests"], 0);
    assert_eq!(second.outcomes, first.outcomes);
    assert_eq!(second.stats.cached, 41);
    assert!(second.warnings.is_empty(), "{:?}", second.warnings);

    // Failures expire sooner: with failure_max_age 0 only the 404 is asked again.
    farm.reset();
    let retry_failures = LinkCheckOptions {
        failure_max_age: Duration::ZERO,
        ..opts.clone()
    };
    run(&list, &retry_failures);
    let stats = farm.stats();
    assert_eq!(stats["totals"]["requests"], 1);
    assert_eq!(requests(&stats, &farm, "/404/gone"), 1);

    // A corrupt cache is a warning, never a failure, and is rewritten.
    std::fs::write(&cache_path, "{ this is not json").expect("write");
    let report = run(&list[..3], &opts);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(report.warnings[0].contains("corrupt"));
    assert_eq!(
        outcome(&report, &list[0]),
        &UrlOutcome::Alive { status: 200 }
    );
    let text = std::fs::read_to_string(&cache_path).expect("cache rewritten");
    assert!(serde_json::from_str::<Value>(&text).is_ok());
}

#[test]
fn skipped_urls_are_never_requested() {
    let Some(farm) = Farm::start("skipped_urls_are_never_requested", 1, true, &[]) else {
        return;
    };
    let excluded = format!("{}/ok/excluded", farm.base(0));
    let list = vec![
        "mailto:someone@example.org".to_string(),
        "tel:+33123456789".to_string(),
        "ftp://example.org/file".to_string(),
        "not a url".to_string(),
        excluded.clone(),
    ];
    let opts = LinkCheckOptions {
        exclude: vec![regex::Regex::new("/excluded$").expect("regex")],
        ..test_options()
    };
    let report = run(&list, &opts);
    for url in &list {
        assert!(
            matches!(outcome(&report, url), UrlOutcome::Skipped { .. }),
            "{url}: {:?}",
            outcome(&report, url)
        );
    }
    assert_eq!(
        outcome(&report, &list[0]),
        &UrlOutcome::Skipped {
            reason: SkipReason::UnsupportedScheme {
                scheme: "mailto".into()
            }
        }
    );
    assert_eq!(
        outcome(&report, &excluded),
        &UrlOutcome::Skipped {
            reason: SkipReason::Excluded
        }
    );
    assert_eq!(report.stats.requests, 0);

    // exclude_private: the farm (loopback) and localhost are off limits.
    let private = LinkCheckOptions {
        exclude_private: true,
        ..test_options()
    };
    let list = vec![
        format!("{}/ok/private", farm.base(0)),
        format!("http://localhost:{}/ok/private", farm.port),
    ];
    let report = run(&list, &private);
    for url in &list {
        assert_eq!(
            outcome(&report, url),
            &UrlOutcome::Skipped {
                reason: SkipReason::PrivateAddress
            }
        );
    }
    assert_eq!(farm.stats()["totals"]["requests"], 0);
}

#[test]
fn accept_codes() {
    let Some(farm) = Farm::start("accept_codes", 1, true, &[]) else {
        return;
    };
    let list = urls(&farm, 0, &["/404/accepted", "/status/204/a", "/ok/a"]);
    let opts = LinkCheckOptions {
        accept: vec![200, 404],
        ..test_options()
    };
    let report = run(&list, &opts);
    assert_eq!(
        outcome(&report, &list[0]),
        &UrlOutcome::Alive { status: 404 }
    );
    assert_eq!(dead_cause(&report, &list[1]), DeadCause::Status(204));
    assert_eq!(
        outcome(&report, &list[2]),
        &UrlOutcome::Alive { status: 200 }
    );
}

#[test]
fn the_deadline_stops_the_run() {
    let Some(farm) = Farm::start("the_deadline_stops_the_run", 1, true, &[]) else {
        return;
    };
    let list = urls(&farm, 0, &["/slow/5000/a", "/ok/a"]);
    let opts = LinkCheckOptions {
        timeout: Duration::from_secs(10),
        deadline: Duration::from_secs(1),
        ..test_options()
    };
    let started = Instant::now();
    let report = run(&list, &opts);
    assert!(
        started.elapsed() < Duration::from_millis(2500),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        outcome(&report, &list[0]),
        &UrlOutcome::Skipped {
            reason: SkipReason::Deadline
        }
    );
    assert_eq!(
        outcome(&report, &list[1]),
        &UrlOutcome::Alive { status: 200 }
    );
    assert!(report.warnings.iter().any(|w| w.contains("deadline")));
}

#[test]
fn no_credentials_and_the_default_user_agent() {
    let (port, server) = raw_server(vec![raw_response("200 OK", "")]);
    let url = format!("http://user:secret@127.0.0.1:{port}/private?q=1#frag");
    let report = run(std::slice::from_ref(&url), &test_options());
    assert_eq!(outcome(&report, &url), &UrlOutcome::Alive { status: 200 });
    let seen = server.join().expect("server thread");
    assert_eq!(seen.len(), 1);
    let head = seen[0].head.to_ascii_lowercase();
    assert!(head.starts_with("head /private?q=1 http/1.1\r\n"), "{head}");
    for header in [
        "authorization:",
        "cookie:",
        "referer:",
        "proxy-authorization:",
    ] {
        assert!(!head.contains(header), "sent {header}\n{head}");
    }
    assert!(!head.contains("secret") && !head.contains("frag"), "{head}");
    let ua = format!(
        "user-agent: {}\r\n",
        DEFAULT_USER_AGENT.to_ascii_lowercase()
    );
    assert!(head.contains(&ua), "{head}");
}

#[test]
fn retry_after_as_an_http_date() {
    let when = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(2);
    let date = jiff::fmt::rfc2822::DateTimePrinter::new()
        .timestamp_to_rfc9110_string(&when)
        .expect("format HTTP date");
    let (port, server) = raw_server(vec![
        raw_response("429 Too Many Requests", &format!("Retry-After: {date}\r\n")),
        raw_response("200 OK", ""),
    ]);
    let url = format!("http://127.0.0.1:{port}/limited");
    let report = run(std::slice::from_ref(&url), &test_options());
    assert_eq!(outcome(&report, &url), &UrlOutcome::Alive { status: 200 });
    let seen = server.join().expect("server thread");
    assert_eq!(seen.len(), 2);
    let gap = seen[1].at - seen[0].at;
    // The date has one-second resolution: at least one second, at most ~2.
    assert!(
        gap >= Duration::from_millis(1000),
        "came back after {gap:?}"
    );
    assert!(gap < Duration::from_millis(3500), "waited {gap:?}");
}

/// The protocols a TLS ClientHello offers through ALPN.
fn alpn_offered(hello: &[u8]) -> Vec<String> {
    fn take<'a>(buf: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
        let (head, tail) = (buf.get(..n)?, buf.get(n..)?);
        *buf = tail;
        Some(head)
    }
    fn len(bytes: &[u8]) -> usize {
        bytes.iter().fold(0, |acc, b| acc * 256 + usize::from(*b))
    }
    let parse = || -> Option<Vec<String>> {
        let mut b = hello;
        take(&mut b, 5)?; // record header
        take(&mut b, 4)?; // handshake header
        take(&mut b, 2 + 32)?; // version, random
        let n = len(take(&mut b, 1)?);
        take(&mut b, n)?; // session id
        let n = len(take(&mut b, 2)?);
        take(&mut b, n)?; // cipher suites
        let n = len(take(&mut b, 1)?);
        take(&mut b, n)?; // compression
        let n = len(take(&mut b, 2)?);
        let mut ext = take(&mut b, n)?;
        while !ext.is_empty() {
            let kind = len(take(&mut ext, 2)?);
            let n = len(take(&mut ext, 2)?);
            let mut data = take(&mut ext, n)?;
            if kind == 16 {
                let n = len(take(&mut data, 2)?);
                let mut list = take(&mut data, n)?;
                let mut out = Vec::new();
                while !list.is_empty() {
                    let n = len(take(&mut list, 1)?);
                    out.push(String::from_utf8_lossy(take(&mut list, n)?).into_owned());
                }
                return Some(out);
            }
        }
        Some(Vec::new())
    };
    parse().unwrap_or_default()
}

#[test]
fn tls_offers_http2_and_reports_handshake_errors() {
    // Read the ClientHello, answer with plain HTTP: the handshake must fail.
    let (port, server) = raw_server(vec![b"HTTP/1.1 400 Bad Request\r\n\r\n".to_vec()]);
    let url = format!("https://127.0.0.1:{port}/");
    let report = run(std::slice::from_ref(&url), &test_options());
    assert_eq!(dead_cause(&report, &url), DeadCause::Tls);
    let seen = server.join().expect("server thread");
    assert_eq!(seen.len(), 1, "a TLS failure is not retried");
    let alpn = alpn_offered(&seen[0].raw);
    assert_eq!(alpn, vec!["h2".to_string(), "http/1.1".to_string()]);
}
