//! Command-line interface: clap definitions and the commands they run.
//! `main.rs` calls [`run`] and exits with the status it returns.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{ArgGroup, Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::diagnostic::Severity;
use crate::fix::FixOptions;
use crate::report::{self, Format, HumanOptions, Summary};
use crate::sources::{self, Configs};
use crate::{ConfigSource, FixMode, LintOptions, Report, rules};

/// Lint Markdown posts with front matter: front-matter validation, link
/// syntax, Markdown mistakes.
#[derive(Debug, Parser)]
#[command(
    name = "frontlint",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files and folders (the default command).
    Check(CheckArgs),
    /// List every rule: code, name, default severity, fixable.
    Rules,
    /// Print the documentation of a rule, by code or name.
    Explain {
        /// A rule code (`LK001`) or name (`nested-link`).
        rule: String,
    },
    /// Print a shell completion script (e.g. `frontlint completions bash`).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `frontlint man > frontlint.1`.
    Man,
    /// Spelling helpers: `spelling --collect` lists the unknown words of a
    /// whole site by frequency, to seed `[spelling] words`.
    Spelling(SpellingArgs),
    /// Show the settings that apply to a file, or the config's JSON Schema.
    Config(ConfigArgs),
    /// Learn a site's conventions from its posts and write a commented
    /// frontlint.toml (per-folder required fields, types, date styles,
    /// allowed values, outliers).
    Init(InitArgs),
    /// Work with schemas a site already declares.
    #[command(subcommand)]
    Schema(SchemaCommand),
}

#[derive(Debug, Clone, Args)]
pub struct SpellingArgs {
    /// List the words the dictionaries do not know, most used first.
    #[arg(long, required = true)]
    pub collect: bool,
    /// Files and folders to read (default: .).
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Use this config file for every file instead of looking for one.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore config files; use built-in defaults.
    #[arg(long)]
    pub no_config: bool,
    /// Only words used in at least this many files.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_files: u32,
    /// Print a `[spelling] words = [...]` snippet instead of the table.
    #[arg(long)]
    pub toml: bool,
}

#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// The site's folder (default: the current folder).
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// Overwrite an existing frontlint.toml.
    #[arg(long)]
    pub force: bool,
    /// Print the config instead of writing DIR/frontlint.toml.
    #[arg(long)]
    pub stdout: bool,
}

