//! Prose tokenizer for spelling.
//!
//! Owns the decision of *what* in a prose run is a word worth checking. A run
//! is split on whitespace into chunks; a chunk that looks like a URL, an
//! email, a mention, a hashtag, a path, a domain or file name (`beta.gouv.fr`,
//! `Cargo.toml`), a template tag (`{{ x }}`, `{% x %}`) or code (`a_b`,
//! `x::y`, `f(x)`) yields no word at all. Other chunks yield *pieces*:
//! letters joined by inner apostrophes or hyphens (`aujourd'hui`,
//! `l’équipe`, `quelques-unes`, `don't`), so elisions and compounds reach the
//! checker whole and the checker decides how to split them.
//!
//! It does not look words up and does not know the language; it also records,
//! per piece, the context the proper-noun heuristic needs (sentence start,
//! title-case line, link text).

use std::ops::Range;

/// A candidate word found in prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Byte range in the whole file.
    pub range: Range<usize>,
    /// Index of the run it came from.
    pub run: usize,
    /// First word of a sentence, list item, table cell or paragraph: its
    /// capital letter says nothing about it being a name.
    pub sentence_start: bool,
    /// In a heading or a front-matter value, where Title Case is common.
    pub title_context: bool,
    /// Inside the text of a link.
    pub in_link_text: bool,
}

/// Characters that may join two parts of one word.
pub fn is_joiner(c: char) -> bool {
    // The middle dot joins French inclusive endings (`usager·es`).
    matches!(c, '\'' | '’' | 'ʼ' | '-' | '\u{2011}' | '·')
}

/// Letters and digits, plus combining marks so that decomposed accents
/// (`e` + U+0301) stay inside their word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Stripped from both ends of a chunk before it is classified.
fn is_edge_punct(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '\''
            | '«'
            | '»'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '‹'
            | '›'
            | '¿'
            | '¡'
            | '*'
            | '_'
            | '~'
            | '<'
            | '>'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '.'
            | '…'
            | '\\'
            | '+'
            | '-'
            | '–'
            | '—'
            | '|'
            | '`'
    )
}

/// A character that, inside a chunk, marks it as code or markup rather than
/// prose.
fn is_code_char(c: char) -> bool {
    matches!(
        c,
        '@' | '#'
            | '_'
            | '='
            | '<'
            | '>'
            | '{'
            | '}'
            | '['
            | ']'
            | '|'
            | '~'
            | '^'
            | '$'
            | '%'
            | '&'
            | '+'
            | '*'
            | '`'
            | '\\'
            | ':'
            | '('
            | ')'
    )
}

/// Byte ranges (relative to `text`) of template tags: `{{ … }}`, `{% … %}`,
/// `{# … #}`, and Hugo's `{{< … >}}` / `{{% … %}}`, which may hold spaces.
fn template_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'{' && matches!(bytes[i + 1], b'{' | b'%' | b'#') {
            let close: &[u8] = match bytes[i + 1] {
                b'{' => b"}}",
                b'%' => b"%}",
                _ => b"#}",
            };
            let end = bytes[i + 2..]
                .windows(2)
                .position(|w| w == close)
                .map_or(text.len(), |p| i + 2 + p + 2);
            spans.push(i..end);
            i = end;
        } else {
            i += 1;
        }
    }
    spans
}

/// Whether a trimmed chunk is a URL, email, path, domain, file name or code.
fn is_non_prose(core: &str) -> bool {
    if core.contains("://") || core.starts_with("www.") || core.starts_with("mailto:") {
        return true;
    }
    let chars: Vec<char> = core.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if is_code_char(c) {
            return true;
        }
        // `beta.gouv.fr`, `Cargo.toml`, `v1.2`, `e.g`: a dot between two word
        // characters.
        if c == '.'
            && i > 0
            && i + 1 < chars.len()
            && is_word_char(chars[i - 1])
            && is_word_char(chars[i + 1])
        {
            return true;
        }
    }
    // `src/main`, `/usr`, `and/or`: a slash joins path segments far more
    // often than words, and the words of `and/or` are not worth a false alarm
    // on every path.
    core.contains('/')
}

