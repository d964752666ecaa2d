//! Repeated words (TY003) and repeated punctuation (TY004).
//!
//! Owns the two mechanical checks that need no dictionary. Both produce exact
//! edits: a repeated word is removed together with the whitespace before it
//! (`le le chat` → `le chat`), a repeated mark collapses to one and a space
//! before a comma is removed (`respecté,, vente` → `respecté, vente`), so a
//! fix never glues two words together. French spacing before `;:!?` is
//! correct French and never flagged.

use std::ops::Range;

use super::Lang;
use super::tokenize::Piece;

/// A finding of this module before it becomes a `SpellFinding`.
pub struct RepeatHit {
    pub range: Range<usize>,
    pub word: String,
    pub replacement: String,
}

/// Words whose doubling is grammatical: `nous nous sommes`, `vous vous
/// trompez`; English `that that` ("he said that that was fine") and `had had`.
fn legit_repeat(lang: &Lang, lower: &str) -> bool {
    // Doubled on purpose in any language: `bla bla`, `ha ha`.
    if matches!(
        lower,
        "bla" | "blah" | "ha" | "hah" | "ho" | "hop" | "toc" | "tic" | "chop"
    ) {
        return true;
    }
    match lang {
        Lang::French => matches!(
            lower,
            "nous" | "vous" | "très" | "bon" | "non" | "si" | "oui"
        ),
        Lang::English => matches!(
            lower,
            "that" | "had" | "bye" | "so" | "very" | "no" | "yes" | "yeah" | "knock" | "tick"
        ),
        Lang::Other(_) => false,
    }
}

/// Doubled words: two consecutive pieces separated by whitespace only (a line
/// break included), equal ignoring case.
pub fn repeated_words(text: &str, pieces: &[Piece], lang: &Lang, out: &mut Vec<RepeatHit>) {
    for pair in pieces.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        // Cheapest test first: most neighbours differ in length.
        if a.range.len() != b.range.len() || a.range.end >= b.range.start {
            continue;
        }
        let (Some(wa), Some(wb), Some(gap)) = (
            text.get(a.range.clone()),
            text.get(b.range.clone()),
            text.get(a.range.end..b.range.start),
        ) else {
            continue;
        };
        // Next cheapest: two ASCII words that differ (exact for ASCII; other
        // words take the Unicode comparison below).
        if wa.is_ascii() && wb.is_ascii() && !wa.eq_ignore_ascii_case(wb) {
            continue;
        }
        // A blank line between them means another paragraph or a heading:
        // `… avant tout` / `Tout …` is not a slip.
        let g = gap.as_bytes();
        let line_breaks = g
            .iter()
            .enumerate()
            .filter(|&(k, &b)| b == b'\n' || (b == b'\r' && g.get(k + 1) != Some(&b'\n')))
            .count();
        if wa.len() != wb.len()
            || !gap.chars().all(char::is_whitespace)
            || line_breaks > 1
            // A heading's last word and the first of the line under it are
            // in different blocks (`# Welcome to` / `to our site`).
            || (line_breaks == 1 && super::tokenize::on_heading_line(text, a.range.start))
            || !wa.chars().all(char::is_alphabetic)
            || !wa
                .chars()
                .flat_map(char::to_lowercase)
                .eq(wb.chars().flat_map(char::to_lowercase))
        {
            continue;
        }
        if legit_repeat(lang, &wa.to_lowercase()) {
            continue;
        }
        // `Bora Bora`, `Baden Baden`: a doubled name, not a slip.
        let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if cap(wa) && cap(wb) {
            continue;
        }
        // `chef de service Service Espaces Verts`: a lowercase word then the
        // same word capitalised mid-sentence starts a name.
        if !cap(wa) && cap(wb) {
            continue;
        }
        // Across a line break the second word goes with the spaces after
        // it, so the lines stay as they were (`the\nthe park` → `the\npark`);
        // otherwise with the whitespace before it (`le le chat` → `le chat`).
        let after = text[b.range.end..]
            .bytes()
            .take_while(|&c| c == b' ' || c == b'\t')
            .count();
        let range = if line_breaks == 1 && after > 0 {
            b.range.start..b.range.end + after
        } else {
            a.range.end..b.range.end
        };
        out.push(RepeatHit {
            range,
            word: wb.to_string(),
            replacement: String::new(),
        });
    }
}

