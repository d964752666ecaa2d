//! frontlint: a linter and validator for Markdown posts with front matter.
//!
//! The library owns the whole pipeline — discovery, parsing, rules, reports —
//! so the CLI, tests and benchmarks drive the same code; `main.rs` only
//! parses arguments and maps the result to an exit code.

pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod frontmatter;
pub mod grammar;
pub mod import;
pub mod init;
pub mod inline_control;
pub mod link_stage;
pub mod links;
pub mod markdown;
pub mod report;
pub mod rules;
pub mod schema;
pub mod site;
pub mod sources;
pub mod spell;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use config::{ConfigError, Discovery, FileConfig, LoadedConfig};
use diagnostic::Diagnostic;
use document::{Document, LineIndex};
use rules::{CHECKS, Context};

/// The project's address, from Cargo.toml's `repository` (its one place):
/// rule docs, the SARIF `helpUri` of every rule and the help link there.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// Where settings come from.
#[derive(Debug, Clone)]
pub enum ConfigSource {
    /// The closest `frontlint.toml` / `.frontlint.toml` above each file.
    Discover,
    /// One file for everything (`--config`).
    File(PathBuf),
    /// Built-in defaults only (`--no-config`).
    Defaults,
}

#[derive(Debug, Clone)]
pub struct LintOptions {
    pub paths: Vec<PathBuf>,
    pub config: ConfigSource,
    /// Fix what can be fixed (`--fix`, `--unsafe-fixes`, `--diff`).
    pub fix: Option<FixMode>,
    /// Check external links over HTTP (`--check-links`); `None`: as the
    /// config's `[links] check` says.
    pub check_links: Option<bool>,
    /// Run the grammar stage (`--grammar`); otherwise as `[grammar] enabled`.
    pub grammar: bool,
    /// No progress bar and no notes.
    pub quiet: bool,
    /// Compute spelling suggestions (the help of TY002). Off when the
    /// output never shows help (`--format short`, `--statistics`): each
    /// distinct unknown word costs a dictionary search of about a
    /// millisecond.
    pub suggestions: bool,
}

/// What to do with each file besides checking it.
#[derive(Debug, Clone, Copy, Default)]
pub struct FileOptions {
    pub fix: Option<FixMode>,
    /// Keep the external URLs of the file for the online link stage.
    pub collect_urls: bool,
    /// Run the grammar stage even if the config does not enable it
    /// (`--grammar`).
    pub grammar: bool,
}

/// How to fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixMode {
    pub options: fix::FixOptions,
    /// Write files (`--fix`), or only compute a diff (`--diff`).
    pub write: bool,
}

/// Rounds of fix-then-relint before giving up on reaching a fixed point.
const MAX_FIX_ROUNDS: usize = 8;

/// The findings of one file, with its text when there is something to show.
#[derive(Debug, Default)]
pub struct FileReport {
    pub path: PathBuf,
    pub text: Option<Arc<str>>,
    pub lines: Option<Arc<LineIndex>>,
    /// After fixing, the findings that remain.
    pub diagnostics: Vec<Diagnostic>,
    /// Fixes applied (or, with `--diff`, that would be).
    pub fixed: usize,
    /// With `--diff`: the unified diff of the fixes.
    pub diff: Option<String>,
    /// A fix that could not be written.
    pub fix_error: Option<String>,
    /// External URLs and where they are used (with `collect_urls`).
    pub urls: Vec<link_stage::UrlUse>,
    /// TY002 candidates and the text's language, for the run-wide
    /// site-vocabulary pass (`rules::spelling::stage`).
    pub unknown_words: Option<(spell::Lang, Vec<spell::SpellFinding>)>,
    /// The paragraphs for the grammar stage (`rules::grammar::stage`).
    pub grammar: Option<rules::grammar::GrammarInput>,
    /// The file's `frontlint-disable` comments: later stages pass their
    /// diagnostics through `Directives::filter` before adding them here.
    pub directives: Option<Arc<inline_control::Directives>>,
}

/// A failure of the tool itself (exit status 2): a bad config, a path that
/// does not exist.
#[derive(Debug, Clone)]
pub struct ToolError(pub String);