#[derive(Debug, Subcommand)]
pub enum SchemaCommand {
    /// Convert a Decap/Netlify CMS config.yml, a Front Matter CMS
    /// frontmatter.json or a JSON Schema (Astro's .astro/collections/*.json)
    /// into frontlint config.
    Import {
        /// The schema file.
        path: PathBuf,
        /// Write the config to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["show", "schema"])))]
pub struct ConfigArgs {
    /// Print the effective settings for FILE (after its config's overrides),
    /// as TOML.
    #[arg(long)]
    pub show: bool,
    /// Print the JSON Schema of frontlint.toml (as in rules/frontlint.schema.json).
    #[arg(long, conflicts_with = "file")]
    pub schema: bool,
    /// The file whose settings to show (it need not exist; default: a file
    /// in the working folder).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Use this config file instead of looking for one.
    #[arg(long, value_name = "CONFIG", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Show the built-in defaults.
    #[arg(long)]
    pub no_config: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Human,
    Short,
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// JUnit XML, for CI test reports.
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DenyArg {
    /// Exit with status 1 when there are warnings too.
    Warnings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Files and folders to lint (folders are walked, honouring .gitignore);
    /// `-` reads one document from standard input.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Lint only the Markdown files changed since this git ref (committed,
    /// staged or not, counted from the merge base) and untracked ones, under
    /// PATHS.
    #[arg(long, value_name = "REF", conflicts_with = "files_from")]
    pub changed_since: Option<String>,
    /// Lint the files listed in FILE, one a line or NUL-separated (`-`:
    /// standard input); entries that are not Markdown files are skipped.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// The path of the document read from standard input (`-`), for config
    /// discovery and messages.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Use this config file for every file instead of looking for one.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore config files; use built-in defaults.
    #[arg(long)]
    pub no_config: bool,
    /// Output format (default: human on a terminal, short otherwise).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Print only findings: no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Treat warnings as errors for the exit status.
    #[arg(long, value_enum)]
    pub deny: Option<DenyArg>,
    /// When to use colours.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorArg,
    /// Apply safe fixes and write the files.
    #[arg(long)]
    pub fix: bool,
    /// Apply unsafe fixes too (implies --fix unless --diff is given).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff instead of writing them.
    #[arg(long)]
    pub diff: bool,
    /// Check external links over HTTP (LK010 dead-link, LK011 redirected-link).
    #[arg(long)]
    pub check_links: bool,
    /// Check grammar (GR001): French with Grammalecte, English with harper.
    #[arg(long)]
    pub grammar: bool,
    /// Print only the number of findings per rule.
    #[arg(long)]
    pub statistics: bool,
    /// Exit with status 1 when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
}

/// Exit statuses.
pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_FAILURE: i32 = 2;

/// Runs the command line; returns the exit status.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        None => check(&cli.check),
        Some(Command::Check(args)) => check(&args),
        Some(Command::Rules) => list_rules(),
        Some(Command::Explain { rule }) => explain(&rule),
        Some(Command::Completions { shell }) => completions(shell),
        Some(Command::Man) => man(),
        Some(Command::Spelling(args)) => spelling(&args),
        Some(Command::Config(args)) => config_command(&args),
        Some(Command::Init(args)) => init(&args),
        Some(Command::Schema(SchemaCommand::Import { path, output })) => {
            schema_import(&path, output.as_deref())
        }
    }
}

fn spelling(args: &SpellingArgs) -> i32 {
    let config = if args.no_config {
        ConfigSource::Defaults
    } else if let Some(p) = &args.config {
        ConfigSource::File(p.clone())
    } else {
        ConfigSource::Discover
    };
    let (vocab, files, errors) = crate::collect_unknown_words(&LintOptions {
        paths: args.paths.clone(),
        config,
        fix: None,
        check_links: Some(false),
        grammar: false,
        quiet: true,
        suggestions: false,
    });
    for e in &errors {
        eprintln!("frontlint: error: {e}");
    }
    let words: Vec<_> = vocab
        .by_frequency()
        .into_iter()
        .filter(|w| w.documents >= args.min_files)
        .collect();
    let mut out = String::new();
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    if args.toml {
        out.push_str(&format!(
            "# Unknown words used in at least {} of {}; keep the right ones.\n[spelling]\nwords = [\n",
            args.min_files,
            plural(files, "file"),
        ));
        for w in &words {
            out.push_str(&format!(
                "  {}, # {}\n",
                toml_string(&w.word),
                plural(w.documents as usize, "file")
            ));
        }
        out.push_str("]\n");
    } else {
        out.push_str(&format!(
            "{:>6} {:>6}  word  ({} read)\n",
            "files",
            "uses",
            plural(files, "file")
        ));
        for w in &words {
            out.push_str(&format!(
                "{:>6} {:>6}  {}\n",
                w.documents, w.occurrences, w.word
            ));
        }
    }
    print!("{out}");
    if errors.is_empty() {
        EXIT_OK
    } else {
        EXIT_FAILURE
    }
}

/// `word` as a TOML basic string: quotes, backslashes and control
/// characters escaped, everything else (accents, combining marks) as is.
fn toml_string(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    out.push('"');
    for c in word.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn init(args: &InitArgs) -> i32 {
    let target = args.dir.join("frontlint.toml");
    if !args.stdout && target.exists() && !args.force {
        eprintln!(
            "frontlint: error: {} already exists; use --force to overwrite it or --stdout to print the new one",
            target.display()
        );
        return EXIT_FAILURE;
    }
    if !args.dir.is_dir() {
        eprintln!("frontlint: error: {} is not a folder", args.dir.display());
        return EXIT_FAILURE;
    }
    let report = match crate::init::infer(&args.dir) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("frontlint: error: {e}");
            return EXIT_FAILURE;
        }
    };
    if args.stdout {
        print!("{}", report.text);
    } else if let Err(e) = std::fs::write(&target, &report.text) {
        eprintln!("frontlint: error: cannot write {}: {e}", target.display());
        return EXIT_FAILURE;
    }
    let whereto = if args.stdout {
        "printed the config".to_string()
    } else {
        format!("wrote {}", target.display())
    };
    if report.files == 0 {
        eprintln!("frontlint: no posts found; {whereto} (a commented starter)");
    } else {
        eprintln!(
            "frontlint: {whereto}: {} files in {} collections; with it, {} files have findings (the outliers listed in its comments)",
            report.files, report.collections, report.flagged_files
        );
    }
    EXIT_OK
}