/// [`repeated_punctuation`] over many prose runs (sorted by start, not
/// overlapping). One search over the stretch they cover finds the few
/// marks that could be a finding (a doubled mark, a space before a comma);
/// only runs holding one are read further. Most runs are short, and a
/// search per run cost more than the whole stretch.
pub fn repeated_punctuation_in_runs(
    text: &str,
    runs: &[Range<usize>],
    skip: &[Range<usize>],
    out: &mut Vec<RepeatHit>,
) {
    let (Some(first), Some(last)) = (runs.first(), runs.last()) else {
        return;
    };
    let Some(stretch) = text.as_bytes().get(first.start..last.end) else {
        return;
    };
    let base = first.start;
    let mut next_run = 0;
    for i in memchr::memchr3_iter(b',', b';', b'.', stretch) {
        let b = stretch[i];
        let doubled = stretch.get(i + 1) == Some(&b);
        let spaced_comma = b == b',' && i > 0 && matches!(stretch[i - 1], b' ' | b'\t');
        if !doubled && !spaced_comma {
            continue;
        }
        let at = base + i;
        // The run holding the mark, if any; runs before it are done.
        while runs.get(next_run).is_some_and(|r| r.end <= at) {
            next_run += 1;
        }
        let Some(run) = runs.get(next_run).filter(|r| r.start <= at) else {
            continue;
        };
        repeated_punctuation(text, run.clone(), skip, out);
        // Each run is read once, whatever number of marks it holds.
        next_run += 1;
    }
}

