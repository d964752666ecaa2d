//! The site a file belongs to, as offline link checking sees it: which files
//! exist, which URL each page is served at, and the anchors of each page.
//!
//! A `Site` is made from `[site]` when a config is loaded and shared (in an
//! `Arc`) by every file that config governs, across threads. Its indexes are
//! built lazily — the file walk and the page URLs at the first link that
//! needs them, a page's anchors at the first fragment that points into it —
//! and then cached for the rest of the run, so no file is read once per link.
//!
//! This module only answers "where does this destination lead?"; the rules
//! LK007 and LK008 turn the answers into diagnostics.

pub mod anchors;
pub mod config;
pub mod generator_config;
mod index;
pub mod permalink;
pub mod slug;
pub mod template;
pub mod url;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use globset::{GlobBuilder, GlobMatcher};

pub use anchors::Anchors;
pub use config::{Generator, SiteConfig};
use index::{FileIndex, PageIndex, PageSettings};
use permalink::Permalink;
pub use slug::SlugStyle;
use template::TemplateTarget;
use url::{join_url, normalize_path, parent_key, percent_decode, split_dest, url_key};

/// A problem in `[site]`: `near` is text to point the error at.
#[derive(Debug, Clone)]
pub struct SiteError {
    pub near: String,
    pub message: String,
}

/// Where a destination leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Not a local link (a URL with a scheme, an address that is another
    /// rule's business), or template syntax we cannot read.
    Skip,
    /// The page itself (`#x`).
    SameDocument { fragment: Option<String> },
    /// An existing file, page or generated page. `page` is the Markdown file
    /// whose anchors a fragment is checked against, when there is one.
    Found {
        page: Option<PathBuf>,
        fragment: Option<String>,
    },
    /// Nothing there.
    Missing {
        message: String,
        help: Option<String>,
    },
}

/// File names that stand for their folder.
const INDEX_FILES: &[&str] = &[
    "index.md",
    "index.markdown",
    "_index.md",
    "README.md",
    "readme.md",
    "index.html",
    "index.htm",
];

/// Pages every generator (or its usual plugins) makes.
const GENERATED_COMMON: &[&str] = &[
    "/feed.xml",
    "/atom.xml",
    "/rss.xml",
    "/feed",
    "/feed/**",
    "/sitemap.xml",
    "/robots.txt",
    "/404.html",
];
const GENERATED_JEKYLL: &[&str] = &["**/page[0-9]*", "/tags/**", "/categories/**"];
const GENERATED_ZOLA: &[&str] = &[
    "/tags",
    "/tags/**",
    "/categories",
    "/categories/**",
    "**/page/*",
];
const GENERATED_HUGO: &[&str] = &[
    "**/index.xml",
    "/tags",
    "/tags/**",
    "/categories",
    "/categories/**",
    "**/page/*",
];

/// One page's anchors, read at most once (`None` when it cannot be read).
type AnchorCell = Arc<OnceLock<Option<Arc<Anchors>>>>;

pub struct Site {
    /// Absolute.
    pub root: PathBuf,
    /// Never `Auto`: detection happens when the site is made.
    pub generator: Generator,
    pub slug_style: SlugStyle,
    /// Hugo's content folder, relative to the root.
    content: Option<String>,
    /// Folders (relative to the root, `""` = the root) served at `/`.
    serve_dirs: Vec<String>,
    permalinks: Vec<Permalink>,
    generated: Vec<GlobMatcher>,
    baseurl: String,
    /// `(from, to)`: from config, then from `_redirects` files.
    redirects: Vec<(String, String)>,
    file_redirects: OnceLock<Vec<(String, String)>>,
    case_sensitive: bool,
    files: OnceLock<FileIndex>,
    /// Lower-cased relative path → the path as it is on disk.
    lower: OnceLock<HashMap<String, String>>,
    /// Entries (files and folders) by folder, for "did you mean" hints.
    children: OnceLock<HashMap<String, Vec<String>>>,
    /// Page URL keys by their parent key, for "did you mean" hints.
    keys_by_parent: OnceLock<HashMap<String, Vec<String>>>,
    pages: OnceLock<PageIndex>,
    anchors: Mutex<HashMap<PathBuf, AnchorCell>>,
    stats: Mutex<HashMap<PathBuf, Option<bool>>>,
}

impl fmt::Debug for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Site")
            .field("root", &self.root)
            .field("generator", &self.generator)
            .field("slug_style", &self.slug_style)
            .finish_non_exhaustive()
    }
}

