//! What the generator's own config file says about URLs and heading ids, so
//! that a site needs no `[site]` table to be checked: Jekyll's `_config.yml`
//! (`permalink`, `collections`, `collections_dir`, `baseurl`,
//! `kramdown.input`) and Hugo's `hugo.toml` / `config.toml` (and `.yaml`):
//! `permalinks`, `contentDir`, `staticDir`,
//! `markup.goldmark.parser.autoHeadingIDType`.
//!
//! Values set in `[site]` win over these. A file that cannot be read or
//! parsed gives nothing: the generator would complain about it, not us.

use std::path::{Path, PathBuf};

use super::config::Generator;
use super::slug::SlugStyle;
use crate::document::Span;
use crate::frontmatter::{Format, Node, Value};

/// Settings read from a generator's config file.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct GeneratorSettings {
    /// `(file glob, URL pattern)`, most specific first.
    pub permalinks: Vec<(String, String)>,
    pub content: Option<String>,
    pub static_dirs: Option<Vec<String>>,
    pub baseurl: Option<String>,
    pub slug_style: Option<SlugStyle>,
}

/// The config files each generator reads, in its order of preference.
fn candidates(generator: Generator) -> &'static [&'static str] {
    match generator {
        Generator::Jekyll => &["_config.yml", "_config.yaml"],
        Generator::Hugo => &[
            "hugo.toml",
            "hugo.yaml",
            "hugo.yml",
            "config.toml",
            "config.yaml",
            "config.yml",
        ],
        _ => &[],
    }
}

/// Finds the generator's config file at `root`.
pub fn find(root: &Path, generator: Generator) -> Option<PathBuf> {
    candidates(generator)
        .iter()
        .map(|n| root.join(n))
        .find(|p| p.is_file())
}

/// A tree read from YAML or TOML, as the small view this module needs.
enum Tree {
    Yaml(Node),
    Toml(toml::Table),
}

fn load(path: &Path) -> Option<Tree> {
    let text = std::fs::read_to_string(path).ok()?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext == "toml" {
        return toml::from_str::<toml::Table>(&text).ok().map(Tree::Toml);
    }
    let (root, _, _) =
        crate::frontmatter::parse_block(&text, Span::new(0, text.len()), Format::Yaml);
    root.map(Tree::Yaml)
}

/// A key path in either tree, as a string, a list of strings, or a map.
#[derive(Debug)]
enum Item {
    Str(String),
    List(Vec<String>),
    Map(Vec<(String, Item)>),
    Other,
}

fn yaml_item(n: &Node) -> Item {
    match &n.value {
        Value::String(s) => Item::Str(s.clone()),
        Value::List(v) => Item::List(
            v.iter()
                .filter_map(|n| n.value.as_str().map(str::to_string))
                .collect(),
        ),
        Value::Map(entries) => Item::Map(
            entries
                .iter()
                .map(|e| (e.key.clone(), yaml_item(&e.value)))
                .collect(),
        ),
        Value::Bool(b) => Item::Str(b.to_string()),
        _ => Item::Other,
    }
}

fn toml_item(v: &toml::Value) -> Item {
    match v {
        toml::Value::String(s) => Item::Str(s.clone()),
        toml::Value::Array(a) => Item::List(
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        ),
        toml::Value::Table(t) => {
            Item::Map(t.iter().map(|(k, v)| (k.clone(), toml_item(v))).collect())
        }
        toml::Value::Boolean(b) => Item::Str(b.to_string()),
        _ => Item::Other,
    }
}

impl Tree {
    fn root(&self) -> Item {
        match self {
            Tree::Yaml(n) => yaml_item(n),
            Tree::Toml(t) => Item::Map(t.iter().map(|(k, v)| (k.clone(), toml_item(v))).collect()),
        }
    }
}

