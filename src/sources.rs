//! Where the files to lint come from besides the paths on the command line:
//! the changes of a git branch (`--changed-since`), another tool's list
//! (`--files-from`), or one document on standard input (`-`).
//!
//! Each becomes a plain list of files (or one in-memory document) for the
//! usual pipeline, so formats, config discovery and exit statuses stay the
//! same whichever way the files were chosen. This module only chooses; it
//! never lints by itself.

use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use crate::config::{self, ConfigError, Discovery, LoadedConfig};
use crate::{ConfigSource, FixMode, Report, ToolError, is_markdown, lint_bytes};

/// The name standard input gets in messages when `--stdin-filename` is not
/// given.
pub const STDIN_NAME: &str = "<stdin>";

/// Answers "which config governs this path?" the way a normal run does:
/// one file for `--config`, defaults for `--no-config`, else the closest
/// config above the path.
pub struct Configs {
    fixed: Option<Arc<LoadedConfig>>,
    defaults: Arc<LoadedConfig>,
    discovery: Discovery,
}

impl Configs {
    pub fn new(source: &ConfigSource) -> Result<Configs, ConfigError> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let defaults = Arc::new(LoadedConfig::defaults(&cwd));
        let fixed = match source {
            ConfigSource::File(p) => Some(Arc::new(LoadedConfig::load(p)?)),
            ConfigSource::Defaults => Some(Arc::clone(&defaults)),
            ConfigSource::Discover => None,
        };
        Ok(Configs {
            fixed,
            defaults,
            discovery: Discovery::default(),
        })
    }

    /// The config of `path` (which need not exist: the name given to
    /// standard input, say).
    pub fn for_path(&mut self, path: &Path) -> Result<Arc<LoadedConfig>, ConfigError> {
        if let Some(c) = &self.fixed {
            return Ok(Arc::clone(c));
        }
        Ok(self
            .discovery
            .for_file(path)?
            .unwrap_or_else(|| Arc::clone(&self.defaults)))
    }
}

/// Runs git in `dir` and returns its standard output.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
        Err(if err.is_empty() {
            format!("`git {}` failed ({})", args.join(" "), out.status)
        } else {
            err
        })
    }
}

/// Splits git's `-z` output into paths.
fn nul_separated(bytes: &[u8]) -> Vec<PathBuf> {
    bytes
        .split(|&b| b == 0)
        .filter(|s| !s.is_empty())
        .map(path_from_bytes)
        .collect()
}

#[cfg(unix)]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(OsString::from_vec(b.to_vec()))
}

#[cfg(not(unix))]
fn path_from_bytes(b: &[u8]) -> PathBuf {
    PathBuf::from(OsString::from(String::from_utf8_lossy(b).into_owned()))
}

/// Whether `rel` has a hidden component (`.github/x.md`): walking a folder
/// skips those, so the changed-files mode does too.
fn has_hidden_component(rel: &Path) -> bool {
    rel.components().any(|c| match c {
        Component::Normal(s) => s.to_string_lossy().starts_with('.'),
        _ => false,
    })
}

