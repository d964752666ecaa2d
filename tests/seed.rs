//! The founding example: a French post with the faults frontlint exists to
//! catch, linted with its blog's config.

mod common;
use common::*;

const SEED: &str = "fixtures/seed/2020-03-31-les-initiatives-covid19-beta-gouv-fr.md";

fn seed_report() -> (serde_json::Value, i32) {
    json(&["--config", "fixtures/seed/frontlint.toml", "fixtures/seed/"])
}

#[test]
fn seed_expected_findings() {
    let (r, code) = seed_report();
    assert_eq!(code, 1, "errors must give exit status 1");
    assert_eq!(r["files_checked"], 1);
    let f = findings(&r);
    let has = |rule: &str, line: u64| f.iter().any(|(r, l, _)| r == rule && *l == line);
    for (rule, line) in [
        ("FM009", 3),
        ("FM008", 6),
        ("LK004", 33),
        ("LK001", 49),
        ("LK001", 74),
        ("LK003", 49),
        ("MK001", 39),
        ("MK001", 58),
        ("MK001", 68),
        ("MK001", 74),
        ("MK001", 78),
        ("MK001", 91),
        ("MK002", 47),
        ("MK002", 53),
        ("MK002", 70),
        ("MK007", 100),
    ] {
        assert!(has(rule, line), "missing {rule} on line {line}: {f:?}");
    }
}

#[test]
fn seed_clean_lines_stay_clean() {
    let (r, _) = seed_report();
    let mut clean: Vec<u64> = vec![
        1, 2, 4, 5, 34, 36, 38, 40, 48, 50, 52, 54, 59, 61, 69, 71, 73, 75, 77, 79, 80, 81,
    ];
    clean.extend(7..=9);
    clean.extend(11..=27);
    clean.extend(29..=32);
    clean.extend(42..=46);
    clean.extend(63..=67);
    clean.extend(88..=90);
    clean.extend(92..=99);
    for d in r["diagnostics"].as_array().unwrap() {
        let line = d["line"].as_u64().unwrap();
        assert!(
            !clean.contains(&line),
            "unexpected finding on a clean line: {d}"
        );
    }
}

#[test]
fn seed_exact_positions_and_fields() {
    let (r, _) = seed_report();
    let d = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "LK004")
        .unwrap()
        .clone();
    assert_eq!(d["path"], SEED);
    assert_eq!(d["name"], "link-text-whitespace");
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(33), Some(89))
    );
    assert_eq!(d["url"], "https://lamednum.coop");
    assert_eq!(
        d["fix"]["replacement"],
        "[La MedNum](https://lamednum.coop) "
    );
    let fm009 = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "FM009")
        .unwrap();
    assert_eq!(
        (fm009["line"].as_u64(), fm009["column"].as_u64()),
        (Some(3), Some(8))
    );
    let lk001 = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "LK001" && d["line"] == 74)
        .unwrap();
    assert_eq!(lk001["fix"]["replacement"], "http://andi.beta.gouv.fr/");
    assert_eq!(lk001["fix"]["safe"], false);
    assert_eq!(r["summary"]["errors"], 4);
}

#[test]
fn seed_human_output_has_snippets() {
    let out = run(&[
        "--config",
        "fixtures/seed/frontlint.toml",
        "--format",
        "human",
        "--color",
        "never",
        SEED,
    ]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains(&format!("{SEED}:33:89")), "{s}");
    assert!(
        s.contains("[La MedNum ](https://lamednum.coop)et"),
        "snippet line shown"
    );
    assert!(s.contains("LK004(link-text-whitespace)"));
    assert!(s.contains("Found 27 problems"), "{s}");
    assert!(!s.contains('\u{1b}'), "no ANSI codes with --color never");
}

#[test]
fn seed_short_format() {
    let out = run(&[
        "--config",
        "fixtures/seed/frontlint.toml",
        "--format",
        "short",
        SEED,
    ]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.lines()
            .any(|l| l == format!("{SEED}:6:7: warning[FM008] `tags` is empty")),
        "{s}"
    );
}

#[test]
fn shared_seed_matches_fixture() {
    let Some(shared) = shared("seed/2020-03-31-les-initiatives-covid19-beta-gouv-fr.md") else {
        return;
    };
    let a = std::fs::read(shared).unwrap();
    let b = std::fs::read(root().join(SEED)).unwrap();
    assert_eq!(
        a, b,
        "fixtures/seed must be a byte-exact copy of ../shared/seed"
    );
}
