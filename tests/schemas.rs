//! FM013: JSON Schemas from config or `$schema`, errors in words at the
//! span of the offending key or value.

mod common;
use common::*;

use std::fs;

use serde_json::Value;

/// `(rule, line, column, end_line, end_column)` of front-matter findings.
fn fm_spans(r: &Value) -> Vec<(String, u64, u64, u64, u64)> {
    r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"].as_str().unwrap().starts_with("FM"))
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["end_line"].as_u64().unwrap(),
                d["end_column"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn seed_schema_twin_gives_the_same_findings_at_the_same_spans() {
    let (toml, _) = json(&["--config", "fixtures/seed/frontlint.toml", "fixtures/seed/"]);
    let (schema, _) = json(&[
        "--config",
        "fixtures/seed/frontlint.schema.toml",
        "fixtures/seed/",
    ]);
    let a = fm_spans(&toml);
    let b = fm_spans(&schema);
    assert_eq!(a.len(), 2, "{a:?}");
    let spans = |v: &[(String, u64, u64, u64, u64)]| -> Vec<(u64, u64, u64, u64)> {
        v.iter().map(|x| (x.1, x.2, x.3, x.4)).collect()
    };
    assert_eq!(spans(&a), spans(&b));
    // The config's FM008 (empty `tags`) is the schema's FM013.
    let rules: Vec<&str> = b.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(rules, ["FM009", "FM013"]);
    let fm013 = schema["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "FM013")
        .unwrap();
    assert_eq!(
        fm013["message"],
        "`tags` must be a non-empty string or a non-empty list"
    );
}

fn strict_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        root().join("fixtures/schemas/strict.schema.json"),
        dir.path().join("strict.schema.json"),
    )
    .unwrap();
    fs::write(
        dir.path().join("frontlint.toml"),
        "[front_matter]\nschema = \"strict.schema.json\"\n",
    )
    .unwrap();
    dir
}

fn diag<'a>(r: &'a Value, line: u64, needle: &str) -> &'a Value {
    r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["rule"] == "FM013"
                && d["line"] == line
                && d["message"].as_str().unwrap().contains(needle)
        })
        .unwrap_or_else(|| panic!("no FM013 on line {line} with `{needle}`: {r}"))
}

#[test]
fn errors_are_worded_and_placed() {
    let dir = strict_site();
    let post = dir.path().join("post.md");
    fs::write(
        &post,
        "---\ntitle: Hello\ndate: 2020-02-30\ncategorie: general\nwebsite: example.org\ncontact: nobody\nmissions:\n  - start: 2020-01-01\n  - end: 2020-02-01\n---\nBody.\n",
    )
    .unwrap();
    let (r, code) = json(&[path_str(&post)]);
    assert_eq!(code, 1);
    let d = diag(&r, 3, "`date` is not a valid date");
    assert_eq!(d["column"], 7);
    let d = diag(&r, 4, "unexpected field `categorie`");
    assert_eq!(
        (d["column"].as_u64(), d["end_column"].as_u64()),
        (Some(1), Some(10))
    );
    assert_eq!(d["help"], "did you mean `categories`?");
    diag(&r, 5, "`website` is not an absolute URI");
    diag(&r, 6, "`contact` is not a valid email address");
    let d = diag(&r, 9, "`missions[1]` lacks the required field `start`");
    assert_eq!(d["column"], 5);
}

#[test]
fn enum_in_words_with_did_you_mean() {
    let dir = strict_site();
    let post = dir.path().join("post.md");
    fs::write(
        &post,
        "---\ntitle: Hello\ndate: 2020-03-31\ncategories: genral\n---\n",
    )
    .unwrap();
    let (r, _) = json(&[path_str(&post)]);
    let d = diag(&r, 4, "must be one of");
    assert_eq!(
        d["message"],
        "`categories` must be one of: general, dinsic (found `genral`)"
    );
    assert_eq!(d["help"], "did you mean `general`?");
    assert_eq!(d["column"], 13);
}

#[test]
fn absent_front_matter_is_an_empty_object() {
    let dir = strict_site();
    let post = dir.path().join("bare.md");
    fs::write(&post, "Just text.\n").unwrap();
    let (r, code) = json(&[path_str(&post)]);
    assert_eq!(code, 1);
    let msgs: Vec<&str> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "FM013")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        msgs,
        [
            "required field `title` is missing",
            "required field `date` is missing"
        ]
    );
}

#[test]
fn dollar_schema_key_selects_a_local_schema() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("schemas")).unwrap();
    fs::copy(
        root().join("fixtures/schemas/strict.schema.json"),
        dir.path().join("schemas/post.json"),
    )
    .unwrap();
    fs::write(dir.path().join("frontlint.toml"), "").unwrap();
    fs::create_dir(dir.path().join("posts")).unwrap();
    let from_root = dir.path().join("posts/a.md");
    fs::write(
        &from_root,
        "---\n$schema: /schemas/post.json\ntitle: A\n---\n",
    )
    .unwrap();
    let relative = dir.path().join("posts/b.md");
    fs::write(
        &relative,
        "---\n$schema: ../schemas/post.json\ntitle: B\ndate: 2020-01-01\n---\n",
    )
    .unwrap();
    let remote = dir.path().join("posts/c.md");
    fs::write(&remote, "---\n$schema: https://example.org/s.json\n---\n").unwrap();
    let missing = dir.path().join("posts/d.md");
    fs::write(&missing, "---\n$schema: nope.json\n---\n").unwrap();
    let (r, _) = json(&[path_str(dir.path())]);
    let by_file = |name: &str| -> Vec<String> {
        r["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["path"].as_str().unwrap().ends_with(name))
            .map(|d| {
                format!(
                    "{} {}",
                    d["rule"].as_str().unwrap(),
                    d["message"].as_str().unwrap()
                )
            })
            .collect()
    };
    // `$schema` itself is neither unexpected nor unknown.
    assert_eq!(by_file("a.md"), ["FM013 required field `date` is missing"]);
    assert!(by_file("b.md").is_empty(), "{:?}", by_file("b.md"));
    assert!(
        by_file("c.md")[0].contains("remote schema"),
        "{:?}",
        by_file("c.md")
    );
    assert!(
        by_file("d.md")[0].contains("cannot use `$schema`"),
        "{:?}",
        by_file("d.md")
    );
}

#[test]
fn per_override_schema_and_bad_schema_is_a_config_error() {
    let dir = strict_site();
    fs::write(
        dir.path().join("frontlint.toml"),
        "[[overrides]]\npaths = [\"_posts/**\"]\nfront_matter.schema = \"strict.schema.json\"\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("_posts")).unwrap();
    fs::write(dir.path().join("_posts/a.md"), "---\ntitle: A\n---\n").unwrap();
    fs::write(dir.path().join("page.md"), "---\ntitle: A\n---\n").unwrap();
    let (r, _) = json(&[path_str(dir.path())]);
    let paths: Vec<&str> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "FM013")
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 1);
    assert!(paths[0].ends_with("_posts/a.md"));

    fs::write(dir.path().join("broken.json"), "{\"type\": 12}").unwrap();
    fs::write(
        dir.path().join("frontlint.toml"),
        "[front_matter]\nschema = \"broken.json\"\n",
    )
    .unwrap();
    let out = run(&[path_str(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid JSON Schema"), "{err}");
}
