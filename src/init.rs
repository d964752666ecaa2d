//! `frontlint init`: learns a site's front-matter conventions from its
//! posts and writes them down as a commented `frontlint.toml`.
//!
//! Owns: grouping files into collections (folders whose files share a key
//! profile), inferring per collection the required fields (present and
//! non-empty in at least 95% of files), each field's type, date style and —
//! only when clearly closed — its allowed values, and spotting outliers
//! (a rare key one typo away from a common one, a rare type, a rare value).
//! It then lints the files with the config it wrote and turns off the body
//! rules that flag a large share of the site (a convention, not a fault),
//! so that the result is a clean baseline plus a to-do list of outliers.
//! It never writes anything itself: the CLI decides where the text goes.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::Value as Json;

use crate::config::LoadedConfig;
use crate::document::Document;
use crate::frontmatter::dates::{parse_date, parse_with_format};
use crate::frontmatter::{Node, Style, Value};
use crate::import::{Field, toml_key, toml_str};
use crate::rules::front_matter::filename_date_mismatch::filename_date;
use crate::rules::front_matter::unknown_field::{did_you_mean, is_number_variant};

/// A field is required when present (and not empty) in this share of files.
const REQUIRED_SHARE: f64 = 0.95;
/// Groups smaller than this are never split further.
const MIN_SPLIT: usize = 5;
/// Two parts of a folder belong together when their key profiles overlap
/// at least this much (Jaccard index).
const SAME_PROFILE: f64 = 0.5;
/// Separate folders are merged into one collection when their profiles
/// overlap this much.
const MERGE_PROFILE: f64 = 0.8;
/// A rule that flags more than this share of all files describes the
/// site's style rather than its faults: it is turned off, with a comment.
const CONVENTION_SHARE: f64 = 0.01;
/// Rules kept on whatever they find: they report real faults the team
/// asked for (a post dated otherwise than its file, padded titles).
const ALWAYS_ON: &[&str] = &["FM009", "FM012"];

/// The name of Hugo's and Zola's section pages.
const SECTION_FILE: &str = "_index.md";

/// Strftime formats tried on date-like values the usual parser refuses.
const DATE_FORMATS: &[&str] = &["%m/%d/%Y", "%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y", "%Y%m%d"];

struct Post {
    rel: PathBuf,
    doc: Document,
}

/// A set of files checked with one set of settings.
#[derive(Debug)]
struct Group {
    /// Folder relative to the site root ("" for the root).
    folder: PathBuf,
    /// Every file under `folder` (true), or only the files directly in it.
    recursive: bool,
    files: Vec<usize>,
    /// Globs of alike folders merged into this group.
    more: Vec<String>,
}

impl Group {
    fn glob(&self) -> Option<String> {
        let f = self.folder.to_string_lossy().replace('\\', "/");
        if f == SECTION_FILE {
            // A bare file name matches that name in every folder.
            return Some(f);
        }
        match (f.is_empty(), self.recursive) {
            (true, _) => None,
            (false, true) => Some(format!("{f}/**")),
            (false, false) => Some(format!("{f}/*")),
        }
    }

    /// Every glob of the group (none for the site root).
    fn globs(&self) -> Vec<String> {
        self.glob()
            .into_iter()
            .chain(self.more.iter().cloned())
            .collect()
    }

    fn label(&self) -> String {
        if self.folder == Path::new(SECTION_FILE) {
            return "section pages (`_index.md`, Hugo and Zola list pages)".into();
        }
        match self.glob() {
            Some(_) => self
                .globs()
                .iter()
                .map(|g| format!("`{g}`"))
                .collect::<Vec<_>>()
                .join(", "),
            None => "the site root".into(),
        }
    }
}

/// The result of `init`: the config text and what it found.
#[derive(Debug)]
pub struct InitReport {
    pub text: String,
    pub files: usize,
    pub collections: usize,
    /// Files with findings when linted with the generated config, by rule.
    pub findings_by_rule: BTreeMap<String, usize>,
    pub flagged_files: usize,
}

fn root_map(doc: &Document) -> Option<&Node> {
    let fm = doc.front_matter.as_ref()?;
    if !fm.is_closed() || fm.hard_errors().next().is_some() {
        return None;
    }
    fm.root
        .as_ref()
        .filter(|r| matches!(r.value, Value::Map(_)))
}