fn schema_import(path: &std::path::Path, output: Option<&std::path::Path>) -> i32 {
    let imported = match crate::import::to_config(path) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("frontlint: error: {e}");
            return EXIT_FAILURE;
        }
    };
    match output {
        None => print!("{}", imported.text),
        Some(out) => {
            if let Err(e) = std::fs::write(out, &imported.text) {
                eprintln!("frontlint: error: cannot write {}: {e}", out.display());
                return EXIT_FAILURE;
            }
        }
    }
    EXIT_OK
}

/// Whether to colour output going to a terminal (`is_terminal`) or not.
/// `--color always|never` decide; with `auto`, a non-empty `NO_COLOR`
/// wins, then `CLICOLOR_FORCE`, then whether the output is a terminal.
fn use_color(arg: ColorArg, is_terminal: bool) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else {
                is_terminal
            }
        }
    }
}

fn config_source(no_config: bool, config: Option<&Path>) -> ConfigSource {
    if no_config {
        ConfigSource::Defaults
    } else if let Some(p) = config {
        ConfigSource::File(p.to_path_buf())
    } else {
        ConfigSource::Discover
    }
}

/// A usage error: message on standard error, status 2.
fn usage(message: &str) -> i32 {
    eprintln!("frontlint: error: {message}");
    EXIT_FAILURE
}

/// Where the documents of this run come from.
enum Input {
    /// Paths on the command line (folders walked).
    Paths,
    /// One document on standard input (`-`).
    Stdin,
}

fn input_of(args: &CheckArgs) -> Result<Input, String> {
    let dash = args.paths.iter().any(|p| p.as_os_str() == "-");
    let stdin = dash || (args.paths.is_empty() && args.stdin_filename.is_some());
    if !stdin {
        return Ok(Input::Paths);
    }
    if args.paths.len() > 1 {
        return Err(
            "`-` (a document on standard input) cannot be combined with other paths".into(),
        );
    }
    if args.changed_since.is_some() || args.files_from.is_some() {
        return Err(
            "`-` (a document on standard input) cannot be combined with --changed-since or --files-from"
                .into(),
        );
    }
    Ok(Input::Stdin)
}

