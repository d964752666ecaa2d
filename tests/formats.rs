//! The CI formats (SARIF, GitHub annotations, JUnit), the per-rule summary,
//! `--statistics`, `--max-warnings` and colours, on the seed and on files
//! made to trip the escaping.

mod common;
use common::*;

use std::collections::HashMap;
use std::fs;

use serde_json::Value;

fn seed(format: &str) -> std::process::Output {
    run(&["--config", SEED_CONFIG, "--format", format, SEED_POST])
}

/// `(rule, line, column, end_line, end_column)` of every finding, from JSON.
fn json_positions(args: &[&str]) -> Vec<(String, u64, u64, u64, u64)> {
    let (r, _) = json(args);
    r["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["end_line"].as_u64().unwrap_or(0),
                d["end_column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

/// The characters of `text` from (line, column) to (end_line, end_column),
/// 1-based, end exclusive, columns in characters.
fn region_text(text: &str, l1: u64, c1: u64, l2: u64, c2: u64) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::new();
    for l in l1..=l2 {
        let line: Vec<char> = lines[(l - 1) as usize].chars().collect();
        let from = if l == l1 { (c1 - 1) as usize } else { 0 };
        let to = if l == l2 {
            (c2 - 1) as usize
        } else {
            line.len()
        };
        out.extend(&line[from.min(line.len())..to.min(line.len())]);
        if l != l2 {
            out.push('\n');
        }
    }
    out
}

#[test]
fn sarif_of_the_seed_is_valid_and_points_where_json_does() {
    let out = seed("sarif");
    assert_eq!(out.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
    // The schema does catch what a broken writer would produce.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    broken["runs"][0]["results"][1]["level"] = "fatal".into();
    assert_eq!(validator.iter_errors(&broken).count(), 2);

    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), frontlint::rules::all().len());
    for r in rules {
        let code = r["id"].as_str().unwrap();
        assert_eq!(
            r["helpUri"],
            format!("{}/blob/main/rules/{code}.md", frontlint::REPOSITORY)
        );
        assert!(
            r["help"]["text"]
                .as_str()
                .unwrap()
                .starts_with(&format!("# {code} ")),
            "{code}: help is the rule's doc"
        );
        assert!(!r["shortDescription"]["text"].as_str().unwrap().is_empty());
    }

    let results = run["results"].as_array().unwrap();
    let sarif: Vec<(String, u64, u64, u64, u64)> = results
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                r["ruleId"].as_str().unwrap().to_string(),
                region["startLine"].as_u64().unwrap(),
                region["startColumn"].as_u64().unwrap(),
                region["endLine"].as_u64().unwrap(),
                region["endColumn"].as_u64().unwrap(),
            )
        })
        .collect();
    let json = json_positions(&["--config", SEED_CONFIG, SEED_POST]);
    assert_eq!(sarif.len(), 27);
    assert_eq!(sarif, json);
    for r in results {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            SEED_POST
        );
    }
    // The regions hold the text each finding is about.
    let text = fs::read_to_string(root().join(SEED_POST)).unwrap();
    let at = |rule: &str, line: u64| -> String {
        let (_, l1, c1, l2, c2) = sarif
            .iter()
            .find(|(r, l, ..)| r == rule && *l == line)
            .unwrap_or_else(|| panic!("no {rule} on line {line}"));
        region_text(&text, *l1, *c1, *l2, *c2)
    };
    assert_eq!(at("FM009", 3), "'Les initiatives covid19 @beta.gouv.fr '");
    assert_eq!(at("FM008", 6), "''");
    assert_eq!(at("LK004", 33), "La MedNum ");
    assert_eq!(at("LK009", 33), "http://solidarite-numerique.fr/");
    assert_eq!(
        at("LK001", 74),
        "[ANDi]([andi.beta.gouv.fr](http://andi.beta.gouv.fr/))"
    );
    let levels: HashMap<&str, &str> = results
        .iter()
        .map(|r| (r["ruleId"].as_str().unwrap(), r["level"].as_str().unwrap()))
        .collect();
    assert_eq!(levels["LK001"], "error");
    assert_eq!(levels["MK001"], "warning");
    assert_eq!(levels["LK009"], "note");
}

