//! YAML front matter → spanned tree, from saphyr-parser's event stream.
//!
//! We walk the events ourselves (instead of a loader) to keep every span,
//! keep key order, see duplicate keys, never expand aliases (alias bombs cost
//! nothing), and bound nesting depth.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};

use super::split::empty_map;
use super::{Duplicate, Entry, Node, Style, SyntaxError, Value};
use crate::document::Span;

/// Deeper nesting than this is refused: no real front matter comes close,
/// and a hostile file must not exhaust the stack when the tree is dropped.
const MAX_DEPTH: usize = 128;

/// Converts saphyr's character indices into byte offsets.
struct CharToByte {
    /// Empty for ASCII text, where characters and bytes coincide.
    table: Vec<usize>,
    len: usize,
}

impl CharToByte {
    fn new(src: &str) -> Self {
        if src.is_ascii() {
            return CharToByte {
                table: Vec::new(),
                len: src.len(),
            };
        }
        let mut table: Vec<usize> = src.char_indices().map(|(i, _)| i).collect();
        table.push(src.len());
        CharToByte {
            table,
            len: src.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        if self.table.is_empty() {
            char_index.min(self.len)
        } else {
            self.table.get(char_index).copied().unwrap_or(self.len)
        }
    }
}

/// Most nodes copied for YAML merge keys (anchored maps kept, and their
/// entries copied into the maps that merge them) in one block: plenty for
/// real front matter, and a hostile block cannot multiply its size.
const MERGE_BUDGET: usize = 100_000;

enum Frame {
    Seq {
        start: usize,
        end: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        end: usize,
        entries: Vec<Entry>,
        /// The pending key, and whether it is a plain `<<` (a merge key).
        key: Option<(String, Span, bool)>,
        seen: HashMap<String, Span>,
        /// The anchor of this map (0: none).
        anchor: usize,
        /// Anchors merged into this map with `<<`, in order of precedence.
        merges: Vec<usize>,
    },
}

/// Counts the nodes of a tree, for the merge budget.
fn node_count(n: &Node) -> usize {
    1 + match &n.value {
        Value::List(items) => items.iter().map(node_count).sum(),
        Value::Map(entries) => entries.iter().map(|e| 1 + node_count(&e.value)).sum(),
        _ => 0,
    }
}

pub(super) fn parse(src: &str, base: usize) -> (Option<Node>, Vec<SyntaxError>, Vec<Duplicate>) {
    let (root, errors, dups) = parse_once(src, base, &[]);
    if let [e] = errors.as_slice()
        && e.message.contains("quoted scalar")
        && e.message.contains("indentation")
    {
        // libyaml (Ruby, Python, Go loaders) accepts continuation lines of a
        // quoted value at column 0; strict YAML 1.2 does not. Re-read with
        // those lines indented to still get the tree, and keep the finding
        // as a lenient one.
        let (patched, inserts) = indent_bare_lines(src);
        let (root2, errors2, dups2) = parse_once(&patched, base, &inserts);
        if errors2.is_empty() {
            let mut e = e.clone();
            e.lenient = true;
            e.message = "a multi-line quoted value whose next lines are not indented".into();
            e.hint = Some("indent its continuation lines: strict YAML parsers reject it, libyaml-based ones accept it".into());
            return (root2, vec![e], dups2);
        }
    }
    (root, errors, dups)
}

/// Indents by one more space every non-blank line that does not start a key,
/// a list item or a comment (continuation lines of quoted values); returns the insert points (in the new
/// text) so offsets can be mapped back.
fn indent_bare_lines(src: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(src.len() + 64);
    let mut inserts = Vec::new();
    for line in src.split_inclusive('\n') {
        let t = line.trim();
        let starts_entry = t.starts_with(['#', '-'])
            || t.is_empty()
            || t.split_once(':').is_some_and(|(k, v)| {
                !k.is_empty()
                    && !k.contains(['\'', '"', ' '])
                    && (v.is_empty() || v.starts_with(' '))
            });
        if !starts_entry {
            inserts.push(out.len());
            out.push(' ');
        }
        out.push_str(line);
    }
    (out, inserts)
}

fn parse_once(
    src: &str,
    base: usize,
    inserts: &[usize],
) -> (Option<Node>, Vec<SyntaxError>, Vec<Duplicate>) {
    let map = CharToByte::new(src);
    // Offsets in a patched text → offsets in the original block.
    let unshift = |p: usize| p - inserts.partition_point(|&i| i < p);
    let mut parser = Parser::new_from_str(src);
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let mut duplicates = Vec::new();
    let mut errors = Vec::new();
    // YAML merge keys (`<<: *base`), resolved one level: anchored maps by
    // anchor id, and the anchor id of each alias by its position.
    let mut anchored: HashMap<usize, Node> = HashMap::new();
    let mut alias_ids: HashMap<usize, usize> = HashMap::new();
    let mut budget = MERGE_BUDGET;

    while let Some(item) = parser.next_event() {
        let (event, span) = match item {
            Ok(x) => x,
            Err(e) => {
                errors.push(scan_error(src, base, &map, &e));
                return (None, errors, duplicates);
            }
        };
        let s = unshift(map.byte(span.start.index())) + base;
        let e = unshift(map.byte(span.end.index())) + base;
        let finished: Option<Node> = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing => None,
            Event::DocumentStart(_) => {
                if root.is_some() {
                    errors.push(SyntaxError {
                        span: Span::new(s, e.max(s + 1)),
                        message: "a second YAML document inside the front matter".into(),
                        hint: Some(
                            "front matter holds one document: remove the extra `---`".into(),
                        ),
                        lenient: false,
                    });
                    return (None, errors, duplicates);
                }
                None
            }
            Event::DocumentEnd => None,
            Event::Alias(id) => {
                alias_ids.insert(s, id);
                Some(Node {
                    span: Span::new(s, e),
                    style: Style::Other,
                    value: Value::Alias,
                })
            }
            Event::Scalar(text, style, _anchor, tag) => {
                let tagged_str = tag.as_ref().is_some_and(|t| t.suffix == "str");
                Some(scalar(text, style, tagged_str, Span::new(s, e)))
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    errors.push(SyntaxError {
                        span: Span::new(s, s + 1),
                        message: format!("nesting deeper than {MAX_DEPTH} levels"),
                        hint: Some("front matter this deep is almost certainly a mistake".into()),
                        lenient: false,
                    });
                    return (None, errors, duplicates);
                }
                stack.push(match event {
                    Event::MappingStart(anchor, _) => Frame::Map {
                        start: s,
                        end: e,
                        entries: Vec::new(),
                        key: None,
                        seen: HashMap::new(),
                        anchor,
                        merges: Vec::new(),
                    },
                    _ => Frame::Seq {
                        start: s,
                        end: e,
                        items: Vec::new(),
                    },
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Seq { start, end, items }) => {
                    let end = items.last().map_or(end.max(e), |n| n.span.end);
                    Some(Node {
                        span: Span::new(start, end),
                        style: Style::Other,
                        value: Value::List(items),
                    })
                }
                Some(Frame::Map {
                    start,
                    end,
                    mut entries,
                    mut seen,
                    anchor,
                    merges,
                    ..
                }) => {
                    let end = entries.last().map_or(end.max(e), |en| en.value.span.end);
                    // Keys written in the map win over merged ones, and an
                    // earlier merged map over a later one. Aliases inside
                    // the copies stay aliases.
                    for id in merges {
                        let Some(base) = anchored.get(&id) else {
                            continue;
                        };
                        for entry in base.entries() {
                            if seen.contains_key(&entry.key) {
                                continue;
                            }
                            let cost = node_count(&entry.value);
                            if cost > budget {
                                continue;
                            }
                            budget -= cost;
                            seen.insert(entry.key.clone(), entry.key_span);
                            entries.push(Entry {
                                merged: true,
                                ..entry.clone()
                            });
                        }
                    }
                    let node = Node {
                        span: Span::new(start, end),
                        style: Style::Other,
                        value: Value::Map(entries),
                    };
                    if anchor != 0 {
                        let cost = node_count(&node);
                        if cost <= budget {
                            budget -= cost;
                            anchored.insert(anchor, node.clone());
                        }
                    }
                    Some(node)
                }
                None => None,
            },
        };
        if let Some(node) = finished {
            match stack.last_mut() {
                None => root = Some(node),
                Some(Frame::Seq { items, .. }) => items.push(node),
                Some(Frame::Map {
                    entries,
                    key,
                    seen,
                    merges,
                    ..
                }) => match key.take() {
                    None => {
                        let k = match &node.value {
                            Value::String(s) | Value::Timestamp(s) => s.clone(),
                            Value::Null => String::new(),
                            _ => format!("<{}>", node.value.type_name()),
                        };
                        let merge = node.style == Style::Plain && k == "<<";
                        *key = Some((k, node.span, merge));
                    }
                    Some((k, key_span, is_merge)) => {
                        // `<<: *base`: the entries are added when the map
                        // ends, under the keys written in it.
                        if is_merge && let Some(ids) = merge_targets(&node, &alias_ids, &anchored) {
                            merges.extend(ids);
                            continue;
                        }
                        if let Some(first) = seen.get(&k) {
                            duplicates.push(Duplicate {
                                key: k.clone(),
                                first: *first,
                                again: key_span,
                            });
                        } else {
                            seen.insert(k.clone(), key_span);
                        }
                        entries.push(Entry {
                            key: k,
                            key_span,
                            value: node,
                            merged: false,
                        });
                    }
                },
            }
        }
    }
    let root = root.or_else(|| Some(empty_map(base)));
    (root, errors, duplicates)
}

