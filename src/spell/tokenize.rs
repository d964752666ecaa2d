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
    /// Index of the run it came from (32 bits keep a piece at 24 bytes:
    /// a post holds millions of them in the worst case).
    pub run: u32,
    /// From a front-matter value.
    pub front_matter: bool,
    /// Inside the text of a link.
    pub in_link_text: bool,
}

impl Piece {
    /// First word of a sentence, list item, table cell or paragraph: its
    /// capital letter says nothing about it being a name. Computed on demand
    /// (only unknown words need it).
    pub fn sentence_start(&self, text: &str) -> bool {
        is_sentence_start(text, self.range.start)
    }

    /// In a heading or a front-matter value, where Title Case is common.
    pub fn title_context(&self, text: &str) -> bool {
        self.front_matter || on_heading_line(text, self.range.start)
    }
}

/// How far back the context scans look: enough for any real line prefix,
/// and it keeps a 50 MB single-line file linear.
const LOOK_BACK: usize = 512;

/// The text of the current line before `start`, at most `LOOK_BACK` bytes
/// (then it is not the line's real start, which callers treat as "not at
/// the start of a line").
pub fn line_before(text: &str, start: usize) -> (&str, bool) {
    let mut from = start.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..start];
    match window.rfind('\n') {
        Some(p) => (&window[p + 1..], true),
        None => (window, from == 0),
    }
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

/// Character classes as bit flags, looked up in a table for ASCII: the
/// tokenizer sees every byte of every post, so each test must be one load.
const WS: u8 = 1;
const EDGE: u8 = 2;
const CODE: u8 = 4;
const WORD: u8 = 8;
const JOIN: u8 = 16;

const fn ascii_classes() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let c = i as u8 as char;
        let mut f = 0;
        if c.is_ascii_whitespace() || i == 0x0b {
            f |= WS;
        }
        if c.is_ascii_alphanumeric() {
            f |= WORD;
        }
        if matches!(c, '\'' | '-') {
            f |= JOIN;
        }
        if matches!(
            c,
            '(' | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '"'
                | '\''
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
                | '\\'
                | '+'
                | '-'
                | '|'
                | '`'
        ) {
            f |= EDGE;
        }
        if matches!(
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
                | '/'
        ) {
            f |= CODE;
        }
        t[i] = f;
        i += 1;
    }
    t
}

static ASCII_CLASSES: [u8; 128] = ascii_classes();

/// The class flags of any character.
fn class(c: char) -> u8 {
    if c.is_ascii() {
        return ASCII_CLASSES[c as usize];
    }
    let mut f = 0;
    if c.is_whitespace() {
        f |= WS;
    }
    if is_word_char(c) {
        f |= WORD;
    }
    if is_joiner(c) {
        f |= JOIN;
    }
    if is_edge_punct(c) {
        f |= EDGE;
    }
    f
}