fn keys(doc: &Document) -> Vec<&str> {
    root_map(doc)
        .map(|r| r.entries().iter().map(|e| e.key.as_str()).collect())
        .unwrap_or_default()
}

/// Keys present in at least half of the files.
fn profile(posts: &[Post], files: &[usize]) -> Vec<String> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for &i in files {
        let mut seen = keys(&posts[i].doc);
        seen.sort_unstable();
        seen.dedup();
        for k in seen {
            *count.entry(k).or_default() += 1;
        }
    }
    let mut p: Vec<String> = count
        .into_iter()
        .filter(|(_, c)| *c * 2 >= files.len())
        .map(|(k, _)| k.to_string())
        .collect();
    p.sort();
    p
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.iter().filter(|k| b.contains(k)).count();
    inter as f64 / (a.len() + b.len() - inter) as f64
}

/// Splits `files` (all under `folder`) into groups of alike files.
fn split(posts: &[Post], folder: &Path, files: Vec<usize>, out: &mut Vec<Group>) {
    let mut direct = Vec::new();
    let mut children: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
    for &i in &files {
        let rel = posts[i].rel.strip_prefix(folder).unwrap_or(&posts[i].rel);
        let mut comps = rel.components();
        let first = comps.next();
        if comps.next().is_none() {
            direct.push(i);
        } else if let Some(c) = first {
            children.entry(folder.join(c)).or_default().push(i);
        }
    }
    if direct.is_empty() && children.len() == 1 {
        if let Some((child, files)) = children.into_iter().next() {
            split(posts, &child, files, out);
        }
        return;
    }
    let coherent = files.len() < MIN_SPLIT || {
        let parts: Vec<Vec<String>> = std::iter::once(&direct)
            .chain(children.values())
            .filter(|p| p.len() >= 3)
            .map(|p| profile(posts, p))
            .collect();
        parts
            .iter()
            .enumerate()
            .all(|(i, a)| parts[i + 1..].iter().all(|b| jaccard(a, b) >= SAME_PROFILE))
    };
    if coherent {
        out.push(Group {
            folder: folder.to_path_buf(),
            recursive: true,
            files,
            more: Vec::new(),
        });
        return;
    }
    if !direct.is_empty() {
        out.push(Group {
            folder: folder.to_path_buf(),
            recursive: false,
            files: direct,
            more: Vec::new(),
        });
    }
    for (child, files) in children {
        split(posts, &child, files, out);
    }
}

/// Folders split apart because of a third one (a site's `blog` beside
/// versioned docs `2.11`, `2.12`...) but alike between themselves become one
/// collection with several globs.
fn merge_alike(posts: &[Post], groups: Vec<Group>) -> Vec<Group> {
    let mut out: Vec<(Group, Vec<String>)> = Vec::new();
    for g in groups {
        let p = profile(posts, &g.files);
        let mergeable = |x: &Group| x.recursive && x.glob().is_some() && x.files.len() >= 3;
        if mergeable(&g)
            && let Some((m, mp)) = out
                .iter_mut()
                .find(|(m, mp)| mergeable(m) && jaccard(mp, &p) >= MERGE_PROFILE)
        {
            m.files.extend(g.files.iter().copied());
            m.more.extend(g.globs());
            *mp = profile(posts, &m.files);
            continue;
        }
        out.push((g, p));
    }
    out.into_iter().map(|(g, _)| g).collect()
}

/// What a value is, for typing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    Date,
    String,
    List,
    Map,
    Integer,
    Number,
    Boolean,
}

impl Kind {
    fn of(v: &Value) -> Option<Kind> {
        Some(match v {
            Value::Null | Value::Alias => return None,
            Value::Timestamp(_) => Kind::Date,
            Value::String(s) if s.trim().is_empty() => return None,
            Value::String(s) if is_date_like(s) => Kind::Date,
            Value::String(_) => Kind::String,
            Value::List(l) if l.is_empty() => return None,
            Value::List(_) => Kind::List,
            Value::Map(_) => Kind::Map,
            Value::Int(_) => Kind::Integer,
            Value::Float(_) => Kind::Number,
            Value::Bool(_) => Kind::Boolean,
        })
    }