/// The anchors a merge key's value names (`*base` or `[*a, *b]`), when each
/// one is an anchored map; otherwise `<<` is kept as an ordinary key.
fn merge_targets(
    value: &Node,
    alias_ids: &HashMap<usize, usize>,
    anchored: &HashMap<usize, Node>,
) -> Option<Vec<usize>> {
    let one = |n: &Node| {
        let id = alias_ids.get(&n.span.start).copied()?;
        (matches!(n.value, Value::Alias) && anchored.contains_key(&id)).then_some(id)
    };
    match &value.value {
        Value::Alias => Some(vec![one(value)?]),
        Value::List(items) => items.iter().map(one).collect(),
        _ => None,
    }
}

fn scalar(text: Cow<'_, str>, style: ScalarStyle, tagged_str: bool, span: Span) -> Node {
    let (style, value) = match style {
        ScalarStyle::Plain if !tagged_str => (Style::Plain, resolve_plain(&text)),
        ScalarStyle::Plain => (Style::Plain, Value::String(text.into_owned())),
        ScalarStyle::SingleQuoted => (Style::SingleQuoted, Value::String(text.into_owned())),
        ScalarStyle::DoubleQuoted => (Style::DoubleQuoted, Value::String(text.into_owned())),
        ScalarStyle::Literal => (Style::Literal, Value::String(text.into_owned())),
        ScalarStyle::Folded => (Style::Folded, Value::String(text.into_owned())),
    };
    Node { span, style, value }
}

