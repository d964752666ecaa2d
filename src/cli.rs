//! Command-line interface: clap definitions and the commands they run.
//! `main.rs` calls [`run`] and exits with the status it returns.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::diagnostic::Severity;
use crate::fix::FixOptions;
use crate::report::{self, Format, HumanOptions};
use crate::{ConfigSource, FixMode, LintOptions, rules};

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
    /// Learn a site's conventions from its posts and write a commented
    /// frontlint.toml (per-folder required fields, types, date styles,
    /// allowed values, outliers).
    Init(InitArgs),
    /// Work with schemas a site already declares.
    #[command(subcommand)]
    Schema(SchemaCommand),
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Human,
    Short,
    Json,
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
    /// Files and folders to lint (folders are walked, honouring .gitignore).
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
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
        Some(Command::Init(args)) => init(&args),
        Some(Command::Schema(SchemaCommand::Import { path, output })) => {
            schema_import(&path, output.as_deref())
        }
    }
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

fn use_color(arg: ColorArg) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else if std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else {
                std::io::stdout().is_terminal()
            }
        }
    }
}

fn check(args: &CheckArgs) -> i32 {
    let config = if args.no_config {
        ConfigSource::Defaults
    } else if let Some(p) = &args.config {
        ConfigSource::File(p.clone())
    } else {
        ConfigSource::Discover
    };
    let fix = (args.fix || args.unsafe_fixes || args.diff).then_some(FixMode {
        options: FixOptions {
            unsafe_fixes: args.unsafe_fixes,
        },
        write: !args.diff,
    });
    let report = crate::lint(&LintOptions {
        paths: args.paths.clone(),
        config,
        fix,
        check_links: args.check_links.then_some(true),
        quiet: args.quiet,
    });
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
    if fix.is_some() && !args.quiet {
        let fixed: usize = report.files.iter().map(|f| f.fixed).sum();
        let files = report.files.iter().filter(|f| f.fixed > 0).count();
        eprintln!(
            "frontlint: fixed {fixed} problem{} in {files} file{}",
            plural(fixed),
            plural(files)
        );
    }
    let format = match args.format {
        Some(FormatArg::Human) => Format::Human,
        Some(FormatArg::Short) => Format::Short,
        Some(FormatArg::Json) => Format::Json,
        None if std::io::stdout().is_terminal() => Format::Human,
        None => Format::Short,
    };
    let human = HumanOptions {
        color: use_color(args.color),
        quiet: args.quiet,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if let Err(e) = report::write(&mut out, &report, format, &human).and_then(|_| out.flush())
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
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
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
        "{:<6}  {:<24}  {:<13}  {:<8}  {}\n",
        "CODE", "NAME", "CATEGORY", "DEFAULT", "FIX"
    ));
    for m in rules::all() {
        out.push_str(&format!(
            "{:<6}  {:<24}  {:<13}  {:<8}  {}\n",
            m.code,
            m.name,
            m.category.as_str(),
            m.default_severity.map_or("off", |s| s.as_str()),
            if m.fixable { "yes" } else { "" }
        ));
    }
    print!("{out}");
    EXIT_OK
}

fn explain(key: &str) -> i32 {
    match rules::find(key) {
        Some(m) => {
            print!("{}", m.doc);
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