/// Which generator builds the site at `root`, from the files it needs.
fn detect(root: &Path) -> Generator {
    let has = |n: &str| root.join(n).is_file();
    if has("_config.yml") || has("_config.yaml") || has("_config.toml") {
        return Generator::Jekyll;
    }
    if has("hugo.toml") || has("hugo.yaml") || has("hugo.json") {
        return Generator::Hugo;
    }
    if root.join("content").is_dir() {
        for n in ["config.toml", "config.yaml", "config.yml"] {
            // Zola also has `config.toml` and `content/`, but writes
            // `base_url`; Hugo writes `baseURL`.
            if let Ok(t) = std::fs::read_to_string(root.join(n)) {
                return if t.contains("base_url") {
                    Generator::Zola
                } else {
                    Generator::Hugo
                };
            }
        }
    }
    Generator::Plain
}

fn url_glob(g: &str) -> Result<GlobMatcher, String> {
    GlobBuilder::new(g)
        .literal_separator(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| format!("invalid glob `{g}`: {e}"))
}

fn clean_dir(s: &str) -> String {
    s.trim_start_matches("./").trim_matches('/').to_string()
}

impl Site {
    /// The site described by `cfg`, relative to the config's folder.
    pub fn new(cfg: Option<&SiteConfig>, config_dir: &Path) -> Result<Site, SiteError> {
        let default = SiteConfig::default();
        let cfg = cfg.unwrap_or(&default);
        let root = crate::config::absolute(&match &cfg.root {
            Some(r) => config_dir.join(r),
            None => config_dir.to_path_buf(),
        });
        let generator = match cfg.generator.unwrap_or(Generator::Auto) {
            Generator::Auto => detect(&root),
            g => g,
        };
        let gen_file = match &cfg.generator_config {
            Some(p) => {
                let p = config_dir.join(p);
                if !p.is_file() {
                    return Err(SiteError {
                        near: "generator_config".into(),
                        message: format!(
                            "site.generator_config: `{}` is not a file",
                            crate::config::display_path(&p).display()
                        ),
                    });
                }
                Some(p)
            }
            None => generator_config::find(&root, generator),
        };
        let from_gen = gen_file
            .map(|p| generator_config::read(&p, generator))
            .unwrap_or_default();
        let slug_style = cfg
            .slug_style
            .or(from_gen.slug_style)
            .unwrap_or(match generator {
                Generator::Jekyll => SlugStyle::KramdownGfm,
                Generator::Hugo => SlugStyle::Hugo,
                Generator::Zola => SlugStyle::Zola,
                _ => SlugStyle::Github,
            });
        let content = match (
            cfg.content.as_ref().or(from_gen.content.as_ref()),
            generator,
        ) {
            (Some(c), _) => Some(clean_dir(c)),
            (None, Generator::Hugo | Generator::Zola) => Some("content".to_string()),
            _ => None,
        };
        let static_dirs: Vec<String> = match (
            cfg.static_dirs.as_ref().or(from_gen.static_dirs.as_ref()),
            generator,
        ) {
            (Some(v), _) => v.iter().map(|s| clean_dir(s)).collect(),
            (None, Generator::Hugo | Generator::Zola) => vec!["static".to_string()],
            _ => Vec::new(),
        };
        let mut serve_dirs = Vec::new();
        match &content {
            // Hugo serves a page bundle's files next to its page.
            Some(c) => serve_dirs.push(c.clone()),
            None => serve_dirs.push(String::new()),
        }
        serve_dirs.extend(static_dirs);
        let mut permalinks = Vec::new();
        if let Some(table) = &cfg.permalinks {
            for (glob, pattern) in table {
                let Some(p) = pattern.as_str() else {
                    return Err(SiteError {
                        near: glob.clone(),
                        message: format!(
                            "site.permalinks: the pattern for `{glob}` must be a string, like \"/blog/:year/:title/\""
                        ),
                    });
                };
                permalinks.push(Permalink::new(glob, p).map_err(|m| SiteError {
                    near: glob.clone(),
                    message: format!("site.permalinks: {m}"),
                })?);
            }
        }
        for (glob, pattern) in &from_gen.permalinks {
            // A pattern this tool does not know (`:y_day`) is skipped rather
            // than refused: the file is the generator's, not ours.
            if let Ok(p) = Permalink::new(glob, pattern) {
                permalinks.push(p);
            }
        }
        permalinks.extend(permalink::defaults(generator));
        let mut generated = Vec::new();
        let builtin: &[&str] = match generator {
            Generator::Jekyll => GENERATED_JEKYLL,
            Generator::Hugo => GENERATED_HUGO,
            Generator::Zola => GENERATED_ZOLA,
            _ => &[],
        };
        for g in GENERATED_COMMON.iter().chain(builtin) {
            generated.push(url_glob(g).map_err(|m| SiteError {
                near: "[site]".into(),
                message: m,
            })?);
        }
        for g in cfg.generated.iter().flatten() {
            let g = if g.starts_with('/') || g.starts_with('*') {
                g.clone()
            } else {
                format!("/{g}")
            };
            generated.push(url_glob(g.trim_end_matches('/')).map_err(|m| SiteError {
                near: "generated".into(),
                message: format!("site.generated: {m}"),
            })?);
        }
        let baseurl = cfg
            .baseurl
            .as_deref()
            .or(from_gen.baseurl.as_deref())
            .map(|b| b.trim_end_matches('/'))
            .filter(|b| !b.is_empty())
            .map(|b| {
                if b.starts_with('/') {
                    b.to_string()
                } else {
                    format!("/{b}")
                }
            })
            .unwrap_or_default();
        let mut redirects = Vec::new();
        for (from, to) in cfg.redirects.iter().flatten() {
            let Some(to) = to.as_str() else {
                return Err(SiteError {
                    near: from.clone(),
                    message: format!(
                        "site.redirects: the target of `{from}` must be a string, like \"/new/:splat\""
                    ),
                });
            };
            if !from.starts_with('/') {
                return Err(SiteError {
                    near: from.clone(),
                    message: format!("site.redirects: `{from}` must start with `/`"),
                });
            }
            redirects.push((from.clone(), to.to_string()));
        }
        Ok(Site {
            root,
            generator,
            slug_style,
            content,
            serve_dirs,
            permalinks,
            generated,
            baseurl,
            redirects,
            file_redirects: OnceLock::new(),
            case_sensitive: cfg.case_sensitive.unwrap_or(true),
            files: OnceLock::new(),
            lower: OnceLock::new(),
            children: OnceLock::new(),
            keys_by_parent: OnceLock::new(),
            pages: OnceLock::new(),
            anchors: Mutex::new(HashMap::new()),
            stats: Mutex::new(HashMap::new()),
        })
    }