impl Item {
    /// The value at `key`; Hugo's keys are case-insensitive.
    fn get(&self, key: &str) -> Option<&Item> {
        match self {
            Item::Map(m) => m
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    fn path(&self, keys: &[&str]) -> Option<&Item> {
        keys.iter().try_fold(self, |item, k| item.get(k))
    }

    fn str(&self) -> Option<&str> {
        match self {
            Item::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// Jekyll's named permalink styles.
fn jekyll_style(p: &str) -> String {
    match p {
        "date" => "/:categories/:year/:month/:day/:title:output_ext".into(),
        "pretty" => "/:categories/:year/:month/:day/:title/".into(),
        "none" => "/:categories/:title:output_ext".into(),
        other => other.into(),
    }
}

/// Reads the config file at `path` for `generator`.
pub fn read(path: &Path, generator: Generator) -> GeneratorSettings {
    let Some(tree) = load(path) else {
        return GeneratorSettings::default();
    };
    let root = tree.root();
    let mut s = GeneratorSettings::default();
    match generator {
        Generator::Jekyll => {
            let dir = root
                .get("collections_dir")
                .and_then(Item::str)
                .map(|d| format!("{}/", d.trim_matches('/')))
                .filter(|d| d != "/")
                .unwrap_or_default();
            if let Some(collections) = root.get("collections")
                && let Item::Map(m) = collections
            {
                for (name, c) in m {
                    if let Some(p) = c.get("permalink").and_then(Item::str) {
                        let glob = format!("{dir}_{name}/**");
                        s.permalinks.push((glob, jekyll_style(p)));
                    }
                }
            }
            let posts = root
                .path(&["collections", "posts", "permalink"])
                .or_else(|| root.get("permalink"))
                .and_then(Item::str)
                .map(jekyll_style);
            if let Some(p) = posts {
                s.permalinks.push((format!("{dir}_posts/**"), p.clone()));
                s.permalinks.push((format!("{dir}**/_posts/**"), p));
            }
            if !dir.is_empty() {
                // Posts and collections moved under `collections_dir` keep
                // Jekyll's default URLs.
                s.permalinks
                    .push((format!("{dir}_posts/**"), jekyll_style("date")));
                s.permalinks.push((
                    format!("{dir}_*/**"),
                    "/:collection/:path:output_ext".into(),
                ));
            }
            s.baseurl = root.get("baseurl").and_then(Item::str).map(str::to_string);
            s.slug_style = match root.path(&["kramdown", "input"]).and_then(Item::str) {
                Some(i) if i.eq_ignore_ascii_case("kramdown") => Some(SlugStyle::Kramdown),
                Some(_) => Some(SlugStyle::KramdownGfm),
                None => match root.get("markdown").and_then(Item::str) {
                    Some(m) if m.to_ascii_lowercase().starts_with("commonmark") => {
                        Some(SlugStyle::Github)
                    }
                    _ => None,
                },
            };
        }
        Generator::Hugo => {
            let content = root
                .get("contentDir")
                .and_then(Item::str)
                .map(|c| c.trim_matches('/').to_string());
            let c = content.clone().unwrap_or_else(|| "content".into());
            if let Some(Item::Map(m)) = root.get("permalinks") {
                for (section, v) in m {
                    match v {
                        Item::Str(p) => s.permalinks.push((format!("{c}/{section}/**"), p.clone())),
                        // `[permalinks.page]`: patterns by page kind.
                        Item::Map(kinds) if section.eq_ignore_ascii_case("page") => {
                            for (sec, p) in kinds {
                                if let Some(p) = p.str() {
                                    s.permalinks.push((format!("{c}/{sec}/**"), p.to_string()));
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            s.content = content;
            s.static_dirs = match root.get("staticDir") {
                Some(Item::Str(d)) => Some(vec![d.clone()]),
                Some(Item::List(v)) => Some(v.clone()),
                _ => None,
            };
            s.slug_style = root
                .path(&["markup", "goldmark", "parser", "autoHeadingIDType"])
                .and_then(Item::str)
                .map(|t| match t {
                    "blackfriday" => SlugStyle::HugoBlackfriday,
                    _ => SlugStyle::Hugo,
                });
        }
        _ => {}
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(name: &str, text: &str, generator: Generator) -> GeneratorSettings {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        read(&p, generator)
    }

    #[test]
    fn jekyll() {
        let s = read_text(
            "_config.yml",
            "baseurl: /blog\ncollections_dir: content\npermalink: pretty\ncollections:\n  docs:\n    permalink: /:collection/:path/\n    output: true\nkramdown:\n  input: kramdown\n",
            Generator::Jekyll,
        );
        assert_eq!(
            s.permalinks,
            vec![
                (
                    "content/_docs/**".to_string(),
                    "/:collection/:path/".to_string()
                ),
                (
                    "content/_posts/**".to_string(),
                    "/:categories/:year/:month/:day/:title/".to_string()
                ),
                (
                    "content/**/_posts/**".to_string(),
                    "/:categories/:year/:month/:day/:title/".to_string()
                ),
                (
                    "content/_posts/**".to_string(),
                    "/:categories/:year/:month/:day/:title:output_ext".to_string()
                ),
                (
                    "content/_*/**".to_string(),
                    "/:collection/:path:output_ext".to_string()
                ),
            ]
        );
        assert_eq!(s.baseurl.as_deref(), Some("/blog"));
        assert_eq!(s.slug_style, Some(SlugStyle::Kramdown));
    }

    #[test]
    fn hugo() {
        let s = read_text(
            "hugo.toml",
            "contentDir = 'pages'\nstaticDir = ['static', 'assets']\n[permalinks]\nblog = '/:year/:month/:day/:slug/'\n[permalinks.page]\nnews = '/news/:slug/'\n[markup.goldmark.parser]\nautoHeadingIDType = 'blackfriday'\n",
            Generator::Hugo,
        );
        assert_eq!(
            s.permalinks,
            vec![
                (
                    "pages/blog/**".to_string(),
                    "/:year/:month/:day/:slug/".to_string()
                ),
                ("pages/news/**".to_string(), "/news/:slug/".to_string()),
            ]
        );
        assert_eq!(s.content.as_deref(), Some("pages"));
        assert_eq!(
            s.static_dirs,
            Some(vec!["static".to_string(), "assets".to_string()])
        );
        assert_eq!(s.slug_style, Some(SlugStyle::HugoBlackfriday));
        let s = read_text(
            "hugo.yaml",
            "permalinks:\n  posts: /p/:slug/\n",
            Generator::Hugo,
        );
        assert_eq!(
            s.permalinks,
            vec![("content/posts/**".to_string(), "/p/:slug/".to_string())]
        );
    }

    #[test]
    fn unreadable_gives_nothing() {
        let s = read_text("_config.yml", "bad: [\n", Generator::Jekyll);
        assert_eq!(s, GeneratorSettings::default());
    }
}
