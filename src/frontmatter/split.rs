//! Finds the front-matter block at the top of a file, the way site generators
//! do, and says precisely what is wrong when it is not where they look:
//! unclosed (with a mistyped fence pointed out), after blank lines, or a
//! `---` that is really a horizontal rule.
//!
//! Only the top of the file is considered: a later `---` is a thematic break
//! of the body, never a second block.

use super::{Format, Node, Value};
use super::{FrontMatter, Placement, parse_block};
use crate::document::Span;

/// The outcome of splitting: the block (if any) and where the body starts.
pub struct Split {
    pub front_matter: Option<FrontMatter>,
    pub body_start: usize,
}

/// One line: `[start, end)` without its line break, `next` = start of the
/// following line.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

fn lines_from(text: &str, from: usize) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let mut i = pos;
        while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
            i += 1;
        }
        let end = i;
        if i < bytes.len() {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 2;
            } else {
                i += 1;
            }
        }
        pos = i;
        Some(Line {
            start,
            end,
            next: i,
        })
    })
}

/// An opening fence: the block's syntax and the line that closes it.
/// Eleventy also names the syntax after the dashes (`---json`, `---yaml`,
/// `---toml`, `---js`), and closes every such block with `---`.
#[derive(Clone, Copy)]
struct Fence {
    format: Format,
    close: &'static str,
}

fn fence_format(line: &str) -> Option<Fence> {
    let format = match line.trim_end_matches([' ', '\t']) {
        "+++" => {
            return Some(Fence {
                format: Format::Toml,
                close: "+++",
            });
        }
        "---" | "---yaml" => Format::Yaml,
        "---json" => Format::Json,
        "---toml" => Format::Toml,
        "---js" | "---javascript" => Format::JavaScript,
        _ => return None,
    };
    Some(Fence {
        format,
        close: "---",
    })
}

fn is_closing(line: &str, fence: Fence) -> bool {
    let t = line.trim_end_matches([' ', '\t']);
    // YAML may also end its document with `...`.
    t == fence.close || (fence.format == Format::Yaml && t == "...")
}

/// A line that was probably meant as the closing fence: too few or too many
/// dashes (or pluses).
fn is_near_miss(line: &str, fence: Fence) -> bool {
    let t = line.trim_end_matches([' ', '\t']);
    let c = if fence.close == "+++" { '+' } else { '-' };
    let n = t.chars().count();
    (n == 2 || n >= 4) && t.chars().all(|ch| ch == c)
}

/// `- item` or a lone `-`: a YAML list item, which starts a block that is a
/// list rather than fields.
fn is_yaml_list_item(line: &str) -> bool {
    let t = line.trim_start();
    t == "-" || t.starts_with("- ") || t.starts_with("-\t")
}

/// Does this line look like the start of front-matter content (`key:`,
/// `key =`, a comment, a list item)?
fn looks_like_content(line: &str, format: Format) -> bool {
    let t = line.trim_start();
    if t.is_empty() || t.starts_with('#') {
        return true;
    }
    match format {
        Format::Yaml => {
            if let Some(colon) = t.find(':') {
                let key = &t[..colon];
                let after = &t[colon + 1..];
                !key.is_empty()
                    && (after.is_empty() || after.starts_with([' ', '\t']))
                    && !key.contains("://")
            } else {
                false
            }
        }
        Format::Toml => t.contains('=') || t.starts_with('['),
        Format::Json | Format::JavaScript => true,
    }
}

pub fn split(text: &str) -> Split {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = lines_from(text, start).peekable();
    let Some(first) = lines.peek().copied() else {
        return Split {
            front_matter: None,
            body_start: start,
        };
    };
    let first_text = &text[first.start..first.end];

    if first_text.starts_with('{') && opens_json_object(text, first.start) {
        return split_json(text, first.start);
    }
    if let Some(fence) = fence_format(first_text) {
        return split_fenced(text, first, fence, Placement::AtStart, start);
    }
    if first_text.trim().is_empty() {
        // Blank lines, then maybe a block that generators will not see.
        let mut blank_end = first.start;
        for line in lines_from(text, start) {
            let lt = &text[line.start..line.end];
            if lt.trim().is_empty() {
                blank_end = line.next;
                continue;
            }
            if let Some(fence) = fence_format(lt) {
                let placement = Placement::AfterBlankLines {
                    blank: Span::new(start, blank_end),
                };
                let s = split_fenced(text, line, fence, placement, start);
                // Only a real, closed block whose content looks like front
                // matter counts; otherwise the `---` is a horizontal rule.
                if let Some(fm) = &s.front_matter
                    && fm.is_closed()
                    && fm
                        .root
                        .as_ref()
                        .is_none_or(|r| matches!(r.value, Value::Map(_)))
                {
                    return s;
                }
            }
            break;
        }
    }
    Split {
        front_matter: None,
        body_start: start,
    }
}

