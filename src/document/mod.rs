//! A file read once and parsed once: its text, line index, encoding facts,
//! front matter and Markdown scan. Rules read a `Document`; they never parse.

mod lines;
mod span;

use std::path::{Path, PathBuf};

pub use lines::{LineIndex, Position, floor_char_boundary};
pub use span::Span;

use crate::frontmatter::FrontMatter;
use crate::frontmatter::split::split;
use crate::markdown::Scan;

/// The encoding the file was stored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Decoded from UTF-16; offsets refer to the decoded text, so fixes are
    /// never written back.
    Utf16Le,
    Utf16Be,
}

/// The line endings the file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnding {
    Lf,
    CrLf,
    Cr,
    /// More than one kind.
    Mixed,
    /// A single line without any line break.
    None,
}

impl LineEnding {
    fn detect(text: &str) -> Self {
        let (lf, crlf, cr) = count_breaks(text);
        match (lf > 0, crlf > 0, cr > 0) {
            (false, false, false) => LineEnding::None,
            (true, false, false) => LineEnding::Lf,
            (false, true, false) => LineEnding::CrLf,
            (false, false, true) => LineEnding::Cr,
            _ => LineEnding::Mixed,
        }
    }

    /// The line break to use when adding a line to this file.
    pub fn as_str(self, text: &str) -> &'static str {
        match self {
            LineEnding::CrLf => "\r\n",
            LineEnding::Cr => "\r",
            // The most used ending (ties: LF, then CRLF).
            LineEnding::Mixed => {
                let (lf, crlf, cr) = count_breaks(text);
                if lf >= crlf && lf >= cr {
                    "\n"
                } else if crlf >= cr {
                    "\r\n"
                } else {
                    "\r"
                }
            }
            _ => "\n",
        }
    }
}

/// How many LF, CRLF and lone CR line breaks `text` has.
fn count_breaks(text: &str) -> (usize, usize, usize) {
    let b = text.as_bytes();
    let (mut lf, mut crlf, mut cr) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(p) = memchr::memchr2(b'\n', b'\r', &b[i..]) {
        let j = i + p;
        if b[j] == b'\r' {
            if b.get(j + 1) == Some(&b'\n') {
                crlf += 1;
                i = j + 2;
                continue;
            }
            cr += 1;
        } else {
            lf += 1;
        }
        i = j + 1;
    }
    (lf, crlf, cr)
}

/// Why a file could not be turned into a document.
#[derive(Debug, Clone)]
pub struct LoadError {
    /// Text to show the snippet from (lossy), if any.
    pub text: String,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

#[derive(Debug)]
pub struct Document {
    pub path: PathBuf,
    /// The whole text, a leading byte-order mark included (so that spans are
    /// byte offsets into the file as stored, for UTF-8 files).
    pub text: String,
    pub bom: bool,
    pub encoding: Encoding,
    pub line_ending: LineEnding,
    pub lines: LineIndex,
    pub front_matter: Option<FrontMatter>,
    /// Where the Markdown body starts (after the front matter).
    pub body_start: usize,
    pub scan: Scan,
    /// The spelling result, computed on first use by the TY rules.
    pub spelling: std::sync::OnceLock<Option<crate::rules::spelling::SpellResult>>,
}

impl Document {
    /// Decodes bytes as read from disk and parses them.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Document, LoadError> {
        let (text, encoding) = decode(bytes)?;
        Ok(Document::from_text(path, text, encoding))
    }

