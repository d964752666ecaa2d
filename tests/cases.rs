//! The handed cases (fixtures/cases, copied byte for byte from
//! ../shared/cases): real-world failures of other tools, with the minimal
//! config they assume (title and date required).

mod common;
use common::*;

fn case(name: &str) -> (Vec<(String, u64, u64)>, serde_json::Value, i32) {
    let path = format!("fixtures/cases/{name}.md");
    let (r, code) = json(&["--config", "fixtures/cases/frontlint.toml", &path]);
    (findings(&r), r, code)
}

fn f(rule: &str, line: u64, col: u64) -> (String, u64, u64) {
    (rule.to_string(), line, col)
}

#[test]
fn c01_unclosed_front_matter() {
    let (found, r, code) = case("C01");
    assert_eq!(found, vec![f("FM002", 1, 1)]);
    assert_eq!(code, 1);
    let help = r["diagnostics"][0]["help"].as_str().unwrap();
    assert!(
        help.contains("line 4 (`--`) looks like a mistyped closing fence"),
        "{help}"
    );
}

#[test]
fn c01_body_is_still_checked() {
    // Add a body fault to a copy of C01: it must be found after the bad block.
    let dir = tempfile::tempdir().unwrap();
    let mut text = std::fs::read_to_string(fixture("cases/C01.md")).unwrap();
    text.push_str("See [site ](https://example.org)now.\n");
    let p = dir.path().join("c01.md");
    std::fs::write(&p, text).unwrap();
    let (r, _) = json(&["--no-config", path_str(&p)]);
    let rules: Vec<String> = findings(&r).into_iter().map(|x| x.0).collect();
    assert_eq!(rules, vec!["FM002", "LK004"]);
}

#[test]
fn c03_dashes_in_body_are_not_front_matter() {
    let (found, _, code) = case("C03");
    assert!(
        found.iter().all(|(r, _, _)| !r.starts_with("FM")),
        "{found:?}"
    );
    assert_eq!(code, 0);
}

#[test]
fn c04_front_matter_after_blank_lines() {
    let (found, r, _) = case("C04");
    assert_eq!(found, vec![f("FM015", 3, 1)]);
    assert!(
        r["diagnostics"][0]["help"]
            .as_str()
            .unwrap()
            .contains("remove the 2 blank lines")
    );
    assert_eq!(r["diagnostics"][0]["fix"]["replacement"], "");
    assert_eq!(r["diagnostics"][0]["fix"]["end_byte"], 2);
}

#[test]
fn c05_byte_order_mark() {
    let (found, _, code) = case("C05");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(code, 0);
    // Columns are not shifted by the BOM.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bom.md");
    std::fs::write(&p, "\u{feff}---\ntitle: ' x'\ndate: 2024-01-15\n---\n").unwrap();
    let (r, _) = json(&["--no-config", path_str(&p)]);
    assert_eq!(findings(&r), vec![f("FM009", 2, 8)]);
}

#[test]
fn c07_comment_only_front_matter() {
    let (found, r, _) = case("C07");
    assert_eq!(found, vec![f("FM005", 1, 1), f("FM005", 1, 1)]);
    let d = &r["diagnostics"][0];
    assert_eq!(d["end_line"], 4);
    assert!(d["message"].as_str().unwrap().contains("`title`"));
}

#[test]
fn c08_duplicate_key() {
    let (found, r, _) = case("C08");
    assert_eq!(found, vec![f("FM004", 4, 1)]);
    assert_eq!(
        r["diagnostics"][0]["message"],
        "duplicate key `title`, first set on line 2"
    );
}

#[test]
fn c09_norway_problem() {
    let (found, r, code) = case("C09");
    assert_eq!(found, vec![f("FM014", 3, 7)]);
    assert_eq!(r["diagnostics"][0]["severity"], "warning");
    assert!(
        r["diagnostics"][0]["help"]
            .as_str()
            .unwrap()
            .contains("`\"no\"`")
    );
    assert_eq!(code, 0);
}