/// Byte ranges (relative to `text`) of template tags: `{{ … }}`, `{% … %}`,
/// `{# … #}`, and Hugo's `{{< … >}}` / `{{% … %}}`, which may hold spaces.
fn template_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    // Jump from brace to brace: most runs have none.
    while let Some(p) = memchr::memchr(b'{', &bytes[i..]) {
        i += p;
        if i + 1 >= bytes.len() {
            break;
        }
        if matches!(bytes[i + 1], b'{' | b'%' | b'#') {
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

/// Where a sentence (or block) begins: a capital letter there is not evidence
/// of a name. Looks backwards through the whole file from `start`.
fn is_sentence_start(text: &str, start: usize) -> bool {
    let (line_prefix, whole_line) = line_before(text, start);
    // First word of a list item, table cell, quote or heading.
    if whole_line && line_prefix_is_marker(line_prefix.trim_start()) {
        return true;
    }
    let mut from = start.saturating_sub(LOOK_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut crossed_newline = false;
    for c in text[from..start].chars().rev() {
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
    from == 0
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
pub fn on_heading_line(text: &str, start: usize) -> bool {
    let (line_prefix, whole_line) = line_before(text, start);
    whole_line && line_prefix.trim_start().starts_with('#')
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
    let mut next_template = 0;
    let bytes = run_text.as_bytes();
    let tables = tables();
    // One forward pass over the bytes, one table load per ASCII byte; a
    // non-ASCII character is decoded only where it occurs. This loop sees
    // every byte of every post, so it decides everything about a chunk
    // (its edges, whether it is code or a domain, its pieces) in that pass.
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let (k, len) = class_at(tables, run_text, i);
        if k & WS != 0 {
            i += len;
            continue;
        }
        let start = i;
        // `@bob`, `#Covid19`: mentions and hashtags are never prose.
        let mut code = matches!(bytes[start], b'@' | b'#');
        let mut seen_core = false;
        let mut pending_code = false;
        let mut prev_word = false;
        let mut dot_after_word = false;
        let mut piece_start: Option<usize> = None;
        let mut piece_end = 0;
        // The chunk's pieces go straight to `out`, and are taken back if
        // the chunk proves not to be prose.
        let first_piece = out.len();
        let piece = |range: Range<usize>| Piece {
            front_matter,
            in_link_text,
            run: run as u32,
            range: base + range.start..base + range.end,
        };
        while i < bytes.len() {
            // A run of ASCII letters and digits in one tight loop: they are
            // word characters and nothing else (not edges, code, dots or
            // joiners), so the run does in one step what the general path
            // below would do character by character.
            if is_ascii_word(bytes[i]) {
                code |= pending_code || dot_after_word;
                seen_core = true;
                dot_after_word = false;
                piece_start.get_or_insert(i);
                i += ascii_word_len(&bytes[i..]);
                piece_end = i;
                prev_word = true;
                continue;
            }
            let (k, len) = class_at(tables, run_text, i);
            if k & WS != 0 {
                break;
            }
            // Code or markup inside the chunk (not on its edges): `a_b`,
            // `f(x)`, `x::y`, `a/b`, `https://...`.
            if k & EDGE == 0 {
                code |= k & CODE != 0 || pending_code;
                seen_core = true;
            } else if k & CODE != 0 && seen_core {
                pending_code = true;
            }
            // `beta.gouv.fr`, `Cargo.toml`, `v1.2`: a dot between two word
            // characters.
            code |= dot_after_word && k & WORD != 0;
            dot_after_word = prev_word && bytes[i] == b'.';
            // Pieces: word characters joined by an apostrophe or hyphen
            // that has a word character on each side.
            if k & WORD != 0 {
                piece_start.get_or_insert(i);
                piece_end = i + len;
            } else if !(k & JOIN != 0 && prev_word) {
                // A joiner after a word keeps the piece open; if no word
                // character follows, the piece ends before it (`piece_end`).
                if let Some(s) = piece_start.take() {
                    out.push(piece(s..piece_end));
                }
            }
            prev_word = k & WORD != 0;
            i += len;
        }
        if let Some(s) = piece_start.take() {
            out.push(piece(s..piece_end));
        }
        let end = i;
        // Template spans are sorted: skip those already passed.
        while templates.get(next_template).is_some_and(|t| t.end <= start) {
            next_template += 1;
        }
        if let Some(t) = templates
            .get(next_template)
            .filter(|t| t.start < end && start < t.end)
        {
            // Skip the whole tag, spaces included.
            out.truncate(first_piece);
            skipped.push(base + t.start..base + t.end);
            i = i.max(t.end);
            continue;
        }
        if code {
            out.truncate(first_piece);
            skipped.push(base + start..base + end);
        }
    }
}

/// An ASCII letter or digit: a word character and nothing else.
#[inline(always)]
fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// How many bytes at the start of `bytes` are ASCII letters or digits,
/// eight at a time: prose is mostly such runs, and a byte-by-byte loop
/// spent half the tokenizer's time in them.
#[inline]
fn ascii_word_len(bytes: &[u8]) -> usize {
    const LANES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * LANES;
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // Each lane below 0x80 stays below 0x100 in the sums below, so no
        // carry crosses lanes; lanes at or above 0x80 (non-ASCII) are never
        // word bytes here.
        let low = x & !HIGH;
        let lower = low | (0x20 * LANES);
        let letter =
            (lower + (0x80 - b'a' as u64) * LANES) & !(lower + (0x7F - b'z' as u64) * LANES);
        let digit = (low + (0x80 - b'0' as u64) * LANES) & !(low + (0x7F - b'9' as u64) * LANES);
        let not_word = !(letter | digit) & HIGH | (x & HIGH);
        if not_word != 0 {
            return n + (not_word.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .position(|&b| !is_ascii_word(b))
        .unwrap_or(bytes.len() - n)
}

/// Classes of the non-ASCII characters prose is made of, computed once:
/// every two-byte character (accented Latin letters, Greek, Cyrillic...)
/// and the General Punctuation block (typographic apostrophe and quotes,
/// dashes, ellipsis, narrow spaces).
struct Tables {
    two_byte: [u8; 0x800],
    punctuation: [u8; 0x70],
}

fn tables() -> &'static Tables {
    static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = Tables {
            two_byte: [0; 0x800],
            punctuation: [0; 0x70],
        };
        for (cp, slot) in t.two_byte.iter_mut().enumerate() {
            *slot = char::from_u32(cp as u32).map_or(0, class);
        }
        for (cp, slot) in t.punctuation.iter_mut().enumerate() {
            *slot = char::from_u32(0x2000 + cp as u32).map_or(0, class);
        }
        t
    })
}

/// The class flags and byte length of the character at byte `i`.
#[inline(always)]
fn class_at(tables: &Tables, text: &str, i: usize) -> (u8, usize) {
    let b = text.as_bytes();
    let b0 = b[i];
    if b0 < 0x80 {
        return (ASCII_CLASSES[b0 as usize], 1);
    }
    // `text` is valid UTF-8, so a lead byte is followed by its continuation
    // bytes.
    if b0 < 0xE0 {
        let cp = ((b0 as usize & 0x1F) << 6) | (b[i + 1] as usize & 0x3F);
        return (tables.two_byte[cp], 2);
    }
    if b0 == 0xE2 && b[i + 1] & 0xFE == 0x80 {
        // U+2000..U+207F: `E2 80 xx` and `E2 81 xx`.
        let cp = ((b[i + 1] as usize & 0x01) << 6) | (b[i + 2] as usize & 0x3F);
        if cp < 0x70 {
            return (tables.punctuation[cp], 3);
        }
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (class(c), c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written (every character through `class`):
    /// the reference the table-driven one must match exactly.
    fn reference_tokenize(
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
        let mut next_template = 0;
        let bytes = run_text.as_bytes();
        // Pieces of the current chunk, kept until the chunk proves to be prose.
        let mut chunk_pieces: Vec<Range<usize>> = Vec::new();
        // Character by character, each one classified by `class`: slow and
        // plain, which is what a reference should be.
        let mut i = 0;
        while i < bytes.len() {
            let (k, len) = reference_class_at(run_text, i);
            if k & WS != 0 {
                i += len;
                continue;
            }
            let start = i;
            // `@bob`, `#Covid19`: mentions and hashtags are never prose.
            let mut code = matches!(bytes[start], b'@' | b'#');
            let mut seen_core = false;
            let mut pending_code = false;
            let mut prev_word = false;
            let mut dot_after_word = false;
            let mut piece_start: Option<usize> = None;
            let mut piece_end = 0;
            chunk_pieces.clear();
            while i < bytes.len() {
                let (k, len) = reference_class_at(run_text, i);
                if k & WS != 0 {
                    break;
                }
                // Code or markup inside the chunk (not on its edges): `a_b`,
                // `f(x)`, `x::y`, `a/b`, `https://...`.
                if k & EDGE == 0 {
                    code |= k & CODE != 0 || pending_code;
                    seen_core = true;
                } else if k & CODE != 0 && seen_core {
                    pending_code = true;
                }
                // `beta.gouv.fr`, `Cargo.toml`, `v1.2`: a dot between two word
                // characters.
                code |= dot_after_word && k & WORD != 0;
                dot_after_word = prev_word && bytes[i] == b'.';
                // Pieces: word characters joined by an apostrophe or hyphen
                // that has a word character on each side.
                if k & WORD != 0 {
                    piece_start.get_or_insert(i);
                    piece_end = i + len;
                } else if !(k & JOIN != 0 && prev_word) {
                    // A joiner after a word keeps the piece open; if no word
                    // character follows, the piece ends before it (`piece_end`).
                    if let Some(s) = piece_start.take() {
                        chunk_pieces.push(s..piece_end);
                    }
                }
                prev_word = k & WORD != 0;
                i += len;
            }
            if let Some(s) = piece_start.take() {
                chunk_pieces.push(s..piece_end);
            }
            let end = i;
            // Template spans are sorted: skip those already passed.
            while templates.get(next_template).is_some_and(|t| t.end <= start) {
                next_template += 1;
            }
            if let Some(t) = templates
                .get(next_template)
                .filter(|t| t.start < end && start < t.end)
            {
                // Skip the whole tag, spaces included.
                skipped.push(base + t.start..base + t.end);
                i = i.max(t.end);
                continue;
            }
            if code {
                skipped.push(base + start..base + end);
                continue;
            }
            for r in &chunk_pieces {
                out.push(Piece {
                    front_matter,
                    in_link_text,
                    run: run as u32,
                    range: base + r.start..base + r.end,
                });
            }
        }
    }

    fn reference_class_at(text: &str, i: usize) -> (u8, usize) {
        let c = text[i..].chars().next().unwrap_or(' ');
        (class(c), c.len_utf8())
    }

    #[test]
    fn same_pieces_as_the_reference_tokenizer() {
        let parts = [
            "mot",
            "Été",
            "l’équipe",
            "aujourd'hui",
            " ",
            "\n",
            ",",
            ".",
            "..",
            "—",
            "–",
            "…",
            "«\u{a0}",
            "\u{202f}»",
            "a_b",
            "f(x)",
            "x::y",
            "beta.gouv.fr",
            "@bob",
            "#tag",
            "{{ x }}",
            "{% y %}",
            "é\u{301}",
            "usager·es",
            "quelques-unes",
            "v1.2",
            "(",
            ")",
            "[",
            "]",
            "*",
            "`",
            "/",
            "Ω",
            "ж",
            "\u{2011}",
            "“",
            "”",
            "‘",
            "1er",
            "https://x.org/a",
            "a'",
            "'",
            "-",
            "\t",
            "\r\n",
            "😀",
            "ǅ",
            "\u{2060}",
            "anticonstitutionnellement",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "@[`{/:^~\u{7f}",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..2_000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(parts[(seed % parts.len() as u64) as usize]);
                if seed.is_multiple_of(3) {
                    text.push(' ');
                }
            }
            let (mut got, mut got_skip) = (Vec::new(), Vec::new());
            tokenize_run(
                &text,
                0..text.len(),
                1,
                true,
                false,
                &mut got,
                &mut got_skip,
            );
            let (mut want, mut want_skip) = (Vec::new(), Vec::new());
            reference_tokenize(
                &text,
                0..text.len(),
                1,
                true,
                false,
                &mut want,
                &mut want_skip,
            );
            assert_eq!((got, got_skip), (want, want_skip), "{text:?}");
        }
    }

    #[test]
    fn ascii_word_runs_eight_at_a_time() {
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut v = vec![b'a'; 20];
                v[at] = b;
                let want = if b.is_ascii_alphanumeric() { 20 } else { at };
                assert_eq!(ascii_word_len(&v), want, "byte {b:#x} at {at}");
            }
        }
        assert_eq!(ascii_word_len(b""), 0);
        assert_eq!(ascii_word_len("Zz09é".as_bytes()), 4);
    }

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
            .map(|p| (&text[p.range.clone()], p.sentence_start(text)))
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
        assert!(out[1].title_context(text));
        assert!(!out[2].title_context(text));
    }
}
