//! The URLs a page is served at: its path (`a/b.md` → `/a/b/`), or a
//! permalink pattern from `[site.permalinks]` or the generator's defaults,
//! or what its front matter says (`permalink`, `url`, `slug`, and the old
//! addresses in `aliases` / `redirect_from`).
//!
//! Being generous is deliberate: a page gets every URL it may plausibly be
//! served at, because a link reported missing when the page is there costs
//! users more trust than a broken link found a day later.

use globset::{GlobBuilder, GlobMatcher};

use super::config::Generator;
use crate::frontmatter::dates::parse_date;
use crate::frontmatter::{Node, Value};

/// One `glob = "pattern"` of `[site.permalinks]`.
#[derive(Debug, Clone)]
pub struct Permalink {
    glob: GlobMatcher,
    /// The folder the glob starts from (`_docs/` for `_docs/**`): `:path` is
    /// relative to it.
    prefix: String,
    pub pattern: String,
}

/// Placeholders a pattern may use.
pub const PLACEHOLDERS: &[&str] = &[
    "year",
    "month",
    "day",
    "i_month",
    "i_day",
    "short_year",
    "hour",
    "minute",
    "second",
    "title",
    "slug",
    "name",
    "basename",
    "filename",
    "contentbasename",
    "path",
    "collection",
    "categories",
    "section",
    "sections",
    "output_ext",
];

impl Permalink {
    pub fn new(glob: &str, pattern: &str) -> Result<Permalink, String> {
        let g = glob.strip_prefix("./").unwrap_or(glob);
        let matcher = GlobBuilder::new(g)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("invalid glob `{glob}`: {e}"))?
            .compile_matcher();
        for name in placeholders(pattern) {
            if !PLACEHOLDERS.contains(&name) {
                return Err(format!(
                    "unknown placeholder `:{name}` in `{pattern}` (known: :{})",
                    PLACEHOLDERS.join(", :")
                ));
            }
        }
        let literal_end = g.find(['*', '?', '[', '{']).unwrap_or(g.len());
        let prefix = match g[..literal_end].rfind('/') {
            Some(i) => g[..=i].to_string(),
            None => String::new(),
        };
        Ok(Permalink {
            glob: matcher,
            prefix,
            pattern: pattern.to_string(),
        })
    }

    pub fn matches(&self, rel: &str) -> bool {
        self.glob.is_match(rel)
    }
}

/// The names of the `:placeholders` in a pattern.
fn placeholders(pattern: &str) -> impl Iterator<Item = &str> {
    pattern.split(':').skip(1).map(|s| {
        let end = s
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(s.len());
        &s[..end]
    })
}

/// The permalinks a generator applies when the config says nothing.
pub fn defaults(generator: Generator) -> Vec<Permalink> {
    let table: &[(&str, &str)] = match generator {
        Generator::Jekyll => &[
            (
                "_posts/**",
                "/:categories/:year/:month/:day/:title:output_ext",
            ),
            (
                "**/_posts/**",
                "/:categories/:year/:month/:day/:title:output_ext",
            ),
            ("_*/**", "/:collection/:path:output_ext"),
        ],
        _ => &[],
    };
    table
        .iter()
        .filter_map(|(g, p)| Permalink::new(g, p).ok())
        .collect()
}

/// What is known of one page.
pub struct PageFacts<'a> {
    pub generator: Generator,
    /// Relative to the site root, `/`-separated.
    pub rel: &'a str,
    /// Relative to the folder its URL starts from (Hugo's `content/`).
    pub within: &'a str,
    pub front: Option<&'a Node>,
}

fn string_field<'a>(front: Option<&'a Node>, key: &str) -> Option<&'a str> {
    front?
        .get(key)?
        .value
        .value
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// A string or a list of strings (`redirect_from`, `aliases`, `categories`).
fn string_list<'a>(front: Option<&'a Node>, key: &str) -> Vec<&'a str> {
    let Some(e) = front.and_then(|f| f.get(key)) else {
        return Vec::new();
    };
    match &e.value.value {
        Value::List(items) => items.iter().filter_map(|n| n.value.as_str()).collect(),
        Value::String(s) => vec![s.as_str()],
        _ => Vec::new(),
    }
}

