//! Regression tests for the problems a first user reported: each test drives
//! the real binary on the smallest input that showed the problem.

mod common;
use common::*;

use std::fs;
use std::path::Path;

/// `(rule, line)` of every finding, for compact assertions.
fn rules_and_lines(report: &serde_json::Value) -> Vec<(String, u64)> {
    findings(report)
        .into_iter()
        .map(|(r, l, _)| (r, l))
        .collect()
}

/// Lints one file with no config and returns its findings.
fn lint_one(dir: &Path, name: &str, text: &str) -> serde_json::Value {
    let p = write(dir, name, text);
    json(&["--no-config", path_str(&p)]).0
}

// 1. Data safety.

#[cfg(unix)]
#[test]
fn fix_writes_through_a_symlink_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = write(dir.path(), "posts/real.md", "---\ntitle: x\n---\nline\t\n");
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink("posts/real.md", &link).unwrap();
    let out = run(&["--no-config", "--fix", path_str(&link)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "---\ntitle: x\n---\nline\n"
    );
}

#[test]
fn hard_breaks_of_three_or_more_spaces_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Première ligne   \nseconde ligne    \ntroisième\n\nfin   \n";
    let p = write(dir.path(), "a.md", text);
    let (r, _) = json(&["--no-config", path_str(&p)]);
    // Only the spaces before the blank line are reported.
    assert_eq!(rules_and_lines(&r), vec![("MK002".to_string(), 5)]);
    run(&["--no-config", "--fix", path_str(&p)]);
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        "Première ligne   \nseconde ligne    \ntroisième\n\nfin\n"
    );
}

// 2. Time linear in the input: generous bounds, far above what a linear
// run takes even in a debug build on a loaded machine.

/// Lints `text` as one file and fails if it takes longer than `secs`.
fn lint_within(secs: u64, name: &str, text: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), name, text);
    let start = std::time::Instant::now();
    let (r, _) = json(&["--no-config", path_str(&p)]);
    let took = start.elapsed();
    assert!(
        took < std::time::Duration::from_secs(secs),
        "{name} took {took:?}"
    );
    r
}

#[test]
fn many_yaml_keys_take_linear_time() {
    let mut t = String::from("---\n");
    for i in 0..200_000 {
        t.push_str(&format!("k{i}: v{i}\n"));
    }
    // Many dates, each a duplicate: the date walk and FM004.
    for i in 0..20_000 {
        t.push_str(&format!("date: 2020-01-{:02}\n", i % 28 + 1));
    }
    t.push_str("---\nbody\n");
    let r = lint_within(20, "keys.md", &t);
    assert!(
        rules_and_lines(&r).iter().any(|(rule, _)| rule == "FM004"),
        "duplicates still found"
    );
}

#[test]
fn many_toml_keys_take_linear_time() {
    let mut t = String::from("+++\n");
    for _ in 0..2 {
        for i in 0..10_000 {
            t.push_str(&format!("k{i} = \"v{i}\"\n"));
        }
    }
    t.push_str("+++\nbody\n");
    let r = lint_within(20, "keys.md", &t);
    let dups = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "FM004")
        .count();
    assert!(dups > 100, "{dups} duplicates reported");
}

#[test]
fn many_unclosed_link_openings_take_linear_time() {
    lint_within(20, "links.md", &format!("{}\n", "[a](".repeat(100_000)));
    lint_within(20, "brackets.md", &format!("{}\n", "x](".repeat(100_000)));
}

// 3-5. What counts as front matter.

/// Lints files under a config that requires a `title`.
fn lint_required_title(files: &[(&str, &str)]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "frontlint.toml",
        "[front_matter]\nrequired = [\"title\"]\n",
    );
    for (name, text) in files {
        write(dir.path(), name, text);
    }
    json(&[path_str(dir.path())]).0
}