    /// The site at `dir` with every setting detected or defaulted.
    pub fn detected(dir: &Path) -> Site {
        match Site::new(None, dir) {
            Ok(s) => s,
            // Only a bad `[site]` table can fail, and there is none.
            Err(e) => unreachable!("built-in site settings are valid: {}", e.message),
        }
    }

    fn files(&self) -> &FileIndex {
        self.files.get_or_init(|| index::walk(&self.root))
    }

    fn pages(&self) -> &PageIndex {
        self.pages.get_or_init(|| {
            index::pages(
                self.files(),
                &PageSettings {
                    root: &self.root,
                    generator: self.generator,
                    content: self.content.as_deref(),
                    permalinks: &self.permalinks,
                },
            )
        })
    }

    /// `abs` relative to the root, when it lies under it.
    fn rel(&self, abs: &Path) -> Option<String> {
        index::rel_string(abs.strip_prefix(&self.root).ok()?)
    }

    fn lower(&self) -> &HashMap<String, String> {
        self.lower.get_or_init(|| {
            let files = self.files();
            files
                .files
                .iter()
                .chain(files.dirs.iter())
                .map(|f| (f.to_lowercase(), f.clone()))
                .collect()
        })
    }

    /// Names of the entries of each folder (`""` for the root): a hint
    /// looks at one folder, not at the whole site, so thousands of broken
    /// links stay cheap.
    fn children(&self) -> &HashMap<String, Vec<String>> {
        self.children.get_or_init(|| {
            let files = self.files();
            let mut map: HashMap<String, Vec<String>> = HashMap::new();
            for f in files.files.iter().chain(files.dirs.iter()) {
                let (dir, name) = f.rsplit_once('/').unwrap_or(("", f.as_str()));
                map.entry(dir.to_string())
                    .or_default()
                    .push(name.to_string());
            }
            for names in map.values_mut() {
                names.sort();
            }
            map
        })
    }

    /// Page URL keys grouped by parent key.
    fn keys_by_parent(&self) -> &HashMap<String, Vec<String>> {
        self.keys_by_parent.get_or_init(|| {
            let mut map: HashMap<String, Vec<String>> = HashMap::new();
            for k in self.pages().by_key.keys() {
                map.entry(parent_key(k).to_string())
                    .or_default()
                    .push(k.clone());
            }
            for keys in map.values_mut() {
                keys.sort();
            }
            map
        })
    }