/// Where a sentence (or block) begins: a capital letter there is not evidence
/// of a name. Looks backwards through the whole file from `start`.
fn is_sentence_start(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let line_prefix = &before[line_start..];
    // First word of a list item, table cell, quote or heading.
    let trimmed = line_prefix.trim_start();
    if line_prefix_is_marker(trimmed) {
        return true;
    }
    let mut crossed_newline = false;
    for c in before.chars().rev() {
        match c {
            ' ' | '\t' | '\r' | '*' | '_' | '[' | '(' | '"' | '\'' | '«' | '“' | '‘' | '`'
            | '\u{a0}' | '\u{202f}' => {}
            '\n' => {
                if crossed_newline {
                    // A blank line: new paragraph.
                    return true;
                }
                crossed_newline = true;
            }
            '.' | '!' | '?' | '…' | ':' | '|' | '>' | '#' | '—' | '–' | '-' => return true,
            _ => return false,
        }
    }
    true
}

/// `- `, `* `, `+ `, `1. `, `> `, `# `, `| ` and nothing else before the word
/// on its line.
fn line_prefix_is_marker(prefix: &str) -> bool {
    let is_marker = |p: &str| {
        let digits = p.trim_start_matches(|c: char| c.is_ascii_digit());
        !p.is_empty()
            && (matches!(p, "-" | "*" | "+" | ">" | "|" | "\\-")
                || p.chars().all(|c| c == '#')
                || (digits.len() < p.len() && matches!(digits, "." | ")")))
    };
    let p = prefix.trim_end();
    if is_marker(p) {
        return true;
    }
    // `* **Word`, `- [Word`: emphasis or a bracket after the marker.
    let inner = p
        .trim_end_matches(['*', '_', '[', '(', '"', '«', '“', '\''])
        .trim_end();
    inner.len() < p.len() && is_marker(inner)
}

/// Whether the line holding `start` is a Markdown heading.
fn on_heading_line(text: &str, start: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
    text[line_start..start].trim_start().starts_with('#')
}

/// Splits the prose run `run_range` of `text` into pieces and appends them to
/// `out`; the absolute ranges of chunks that are not prose (URLs, paths,
/// code, template tags) go to `skipped`.
pub fn tokenize_run(
    text: &str,
    run_range: Range<usize>,
    run: usize,
    front_matter: bool,
    in_link_text: bool,
    out: &mut Vec<Piece>,
    skipped: &mut Vec<Range<usize>>,
) {
    let Some(run_text) = text.get(run_range.clone()) else {
        return;
    };
    let base = run_range.start;
    let templates = template_spans(run_text);
    let mut pos = 0;
    while pos < run_text.len() {
        // Next chunk: a maximal run of non-whitespace.
        let Some(rel) = run_text[pos..].find(|c: char| !c.is_whitespace()) else {
            break;
        };
        let start = pos + rel;
        let end = run_text[start..]
            .find(char::is_whitespace)
            .map_or(run_text.len(), |e| start + e);
        pos = end;
        if let Some(t) = templates.iter().find(|t| t.start < end && start < t.end) {
            // Skip the whole tag, spaces included.
            skipped.push(base + t.start..base + t.end);
            pos = pos.max(t.end);
            continue;
        }
        let chunk = &run_text[start..end];
        let core_start = chunk
            .find(|c: char| !is_edge_punct(c))
            .unwrap_or(chunk.len());
        let core_end = chunk
            .rfind(|c: char| !is_edge_punct(c))
            .map_or(core_start, |i| {
                i + chunk[i..].chars().next().map_or(1, char::len_utf8)
            });
        if core_start >= core_end {
            continue;
        }
        let core = &chunk[core_start..core_end];
        // A chunk starting with `@` or `#` (mention, hashtag) or holding a URL
        // is never prose, even after trimming.
        if chunk.starts_with(['@', '#']) || is_non_prose(core) {
            skipped.push(base + start..base + end);
            continue;
        }
        let abs_core = base + start + core_start;
        split_pieces(core, abs_core, |range| {
            out.push(Piece {
                sentence_start: is_sentence_start(text, range.start),
                title_context: front_matter || on_heading_line(text, range.start),
                in_link_text,
                run,
                range,
            });
        });
    }
}