fn check(args: &CheckArgs) -> i32 {
    let config = config_source(args.no_config, args.config.as_deref());
    let fix = (args.fix || args.unsafe_fixes || args.diff).then_some(FixMode {
        options: FixOptions {
            unsafe_fixes: args.unsafe_fixes,
        },
        write: !args.diff,
    });
    let input = match input_of(args) {
        Ok(i) => i,
        Err(m) => return usage(&m),
    };
    if args.stdin_filename.is_some() && !matches!(input, Input::Stdin) {
        return usage(
            "--stdin-filename names the document read from standard input: give `-` as the only path",
        );
    }
    let stdin_fix = matches!(input, Input::Stdin) && fix.is_some_and(|f| f.write);
    let to_terminal = if stdin_fix {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let format = match args.format {
        Some(FormatArg::Human) => Format::Human,
        Some(FormatArg::Short) => Format::Short,
        Some(FormatArg::Json) => Format::Json,
        Some(FormatArg::Sarif) => Format::Sarif,
        Some(FormatArg::Github) => Format::Github,
        Some(FormatArg::Junit) => Format::Junit,
        None if to_terminal => Format::Human,
        None => Format::Short,
    };
    // Spelling suggestions appear only in the help of a finding.
    let suggestions = !args.statistics && format != Format::Short;
    let mut stdin_bytes = Vec::new();
    let report = match input {
        Input::Stdin => {
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut stdin_bytes) {
                return usage(&format!("cannot read standard input: {e}"));
            }
            match Configs::new(&config) {
                Ok(mut configs) => sources::lint_stdin(
                    &stdin_bytes,
                    args.stdin_filename.as_deref(),
                    &mut configs,
                    fix,
                ),
                Err(e) => Report {
                    errors: vec![crate::ToolError(e.to_string())],
                    ..Report::default()
                },
            }
        }
        Input::Paths => match selected_paths(args, &config) {
            Ok(None) => crate::lint(&LintOptions {
                paths: args.paths.clone(),
                config,
                fix,
                check_links: args.check_links.then_some(true),
                grammar: args.grammar,
                quiet: args.quiet,
                suggestions,
            }),
            // Nothing changed or listed: nothing to lint (not the whole
            // working folder, which no paths would otherwise mean).
            Ok(Some(files)) if files.is_empty() => Report::default(),
            Ok(Some(files)) => crate::lint(&LintOptions {
                paths: files,
                config,
                fix,
                check_links: args.check_links.then_some(true),
                grammar: args.grammar,
                quiet: args.quiet,
                suggestions,
            }),
            Err(e) => Report {
                errors: vec![e],
                ..Report::default()
            },
        },
    };
    // With `--fix`, a document from standard input goes back to standard
    // output, fixed, and the report moves to standard error.
    if stdin_fix {
        let fixed = report
            .files
            .first()
            .filter(|f| f.fixed > 0)
            .and_then(|f| f.text.as_ref());
        let bytes = fixed.map_or(stdin_bytes.as_slice(), |t| t.as_bytes());
        let mut out = std::io::stdout().lock();
        if let Err(e) = out.write_all(bytes).and_then(|_| out.flush())
            && e.kind() != std::io::ErrorKind::BrokenPipe
        {
            eprintln!("frontlint: error: cannot write the fixed document: {e}");
            return EXIT_FAILURE;
        }
    }
    for e in &report.errors {
        eprintln!("frontlint: error: {e}");
    }
    if !args.quiet {
        for n in &report.notes {
            eprintln!("frontlint: note: {n}");
        }
    }
    let mut write_failed = false;
    for f in &report.files {
        if let Some(e) = &f.fix_error {
            eprintln!("frontlint: error: {}: {e}", f.path.display());
            write_failed = true;
        }
    }
    if args.diff {
        return print_diffs(&report, write_failed);
    }
    // For standard input the report alone goes to standard error, so that
    // it stays parseable there (JSON, say).
    if fix.is_some() && !args.quiet && !stdin_fix {
        let fixed: usize = report.files.iter().map(|f| f.fixed).sum();
        let files = report.files.iter().filter(|f| f.fixed > 0).count();
        eprintln!(
            "frontlint: fixed {fixed} problem{} in {files} file{}",
            plural(fixed),
            plural(files)
        );
    }
    let human = HumanOptions {
        color: use_color(args.color, to_terminal),
        quiet: args.quiet,
    };
    let written = if stdin_fix {
        write_report(&mut std::io::stderr().lock(), &report, format, &human, args)
    } else {
        let stdout = std::io::stdout();
        write_report(
            &mut std::io::BufWriter::new(stdout.lock()),
            &report,
            format,
            &human,
            args,
        )
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("frontlint: error: cannot write the report: {e}");
        return EXIT_FAILURE;
    }
    if !report.errors.is_empty() || write_failed {
        return EXIT_FAILURE;
    }
    let threshold = if args.deny == Some(DenyArg::Warnings) {
        Severity::Warning
    } else {
        Severity::Error
    };
    if report.diagnostics().any(|(_, d)| d.severity >= threshold) {
        return EXIT_FINDINGS;
    }
    let warnings = Summary::of(&report).warnings;
    match args.max_warnings {
        Some(max) if warnings > max => {
            eprintln!(
                "frontlint: {warnings} warning{} found, more than --max-warnings {max}",
                plural(warnings)
            );
            EXIT_FINDINGS
        }
        _ => EXIT_OK,
    }
}

/// The report, or with `--statistics` only the per-rule table.
fn write_report(
    out: &mut dyn Write,
    report: &Report,
    format: Format,
    human: &HumanOptions,
    args: &CheckArgs,
) -> std::io::Result<()> {
    if args.statistics {
        report::write_statistics(out, report, format == Format::Json)?;
    } else {
        report::write(out, report, format, human)?;
    }
    out.flush()
}