fn by_file(r: &serde_json::Value) -> Vec<(String, String)> {
    r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let p = d["path"].as_str().unwrap();
            let name = p.rsplit(['/', '\\']).next().unwrap().to_string();
            (name, d["rule"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn template_tag_on_the_first_line_is_not_json_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let r = lint_one(
        dir.path(),
        "a.md",
        "{% include header.html %}\n\nDu texte.\n",
    );
    assert_eq!(rules_and_lines(&r), vec![]);
    let r = lint_one(dir.path(), "b.md", "{{< youtube abc >}}\n\nDu texte.\n");
    assert_eq!(rules_and_lines(&r), vec![]);
    // With front matter required, it is missing (FM001), not invalid.
    let r = lint_required_title(&[("c.md", "{% include header.html %}\n\nText\n")]);
    assert_eq!(by_file(&r), vec![("c.md".into(), "FM001".into())]);
}

#[test]
fn eleventy_named_fences_are_front_matter() {
    let r = lint_required_title(&[
        ("json.md", "---json\n{\"title\": \"x\"}\n---\nText\n"),
        ("yaml.md", "---yaml\ntitle: x\n---\nText\n"),
        ("toml.md", "---toml\ntitle = \"x\"\n---\nText\n"),
        // JavaScript cannot be read: not validated, and not "missing".
        ("js.md", "---js\n{\n  title: \"x\",\n}\n---\nText\n"),
        // Checked like any other block.
        ("bad.md", "---json\n{\"title\": \" x\"}\n---\nText\n"),
    ]);
    assert_eq!(by_file(&r), vec![("bad.md".into(), "FM009".into())]);
}

#[test]
fn a_list_as_front_matter_is_invalid() {
    let r = lint_required_title(&[("list.md", "---\n- a\n- b\n---\nText\n")]);
    let d = &r["diagnostics"][0];
    assert_eq!(d["rule"], "FM003", "{r}");
    assert!(d["message"].as_str().unwrap().contains("is a list"), "{r}");
    assert_eq!(r["diagnostics"].as_array().unwrap().len(), 1, "{r}");
}

// 6-7. Emphasis rules.

#[test]
fn italic_captions_and_long_bold_lines_are_not_headings() {
    let dir = tempfile::tempdir().unwrap();
    let long = "mot ".repeat(25);
    let text = format!(
        "*Crédit photo : pole-emploi.org*\n\n_Image credit: [x](https://x.org)_\n\n\
         *{long}fin*\n\n**{long}fin**\n\n**Nos partenaires**\n"
    );
    let r = lint_one(dir.path(), "a.md", &text);
    let mk001: Vec<u64> = rules_and_lines(&r)
        .into_iter()
        .filter(|(rule, _)| rule == "MK001")
        .map(|(_, l)| l)
        .collect();
    assert_eq!(mk001, vec![9], "{r}");
}

#[test]
fn double_underscore_identifiers_and_math_are_not_stray_markers() {
    let dir = tempfile::tempdir().unwrap();
    let text = "### __AllParameterSets\n\nSee **__Server** and the __Namespace system class.\n\n\
                $$a**b$$ and $x**2$ here.\n\nreal __ gras__ and __gras __ here, and ** gras**.\n";
    let r = lint_one(dir.path(), "a.md", text);
    let cols: Vec<(u64, u64)> = findings(&r)
        .into_iter()
        .filter(|(rule, _, _)| rule == "MK005")
        .map(|(_, l, c)| (l, c))
        .collect();
    assert_eq!(cols, vec![(7, 6), (7, 27), (7, 40), (7, 47)], "{r}");
}

// 8. FM009 and escapes.

#[test]
fn escapes_in_quotes_are_not_untrimmed_values() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\nexcerpt_separator: \"\\n---\\n\"\na: \"\\t tab\"\nb: \"\\u00a0x\\u00a0\"\n\
                c: \"real \"\nd: ' real'\n---\nText\n";
    let r = lint_one(dir.path(), "a.md", text);
    assert_eq!(
        rules_and_lines(&r),
        vec![("FM009".to_string(), 5), ("FM009".to_string(), 6)],
        "{r}"
    );
}

// 11-13, 17. Required fields, dates, merge keys, config messages.

/// Lints `post` under the config `config`; returns the report, the exit
/// status and standard error.
fn lint_with_config(config: &str, post: &str) -> (serde_json::Value, i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write(dir.path(), "frontlint.toml", config);
    let p = write(dir.path(), "post.md", post);
    let out = run(&["--format", "json", "--config", path_str(&cfg), path_str(&p)]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let r = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (r, out.status.code().unwrap_or(-1), stderr)
}

#[test]
fn empty_required_field_is_an_error_reported_once() {
    let (r, code, _) = lint_with_config(
        "[front_matter]\nrequired = [\"title\", \"date\"]\n",
        "---\ntitle: x\ndate:\n---\nText\n",
    );
    assert_eq!(code, 1);
    let d = r["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{r}");
    assert_eq!(d[0]["rule"], "FM005");
    assert_eq!(d[0]["severity"], "error");
    assert_eq!(d[0]["message"], "required field `date` is empty");
    assert_eq!(d[0]["line"], 3);
}

#[test]
fn date_formats_are_checked_when_the_config_loads() {
    let (_, code, err) = lint_with_config(
        "[front_matter]\nfields.date = { type = \"date\", format = \"%K/%d/%Y\" }\n",
        "---\ndate: 01/18/2026\n---\nText\n",
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("frontlint.toml:2:"), "{err}");
    assert!(err.contains("invalid date format `%K/%d/%Y`"), "{err}");
}

#[test]
fn datetime_fields_need_a_time_and_rfc2822_weekdays_must_match() {
    let (r, code, _) = lint_with_config(
        "[front_matter]\nfields.date = { type = \"datetime\" }\n",
        "---\ndate: 2020-03-31\nlastmod: \"Wed, 23 Oct 2018 18:37:39 +0000\"\n\
         updated: \"Tue, 23 Oct 2018 18:37:39 +0000\"\n---\nText\n",
    );
    assert_eq!(code, 1);
    let d = r["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 2, "{r}");
    assert_eq!(d[0]["rule"], "FM007");
    assert!(d[0]["message"].as_str().unwrap().contains("without a time"));
    assert_eq!(d[1]["line"], 3);
    assert!(
        d[1]["message"]
            .as_str()
            .unwrap()
            .contains("23 Oct 2018 is a Tuesday, not a Wednesday")
    );
}

#[test]
fn merge_keys_bring_their_fields() {
    let (r, code, _) = lint_with_config(
        "[front_matter]\nrequired = [\"title\", \"layout\"]\nunknown_fields = \"allow\"\n",
        "---\nbase: &base\n  title: x\n  layout: post\n<<: *base\nlayout: page\n---\nText\n",
    );
    assert_eq!(code, 0, "{r}");
    assert_eq!(rules_and_lines(&r), vec![]);
}

#[test]
fn unknown_field_type_lists_the_valid_ones() {
    let (_, code, err) = lint_with_config(
        "[front_matter]\nfields.title = { type = \"strng\" }\n",
        "---\ntitle: x\n---\nText\n",
    );
    assert_eq!(code, 2);
    assert!(err.contains("frontlint.toml:2:25"), "{err}");
    assert!(
        err.contains("unknown type \"strng\": use one of string, date, datetime, list"),
        "{err}"
    );
    assert!(err.contains("did you mean \"string\"?"), "{err}");
    assert!(!err.contains("untagged"), "{err}");
}

// 18. Where a YAML error really is.

#[test]
fn unclosed_bracket_is_pointed_at() {
    let dir = tempfile::tempdir().unwrap();
    let r = lint_one(
        dir.path(),
        "bad_post.md",
        "---\nbad yaml: [\n---\n\nReal content starts here\n",
    );
    let d = &r["diagnostics"][0];
    assert_eq!(
        (d["rule"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("FM003"), Some(2), Some(11)),
        "{r}"
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("`[` is never closed")
    );
    assert!(
        d["help"]
            .as_str()
            .unwrap()
            .contains("close the list with `]`")
    );
}

// 9-10. Link rules.

#[test]
fn insecure_reference_is_reported_once_at_its_definition() {
    let dir = tempfile::tempdir().unwrap();
    let text = "See [a][r], [b][r] and [c][R].\n\n[r]: http://example.org/\n\n\
                Local: [loop](http://[::1]:80/) and [lh](http://localhost:4000/).\n";
    let r = lint_one(dir.path(), "a.md", text);
    assert_eq!(findings(&r), vec![("LK009".to_string(), 3, 6)], "{r}");
}

#[test]
fn quoted_hostless_and_angle_destinations() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a b.html", "");
    let text =
        "[aa](\"http://x.org\")\n\n[v](https://)\n\n[x](<a b.html>)\n\n[m](<mailto: a@b.fr>)\n";
    let p = write(dir.path(), "a.md", text);
    let (r, _) = json(&["--no-config", path_str(&p)]);
    let d = r["diagnostics"].as_array().unwrap();
    assert_eq!(
        rules_and_lines(&r),
        vec![
            ("LK002".to_string(), 1),
            ("LK002".to_string(), 3),
            ("LK002".to_string(), 7)
        ],
        "{r}"
    );
    assert_eq!(d[2]["fix"]["replacement"], "mailto:a@b.fr");
    assert!(d[0]["message"].as_str().unwrap().contains("in quotes"));
    assert_eq!(d[0]["fix"]["replacement"], "http://x.org");
    assert!(
        d[1]["message"]
            .as_str()
            .unwrap()
            .contains("has no host name")
    );
    assert!(d[1].get("fix").is_none());
    run(&["--no-config", "--unsafe-fixes", path_str(&p)]);
    assert!(
        fs::read_to_string(&p)
            .unwrap()
            .starts_with("[aa](http://x.org)\n")
    );
}

// 14-15. Human output.

#[test]
fn lone_cr_lines_show_as_lines_in_snippets() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "mac.md",
        "---\rtitle: x\r---\rline one\rline two\t\rend\r",
    );
    let out = run(&[
        "--no-config",
        "--format",
        "human",
        "--color",
        "never",
        path_str(&p),
    ]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("mac.md:5:9]"), "{s}");
    assert!(s.contains(" 4 │ line one\n"), "{s}");
    assert!(s.contains(" 6 │ end\n"), "{s}");
    // The file itself is untouched by the display copy.
    assert!(fs::read(&p).unwrap().contains(&b'\r'));
}

#[test]
fn files_that_are_never_fixed_offer_no_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\ntitle: x\n---\nline \t\nend";
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let a = dir.path().join("utf16.md");
    fs::write(&a, &utf16).unwrap();
    let b = write(dir.path(), "broken.md", "---\ntitle: [x\n---\nline \t\nend");
    let (r, _) = json(&["--no-config", path_str(&a), path_str(&b)]);
    let d = r["diagnostics"].as_array().unwrap();
    assert!(d.iter().any(|d| d["rule"] == "MK002"), "{r}");
    assert!(d.iter().all(|d| d.get("fix").is_none()), "{r}");
    let out = run(&[
        "--no-config",
        "--format",
        "human",
        "--color",
        "never",
        path_str(&a),
        path_str(&b),
    ]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(!s.contains("fixable"), "{s}");
    assert!(s.contains("no finding in this file offers a fix"), "{s}");
}

// 16. A config from another folder.

#[test]
fn config_globs_that_skip_every_file_are_said() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write(
        dir.path(),
        "cfgdir/frontlint.toml",
        "include = [\"posts/**/*.md\"]\n",
    );
    let site = dir.path().join("site");
    write(&site, "posts/a.md", "---\ntitle: x\n---\nText\n");
    write(&site, "posts/b.md", "---\ntitle: y\n---\nText\n");
    let out = run(&["--config", path_str(&cfg), path_str(&site)]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("note: 2 Markdown files found under")
            && err.contains("all left out by the `include`/`exclude` globs of")
            && err.contains("frontlint.toml"),
        "{err}"
    );
    // When something is linted, no note.
    write(
        dir.path(),
        "cfgdir/posts/c.md",
        "---\ntitle: z\n---\nText\n",
    );
    let out = run(&["--config", path_str(&cfg), path_str(dir.path())]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains("left out"), "{err}");
}