    fn word(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::String => "string",
            Kind::List => "list",
            Kind::Map => "map",
            Kind::Integer => "integer",
            Kind::Number => "number",
            Kind::Boolean => "boolean",
        }
    }
}

fn is_date_like(s: &str) -> bool {
    let t = s.trim();
    t.len() >= 8
        && t.len() <= 40
        && t.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && (parse_date(t).is_ok() || DATE_FORMATS.iter().any(|f| parse_with_format(t, f).is_ok()))
}

/// How a date is written, for the comments.
fn date_style(node: &Node) -> String {
    let s = node.value.as_str().unwrap_or_default().trim();
    let quoted = matches!(node.style, Style::SingleQuoted | Style::DoubleQuoted);
    let shape: String = s
        .chars()
        .map(|c| if c.is_ascii_digit() { 'N' } else { c })
        .collect();
    let shape = match shape.as_str() {
        "NNNN-NN-NN" => "2020-03-31".to_string(),
        x if x.starts_with("NNNN-NN-NNTNN:NN:NN") && x.ends_with('Z') => {
            "2020-03-31T10:00:00Z (UTC)".into()
        }
        x if x.starts_with("NNNN-NN-NNTNN:NN") => "2020-03-31T10:00:00+02:00".into(),
        x if x.starts_with("NNNN-NN-NN NN:NN:NN -") || x.starts_with("NNNN-NN-NN NN:NN:NN +") => {
            "2020-03-31 10:00:00 +0200 (Ruby)".into()
        }
        x if x.starts_with("NNNN-NN-NN NN:NN") => "2020-03-31 10:00:00".into(),
        x if x.contains(", NN ") || x.contains(", N ") => {
            "Tue, 31 Mar 2020 10:00:00 +0000 (RFC 2822)".into()
        }
        // Another style: its shape, shown by its first example.
        _ => format!("like `{s}`"),
    };
    if quoted {
        format!("{shape}, quoted")
    } else {
        shape
    }
}

/// The style key of an unusual date: an existing key of the same shape, or
/// this one.
fn shape_key(value: &str, style: &str, seen: &BTreeMap<String, usize>) -> String {
    let mask = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect()
    };
    let shape = mask(value.trim());
    seen.keys()
        .find(|k| {
            k.strip_prefix("like `")
                .and_then(|r| r.split('`').next())
                .is_some_and(|ex| mask(ex) == shape)
        })
        .cloned()
        .unwrap_or_else(|| style.to_string())
}

/// Everything seen of one key in one group.
#[derive(Default)]
struct KeyStats<'a> {
    files: usize,
    non_empty: usize,
    kinds: BTreeMap<Kind, Vec<usize>>,
    /// Text values (and text items of lists) with the files using them.
    values: BTreeMap<String, Vec<usize>>,
    date_styles: BTreeMap<String, usize>,
    date_strings: Vec<&'a str>,
}

struct Inferred {
    group_index: usize,
    required: Vec<String>,
    fields: Vec<Field>,
    filename_date: bool,
    /// Outliers, one comment line each.
    outliers: Vec<String>,
    /// Facts about the group (date styles...).
    notes: Vec<String>,
}