/// Resolves a plain scalar with the YAML 1.2 core schema, plus timestamps
/// (which Ruby's and Go's loaders, used by Jekyll and Hugo, turn into times).
fn resolve_plain(s: &str) -> Value {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    if let Some(v) = parse_int(s) {
        return Value::Int(v);
    }
    if is_float(s)
        && let Ok(f) = s.parse::<f64>()
    {
        return Value::Float(f);
    }
    if super::dates::looks_like_yaml_timestamp(s) {
        return Value::Timestamp(s.to_string());
    }
    Value::String(s.to_string())
}

fn parse_int(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if let Some(hex) = s.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok();
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return i64::from_str_radix(oct, 8).ok();
    }
    let digits = match b.first() {
        Some(b'-' | b'+') => &s[1..],
        _ => s,
    };
    if !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit()) {
        return s.parse::<i64>().ok();
    }
    None
}

fn is_float(s: &str) -> bool {
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    let b = s.as_bytes();
    let mut i = 0;
    if matches!(b.first(), Some(b'-' | b'+')) {
        i += 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = i - int_start;
    let mut frac_digits = 0;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let f = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        frac_digits = i - f;
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            i += 1;
        }
        let e = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == e {
            return false;
        }
    }
    i == b.len()
}

/// Turns a scanner error into a located message with a fix hint.
fn scan_error(src: &str, base: usize, map: &CharToByte, e: &ScanError) -> SyntaxError {
    let mut at = map.byte(e.marker().index());
    let info = e.info();
    let line_start = src[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = src[at..].find(['\n', '\r']).map_or(src.len(), |i| at + i);
    let line = &src[line_start..line_end];
    // Where the underline ends, when it covers more than one character.
    let mut end_at: Option<usize> = None;
    let (message, hint) = if let Some(open) = unclosed_flow_before(src, line_start) {
        // The parser only notices an unclosed `[` or `{` lines later, where
        // the next key or the fence cannot continue it: point at the opener.
        at = open;
        let (bracket, close, what) = if src.as_bytes()[open] == b'[' {
            ('[', ']', "list")
        } else {
            ('{', '}', "map")
        };
        (
            format!("this `{bracket}` is never closed"),
            Some(format!(
                "close the {what} with `{close}` on the same line, or quote the value if the `{bracket}` is text"
            )),
        )
    } else if info.contains("tab") {
        // Point at the first tab of the offending line, where the author
        // has to act.
        if let Some(t) = line.find('\t') {
            at = line_start + t;
        }
        (
            "tabs are not allowed for indentation in YAML".to_string(),
            Some("indent with spaces instead of tabs".to_string()),
        )
    } else if info.contains("mapping values are not allowed") {
        let hint = match line.split_once(": ") {
            Some((key, value)) if !value.trim().starts_with(['"', '\'']) => {
                let v = value.trim().replace('\\', "\\\\").replace('"', "\\\"");
                format!("quote the value: `{}: \"{}\"`", key.trim_end(), v)
            }
            _ => "quote the value that contains `: `".to_string(),
        };
        (
            "a `: ` inside an unquoted value starts a new mapping here".to_string(),
            Some(hint),
        )
    } else if info.starts_with("unexpected character") || info.contains("cannot start any token") {
        let ch = src[at..].chars().next().unwrap_or(' ');
        (
            format!("a plain value cannot start with `{ch}`"),
            Some("put the value in quotes, e.g. '…'".to_string()),
        )
    } else if info.contains("unknown anchor") {
        // Name the alias: `a: *nope` with no `&nope` before it.
        let name: String = src[at..]
            .trim_start_matches('*')
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
            .collect();
        if src[at..].starts_with('*') {
            end_at = Some(at + 1 + name.len());
        }
        (
            format!("the alias `*{name}` refers to no anchor: no `&{name}` is defined before it"),
            Some(format!(
                "define `&{name}` on an earlier value, or quote the value if `*{name}` is text"
            )),
        )
    } else {
        (info.to_string(), indentation_hint(info))
    };
    let end = end_at.unwrap_or_else(|| src[at..].chars().next().map_or(at, |c| at + c.len_utf8()));
    SyntaxError {
        span: Span::new(at + base, end + base),
        message,
        hint,
        lenient: false,
    }
}

/// The offset of a flow collection opener (`[` or `{` starting a value)
/// that is still open at `end`, on a line before it.
fn unclosed_flow_before(src: &str, end: usize) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    let mut pos = 0;
    for line in src[..end].split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let from = if open.is_empty() {
            match flow_value_start(body) {
                Some(i) => i,
                None => continue,
            }
        } else {
            0
        };
        let b = body.as_bytes();
        let mut quote: Option<u8> = None;
        let mut i = from;
        while i < b.len() {
            let c = b[i];
            match quote {
                Some(q) => {
                    if c == b'\\' && q == b'"' {
                        i += 1;
                    } else if c == q {
                        quote = None;
                    }
                }
                None => match c {
                    b'"' | b'\'' => quote = Some(c),
                    b'#' if i == 0 || b[i - 1] == b' ' => break,
                    b'[' | b'{' => open.push(start + i),
                    b']' | b'}' => {
                        open.pop();
                    }
                    _ => {}
                },
            }
            i += 1;
        }
    }
    open.first().copied()
}

