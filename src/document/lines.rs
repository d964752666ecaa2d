//! Byte offset → 1-based line and column, built once per file.

/// Start offsets of every line. A line ends at `\n`, at `\r\n`, or at a lone
/// `\r` (old Mac files and the odd stray CR in real corpora).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Length in bytes of a leading byte-order mark, which must not count as
    /// a column of line 1.
    bom_len: usize,
    /// `(byte offset, characters since its line start)` every few KiB of a
    /// long line, so that a column costs a bounded scan even on a 50 MB
    /// single-line file.
    checkpoints: Vec<(usize, usize)>,
}

/// Distance between two checkpoints of a long line.
const CHECKPOINT_EVERY: usize = 4096;

/// A 1-based position: line, and column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // Jump from line break to line break: every file is indexed, and
        // most lines are far shorter than a checkpoint interval, so their
        // characters need not be counted.
        let mut starts = Vec::with_capacity(bytes.len() / 32 + 1);
        starts.push(0);
        let mut checkpoints = Vec::new();
        let mut line_start = 0;
        loop {
            let brk = memchr::memchr2(b'\n', b'\r', &bytes[line_start..]).map(|p| line_start + p);
            let end = brk.unwrap_or(bytes.len());
            if end - line_start > CHECKPOINT_EVERY {
                add_checkpoints(bytes, line_start, end, &mut checkpoints);
            }
            let Some(at) = brk else {
                break;
            };
            let next = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(next);
            line_start = next;
        }
        let bom_len = if text.starts_with('\u{feff}') { 3 } else { 0 };
        LineIndex {
            starts,
            bom_len,
            checkpoints,
        }
    }

    /// Number of lines (a final line break opens an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line number holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// Byte range of 0-based `line`, without its line break.
    pub fn line_span(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.line_start(line);
        let mut end = if line + 1 < self.starts.len() {
            self.starts[line + 1]
        } else {
            text.len()
        };
        let b = text.as_bytes();
        if end > start && b[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && b[end - 1] == b'\r' {
            end -= 1;
        }
        (start, end)
    }

    /// 1-based line and character column of `offset` in `text`.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let mut start = self.starts[line];
        let mut base = 0;
        // Resume from the closest checkpoint of this line, if any.
        let k = self.checkpoints.partition_point(|&(b, _)| b <= offset);
        if k > 0 {
            let (b, c) = self.checkpoints[k - 1];
            if b >= start {
                start = b;
                base = c;
            }
        }
        if line == 0 && self.bom_len > 0 && offset >= self.bom_len && start < self.bom_len {
            start = self.bom_len;
        } else if line == 0 && self.bom_len > 0 && base > 0 {
            base -= 1;
        }
        let column = base + text[start..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }
}

/// Checkpoints of the line `bytes[start..end]` (no line break inside):
/// `(offset, characters since the line start)` at the first character
/// start at least `CHECKPOINT_EVERY` bytes after the previous one.
fn add_checkpoints(bytes: &[u8], start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let mut last_mark = start;
    let mut chars = 0usize;
    for (i, &b) in bytes.iter().enumerate().take(end).skip(start) {
        // A character starts at every byte that is not a UTF-8
        // continuation byte.
        if b & 0xC0 != 0x80 {
            if i - last_mark >= CHECKPOINT_EVERY {
                out.push((i, chars));
                last_mark = i;
            }
            chars += 1;
        }
    }
}

/// The largest char boundary at or before `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lf_crlf_and_lone_cr() {
        let t = "a\nbc\r\nd\re";
        let li = LineIndex::new(t);
        assert_eq!(li.line_count(), 4);
        assert_eq!(li.position(t, 0), Position { line: 1, column: 1 });
        assert_eq!(li.position(t, 3), Position { line: 2, column: 2 });
        assert_eq!(li.position(t, 6), Position { line: 3, column: 1 });
        assert_eq!(li.position(t, 8), Position { line: 4, column: 1 });
        assert_eq!(li.line_span(t, 1), (2, 4));
    }

    #[test]
    fn bom_does_not_shift_columns() {
        let t = "\u{feff}---\nx";
        let li = LineIndex::new(t);
        assert_eq!(li.position(t, 3), Position { line: 1, column: 1 });
        assert_eq!(li.position(t, 4), Position { line: 1, column: 2 });
    }

    #[test]
    fn long_lines_use_checkpoints() {
        let t = format!("\u{feff}{}", "é".repeat(10_000) + "x" + &"a".repeat(10_000));
        let li = LineIndex::new(&t);
        assert!(!li.checkpoints.is_empty());
        let x = t.find('x').unwrap();
        assert_eq!(
            li.position(&t, x),
            Position {
                line: 1,
                column: 10_001
            }
        );
        assert_eq!(
            li.position(&t, t.len()),
            Position {
                line: 1,
                column: 20_002
            }
        );
    }

    /// The index as first written, byte by byte: the reference the
    /// line-break-jumping version must match exactly.
    fn reference(text: &str) -> (Vec<usize>, Vec<(usize, usize)>) {
        let bytes = text.as_bytes();
        let (mut starts, mut checkpoints) = (vec![0], Vec::new());
        let (mut last_mark, mut chars, mut i) = (0, 0usize, 0);
        while i < bytes.len() {
            match bytes[i] {
                b'\n' | b'\r' => {
                    if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                    last_mark = i + 1;
                    chars = 0;
                }
                b => {
                    if b & 0xC0 != 0x80 {
                        if i - last_mark >= CHECKPOINT_EVERY {
                            checkpoints.push((i, chars));
                            last_mark = i;
                        }
                        chars += 1;
                    }
                }
            }
            i += 1;
        }
        (starts, checkpoints)
    }

    #[test]
    fn same_index_as_the_byte_by_byte_reference() {
        let pieces = ["a", "é", "\n", "\r\n", "\r", "€", "\u{1F600}", "x y "];
        // A small deterministic generator: lines of every length around the
        // checkpoint interval, with every kind of break and character width.
        let mut seed = 0x2545_f491_u64;
        for round in 0..200 {
            let mut text = String::new();
            let target = [10, 4_095, 4_096, 4_097, 9_000, 20_000][round % 6];
            while text.len() < target {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let p = pieces[(seed % pieces.len() as u64) as usize];
                // Long lines: mostly no breaks.
                if p.contains(['\n', '\r']) && !seed.is_multiple_of(97) {
                    text.push('a');
                } else {
                    text.push_str(p);
                }
            }
            let li = LineIndex::new(&text);
            assert_eq!(
                (li.starts.clone(), li.checkpoints.clone()),
                reference(&text)
            );
        }
    }

    #[test]
    fn columns_count_characters() {
        let t = "été x";
        let li = LineIndex::new(t);
        assert_eq!(li.position(t, 6), Position { line: 1, column: 5 });
    }
}