fn split_fenced(
    text: &str,
    open: Line,
    fence: Fence,
    placement: Placement,
    file_start: usize,
) -> Split {
    let format = fence.format;
    let open_fence = Span::new(open.start, open.end);
    let mut near_miss = None;
    let mut first_content_checked = false;
    // A block that starts with a list item is front matter only if it is
    // closed (FM003 then says it is a list); unclosed, it is a horizontal
    // rule followed by a Markdown list.
    let mut list_only_if_closed = false;
    for line in lines_from(text, open.next) {
        let lt = &text[line.start..line.end];
        if !first_content_checked && !lt.trim().is_empty() {
            first_content_checked = true;
            if format == Format::Yaml && is_yaml_list_item(lt) {
                list_only_if_closed = true;
            } else if !looks_like_content(lt, format) && !is_closing(lt, fence) {
                // `---` followed by prose: a horizontal rule, not a block.
                return Split {
                    front_matter: None,
                    body_start: file_start,
                };
            }
        }
        if is_closing(lt, fence) {
            let content = Span::new(open.next, line.start);
            let (root, errors, duplicates) = parse_block(text, content, format);
            return Split {
                front_matter: Some(FrontMatter {
                    format,
                    span: Span::new(open.start, line.end),
                    open_fence,
                    content,
                    close_fence: Some(Span::new(line.start, line.end)),
                    near_miss_fence: None,
                    placement,
                    root,
                    errors,
                    duplicates,
                }),
                body_start: line.next,
            };
        }
        if near_miss.is_none() && is_near_miss(lt, fence) {
            near_miss = Some(line);
        }
    }
    if list_only_if_closed {
        return Split {
            front_matter: None,
            body_start: file_start,
        };
    }
    // Never closed. The body starts after the mistyped fence if there is one,
    // else after the opening line, so the rest of the file is still checked.
    let (end, body_start) = match near_miss {
        Some(l) => (l.end, l.next),
        None => (open.end, open.next),
    };
    Split {
        front_matter: Some(FrontMatter {
            format,
            span: Span::new(open.start, end),
            open_fence,
            content: Span::new(open.next, end.max(open.next)),
            close_fence: None,
            near_miss_fence: near_miss.map(|l| Span::new(l.start, l.end)),
            placement,
            root: None,
            errors: Vec::new(),
            duplicates: Vec::new(),
        }),
        body_start,
    }
}

/// Whether the `{` at `start` opens a JSON object: the next character that
/// is not whitespace is `"` (a key) or `}` (an empty object). A Liquid tag
/// (`{% include x %}`) or a Hugo shortcode (`{{< youtube x >}}`) on the
/// first line is body text, not front matter.
fn opens_json_object(text: &str, start: usize) -> bool {
    text[start + 1..]
        .bytes()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| b == b'"' || b == b'}')
}

/// Hugo-style JSON front matter: an object at the very start, ending at its
/// matching brace.
fn split_json(text: &str, start: usize) -> Split {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_str = false;
    let mut escaped = false;
    let mut end = None;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if in_str {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_str = false;
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    end = Some(i + 1);
                    break;
                }
            }
            _ => {}
        }
    }
    let open_fence = Span::new(start, start + 1);
    let Some(end) = end else {
        return Split {
            front_matter: Some(FrontMatter {
                format: Format::Json,
                span: Span::new(start, text.len()),
                open_fence,
                content: Span::new(start, text.len()),
                close_fence: None,
                near_miss_fence: None,
                placement: Placement::AtStart,
                root: None,
                errors: Vec::new(),
                duplicates: Vec::new(),
            }),
            body_start: text.len(),
        };
    };
    let content = Span::new(start, end);
    let (root, errors, duplicates) = parse_block(text, content, Format::Json);
    // The body starts on the line after the closing brace.
    let body_start = lines_from(text, end).next().map_or(text.len(), |l| l.next);
    Split {
        front_matter: Some(FrontMatter {
            format: Format::Json,
            span: content,
            open_fence,
            content,
            close_fence: Some(Span::new(end - 1, end)),
            near_miss_fence: None,
            placement: Placement::AtStart,
            root,
            errors,
            duplicates,
        }),
        body_start,
    }
}