/// Repeated or misplaced punctuation in one prose run, skipping `skip` ranges
/// (URLs, paths, code-like chunks, template tags; absolute offsets).
pub fn repeated_punctuation(
    text: &str,
    run: Range<usize>,
    skip: &[Range<usize>],
    out: &mut Vec<RepeatHit>,
) {
    let Some(run_text) = text.get(run.clone()) else {
        return;
    };
    let bytes = run_text.as_bytes();
    // `skip` is sorted by start and its ranges do not overlap (the tokenizer
    // emits them in order), so a binary search finds the candidate range.
    let skipped = |abs: usize| {
        let i = skip.partition_point(|r| r.start <= abs);
        i > 0 && skip[i - 1].contains(&abs)
    };
    let mut next = 0;
    // Jump from mark to mark: most of a run has none.
    for i in memchr::memchr3_iter(b',', b';', b'.', bytes) {
        if i < next {
            continue;
        }
        let b = bytes[i];
        let mut j = i;
        while j < bytes.len() && bytes[j] == b {
            j += 1;
        }
        next = j;
        let count = j - i;
        // Most marks are single and follow a word: decided without looking
        // any further.
        if count < 2 && (b != b',' || i == 0 || !matches!(bytes[i - 1], b' ' | b'\t')) {
            continue;
        }
        // Spaces or tabs right before a comma: `respecté ,`.
        let mut ws = i;
        if b == b',' {
            while ws > 0 && matches!(bytes[ws - 1], b' ' | b'\t') {
                ws -= 1;
            }
            // Only when a word or closing mark precedes the space: a comma at
            // the start of a line is someone's layout, not a slip.
            if ws == 0 || ws == i || matches!(bytes[ws - 1], b'\n' | b'\r') {
                ws = i;
            }
        }
        if (count < 2 && ws == i)
            || (skipped(run.start + i) && !doubled_after_abbreviation(text, run.start + i, count))
        {
            continue;
        }
        let prev_is_word = i > 0 && {
            let c = run_text[..i].chars().next_back().unwrap_or(' ');
            c.is_alphanumeric() || matches!(c, ')' | '"' | '»' | '”' | '\'' | '’' | '*' | '_')
        };
        let next_is_break = j >= bytes.len() || {
            let c = run_text[j..].chars().next().unwrap_or(' ');
            c.is_whitespace() || matches!(c, ')' | '"' | '»' | '”' | '*' | '_')
        };
        let hit = match b {
            b',' | b';' => count >= 2 || ws < i,
            // Exactly two dots ending a word: a slip for `.` (three or more
            // are an ellipsis; `..` inside a chunk is a path or a range).
            _ => count == 2 && prev_is_word && next_is_break,
        };
        if hit {
            // `world ,and`: the space moves after the comma rather than
            // vanish, so the fix never glues two words together.
            let word_follows = ws < i
                && run_text[j..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            let mark = if word_follows {
                format!("{} ", b as char)
            } else {
                (b as char).to_string()
            };
            out.push(RepeatHit {
                range: run.start + ws..run.start + j,
                word: run_text[ws..j].to_string(),
                replacement: mark,
            });
        }
    }
}

/// `e.g..`, `i.e..`: two dots ending a dotted abbreviation, which the
/// tokenizer skips as a whole like a domain name.
fn doubled_after_abbreviation(text: &str, dots: usize, count: usize) -> bool {
    if count != 2 || text.as_bytes().get(dots) != Some(&b'.') {
        return false;
    }
    let before = &text.as_bytes()[dots.saturating_sub(6)..dots];
    let starts_word = |n: usize| {
        before.len() >= n
            && (before.len() == n || !before[before.len() - n - 1].is_ascii_alphanumeric())
    };
    ["e.g", "i.e", "a.k.a", "n.b", "p.s"].iter().any(|abbr| {
        before.len() >= abbr.len()
            && before[before.len() - abbr.len()..].eq_ignore_ascii_case(abbr.as_bytes())
            && starts_word(abbr.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spell::tokenize::tokenize_run;

    fn words(text: &str, lang: &Lang) -> Vec<(Range<usize>, String)> {
        let mut pieces = Vec::new();
        tokenize_run(
            text,
            0..text.len(),
            0,
            false,
            false,
            &mut pieces,
            &mut Vec::new(),
        );
        let mut out = Vec::new();
        repeated_words(text, &pieces, lang, &mut out);
        out.into_iter().map(|h| (h.range, h.replacement)).collect()
    }

    fn punct(text: &str) -> Vec<(Range<usize>, String)> {
        let mut out = Vec::new();
        repeated_punctuation(text, 0..text.len(), &[], &mut out);
        out.into_iter().map(|h| (h.range, h.replacement)).collect()
    }

    #[test]
    fn doubled_word_with_exact_edit() {
        let text = "Voici le le chat.";
        let hits = words(text, &Lang::French);
        assert_eq!(hits, vec![(8..11, String::new())]);
        let mut fixed = text.to_string();
        fixed.replace_range(8..11, "");
        assert_eq!(fixed, "Voici le chat.");
    }

    #[test]
    fn doubled_across_line_break() {
        // The second word and the space after it: the line break stays.
        assert_eq!(
            words("read the\nthe book", &Lang::English),
            vec![(9..13, String::new())]
        );
        assert_eq!(
            words("read the\r\nthe\nbook", &Lang::English),
            vec![(8..13, String::new())]
        );
        // Not across a heading and the paragraph under it.
        assert!(words("# Welcome to\nto our site", &Lang::English).is_empty());
        assert!(words("bla bla, très très, bon bon", &Lang::French).is_empty());
        assert!(words("it was very very good, bye bye", &Lang::English).is_empty());
    }

    #[test]
    fn legit_repeats_are_kept() {
        assert!(words("nous nous sommes vus, vous vous trompez", &Lang::French).is_empty());
        assert!(
            words(
                "he said that that was fine and had had enough",
                &Lang::English
            )
            .is_empty()
        );
        assert!(words("Bora Bora is far; the, the end", &Lang::English).is_empty());
    }

    #[test]
    fn punctuation_edits() {
        let text = "non respecté,, vente";
        assert_eq!(punct(text), vec![(13..15, ",".to_string())]);
        assert_eq!(punct("a word , next"), vec![(6..8, ",".to_string())]);
        assert_eq!(punct("a word ,, next"), vec![(6..9, ",".to_string())]);
        assert_eq!(punct("the end.. Next"), vec![(7..9, ".".to_string())]);
        assert_eq!(punct("a;; b"), vec![(1..3, ";".to_string())]);
        // The space before the comma moves after it when a word follows.
        assert_eq!(punct("hello world ,and"), vec![(11..13, ", ".to_string())]);
        assert_eq!(punct("a word ,,next"), vec![(6..9, ", ".to_string())]);
    }

    #[test]
    fn punctuation_that_is_fine() {
        assert!(punct("Wait... and so on…").is_empty());
        assert!(punct("Notre rôle ? Mettre : oui ; non !").is_empty());
        assert!(punct("cd .. then").is_empty());
        assert!(punct("\n, list").is_empty());
    }

    #[test]
    fn doubled_dot_after_a_dotted_abbreviation() {
        let text = "tools, e.g.. hammers";
        let skip: Vec<Range<usize>> = std::iter::once(7..12).collect();
        let mut out = Vec::new();
        repeated_punctuation(text, 0..text.len(), &skip, &mut out);
        let hits: Vec<(Range<usize>, String)> =
            out.into_iter().map(|h| (h.range, h.replacement)).collect();
        assert_eq!(hits, vec![(10..12, ".".to_string())]);
        // A domain-like chunk ending in two dots is left alone.
        let text = "see x.eg.. there";
        let mut out = Vec::new();
        let skip: Vec<Range<usize>> = std::iter::once(4..10).collect();
        repeated_punctuation(text, 0..text.len(), &skip, &mut out);
        assert!(out.is_empty());
    }

    /// The many-run search finds what the per-run search finds, on runs
    /// cut anywhere (marks at their edges included).
    #[test]
    fn many_runs_agree_with_one_run_at_a_time() {
        let text = "a,, b ,c;; d.. e, f ,, g... h ,\ni;;";
        for cut in 0..text.len() {
            for gap in 0..3 {
                let second = (cut + gap).min(text.len());
                let runs = vec![0..cut, second..text.len()];
                let mut one = Vec::new();
                for r in &runs {
                    repeated_punctuation(text, r.clone(), &[], &mut one);
                }
                let mut many = Vec::new();
                repeated_punctuation_in_runs(text, &runs, &[], &mut many);
                let key = |h: &RepeatHit| (h.range.clone(), h.replacement.clone());
                assert_eq!(
                    many.iter().map(key).collect::<Vec<_>>(),
                    one.iter().map(key).collect::<Vec<_>>(),
                    "cut {cut} gap {gap}"
                );
            }
        }
    }

    #[test]
    fn skipped_ranges_are_ignored() {
        let text = "see a,,b here";
        let mut out = Vec::new();
        let skip: Vec<Range<usize>> = std::iter::once(4..8).collect();
        repeated_punctuation(text, 0..text.len(), &skip, &mut out);
        assert!(out.is_empty());
    }
}