// 20. README.

#[test]
fn readme_options_table_lists_every_flag_once() {
    let help = String::from_utf8(run(&["--help"]).stdout).unwrap();
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let rows: Vec<&str> = readme.lines().filter(|l| l.starts_with("| `-")).collect();
    let mut flags: Vec<&str> = help
        .lines()
        // Option lines only (`  -q, --quiet`, `      --fix`), not prose
        // that mentions a flag.
        .filter(|l| l.trim_start().starts_with('-'))
        .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("--")))
        .map(|w| w.trim_end_matches(','))
        .collect();
    flags.dedup();
    assert!(flags.len() > 10, "{flags:?}");
    for flag in flags {
        let n = rows
            .iter()
            .filter(|r| {
                r.strip_prefix("| `").is_some_and(|r| {
                    r.starts_with(&format!("{flag} ")) || r.starts_with(&format!("{flag}`"))
                })
            })
            .count();
        assert_eq!(n, 1, "README rows for {flag}");
    }
}

#[test]
fn bold_markers_in_destination_help_matches_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let r = lint_one(
        dir.path(),
        "a.md",
        "[Example site](**https://example.org/start**)\n",
    );
    let d = &r["diagnostics"][0];
    assert_eq!(d["fix"]["replacement"], "https://example.org/start");
    let help = d["help"].as_str().unwrap();
    assert!(help.contains("the fix removes the markers"), "{help}");
}