    /// Where `abs` is on disk (its own path, or with other letter case when
    /// the host ignores case) and whether it is a folder.
    fn locate(&self, abs: &Path) -> Option<(PathBuf, bool)> {
        if let Some(rel) = self.rel(abs) {
            let files = self.files();
            if rel.is_empty() || files.dirs.contains(&rel) {
                return Some((abs.to_path_buf(), true));
            }
            if files.files.contains(&rel) {
                return Some((abs.to_path_buf(), false));
            }
            if !self.case_sensitive
                && let Some(actual) = self.lower().get(&rel.to_lowercase())
            {
                return Some((self.root.join(actual), files.dirs.contains(actual)));
            }
            if files.complete {
                return None;
            }
        }
        let mut stats = self.stats.lock().unwrap_or_else(|e| e.into_inner());
        stats
            .entry(abs.to_path_buf())
            .or_insert_with(|| std::fs::metadata(abs).ok().map(|m| m.is_dir()))
            .map(|is_dir| (abs.to_path_buf(), is_dir))
    }

    /// Whether `abs` is a file (`Some(false)`), a folder (`Some(true)`) or
    /// nothing.
    pub(crate) fn kind(&self, abs: &Path) -> Option<bool> {
        self.locate(abs).map(|(_, is_dir)| is_dir)
    }

    /// A file or folder at `abs`: found, with the Markdown page to check
    /// fragments against.
    fn find_path(&self, abs: &Path) -> Option<Option<PathBuf>> {
        let (actual, is_dir) = self.locate(abs)?;
        if !is_dir {
            return Some(is_markdown(&actual).then_some(actual));
        }
        for name in INDEX_FILES {
            let p = actual.join(name);
            if self.kind(&p) == Some(false) {
                return Some(is_markdown(&p).then_some(p));
            }
        }
        Some(None)
    }

    fn is_generated(&self, url_path: &str) -> bool {
        let p = normalize_path(url_path);
        let trimmed = if p.len() > 1 {
            p.trim_end_matches('/')
        } else {
            &p
        };
        self.generated
            .iter()
            .any(|g| g.is_match(trimmed) || g.is_match(&p))
    }

    /// Redirect rules of `_redirects` files in the folders served at `/`
    /// (Netlify's format: `from to [status]`).
    fn file_redirects(&self) -> &[(String, String)] {
        self.file_redirects.get_or_init(|| {
            let mut v = Vec::new();
            for d in &self.serve_dirs {
                let p = self.root.join(d).join("_redirects");
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                for line in text.lines() {
                    let mut parts = line.split_whitespace();
                    if let (Some(from), Some(to)) = (parts.next(), parts.next())
                        && from.starts_with('/')
                    {
                        v.push((from.to_string(), to.to_string()));
                    }
                }
            }
            v
        })
    }

    /// Where a redirect rule sends `path`, if one matches.
    fn redirect(&self, path: &str) -> Option<String> {
        let key = url_key(path);
        for (from, to) in self.redirects.iter().chain(self.file_redirects()) {
            if let Some(prefix) = from.strip_suffix('*') {
                let p = prefix.trim_end_matches('/');
                let lower = path.to_lowercase();
                let prefix_lower = p.to_lowercase();
                if lower == prefix_lower || lower.starts_with(&format!("{prefix_lower}/")) {
                    let splat = path.get(p.len()..).unwrap_or("").trim_start_matches('/');
                    return Some(to.replace(":splat", splat));
                }
            } else if url_key(from) == key {
                return Some(to.clone());
            }
        }
        None
    }

    /// An absolute URL path (decoded, no query or fragment) of the site.
    fn find_url(&self, url_path: &str) -> Option<Option<PathBuf>> {
        self.find_url_hops(url_path, 0)
    }

    fn find_url_hops(&self, url_path: &str, hops: usize) -> Option<Option<PathBuf>> {
        let path = match url_path.strip_prefix(&self.baseurl) {
            Some(rest)
                if !self.baseurl.is_empty() && (rest.is_empty() || rest.starts_with('/')) =>
            {
                if rest.is_empty() { "/" } else { rest }
            }
            _ => url_path,
        };
        let path = normalize_path(path);
        let inner = path.trim_start_matches('/');
        for d in &self.serve_dirs {
            let abs = if d.is_empty() {
                self.root.join(inner)
            } else {
                self.root.join(d).join(inner)
            };
            if let Some(found) = self.find_path(&abs) {
                return Some(found);
            }
            // Stylesheets are compiled from Sass sources of the same name.
            if let Some(base) = inner.strip_suffix(".css") {
                for ext in ["scss", "sass"] {
                    let src = self.root.join(d).join(format!("{base}.{ext}"));
                    if self.kind(&src) == Some(false) {
                        return Some(None);
                    }
                }
            }
        }
        let pages = self.pages();
        let key = url_key(&path);
        if let Some(ids) = pages.by_key.get(&key)
            && let Some(&id) = ids.first()
        {
            let abs = self.root.join(&pages.pages[id].rel);
            return Some(is_markdown(&abs).then_some(abs));
        }
        if pages.generated.contains(&key) || self.is_generated(&path) {
            return Some(None);
        }
        if hops < 4
            && let Some(target) = self.redirect(&path)
        {
            if crate::rules::links::has_scheme(&target) || target.starts_with("//") {
                return Some(None);
            }
            let target = percent_decode(split_dest(&target).path);
            return self.find_url_hops(&target, hops + 1);
        }
        None
    }

