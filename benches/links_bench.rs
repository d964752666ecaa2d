//! Times the link-check engine on the workload and scores it.
//!
//! Starts `../shared/tools/linkfarm.py` (20 hosts on distinct loopback
//! addresses, 50 ms latency), generates 200 posts × 10 links with
//! `make_link_corpus.py`, runs [`check_urls`] on the URLs of `expected.json`,
//! then prints the wall time, the score from `score_link_check.py` (dead URLs
//! one per line) and the floor from `link_lower_bound.py` at the same per-host
//! limit. `cargo bench --bench links_bench`; knobs through environment
//! variables (see `Knobs`). Prints SKIPPED and succeeds where the tools are
//! missing.

#[path = "../tests/links_support/mod.rs"]
mod links_support;

use std::process::Command;
use std::time::{Duration, Instant};

use frontlint::links::{LinkCheckOptions, check_urls};
use links_support::{Farm, tools_dir};
use serde_json::Value;

/// Workload and engine settings, from `LINKS_BENCH_*` variables.
struct Knobs {
    posts: u32,
    links: u32,
    hosts: usize,
    latency_ms: u32,
    seed: u32,
    runs: u32,
    per_host: usize,
    max_concurrency: usize,
    retries: u32,
    retry_wait_ms: u64,
}

fn knob<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let defaults = LinkCheckOptions::default();
    let k = Knobs {
        posts: knob("LINKS_BENCH_POSTS", 200),
        links: knob("LINKS_BENCH_LINKS", 10),
        hosts: knob("LINKS_BENCH_HOSTS", 20),
        latency_ms: knob("LINKS_BENCH_LATENCY_MS", 50),
        seed: knob("LINKS_BENCH_SEED", 7),
        runs: knob("LINKS_BENCH_RUNS", 3),
        per_host: knob("LINKS_BENCH_PER_HOST", defaults.per_host),
        max_concurrency: knob("LINKS_BENCH_MAX_CONCURRENCY", defaults.max_concurrency),
        retries: knob("LINKS_BENCH_RETRIES", defaults.retries),
        retry_wait_ms: knob(
            "LINKS_BENCH_RETRY_WAIT_MS",
            defaults.retry_wait.as_millis() as u64,
        ),
    };
    let latency = k.latency_ms.to_string();
    let mut farm_args = vec!["--latency-ms".to_string(), latency];
    // LINKS_BENCH_ACCESS_LOG=FILE keeps the farm's per-request log (timeline).
    if let Ok(log) = std::env::var("LINKS_BENCH_ACCESS_LOG") {
        farm_args.extend(["--access-log".to_string(), log]);
    }
    let farm_args: Vec<&str> = farm_args.iter().map(String::as_str).collect();
    let Some(farm) = Farm::start("links_bench", k.hosts, true, &farm_args) else {
        return;
    };
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("links_bench: no temporary directory: {e}");
            std::process::exit(2);
        }
    };
    let corpus = dir.path().join("corpus");
    let made = Command::new("python3")
        .arg(tools_dir().join("make_link_corpus.py"))
        .arg("--out")
        .arg(&corpus)
        .args([
            "--posts",
            &k.posts.to_string(),
            "--links",
            &k.links.to_string(),
        ])
        .args(["--hosts", &k.hosts.to_string(), "--multi-ip"])
        .args([
            "--port",
            &farm.port.to_string(),
            "--seed",
            &k.seed.to_string(),
        ])
        .output()
        .expect("run make_link_corpus.py");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let expected_path = corpus.join("expected.json");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(&expected_path).expect("expected.json"))
            .expect("expected.json is JSON");
    let urls = urls_in_reading_order(&expected);
    println!(
        "links_bench: {} posts x {} links, {} unique URLs, {} dead, {} hosts (multi-ip), \
         latency {} ms, per_host {}, max_concurrency {}, retries {}, retry_wait {} ms",
        k.posts,
        k.links,
        urls.len(),
        expected["summary"]["dead"],
        k.hosts,
        k.latency_ms,
        k.per_host,
        k.max_concurrency,
        k.retries,
        k.retry_wait_ms
    );

    let floor = lower_bound(&expected_path, k.latency_ms, k.per_host);
    let opts = LinkCheckOptions {
        per_host: k.per_host,
        max_concurrency: k.max_concurrency,
        retries: k.retries,
        retry_wait: Duration::from_millis(k.retry_wait_ms),
        cache: None,
        progress: false,
        ..defaults
    };
    let mut walls = Vec::new();
    for run in 1..=k.runs {
        farm.reset();
        let cpu_before = cpu_seconds();
        let started = Instant::now();
        let report = check_urls(&urls, &opts).expect("link check runs");
        let wall = started.elapsed();
        let cpu = cpu_seconds().zip(cpu_before).map(|(a, b)| a - b);
        walls.push(wall);
        let dead: Vec<&str> = report
            .outcomes
            .iter()
            .filter(|(_, o)| o.is_dead())
            .map(|(u, _)| u.as_str())
            .collect();
        let dead_list = dir.path().join("dead.txt");
        let mut text = dead.join("\n");
        text.push('\n');
        std::fs::write(&dead_list, text).expect("write dead list");
        let stats_path = dir.path().join("farm_stats.json");
        std::fs::write(&stats_path, farm.stats().to_string()).expect("write farm stats");
        let score = Command::new("python3")
            .arg(tools_dir().join("score_link_check.py"))
            .arg("--expected")
            .arg(&expected_path)
            .arg("--dead-list")
            .arg(&dead_list)
            .arg("--farm-stats")
            .arg(&stats_path)
            .output()
            .expect("run score_link_check.py");
        let score_text = String::from_utf8_lossy(&score.stdout);
        println!(
            "run {run}: wall {:.2} s, checker CPU {}, {} requests, {} retries",
            wall.as_secs_f64(),
            cpu.map_or("?".to_string(), |c| format!("{c:.2} s")),
            report.stats.requests,
            report.stats.retries
        );
        for line in score_text.lines() {
            let first_run_details = run == 1;
            if first_run_details
                || line.starts_with("expected dead")
                || line.starts_with("farm:")
                || line.contains("missed")
                || line.contains("false positive")
            {
                println!("  {line}");
            }
        }
    }
    walls.sort();
    let median = walls[walls.len() / 2];
    match floor {
        Some(floor) => println!(
            "links_bench: wall median {:.2} s (best {:.2} s) over {} runs; floor at C={} \
             {:.2} s; ratio {:.2} (target <= 1.30)",
            median.as_secs_f64(),
            walls[0].as_secs_f64(),
            walls.len(),
            k.per_host,
            floor.as_secs_f64(),
            median.as_secs_f64() / floor.as_secs_f64()
        ),
        None => println!(
            "links_bench: wall median {:.2} s over {} runs (no floor: link_lower_bound.py failed)",
            median.as_secs_f64(),
            walls.len()
        ),
    }
}