// 21. Output into a pipe that closes early (`frontlint rules | head -1`)
// ends quietly, with no panic (found by a fresh user).

#[cfg(unix)]
#[test]
fn closed_output_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    for args in [
        &["config", "--schema"][..],
        &["rules"][..],
        &["completions", "bash"][..],
        &["explain", "LK001"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_frontlint"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 1];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The read end is closed here, before the command has written
        // everything.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(out.status.code(), Some(101), "{args:?}");
    }
}

// 22. A config error is not followed by a note saying the folder holds no
// Markdown (it does; the config could not be read). Found by a fresh user.

#[test]
fn config_error_is_not_followed_by_an_empty_folder_note() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "frontlint.toml", "inclde = [\"*.md\"]\n");
    write(dir.path(), "a.md", "# A\n");
    let out = run(&[path_str(dir.path())]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("did you mean `include`?"), "{stderr}");
    assert!(!stderr.contains("no Markdown files"), "{stderr}");
    // A folder that really holds none gets the note.
    let empty = tempfile::tempdir().unwrap();
    write(empty.path(), "notes.txt", "x\n");
    let out = run(&["--no-config", path_str(empty.path())]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no Markdown files"), "{stderr}");
}

// 23. An e-mail address as a destination without `mailto:` (a relative
// path to browsers), also what removing bold markers can leave behind.

#[test]
fn bare_email_destination_is_flagged_and_fixed_to_mailto() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "a.md",
        "---\ntitle: x\n---\n\nMail [me](contact@example.fr), [us](**fast@beta.gouv.fr.**) or see [logo](logo@2x.png).\n",
    );
    let (r, _) = json(&["--no-config", path_str(&p)]);
    assert_eq!(
        findings(&r),
        vec![("LK002".to_string(), 5, 11), ("LK002".to_string(), 5, 37)]
    );
    let out = run(&["--no-config", "--unsafe-fixes", path_str(&p)]);
    assert!(out.status.code().is_some(), "{out:?}");
    let text = fs::read_to_string(&p).unwrap();
    assert!(
        text.ends_with(
            "Mail [me](mailto:contact@example.fr), [us](mailto:fast@beta.gouv.fr) or see [logo](logo@2x.png).\n"
        ),
        "{text}"
    );
}
