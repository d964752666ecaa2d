//! Heading ids as each site generator builds them, duplicates included.
//!
//! - `github`: GitHub and most CommonMark tools (github-slugger): lower-case,
//!   drop punctuation and symbols, keep letters (accents too), digits, `_`
//!   and `-`, one `-` per space; repeats get `-1`, `-2`...
//! - `kramdown-gfm`: Jekyll's default (kramdown with its GFM parser): like
//!   GitHub, but `--` and `---` become dashes first (and are then dropped),
//!   tabs count as spaces; repeats get `-1`, `-2`... without checking clashes.
//! - `kramdown`: kramdown's own parser: ASCII letters, digits, spaces and
//!   `-` only, leading non-letters dropped, computed from the heading's
//!   source text; `section` when nothing is left.
//! - `hugo`: Hugo's Goldmark (`autoHeadingIDType = "github"`): letters,
//!   digits and `_` kept, spaces and `-` give `-`; `heading` when empty;
//!   repeats get the first free `-N`.
//! - `hugo-blackfriday`: Hugo with `autoHeadingIDType = "blackfriday"`,
//!   kept by sites written for Hugo's first Markdown engine: runs of
//!   anything but letters and digits give one `-`, none at either end.
//! - `zola`: Zola's default (`slugify.anchors = "on"`): the same on text
//!   transliterated to ASCII first (`é` → `e`, `ß` → `ss`).

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SlugStyle {
    Github,
    KramdownGfm,
    Kramdown,
    Hugo,
    HugoBlackfriday,
    Zola,
}

impl SlugStyle {
    pub fn name(self) -> &'static str {
        match self {
            SlugStyle::Github => "github",
            SlugStyle::KramdownGfm => "kramdown-gfm",
            SlugStyle::Kramdown => "kramdown",
            SlugStyle::Hugo => "hugo",
            SlugStyle::HugoBlackfriday => "hugo-blackfriday",
            SlugStyle::Zola => "zola",
        }
    }
}

/// Combining marks (accents written as separate code points), which GitHub
/// and kramdown keep as part of a word.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The id of one heading before duplicates are numbered. `text` is the
/// rendered text of the heading, `raw` its source (kramdown reads that).
pub fn base_slug(style: SlugStyle, text: &str, raw: &str) -> String {
    match style {
        SlugStyle::Github => text
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '_' || c == '-' || is_mark(c) => Some(c),
                _ => None,
            })
            .collect(),
        SlugStyle::KramdownGfm => {
            // Typographic replacements happen before the id is computed;
            // the dashes they give are then dropped as punctuation.
            let typo = text.replace("---", "\u{2014}").replace("--", "\u{2013}");
            typo.to_lowercase()
                .chars()
                .filter_map(|c| match c {
                    ' ' | '\t' => Some('-'),
                    c if c.is_alphanumeric() || c == '_' || c == '-' || is_mark(c) => Some(c),
                    _ => None,
                })
                .collect()
        }
        SlugStyle::Kramdown => {
            let s = raw.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
            let id: String = s
                .chars()
                .filter_map(|c| match c {
                    ' ' => Some('-'),
                    c if c.is_ascii_alphanumeric() || c == '-' => Some(c.to_ascii_lowercase()),
                    _ => None,
                })
                .collect();
            if id.is_empty() {
                "section".to_string()
            } else {
                id
            }
        }
        SlugStyle::HugoBlackfriday => {
            let id = dashed(text.chars());
            if id.is_empty() {
                "heading".to_string()
            } else {
                id
            }
        }
        SlugStyle::Zola => dashed(text.chars().flat_map(|c| {
            let t = transliterate(c).unwrap_or("");
            let one = if t.is_empty() && c.is_ascii() {
                Some(c)
            } else {
                None
            };
            one.into_iter().chain(t.chars())
        })),
        SlugStyle::Hugo => {
            let mut id = String::with_capacity(text.len());
            for c in text.chars() {
                if c == '-' || c == ' ' || c == '\t' {
                    id.push('-');
                } else if c == '_' || c.is_alphanumeric() {
                    id.extend(c.to_lowercase());
                }
            }
            if id.is_empty() {
                "heading".to_string()
            } else {
                id
            }
        }
    }
}

/// Lower-cased letters and digits, each run of anything else one `-`,
/// none at either end.
fn dashed(chars: impl Iterator<Item = char>) -> String {
    let mut id = String::new();
    let mut dash = false;
    for c in chars {
        if c.is_alphanumeric() {
            if dash && !id.is_empty() {
                id.push('-');
            }
            dash = false;
            id.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    id
}

/// ASCII for the accented Latin letters of European languages; `None` for
/// characters outside that table (ASCII ones included).
pub fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
        'ď' | 'đ' | 'ð' => "d",
        'Ď' | 'Đ' | 'Ð' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
        'ł' | 'ĺ' | 'ļ' | 'ľ' => "l",
        'Ł' | 'Ĺ' | 'Ļ' | 'Ľ' => "L",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => "O",
        'œ' => "oe",
        'Œ' => "OE",
        'ŕ' | 'ř' => "r",
        'Ŕ' | 'Ř' => "R",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' => "S",
        'ß' => "ss",
        'ţ' | 'ť' => "t",
        'Ţ' | 'Ť' => "T",
        'þ' => "th",
        'Þ' => "TH",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "z",
        'Ź' | 'Ż' | 'Ž' => "Z",
        '’' | '‘' => "'",
        '“' | '”' | '«' | '»' => "\"",
        '–' | '—' | '…' | '\u{a0}' => "-",
        _ => return None,
    })
}

