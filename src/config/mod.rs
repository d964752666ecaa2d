//! Configuration: finding `frontlint.toml` (closest to each file wins),
//! reading it with located errors, and computing the effective settings of
//! one file (base settings plus the `[[overrides]]` whose globs match).
//!
//! Everything costly (regexes, globs, merged settings) is built once per
//! config and per combination of matching overrides, never per file.

pub mod file;
pub mod presets;
pub mod schema;
pub mod show;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use globset::{GlobBuilder, GlobMatcher};
use regex::Regex;

use crate::diagnostic::Severity;
use crate::document::LineIndex;
use crate::rules::{self, RuleMeta};
pub use file::{ConfigFile, FieldSpec, FieldType, FrontMatterConfig, UnknownFields};

/// Posts are kilobytes; a file above this size is almost surely not one.
pub const DEFAULT_MAX_FILE_SIZE_MB: u64 = 16;

/// Names of config files, in the order they are looked for in a folder.
pub const CONFIG_NAMES: [&str; 2] = ["frontlint.toml", ".frontlint.toml"];

/// A config file that could not be used, with the place of the problem.
#[derive(Debug, Clone)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: invalid config: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl std::error::Error for ConfigError {}

/// serde's "unknown field `inclde`, expected one of `include`, ..." with
/// "did you mean `include`?" added when one of the expected names is close.
fn with_suggestion(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let Some((unknown, expected)) = rest.split_once('`') else {
        return message.to_string();
    };
    let names = expected.split('`').skip(1).step_by(2);
    match crate::rules::front_matter::unknown_field::did_you_mean(unknown, names, false) {
        Some(near) => format!("{message}; did you mean `{near}`?"),
        None => message.to_string(),
    }
}

/// A field declaration, compiled.
#[derive(Debug, Clone)]
pub struct Field {
    pub spec: FieldSpec,
    pub types: Vec<FieldType>,
    pub pattern: Option<Regex>,
}

/// The settings that apply to one file.
#[derive(Debug, Clone)]
pub struct FileConfig {
    /// The config's folder (or the working folder for built-in defaults).
    pub root: PathBuf,
    pub required: Vec<String>,
    pub require_front_matter: bool,
    pub unknown_fields: UnknownFields,
    pub fields: BTreeMap<String, Field>,
    pub filename_date: bool,
    /// The generator reads YAML 1.1 (`no` is false, `010` is 8).
    pub yaml_11: bool,
    /// Larger files are skipped with a note (IO003).
    pub max_file_size: u64,
    severities: HashMap<&'static str, Option<Severity>>,
    pub spelling: toml::Table,
    /// `[spelling]` read and checked (overrides merged).
    pub spell: Arc<crate::rules::spelling::SpellSettings>,
    /// `[grammar]` read and checked.
    pub grammar_settings: Arc<crate::rules::grammar::GrammarSettings>,
    pub links: toml::Table,
    pub grammar: toml::Table,
    /// The JSON Schema the front matter must satisfy (FM013).
    pub schema: Option<Arc<crate::schema::Schema>>,
    /// The site's time zone (FM012 compares dates in it).
    pub timezone: Option<jiff::tz::TimeZone>,
    /// The site this file belongs to (`[site]`), shared by every file of
    /// the config, with its lazily built indexes.
    pub site: Arc<crate::site::Site>,
}

impl FileConfig {
    /// The severity of `rule` for this file; `None` when it is off.
    pub fn severity(&self, rule: &RuleMeta) -> Option<Severity> {
        match self.severities.get(rule.code) {
            Some(s) => *s,
            None => rule.default_severity,
        }
    }

    /// The severity set for `rule` in config, if the config sets one.
    pub fn configured_severity(&self, rule: &RuleMeta) -> Option<Option<Severity>> {
        self.severities.get(rule.code).copied()
    }

    /// Whether a key is declared (required or described in `fields`).
    pub fn knows_field(&self, key: &str) -> bool {
        self.fields.contains_key(key) || self.required.iter().any(|r| r == key)
    }

    /// Whether any field is declared at all.
    pub fn has_schema(&self) -> bool {
        !self.fields.is_empty() || !self.required.is_empty()
    }
}

/// A path glob from config, matched against paths relative to the config's
/// folder. A glob without `/` also matches a file name anywhere.
#[derive(Debug, Clone)]
struct PathGlob {
    matcher: GlobMatcher,
    basename: bool,
}

