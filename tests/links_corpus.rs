//! The engine on a generated corpus: `../shared/tools/make_link_corpus.py`
//! writes posts plus `expected.json` (every URL, dead or alive, and why); the
//! engine must find every dead URL and flag no alive one, with one request per
//! simple URL and per-host limits held, and a second run served by the cache.

mod links_support;

use std::collections::BTreeSet;
use std::process::Command;

use frontlint::links::{LinkCheckOptions, UrlOutcome, check_urls};
use links_support::{Farm, tools_dir};
use serde_json::Value;

#[test]
fn generated_corpus_every_dead_link_and_no_false_alarm() {
    let Some(farm) = Farm::start("generated_corpus", 5, true, &["--latency-ms", "5"]) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let status = Command::new("python3")
        .arg(tools_dir().join("make_link_corpus.py"))
        .arg("--out")
        .arg(dir.path())
        .args([
            "--posts",
            "30",
            "--links",
            "10",
            "--hosts",
            "5",
            "--multi-ip",
        ])
        .args(["--port", &farm.port.to_string(), "--seed", "11"])
        .args(["--slow-ms", "50:400"])
        .output()
        .expect("run make_link_corpus.py");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("expected.json")).expect("expected.json"),
    )
    .expect("expected.json is JSON");
    let records: Vec<&Value> = expected["urls"]
        .as_array()
        .expect("urls")
        .iter()
        .filter(|r| r["expect_checked"] == true)
        .collect();
    let urls: Vec<String> = records
        .iter()
        .filter_map(|r| r["url"].as_str().map(str::to_string))
        .collect();
    let expected_dead: BTreeSet<&str> = records
        .iter()
        .filter(|r| r["dead"] == true)
        .filter_map(|r| r["url"].as_str())
        .collect();
    assert!(
        expected_dead.len() > 10,
        "the corpus should have dead links"
    );

    // Defaults, except what a test must change: no cache file in the working
    // directory, no bar, loopback allowed, and shorter waits.
    let opts = LinkCheckOptions {
        cache: Some(dir.path().join("cache.json")),
        progress: false,
        exclude_private: false,
        timeout: std::time::Duration::from_secs(3),
        retry_wait: std::time::Duration::from_millis(200),
        ..LinkCheckOptions::default()
    };
    let report = check_urls(&urls, &opts).expect("link check runs");
    let found_dead: BTreeSet<&str> = report
        .outcomes
        .iter()
        .filter(|(_, o)| o.is_dead())
        .map(|(u, _)| u.as_str())
        .collect();
    let missed: Vec<_> = expected_dead.difference(&found_dead).collect();
    let false_alarms: Vec<_> = found_dead.difference(&expected_dead).collect();
    assert!(missed.is_empty(), "dead links missed: {missed:?}");
    assert!(
        false_alarms.is_empty(),
        "alive links flagged: {false_alarms:?}"
    );
    // Nothing alive was even downgraded to a warning (ua-block, 429, flaky...).
    for r in &records {
        let url = r["url"].as_str().unwrap_or_default();
        if r["alive"] == true {
            assert!(
                matches!(
                    report.get(url),
                    Some(UrlOutcome::Alive { .. } | UrlOutcome::Redirected { .. })
                ),
                "{url} ({}): {:?}",
                r["behaviour"],
                report.get(url)
            );
        }
    }

    // The farm's view: one request per simple URL, limits held, no big body.
    let stats = farm.stats();
    for r in &records {
        let behaviour = r["behaviour"].as_str().unwrap_or_default();
        if !matches!(
            behaviour,
            "ok" | "big" | "anchor" | "anchor-missing" | "404" | "410"
        ) {
            continue;
        }
        let url = r["url"].as_str().unwrap_or_default();
        let Some((host, path)) = url
            .strip_prefix("http://")
            .and_then(|rest| rest.split_once('/'))
        else {
            continue;
        };
        let path = format!("/{}", path.split('#').next().unwrap_or_default());
        assert_eq!(Farm::requests_for(&stats, host, &path), 1, "{url}");
    }
    for h in 0..5 {
        let max = stats["hosts"][farm.addr(h)]["max_inflight"]
            .as_u64()
            .unwrap_or(99);
        // +1: the farm counts a request as done only after its last byte is
        // written (see links_farm.rs, per_host_and_global_limits).
        assert!(max as usize <= opts.per_host + 1, "host {h}: {max} at once");
    }
    assert_eq!(stats["totals"]["big_complete"], 0);
    assert_eq!(stats["totals"]["retry_after_early"], 0);

    // The same verdicts through the shared scorer (dead URLs one per line).
    let dead_list = dir.path().join("dead.txt");
    let lines: String = found_dead.iter().map(|u| format!("{u}\n")).collect();
    std::fs::write(&dead_list, lines).expect("write dead list");
    let score = Command::new("python3")
        .arg(tools_dir().join("score_link_check.py"))
        .arg("--expected")
        .arg(dir.path().join("expected.json"))
        .arg("--dead-list")
        .arg(&dead_list)
        .output()
        .expect("run score_link_check.py");
    assert!(
        score.status.success(),
        "score_link_check.py: {}",
        String::from_utf8_lossy(&score.stdout)
    );

    // Second run: everything from the cache, no request at all.
    farm.reset();
    let again = check_urls(&urls, &opts).expect("second run");
    assert_eq!(farm.stats()["totals"]["requests"], 0);
    assert_eq!(again.stats.cached, urls.len());
    assert_eq!(again.outcomes, report.outcomes);
}