    /// The URL bases a relative link in `from_abs` may be resolved against:
    /// each URL of the page, read both as a folder and as a file.
    fn page_bases(&self, from_abs: &Path) -> Vec<String> {
        let Some(rel) = self.rel(from_abs) else {
            return Vec::new();
        };
        let pages = self.pages();
        let Some(&id) = pages.by_rel.get(&rel) else {
            return Vec::new();
        };
        let mut bases = Vec::new();
        for u in &pages.pages[id].urls {
            bases.push(u.clone());
            if u.ends_with('/') && u.len() > 1 {
                bases.push(u.trim_end_matches('/').to_string());
            } else if !u.ends_with('/') && !u.rsplit('/').next().unwrap_or("").contains('.') {
                bases.push(format!("{u}/"));
            }
        }
        bases
    }

    /// Where `dest` (a destination as the Markdown parser read it) written
    /// in the file `from` leads.
    pub fn resolve(&self, from: &Path, dest: &str) -> Resolved {
        let dest = dest.trim();
        if crate::rules::links::is_template(dest) {
            return self.resolve_template(from, dest);
        }
        if dest.is_empty()
            || crate::rules::links::has_scheme(dest)
            || dest.starts_with("//")
            || dest.starts_with('\\')
            || dest.contains("](")
            || is_email(dest)
            || crate::rules::links::malformed_destination::reported_here(dest)
        {
            return Resolved::Skip;
        }
        let parts = split_dest(dest);
        let fragment = parts.fragment.map(percent_decode);
        if parts.path.is_empty() {
            return Resolved::SameDocument { fragment };
        }
        let path = percent_decode(parts.path);
        let from_abs = crate::config::absolute(from);
        if let Some(rest) = path.strip_prefix("@/") {
            // Zola's internal link: a file under `content/`; Zola stops the
            // build when it is missing.
            let content = self.root.join(self.content.as_deref().unwrap_or(""));
            let abs = content.join(rest);
            return match self.find_path(&abs) {
                Some(page) => Resolved::Found { page, fragment },
                None => Resolved::Missing {
                    message: format!(
                        "internal link `@/{rest}`: no file `{}` (Zola stops the build)",
                        crate::config::display_path(&abs).display()
                    ),
                    help: self.suggest_file(&abs),
                },
            };
        }
        if path.starts_with('/') {
            return match self.find_url(&path) {
                Some(page) => Resolved::Found { page, fragment },
                None => Resolved::Missing {
                    message: format!("no page or file at `{path}` in the site"),
                    help: self.suggest_url(&path).or_else(|| {
                        let inner = path.trim_start_matches('/');
                        self.serve_dirs
                            .iter()
                            .find_map(|d| self.suggest_file(&self.root.join(d).join(inner)))
                    }),
                },
            };
        }
        let dir = from_abs.parent().unwrap_or(&self.root);
        let target = crate::config::absolute(&dir.join(&path));
        if let Some(page) = self.find_path(&target) {
            return Resolved::Found { page, fragment };
        }
        let bases = self.page_bases(&from_abs);
        for base in &bases {
            if let Some(page) = self.find_url(&join_url(base, &path)) {
                return Resolved::Found { page, fragment };
            }
        }
        let shown = crate::config::display_path(&target);
        let mut message = format!("`{}` does not exist", shown.display());
        // A page URL is worth naming when the link looks like one (a folder,
        // or no extension); for `x.png` the file is all there is.
        let last = path.rsplit('/').next().unwrap_or("");
        let page_like = last.is_empty() || !last.contains('.') || last.ends_with(".html");
        if page_like && let Some(base) = bases.first() {
            message.push_str(&format!(
                ", and the site serves no page at `{}`",
                join_url(base, &path)
            ));
        }
        let help = self.suggest_file(&target).or_else(|| {
            bases
                .first()
                .and_then(|b| self.suggest_url(&join_url(b, &path)))
        });
        Resolved::Missing { message, help }
    }

