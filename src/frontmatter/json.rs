//! JSON front matter → spanned tree. A small recursive-descent reader of our
//! own, because serde_json keeps neither spans nor duplicate keys.

use std::collections::HashMap;

use super::{Duplicate, Entry, Node, Style, SyntaxError, Value};
use crate::document::Span;

const MAX_DEPTH: usize = 128;

struct Reader<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    base: usize,
    depth: usize,
    duplicates: Vec<Duplicate>,
}

type R<T> = Result<T, SyntaxError>;

pub(super) fn parse(src: &str, base: usize) -> (Option<Node>, Vec<SyntaxError>, Vec<Duplicate>) {
    let mut r = Reader {
        src,
        b: src.as_bytes(),
        pos: 0,
        base,
        depth: 0,
        duplicates: Vec::new(),
    };
    r.ws();
    let result = r.value().and_then(|n| {
        r.ws();
        if r.pos < r.b.len() {
            Err(r.err("unexpected text after the JSON object", None))
        } else {
            Ok(n)
        }
    });
    match result {
        Ok(n) => (Some(n), Vec::new(), r.duplicates),
        Err(e) => (None, vec![e], r.duplicates),
    }
}

impl Reader<'_> {
    /// At a closing `}` or `]` right after a comma: JSON allows no comma
    /// after the last entry. Points at the comma, where the fix is.
    fn trailing_comma(&self) -> SyntaxError {
        let comma = self.b[..self.pos]
            .iter()
            .rposition(|&b| b == b',')
            .unwrap_or(self.pos);
        SyntaxError {
            span: Span::new(comma + self.base, comma + 1 + self.base),
            message: "a comma after the last entry (JSON allows none)".to_string(),
            hint: Some("remove this comma".to_string()),
            lenient: false,
        }
    }

    fn err(&self, msg: &str, hint: Option<&str>) -> SyntaxError {
        let end = self.src[self.pos.min(self.src.len())..]
            .chars()
            .next()
            .map_or(self.pos, |c| self.pos + c.len_utf8());
        SyntaxError {
            span: Span::new(self.pos + self.base, end + self.base),
            message: msg.to_string(),
            hint: hint.map(str::to_string),
            lenient: false,
        }
    }

    fn ws(&mut self) {
        while self.pos < self.b.len() && matches!(self.b[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    fn span(&self, start: usize) -> Span {
        Span::new(start + self.base, self.pos + self.base)
    }

    fn value(&mut self) -> R<Node> {
        let start = self.pos;
        match self.b.get(self.pos) {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => {
                let s = self.string()?;
                Ok(Node {
                    span: self.span(start),
                    style: Style::Quoted,
                    value: Value::String(s),
                })
            }
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("expected a JSON value", None)),
            None => Err(self.err("unexpected end of the JSON front matter", None)),
        }
    }

    fn word(&mut self, w: &str, v: Value) -> R<Node> {
        let start = self.pos;
        if self.src[self.pos..].starts_with(w) {
            self.pos += w.len();
            Ok(Node {
                span: self.span(start),
                style: Style::Other,
                value: v,
            })
        } else {
            Err(self.err(
                "expected a JSON value",
                Some("strings must be in double quotes"),
            ))
        }
    }

    fn number(&mut self) -> R<Node> {
        let start = self.pos;
        while self.pos < self.b.len()
            && matches!(
                self.b[self.pos],
                b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
            )
        {
            self.pos += 1;
        }
        let t = &self.src[start..self.pos];
        let value = if let Ok(i) = t.parse::<i64>() {
            Value::Int(i)
        } else if let Ok(f) = t.parse::<f64>() {
            Value::Float(f)
        } else {
            self.pos = start;
            return Err(self.err("invalid number", None));
        };
        Ok(Node {
            span: self.span(start),
            style: Style::Other,
            value,
        })
    }

    fn string(&mut self) -> R<String> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let Some(&c) = self.b.get(self.pos) else {
                return Err(self.err("unterminated string", Some("close the string with `\"`")));
            };
            match c {
                b'"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    let esc = self.b.get(self.pos + 1).copied();
                    self.pos += 2;
                    match esc {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let hex = self.src.get(self.pos..self.pos + 4).unwrap_or("");
                            let cp = u32::from_str_radix(hex, 16)
                                .map_err(|_| self.err("invalid \\u escape", None))?;
                            self.pos += 4;
                            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                        }
                        _ => {
                            self.pos -= 2;
                            return Err(self.err("invalid escape in string", None));
                        }
                    }
                }
                b'\n' | b'\r' => {
                    return Err(self.err("line break inside a string", Some("write it as \\n")));
                }
                _ => {
                    let ch = self.src[self.pos..].chars().next().unwrap_or(' ');
                    out.push(ch);
                    self.pos += ch.len_utf8();
                }
            }
        }
    }

    fn enter(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err("nesting too deep", None));
        }
        Ok(())
    }

    fn array(&mut self) -> R<Node> {
        let start = self.pos;
        self.enter()?;
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.b.get(self.pos) == Some(&b']') {
            self.pos += 1;
        } else {
            loop {
                self.ws();
                if self.b.get(self.pos) == Some(&b']') && !items.is_empty() {
                    return Err(self.trailing_comma());
                }
                items.push(self.value()?);
                self.ws();
                match self.b.get(self.pos) {
                    Some(b',') => self.pos += 1,
                    Some(b']') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.err("expected `,` or `]`", None)),
                }
            }
        }
        self.depth -= 1;
        Ok(Node {
            span: self.span(start),
            style: Style::Other,
            value: Value::List(items),
        })
    }

    fn object(&mut self) -> R<Node> {
        let start = self.pos;
        self.enter()?;
        self.pos += 1;
        let mut entries = Vec::new();
        let mut seen: HashMap<String, Span> = HashMap::new();
        self.ws();
        if self.b.get(self.pos) == Some(&b'}') {
            self.pos += 1;
        } else {
            loop {
                self.ws();
                if self.b.get(self.pos) == Some(&b'}') && !entries.is_empty() {
                    return Err(self.trailing_comma());
                }
                if self.b.get(self.pos) != Some(&b'"') {
                    return Err(self.err("expected a key in double quotes", None));
                }
                let ks = self.pos;
                let key = self.string()?;
                let key_span = self.span(ks);
                self.ws();
                if self.b.get(self.pos) != Some(&b':') {
                    return Err(self.err("expected `:` after the key", None));
                }
                self.pos += 1;
                self.ws();
                let value = self.value()?;
                if let Some(first) = seen.get(&key) {
                    self.duplicates.push(Duplicate {
                        key: key.clone(),
                        first: *first,
                        again: key_span,
                    });
                } else {
                    seen.insert(key.clone(), key_span);
                }
                entries.push(Entry {
                    key,
                    key_span,
                    value,
                    merged: false,
                });
                self.ws();
                match self.b.get(self.pos) {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    _ => {
                        return Err(self.err(
                            "expected `,` or `}`",
                            Some("a comma may be missing between entries"),
                        ));
                    }
                }
            }
        }
        self.depth -= 1;
        Ok(Node {
            span: self.span(start),
            style: Style::Other,
            value: Value::Map(entries),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_with_spans_and_duplicates() {
        let src = r#"{"title": "é x", "n": [1, 2.5, true, null], "title": "b"}"#;
        let (r, e, d) = parse(src, 0);
        assert!(e.is_empty());
        let r = r.unwrap();
        assert_eq!(r.entries().len(), 3);
        assert_eq!(d.len(), 1);
        let t = r.get("title").unwrap();
        assert_eq!(&src[t.value.span.range()], "\"é x\"");
    }

    #[test]
    fn error_position() {
        let (r, e, _) = parse("{\"a\": 1 \"b\": 2}", 0);
        assert!(r.is_none());
        assert_eq!(e[0].span.start, 8);
        // A trailing comma is reported at the comma.
        let src = "{\n  \"a\": [1, 2,],\n  \"b\": 1\n}";
        let (_, e, _) = parse(src, 0);
        assert_eq!(e[0].span.start, src.find(",]").unwrap(), "{:?}", e[0]);
        let src = "{\n  \"a\": 1,\n}";
        let (_, e, _) = parse(src, 0);
        assert_eq!(e[0].span.start, src.rfind(',').unwrap());
        assert!(e[0].message.contains("after the last entry"));
    }
}