/// The URLs to check in the order a linter meets them: by file, line and
/// column of their first occurrence (expected.json itself is sorted by URL,
/// which would group each host's URLs by behaviour).
fn urls_in_reading_order(expected: &Value) -> Vec<String> {
    let mut firsts: Vec<((String, u64, u64), String)> = expected["urls"]
        .as_array()
        .expect("urls")
        .iter()
        .filter(|r| r["expect_checked"] == true)
        .filter_map(|r| {
            let url = r["url"].as_str()?.to_string();
            let first = r["occurrences"]
                .as_array()?
                .iter()
                .filter_map(|o| {
                    Some((
                        o["file"].as_str()?.to_string(),
                        o["line"].as_u64()?,
                        o["col"].as_u64()?,
                    ))
                })
                .min()?;
            Some((first, url))
        })
        .collect();
    firsts.sort();
    firsts.into_iter().map(|(_, url)| url).collect()
}

/// CPU time (user + system) of this process so far, from /proc (Linux only;
/// `None` elsewhere).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // The kernel reports in USER_HZ, 100 on every Linux configuration in use.
    Some(ticks / 100.0)
}

/// The floor from `link_lower_bound.py` at per-host concurrency `c`.
fn lower_bound(expected: &std::path::Path, latency_ms: u32, c: usize) -> Option<Duration> {
    let out = Command::new("python3")
        .arg(tools_dir().join("link_lower_bound.py"))
        .arg(expected)
        .args(["--latency-ms", &latency_ms.to_string()])
        .args(["--concurrency", &c.to_string()])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines() {
        println!("  floor: {line}");
    }
    // "C=  8: LB = 1.55 s  (busiest host ...)"
    let line = text
        .lines()
        .find(|l| l.starts_with("C=") && !l.contains("ONE host"))?;
    let value = line.split("LB =").nth(1)?.split_whitespace().next()?;
    value.parse::<f64>().ok().map(Duration::from_secs_f64)
}