    /// Where a destination written with template syntax leads.
    pub fn resolve_template(&self, from: &Path, written: &str) -> Resolved {
        match template::parse(written) {
            TemplateTarget::Opaque => Resolved::Skip,
            TemplateTarget::Url(u) => {
                if crate::rules::links::is_template(&u) {
                    Resolved::Skip
                } else {
                    self.resolve(from, &u)
                }
            }
            TemplateTarget::SiteFile(f) => {
                let parts = split_dest(&f);
                let fragment = parts.fragment.map(percent_decode);
                let abs = self.root.join(parts.path.trim_start_matches('/'));
                match self.find_path(&abs) {
                    Some(page) => Resolved::Found { page, fragment },
                    None => Resolved::Missing {
                        message: format!(
                            "`{{% link {} %}}`: no file `{}` in the site (Jekyll stops the build)",
                            parts.path,
                            crate::config::display_path(&abs).display()
                        ),
                        help: self.suggest_file(&abs),
                    },
                }
            }
            TemplateTarget::Post(name) => {
                let last = name.rsplit('/').next().unwrap_or(&name);
                let stem = last
                    .strip_suffix(".md")
                    .or_else(|| last.strip_suffix(".markdown"))
                    .unwrap_or(last);
                let pages = self.pages();
                match pages.posts.get(stem) {
                    Some(&id) => {
                        let abs = self.root.join(&pages.pages[id].rel);
                        Resolved::Found {
                            page: is_markdown(&abs).then_some(abs),
                            fragment: None,
                        }
                    }
                    None => Resolved::Missing {
                        message: format!(
                            "`{{% post_url {name} %}}`: no post named `{stem}` in any `_posts` folder (Jekyll stops the build)"
                        ),
                        help: closest(stem, pages.posts.keys().map(String::as_str))
                            .map(|s| format!("did you mean `{s}`?")),
                    },
                }
            }
            TemplateTarget::HugoRef(arg) => self.resolve_hugo_ref(from, &arg),
        }
    }

    /// Hugo's `ref` / `relref`: a content path, relative to the page's folder
    /// or to the content folder; a name alone may match a page anywhere.
    fn resolve_hugo_ref(&self, from: &Path, arg: &str) -> Resolved {
        let parts = split_dest(arg);
        let fragment = parts.fragment.map(percent_decode);
        let path = percent_decode(parts.path);
        let path = path.trim_end_matches('/');
        if path.is_empty() {
            return if arg.starts_with('/') {
                Resolved::Found {
                    page: None,
                    fragment,
                }
            } else {
                Resolved::SameDocument { fragment }
            };
        }
        let from_abs = crate::config::absolute(from);
        // No content folder configured (no Hugo config found): a `ref` says
        // the site is Hugo's, whose content folder is `content` by default;
        // the nearest `content` folder above the page is the best guess.
        let content = match self.content.as_deref() {
            Some(c) => self.root.join(c),
            None => from_abs
                .ancestors()
                .skip(1)
                .take_while(|a| a.starts_with(&self.root))
                .find(|a| a.file_name().is_some_and(|n| n == "content"))
                .map_or_else(|| self.root.clone(), Path::to_path_buf),
        };
        let mut bases = Vec::new();
        if let Some(rest) = path.strip_prefix('/') {
            bases.push(content.join(rest));
        } else {
            if let Some(dir) = from_abs.parent() {
                bases.push(crate::config::absolute(&dir.join(path)));
            }
            bases.push(crate::config::absolute(&content.join(path)));
        }
        for base in &bases {
            let name = base
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let candidates = [
                base.clone(),
                base.with_file_name(format!("{name}.md")),
                base.join("_index.md"),
                base.join("index.md"),
            ];
            for c in candidates {
                if self.kind(&c) == Some(false) {
                    return Resolved::Found {
                        page: is_markdown(&c).then_some(c),
                        fragment,
                    };
                }
            }
        }
        let stem = path.rsplit('/').next().unwrap_or(path);
        let stem = stem.strip_suffix(".md").unwrap_or(stem);
        let pages = self.pages();
        if !path.contains('/')
            && let Some(ids) = pages.by_stem.get(stem)
            && let Some(&id) = ids.first()
        {
            let abs = self.root.join(&pages.pages[id].rel);
            return Resolved::Found {
                page: is_markdown(&abs).then_some(abs),
                fragment,
            };
        }
        Resolved::Missing {
            message: format!(
                "Hugo `ref` to `{path}`: no such page under `{}` (Hugo stops the build with REF_NOT_FOUND)",
                match crate::config::display_path(&content).display().to_string() {
                    d if d.is_empty() => ".".to_string(),
                    d => d,
                }
            ),
            help: bases.first().and_then(|b| self.suggest_file(b)),
        }
    }

    /// The anchors of the Markdown page `page`, read and cached at the first
    /// request (`None` when it cannot be read).
    pub fn anchors(&self, page: &Path) -> Option<Arc<Anchors>> {
        let cell = {
            let mut map = self.anchors.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(map.entry(page.to_path_buf()).or_default())
        };
        // Parsing happens outside the map's lock: other pages proceed in
        // parallel, and this one is parsed once.
        cell.get_or_init(|| {
            let bytes = std::fs::read(page).ok()?;
            let doc = crate::document::Document::from_bytes(page, &bytes).ok()?;
            Some(Arc::new(Anchors::of(&doc, self.slug_style)))
        })
        .clone()
    }