/// Where a flow collection starts on a line (`key: [`, `- {`, `[`), if it
/// does: a `[` inside plain text (`title: a [b]`) is just text.
fn flow_value_start(line: &str) -> Option<usize> {
    let mut i = line.len() - line.trim_start().len();
    let b = line.as_bytes();
    loop {
        while b.get(i) == Some(&b'-') && matches!(b.get(i + 1), Some(b' ')) {
            i += 2;
            while b.get(i) == Some(&b' ') {
                i += 1;
            }
        }
        match b.get(i) {
            Some(b'[' | b'{') => return Some(i),
            Some(b'"' | b'\'' | b'#') | None => return None,
            _ => {}
        }
        // `key: value`: look at the value.
        let rest = &line[i..];
        let colon = rest
            .find(": ")
            .or_else(|| rest.strip_suffix(':').map(|r| r.len()))?;
        i += colon + 1;
        while b.get(i) == Some(&b' ') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
    }
}

fn indentation_hint(info: &str) -> Option<String> {
    if info.contains("did not find expected")
        || info.contains("indentation")
        || info.contains("block mapping")
        || info.contains("block sequence")
    {
        Some("check the indentation of this line and the one above".into())
    } else if info.contains("end of the stream") || info.contains("quoted scalar") {
        Some("a quote is probably not closed".into())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(src: &str) -> Node {
        let (r, errs, _) = parse(src, 0);
        assert!(errs.is_empty(), "{errs:?}");
        r.unwrap()
    }

    #[test]
    fn spans_and_types() {
        let src = "title: 'Hi '\ndate: 2020-03-31\nn: 010\nb: no\nl: [a, b]\n";
        let r = root(src);
        let t = r.get("title").unwrap();
        assert_eq!(&src[t.value.span.range()], "'Hi '");
        assert_eq!(t.value.value, Value::String("Hi ".into()));
        assert_eq!(
            r.get("date").unwrap().value.value,
            Value::Timestamp("2020-03-31".into())
        );
        assert_eq!(r.get("n").unwrap().value.value, Value::Int(10));
        assert_eq!(r.get("b").unwrap().value.value, Value::String("no".into()));
        assert!(matches!(r.get("l").unwrap().value.value, Value::List(ref l) if l.len() == 2));
    }

    #[test]
    fn non_ascii_offsets_are_bytes() {
        let src = "titre: été\nx: y\n";
        let r = root(src);
        let x = r.get("x").unwrap();
        assert_eq!(&src[x.key_span.range()], "x");
    }

    #[test]
    fn duplicates_are_recorded() {
        let (_, _, d) = parse("a: 1\nb: 2\na: 3\n", 0);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].first, Span::new(0, 1));
        assert_eq!(d[0].again, Span::new(10, 11));
    }

    #[test]
    fn colon_in_value_hint() {
        let (_, e, _) = parse("title: Lesson 3: Getting started\n", 0);
        assert_eq!(e[0].span.start, 15);
        assert_eq!(
            e[0].hint.as_deref(),
            Some("quote the value: `title: \"Lesson 3: Getting started\"`")
        );
    }

    #[test]
    fn unknown_alias_is_named() {
        let (_, e, _) = parse("title: x\na: *nope\n", 0);
        assert_eq!((e[0].span.start, e[0].span.end), (12, 17), "{e:?}");
        assert!(e[0].message.contains("`*nope`"), "{e:?}");
        assert!(e[0].message.contains("`&nope`"), "{e:?}");
    }

    #[test]
    fn unclosed_bracket_on_an_earlier_line() {
        let src = "title: x\nbad yaml: [\ndate: 2020-01-01\n";
        let (_, e, _) = parse(src, 0);
        assert_eq!(e[0].span.start, 19, "{e:?}");
        assert!(e[0].message.contains("never closed"), "{e:?}");
        // A `[` inside plain text, and a list closed lines later, are fine.
        assert!(unclosed_flow_before("title: a [b\n", 12).is_none());
        assert!(unclosed_flow_before("tags: [a,\n  b]\n", 15).is_none());
        assert_eq!(unclosed_flow_before("- {a: 1\n", 8), Some(2));
    }

    #[test]
    fn merge_keys_copy_the_anchored_map() {
        let src = "base: &base\n  title: x\n  layout: post\npost:\n  <<: *base\n  layout: page\n<<: [*base]\n";
        let (r, e, d) = parse(src, 0);
        assert!(e.is_empty() && d.is_empty(), "{e:?} {d:?}");
        let r = r.unwrap();
        let title = r.get("title").unwrap();
        assert!(title.merged);
        assert_eq!(&src[title.key_span.range()], "title");
        assert_eq!(title.key_span, Span::new(14, 19));
        assert!(r.get("<<").is_none());
        let post = &r.get("post").unwrap().value;
        assert_eq!(
            post.get("layout").unwrap().value.value,
            Value::String("page".into())
        );
        assert!(!post.get("layout").unwrap().merged);
        assert!(post.get("title").unwrap().merged);
        // `<<` on something that is not an anchored map stays a key.
        let r = root("a: &a x\n<<: *a\n");
        assert!(r.get("<<").is_some());
    }

    #[test]
    fn merge_chains_are_bounded() {
        // Each map merges the previous one: copies would grow as n².
        let mut src = String::from("a0: &a0 {x: 1}\n");
        for i in 1..3000 {
            src.push_str(&format!("a{i}: &a{i} {{<<: *a{}, y{i}: 1}}\n", i - 1));
        }
        let r = root(&src);
        let merged: usize = r
            .entries()
            .iter()
            .map(|e| e.value.entries().iter().filter(|x| x.merged).count())
            .sum();
        assert!(merged <= MERGE_BUDGET, "{merged}");
        assert_eq!(r.entries().len(), 3000);
    }

    #[test]
    fn alias_bomb_is_cheap() {
        let mut s = String::from("a: &a [x, x]\n");
        for i in 1..30 {
            s.push_str(&format!(
                "b{i}: &b{i} [*{p}, *{p}]\n",
                p = if i == 1 {
                    "a".to_string()
                } else {
                    format!("b{}", i - 1)
                }
            ));
        }
        let r = root(&s);
        assert_eq!(r.entries().len(), 30);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let s = "[".repeat(10_000);
        let (r, e, _) = parse(&s, 0);
        assert!(r.is_none());
        assert!(!e.is_empty(), "{e:?}");
    }

    #[test]
    fn unindented_quoted_continuation_is_lenient() {
        let src = "a: 'x\ny z'\nb: 1\n";
        let (r, e, _) = parse(src, 10);
        assert!(e[0].lenient);
        let r = r.unwrap();
        assert_eq!(
            r.get("a").unwrap().value.value,
            Value::String("x y z".into())
        );
        let b = r.get("b").unwrap();
        assert_eq!(b.key_span, Span::new(10 + 11, 10 + 12));
    }

    #[test]
    fn comments_only_is_empty_map() {
        let r = root("# title: x\n# date: y\n");
        assert!(r.entries().is_empty());
    }
}
