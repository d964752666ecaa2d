//! The integrations README shows, each exercised as written: the GitHub
//! Action (`action.yml`'s own steps, run with bash) and the workflows that
//! use it, the shell snippets, and the editor schema line. The pre-commit
//! hook has its own, slower, test in `precommit.rs`.

mod common;
use common::*;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// Which test exercises each kind of README snippet, by a marker only that
/// snippet contains.
const SNIPPETS: [(&str, &str); 8] = [
    (
        "repos:",
        "precommit::hook_refuses_the_seed_and_accepts_a_clean_post",
    ),
    (
        "uses: frontlint/frontlint@",
        "action_runs_as_the_readme_workflow_uses_it",
    ),
    ("upload-sarif", "sarif_workflow_commands_run"),
    ("--format junit", "shell_snippets_run_in_a_site"),
    (
        "--changed-since origin/main",
        "shell_snippets_run_in_a_site",
    ),
    ("--stdin-filename", "shell_snippets_run_in_a_site"),
    ("completions bash", "shell_snippets_run_in_a_site"),
    (
        "#:schema",
        "editor_schema_line_points_at_the_published_schema",
    ),
];

#[test]
fn every_readme_integration_snippet_is_tested() {
    let snippets = integration_snippets();
    for s in &snippets {
        let markers: Vec<&str> = SNIPPETS
            .iter()
            .map(|(m, _)| *m)
            .filter(|m| s.body.contains(m))
            .collect();
        assert_eq!(
            markers.len(),
            1,
            "each README integration snippet has exactly one test (add it to SNIPPETS):\n{}",
            s.body
        );
    }
    assert_eq!(snippets.len(), SNIPPETS.len());
}

/// A site with history and a remote: `origin/main` holds the config and a
/// clean post; the checked-out branch `feature` adds the seed post (4
/// errors) and a draft, and changes nothing else.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let origin = dir.path().join("origin.git");
    git(
        dir.path(),
        &["init", "-q", "--bare", "-b", "main", path_str(&origin)],
    );
    let site = dir.path().join("site");
    git(dir.path(), &["clone", "-q", path_str(&origin), "site"]);
    git(&site, &["checkout", "-q", "-b", "main"]);
    fs::copy(root().join(SEED_CONFIG), site.join("frontlint.toml")).unwrap();
    write(
        &site,
        "_posts/2020-04-01-propre.md",
        "---\nlayout: post\ntitle: Un article propre\ndate: 2020-04-01\n---\nUn paragraphe avec [un lien](https://beta.gouv.fr/).\n",
    );
    git(&site, &["add", "-A"]);
    git(&site, &["commit", "-q", "-m", "site"]);
    git(&site, &["push", "-q", "origin", "main"]);
    git(&site, &["checkout", "-q", "-b", "feature"]);
    fs::copy(
        root().join(SEED_POST),
        site.join("_posts/2020-03-31-les-initiatives-covid19-beta-gouv-fr.md"),
    )
    .unwrap();
    git(&site, &["add", "-A"]);
    git(&site, &["commit", "-q", "-m", "the seed post"]);
    write(
        &site,
        "draft.md",
        "---\nlayout: post\ntitle: Brouillon\ndate: 2020-04-01\n---\nDu texte   \n",
    );
    dir
}

/// Runs a bash script in `dir` with the frontlint under test on `PATH` and
/// `HOME` in a temporary folder.
fn bash(dir: &Path, home: &Path, script: &str) -> Output {
    Command::new("bash")
        .args(["--norc", "--noprofile", "-c", script])
        .current_dir(dir)
        .env("PATH", path_with_frontlint())
        .env("HOME", home)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run bash")
}