/// The Markdown files changed since `git_ref` (committed, staged or not)
/// plus the untracked ones, under `scope` (default: the working folder),
/// and that a walk of `scope` would lint (the config's `include`, no hidden
/// folders). "Since" counts from where the current branch left `git_ref`
/// (their merge base), so a pull request is checked for its own changes
/// only, however far the target branch has moved.
///
/// Paths come back spelled from the scope argument they fall under
/// (`content/` → `content/posts/a.md`), as a walk of it would name them.
pub fn changed_since(
    git_ref: &str,
    scope: &[PathBuf],
    configs: &mut Configs,
) -> Result<Vec<PathBuf>, ToolError> {
    let cwd = std::env::current_dir()
        .map_err(|e| ToolError(format!("--changed-since: no working folder: {e}")))?;
    let fail = |m: String| ToolError(format!("--changed-since {git_ref}: {m}"));
    let top = git(&cwd, &["rev-parse", "--show-toplevel"]).map_err(fail)?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches(['\n', '\r']));
    let commit = format!("{git_ref}^{{commit}}");
    git(&top, &["rev-parse", "--verify", "--quiet", &commit])
        .map_err(|_| fail(format!("`{git_ref}` is not a commit of this repository")))?;
    // Without a common ancestor (unrelated histories, a too-shallow clone)
    // compare with the ref itself.
    let base = match git(&top, &["merge-base", git_ref, "HEAD"]) {
        Ok(b) => String::from_utf8_lossy(&b).trim().to_string(),
        Err(_) => git_ref.to_string(),
    };
    let changed = git(
        &top,
        &[
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            "--diff-filter=d",
            &base,
            "--",
        ],
    )
    .map_err(fail)?;
    let untracked =
        git(&top, &["ls-files", "--others", "--exclude-standard", "-z"]).map_err(fail)?;

    if let Some(missing) = scope.iter().find(|s| !s.exists()) {
        return Err(ToolError(format!(
            "{}: no such file or folder",
            missing.display()
        )));
    }
    let scopes: Vec<(PathBuf, PathBuf)> = if scope.is_empty() {
        vec![(PathBuf::from("."), config::absolute(&cwd))]
    } else {
        scope
            .iter()
            .map(|s| (s.clone(), config::absolute(s)))
            .collect()
    };
    let mut files = Vec::new();
    for rel in nul_separated(&changed)
        .into_iter()
        .chain(nul_separated(&untracked))
    {
        let abs = top.join(&rel);
        if !is_markdown(&abs) || !abs.is_file() {
            continue;
        }
        let Some((given, under)) = scopes
            .iter()
            .find_map(|(given, root)| Some((given, abs.strip_prefix(root).ok()?)))
        else {
            continue;
        };
        if has_hidden_component(under) {
            continue;
        }
        let shown = if under.as_os_str().is_empty() {
            given.clone()
        } else {
            given.join(under)
        };
        let shown = shown
            .strip_prefix(".")
            .map(Path::to_path_buf)
            .unwrap_or(shown);
        // A config error is reported by the lint itself; here the file is
        // kept so that it is.
        match configs.for_path(&shown) {
            Ok(c) if !c.is_included(&shown) => continue,
            _ => files.push(shown),
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

/// Reads a list of files (`--files-from FILE`, or `-` for standard input):
/// one path a line, or NUL-separated (as `git diff -z` and `find -print0`
/// write them). Entries that are neither Markdown files nor folders are
/// left out, so a whole change list can be passed as it is.
pub fn read_file_list(source: &Path) -> Result<Vec<PathBuf>, ToolError> {
    let bytes = if source == Path::new("-") {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut b)
            .map_err(|e| ToolError(format!("--files-from -: cannot read standard input: {e}")))?;
        b
    } else {
        std::fs::read(source)
            .map_err(|e| ToolError(format!("--files-from {}: {e}", source.display())))?
    };
    let entries: Vec<&[u8]> = if bytes.contains(&0) {
        bytes.split(|&b| b == 0).collect()
    } else {
        bytes.split(|&b| b == b'\n').collect()
    };
    Ok(entries
        .into_iter()
        .map(|e| e.strip_suffix(b"\r").unwrap_or(e))
        .filter(|e| !e.is_empty())
        .map(path_from_bytes)
        .filter(|p| is_markdown(p) || p.is_dir())
        .collect())
}

/// Lints one document read from standard input, named `name` (for config
/// discovery, the file-name date and messages) or [`STDIN_NAME`]. A name
/// the config excludes gives a report with no file, as a named file would.
pub fn lint_stdin(
    bytes: &[u8],
    name: Option<&Path>,
    configs: &mut Configs,
    fix: Option<FixMode>,
) -> Report {
    let path = name.map_or_else(|| PathBuf::from(STDIN_NAME), Path::to_path_buf);
    let loaded = match configs.for_path(&path) {
        Ok(c) => c,
        Err(e) => {
            return Report {
                errors: vec![ToolError(e.to_string())],
                ..Report::default()
            };
        }
    };
    if name.is_some() && loaded.is_excluded(&path) {
        return Report::default();
    }
    let cfg = loaded.for_file(&path);
    let mut files = vec![lint_bytes(&path, bytes, &cfg, fix)];
    // The run-wide spelling pass, on a run of one document.
    crate::rules::spelling::stage::run(&mut files, &[&*cfg], true);
    Report {
        files,
        ..Report::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_components() {
        assert!(has_hidden_component(Path::new(".github/x.md")));
        assert!(has_hidden_component(Path::new("a/.drafts/x.md")));
        assert!(!has_hidden_component(Path::new("a/b/x.md")));
        assert!(!has_hidden_component(Path::new("")));
    }

    #[test]
    fn nul_lists() {
        assert_eq!(
            nul_separated(b"a.md\0b c.md\0"),
            vec![PathBuf::from("a.md"), PathBuf::from("b c.md")]
        );
        assert!(nul_separated(b"").is_empty());
    }
}