    /// The anchors of a document being linted, shared with the links of
    /// other files into it, so that the file is not read and parsed again.
    pub fn anchors_of_document(&self, doc: &crate::document::Document) -> Arc<Anchors> {
        let key = crate::config::absolute(&doc.path);
        let cell = {
            let mut map = self.anchors.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(map.entry(key).or_default())
        };
        cell.get_or_init(|| Some(Arc::new(Anchors::of(doc, self.slug_style))))
            .clone()
            // A cell filled from disk that could not be read: use the text
            // at hand.
            .unwrap_or_else(|| Arc::new(Anchors::of(doc, self.slug_style)))
    }

    /// A sibling of `target` whose name is close to its name.
    fn suggest_file(&self, target: &Path) -> Option<String> {
        let rel = self.rel(target)?;
        if let Some(actual) = self.lower().get(&rel.to_lowercase()) {
            return Some(format!(
                "`{actual}` exists, with other letter case: GitHub and most web servers tell them apart (set `[site] case_sensitive = false` if yours does not)"
            ));
        }
        let (dir, name) = match rel.rfind('/') {
            Some(i) => (&rel[..i], &rel[i + 1..]),
            None => ("", rel.as_str()),
        };
        let siblings = self.children().get(dir)?.iter().map(String::as_str);
        closest(name, siblings).map(|s| format!("did you mean `{s}`?"))
    }

    /// A page URL close to `path`, in the same folder.
    fn suggest_url(&self, path: &str) -> Option<String> {
        let key = url_key(path);
        let parent = parent_key(&key);
        let pages = self.pages();
        let candidates = self
            .keys_by_parent()
            .get(parent)?
            .iter()
            .filter(|k| **k != key)
            .map(String::as_str);
        let best = closest(&key, candidates)?;
        let id = pages.by_key.get(best)?.first()?;
        let url = pages.pages[*id].urls.first()?;
        Some(format!("did you mean `{url}`?"))
    }
}

/// `name@example.org`: an address (an e-mail autolink), not a path.
fn is_email(dest: &str) -> bool {
    match dest.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && !dest.contains('/')
                && host.contains('.')
                && !is_markdown(Path::new(host))
        }
        None => false,
    }
}

fn is_markdown(p: &Path) -> bool {
    crate::is_markdown(p)
}

