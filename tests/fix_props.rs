//! Property test of `--fix`: on random Markdown with random fix-eligible
//! faults (untrimmed title, whitespace inside link text, trailing spaces,
//! invisible characters, no final newline; LF or CRLF; with or without a
//! byte-order mark), applying the safe fixes
//! - changes only bytes inside the spans of the fixes of each round,
//! - glues no words together and drops none,
//! - keeps the byte-order mark and the line endings,
//! - reaches a fixed point: a second run changes nothing.

use std::path::Path;

use frontlint::config::LoadedConfig;
use frontlint::document::{Document, Encoding};
use frontlint::fix::{self, FixOptions};
use frontlint::{FixMode, lint_bytes};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Segment {
    Word(&'static str),
    /// A word with a zero-width space inside it (MK006).
    Hidden(&'static str),
    /// `[text](url)` with spaces or a tab inside the brackets (LK004),
    /// maybe in bold (`**[text ](url)**`).
    Link {
        text: &'static str,
        url: &'static str,
        lead: &'static str,
        trail: &'static str,
        bold: bool,
    },
}

const WORDS: &[&str] = &["mot", "été", "La", "MedNum", "café", "équipe", "data", "x1"];
const URLS: &[&str] = &[
    "https://lamednum.coop",
    "https://example.org/a_b",
    "/docs/x/",
];
const PADS: &[&str] = &["", "", " ", "  ", "\t"];
const SEPS: &[&str] = &[" ", " ", "", ", ", ". ", " (", ") "];

fn segment() -> impl Strategy<Value = Segment> {
    prop_oneof![
        3 => prop::sample::select(WORDS).prop_map(Segment::Word),
        1 => prop::sample::select(WORDS).prop_map(Segment::Hidden),
        2 => (
            prop::sample::select(WORDS),
            prop::sample::select(URLS),
            prop::sample::select(PADS),
            prop::sample::select(PADS),
            prop::bool::weighted(0.2),
        )
            .prop_map(|(text, url, lead, trail, bold)| Segment::Link { text, url, lead, trail, bold }),
    ]
}

/// A paragraph line: segments with the separator after each, then the
/// trailing spaces.
type Line = (Vec<(Segment, &'static str)>, &'static str);

fn line() -> impl Strategy<Value = Line> {
    (
        prop::collection::vec((segment(), prop::sample::select(SEPS)), 1..8),
        prop::sample::select(&["", "", " ", "  ", "   ", "\t"][..]),
    )
}

#[derive(Debug, Clone)]
struct Post {
    bom: bool,
    crlf: bool,
    title_pad: (&'static str, &'static str),
    paragraphs: Vec<Vec<Line>>,
    final_newline: bool,
}

fn post() -> impl Strategy<Value = Post> {
    (
        any::<bool>(),
        any::<bool>(),
        (prop::sample::select(PADS), prop::sample::select(PADS)),
        prop::collection::vec(prop::collection::vec(line(), 1..4), 1..5),
        any::<bool>(),
    )
        .prop_map(|(bom, crlf, title_pad, paragraphs, final_newline)| Post {
            bom,
            crlf,
            title_pad,
            paragraphs,
            final_newline,
        })
}

/// The text of a post.
fn render(p: &Post) -> String {
    let nl = if p.crlf { "\r\n" } else { "\n" };
    let mut t = String::new();
    if p.bom {
        t.push('\u{feff}');
    }
    t.push_str(&format!(
        "---{nl}title: '{}Le titre{}'{nl}---{nl}",
        p.title_pad.0.replace('\t', " "),
        p.title_pad.1.replace('\t', " ")
    ));
    for para in &p.paragraphs {
        t.push_str(nl);
        for (segments, trailing) in para {
            for (seg, sep) in segments {
                match seg {
                    Segment::Word(w) => t.push_str(w),
                    Segment::Hidden(w) => {
                        let mut cs = w.chars();
                        if let Some(c) = cs.next() {
                            t.push(c);
                        }
                        t.push('\u{200B}');
                        t.push_str(cs.as_str());
                    }
                    Segment::Link {
                        text,
                        url,
                        lead,
                        trail,
                        bold,
                    } => {
                        let b = if *bold { "**" } else { "" };
                        t.push_str(&format!("{b}[{lead}{text}{trail}]({url}){b}"))
                    }
                }
                t.push_str(sep);
            }
            t.push_str(trailing);
            t.push_str(nl);
        }
    }
    if !p.final_newline {
        t.truncate(t.trim_end_matches(['\r', '\n']).len());
    }
    t
}

/// The words a reader sees: the text of the title and of every paragraph
/// (link text included, destinations not), invisible characters dropped. A
/// fix that glues `[MedNum ](url)et` into "MedNumet" changes this list.
fn reader_words(text: &str) -> Vec<String> {
    let doc = Document::from_text(Path::new("post.md"), text.to_string(), Encoding::Utf8);
    let title = text
        .lines()
        .find_map(|l| l.strip_prefix("title: "))
        .unwrap_or("");
    let mut all = title.to_string();
    for p in &doc.scan.paragraphs {
        all.push('\n');
        all.push_str(&p.text);
    }
    all.replace('\u{200B}', "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn fixes_touch_only_their_spans_and_reach_a_fixed_point(p in post()) {
        let text = render(&p);
        let path = Path::new("post.md");
        let cfg = LoadedConfig::defaults(Path::new(".")).for_file(path);

        // Round by round, as the fixer does: every change lies inside a
        // span of a safe fix of that round.
        let mut current = text.clone();
        for _ in 0..8 {
            let doc = Document::from_text(path, current.clone(), Encoding::Utf8);
            let diags = frontlint::check_document(&doc, &cfg);
            let spans: Vec<_> = diags
                .iter()
                .filter_map(|d| d.fix.as_ref())
                .filter(|f| f.safe)
                .map(|f| f.span)
                .collect();
            let (next, n) = fix::apply(&current, &diags, FixOptions::default());
            if n == 0 {
                break;
            }
            let diff = similar::TextDiff::from_chars(current.as_str(), next.as_str());
            for op in diff.ops() {
                let old = op.old_range();
                if matches!(op.tag(), similar::DiffTag::Equal) {
                    continue;
                }
                // Character indexes → byte offsets.
                let byte = |i: usize| current.char_indices().nth(i).map_or(current.len(), |(b, _)| b);
                let (a, b) = (byte(old.start), byte(old.end));
                prop_assert!(
                    spans.iter().any(|s| s.start <= a && b <= s.end),
                    "change at {a}..{b} outside every fix span {spans:?}\n{current:?}\n→ {next:?}"
                );
            }
            current = next;
        }

        // The library's own loop gives the same text, and a second run is a
        // no-op.
        let mode = Some(FixMode { options: FixOptions::default(), write: true });
        let first = lint_bytes(path, text.as_bytes(), &cfg, mode);
        let fixed = first.text.as_deref().unwrap_or(&text).to_string();
        prop_assert_eq!(&fixed, &current);
        let second = lint_bytes(path, fixed.as_bytes(), &cfg, mode);
        prop_assert_eq!(second.fixed, 0);
        prop_assert!(second.text.as_deref().is_none_or(|t| t == fixed));
        prop_assert!(
            second.diagnostics.iter().all(|d| d.fix.as_ref().is_none_or(|f| !f.safe)),
            "safe fixes left: {:?}", second.diagnostics
        );

        // No word glued to its neighbour or lost; BOM and line endings kept.
        prop_assert_eq!(reader_words(&fixed), reader_words(&text));
        prop_assert_eq!(fixed.starts_with('\u{feff}'), p.bom);
        if p.crlf {
            prop_assert!(!fixed.replace("\r\n", "").contains('\n'), "a bare LF in a CRLF file");
        } else {
            prop_assert!(!fixed.contains('\r'));
        }
        prop_assert!(fixed.ends_with('\n'));
    }
}