#[test]
fn shell_snippets_run_in_a_site() {
    let dir = site();
    let site = dir.path().join("site");
    let home = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for marker in [
        "--format junit",
        "--changed-since origin/main",
        "--stdin-filename",
        "completions bash",
    ] {
        let s = snippet(marker);
        assert_eq!(s.lang, "sh");
        // Each line as a user would paste it: every command must succeed
        // (the snippets tolerate status 1 where findings are expected).
        for line in s.body.lines().filter(|l| !l.trim().is_empty()) {
            let out = bash(&site, home.path(), line);
            outputs.push((line.to_string(), out));
        }
    }
    let by_line = |prefix: &str| -> &Output {
        &outputs
            .iter()
            .find(|(l, _)| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no snippet line {prefix:?}"))
            .1
    };
    let stdout = |prefix: &str| String::from_utf8_lossy(&by_line(prefix).stdout).into_owned();
    // The seed post has 4 errors: the runs that lint it fail, as a CI gate
    // should (unless the snippet accepts status 1); the others succeed.
    for (line, out) in &outputs {
        let lints_the_seed = [
            "frontlint --max-warnings",
            "frontlint --statistics",
            "frontlint --changed-since",
            "git diff",
        ]
        .iter()
        .any(|p| line.starts_with(p));
        let expected = if lints_the_seed { 1 } else { 0 };
        assert_eq!(
            out.status.code(),
            Some(expected),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let junit = fs::read_to_string(site.join("frontlint-junit.xml")).unwrap();
    let doc = roxmltree::Document::parse(&junit).expect("JUnit XML");
    assert_eq!(doc.root_element().attribute("failures"), Some("28"));
    assert!(stdout("frontlint --statistics").starts_with("7  MK001  emphasis-as-heading"));
    // Changed since origin/main: the seed post and the untracked draft.
    let changed = stdout("frontlint --changed-since");
    assert!(
        changed.contains(
            "_posts/2020-03-31-les-initiatives-covid19-beta-gouv-fr.md:49:8: error[LK001]"
        )
    );
    assert!(
        changed.contains("draft.md:6:9: warning[MK002]"),
        "{changed}"
    );
    assert!(!changed.contains("propre"), "{changed}");
    // The last commit's Markdown files: the seed post only.
    let listed = stdout("git diff");
    assert!(
        listed.contains("error[LK001]") && !listed.contains("draft.md"),
        "{listed}"
    );
    // Standard input: findings named after the given path, then the fix.
    let named = stdout("frontlint --stdin-filename");
    assert_eq!(
        named,
        "_posts/2020-04-01-draft.md:6:9: warning[MK002] trailing whitespace\n"
    );
    assert_eq!(
        fs::read_to_string(site.join("fixed.md")).unwrap(),
        "---\nlayout: post\ntitle: Brouillon\ndate: 2020-04-01\n---\nDu texte\n"
    );
    // Completions and man page where the snippet puts them.
    let bash_completion = home
        .path()
        .join(".local/share/bash-completion/completions/frontlint");
    assert!(
        fs::read_to_string(bash_completion)
            .unwrap()
            .contains("complete -F")
    );
    let fish = home.path().join(".config/fish/completions/frontlint.fish");
    assert!(
        fs::read_to_string(fish)
            .unwrap()
            .contains("complete -c frontlint")
    );
    let man = home.path().join(".local/share/man/man1/frontlint.1");
    assert!(fs::read_to_string(man).unwrap().contains(".TH frontlint 1"));
}

/// The action's metadata, read with frontlint's own YAML parser.
fn action() -> Value {
    yaml(&fs::read_to_string(root().join("action.yml")).unwrap())
}

/// Runs step `index` of the action with bash, as the runner would: its
/// `env`, with `${{ ... }}` expressions replaced by `exprs`.
fn run_step(index: usize, exprs: &[(&str, &str)], dir: &Path, path: &std::ffi::OsStr) -> Output {
    let action = action();
    let step = &action["runs"]["steps"][index];
    assert_eq!(step["shell"], "bash");
    let mut cmd = Command::new("bash");
    // The runner's own options for `shell: bash`.
    cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c"])
        .arg(step["run"].as_str().expect("run script"))
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    for (k, v) in step["env"].as_object().into_iter().flatten() {
        let mut v = v.as_str().expect("env value").to_string();
        for (expr, value) in exprs {
            v = v.replace(&format!("${{{{ {expr} }}}}"), value);
        }
        assert!(!v.contains("${{"), "unset expression in {k}: {v}");
        cmd.env(k, v);
    }
    cmd.output().expect("run step")
}

#[test]
fn action_metadata_and_install_step() {
    let a = action();
    assert_eq!(a["runs"]["using"], "composite");
    assert_eq!(a["inputs"]["args"]["default"], "--format github .");
    assert_eq!(a["inputs"]["version"]["default"], "");
    assert_eq!(a["runs"]["steps"].as_array().unwrap().len(), 2);
    assert_eq!(
        a["runs"]["steps"][0]["env"]["FRONTLINT_REPOSITORY"],
        frontlint::REPOSITORY
    );
    let root_dir = root();
    let root_str = path_str(&root_dir);
    let work = tempfile::tempdir().unwrap();

    // The version being built is already on PATH: nothing to install.
    let out = run_step(
        0,
        &[("inputs.version", ""), ("github.action_path", root_str)],
        work.path(),
        &path_with_frontlint(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "frontlint {} is already installed\n",
            env!("CARGO_PKG_VERSION")
        )
    );

    // Otherwise cargo builds it: a stand-in `cargo` records how it is
    // called (a real build is what the pre-commit test does).
    let stub = tempfile::tempdir().unwrap();
    let log = stub.path().join("cargo-args");
    let cargo = stub.path().join("cargo");
    fs::write(
        &cargo,
        format!("#!/bin/sh\necho \"$@\" >> '{}'\n", log.display()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&cargo, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let gh_path = work.path().join("github-path");
    let stub_path =
        std::env::join_paths([stub.path(), Path::new("/usr/bin"), Path::new("/bin")]).unwrap();
    let step = |version: &str| {
        let _ = fs::remove_file(&log);
        let out = {
            let action = action();
            let script = action["runs"]["steps"][0]["run"]
                .as_str()
                .unwrap()
                .to_string();
            Command::new("bash")
                .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", &script])
                .current_dir(work.path())
                .env("PATH", &stub_path)
                .env("FRONTLINT_VERSION", version)
                .env("FRONTLINT_SOURCE", root_str)
                .env("FRONTLINT_REPOSITORY", frontlint::REPOSITORY)
                .env("GITHUB_PATH", &gh_path)
                .env("HOME", work.path())
                .env_remove("CARGO_HOME")
                .output()
                .unwrap()
        };
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        fs::read_to_string(&log).unwrap_or_default()
    };
    assert_eq!(step(""), format!("install --locked --path {root_str}\n"));
    assert_eq!(
        step("v9.9.9"),
        format!(
            "install --locked --git {} --tag v9.9.9 frontlint\n",
            frontlint::REPOSITORY
        )
    );
    assert_eq!(
        step("9.9.9"),
        format!(
            "install --locked --git {} --tag v9.9.9 frontlint\n",
            frontlint::REPOSITORY
        )
    );
    // Later steps find what cargo installed.
    let gh = fs::read_to_string(&gh_path).unwrap();
    assert!(
        gh.lines()
            .all(|l| l == format!("{}/.cargo/bin", work.path().display())),
        "{gh}"
    );
}

#[test]
fn action_runs_as_the_readme_workflow_uses_it() {
    let s = snippet("uses: frontlint/frontlint@");
    let workflow = yaml(&s.body);
    let steps = workflow["jobs"]["frontlint"]["steps"].as_array().unwrap();
    let checkout = steps
        .iter()
        .find(|st| {
            st["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/checkout@"))
        })
        .unwrap();
    assert_eq!(
        checkout["with"]["fetch-depth"], 0,
        "history for --changed-since"
    );
    let ours = steps
        .iter()
        .find(|st| {
            st["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("frontlint/frontlint@"))
        })
        .unwrap();
    // `uses: OWNER/REPO@TAG` names this repository.
    let uses = ours["uses"].as_str().unwrap();
    let (repo, tag) = uses.split_once('@').unwrap();
    assert_eq!(format!("https://github.com/{repo}"), frontlint::REPOSITORY);
    assert_eq!(tag, format!("v{}", env!("CARGO_PKG_VERSION")));
    // Every input the workflow gives exists in action.yml.
    let action = action();
    for key in ours["with"].as_object().unwrap().keys() {
        assert!(action["inputs"][key].is_object(), "no input {key}");
    }
    let args = ours["with"]["args"].as_str().unwrap();

    // Run the action's run step as a pull request into `main` would.
    let dir = site();
    let site = dir.path().join("site");
    let args = args.replace("${{ github.base_ref }}", "main");
    let out = run_step(1, &[("inputs.args", &args)], &site, &path_with_frontlint());
    assert_eq!(out.status.code(), Some(1), "errors fail the job");
    let s = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = s.lines().collect();
    // One annotation per finding of the changed files, and only those: the
    // seed post's 27 and the draft's trailing whitespace.
    assert_eq!(lines.len(), 28, "{s}");
    assert!(lines.iter().all(|l| l.starts_with("::")), "{s}");
    assert!(s.contains(
        "::error file=_posts/2020-03-31-les-initiatives-covid19-beta-gouv-fr.md,line=49,col=8,"
    ));
    assert!(s.contains("::warning file=draft.md,line=6,col=9,"), "{s}");
    assert!(!s.contains("propre"));
    // Words, not shell: an expression in args cannot run a command.
    let out = run_step(
        1,
        &[("inputs.args", "--format short $(touch pwned) *.md")],
        &site,
        &path_with_frontlint(),
    );
    assert_eq!(out.status.code(), Some(2), "no such paths");
    assert!(!site.join("pwned").exists());
}

#[test]
fn sarif_workflow_commands_run() {
    let s = snippet("upload-sarif");
    let workflow = yaml(&s.body);
    let steps = workflow["jobs"]["frontlint"]["steps"].as_array().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|st| st["run"].as_str()).collect();
    let install = runs
        .iter()
        .find(|r| r.starts_with("cargo install"))
        .unwrap();
    assert!(
        install.contains(&format!("--git {} ", frontlint::REPOSITORY))
            && install.contains(&format!("--tag v{} ", env!("CARGO_PKG_VERSION"))),
        "{install}"
    );
    let upload = steps
        .iter()
        .find(|st| {
            st["uses"]
                .as_str()
                .is_some_and(|u| u.contains("upload-sarif"))
        })
        .unwrap();
    let sarif_file = upload["with"]["sarif_file"].as_str().unwrap();

    let dir = site();
    let site = dir.path().join("site");
    let home = tempfile::tempdir().unwrap();
    for r in runs.iter().filter(|r| r.starts_with("frontlint")) {
        let out = bash(&site, home.path(), r);
        assert!(
            out.status.success(),
            "{r}: findings do not fail the step: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let log: Value =
        serde_json::from_str(&fs::read_to_string(site.join(sarif_file)).unwrap()).expect("SARIF");
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 28);
    // A broken config still fails the step.
    fs::write(site.join("frontlint.toml"), "[rules]\nLK09 = \"off\"\n").unwrap();
    let r = runs.iter().find(|r| r.starts_with("frontlint")).unwrap();
    let broken = bash(&site, home.path(), r);
    assert!(!broken.status.success());
    assert!(String::from_utf8_lossy(&broken.stderr).contains("invalid config"));
}

#[test]
fn editor_schema_line_points_at_the_published_schema() {
    let s = snippet("#:schema");
    assert_eq!(s.lang, "toml");
    let first = s.body.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "#:schema {}/raw/main/rules/frontlint.schema.json",
            frontlint::REPOSITORY
        )
    );
    assert!(root().join("rules/frontlint.schema.json").is_file());
    // The snippet is a config frontlint reads, and the schema accepts.
    frontlint::config::LoadedConfig::from_str(&s.body, Path::new("frontlint.toml"), Path::new("."))
        .unwrap();
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(root().join("rules/frontlint.schema.json")).unwrap(),
    )
    .unwrap();
    let config: toml::Value = toml::from_str(&s.body).unwrap();
    assert!(jsonschema::is_valid(
        &schema,
        &serde_json::to_value(config).unwrap()
    ));
}

#[test]
fn pre_commit_hook_definition() {
    // The hook pre-commit reads; its real run is in precommit.rs.
    let hooks = yaml(&fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap());
    let hook = &hooks[0];
    assert_eq!(hook["id"], "frontlint");
    assert_eq!(hook["language"], "rust");
    assert_eq!(hook["entry"], "frontlint");
    assert_eq!(hook["types"], serde_json::json!(["markdown"]));
    assert_ne!(hook["pass_filenames"], false);
    let s = snippet("repos:");
    let config = yaml(&s.body);
    assert_eq!(config["repos"][0]["repo"], frontlint::REPOSITORY);
    assert_eq!(
        config["repos"][0]["rev"],
        format!("v{}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(config["repos"][0]["hooks"][0]["id"], "frontlint");
}
