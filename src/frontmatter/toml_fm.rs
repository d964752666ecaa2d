//! TOML front matter (`+++`) → spanned tree, through toml's span-keeping
//! `DeTable` parser.

use std::collections::HashMap;

use toml::de::{DeTable, DeValue};

use super::{Duplicate, Entry, Node, Style, SyntaxError, Value};
use crate::document::Span;

pub(super) fn parse(src: &str, base: usize) -> (Option<Node>, Vec<SyntaxError>, Vec<Duplicate>) {
    let (table, errs) = DeTable::parse_recoverable(src);
    let root = Node {
        span: Span::new(base, base + src.len()),
        style: Style::Other,
        value: Value::Map(table_entries(table.get_ref(), base)),
    };
    let mut errors = Vec::new();
    let mut duplicates = Vec::new();
    // Where each key name first appears, built once: searching the tree for
    // every duplicate would cost keys × duplicates.
    let mut first_keys = HashMap::new();
    if errs.iter().any(|e| e.message().contains("duplicate key")) {
        index_keys(&root, &mut first_keys);
    }
    for e in &errs {
        let span = e.span().unwrap_or(0..0);
        let at = Span::new(span.start + base, span.end.max(span.start) + base);
        if e.message().contains("duplicate key") {
            let key = src[span.clone()].trim_matches(['"', '\'']).to_string();
            let first = first_keys
                .get(key.as_str())
                .and_then(|&(a, b): &(Span, Option<Span>)| if a != at { Some(a) } else { b })
                .unwrap_or(at);
            duplicates.push(Duplicate {
                key,
                first,
                again: at,
            });
        } else {
            errors.push(SyntaxError {
                span: at,
                message: first_line(e.message()),
                hint: toml_hint(e.message()),
                lenient: false,
            });
        }
    }
    // A tree is only trusted when the block parsed; duplicate keys alone
    // still leave a usable tree (FM004 reports them).
    let root = errors.is_empty().then_some(root);
    (root, errors, duplicates)
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).trim().to_string()
}

fn toml_hint(msg: &str) -> Option<String> {
    if msg.contains("string") && msg.contains("expected `\"`") {
        Some("close the string with `\"`".into())
    } else if msg.contains("expected `=`") || msg.contains("key") && msg.contains("expected") {
        Some("TOML front matter uses `key = value` lines".into())
    } else {
        None
    }
}

/// The first two places (depth first) where each key name appears: the
/// first one that is not the duplicate itself is where it was defined.
fn index_keys<'a>(node: &'a Node, out: &mut HashMap<&'a str, (Span, Option<Span>)>) {
    for e in node.entries() {
        out.entry(e.key.as_str())
            .and_modify(|(_, second)| {
                second.get_or_insert(e.key_span);
            })
            .or_insert((e.key_span, None));
        index_keys(&e.value, out);
    }
}

fn table_entries(t: &DeTable<'_>, base: usize) -> Vec<Entry> {
    t.iter()
        .map(|(k, v)| {
            let ks = k.span();
            Entry {
                key: k.get_ref().to_string(),
                key_span: Span::new(ks.start + base, ks.end + base),
                value: convert(v.get_ref(), v.span(), base),
                merged: false,
            }
        })
        .collect()
}

fn convert(v: &DeValue<'_>, span: std::ops::Range<usize>, base: usize) -> Node {
    let span = Span::new(span.start + base, span.end + base);
    let (style, value) = match v {
        DeValue::String(s) => (Style::Quoted, Value::String(s.to_string())),
        DeValue::Integer(i) => {
            let digits: String = i.as_str().chars().filter(|c| *c != '_').collect();
            let digits = digits
                .trim_start_matches("0x")
                .trim_start_matches("0o")
                .trim_start_matches("0b")
                .to_string();
            (
                Style::Other,
                i64::from_str_radix(&digits, i.radix())
                    .map(Value::Int)
                    .unwrap_or(Value::String(i.as_str().to_string())),
            )
        }
        DeValue::Float(f) => {
            let s: String = f.as_str().chars().filter(|c| *c != '_').collect();
            let val = match s.as_str() {
                "inf" | "+inf" => f64::INFINITY,
                "-inf" => f64::NEG_INFINITY,
                "nan" | "+nan" | "-nan" => f64::NAN,
                _ => s.parse().unwrap_or(f64::NAN),
            };
            (Style::Other, Value::Float(val))
        }
        DeValue::Boolean(b) => (Style::Other, Value::Bool(*b)),
        DeValue::Datetime(d) => (Style::Other, Value::Timestamp(d.to_string())),
        DeValue::Array(a) => (
            Style::Other,
            Value::List(
                a.iter()
                    .map(|x| convert(x.get_ref(), x.span(), base))
                    .collect(),
            ),
        ),
        DeValue::Table(t) => (Style::Other, Value::Map(table_entries(t, base))),
    };
    Node { span, style, value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_values() {
        let src = "title = \"A \"\ndate = 2021-04-01\n[extra]\nteam = \"x\"\n";
        let (r, e, d) = parse(src, 4);
        assert!(e.is_empty() && d.is_empty());
        let r = r.unwrap();
        let t = r.get("title").unwrap();
        assert_eq!(t.key_span, Span::new(4, 9));
        assert_eq!(t.value.value, Value::String("A ".into()));
        assert_eq!(
            r.get("date").unwrap().value.value,
            Value::Timestamp("2021-04-01".into())
        );
        assert_eq!(
            r.get("extra")
                .unwrap()
                .value
                .get("team")
                .unwrap()
                .value
                .value,
            Value::String("x".into())
        );
    }

    #[test]
    fn duplicate_key() {
        let (r, e, d) = parse("title = \"a\"\ntitle = \"b\"\n", 0);
        assert!(e.is_empty());
        assert!(r.is_some());
        assert_eq!(d[0].first, Span::new(0, 5));
        assert_eq!(d[0].again, Span::new(12, 17));
    }

    #[test]
    fn syntax_error_position() {
        let (r, e, _) = parse("title = \"a\nx = 1\n", 0);
        assert!(r.is_none());
        assert_eq!(e[0].span.start, 10);
    }
}