impl PathGlob {
    fn new(glob: &str) -> Result<PathGlob, String> {
        let g = glob.strip_prefix("./").unwrap_or(glob);
        let matcher = GlobBuilder::new(g)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("invalid glob `{glob}`: {e}"))?
            .compile_matcher();
        Ok(PathGlob {
            matcher,
            basename: !g.contains('/'),
        })
    }

    fn matches(&self, rel: &Path) -> bool {
        if self.matcher.is_match(rel) {
            return true;
        }
        if self.basename
            && let Some(name) = rel.file_name()
        {
            return self.matcher.is_match(name);
        }
        // A folder glob (`vendor/**`) also matches when given as `vendor`.
        false
    }
}

fn compile_globs(globs: &[String]) -> Result<Vec<PathGlob>, String> {
    globs.iter().map(|g| PathGlob::new(g)).collect()
}

#[derive(Debug)]
struct Override {
    globs: Vec<PathGlob>,
    cfg: file::OverrideConfig,
}

/// One config file (or the built-in defaults), ready to answer for files.
#[derive(Debug)]
pub struct LoadedConfig {
    pub path: Option<PathBuf>,
    pub root: PathBuf,
    pub file: ConfigFile,
    include: Option<Vec<PathGlob>>,
    exclude: Vec<PathGlob>,
    overrides: Vec<Override>,
    /// Compiled schemas by the path written in config.
    schemas: HashMap<String, Arc<crate::schema::Schema>>,
    timezone: Option<jiff::tz::TimeZone>,
    cache: Mutex<HashMap<Vec<usize>, Arc<FileConfig>>>,
    site: Arc<crate::site::Site>,
}

impl LoadedConfig {
    /// Built-in defaults: no required fields, every rule at its default.
    pub fn defaults(root: &Path) -> LoadedConfig {
        LoadedConfig {
            path: None,
            root: root.to_path_buf(),
            file: ConfigFile::default(),
            include: None,
            exclude: Vec::new(),
            overrides: Vec::new(),
            schemas: HashMap::new(),
            timezone: None,
            cache: Mutex::new(HashMap::new()),
            site: Arc::new(crate::site::Site::detected(root)),
        }
    }

