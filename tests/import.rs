//! Schema import: Decap CMS, Front Matter CMS and Astro's JSON Schemas
//! become frontlint config, printed or used directly through `import`.

mod common;
use common::*;

#[test]
fn decap_config_imports_as_rules() {
    let out = run(&["schema", "import", "fixtures/import/decap/admin/config.yml"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "paths = [\"content/_posts/**\"]",
        "filename_date = true",
        "front_matter.required = [\"title\", \"date\", \"categories\", \"authors\", \"excerpt\"]",
        "front_matter.fields.date = { type = \"date\" }",
        "front_matter.fields.categories = { type = \"string\", enum = [\"general\", \"dinsic\", \"incubateurs\"] }",
        "front_matter.fields.authors = { type = \"list\", each_file = \"content/_authors/{}.md\" }",
        "front_matter.fields.tags = { type = \"list\" }",
        "paths = [\"index.md\"]",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing `{line}` in:\n{text}"
        );
    }
    assert!(
        !text.contains("fields.body"),
        "the Markdown body is not a field"
    );
    // The printed config is valid frontlint config.
    let t: toml::Table = text.parse().unwrap();
    let r: Result<frontlint::config::ConfigFile, _> = toml::Value::Table(t).try_into();
    assert!(r.is_ok(), "{r:?}");
}

#[test]
fn decap_import_from_config_flags_the_seed() {
    let (r, _) = json(&["fixtures/import/decap/"]);
    let fm: Vec<(String, String, u64, String)> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"].as_str().unwrap().starts_with("FM"))
        .map(|d| {
            (
                d["path"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |file: &str, rule: &str, line: u64, msg: &str| {
        assert!(
            fm.iter().any(|(f, r, l, m)| f.starts_with(file)
                && r == rule
                && *l == line
                && m.contains(msg)),
            "missing {rule} {file}:{line} `{msg}` in {fm:#?}"
        )
    };
    let seed = "2020-03-31-les-initiatives";
    has(seed, "FM009", 3, "`title` has trailing whitespace");
    has(seed, "FM006", 6, "`tags` should be a list, not a string");
    has(seed, "FM005", 1, "required field `authors` is missing");
    let other = "2020-04-02-une-equipe";
    has(
        other,
        "FM011",
        5,
        "`categories` must be one of: general, dinsic, incubateurs (found `generale`)",
    );
    has(
        other,
        "FM011",
        9,
        "`authors` names `jane.do`, but `content/_authors/jane.do.md` does not exist",
    );
    let relation = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["line"] == 9 && d["rule"] == "FM011")
        .unwrap();
    assert_eq!(relation["help"], "did you mean `jane.doe`?");
    assert_eq!(
        (relation["column"].as_u64(), relation["end_column"].as_u64()),
        (Some(5), Some(12))
    );
    // `jane.doe` exists: no finding on line 8.
    assert!(
        !fm.iter()
            .any(|(f, _, l, _)| f.starts_with(other) && *l == 8)
    );
}

#[test]
fn front_matter_cms_content_types() {
    let out = run(&["schema", "import", "fixtures/import/frontmatter.json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for line in [
        "paths = [\"content/blog/**\"]",
        "front_matter.required = [\"title\", \"date\"]",
        "front_matter.fields.draft = { type = \"boolean\" }",
        "front_matter.fields.tags = { type = \"list\" }",
        "front_matter.fields.series = { type = \"string\", enum = [\"basics\", \"advanced\"] }",
        "paths = [\"content/docs/**\"]",
        "front_matter.fields.weight = { type = \"integer\", min = 1 }",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing `{line}` in:\n{text}"
        );
    }
}

#[test]
fn astro_generated_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("imported.toml");
    let out = run(&[
        "schema",
        "import",
        "fixtures/import/astro/.astro/collections/blog.schema.json",
        "--output",
        path_str(&out_file),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&out_file).unwrap();
    for line in [
        "paths = [\"src/content/blog/**\"]",
        "front_matter.required = [\"description\", \"pubDate\", \"title\"]",
        "front_matter.unknown_fields = \"warn\"",
        "front_matter.fields.pubDate = { type = \"date\" }",
        "front_matter.fields.category = { type = \"string\", enum = [\"news\", \"guides\"] }",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing `{line}` in:\n{text}"
        );
    }
    assert!(!text.contains("fields.\"$schema\""));
}

#[test]
fn unreadable_import_is_a_clear_error() {
    let out = run(&["schema", "import", "fixtures/import/nope.yml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}