#[test]
fn c11_tab_indentation() {
    let (found, r, _) = case("C11");
    assert_eq!(found, vec![f("FM003", 5, 1)]);
    assert!(
        r["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("tabs are not allowed")
    );
}

#[test]
fn c12_colon_in_unquoted_title() {
    let (found, r, code) = case("C12");
    assert_eq!(found, vec![f("FM003", 2, 16)]);
    assert_eq!(
        r["diagnostics"][0]["help"],
        "quote the value: `title: \"Lesson 3: Getting started\"`"
    );
    assert_eq!(code, 1);
}

#[test]
fn c13_toml_impossible_date() {
    let (found, r, code) = case("C13");
    assert_eq!(found, vec![f("FM007", 3, 8)]);
    assert!(
        r["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("there is no month 13")
    );
    assert!(
        r["diagnostics"][0]["help"]
            .as_str()
            .unwrap()
            .contains("YYYY-MM-DD")
    );
    assert_eq!(code, 1);
}

#[test]
fn c14_c16_parentheses_and_dots_are_fine() {
    for c in ["C14", "C16"] {
        let (found, _, code) = case(c);
        assert!(found.is_empty(), "{c}: {found:?}");
        assert_eq!(code, 0);
    }
}

#[test]
fn c18_bold_markers_in_destination() {
    let (found, r, _) = case("C18");
    assert_eq!(found, vec![f("LK002", 9, 29)]);
    assert_eq!(
        r["diagnostics"][0]["fix"]["replacement"],
        "https://example.org/start"
    );
}

#[test]
fn c19_empty_link_text() {
    let (found, _, _) = case("C19");
    assert_eq!(found, vec![f("LK003", 6, 1), f("LK003", 8, 1)]);
}

#[test]
fn c24_not_utf8() {
    let (found, r, code) = case("C24");
    assert_eq!(found, vec![f("IO001", 6, 7)]);
    let d = &r["diagnostics"][0];
    assert!(d["message"].as_str().unwrap().contains("offset 45"));
    assert!(d["help"].as_str().unwrap().contains("re-encode"));
    assert_eq!(code, 1);
}

#[test]
fn a_run_over_all_cases_keeps_going() {
    let (r, code) = json(&[
        "--config",
        "fixtures/cases/frontlint.toml",
        "fixtures/cases/",
    ]);
    assert_eq!(code, 1);
    assert_eq!(r["files_checked"], 18);
    let paths: std::collections::BTreeSet<&str> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains("fixtures/cases/C24.md"));
    assert!(paths.contains("fixtures/cases/C12.md"));
    assert!(paths.contains("fixtures/cases/C19.md"));
}

#[test]
fn shared_cases_match_fixtures() {
    let Some(dir) = shared("cases") else { return };
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "md") && p.file_name().unwrap() != "EXPECTED.md" {
            let name = p.file_name().unwrap().to_str().unwrap().to_string();
            let ours = std::fs::read(fixture(&format!("cases/{name}"))).unwrap_or_default();
            assert_eq!(
                std::fs::read(&p).unwrap(),
                ours,
                "fixtures/cases/{name} differs from ../shared"
            );
        }
    }
}

/// The links of a case as the scan reads them: `(line, destination)`.
fn case_links(name: &str) -> Vec<(usize, String)> {
    let path = fixture(&format!("cases/{name}.md"));
    let bytes = std::fs::read(&path).unwrap();
    let doc = frontlint::document::Document::from_bytes(&path, &bytes).unwrap();
    let mut v: Vec<(usize, String)> = doc
        .scan
        .links
        .iter()
        .map(|l| (doc.position(l.span.start).line, l.dest.clone()))
        .chain(
            doc.scan
                .definitions
                .iter()
                .map(|d| (doc.position(d.span.start).line, d.dest.clone())),
        )
        .collect();
    v.sort();
    v
}

/// The cases with LK012 (bare-url, off by default) turned on.
fn case_with_bare_urls(name: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("frontlint.toml");
    std::fs::write(
        &cfg,
        "[front_matter]\nrequired = [\"title\", \"date\"]\n[rules]\nbare-url = \"warning\"\n",
    )
    .unwrap();
    let path = format!("fixtures/cases/{name}.md");
    json(&["--config", path_str(&cfg), &path]).0
}

#[test]
fn c14_urls_with_parentheses_are_whole() {
    let links = case_links("C14");
    let dests: Vec<&str> = links.iter().map(|(_, d)| d.as_str()).collect();
    assert_eq!(
        dests,
        vec![
            "https://wiki.example.org/wiki/Mercury_(planet)",
            "https://wiki.example.org/wiki/Venus_(planet)",
            "https://wiki.example.org/wiki/Mars_(planet)",
            "https://wiki.example.org/wiki/Venus_(planet)",
        ]
    );
    // The bare URL of line 12, found by LK012, leaves out the sentence's `)`
    // and full stop; nothing else is reported.
    let r = case_with_bare_urls("C14");
    assert_eq!(findings(&r), vec![f("LK012", 12, 31)]);
    assert_eq!(
        r["diagnostics"][0]["url"],
        "https://wiki.example.org/wiki/Saturn_(planet)"
    );
}

#[test]
fn c16_final_dots_stay_in_links_but_not_in_bare_urls() {
    let links = case_links("C16");
    assert_eq!(
        links,
        vec![
            (
                6,
                "https://archive.example.org/details/annual.report.2019.".to_string()
            ),
            (
                8,
                "https://archive.example.org/details/annual.report.2019.".to_string()
            ),
        ]
    );
    let r = case_with_bare_urls("C16");
    assert_eq!(findings(&r), vec![f("LK012", 10, 28)]);
    assert_eq!(
        r["diagnostics"][0]["url"],
        "https://archive.example.org/details/summary"
    );
}

#[test]
fn c21_anchor_built_as_github_does() {
    let (found, r, code) = case("C21");
    assert_eq!(found, vec![f("LK008", 10, 24)]);
    let d = &r["diagnostics"][0];
    assert_eq!(d["url"], "#no-such-heading");
    assert_eq!(d["severity"], "warning");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("`#no-such-heading`")
    );
    assert_eq!(code, 0, "a broken anchor is a warning");
}

#[test]
fn c26_mail_and_phone_links_are_not_checked() {
    let (found, _, code) = case("C26");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(code, 0);
    // Not local links either: offline checking leaves them alone.
    let path = fixture("cases/C26.md");
    let site = frontlint::site::Site::detected(&fixture("cases"));
    for (_, dest) in case_links("C26") {
        assert_eq!(
            site.resolve(&path, &dest),
            frontlint::site::Resolved::Skip,
            "{dest}"
        );
    }
}