    /// Reads and checks a config file.
    pub fn load(path: &Path) -> Result<LoadedConfig, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: format!("cannot read it: {e}"),
        })?;
        let root = path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let root = if root.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            root
        };
        Self::from_str(&text, path, &root)
    }

    pub fn from_str(text: &str, path: &Path, root: &Path) -> Result<LoadedConfig, ConfigError> {
        let err_at = |offset: usize, message: String| {
            let li = LineIndex::new(text);
            let p = li.position(text, offset);
            ConfigError {
                path: path.to_path_buf(),
                line: p.line,
                column: p.column,
                message,
            }
        };
        // Find a value in the text to point an error at it.
        let locate = |needle: &str| text.find(needle).unwrap_or(0);

        let file: ConfigFile = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            err_at(at, with_suggestion(e.message().trim()))
        })?;
        let file = if file.preset.is_some() || file.import.is_some() {
            extend(text, &file, root).map_err(|(needle, m)| err_at(locate(&needle), m))?
        } else {
            file
        };

        let check_rules = |rules: &BTreeMap<String, String>| -> Result<(), ConfigError> {
            for (k, v) in rules {
                if rules::find(k).is_none() {
                    let hint = rules::suggest(k)
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    return Err(err_at(locate(k), format!("unknown rule `{k}`{hint}")));
                }
                Severity::parse_setting(v).map_err(|m| err_at(locate(k), m))?;
            }
            Ok(())
        };
        check_rules(&file.rules)?;
        let check_fields = |fm: &FrontMatterConfig| -> Result<(), ConfigError> {
            for (name, f) in &fm.fields {
                if let Some(p) = &f.pattern
                    && let Err(e) = Regex::new(p)
                {
                    return Err(err_at(
                        locate(p),
                        format!("field `{name}`: invalid pattern: {e}"),
                    ));
                }
                // A bad format would otherwise only show as every date of
                // the field being "not a date".
                if let Some(fmt) = &f.format
                    && let Err(m) = crate::frontmatter::dates::check_format(fmt)
                {
                    return Err(err_at(locate(fmt), format!("field `{name}`: {m}")));
                }
            }
            Ok(())
        };
        check_fields(&file.front_matter)?;
        if let Some(v) = &file.yaml_version
            && v != "1.1"
            && v != "1.2"
        {
            return Err(err_at(
                locate("yaml_version"),
                format!("yaml_version must be \"1.1\" or \"1.2\", not \"{v}\""),
            ));
        }
        let mut spelling_tables: Vec<&toml::Table> = file.spelling.iter().collect();
        spelling_tables.extend(file.overrides.iter().filter_map(|o| o.spelling.as_ref()));
        let mut merged = toml::Table::new();
        for t in spelling_tables {
            merge_spelling(&mut merged, t);
            if let Err(m) = crate::rules::spelling::SpellSettings::from_table(&merged, root) {
                return Err(err_at(locate("spelling"), format!("[spelling]: {m}")));
            }
        }
        if let Some(g) = &file.grammar
            && let Err(m) = crate::rules::grammar::GrammarSettings::from_table(g)
        {
            return Err(err_at(locate("[grammar]"), format!("[grammar]: {m}")));
        }
        if let Some(links) = &file.links {
            let parsed: Result<crate::links::LinkCheckOptions, _> =
                toml::Value::Table(links.clone()).try_into();
            if let Err(e) = parsed {
                return Err(err_at(
                    locate("[links]"),
                    format!("[links]: {}", e.message().trim()),
                ));
            }
        }
        let mut overrides = Vec::new();
        for o in &file.overrides {
            check_rules(&o.rules)?;
            check_fields(&o.front_matter)?;
            let globs = compile_globs(&o.paths).map_err(|m| err_at(locate("paths"), m))?;
            overrides.push(Override {
                globs,
                cfg: o.clone(),
            });
        }
        let mut schemas = HashMap::new();
        let schema_paths = std::iter::once(&file.front_matter.schema)
            .chain(file.overrides.iter().map(|o| &o.front_matter.schema))
            .flatten();
        for p in schema_paths {
            if schemas.contains_key(p) {
                continue;
            }
            let compiled = crate::schema::load(&root.join(p)).map_err(|m| err_at(locate(p), m))?;
            schemas.insert(p.clone(), compiled);
        }
        let timezone = match &file.timezone {
            Some(name) => Some(jiff::tz::TimeZone::get(name).map_err(|e| {
                err_at(
                    locate("timezone"),
                    format!("unknown time zone `{name}` ({e}): use an IANA name such as \"Europe/Paris\""),
                )
            })?),
            None => None,
        };
        let include = match &file.include {
            Some(g) => Some(compile_globs(g).map_err(|m| err_at(locate("include"), m))?),
            None => None,
        };
        let exclude = match &file.exclude {
            Some(g) => compile_globs(g).map_err(|m| err_at(locate("exclude"), m))?,
            None => Vec::new(),
        };
        let site = crate::site::Site::new(file.site.as_ref(), root)
            .map_err(|e| err_at(locate(&e.near), e.message))?;
        Ok(LoadedConfig {
            path: Some(path.to_path_buf()),
            root: root.to_path_buf(),
            file,
            include,
            exclude,
            overrides,
            schemas,
            timezone,
            cache: Mutex::new(HashMap::new()),
            site: Arc::new(site),
        })
    }

    /// `path` relative to this config's folder (both made absolute first).
    pub fn relative(&self, path: &Path) -> PathBuf {
        let abs = absolute(path);
        let root = absolute(&self.root);
        abs.strip_prefix(&root)
            .map(Path::to_path_buf)
            .unwrap_or(abs)
    }

    pub fn is_excluded(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        self.exclude.iter().any(|g| {
            g.matches(&rel)
                || rel
                    .ancestors()
                    .skip(1)
                    .any(|a| !a.as_os_str().is_empty() && g.matches(a))
        })
    }

    /// Whether a file found by walking a folder is to be linted.
    pub fn is_included(&self, path: &Path) -> bool {
        match &self.include {
            None => true,
            Some(globs) => {
                let rel = self.relative(path);
                globs.iter().any(|g| g.matches(&rel))
            }
        }
    }

    /// The effective settings of one file.
    pub fn for_file(&self, path: &Path) -> Arc<FileConfig> {
        let rel = self.relative(path);
        let matching: Vec<usize> = self
            .overrides
            .iter()
            .enumerate()
            .filter(|(_, o)| o.globs.iter().any(|g| g.matches(&rel)))
            .map(|(i, _)| i)
            .collect();
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = cache.get(&matching) {
            return Arc::clone(c);
        }
        let c = Arc::new(self.build(&matching));
        cache.insert(matching, Arc::clone(&c));
        c
    }

    fn build(&self, overrides: &[usize]) -> FileConfig {
        let f = &self.file;
        let mut cfg = FileConfig {
            root: self.root.clone(),
            required: Vec::new(),
            require_front_matter: false,
            unknown_fields: UnknownFields::Allow,
            fields: BTreeMap::new(),
            filename_date: f.filename_date.unwrap_or(false),
            yaml_11: f.yaml_version.as_deref() != Some("1.2"),
            max_file_size: f.max_file_size_mb.unwrap_or(DEFAULT_MAX_FILE_SIZE_MB) * 1024 * 1024,
            severities: HashMap::new(),
            spelling: f.spelling.clone().unwrap_or_default(),
            spell: Arc::default(),
            grammar_settings: Arc::new(
                crate::rules::grammar::GrammarSettings::from_table(
                    &f.grammar.clone().unwrap_or_default(),
                )
                .unwrap_or_default(),
            ),
            links: f.links.clone().unwrap_or_default(),
            grammar: f.grammar.clone().unwrap_or_default(),
            schema: None,
            timezone: self.timezone.clone(),
            site: Arc::clone(&self.site),
        };
        apply_front_matter(&mut cfg, &f.front_matter);
        self.apply_schema(&mut cfg, &f.front_matter);
        apply_rules(&mut cfg, &f.rules);
        for &i in overrides {
            let o = &self.overrides[i].cfg;
            apply_front_matter(&mut cfg, &o.front_matter);
            self.apply_schema(&mut cfg, &o.front_matter);
            apply_rules(&mut cfg, &o.rules);
            if let Some(b) = o.filename_date {
                cfg.filename_date = b;
            }
            if let Some(t) = &o.spelling {
                merge_spelling(&mut cfg.spelling, t);
            }
        }
        // Checked when the config was loaded.
        cfg.spell = Arc::new(
            crate::rules::spelling::SpellSettings::from_table(&cfg.spelling, &self.root)
                .unwrap_or_default(),
        );
        cfg.require_front_matter = cfg.require_front_matter || !cfg.required.is_empty();
        cfg
    }

    fn apply_schema(&self, cfg: &mut FileConfig, fm: &FrontMatterConfig) {
        if let Some(p) = &fm.schema {
            // Every schema was compiled at load time.
            cfg.schema = self.schemas.get(p).cloned();
        }
    }
}