/// An empty map at `at`: what an empty or comment-only block reads as.
pub(crate) fn empty_map(at: usize) -> Node {
    Node {
        span: Span::empty(at),
        style: super::Style::Other,
        value: Value::Map(Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_block_at_start() {
        let t = "---\ntitle: x\n---\nbody\n";
        let s = split(t);
        let fm = s.front_matter.unwrap();
        assert_eq!(fm.format, Format::Yaml);
        assert!(fm.is_closed());
        assert_eq!(&t[s.body_start..], "body\n");
        assert_eq!(
            fm.root.unwrap().get("title").unwrap().key_span,
            Span::new(4, 9)
        );
    }

    #[test]
    fn unclosed_with_near_miss() {
        let t = "---\ntitle: x\n--\n\nbody\n";
        let s = split(t);
        let fm = s.front_matter.unwrap();
        assert!(!fm.is_closed());
        assert_eq!(fm.near_miss_fence, Some(Span::new(13, 15)));
        assert_eq!(&t[s.body_start..], "\nbody\n");
    }

    #[test]
    fn horizontal_rule_is_not_front_matter() {
        let t = "---\nTom Preston-Werner\ngithub.com/mojombo\n";
        assert!(split(t).front_matter.is_none());
    }

    #[test]
    fn block_after_blank_lines() {
        let t = "\n\n---\ntitle: x\n---\nbody";
        let s = split(t);
        let fm = s.front_matter.unwrap();
        assert_eq!(
            fm.placement,
            Placement::AfterBlankLines {
                blank: Span::new(0, 2)
            }
        );
    }

    #[test]
    fn toml_and_crlf() {
        let t = "+++\r\ntitle = \"x\"\r\n+++\r\nbody";
        let s = split(t);
        assert_eq!(s.front_matter.unwrap().format, Format::Toml);
        assert_eq!(&t[s.body_start..], "body");
    }

    #[test]
    fn json_object() {
        let t = "{\n  \"title\": \"a}b\"\n}\nbody";
        let s = split(t);
        let fm = s.front_matter.unwrap();
        assert_eq!(fm.format, Format::Json);
        assert_eq!(&t[s.body_start..], "body");
        assert_eq!(
            fm.root.unwrap().get("title").unwrap().value.value,
            Value::String("a}b".into())
        );
    }

    #[test]
    fn template_tags_on_the_first_line_are_body() {
        for t in [
            "{% include header.html %}\n\nText\n",
            "{{< youtube abc >}}\n\nText\n",
            "{{ site.title }}\n",
        ] {
            assert!(split(t).front_matter.is_none(), "{t}");
        }
        let s = split("{ \n \"title\": \"x\" }\nbody");
        assert_eq!(s.front_matter.unwrap().format, Format::Json);
        assert!(split("{}\nbody").front_matter.is_some());
    }

    #[test]
    fn eleventy_named_fences() {
        let s = split("---json\n{\"title\": \"x\"}\n---\nbody");
        let fm = s.front_matter.unwrap();
        assert_eq!(fm.format, Format::Json);
        assert!(fm.errors.is_empty());
        assert!(fm.root.unwrap().get("title").is_some());
        let fm = split("---yaml\ntitle: x\n---\n").front_matter.unwrap();
        assert_eq!(fm.format, Format::Yaml);
        let fm = split("---toml\ntitle = \"x\"\n---\n").front_matter.unwrap();
        assert_eq!(fm.format, Format::Toml);
        assert!(fm.root.is_some());
        let s = split("---js\n{\n  title: `x`,\n}\n---\nbody");
        let fm = s.front_matter.unwrap();
        assert_eq!(fm.format, Format::JavaScript);
        assert!(fm.is_closed() && fm.errors.is_empty() && fm.root.is_none());
        assert_eq!(s.body_start, 28);
    }

    #[test]
    fn closed_list_block_is_front_matter() {
        let fm = split("---\n- a\n- b\n---\nText\n").front_matter.unwrap();
        assert!(matches!(fm.root.unwrap().value, Value::List(_)));
        // Unclosed: a horizontal rule, then a Markdown list.
        assert!(split("---\n- a\n- b\n\nText\n").front_matter.is_none());
    }

    #[test]
    fn later_dashes_are_body() {
        let t = "---\na: 1\n---\n\n---\nx\n---\n";
        let s = split(t);
        assert_eq!(s.body_start, 13);
    }
}
