//! The text an engine reads for one paragraph, and the way back to the file.
//!
//! Engines count offsets in characters of the paragraph they were given, while
//! findings must point at bytes of the Markdown file. [`EngineText`] keeps, for
//! every character it produced, the file byte range that character stands for,
//! so any engine span maps back exactly, across markup gaps, masks and soft
//! line breaks. It owns no Markdown knowledge: it only reads the ranges the scan
//! gave it.

use std::ops::Range;

use super::ProseParagraph;

/// What an engine character stands for in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The very same character, at `start..end` in the file.
    Literal,
    /// A space standing for a line break, a run of whitespace around one, a
    /// control character, or markup between two pieces.
    Space,
    /// A placeholder character standing for one masked character; `first`
    /// for the first character of a mask.
    Mask { first: bool },
}

#[derive(Debug, Clone, Copy)]
struct Origin {
    start: usize,
    end: usize,
    kind: Kind,
}

/// A file span found for an engine span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mapped {
    /// Byte range in the file.
    pub range: Range<usize>,
    /// Every character is literal and contiguous in the file, so the file text
    /// in `range` is exactly what the engine read and a replacement is safe to
    /// splice in.
    pub replaceable: bool,
}

/// One paragraph as handed to an engine: single-line text plus its origin map.
#[derive(Debug, Clone, Default)]
pub(crate) struct EngineText {
    text: String,
    /// One entry per `char` of `text`.
    origins: Vec<Origin>,
    /// Whether any unmasked character is a letter: paragraphs without one are
    /// not worth an engine's time.
    has_letters: bool,
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Characters that separate words; a run of them holding a line break
/// collapses into one space, as a renderer would show it.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Whether the markup between two pieces separates words once rendered.
fn gap_separates(gap: &str) -> bool {
    gap.chars().any(char::is_whitespace) || gap.to_ascii_lowercase().contains("<br")
}

/// Sorted, merged masks, so a lookup is a binary search.
fn normalise_masks(masks: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted: Vec<Range<usize>> = masks.iter().filter(|m| m.start < m.end).cloned().collect();
    sorted.sort_by_key(|m| m.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for m in sorted {
        match merged.last_mut() {
            Some(last) if m.start <= last.end => last.end = last.end.max(m.end),
            _ => merged.push(m),
        }
    }
    merged
}

/// The index of the mask holding byte `at`, if any.
fn mask_at(masks: &[Range<usize>], at: usize) -> Option<usize> {
    let idx = masks.partition_point(|m| m.end <= at);
    masks.get(idx).filter(|m| m.start <= at).map(|_| idx)
}

impl EngineText {
    /// Builds the engine text of `para` over `file`. Pieces out of bounds or
    /// not on character boundaries are skipped rather than trusted;
    /// overlapping pieces are clipped.
    ///
    /// A masked range becomes a placeholder word of the same length in
    /// characters, `Xxxx…`: code or a URL in a sentence plays the part of a
    /// name, and an unknown capitalised word is what both engines read as one.
    /// Blanking it instead (spaces, or Grammalecte's `@@` convention) leaves
    /// "de ___ est passée", and the engine then pairs the words around the
    /// hole (`de … est` read as an agreement error).
    pub(crate) fn build(file: &str, para: &ProseParagraph) -> Self {
        let masks = normalise_masks(&para.masks);
        let mut out = EngineText::default();
        let mut prev_end: Option<usize> = None;

        for piece in &para.pieces {
            let start = prev_end.map_or(piece.start, |p| piece.start.max(p));
            let Some(slice) = file.get(start..piece.end) else {
                continue;
            };
            if slice.is_empty() {
                continue;
            }
            if let Some(gap) = prev_end.and_then(|p| file.get(p..start)) {
                let first_blank = slice.chars().next().is_some_and(is_blank);
                if gap_separates(gap) && !out.ends_blank() && !first_blank {
                    out.push(' ', start - gap.len()..start, Kind::Space);
                }
            }
            out.push_piece(slice, start, &masks);
            prev_end = Some(piece.end);
        }
        out
    }

    fn ends_blank(&self) -> bool {
        self.text.chars().next_back().is_some_and(is_blank)
    }

    fn push(&mut self, c: char, range: Range<usize>, kind: Kind) {
        self.text.push(c);
        self.origins.push(Origin {
            start: range.start,
            end: range.end,
            kind,
        });
    }

    fn push_piece(&mut self, slice: &str, base: usize, masks: &[Range<usize>]) {
        let mut chars = slice.char_indices().peekable();
        // The mask the previous character belonged to: a new mask starts a
        // new placeholder word with a capital.
        let mut current_mask: Option<usize> = None;
        while let Some((i, c)) = chars.next() {
            let at = base + i;
            let end = at + c.len_utf8();
            let mask = mask_at(masks, at);
            if let Some(m) = mask {
                let first = current_mask != Some(m);
                let placeholder = if first { 'X' } else { 'x' };
                self.push(placeholder, at..end, Kind::Mask { first });
                current_mask = mask;
                continue;
            }
            current_mask = None;
            if !is_blank(c) {
                self.has_letters |= c.is_alphabetic();
                self.push(c, at..end, Kind::Literal);
                continue;
            }
            // Gather the whole blank run: with a line break in it, it renders as
            // one space (a soft break plus indentation or trailing spaces).
            let mut run_end = end;
            let mut has_break = is_line_break(c);
            let mut run = vec![(c, at..end)];
            while let Some(&(j, d)) = chars.peek() {
                let d_at = base + j;
                if !is_blank(d) || mask_at(masks, d_at).is_some() {
                    break;
                }
                has_break |= is_line_break(d);
                run_end = d_at + d.len_utf8();
                run.push((d, d_at..run_end));
                chars.next();
            }
            if has_break {
                self.push(' ', at..run_end, Kind::Space);
            } else {
                for (d, range) in run {
                    if d.is_control() {
                        // Tabs and other controls: engines want plain spaces,
                        // and a control char could end the engine's line.
                        self.push(' ', range, Kind::Space);
                    } else {
                        self.push(d, range, Kind::Literal);
                    }
                }
            }
        }
    }

    /// The single-line text to give the engine.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of characters (Unicode scalar values) in the text.
    pub(crate) fn char_len(&self) -> usize {
        self.origins.len()
    }

    /// Whether the paragraph has any word the engine could check.
    pub(crate) fn has_letters(&self) -> bool {
        self.has_letters
    }

    /// The masked stretches of the text, in characters, one per mask (so an
    /// engine that can, like harper, holds each as one token it does not
    /// lint).
    pub(crate) fn mask_char_ranges(&self) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for (i, o) in self.origins.iter().enumerate() {
            match (o.kind, out.last_mut()) {
                (Kind::Mask { first: false }, Some(last)) if last.end == i => last.end = i + 1,
                (Kind::Mask { .. }, _) => out.push(i..i + 1),
                _ => {}
            }
        }
        out
    }

    /// The text of an engine span, in engine characters.
    pub(crate) fn slice_chars(&self, chars: Range<usize>) -> String {
        self.text
            .chars()
            .skip(chars.start)
            .take(chars.end.saturating_sub(chars.start))
            .collect()
    }

    /// Maps an engine span (in characters) to a file byte range. Returns `None`
    /// for a span out of bounds, or one that covers only masked characters
    /// (the finding would be about text the engine never saw). Leading and
    /// trailing synthetic spaces are trimmed so a span never starts or ends
    /// inside markup, unless they are all there is.
    pub(crate) fn to_file(&self, chars: Range<usize>) -> Option<Mapped> {
        if chars.start > chars.end || chars.end > self.origins.len() {
            return None;
        }
        if chars.is_empty() {
            // An insertion point: before the character at `start`, or after the
            // last one.
            let pos = match self.origins.get(chars.start) {
                Some(o) => o.start,
                None => self.origins.last()?.end,
            };
            let literal = self
                .origins
                .get(chars.start)
                .is_none_or(|o| o.kind == Kind::Literal);
            return Some(Mapped {
                range: pos..pos,
                replaceable: literal,
            });
        }
        let span = self.origins.get(chars.clone())?;
        if span.iter().all(|o| matches!(o.kind, Kind::Mask { .. })) {
            return None;
        }
        let (first, last) = match (
            span.iter().position(|o| o.kind != Kind::Space),
            span.iter().rposition(|o| o.kind != Kind::Space),
        ) {
            (Some(first), Some(last)) => (first, last),
            // Only synthetic spaces: point at the whitespace or markup they
            // stand for.
            _ => (0, span.len() - 1),
        };
        let trimmed = span.get(first..=last)?;
        let start = trimmed.first()?.start;
        let end = trimmed.last()?.end;
        let replaceable = first == 0
            && last + 1 == span.len()
            && trimmed.iter().all(|o| o.kind == Kind::Literal)
            && trimmed.windows(2).all(|w| w[0].end == w[1].start);
        Some(Mapped {
            range: start..end,
            replaceable,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(pieces: &[Range<usize>], masks: &[Range<usize>]) -> ProseParagraph {
        ProseParagraph {
            pieces: pieces.to_vec(),
            masks: masks.to_vec(),
        }
    }

    /// One piece over the whole of `file`, with `masks`.
    fn whole(file: &str, masks: &[Range<usize>]) -> ProseParagraph {
        ProseParagraph {
            masks: masks.to_vec(),
            ..ProseParagraph::single(0..file.len())
        }
    }

    fn range_of(file: &str, needle: &str) -> Range<usize> {
        let start = file.find(needle).unwrap_or(usize::MAX);
        start..start.saturating_add(needle.len())
    }

    #[test]
    fn joins_pieces_across_markup_without_gluing_words() {
        let file = "Un **gras** et [lien](http://x.fr) ici\nsuite";
        let p = para(
            &[
                0..3,
                range_of(file, "gras"),
                range_of(file, " et "),
                range_of(file, "lien"),
                range_of(file, " ici\nsuite"),
            ],
            &[],
        );
        let t = EngineText::build(file, &p);
        assert_eq!(t.as_str(), "Un gras et lien ici suite");
        let m = t.to_file(3..7).expect("maps");
        assert_eq!(&file[m.range.clone()], "gras");
        assert!(m.replaceable);
        // "lien ici" crosses the link destination: mapped, not replaceable.
        let m = t.to_file(11..19).expect("maps");
        assert_eq!(&file[m.range.clone()], "lien](http://x.fr) ici");
        assert!(!m.replaceable);
    }

    #[test]
    fn soft_break_with_blanks_is_one_space() {
        let file = "fin de ligne  \r\n   suite";
        let t = EngineText::build(file, &whole(file, &[]));
        assert_eq!(t.as_str(), "fin de ligne suite");
        let m = t.to_file(12..13).expect("maps");
        assert_eq!(m.range, 12..file.len() - 5);
        assert!(!m.replaceable);
        let m = t.to_file(9..14).expect("maps");
        assert_eq!(&file[m.range], "gne  \r\n   s");
    }

    #[test]
    fn gap_with_line_break_becomes_space() {
        let file = "un mot\\\nautre mot";
        let p = para(&[0..6, 8..file.len()], &[]);
        let t = EngineText::build(file, &p);
        assert_eq!(t.as_str(), "un mot autre mot");
    }

    #[test]
    fn masks_keep_char_count_and_are_not_reported() {
        let file = "voir https://exemple.fr/é ici";
        let url = range_of(file, "https://exemple.fr/é");
        let t = EngineText::build(file, &whole(file, std::slice::from_ref(&url)));
        assert_eq!(t.as_str(), format!("voir X{} ici", "x".repeat(19)));
        assert_eq!(t.char_len(), file.chars().count());
        assert!(t.to_file(5..25).is_none());
        let m = t.to_file(26..29).expect("maps");
        assert_eq!(&file[m.range], "ici");
        assert_eq!(t.mask_char_ranges(), vec![5..25]);
    }

    #[test]
    fn adjacent_masks_stay_apart() {
        let file = "ab cd";
        let t = EngineText::build(file, &whole(file, &[0..2, 2..3, 3..5]));
        // Touching masks merge into one placeholder word.
        assert_eq!(t.as_str(), "Xxxxx");
        assert_eq!(t.mask_char_ranges(), vec![0..5]);
        // Masks separated by markup stay two placeholder words.
        let file = "ab**cd";
        let t = EngineText::build(file, &para(&[0..2, 4..6], &[0..2, 4..6]));
        assert_eq!(t.as_str(), "XxXx");
        assert_eq!(t.mask_char_ranges(), vec![0..2, 2..4]);
    }

    #[test]
    fn multibyte_characters_map_exactly() {
        let file = "Été 😀 à côté";
        let t = EngineText::build(file, &whole(file, &[]));
        let m = t.to_file(6..7).expect("maps");
        assert_eq!(&file[m.range], "à");
        let m = t.to_file(4..5).expect("maps");
        assert_eq!(&file[m.range], "😀");
    }

    #[test]
    fn bad_pieces_are_skipped_not_trusted() {
        let file = "é abc";
        // 1..2 splits "é"; 3..99 is out of bounds.
        let t = EngineText::build(file, &para(&[1..2, 3..99, 3..5], &[]));
        assert_eq!(t.as_str(), "ab");
        assert!(t.to_file(0..5).is_none());
    }
}