/// The config as written, laid over its preset and imported schemas. Errors
/// carry a piece of the text to point at.
/// An override's `[spelling]` on top of the settings so far: its
/// vocabulary (`words`, `word_files`) adds to the lists, every other key
/// replaces.
fn merge_spelling(base: &mut toml::Table, over: &toml::Table) {
    for (key, value) in over {
        match (key.as_str(), base.get_mut(key), value) {
            ("words" | "word_files", Some(toml::Value::Array(list)), toml::Value::Array(more)) => {
                for v in more {
                    if !list.contains(v) {
                        list.push(v.clone());
                    }
                }
            }
            _ => {
                base.insert(key.clone(), value.clone());
            }
        }
    }
}

fn extend(text: &str, file: &ConfigFile, root: &Path) -> Result<ConfigFile, (String, String)> {
    let mut base = toml::Table::new();
    if let Some(name) = &file.preset {
        let t = presets::table(name).map_err(|m| (name.clone(), m))?;
        presets::merge(&mut base, t);
    }
    for imp in file.import.as_ref().map(|i| i.to_vec()).unwrap_or_default() {
        let t = crate::import::to_config(&root.join(&imp))
            .map(|c| c.table)
            .map_err(|m| (imp.clone(), m))?;
        presets::merge(&mut base, t);
    }
    let user: toml::Table = text.parse().map_err(|e| (String::new(), format!("{e}")))?;
    presets::merge(&mut base, user);
    toml::Value::Table(base)
        .try_into()
        .map_err(|e: toml::de::Error| {
            (
                file.preset.clone().unwrap_or_default(),
                format!(
                    "with its preset and imports, the config is invalid: {}",
                    e.message().trim()
                ),
            )
        })
}

fn apply_front_matter(cfg: &mut FileConfig, fm: &FrontMatterConfig) {
    if let Some(r) = &fm.required {
        cfg.required = r.clone();
    }
    if let Some(r) = fm.require {
        cfg.require_front_matter = r;
    }
    if let Some(u) = fm.unknown_fields {
        cfg.unknown_fields = u;
    }
    for (name, spec) in &fm.fields {
        let types = spec.ty.as_ref().map(|t| t.to_vec()).unwrap_or_default();
        // Patterns were checked at load time.
        let pattern = spec.pattern.as_deref().and_then(|p| Regex::new(p).ok());
        cfg.fields.insert(
            name.clone(),
            Field {
                spec: spec.clone(),
                types,
                pattern,
            },
        );
    }
}