/// A Jekyll post name: `2020-03-31-slug` → ((2020, 3, 31), "slug").
pub fn post_name(stem: &str) -> Option<((i32, u32, u32), &str)> {
    let mut parts = stem.splitn(4, '-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    let rest = parts.next()?;
    (y > 999 && (1..=12).contains(&m) && (1..=31).contains(&d) && !rest.is_empty())
        .then_some(((y, m, d), rest))
}

/// Hugo's `urlize`: lower-case, spaces to `-`, only characters that are
/// safe in a path kept.
fn urlize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        if c.is_whitespace() {
            out.push('-');
        } else if c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '~' | '+' | '#') {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Jekyll's `slugify` (default mode): runs of anything but letters and
/// digits become one `-`, trimmed, lower-cased.
fn jekyll_slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

struct Split<'a> {
    dir: &'a str,
    stem: &'a str,
    /// `index`, `_index` or `README`: the page of its folder.
    is_index: bool,
}

fn split_path(within: &str) -> Split<'_> {
    let (dir, file) = match within.rfind('/') {
        Some(i) => (&within[..i], &within[i + 1..]),
        None => ("", within),
    };
    let stem = match file.rfind('.') {
        Some(i) if i > 0 => &file[..i],
        _ => file,
    };
    let is_index = matches!(stem, "index" | "_index") || stem.eq_ignore_ascii_case("readme");
    Split {
        dir,
        stem,
        is_index,
    }
}

fn join_dir(dir: &str, last: &str) -> String {
    let mut s = String::from("/");
    if !dir.is_empty() {
        s.push_str(dir);
        s.push('/');
    }
    if !last.is_empty() {
        s.push_str(last);
        s.push('/');
    }
    s
}

/// Every URL `facts` may be served at (URL paths as written, leading `/`).
pub fn page_urls(facts: &PageFacts<'_>, patterns: &[Permalink]) -> Vec<String> {
    let front = facts.front;
    let split = split_path(facts.within);
    let mut urls = Vec::new();

    let explicit = match facts.generator {
        Generator::Hugo => string_field(front, "url"),
        Generator::Zola => string_field(front, "path"),
        _ => string_field(front, "permalink"),
    };
    if let Some(p) = explicit {
        if p.contains(':') {
            urls.extend(expand_all(p, facts, "", &split));
        } else {
            urls.push(absolute(p));
        }
    } else if let Some(pl) = patterns.iter().find(|pl| pl.matches(facts.rel)) {
        urls.extend(expand_all(&pl.pattern, facts, &pl.prefix, &split));
    }
    if urls.is_empty() {
        // Served where it lies; Hugo's `slug` renames the last part.
        let natural = if split.is_index {
            join_dir(split.dir, "")
        } else if matches!(facts.generator, Generator::Hugo | Generator::Zola)
            && let Some(slug) = string_field(front, "slug")
        {
            join_dir(split.dir, slug)
        } else {
            join_dir(split.dir, split.stem)
        };
        urls.push(natural);
    }
    let here = urls.first().cloned().unwrap_or_else(|| "/".to_string());
    for alias in string_list(front, "aliases")
        .into_iter()
        .chain(string_list(front, "redirect_from"))
    {
        let a = alias.trim();
        if a.is_empty() || a.contains("://") {
            continue;
        }
        // Zola's aliases are paths from the site root, Hugo's relative ones
        // start from the page's folder.
        urls.push(if a.starts_with('/') {
            a.to_string()
        } else if facts.generator == Generator::Zola {
            format!("/{a}")
        } else {
            super::url::join_url(&here, &format!("../{a}"))
        });
    }
    urls
}

fn absolute(p: &str) -> String {
    if p.starts_with('/') {
        p.to_string()
    } else {
        format!("/{p}")
    }
}

/// Expands a pattern once per candidate date (the front matter's and the
/// file name's can differ by a time zone).
fn expand_all(
    pattern: &str,
    facts: &PageFacts<'_>,
    prefix: &str,
    split: &Split<'_>,
) -> Vec<String> {
    let mut dates: Vec<(i32, u32, u32)> = Vec::new();
    if let Some(d) = string_field(facts.front, "date").and_then(|s| parse_date(s).ok()) {
        dates.push((
            i32::from(d.date.year()),
            d.date.month() as u32,
            d.date.day() as u32,
        ));
    }
    if let Some((d, _)) = post_name(split.stem)
        && !dates.contains(&d)
    {
        dates.push(d);
    }
    let mut out = Vec::new();
    if dates.is_empty() {
        if let Some(u) = expand(pattern, facts, prefix, split, None) {
            out.push(u);
        }
    } else {
        for d in dates {
            if let Some(u) = expand(pattern, facts, prefix, split, Some(d))
                && !out.contains(&u)
            {
                out.push(u);
            }
        }
    }
    out
}

