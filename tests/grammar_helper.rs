//! Test and bench helper: a simple stand-in for the Markdown scan that turns a
//! post into [`ProseParagraph`]s, until the core's scan provides exact pieces.
//!
//! It skips the front matter, code blocks, HTML and images; keeps the text of
//! paragraphs, headings, list items and table cells; keeps a link's text and
//! leaves its destination out (it lies between two pieces); and masks inline
//! code, URLs, domain names and template tags. Other tests and the benchmark
//! include it with `#[path = "grammar_helper.rs"] mod helper;`.
#![allow(dead_code)]

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use frontlint::grammar::ProseParagraph;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

/// Byte offset where the body starts, after a `---` (YAML) or `+++` (TOML)
/// front matter if any.
pub fn body_start(text: &str) -> usize {
    for fence in ["---", "+++"] {
        let Some(rest) = text
            .strip_prefix(fence)
            .and_then(|r| r.strip_prefix('\n').or_else(|| r.strip_prefix("\r\n")))
        else {
            continue;
        };
        let mut offset = text.len() - rest.len();
        for line in rest.split_inclusive('\n') {
            offset += line.len();
            if line.trim_end() == fence {
                return offset;
            }
        }
    }
    0
}

fn unchecked_words() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)\b(?:https?://|www\.)[^\s<>()\]]+",
            r"|\{\{.*?\}\}|\{%.*?%\}",
            r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:fr|com|org|io|net|coop|eu|dev|app|gouv)\b(?:/[^\s<>()\]]*)?",
            r"|\S+@\S+\.\w+",
        ))
        .unwrap_or_else(|e| panic!("helper regex: {e}"))
    })
}

/// The prose paragraphs of a Markdown post, with file byte ranges.
pub fn prose_paragraphs(text: &str) -> Vec<ProseParagraph> {
    let base = body_start(text);
    let body = &text[base..];
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out = Vec::new();
    let mut current = ProseParagraph::default();
    // Depth inside blocks whose text is not prose (code, HTML, images).
    let mut skip = 0usize;

    let flush = |current: &mut ProseParagraph, out: &mut Vec<ProseParagraph>| {
        if !current.pieces.is_empty() {
            out.push(std::mem::take(current));
        }
        *current = ProseParagraph::default();
    };

    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + base..range.end + base;
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. }) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image) => {
                skip = skip.saturating_sub(1)
            }
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell)
            | Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => flush(&mut current, &mut out),
            Event::Text(t) if skip == 0 => {
                let file_slice = &text[range.clone()];
                // Escapes and entities make the event text differ from the
                // file; keep the part that is literally in the file.
                let piece = if file_slice == t.as_ref() {
                    range
                } else if file_slice.ends_with(t.as_ref()) {
                    range.end - t.len()..range.end
                } else {
                    continue;
                };
                for m in unchecked_words().find_iter(&text[piece.clone()]) {
                    current
                        .masks
                        .push(piece.start + m.start()..piece.start + m.end());
                }
                current.pieces.push(piece);
            }
            Event::Code(_) if skip == 0 => {
                current.masks.push(range.clone());
                current.pieces.push(range);
            }
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    out
}

/// Whether a post is in English rather than French, by counting a few very
/// common words of each (the corpus has no `lang` field; the core will decide
/// the language properly).
pub fn looks_english(text: &str) -> bool {
    let (mut en, mut fr) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphabetic()) {
        match word.to_lowercase().as_str() {
            "the" | "and" | "of" | "is" | "to" => en += 1,
            "le" | "la" | "les" | "des" | "et" | "est" => fr += 1,
            _ => {}
        }
    }
    en > fr
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// `../shared` relative to the crate root, when present.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: ../shared not found next to the crate");
        None
    }
}

/// Whether grammalecte-cli can be run; says so clearly when it cannot.
pub fn grammalecte_or_skip() -> bool {
    let ok = frontlint::grammar::grammalecte_available(&Default::default());
    if !ok {
        eprintln!("SKIPPED: grammalecte-cli not installed (apt-get install grammalecte-cli)");
    }
    ok
}

/// The Markdown posts of the betagouv corpus, sorted, with their text.
pub fn betagouv_posts(shared: &Path) -> Vec<(PathBuf, String)> {
    let dir = shared.join("corpus/betagouv/content/_posts");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| Some((p.clone(), std::fs::read_to_string(&p).ok()?)))
        .collect()
}

/// A range as text, for messages.
pub fn show(text: &str, range: &Range<usize>) -> String {
    text.get(range.clone()).unwrap_or("<bad range>").to_owned()
}