fn file_list(posts: &[Post], files: &[usize]) -> String {
    let mut names: Vec<String> = files
        .iter()
        .take(3)
        .map(|&i| posts[i].rel.display().to_string())
        .collect();
    if files.len() > 3 {
        names.push(format!("and {} more", files.len() - 3));
    }
    names.join(", ")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn infer_group(posts: &[Post], gi: usize, group: &Group) -> Inferred {
    // Files whose front matter does not parse tell nothing about fields
    // (FM002/FM003 report them); files without any count as lacking all.
    let readable: Vec<usize> = group
        .files
        .iter()
        .copied()
        .filter(|&i| posts[i].doc.front_matter.is_none() || root_map(&posts[i].doc).is_some())
        .collect();
    let n = readable.len();
    let mut stats: BTreeMap<&str, KeyStats<'_>> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    let mut dated_names = 0;
    for &i in &group.files {
        let doc = &posts[i].doc;
        if doc
            .path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(filename_date)
            .is_some()
        {
            dated_names += 1;
        }
        let Some(root) = root_map(doc) else { continue };
        let mut seen: Vec<&str> = Vec::new();
        for e in root.entries() {
            if seen.contains(&e.key.as_str()) {
                continue;
            }
            seen.push(&e.key);
            if !order.contains(&e.key.as_str()) {
                order.push(&e.key);
            }
            let st = stats.entry(&e.key).or_default();
            st.files += 1;
            if !e.value.value.is_empty() {
                st.non_empty += 1;
            }
            if let Some(k) = Kind::of(&e.value.value) {
                st.kinds.entry(k).or_default().push(i);
                if k == Kind::Date {
                    let style = date_style(&e.value);
                    let key = match style.strip_prefix("like `") {
                        // Group unknown styles by shape (digits masked), so
                        // `01/18/2026` and `12/12/2022` count as one style.
                        Some(_) => shape_key(
                            e.value.value.as_str().unwrap_or_default(),
                            &style,
                            &st.date_styles,
                        ),
                        None => style,
                    };
                    *st.date_styles.entry(key).or_default() += 1;
                    if let Some(s) = e.value.value.as_str() {
                        st.date_strings.push(s);
                    }
                }
            }
            match &e.value.value {
                Value::String(s) => st.values.entry(s.clone()).or_default().push(i),
                Value::List(items) => {
                    for it in items {
                        if let Value::String(s) = &it.value {
                            st.values.entry(s.clone()).or_default().push(i);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Inferred {
        group_index: gi,
        required: Vec::new(),
        fields: Vec::new(),
        filename_date: false,
        outliers: Vec::new(),
        notes: Vec::new(),
    };
    // Rare keys one typo away from a common key are mistakes, not fields.
    let common: Vec<&str> = stats
        .iter()
        .filter(|(_, s)| s.files * 4 >= n && s.files >= 2)
        .map(|(k, _)| *k)
        .collect();
    for key in &order {
        let Some(st) = stats.get(key) else { continue };
        if st.files * 20 <= n.max(20)
            && let Some(near) = did_you_mean(key, common.iter().copied(), false)
                .or_else(|| common.iter().copied().find(|c| is_number_variant(c, key)))
            && stats.get(near).is_some_and(|s| s.files >= st.files * 5)
        {
            out.outliers.push(format!(
                "{} `{key}`: did you mean `{near}`? ({})",
                plural(st.files, "file uses", "files use"),
                file_list(
                    posts,
                    &st.kinds.values().flatten().copied().collect::<Vec<_>>()
                )
            ));
            continue;
        }
        let mut f = Field {
            name: key.to_string(),
            ..Field::default()
        };
        if st.non_empty as f64 >= REQUIRED_SHARE * n as f64 {
            f.required = true;
            out.required.push(key.to_string());
            let lacking: Vec<usize> = readable
                .iter()
                .copied()
                .filter(|&i| {
                    root_map(&posts[i].doc)
                        .and_then(|r| r.get(key))
                        .is_none_or(|e| e.value.value.is_empty())
                })
                .collect();
            if !lacking.is_empty() {
                out.outliers.push(format!(
                    "{} no `{key}` or an empty one ({})",
                    plural(lacking.len(), "file has", "files have"),
                    file_list(posts, &lacking)
                ));
            }
        }
        infer_type(posts, key, st, &mut f, &mut out.outliers);
        if f.types == ["date"] {
            let mut styles: Vec<(&String, &usize)> = st.date_styles.iter().collect();
            styles.sort_by(|a, b| b.1.cmp(a.1));
            let list: Vec<String> = styles.iter().map(|(s, c)| format!("{s} ({c})")).collect();
            out.notes
                .push(format!("`{key}` dates written {}", list.join(", ")));
            // Dates only another format reads: find the one they all share.
            let other_format = !st.date_strings.is_empty()
                && st.date_strings.iter().all(|s| parse_date(s).is_err());
            if other_format
                && let Some(fmt) = DATE_FORMATS.iter().find(|f| {
                    st.date_strings
                        .iter()
                        .all(|s| parse_with_format(s, f).is_ok())
                })
            {
                f.format = Some(fmt.to_string());
            }
        }
        infer_enum(posts, key, st, &mut f, &mut out.outliers);
        out.fields.push(f);
    }
    if stats.contains_key("date") && dated_names * 2 >= n && n > 0 {
        out.filename_date = true;
        out.notes.push(format!(
            "{} of {n} file names start with a date: it must agree with `date`",
            dated_names
        ));
    }
    out
}

fn infer_type(
    posts: &[Post],
    key: &str,
    st: &KeyStats<'_>,
    f: &mut Field,
    outliers: &mut Vec<String>,
) {
    let total: usize = st.kinds.values().map(Vec::len).sum();
    if total == 0 {
        return;
    }
    let mut kinds: Vec<Kind> = Vec::new();
    for (kind, files) in &st.kinds {
        // A kind used by a handful of files where another dominates is an
        // outlier, except text vs list of texts (`tags: a` / `tags: [a, b]`),
        // and dates vs text (read apart by FM007), which generators take both.
        let rare = files.len() * 50 <= total && files.len() <= 3;
        let dominant = st.kinds.values().any(|v| v.len() * 100 >= total * 95);
        let tolerated = matches!(kind, Kind::String | Kind::List)
            && st.kinds.contains_key(&Kind::String)
            && st.kinds.contains_key(&Kind::List);
        if rare && dominant && !tolerated {
            outliers.push(format!(
                "{} `{key}` as {} {} ({})",
                plural(files.len(), "file has", "files have"),
                if kind.word().starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                },
                kind.word(),
                file_list(posts, files)
            ));
            continue;
        }
        kinds.push(*kind);
    }
    // Dates mixed with text (`date: 2020-03-31T10:00:00Z` is a YAML date,
    // `date: Tue, 31 Mar 2020 ...` a string) keep both types: the site's
    // generator reads both (FM007 still checks the text form).
    if kinds.contains(&Kind::Integer) && kinds.contains(&Kind::Number) {
        kinds.retain(|k| *k != Kind::Integer);
    }
    f.types = kinds.iter().map(|k| k.word()).collect();
}

/// Closed sets of short values (`layout`, `categories`) become `enum`.
fn infer_enum(
    posts: &[Post],
    key: &str,
    st: &KeyStats<'_>,
    f: &mut Field,
    outliers: &mut Vec<String>,
) {
    if !f.types.iter().all(|t| *t == "string" || *t == "list") || f.types.is_empty() {
        return;
    }
    let uses: usize = st.values.values().map(Vec::len).sum();
    let frequent: Vec<&str> = st
        .values
        .iter()
        .filter(|(_, v)| v.len() >= 3)
        .map(|(k, _)| k.as_str())
        .collect();
    let mut typos = Vec::new();
    let mut rare = 0;
    for (value, files) in &st.values {
        if files.len() >= 3 {
            continue;
        }
        match did_you_mean(value, frequent.iter().copied(), false) {
            Some(near) => typos.push((value, near, files)),
            None => rare += 1,
        }
    }
    let closed = frequent.len() <= 8
        && !frequent.is_empty()
        && rare == 0
        && uses >= 20
        && uses >= 5 * frequent.len()
        && frequent
            .iter()
            .all(|v| v.chars().count() <= 40 && v.trim() == *v);
    if !closed {
        return;
    }
    f.allowed = frequent
        .iter()
        .map(|v| Json::String(v.to_string()))
        .collect();
    for (value, near, files) in typos {
        outliers.push(format!(
            "{} `{key}: {value}`: did you mean `{near}`? ({})",
            plural(files.len(), "file has", "files have"),
            file_list(posts, files)
        ));
    }
}

/// Reads every post under `dir` (`.gitignore` honoured, hidden files
/// skipped) and infers its config.
pub fn infer(dir: &Path) -> Result<InitReport, String> {
    let mut paths = Vec::new();
    for entry in ignore::WalkBuilder::new(dir)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build()
    {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        if entry.file_type().is_some_and(|t| t.is_file()) && crate::is_markdown(entry.path()) {
            paths.push(entry.into_path());
        }
    }
    let posts: Vec<Post> = paths
        .par_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let doc = Document::from_bytes(p, &bytes).ok()?;
            let rel = p.strip_prefix(dir).unwrap_or(p).to_path_buf();
            Some(Post { rel, doc })
        })
        .collect();
    if posts.is_empty() {
        return Ok(InitReport {
            text: STARTER.to_string(),
            files: 0,
            collections: 0,
            findings_by_rule: BTreeMap::new(),
            flagged_files: 0,
        });
    }
    // Hugo and Zola section pages (`_index.md`) describe a list, not a
    // post: their keys differ from their folder's pages wherever they are.
    let (sections, pages): (Vec<usize>, Vec<usize>) = (0..posts.len())
        .partition(|&i| posts[i].rel.file_name().is_some_and(|n| n == SECTION_FILE));
    let mut groups = Vec::new();
    split(&posts, Path::new(""), pages, &mut groups);
    let mut groups = merge_alike(&posts, groups);
    // Put the root group (if any) first: it becomes the top-level settings.
    groups.sort_by_key(|g| g.glob().is_some());
    if sections.len() >= 2 {
        // Last, so that it wins over the folder overrides its files are in.
        groups.push(Group {
            folder: PathBuf::from(SECTION_FILE),
            recursive: false,
            files: sections,
            more: Vec::new(),
        });
    } else if let Some(&i) = sections.first() {
        // A lone `_index.md` goes with the other files of its folder.
        let folder = posts[i].rel.parent().unwrap_or(Path::new("")).to_path_buf();
        if let Some(g) = groups
            .iter_mut()
            .find(|g| folder.starts_with(&g.folder) && (g.recursive || g.folder == folder))
        {
            g.files.push(i);
        } else {
            groups.push(Group {
                folder,
                recursive: false,
                files: vec![i],
                more: Vec::new(),
            });
        }
    }
    let inferred: Vec<Inferred> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| infer_group(&posts, i, g))
        .collect();
    let mut off: Vec<(String, usize)> = Vec::new();
    let mut text = render(&posts, &groups, &inferred, &off, &[]);
    // Lint with the config as written; turn off the rules that describe the
    // site's style, then lint again for the figures.
    let by_rule = lint_all(&posts, &text, dir)?.by_rule;
    let limit = (posts.len() as f64 * CONVENTION_SHARE).max(3.0) as usize;
    for (rule, files) in &by_rule {
        // Front-matter rules stay on: their findings are the outliers this
        // config lists as the to-do (a missing title is not a style).
        if *files > limit && !ALWAYS_ON.contains(&rule.as_str()) && !rule.starts_with("FM") {
            off.push((rule.clone(), *files));
        }
    }
    if !off.is_empty() {
        text = render(&posts, &groups, &inferred, &off, &[]);
    }
    let linted = lint_all(&posts, &text, dir)?;
    // The same config again, with what it finds listed per collection (only
    // comments change, so the findings stay the same).
    let text = render(
        &posts,
        &groups,
        &inferred,
        &off,
        &todo_by_group(&groups, &linted),
    );
    let (findings_by_rule, flagged_files) = (linted.by_rule, linted.flagged);
    let summary = summary(&posts, &groups, &findings_by_rule, flagged_files);
    Ok(InitReport {
        text: format!("{summary}{text}"),
        files: posts.len(),
        collections: groups.len(),
        findings_by_rule,
        flagged_files,
    })
}

/// Files with findings by rule, and files with any finding.
fn lint_all(posts: &[Post], text: &str, dir: &Path) -> Result<Linted, String> {
    let cfg = LoadedConfig::from_str(text, &dir.join("frontlint.toml"), dir)
        .map_err(|e| format!("internal error: the inferred config is invalid: {e}\n{text}"))?;
    let checked: Vec<(Vec<&'static str>, Vec<crate::spell::SpellFinding>, u32)> = posts
        .par_iter()
        .map(|p| {
            let fc = cfg.for_file(&p.doc.path);
            let rules: Vec<&'static str> = crate::check_document(&p.doc, &fc)
                .iter()
                .map(|d| d.rule.code)
                .collect();
            // TY002 is decided over the whole run (site vocabulary).
            let unknown = match fc.severity(&crate::rules::spelling::unknown_word::META) {
                Some(_) => crate::rules::spelling::check(&p.doc, &fc)
                    .map(|r| {
                        r.findings
                            .iter()
                            .filter(|f| {
                                matches!(f.kind, crate::spell::FindingKind::UnknownWord { .. })
                            })
                            .cloned()
                            .collect()
                    })
                    .unwrap_or_default(),
                None => Vec::new(),
            };
            (rules, unknown, fc.spell.min_documents)
        })
        .collect();
    let mut vocab = crate::spell::SiteVocabulary::new();
    for (_, unknown, _) in &checked {
        vocab.add_document(unknown);
    }
    let per_file: Vec<Vec<&'static str>> = checked
        .into_iter()
        .map(|(mut rules, mut unknown, min_documents)| {
            if min_documents > 0 {
                vocab.retain_typos(&mut unknown, min_documents);
            }
            if !unknown.is_empty() {
                rules.push(crate::rules::spelling::unknown_word::META.code);
            }
            rules.sort_unstable();
            rules.dedup();
            rules
        })
        .collect();
    let mut by_rule = BTreeMap::new();
    for rules in &per_file {
        for r in rules {
            *by_rule.entry(r.to_string()).or_insert(0) += 1;
        }
    }
    let flagged = per_file.iter().filter(|r| !r.is_empty()).count();
    Ok(Linted {
        by_rule,
        flagged,
        per_file,
    })
}

/// What a lint of every post with a candidate config found.
struct Linted {
    /// Files with findings, by rule code.
    by_rule: BTreeMap<String, usize>,
    /// Files with any finding.
    flagged: usize,
    /// The rule codes found in each post, in post order.
    per_file: Vec<Vec<&'static str>>,
}

/// Per group, files with findings by rule: the to-do list in the comments.
fn todo_by_group(groups: &[Group], linted: &Linted) -> Vec<BTreeMap<&'static str, usize>> {
    groups
        .iter()
        .map(|g| {
            let mut m = BTreeMap::new();
            for &i in &g.files {
                for r in &linted.per_file[i] {
                    *m.entry(*r).or_insert(0) += 1;
                }
            }
            m
        })
        .collect()
}

fn summary(
    posts: &[Post],
    groups: &[Group],
    by_rule: &BTreeMap<String, usize>,
    flagged: usize,
) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# frontlint.toml written by `frontlint init` from {} in {}.",
        plural(posts.len(), "file", "files"),
        plural(groups.len(), "collection", "collections")
    );
    let _ = writeln!(
        s,
        "# Every file passes except the outliers listed below: {} of {} ({:.1}%)",
        flagged,
        posts.len(),
        flagged as f64 * 100.0 / posts.len() as f64
    );
    if !by_rule.is_empty() {
        let list: Vec<String> = by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
        let _ = writeln!(s, "# have findings (files by rule: {}).", list.join(", "));
    } else {
        let _ = writeln!(s, "# have findings.");
    }
    if let Some(g) = guess_generator(posts) {
        let _ = writeln!(
            s,
            "# This looks like a {g} site: `preset = \"{}\"` would add its conventions\n# (check the result with `frontlint` before keeping it).",
            g.to_ascii_lowercase()
        );
    }
    s.push('\n');
    s
}

/// The generator a site's files point to, from its folders and syntax.
fn guess_generator(posts: &[Post]) -> Option<&'static str> {
    let mut jekyll = 0;
    let mut toml = 0;
    let mut zola = 0;
    for p in posts {
        let s = p.rel.to_string_lossy();
        if s.contains("_posts/") {
            jekyll += 1;
        }
        if let Some(fm) = &p.doc.front_matter
            && fm.format == crate::frontmatter::Format::Toml
        {
            toml += 1;
            if root_map(&p.doc).is_some_and(|r| r.get("extra").is_some() || r.get("path").is_some())
            {
                zola += 1;
            }
        }
    }
    let n = posts.len();
    if jekyll * 20 >= n {
        Some("Jekyll")
    } else if zola * 2 >= n {
        Some("Zola")
    } else if toml * 2 >= n {
        Some("Hugo")
    } else {
        None
    }
}