fn apply_rules(cfg: &mut FileConfig, rules_cfg: &BTreeMap<String, String>) {
    for (k, v) in rules_cfg {
        if let (Some(meta), Ok(sev)) = (rules::find(k), Severity::parse_setting(v)) {
            cfg.severities.insert(meta.code, sev);
        }
    }
}

/// An absolute form of `p` without touching the file system (no symlink
/// resolution, so paths stay as users wrote them).
pub fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Finds the config for each folder, closest first, caching per folder.
#[derive(Default)]
pub struct Discovery {
    by_dir: HashMap<PathBuf, Option<Arc<LoadedConfig>>>,
    loaded: HashMap<PathBuf, Result<Arc<LoadedConfig>, ConfigError>>,
}

impl Discovery {
    /// The config governing `file`: `Ok(None)` when there is none.
    pub fn for_file(&mut self, file: &Path) -> Result<Option<Arc<LoadedConfig>>, ConfigError> {
        let abs = absolute(file);
        let dir = abs.parent().map(Path::to_path_buf).unwrap_or_default();
        self.for_dir(&dir)
    }

    fn for_dir(&mut self, dir: &Path) -> Result<Option<Arc<LoadedConfig>>, ConfigError> {
        if let Some(c) = self.by_dir.get(dir) {
            return Ok(c.clone());
        }
        let mut found = None;
        for name in CONFIG_NAMES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                found = Some(candidate);
                break;
            }
        }
        let result = match found {
            Some(path) => {
                let entry = self
                    .loaded
                    .entry(path.clone())
                    .or_insert_with(|| LoadedConfig::load(&display_path(&path)).map(Arc::new));
                Some(entry.clone()?)
            }
            None => match dir.parent() {
                Some(parent) if parent != dir => self.for_dir(parent)?,
                _ => None,
            },
        };
        self.by_dir.insert(dir.to_path_buf(), result.clone());
        Ok(result)
    }
}

/// A path made relative to the working folder when it is under it (for
/// messages), else left absolute.
pub fn display_path(p: &Path) -> PathBuf {
    match std::env::current_dir() {
        Ok(cwd) => p
            .strip_prefix(&cwd)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| p.to_path_buf()),
        Err(_) => p.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(text: &str) -> Result<LoadedConfig, ConfigError> {
        LoadedConfig::from_str(text, Path::new("frontlint.toml"), Path::new("/site"))
    }

    #[test]
    fn located_errors() {
        let e = cfg("[front_matter]\nrequird = [\"title\"]\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.message.contains("unknown field `requird`"),
            "{}",
            e.message
        );
        let e = cfg("[rules]\nLK09 = \"off\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("did you mean `LK009`"), "{}", e.message);
        let e = cfg("[front_matter]\nfields.x = { pattern = \"(\" }\n").unwrap_err();
        assert_eq!(e.line, 2);
        // Misspelt keys get a suggestion at every level.
        let e = cfg("inclde = [\"*.md\"]\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 1));
        assert!(
            e.message.ends_with("did you mean `include`?"),
            "{}",
            e.message
        );
        let e = cfg("[front_matter]\nrequird = [\"title\"]\n").unwrap_err();
        assert!(
            e.message.ends_with("did you mean `required`?"),
            "{}",
            e.message
        );
        let e = cfg("zzzzzz = 1\n").unwrap_err();
        assert!(!e.message.contains("did you mean"), "{}", e.message);
    }

    #[test]
    fn overrides_merge() {
        let c = cfg(
            "[front_matter]\nrequired = [\"title\"]\n[[overrides]]\npaths = [\"_posts/**\"]\nfront_matter.required = [\"title\", \"date\"]\nfilename_date = true\n[overrides.rules]\nLK009 = \"off\"\n",
        )
        .unwrap();
        let post = c.for_file(Path::new("/site/_posts/2020-01-01-x.md"));
        assert_eq!(post.required, vec!["title", "date"]);
        assert!(post.filename_date);
        assert_eq!(post.severity(rules::find("LK009").unwrap()), None);
        let page = c.for_file(Path::new("/site/about.md"));
        assert_eq!(page.required, vec!["title"]);
        assert!(!page.filename_date);
    }

    #[test]
    fn include_exclude() {
        let c = cfg("include = [\"_posts/**/*.md\"]\nexclude = [\"vendor/**\", \"draft-*.md\"]\n")
            .unwrap();
        assert!(c.is_included(Path::new("/site/_posts/a/b.md")));
        assert!(!c.is_included(Path::new("/site/other.md")));
        assert!(c.is_excluded(Path::new("/site/vendor/x/y.md")));
        assert!(c.is_excluded(Path::new("/site/sub/draft-1.md")));
    }
}