/// Whether the id of `text` can be worked out offline in `style`: Zola
/// transliterates every script and even emoji (🦀 gives `crab`), and only
/// European letters and punctuation are known here.
pub fn knowable(style: SlugStyle, text: &str) -> bool {
    style != SlugStyle::Zola
        || text
            .chars()
            .all(|c| c.is_ascii() || transliterate(c).is_some())
}

/// Gives each heading of one page its id, numbering repeats the way the
/// chosen generator does.
#[derive(Debug)]
pub struct Slugger {
    style: SlugStyle,
    counts: HashMap<String, usize>,
    taken: HashSet<String>,
}

impl Slugger {
    pub fn new(style: SlugStyle) -> Slugger {
        Slugger {
            style,
            counts: HashMap::new(),
            taken: HashSet::new(),
        }
    }

    /// Records an explicit id (`{#id}`): Hugo numbers later automatic ids
    /// around it.
    pub fn reserve(&mut self, id: &str) {
        if matches!(
            self.style,
            SlugStyle::Hugo | SlugStyle::HugoBlackfriday | SlugStyle::Zola
        ) {
            self.taken.insert(id.to_string());
        }
    }

    /// The id of the next heading.
    pub fn slug(&mut self, text: &str, raw: &str) -> String {
        let base = base_slug(self.style, text, raw);
        match self.style {
            SlugStyle::Github => {
                let mut result = base.clone();
                while self.counts.contains_key(&result) {
                    let n = self.counts.entry(base.clone()).or_insert(0);
                    *n += 1;
                    result = format!("{base}-{n}");
                }
                self.counts.insert(result.clone(), 0);
                result
            }
            SlugStyle::Kramdown | SlugStyle::KramdownGfm => match self.counts.get_mut(&base) {
                Some(n) => {
                    *n += 1;
                    format!("{base}-{n}")
                }
                None => {
                    self.counts.insert(base.clone(), 0);
                    base
                }
            },
            SlugStyle::Hugo | SlugStyle::HugoBlackfriday | SlugStyle::Zola => {
                let mut result = base.clone();
                let mut i = 1;
                while self.taken.contains(&result) {
                    result = format!("{base}-{i}");
                    i += 1;
                }
                self.taken.insert(result.clone());
                result
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(style: SlugStyle, headings: &[&str]) -> Vec<String> {
        let mut s = Slugger::new(style);
        headings.iter().map(|h| s.slug(h, h)).collect()
    }

    #[test]
    fn github() {
        assert_eq!(
            ids(
                SlugStyle::Github,
                &[
                    "Kernel Density Estimator (KDE)",
                    "Café & crème",
                    "A -- B",
                    "x",
                    "x",
                    "x-1"
                ]
            ),
            vec![
                "kernel-density-estimator-kde",
                "café--crème",
                "a----b",
                "x",
                "x-1",
                "x-1-1"
            ]
        );
    }

    #[test]
    fn kramdown_gfm() {
        assert_eq!(
            ids(
                SlugStyle::KramdownGfm,
                &["Étape 1 : installer", "A -- B", "x", "x"]
            ),
            vec!["étape-1--installer", "a--b", "x", "x-1"]
        );
    }

    #[test]
    fn kramdown() {
        assert_eq!(
            ids(
                SlugStyle::Kramdown,
                &["1. Étape finale", "Café crème", "!!!", "x", "x"]
            ),
            vec!["tape-finale", "caf-crme", "section", "x", "x-1"]
        );
    }

    #[test]
    fn hugo() {
        let mut s = Slugger::new(SlugStyle::Hugo);
        s.reserve("x-1");
        assert_eq!(s.slug("Été (2024)", ""), "été-2024");
        assert_eq!(s.slug("x", ""), "x");
        assert_eq!(s.slug("x", ""), "x-2");
        assert_eq!(s.slug("?", ""), "heading");
    }

    #[test]
    fn zola() {
        assert_eq!(
            ids(
                SlugStyle::Zola,
                &[
                    "What's next?",
                    "Contributors to 1.31.0",
                    "Étape ß",
                    "x",
                    "x"
                ]
            ),
            vec![
                "what-s-next",
                "contributors-to-1-31-0",
                "etape-ss",
                "x",
                "x-1"
            ]
        );
        assert!(!knowable(SlugStyle::Zola, "Rust 中文"));
        assert!(knowable(SlugStyle::Zola, "Étape — ß!"));
        assert!(!knowable(SlugStyle::Zola, "I-unsound issues (🦀)"));
    }

    #[test]
    fn hugo_blackfriday() {
        assert_eq!(
            ids(
                SlugStyle::HugoBlackfriday,
                &[
                    "Upgrade notice: stable-2.14.0",
                    "Namers & addresses",
                    "Été (2024)",
                    "x",
                    "x"
                ]
            ),
            vec![
                "upgrade-notice-stable-2-14-0",
                "namers-addresses",
                "été-2024",
                "x",
                "x-1"
            ]
        );
    }
}