impl std::fmt::Display for ToolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Default)]
pub struct Report {
    /// Every file checked, sorted by path.
    pub files: Vec<FileReport>,
    pub errors: Vec<ToolError>,
    /// Things skipped while walking folders (unreadable folders, broken
    /// links): said on stderr, not failures.
    pub notes: Vec<String>,
}

impl Report {
    pub fn files_checked(&self) -> usize {
        self.files.len()
    }

    pub fn diagnostics(&self) -> impl Iterator<Item = (&FileReport, &Diagnostic)> {
        self.files
            .iter()
            .flat_map(|f| f.diagnostics.iter().map(move |d| (f, d)))
    }
}

/// File names linted when walking folders.
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "md" | "markdown" | "mdx"))
}

/// A file to lint and the config that governs it.
struct Job {
    path: PathBuf,
    config: Arc<FileConfig>,
}

/// At most this many findings of one rule in one file are kept; the rest
/// are summed up in one last finding, so a hostile file cannot exhaust memory.
pub const MAX_PER_RULE: usize = 1000;

/// Runs every per-document rule on `doc` with `config`; diagnostics come
/// back sorted by position, then rule, without those silenced by
/// `frontlint-disable` comments.
pub fn check_document(doc: &Document, config: &FileConfig) -> Vec<Diagnostic> {
    check_document_with_directives(doc, config).0
}

/// [`check_document`], also giving back the document's inline control
/// comments so that later stages can filter their own diagnostics.
pub fn check_document_with_directives(
    doc: &Document,
    config: &FileConfig,
) -> (Vec<Diagnostic>, inline_control::Directives) {
    let ctx = Context { config };
    let mut out = Vec::new();
    for rule in CHECKS {
        let meta = rule.meta();
        let Some(severity) = config.severity(meta) else {
            continue;
        };
        let start = out.len();
        rule.check(doc, &ctx, &mut out);
        if out.len() - start > MAX_PER_RULE {
            let extra = out.len() - start - MAX_PER_RULE;
            let at = out[start + MAX_PER_RULE].span;
            out.truncate(start + MAX_PER_RULE);
            out.push(Diagnostic::new(
                meta,
                at,
                format!(
                    "… and {extra} more {} findings in this file, not shown",
                    meta.code
                ),
            ));
        }
        let explicit = config.configured_severity(meta).is_some();
        for d in &mut out[start..] {
            // A rule may lower or raise one finding on purpose; a severity
            // set in config for the rule still has the last word.
            if explicit || Some(d.severity) == meta.default_severity {
                d.severity = severity;
            }
        }
    }
    let directives = inline_control::Directives::parse(doc);
    if !directives.is_empty() {
        directives.filter(&mut out);
        if let Some(severity) = config.severity(&rules::markdown::unused_disable_comment::META) {
            out.extend(
                directives
                    .unused(config)
                    .into_iter()
                    .map(|d| d.with_severity(severity)),
            );
        }
    }
    sort_diagnostics(&mut out);
    (out, directives)
}

/// Sorts findings by position, then rule.
pub fn sort_diagnostics(out: &mut [Diagnostic]) {
    out.sort_by(|a, b| {
        (a.span.start, a.rule.code, a.span.end).cmp(&(b.span.start, b.rule.code, b.span.end))
    });
}

/// Reads and checks one file (and fixes it when `fix` says so).
pub fn lint_file(path: &Path, config: &FileConfig, fix: Option<FixMode>) -> FileReport {
    lint_file_with(
        path,
        config,
        &FileOptions {
            fix,
            collect_urls: false,
            grammar: false,
        },
    )
}

