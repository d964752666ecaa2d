//! The run-wide picture of a site, built once and only when a link needs
//! it: every file and folder under the root (one walk), and every page with
//! the URLs it is served at (one read of each page's front matter).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::Generator;
use super::permalink::{self, PageFacts, Permalink};
use super::url::url_key;
use crate::frontmatter::split::split;

/// Walking stops after this many entries; lookups then fall back to the
/// file system, so a huge root stays correct, only slower.
const MAX_ENTRIES: usize = 200_000;

#[derive(Debug, Default)]
pub struct FileIndex {
    /// Paths relative to the root, `/`-separated, exact case.
    pub files: HashSet<String>,
    pub dirs: HashSet<String>,
    /// Files that may be pages (Markdown, or HTML with front matter).
    pub page_files: Vec<String>,
    /// The walk saw every entry.
    pub complete: bool,
}

fn is_page_candidate(rel: &str) -> bool {
    let ext = rel.rsplit_once('.').map_or("", |(_, e)| e);
    matches!(
        ext.to_ascii_lowercase().as_str(),
        "md" | "markdown" | "mdx" | "html" | "htm"
    )
}

/// Walks `root` once, honouring `.gitignore` (generated output such as
/// `_site/` or `public/` is not source) but not hiding dot-files, which
/// sites serve (`.well-known/`).
pub fn walk(root: &Path) -> FileIndex {
    let mut idx = FileIndex {
        complete: true,
        ..FileIndex::default()
    };
    let walker = ignore::WalkBuilder::new(root)
        .hidden(false)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        .filter_entry(|e| e.file_name() != ".git" && e.file_name() != "node_modules")
        .build();
    for entry in walker.flatten() {
        if idx.files.len() + idx.dirs.len() >= MAX_ENTRIES {
            idx.complete = false;
            break;
        }
        let Ok(rel) = entry.path().strip_prefix(root) else {
            continue;
        };
        let Some(rel) = rel_string(rel) else {
            continue;
        };
        if rel.is_empty() {
            continue;
        }
        let is_dir = match entry.file_type() {
            Some(t) if t.is_symlink() => entry.path().is_dir(),
            Some(t) => t.is_dir(),
            None => false,
        };
        if is_dir {
            idx.dirs.insert(rel);
        } else {
            if is_page_candidate(&rel) {
                idx.page_files.push(rel.clone());
            }
            idx.files.insert(rel);
        }
    }
    idx.page_files.sort();
    idx
}

/// A relative path as a `/`-separated string (`None` when not UTF-8).
pub fn rel_string(rel: &Path) -> Option<String> {
    let mut s = String::new();
    for c in rel.components() {
        match c {
            std::path::Component::Normal(n) => {
                if !s.is_empty() {
                    s.push('/');
                }
                s.push_str(n.to_str()?);
            }
            std::path::Component::CurDir => {}
            _ => return None,
        }
    }
    Some(s)
}

#[derive(Debug)]
pub struct Page {
    /// Relative to the root.
    pub rel: String,
    /// URL paths it is served at, the main one first.
    pub urls: Vec<String>,
}

#[derive(Debug, Default)]
pub struct PageIndex {
    pub pages: Vec<Page>,
    pub by_key: HashMap<String, Vec<usize>>,
    pub by_rel: HashMap<String, usize>,
    /// Jekyll posts by file name without extension (`2020-01-01-x`).
    pub posts: HashMap<String, usize>,
    /// Pages by file name without extension (Hugo's `ref "name"`).
    pub by_stem: HashMap<String, Vec<usize>>,
    /// URL keys of list pages the generator makes without a file (Hugo
    /// sections).
    pub generated: HashSet<String>,
}

pub struct PageSettings<'a> {
    pub root: &'a Path,
    pub generator: Generator,
    /// Hugo's content folder, relative to the root.
    pub content: Option<&'a str>,
    pub permalinks: &'a [Permalink],
}

fn stem_of(rel: &str) -> &str {
    let file = rel.rsplit('/').next().unwrap_or(rel);
    match file.rfind('.') {
        Some(i) if i > 0 => &file[..i],
        _ => file,
    }
}

/// The URLs of one page file (`None` when it is not a page).
fn page_of(rel: &str, s: &PageSettings<'_>) -> Option<Vec<String>> {
    let within = match s.content {
        // Outside Hugo's content folder a file is not a page.
        Some(c) => rel.strip_prefix(c).and_then(|r| r.strip_prefix('/'))?,
        None => rel,
    };
    let is_html = rel.ends_with(".html") || rel.ends_with(".htm");
    let bytes = std::fs::read(s.root.join(rel)).ok()?;
    let (text, _) = crate::document::decode(&bytes).ok()?;
    let fm = split(&text).front_matter;
    if is_html && fm.is_none() {
        return None; // a static HTML file, found as a file already
    }
    let front = fm.and_then(|f| f.root);
    Some(permalink::page_urls(
        &PageFacts {
            generator: s.generator,
            rel,
            within,
            front: front.as_ref(),
        },
        s.permalinks,
    ))
}

/// Reads the front matter of every page and works out its URLs.
///
/// The files are read on a few plain threads: this runs inside a rayon
/// task while other tasks wait for the result, and a nested rayon job
/// could re-enter this very initialisation on the same thread.
pub fn pages(files: &FileIndex, s: &PageSettings<'_>) -> PageIndex {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = files.page_files.len().div_ceil(threads).max(64);
    let found: Vec<(&String, Vec<String>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .page_files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .filter_map(|rel| page_of(rel, s).map(|urls| (rel, urls)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    let mut idx = PageIndex::default();
    for (rel, urls) in found {
        let id = idx.pages.len();
        for u in &urls {
            let ids = idx.by_key.entry(url_key(u)).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        idx.by_rel.insert(rel.clone(), id);
        let stem = stem_of(rel).to_string();
        if rel.starts_with("_posts/") || rel.contains("/_posts/") {
            idx.posts.insert(stem.clone(), id);
        }
        idx.by_stem.entry(stem).or_default().push(id);
        idx.pages.push(Page {
            rel: rel.clone(),
            urls,
        });
    }
    if let Some(c) = s.content {
        // Hugo makes a list page for every section, with or without an
        // `_index.md`.
        let prefix = format!("{c}/");
        for d in &files.dirs {
            if let Some(within) = d.strip_prefix(&prefix) {
                idx.generated.insert(url_key(&format!("/{within}/")));
            }
        }
        idx.generated.insert("/".to_string());
    }
    idx
}