/// One expansion; `None` when the pattern needs something the page lacks
/// (a date).
fn expand(
    pattern: &str,
    facts: &PageFacts<'_>,
    prefix: &str,
    split: &Split<'_>,
    date: Option<(i32, u32, u32)>,
) -> Option<String> {
    let front = facts.front;
    let jekyll = !matches!(facts.generator, Generator::Hugo | Generator::Zola);
    let name_slug = post_name(split.stem).map_or(split.stem, |(_, s)| s);
    let fm_slug = string_field(front, "slug");
    let title = string_field(front, "title");
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut rest = pattern;
    while let Some(i) = rest.find(':') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        // Longest known placeholder that prefixes the name (`:title` in
        // `:title:output_ext`, `:i_month`...).
        let name = &after[..end];
        let value: Option<String> = match name {
            "year" => date.map(|d| format!("{:04}", d.0)),
            "short_year" => date.map(|d| format!("{:02}", d.0 % 100)),
            "month" => date.map(|d| format!("{:02}", d.1)),
            "i_month" => date.map(|d| d.1.to_string()),
            "day" => date.map(|d| format!("{:02}", d.2)),
            "i_day" => date.map(|d| d.2.to_string()),
            "hour" | "minute" | "second" => Some("00".to_string()),
            "title" if jekyll => Some(fm_slug.unwrap_or(name_slug).to_string()),
            "title" => Some(urlize(title.unwrap_or(split.stem))),
            "slug" if jekyll => Some(jekyll_slugify(fm_slug.unwrap_or(name_slug))),
            "slug" => Some(urlize(fm_slug.or(title).unwrap_or(split.stem))),
            "name" => Some(name_slug.to_string()),
            "basename" | "filename" => Some(split.stem.to_string()),
            "contentbasename" => Some(if split.is_index {
                split.dir.rsplit('/').next().unwrap_or("").to_string()
            } else {
                split.stem.to_string()
            }),
            "path" => {
                let within = facts.rel.strip_prefix(prefix).unwrap_or(facts.within);
                let s = split_path(within);
                Some(if s.is_index {
                    s.dir.to_string()
                } else if s.dir.is_empty() {
                    s.stem.to_string()
                } else {
                    format!("{}/{}", s.dir, s.stem)
                })
            }
            "collection" => Some(
                facts
                    .rel
                    .split('/')
                    .next()
                    .unwrap_or("")
                    .trim_start_matches('_')
                    .to_string(),
            ),
            "categories" => Some(categories(facts, prefix).join("/")),
            "section" => Some(facts.within.split('/').next().unwrap_or("").to_string()),
            "sections" => Some(split.dir.to_string()),
            "output_ext" => Some(".html".to_string()),
            _ => {
                // Not a placeholder: a literal colon.
                out.push(':');
                rest = after;
                continue;
            }
        };
        out.push_str(&value?);
        rest = &after[end..];
    }
    out.push_str(rest);
    Some(super::url::normalize_path(&absolute(&out)))
}