/// The candidate closest to `name`, when close enough to be a typo.
fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    let len = name.chars().count();
    let limit = (len / 4).clamp(1, 3);
    for c in candidates {
        // The distance is at least the difference in length: most
        // candidates of a big folder are ruled out without computing it.
        if c.chars().count().abs_diff(len) > limit {
            continue;
        }
        let d = strsim::levenshtein(name, c);
        if d <= limit && best.is_none_or(|(bd, bc)| d < bd || (d == bd && c < bc)) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn site(files: &[(&str, &str)], cfg: &str) -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        for (p, text) in files {
            let path = dir.path().join(p);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        let cfg: SiteConfig = toml::from_str(cfg).unwrap();
        let s = Site::new(Some(&cfg), dir.path()).unwrap();
        (dir, s)
    }

    fn found(r: &Resolved) -> bool {
        matches!(r, Resolved::Found { .. })
    }

    #[test]
    fn relative_files_and_folders() {
        let (d, s) = site(
            &[
                ("posts/a.md", "# A\n"),
                ("posts/b.md", "# B\n"),
                ("img/x.png", ""),
                ("guide/index.md", "# G\n"),
            ],
            "",
        );
        let from = d.path().join("posts/a.md");
        assert!(found(&s.resolve(&from, "b.md#b")));
        assert!(found(&s.resolve(&from, "../img/x.png")));
        assert!(found(&s.resolve(&from, "/img/x.png?v=2")));
        assert!(found(&s.resolve(&from, "../guide/")));
        assert!(found(&s.resolve(&from, "../guide")));
        assert!(found(&s.resolve(&from, "b%2Emd")));
        assert_eq!(
            s.resolve(&from, "#x"),
            Resolved::SameDocument {
                fragment: Some("x".into())
            }
        );
        match s.resolve(&from, "c.md") {
            Resolved::Missing { help, .. } => {
                assert_eq!(help.as_deref(), Some("did you mean `a.md`?"))
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(s.resolve(&from, "https://x.org/a"), Resolved::Skip);
        assert_eq!(s.resolve(&from, "mailto:a@b.org"), Resolved::Skip);
        assert_eq!(s.resolve(&from, "{{ x }}"), Resolved::Skip);
    }

    #[test]
    fn jekyll_permalinks_and_templates() {
        let (d, s) = site(
            &[
                ("_config.yml", "title: x\n"),
                (
                    "_posts/2020-03-31-hello.md",
                    "---\ntitle: Hello\n---\n# Hi\n",
                ),
                ("_docs/install/ubuntu.md", "---\ntitle: U\n---\n"),
                ("_docs/install/windows.md", "---\ntitle: W\n---\n"),
                ("pages/team.md", "---\npermalink: /team/\n---\n"),
                ("css/main.scss", ""),
            ],
            "[permalinks]\n\"_posts/**\" = \"/news/:year/:month/:day/:title/\"\n\"_docs/**\" = \"/docs/:path/\"\n",
        );
        assert_eq!(s.generator, Generator::Jekyll);
        assert_eq!(s.slug_style, SlugStyle::KramdownGfm);
        let from = d.path().join("_docs/install/windows.md");
        assert!(found(&s.resolve(&from, "/news/2020/03/31/hello/")));
        assert!(found(&s.resolve(&from, "../ubuntu/")));
        assert!(found(&s.resolve(&from, "/team/")));
        assert!(found(&s.resolve(&from, "/team")));
        assert!(found(&s.resolve(&from, "/css/main.css")));
        assert!(found(&s.resolve(&from, "/feed.xml")));
        assert!(found(
            &s.resolve(&from, "{{ '/docs/install/ubuntu/' | relative_url }}")
        ));
        assert!(found(
            &s.resolve(&from, "{% link _docs/install/ubuntu.md %}")
        ));
        assert!(found(&s.resolve(&from, "{% post_url 2020-03-31-hello %}")));
        assert!(matches!(
            s.resolve(&from, "{% post_url 2020-03-31-helo %}"),
            Resolved::Missing { .. }
        ));
        assert!(matches!(
            s.resolve(&from, "/docs/install/debian/"),
            Resolved::Missing { .. }
        ));
        assert_eq!(
            s.resolve(&from, "{{ site.repository }}/issues/1"),
            Resolved::Skip
        );
    }

    #[test]
    fn hugo_content_static_and_refs() {
        let (d, s) = site(
            &[
                ("hugo.toml", "baseURL = 'https://x.org/'\n"),
                ("content/2.16/tasks/a.md", "+++\ntitle = 'a'\n+++\n"),
                ("content/2.16/tasks/install.md", "+++\ntitle = 'i'\n+++\n"),
                (
                    "content/2.16/_index.md",
                    "---\ntitle: x\naliases: [/2/]\n---\n",
                ),
                (
                    "content/blog/post.md",
                    "---\ntitle: My Post\ndate: 2020-12-03T00:00:00Z\n---\n",
                ),
                ("static/images/x.png", ""),
            ],
            "[permalinks]\n\"content/blog/**\" = \"/:year/:month/:day/:slug/\"\n[redirects]\n\"/latest/*\" = \"/2.16/:splat\"\n",
        );
        fs::write(
            d.path().join("static/_redirects"),
            "# old\n/old/ https://x.org/ 301\n",
        )
        .unwrap();
        assert_eq!(s.generator, Generator::Hugo);
        let from = d.path().join("content/2.16/tasks/a.md");
        assert!(found(&s.resolve(&from, "../install/")));
        assert!(found(&s.resolve(&from, "/images/x.png")));
        assert!(found(&s.resolve(&from, "/2/")));
        assert!(found(&s.resolve(&from, "/2.16/")));
        assert!(found(&s.resolve(&from, "/2.16/tasks/")));
        assert!(found(&s.resolve(&from, "/2020/12/03/my-post/")));
        assert!(found(&s.resolve(&from, "/tags/linkerd/")));
        assert!(found(&s.resolve(&from, "/latest/tasks/install/")));
        assert!(found(&s.resolve(&from, "/old/")));
        assert!(matches!(
            s.resolve(&from, "/latest/tasks/nope/"),
            Resolved::Missing { .. }
        ));
        assert!(found(&s.resolve(&from, r#"{{< ref "install.md" >}}"#)));
        assert!(found(
            &s.resolve(&from, r#"{{% ref "/2.16/tasks/install" %}}"#)
        ));
        assert!(found(&s.resolve(&from, r#"{{< relref "../" >}}"#)));
        assert!(found(&s.resolve(&from, r#"{{< ref "post" >}}"#)));
        assert!(matches!(
            s.resolve(&from, r#"{{< ref "nope.md" >}}"#),
            Resolved::Missing { .. }
        ));
        assert!(matches!(
            s.resolve(&from, "../nope/"),
            Resolved::Missing { .. }
        ));
    }
}