/// Emits the word pieces of a prose chunk: word characters joined by inner
/// apostrophes and hyphens.
fn split_pieces(core: &str, abs: usize, mut emit: impl FnMut(Range<usize>)) {
    let chars: Vec<(usize, char)> = core.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i].1) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if is_word_char(c) {
                j += 1;
            } else if is_joiner(c) && j + 1 < chars.len() && is_word_char(chars[j + 1].1) {
                j += 2;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(core.len(), |&(b, _)| b);
        emit(abs + start..abs + end);
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize_run(
            text,
            0..text.len(),
            0,
            false,
            false,
            &mut out,
            &mut Vec::new(),
        );
        out.iter().map(|p| &text[p.range.clone()]).collect()
    }

    #[test]
    fn french_elisions_and_hyphens_stay_whole() {
        assert_eq!(
            words("Aujourd'hui l'équipe d’adaptation, quelques-unes ! Découvrez-en."),
            vec![
                "Aujourd'hui",
                "l'équipe",
                "d’adaptation",
                "quelques-unes",
                "Découvrez-en"
            ]
        );
    }

    #[test]
    fn english_contractions_and_possessives() {
        assert_eq!(
            words("Don't touch Rust's \"users'\" code—it's fine."),
            vec!["Don't", "touch", "Rust's", "users", "code", "it's", "fine"]
        );
    }

    #[test]
    fn urls_emails_domains_paths_are_skipped() {
        let text = "Voir https://x.org/a et beta.gouv.fr, écrire à a.b@c.fr ou @bob \
                    #Covid19 dans src/main.rs ou ./run.sh et Cargo.toml (www.site.com)";
        assert_eq!(
            words(text),
            vec!["Voir", "et", "écrire", "à", "ou", "dans", "ou", "et"]
        );
    }

    #[test]
    fn code_like_chunks_are_skipped() {
        assert_eq!(
            words("call foo_bar() or Vec::new then a=b and x<y"),
            vec!["call", "or", "then", "and"]
        );
    }

    #[test]
    fn template_tags_are_skipped_with_their_spaces() {
        assert_eq!(
            words("Lire {{ '/docs/x/' | relative_url }} puis {% post_url 2020-01-01-x %} fin"),
            vec!["Lire", "puis", "fin"]
        );
    }

    #[test]
    fn digits_acronyms_and_camel_case_are_still_pieces() {
        // Classification (skip or check) is the checker's job.
        assert_eq!(
            words("COVID-19 DGCCRF MedNum covid19"),
            vec!["COVID-19", "DGCCRF", "MedNum", "covid19"]
        );
    }

    #[test]
    fn slashed_chunks_are_paths() {
        assert_eq!(words("and/or src/main /usr fin"), vec!["fin"]);
    }

    #[test]
    fn ranges_are_absolute_and_on_char_boundaries() {
        let text = "xx « été » yy";
        let mut out = Vec::new();
        tokenize_run(
            text,
            3..text.len(),
            2,
            false,
            true,
            &mut out,
            &mut Vec::new(),
        );
        let got: Vec<&str> = out.iter().map(|p| &text[p.range.clone()]).collect();
        assert_eq!(got, vec!["été", "yy"]);
        assert!(out.iter().all(|p| p.run == 2 && p.in_link_text));
    }

    #[test]
    fn sentence_starts() {
        let text = "Hello there. Bob said: Yes\n\n- Item one\nand More\n* **Bold** x\n* name";
        let mut out = Vec::new();
        tokenize_run(
            text,
            0..text.len(),
            0,
            false,
            false,
            &mut out,
            &mut Vec::new(),
        );
        let starts: Vec<(&str, bool)> = out
            .iter()
            .map(|p| (&text[p.range.clone()], p.sentence_start))
            .collect();
        assert_eq!(
            starts,
            vec![
                ("Hello", true),
                ("there", false),
                ("Bob", true),
                ("said", false),
                ("Yes", true),
                ("Item", true),
                ("one", false),
                ("and", false),
                ("More", false),
                ("Bold", true),
                ("x", false),
                ("name", true)
            ]
        );
    }

    #[test]
    fn heading_lines_are_title_context() {
        let text = "## Faster Builds\nSome text";
        let mut out = Vec::new();
        tokenize_run(
            text,
            0..text.len(),
            0,
            false,
            false,
            &mut out,
            &mut Vec::new(),
        );
        assert!(out[1].title_context);
        assert!(!out[2].title_context);
    }
}