/// The files `--changed-since` or `--files-from` choose (with the paths
/// given, for `--files-from`), or `None` when neither is used.
fn selected_paths(
    args: &CheckArgs,
    config: &ConfigSource,
) -> Result<Option<Vec<PathBuf>>, crate::ToolError> {
    if let Some(git_ref) = &args.changed_since {
        let mut configs = Configs::new(config).map_err(|e| crate::ToolError(e.to_string()))?;
        return sources::changed_since(git_ref, &args.paths, &mut configs).map(Some);
    }
    if let Some(list) = &args.files_from {
        let mut files = args.paths.clone();
        files.extend(sources::read_file_list(list)?);
        return Ok(Some(files));
    }
    Ok(None)
}

fn completions(shell: clap_complete::Shell) -> i32 {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "frontlint", &mut std::io::stdout());
    EXIT_OK
}

fn man() -> i32 {
    let mut out = std::io::stdout().lock();
    match clap_mangen::Man::new(Cli::command()).render(&mut out) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => usage(&format!("cannot write the manual page: {e}")),
    }
}

fn config_command(args: &ConfigArgs) -> i32 {
    if args.schema {
        print!("{}", crate::config::schema::config_schema_json());
        return EXIT_OK;
    }
    let source = config_source(args.no_config, args.config.as_deref());
    // Without a file, settings are shown for a post in the working folder.
    let file = args
        .file
        .clone()
        .unwrap_or_else(|| PathBuf::from("post.md"));
    let loaded = match Configs::new(&source).and_then(|mut c| c.for_path(&file)) {
        Ok(l) => l,
        Err(e) => return usage(&e.to_string()),
    };
    print!("{}", crate::config::show::render(&loaded, &file));
    EXIT_OK
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `--diff`: the fixes as unified diffs; status 1 when there is any.
fn print_diffs(report: &crate::Report, failed: bool) -> i32 {
    let mut out = std::io::stdout().lock();
    let mut any = false;
    for f in &report.files {
        if let Some(d) = &f.diff {
            any = true;
            if out.write_all(d.as_bytes()).is_err() {
                break;
            }
        }
    }
    if !report.errors.is_empty() || failed {
        EXIT_FAILURE
    } else if any {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn list_rules() -> i32 {
    let mut out = String::new();
    out.push_str(&format!(
        "{:<6}  {:<24}  {:<13}  {:<29}  {}\n",
        "CODE", "NAME", "CATEGORY", "DEFAULT", "FIX"
    ));
    for m in rules::all() {
        // Rules of the opt-in stages run only when their stage is on.
        let default = match (m.code, m.default_severity) {
            (_, None) => "off".to_string(),
            ("GR001", Some(s)) => format!("{} (with --grammar)", s.as_str()),
            ("LK010" | "LK011", Some(s)) => format!("{} (with --check-links)", s.as_str()),
            (_, Some(s)) => s.as_str().to_string(),
        };
        out.push_str(&format!(
            "{:<6}  {:<24}  {:<13}  {:<29}  {}\n",
            m.code,
            m.name,
            m.category.as_str(),
            default,
            if m.fixable { "yes" } else { "" }
        ));
    }
    print!("{out}");
    EXIT_OK
}

/// A rule doc without its front matter (`---` ... `---`) and the blank
/// lines after it.
fn doc_body(doc: &str) -> &str {
    let body = doc
        .strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|i| &rest[i + 5..]))
        .unwrap_or(doc);
    body.trim_start_matches('\n')
}

fn explain(key: &str) -> i32 {
    match rules::find(key) {
        Some(m) => {
            // The doc's front matter is for tools (and tests); people get
            // the same facts as one line, then the prose.
            println!(
                "{} {} · category: {} · default severity: {} · {}\n",
                m.code,
                m.name,
                m.category.as_str(),
                m.default_severity.map_or("off", |s| s.as_str()),
                if m.fixable { "fixable" } else { "not fixable" }
            );
            print!("{}", doc_body(m.doc));
            EXIT_OK
        }
        None => {
            let hint = rules::suggest(key)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            eprintln!("frontlint: error: no rule `{key}`{hint} (`frontlint rules` lists them)");
            EXIT_FAILURE
        }
    }
}