#[test]
fn sarif_of_a_clean_run_and_of_odd_paths_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.md", "---\ntitle: Fine\n---\nBody.\n");
    let odd = write(dir.path(), "a b#c%d.md", "x  \ny");
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    for args in [
        vec![
            "--no-config",
            "--format",
            "sarif",
            path_str(&dir.path().join("ok.md")),
        ],
        vec!["--no-config", "--format", "sarif", path_str(&odd)],
    ] {
        let out = run(&args);
        let log: Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{args:?}: {errors:?}");
    }
    let out = run(&["--no-config", "--format", "sarif", path_str(&odd)]);
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .unwrap();
    assert!(
        uri.starts_with("file:///"),
        "absolute path → file URI: {uri}"
    );
    assert!(uri.ends_with("/a%20b%23c%25d.md"), "{uri}");
}

/// One parsed workflow command.
#[derive(Debug)]
struct Annotation {
    command: String,
    props: HashMap<String, String>,
    message: String,
}

/// Reads `::cmd k=v,k=v::message` the way the Actions runner does: split
/// on the first `::` after the properties, then on `,` and `=`, then
/// un-escape (specific escapes first, `%25` last).
fn parse_annotation(line: &str) -> Annotation {
    let rest = line.strip_prefix("::").expect("starts with ::");
    let (head, message) = rest.split_once("::").expect("has a message part");
    let (command, props) = head.split_once(' ').unwrap_or((head, ""));
    let unescape_prop = |s: &str| {
        s.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    };
    let unescape_data = |s: &str| {
        s.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%")
    };
    Annotation {
        command: command.to_string(),
        props: props
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').expect("key=value");
                (k.to_string(), unescape_prop(v))
            })
            .collect(),
        message: unescape_data(message),
    }
}

#[test]
fn github_annotations_of_the_seed_match_json() {
    let out = seed("github");
    assert_eq!(out.status.code(), Some(1));
    let s = String::from_utf8(out.stdout).unwrap();
    let annotations: Vec<Annotation> = s.lines().map(parse_annotation).collect();
    let (r, _) = json(&["--config", SEED_CONFIG, SEED_POST]);
    let diags = r["diagnostics"].as_array().unwrap();
    assert_eq!(annotations.len(), diags.len(), "one annotation per finding");
    for (a, d) in annotations.iter().zip(diags) {
        let expected_cmd = match d["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        assert_eq!(a.command, expected_cmd);
        assert_eq!(a.props["file"], SEED_POST);
        assert_eq!(a.props["title"], d["rule"].as_str().unwrap());
        assert_eq!(a.props["line"], d["line"].to_string());
        assert_eq!(a.props["endLine"], d["end_line"].to_string());
        if d["line"] == d["end_line"] {
            assert_eq!(a.props["col"], d["column"].to_string());
            assert_eq!(a.props["endColumn"], d["end_column"].to_string());
        } else {
            assert!(!a.props.contains_key("col"), "columns only within a line");
        }
        assert!(
            a.message.starts_with(d["message"].as_str().unwrap()),
            "{a:?}"
        );
        if let Some(help) = d["help"].as_str() {
            assert!(a.message.ends_with(&format!("\n{help}")), "{a:?}");
        }
    }
    let lk004 = annotations
        .iter()
        .find(|a| a.props["title"] == "LK004")
        .unwrap();
    assert_eq!(
        (lk004.props["line"].as_str(), lk004.props["col"].as_str()),
        ("33", "89")
    );
}

#[test]
fn github_annotations_escape_paths_and_messages() {
    let dir = tempfile::tempdir().unwrap();
    // `:` `,` `%` in the file name, and a help text (a second line).
    write(dir.path(), "100%,a:b.md", "---\ntitle: 'x '\n---\nBody\n");
    let out = frontlint()
        .current_dir(dir.path())
        .args(["--no-config", "--format", "github", "100%,a:b.md"])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), 1, "{s}");
    assert!(
        lines[0].starts_with(
            "::warning file=100%25%2Ca%3Ab.md,line=2,col=8,endLine=2,endColumn=12,title=FM009::"
        ),
        "{s}"
    );
    assert!(lines[0].contains("%0A"), "the help line is escaped: {s}");
    let a = parse_annotation(lines[0]);
    assert_eq!(a.props["file"], "100%,a:b.md");
    assert_eq!(a.message.lines().count(), 2);
}

