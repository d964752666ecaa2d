//! Help generated from the one CLI definition: shell completions and the
//! man page; `config --show`; and the JSON Schema of `frontlint.toml`,
//! committed as `rules/frontlint.schema.json` for editors.

mod common;
use common::*;

use std::fs;
use std::process::Command;

use serde_json::Value;

/// Whether a program runs here (for checks that need a shell).
fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef frontlint"),
        ("fish", "complete -c frontlint"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = run(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(s.contains(marker), "{shell}: {marker}");
        // fish writes long options without their dashes (`-l name`).
        for flag in ["changed-since", "stdin-filename", "max-warnings"] {
            assert!(s.contains(flag), "{shell} completes --{flag}");
        }
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn bash_completion_loads_and_completes() {
    if !have("bash") {
        eprintln!("SKIPPED: bash not found");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("frontlint.bash");
    fs::write(&script, run(&["completions", "bash"]).stdout).unwrap();
    // Load the script, then ask it to complete `frontlint --format ` the way
    // bash's programmable completion calls the function.
    let probe = format!(
        "source {}; COMP_WORDS=(frontlint --format ''); COMP_CWORD=2; COMP_LINE='frontlint --format '; COMP_POINT=${{#COMP_LINE}}; \
         fn=$(complete -p frontlint | sed -E 's/.*-F ([^ ]+).*/\\1/'); $fn frontlint '' --format; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let out = Command::new("bash")
        .args(["--norc", "-c", &probe])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    for f in ["human", "json", "sarif", "github", "junit"] {
        assert!(
            s.lines().any(|l| l == f),
            "{f} offered: {s}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn man_page_is_roff_with_every_option() {
    let out = run(&["man"]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.starts_with(".ie \\n(.g .ds Aq"),
        "roff preamble: {}",
        &s[..40.min(s.len())]
    );
    assert!(s.contains(".TH frontlint 1"), "{}", &s[..200.min(s.len())]);
    for flag in [
        "changed\\-since",
        "files\\-from",
        "stdin\\-filename",
        "statistics",
        "max\\-warnings",
        "format",
    ] {
        assert!(s.contains(flag), "man page lists --{flag}");
    }
    for value in ["sarif", "github", "junit"] {
        assert!(s.contains(value), "man page lists the {value} format");
    }
}

#[test]
fn config_show_prints_the_merged_settings_of_a_file() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "frontlint.toml",
        "[front_matter]\nrequired = [\"title\"]\n[rules]\nLK009 = \"off\"\n[[overrides]]\npaths = [\"_posts/**\"]\nfront_matter.required = [\"title\", \"date\"]\nfilename_date = true\n[overrides.rules]\nemphasis-as-heading = \"error\"\n",
    );
    let show = |args: &[&str]| {
        let out = frontlint()
            .current_dir(dir.path())
            .args(["config", "--show"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let post = show(&["_posts/2020-01-01-x.md"]);
    assert!(post.starts_with("# Effective settings for _posts/2020-01-01-x.md\n# from frontlint.toml\n# [[overrides]] #1 applies"), "{post}");
    assert!(post.contains("required = [\"title\", \"date\"]"));
    assert!(post.contains("filename_date = true"));
    assert!(post.contains("MK001 = \"error\"  # emphasis-as-heading"));
    assert!(post.contains("LK009 = \"off\"  # insecure-link"));
    let page = show(&["about.md"]);
    assert!(page.contains("# no [[overrides]] apply"));
    assert!(page.contains("MK001 = \"warning\""));
    // The output is a config frontlint accepts: saved and used, it gives
    // the post the same findings as the original did.
    write(dir.path(), "shown/frontlint.toml", &post);
    write(
        dir.path(),
        "_posts/2020-01-01-x.md",
        "---\ntitle: X\n---\n**Bold heading**\n\nBody.\n",
    );
    let a = frontlint()
        .current_dir(dir.path())
        .args(["--format", "short", "_posts/2020-01-01-x.md"])
        .output()
        .unwrap();
    let b = frontlint()
        .current_dir(dir.path())
        .args([
            "--format",
            "short",
            "--config",
            "shown/frontlint.toml",
            "_posts/2020-01-01-x.md",
        ])
        .output()
        .unwrap();
    assert_eq!(a.stdout, b.stdout);
    let a = String::from_utf8(a.stdout).unwrap();
    assert!(
        a.contains("error[MK001]") && a.contains("error[FM005]"),
        "{a}"
    );
    // Built-in defaults, and a bad config is an error with its place.
    assert!(show(&["--no-config", "x.md"]).contains("# from the built-in defaults"));
    write(
        dir.path(),
        "bad/frontlint.toml",
        "[rules]\nLK09 = \"off\"\n",
    );
    let out = frontlint()
        .current_dir(dir.path())
        .args(["config", "--show", "bad/x.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad/frontlint.toml:2:1"));
}

const SCHEMA_FILE: &str = "rules/frontlint.schema.json";

#[test]
fn committed_schema_is_the_generated_one() {
    let generated = frontlint::config::schema::config_schema_json();
    let out = run(&["config", "--schema"]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), generated);
    let path = root().join(SCHEMA_FILE);
    if std::env::var_os("FRONTLINT_BLESS").is_some() {
        fs::write(&path, &generated).unwrap();
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{SCHEMA_FILE} is out of date: run `FRONTLINT_BLESS=1 cargo test --test generated` \
         (or `frontlint config --schema > {SCHEMA_FILE}`) and commit it"
    );
}

fn toml_as_json(text: &str) -> Value {
    let t: toml::Value = toml::from_str(text).expect("valid TOML");
    serde_json::to_value(t).expect("TOML as JSON")
}

#[test]
fn schema_accepts_real_configs_and_rejects_mistakes() {
    let schema: Value =
        serde_json::from_str(&fs::read_to_string(root().join(SCHEMA_FILE)).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    // Every config in the repository, and the example of README.
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let example = readme
        .split("```toml\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("README has a TOML example");
    let mut configs = vec![("README.md".to_string(), example.to_string())];
    for rel in [
        "fixtures/seed/frontlint.toml",
        "fixtures/cases/frontlint.toml",
    ] {
        configs.push((
            rel.to_string(),
            fs::read_to_string(root().join(rel)).unwrap(),
        ));
    }
    for (name, text) in &configs {
        let errors: Vec<String> = validator
            .iter_errors(&toml_as_json(text))
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        // And frontlint itself reads it.
        frontlint::config::LoadedConfig::from_str(
            text,
            std::path::Path::new(name),
            std::path::Path::new("."),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    for (bad, why) in [
        ("[front_matter]\nrequird = [\"title\"]\n", "unknown key"),
        ("[rules]\nLK09 = \"off\"\n", "unknown rule"),
        ("[rules]\nLK009 = \"fatal\"\n", "unknown severity"),
        (
            "[front_matter]\nfields.t = { type = \"strnig\" }\n",
            "unknown type",
        ),
        ("yaml_version = \"1.3\"\n", "unknown YAML version"),
        (
            "[[overrides]]\nfilename_date = true\n",
            "override without paths",
        ),
    ] {
        assert!(
            !validator.is_valid(&toml_as_json(bad)),
            "the schema should reject: {why}"
        );
        assert!(
            frontlint::config::LoadedConfig::from_str(
                bad,
                std::path::Path::new("bad.toml"),
                std::path::Path::new(".")
            )
            .is_err(),
            "frontlint rejects it too: {why}"
        );
    }
    for good in [
        "[front_matter]\nfields.t = { type = [\"array\", \"string\"] }\n",
        "[rules]\nlink-text-whitespace = \"warn\"\n",
    ] {
        assert!(validator.is_valid(&toml_as_json(good)), "{good}");
    }
}