/// Jekyll categories: the folders above `_posts` (below the glob's folder,
/// which is where Jekyll's `collections_dir` puts them) and the front
/// matter's `category` / `categories` (a list or a space-separated string).
fn categories(facts: &PageFacts<'_>, prefix: &str) -> Vec<String> {
    let mut cats: Vec<String> = Vec::new();
    let rel = facts.rel.strip_prefix(prefix).unwrap_or(facts.rel);
    if let Some(i) = rel.find("_posts/") {
        cats.extend(
            rel[..i]
                .split('/')
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
    }
    for key in ["category", "categories"] {
        for c in string_list(facts.front, key) {
            cats.extend(c.split_whitespace().map(str::to_string));
        }
        if let Some(e) = facts.front.and_then(|f| f.get(key))
            && let Value::Int(n) = e.value.value
        {
            cats.push(n.to_string());
        }
    }
    cats.dedup();
    cats
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(
        generator: Generator,
        rel: &str,
        within: &str,
        fm: &str,
        pats: &[(&str, &str)],
    ) -> Vec<String> {
        let text = format!("---\n{fm}\n---\n");
        let split = crate::frontmatter::split::split(&text);
        let front = split.front_matter.and_then(|f| f.root);
        let patterns: Vec<Permalink> = pats
            .iter()
            .map(|(g, p)| Permalink::new(g, p).unwrap())
            .chain(defaults(generator))
            .collect();
        page_urls(
            &PageFacts {
                generator,
                rel,
                within,
                front: front.as_ref(),
            },
            &patterns,
        )
    }

    #[test]
    fn jekyll_posts_and_collections() {
        let p = [
            ("_posts/**", "/news/:year/:month/:day/:title/"),
            ("_docs/**", "/docs/:path/"),
        ];
        assert_eq!(
            urls(
                Generator::Jekyll,
                "_posts/2020-03-31-hello.md",
                "_posts/2020-03-31-hello.md",
                "title: x",
                &p
            ),
            vec!["/news/2020/03/31/hello/"]
        );
        assert_eq!(
            urls(
                Generator::Jekyll,
                "_posts/2019-08-19-v4.md",
                "_posts/2019-08-19-v4.md",
                "date: 2019-08-20 10:00:00 -0500",
                &p
            ),
            vec!["/news/2019/08/20/v4/", "/news/2019/08/19/v4/"]
        );
        assert_eq!(
            urls(
                Generator::Jekyll,
                "_docs/config/sass.md",
                "_docs/config/sass.md",
                "title: x",
                &p
            ),
            vec!["/docs/config/sass/"]
        );
        assert_eq!(
            urls(
                Generator::Jekyll,
                "_docs/usage.md",
                "_docs/usage.md",
                "permalink: /docs/usage/\nredirect_from:\n  - /docs/old/",
                &p
            ),
            vec!["/docs/usage/", "/docs/old/"]
        );
        // Defaults: categories from folders and front matter.
        assert_eq!(
            urls(
                Generator::Jekyll,
                "foo/_posts/2008-09-23-x.md",
                "foo/_posts/2008-09-23-x.md",
                "category: bar",
                &[]
            ),
            vec!["/foo/bar/2008/09/23/x.html"]
        );
    }

    #[test]
    fn categories_below_collections_dir() {
        assert_eq!(
            urls(
                Generator::Jekyll,
                "content/_posts/2017-02-16-x.md",
                "content/_posts/2017-02-16-x.md",
                "categories: general",
                &[(
                    "content/**/_posts/**",
                    "/:categories/:year/:month/:day/:title/"
                )]
            ),
            vec!["/general/2017/02/16/x/"]
        );
    }

    #[test]
    fn hugo_pages() {
        let p = [("content/blog/**", "/:year/:month/:day/:slug/")];
        assert_eq!(
            urls(
                Generator::Hugo,
                "content/2.16/tasks/x.md",
                "2.16/tasks/x.md",
                "title: x",
                &p
            ),
            vec!["/2.16/tasks/x/"]
        );
        assert_eq!(
            urls(
                Generator::Hugo,
                "content/2.16/_index.md",
                "2.16/_index.md",
                "title: x\naliases: [/2/]",
                &p
            ),
            vec!["/2.16/", "/2/"]
        );
        assert_eq!(
            urls(
                Generator::Hugo,
                "content/blog/why.md",
                "blog/why.md",
                "title: Why Linkerd doesn't use Envoy\ndate: 2020-12-03T00:00:00Z",
                &p
            ),
            vec!["/2020/12/03/why-linkerd-doesnt-use-envoy/"]
        );
        assert_eq!(
            urls(Generator::Hugo, "content/x/y.md", "x/y.md", "slug: z", &[]),
            vec!["/x/z/"]
        );
    }

    #[test]
    fn zola_pages() {
        assert_eq!(
            urls(
                Generator::Zola,
                "content/x.md",
                "x.md",
                "path: 2018/12/06/x\naliases: [2018/12/06/x.html, releases/1.31.0]",
                &[]
            ),
            vec!["/2018/12/06/x", "/2018/12/06/x.html", "/releases/1.31.0"]
        );
    }

    #[test]
    fn bad_placeholder() {
        assert!(Permalink::new("_posts/**", "/:yaer/:title/").is_err());
    }
}