#[test]
fn junit_report_is_well_formed_and_counts_findings() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(root().join(SEED_POST), dir.path().join("seed.md")).unwrap();
    fs::copy(root().join(SEED_CONFIG), dir.path().join("frontlint.toml")).unwrap();
    write(
        dir.path(),
        "clean.md",
        "---\nlayout: post\ntitle: Propre\ndate: 2020-04-01\n---\nUn texte <propre> & net.\n",
    );
    let out = frontlint()
        .current_dir(dir.path())
        .args(["--format", "junit", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let xml = String::from_utf8(out.stdout).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root_el = doc.root_element();
    assert_eq!(root_el.tag_name().name(), "testsuites");
    assert_eq!(root_el.attribute("failures"), Some("27"));
    assert_eq!(root_el.attribute("tests"), Some("28"));
    let suites: Vec<_> = root_el
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 2);
    let clean = suites
        .iter()
        .find(|s| s.attribute("name") == Some("clean.md"))
        .unwrap();
    assert_eq!(clean.attribute("failures"), Some("0"));
    let seed = suites
        .iter()
        .find(|s| s.attribute("name") == Some("seed.md"))
        .unwrap();
    let failures: Vec<_> = seed
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(failures.len(), 27);
    let lk004 = seed
        .children()
        .find(|n| {
            n.attribute("name")
                .is_some_and(|a| a.starts_with("LK004 link-text-whitespace"))
        })
        .unwrap();
    assert_eq!(lk004.attribute("line"), Some("33"));
    let f = lk004
        .children()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert_eq!(f.attribute("type"), Some("warning"));
    assert!(
        f.text().unwrap().starts_with(
            "seed.md:33:89: warning[LK004] link text `La MedNum` ends with whitespace"
        )
    );
}

#[test]
fn human_summary_counts_per_rule_and_fixable() {
    let out = run(&[
        "--config",
        SEED_CONFIG,
        "--format",
        "human",
        "--color",
        "never",
        SEED_POST,
    ]);
    let s = String::from_utf8(out.stdout).unwrap();
    let tail: Vec<&str> = s
        .lines()
        .rev()
        .take(13)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert_eq!(
        tail,
        vec![
            "7  MK001  emphasis-as-heading",
            "5  LK009  insecure-link",
            "3  LK001  nested-link            3 fixable with --unsafe-fixes",
            "3  MK002  trailing-whitespace    3 fixable",
            "2  TY002  unknown-word",
            "1  FM008  empty-field",
            "1  FM009  untrimmed-value        1 fixable",
            "1  LK003  empty-link",
            "1  LK004  link-text-whitespace   1 fixable",
            "1  MK007  missing-final-newline  1 fixable",
            "1  TY001  misspelling            1 fixable with --unsafe-fixes",
            "1  TY004  repeated-punctuation   1 fixable with --unsafe-fixes",
            "Found 27 problems (4 errors, 18 warnings, 5 infos) in 1 of 1 file. 6 fixable with --fix. 5 more with --unsafe-fixes.",
        ],
        "{s}"
    );
    // --quiet keeps only the findings.
    let q = run(&[
        "--config",
        SEED_CONFIG,
        "--format",
        "human",
        "--color",
        "never",
        "-q",
        SEED_POST,
    ]);
    let q = String::from_utf8(q.stdout).unwrap();
    assert!(!q.contains("Found 27") && !q.contains("7  MK001"), "{q}");
}