/// Reads and checks one file with `opts`.
pub fn lint_file_with(path: &Path, config: &FileConfig, opts: &FileOptions) -> FileReport {
    let fix = opts.fix;
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > config.max_file_size
    {
        let meta_rule = &rules::io::too_large_file::META;
        return FileReport {
            path: path.to_path_buf(),
            text: Some(Arc::from("")),
            lines: Some(Arc::new(LineIndex::new(""))),
            diagnostics: config
                .severity(meta_rule)
                .map(|s| {
                    Diagnostic::new(
                        meta_rule,
                        document::Span::empty(0),
                        format!(
                            "skipped: the file is {:.1} MB, more than the {} MB limit",
                            meta.len() as f64 / (1024.0 * 1024.0),
                            config.max_file_size / (1024 * 1024)
                        ),
                    )
                    .with_help("raise `max_file_size_mb` in frontlint.toml to lint it")
                    .with_severity(s)
                })
                .into_iter()
                .collect(),
            ..FileReport::default()
        };
    }
    match std::fs::read(path) {
        Ok(bytes) => {
            let mut report = lint_bytes_with(path, &bytes, config, opts);
            if let (Some(mode), Some(text)) = (fix, &report.text)
                && mode.write
                && report.fixed > 0
                && let Err(e) = fix::write_atomically(path, &bytes, text.as_bytes())
            {
                report.fix_error = Some(e.to_string());
            }
            report
        }
        Err(e) => FileReport {
            path: path.to_path_buf(),
            text: Some(Arc::from("")),
            lines: Some(Arc::new(LineIndex::new(""))),
            diagnostics: config
                .severity(&rules::io::unreadable_file::META)
                .map(|s| {
                    Diagnostic::new(
                        &rules::io::unreadable_file::META,
                        document::Span::empty(0),
                        format!("cannot read the file: {e}"),
                    )
                    .with_help("check that it exists and that you may read it")
                    .with_severity(s)
                })
                .into_iter()
                .collect(),
            ..FileReport::default()
        },
    }
}

/// Whether fixes may be applied to this document: it was decoded from
/// UTF-8 and its front matter parsed (a file we could not read fully is
/// never rewritten).
fn fixable(doc: &Document) -> bool {
    doc.fixes_allowed()
        && doc
            .front_matter
            .as_ref()
            .is_none_or(|fm| fm.hard_errors().next().is_none())
}

/// Checks bytes as if read from `path`; with `fix`, applies fixes to a fixed
/// point and reports what remains (the caller writes the file).
pub fn lint_bytes(
    path: &Path,
    bytes: &[u8],
    config: &FileConfig,
    fix: Option<FixMode>,
) -> FileReport {
    lint_bytes_with(
        path,
        bytes,
        config,
        &FileOptions {
            fix,
            collect_urls: false,
            grammar: false,
        },
    )
}

/// Checks bytes as if read from `path`, with `opts`.
pub fn lint_bytes_with(
    path: &Path,
    bytes: &[u8],
    config: &FileConfig,
    opts: &FileOptions,
) -> FileReport {
    let fix = opts.fix;
    match Document::from_bytes(path, bytes) {
        Ok(mut doc) => {
            let (mut diagnostics, mut directives) = check_document_with_directives(&doc, config);
            if !fixable(&doc) {
                // Never applied to this file: offering them ("fixable with
                // --fix", counts) would be a promise --fix cannot keep.
                for d in &mut diagnostics {
                    d.fix = None;
                }
            }
            let mut fixed = 0;
            let mut diff = None;
            if let Some(mode) = fix
                && fixable(&doc)
            {
                let original = doc.text.clone();
                for _ in 0..MAX_FIX_ROUNDS {
                    let (new, n) = fix::apply(&doc.text, &diagnostics, mode.options);
                    if n == 0 || new == doc.text {
                        break;
                    }
                    fixed += n;
                    doc = Document::from_text(path, new, doc.encoding);
                    (diagnostics, directives) = check_document_with_directives(&doc, config);
                }
                if fixed > 0 && !mode.write {
                    diff = Some(fix::unified_diff(path, &original, &doc.text));
                }
            }
            let urls = if opts.collect_urls {
                link_stage::external_urls(&doc)
            } else {
                Vec::new()
            };
            let unknown_words = if config
                .severity(&rules::spelling::unknown_word::META)
                .is_some()
            {
                rules::spelling::check(&doc, config).map(|r| {
                    let words: Vec<spell::SpellFinding> = r
                        .findings
                        .iter()
                        .filter(|f| matches!(f.kind, spell::FindingKind::UnknownWord { .. }))
                        .cloned()
                        .collect();
                    (r.lang.clone(), words)
                })
            } else {
                None
            }
            .filter(|(_, w)| !w.is_empty());
            let grammar = rules::grammar::input(&doc, config, opts.grammar);
            let keep_text = !diagnostics.is_empty()
                || fixed > 0
                || !urls.is_empty()
                || unknown_words.is_some()
                || grammar.is_some();
            let (text, lines) = if keep_text {
                (
                    Some(Arc::from(doc.text.as_str())),
                    Some(Arc::new(doc.lines.clone())),
                )
            } else {
                (None, None)
            };
            FileReport {
                path: path.to_path_buf(),
                text,
                lines,
                diagnostics,
                fixed,
                diff,
                fix_error: None,
                urls,
                unknown_words,
                grammar,
                directives: (!directives.is_empty()).then(|| Arc::new(directives)),
            }
        }
        Err(e) => {
            let lines = LineIndex::new(&e.text);
            let mut d = Diagnostic::new(&rules::io::unreadable_file::META, e.span, e.message);
            if let Some(h) = e.help {
                d = d.with_help(h);
            }
            let severity = config.severity(&rules::io::unreadable_file::META);
            FileReport {
                path: path.to_path_buf(),
                text: Some(Arc::from(e.text.as_str())),
                lines: Some(Arc::new(lines)),
                diagnostics: severity.map(|s| d.with_severity(s)).into_iter().collect(),
                ..FileReport::default()
            }
        }
    }
}