fn render(
    posts: &[Post],
    groups: &[Group],
    inferred: &[Inferred],
    off: &[(String, usize)],
    todo: &[BTreeMap<&'static str, usize>],
) -> String {
    let mut out = String::new();
    let root_first = groups.first().is_some_and(|g| g.glob().is_none());
    if root_first && inferred.first().is_some_and(|i| i.filename_date) {
        // A top-level key: TOML wants it before any table.
        out.push_str("filename_date = true\n\n");
    }
    if !root_first {
        // Files outside every collection: none today, but future ones get
        // the checks every file gets.
        out.push_str("[front_matter]\nunknown_fields = \"allow\"\n\n");
    }
    for inf in inferred {
        let g = &groups[inf.group_index];
        let _ = writeln!(
            out,
            "# {} — {}",
            g.label(),
            plural(g.files.len(), "file", "files")
        );
        for n in &inf.notes {
            let _ = writeln!(out, "# {n}");
        }
        if !inf.outliers.is_empty() {
            out.push_str("# Outliers (flagged until fixed):\n");
            for o in &inf.outliers {
                let _ = writeln!(out, "#   {o}");
            }
        }
        if let Some(found) = todo.get(inf.group_index).filter(|m| !m.is_empty()) {
            let list: Vec<String> = found
                .iter()
                .map(|(code, n)| {
                    let name = crate::rules::find(code).map_or("", |m| m.name);
                    format!("{code} {name} in {}", plural(*n, "file", "files"))
                })
                .collect();
            let _ = writeln!(
                out,
                "# To do, found with these settings: {}",
                list.join(", ")
            );
        }
        let prefix = match g.glob() {
            None => {
                out.push_str("[front_matter]\n");
                ""
            }
            Some(_) => {
                let globs: Vec<String> = g.globs().iter().map(|x| toml_str(x)).collect();
                let _ = writeln!(out, "[[overrides]]\npaths = [{}]", globs.join(", "));
                if inf.filename_date {
                    out.push_str("filename_date = true\n");
                }
                "front_matter."
            }
        };
        let req: Vec<String> = inf.required.iter().map(|r| toml_str(r)).collect();
        let _ = writeln!(out, "{prefix}required = [{}]", req.join(", "));
        let _ = writeln!(out, "{prefix}unknown_fields = \"warn\"");
        for f in &inf.fields {
            let spec = f.inline_spec().unwrap_or_else(|| "{}".into());
            let _ = writeln!(out, "{prefix}fields.{} = {spec}", toml_key(&f.name));
        }
        out.push('\n');
    }
    if !off.is_empty() {
        out.push_str("[rules]\n");
        for (rule, files) in off {
            let name = crate::rules::find(rule).map_or("", |m| m.name);
            let why = match rule.as_str() {
                "LK005" | "LK007" | "LK008" => {
                    "links frontlint cannot resolve without more `[site]` settings \
                     (generator, permalinks, `generated` paths), or real breakage: \
                     check a few, configure `[site]`, then turn it on"
                }
                "LK009" => "`http://` links: switch them to `https://`, then turn it on",
                "TY001" | "TY003" | "TY004" => {
                    "likely real slips, spread over many files (often copied from one docs version to \
                     the next): review them with `frontlint --unsafe-fixes --diff`, fix, \
                     then turn it on"
                }
                "TY002" => {
                    "words the dictionaries lack: list the site's own words in `[spelling] \
                     words` (`frontlint spelling --collect --toml` drafts them), then turn it on"
                }
                _ => "the site's style, not a fault. Turn it on when ready",
            };
            let _ = writeln!(
                out,
                "# {rule} ({name}) flags {} of {} files: {why}.",
                files,
                posts.len()
            );
            let _ = writeln!(out, "{rule} = \"off\"");
        }
    }
    out
}

/// The config written where there are no posts yet.
pub const STARTER: &str = r#"# frontlint.toml — written by `frontlint init` (no posts found yet).
# Uncomment and adapt; `frontlint explain CODE` documents each rule.

# preset = "jekyll"            # jekyll | hugo | zola | astro | eleventy | docusaurus
# timezone = "Europe/Paris"    # the day a datetime falls on, for file-name dates

[front_matter]
# required = ["title", "date"]
# unknown_fields = "warn"      # allow | warn | error
# fields.title = { type = "string", non_empty = true, max_length = 120 }
# fields.date = { type = "date" }
# fields.tags = { type = ["string", "list"] }
# fields.authors = { type = "list", each_file = "_authors/{}.md" }
# schema = "schemas/post.schema.json"

# [[overrides]]
# paths = ["_posts/**"]
# filename_date = true

# [rules]
# LK009 = "off"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_config_is_valid() {
        let c = LoadedConfig::from_str(STARTER, Path::new("frontlint.toml"), Path::new("."));
        assert!(c.is_ok(), "{c:?}");
    }

    #[test]
    fn profiles_compare() {
        let a = vec!["date".to_string(), "title".to_string()];
        let b = vec!["title".to_string(), "role".to_string()];
        assert!((jaccard(&a, &b) - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(jaccard(&[], &[]), 1.0);
    }
}