#[test]
fn statistics_prints_only_the_table() {
    let out = run(&["--config", SEED_CONFIG, "--statistics", SEED_POST]);
    assert_eq!(out.status.code(), Some(1), "the exit status is unchanged");
    let s = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), 12, "{s}");
    assert_eq!(lines[0], "7  MK001  emphasis-as-heading");
    let total: usize = lines
        .iter()
        .map(|l| {
            l.split_whitespace()
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(total, 27);

    let out = run(&[
        "--config",
        SEED_CONFIG,
        "--statistics",
        "--format",
        "json",
        SEED_POST,
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["code"], "MK001");
    assert_eq!(v[0]["count"], 7);
    let lk001 = v
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "LK001")
        .unwrap();
    assert_eq!(lk001["unsafe_fixable"], 3);
}

#[test]
fn max_warnings_fails_only_above_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    // Two warnings (untrimmed title, no final newline), no error.
    let p = write(dir.path(), "w.md", "---\ntitle: 'x '\n---\nBody");
    let p = path_str(&p);
    let status = |extra: &[&str]| {
        let mut args = vec!["--no-config", "--format", "short"];
        args.extend_from_slice(extra);
        args.push(p);
        run(&args)
    };
    assert_eq!(status(&[]).status.code(), Some(0));
    assert_eq!(status(&["--max-warnings", "2"]).status.code(), Some(0));
    let over = status(&["--max-warnings", "1"]);
    assert_eq!(over.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&over.stderr)
            .contains("2 warnings found, more than --max-warnings 1")
    );
    assert_eq!(status(&["--max-warnings", "0"]).status.code(), Some(1));
    assert_eq!(run(&["--max-warnings", "x", p]).status.code(), Some(2));
}

/// Runs frontlint under a pseudo-terminal (util-linux `script`), so that
/// `auto` sees a terminal; `None` when `script` is not installed.
fn on_terminal(args: &str, env: &[(&str, &str)]) -> Option<String> {
    let probe = std::process::Command::new("script")
        .arg("--version")
        .output();
    if probe.is_err() {
        eprintln!("SKIPPED: `script` (util-linux) not found: cannot run on a terminal");
        return None;
    }
    let cmd = format!("{} {args}", env!("CARGO_BIN_EXE_frontlint"));
    let mut c = std::process::Command::new("script");
    c.args(["-qec", &cmd, "/dev/null"])
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("TERM", "xterm");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("run script");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn colours_follow_the_terminal_flags_and_no_color() {
    let args = ["--config", SEED_CONFIG, "--format", "human", SEED_POST];
    // Piped: no escape codes, whatever CLICOLOR says is not forced.
    let piped = run(&args);
    assert!(!piped.stdout.contains(&0x1b), "no ANSI when piped");
    // --color always forces them, even with NO_COLOR.
    let mut always = frontlint();
    always
        .args(args)
        .args(["--color", "always"])
        .env("NO_COLOR", "1");
    assert!(always.output().unwrap().stdout.contains(&0x1b));
    // CLICOLOR_FORCE turns them on when piped; NO_COLOR wins over it.
    let forced = frontlint()
        .args(args)
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(forced.stdout.contains(&0x1b));
    let both = frontlint()
        .args(args)
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!both.stdout.contains(&0x1b));
    // On a terminal: colours by default (and the human format), none with
    // NO_COLOR or --color never.
    let line = format!("--config {SEED_CONFIG} {SEED_POST}");
    let Some(tty) = on_terminal(&line, &[]) else {
        return;
    };
    assert!(tty.contains('\u{1b}'), "colours on a terminal");
    assert!(
        tty.contains("Found 27 problems"),
        "human format on a terminal"
    );
    let no_color = on_terminal(&line, &[("NO_COLOR", "1")]).unwrap_or_default();
    assert!(no_color.contains("Found 27 problems"));
    assert!(!no_color.contains('\u{1b}'), "NO_COLOR wins over auto");
    let never = on_terminal(&format!("--color never {line}"), &[]).unwrap_or_default();
    assert!(!never.contains('\u{1b}'));
}