/// Finds the files under `opts.paths` and the config of each.
fn collect_jobs(
    opts: &LintOptions,
    errors: &mut Vec<ToolError>,
    notes: &mut Vec<String>,
) -> Vec<Job> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let fixed: Option<Arc<LoadedConfig>> = match &opts.config {
        ConfigSource::File(p) => match LoadedConfig::load(p) {
            Ok(c) => Some(Arc::new(c)),
            Err(e) => {
                errors.push(ToolError(e.to_string()));
                return Vec::new();
            }
        },
        ConfigSource::Defaults => Some(Arc::new(LoadedConfig::defaults(&cwd))),
        ConfigSource::Discover => None,
    };
    let defaults = Arc::new(LoadedConfig::defaults(&cwd));
    let mut discovery = Discovery::default();
    let mut reported: std::collections::HashSet<String> = Default::default();
    let mut config_for = |path: &Path, errors: &mut Vec<ToolError>| -> Option<Arc<LoadedConfig>> {
        if let Some(c) = &fixed {
            return Some(Arc::clone(c));
        }
        match discovery.for_file(path) {
            Ok(Some(c)) => Some(c),
            Ok(None) => Some(Arc::clone(&defaults)),
            Err(e) => {
                let msg = e.to_string();
                if reported.insert(msg.clone()) {
                    errors.push(ToolError(msg));
                }
                None
            }
        }
    };

    let mut jobs = Vec::new();
    let paths: Vec<PathBuf> = if opts.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        opts.paths.clone()
    };
    for root in &paths {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                errors.push(ToolError(format!("{}: {e}", root.display())));
                continue;
            }
        };
        if meta.is_file() {
            if let Some(cfg) = config_for(root, errors)
                && !cfg.is_excluded(root)
            {
                jobs.push(Job {
                    config: cfg.for_file(root),
                    path: clean(root),
                });
            }
            continue;
        }
        let walker = ignore::WalkBuilder::new(root)
            .sort_by_file_path(|a, b| a.cmp(b))
            .build();
        // Markdown files the config's include/exclude left out, by config:
        // when they are all the walk found, the run would be silently empty.
        let jobs_before = jobs.len();
        let errors_before = errors.len();
        let mut left_out: std::collections::BTreeMap<PathBuf, (usize, PathBuf)> =
            Default::default();
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    // An unreadable folder or a broken link: skip it and go on.
                    notes.push(format!("skipped {e}"));
                    continue;
                }
            };
            // Links to folders are not followed (no loops); links to files are.
            let is_file = entry
                .file_type()
                .is_some_and(|t| t.is_file() || (t.is_symlink() && entry.path().is_file()));
            if !is_file || !is_markdown(entry.path()) {
                continue;
            }
            let path = entry.path();
            if let Some(cfg) = config_for(path, errors) {
                if cfg.is_included(path) && !cfg.is_excluded(path) {
                    jobs.push(Job {
                        config: cfg.for_file(path),
                        path: clean(path),
                    });
                } else if let Some(p) = &cfg.path {
                    left_out.entry(p.clone()).or_insert((0, cfg.root.clone())).0 += 1;
                }
            }
        }
        // (A config error already explains an empty walk.)
        if jobs.len() == jobs_before && left_out.is_empty() && errors.len() == errors_before {
            notes.push(format!(
                "no Markdown files (*.md, *.markdown, *.mdx) found under {} \
                 (files that .gitignore names are not linted)",
                root.display()
            ));
        }
        if jobs.len() == jobs_before {
            for (config, (n, folder)) in left_out {
                notes.push(format!(
                    "{n} Markdown file{s} found under {}, all left out by the `include`/`exclude` \
                     globs of {}; those globs are relative to the config's folder ({})",
                    root.display(),
                    config.display(),
                    folder.display(),
                    s = if n == 1 { "" } else { "s" },
                ));
            }
        }
    }
    jobs.sort_by(|a, b| a.path.cmp(&b.path));
    jobs.dedup_by(|a, b| a.path == b.path);
    jobs
}