    pub fn from_text(path: &Path, text: String, encoding: Encoding) -> Document {
        let bom = text.starts_with('\u{feff}');
        let lines = LineIndex::new(&text);
        let line_ending = LineEnding::detect(&text);
        let s = split(&text);
        let scan = Scan::new(&text, s.body_start);
        Document {
            path: path.to_path_buf(),
            bom,
            encoding,
            line_ending,
            lines,
            front_matter: s.front_matter,
            body_start: s.body_start,
            scan,
            spelling: std::sync::OnceLock::new(),
            text,
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }

    /// The body (everything after the front matter).
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Whether fixes may be written back to this file.
    pub fn fixes_allowed(&self) -> bool {
        self.encoding == Encoding::Utf8
    }
}

/// Decodes file bytes: UTF-8 (with or without BOM), or UTF-16 with a BOM.
/// Binary files and invalid UTF-8 are refused with a located message.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), LoadError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes, Encoding::Utf16Be);
    }
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(nul) = memchr::memchr(0, head) {
        // No text to show: a snippet of a binary file is noise. The finding
        // sits at 1:1 and says where the first NUL byte is.
        return Err(LoadError {
            text: String::new(),
            span: Span::empty(0),
            message: format!("not a text file: it contains NUL bytes (the first at byte {nul})"),
            help: Some("binary files should not be named .md; rename or exclude it".into()),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Encoding::Utf8)),
        Err(e) => {
            let at = e.valid_up_to();
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = bytes[at];
            // A Latin-1 letter is a lone high byte, not followed by UTF-8
            // continuation bytes.
            let next_is_continuation = bytes.get(at + 1).is_some_and(|b| (0x80..0xC0).contains(b));
            let guess = if bad >= 0xA0 && !next_is_continuation {
                " (it looks like Latin-1 / Windows-1252)"
            } else {
                ""
            };
            Err(LoadError {
                // The bad byte is one U+FFFD in the lossy text shown.
                span: Span::new(at, at + '\u{fffd}'.len_utf8()),
                text,
                message: format!("file is not valid UTF-8: byte 0x{bad:02X} at offset {at}{guess}"),
                help: Some(
                    "re-encode the file as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`".into(),
                ),
            })
        }
    }
}

fn decode_utf16(
    rest: &[u8],
    read: fn([u8; 2]) -> u16,
    enc: Encoding,
) -> Result<(String, Encoding), LoadError> {
    let units = rest
        .chunks(2)
        .map(|c| read([c[0], *c.get(1).unwrap_or(&0)]));
    let mut out = String::with_capacity(rest.len() / 2);
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => out.push(c),
            Err(_) => {
                let at = out.len();
                return Err(LoadError {
                    text: out,
                    span: Span::empty(at),
                    message: "file is UTF-16 but holds an unpaired surrogate".into(),
                    help: Some("re-encode the file as UTF-8".into()),
                });
            }
        }
    }
    Ok((out, enc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_position() {
        let bytes = b"---\ntitle: Notes\n---\n\nLe caf\xe9 ferme";
        let e = decode(bytes).unwrap_err();
        let li = LineIndex::new(&e.text);
        let p = li.position(&e.text, e.span.start);
        assert_eq!((p.line, p.column), (5, 7));
    }

    #[test]
    fn utf16_is_decoded() {
        let mut b = vec![0xFF, 0xFE];
        for u in "---\r\na: 1\r\n---\r\n".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let (t, enc) = decode(&b).unwrap();
        assert_eq!(enc, Encoding::Utf16Le);
        assert!(t.starts_with("---\r\n"));
    }

    #[test]
    fn binary_is_refused() {
        let e = decode(b"PNG\0\0\x01").unwrap_err();
        assert!(e.text.is_empty() && e.span == Span::empty(0));
        assert!(
            e.message.ends_with("(the first at byte 3)"),
            "{}",
            e.message
        );
    }

    #[test]
    fn line_endings() {
        assert_eq!(LineEnding::detect("a\r\nb\r\n"), LineEnding::CrLf);
        assert_eq!(LineEnding::detect("a\r\nb\n"), LineEnding::Mixed);
        assert_eq!(LineEnding::detect("a"), LineEnding::None);
        // A mixed file gets its most used ending (a fresh user's report:
        // mostly LF with one CRLF got a CRLF final newline).
        let mostly_lf = "a\nb\nc\r\nd\re";
        assert_eq!(LineEnding::detect(mostly_lf).as_str(mostly_lf), "\n");
        let mostly_crlf = "a\r\nb\r\nc\nd";
        assert_eq!(LineEnding::detect(mostly_crlf).as_str(mostly_crlf), "\r\n");
        let mostly_cr = "a\rb\rc\nd";
        assert_eq!(LineEnding::detect(mostly_cr).as_str(mostly_cr), "\r");
    }
}