/// `./a/b.md` → `a/b.md`, for messages.
fn clean(p: &Path) -> PathBuf {
    p.strip_prefix(".")
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| p.to_path_buf())
}

/// The unknown words (TY002 candidates, before the site-vocabulary pass) of
/// every file under `opts.paths`, counted per distinct word: what
/// `frontlint spelling --collect` prints to seed a project's word list.
pub fn collect_unknown_words(opts: &LintOptions) -> (spell::SiteVocabulary, usize, Vec<ToolError>) {
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let jobs = collect_jobs(opts, &mut errors, &mut notes);
    let vocab = jobs
        .par_iter()
        .fold(spell::SiteVocabulary::new, |mut v, job| {
            if let Ok(bytes) = std::fs::read(&job.path)
                && let Ok(doc) = Document::from_bytes(&job.path, &bytes)
                && let Some(r) = rules::spelling::check(&doc, &job.config)
            {
                let words: Vec<spell::SpellFinding> = r
                    .findings
                    .iter()
                    .filter(|f| matches!(f.kind, spell::FindingKind::UnknownWord { .. }))
                    .cloned()
                    .collect();
                v.add_document(&words);
            }
            v
        })
        .reduce(spell::SiteVocabulary::new, |mut a, b| {
            a.merge(b);
            a
        });
    (vocab, jobs.len(), errors)
}

/// Lints every Markdown file under `opts.paths`, in parallel.
pub fn lint(opts: &LintOptions) -> Report {
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let jobs = collect_jobs(opts, &mut errors, &mut notes);
    // The run's [links] settings: those of the first file's config (the
    // online check is one phase over the whole run).
    let link_opts = jobs.first().map(|j| link_stage::options(&j.config));
    let link_opts = match link_opts.transpose() {
        Ok(o) => o,
        Err(e) => {
            errors.push(ToolError(e));
            None
        }
    };
    let check_links = opts
        .check_links
        .unwrap_or_else(|| link_opts.as_ref().is_some_and(|o| o.check));
    let file_opts = FileOptions {
        fix: opts.fix,
        collect_urls: check_links,
        grammar: opts.grammar,
    };
    let mut files: Vec<FileReport> = jobs
        .par_iter()
        .map(|job| lint_file_with(&job.path, &job.config, &file_opts))
        .collect();
    let configs: Vec<&FileConfig> = jobs.iter().map(|j| &*j.config).collect();
    rules::spelling::stage::run(&mut files, &configs, opts.suggestions);
    notes.extend(rules::grammar::stage(&mut files, &configs));
    if check_links && let Some(mut lo) = link_opts {
        lo.progress = !opts.quiet;
        match link_stage::run(&mut files, &configs, &lo, opts.fix) {
            Ok(warnings) if !opts.quiet => notes.extend(warnings),
            Ok(_) => {}
            Err(e) => errors.push(ToolError(e)),
        }
    }
    Report {
        files,
        errors,
        notes,
    }
}

/// Re-exported for callers that need a config error type.
pub type ConfigLoadError = ConfigError;
