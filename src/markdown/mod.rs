//! The Markdown body, scanned once with pulldown-cmark: links, reference
//! definitions, headings, prose runs, paragraphs, code and HTML — every item
//! with its span in the file. Rules read the `Scan`; none re-parse the body.
//!
//! The parser runs on the body only (the front matter was split off by us),
//! and every offset is shifted back to a file offset.

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::document::Span;

/// How a link was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// `[text](dest)`
    Inline,
    /// `[text][label]`
    Reference,
    /// `[text][]`
    Collapsed,
    /// `[text]`
    Shortcut,
    /// `<https://...>`
    Autolink,
    /// `<name@example.org>`
    Email,
}

#[derive(Debug, Clone)]
pub struct Link {
    pub kind: LinkKind,
    pub image: bool,
    /// The whole link, brackets and destination included.
    pub span: Span,
    /// Between the brackets (for autolinks: the URL itself).
    pub text_span: Span,
    /// The destination as the parser read it (escapes resolved).
    pub dest: String,
    /// The destination as written, when it is written in the link itself
    /// (inline links and autolinks); reference links point at their
    /// definition's destination instead.
    pub dest_span: Option<Span>,
    /// Reference label, for reference links.
    pub label: Option<String>,
    /// Whether the link text holds anything but whitespace (an image counts).
    pub has_content: bool,
    /// Plain text of the link text.
    pub text: String,
    /// Inside a heading.
    pub in_heading: bool,
}

/// `[label]: destination "title"`
#[derive(Debug, Clone)]
pub struct Definition {
    pub label: String,
    pub dest: String,
    pub span: Span,
}

/// A reference that has no definition (`[x][nope]`), as the parser saw it.
#[derive(Debug, Clone)]
pub struct BrokenReference {
    pub span: Span,
    pub label: String,
    pub kind: LinkKind,
}

#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub span: Span,
    /// Plain text of the heading.
    pub text: String,
    /// An explicit id (`{#id}`).
    pub id: Option<String>,
}

/// A run of prose text: what spelling and grammar read. Never code, HTML or
/// link destinations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProseRun {
    pub span: Span,
    pub in_link: bool,
    pub in_heading: bool,
    /// Index into `Scan::paragraphs` of the block holding it (paragraph,
    /// heading or table cell), or `usize::MAX`.
    pub block: usize,
}

/// A paragraph-like block (paragraph, heading or table cell).
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    pub kind: BlockKind,
    /// The paragraph is one emphasis element (`**...**` or `*...*`) and
    /// whitespace: the span of that element.
    pub sole_emphasis: Option<Span>,
    /// No line break inside.
    pub single_line: bool,
    /// Inside a list item, block quote or footnote.
    pub nested: bool,
    /// Plain text content (link text included, destinations not).
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    TableCell,
}

#[derive(Debug, Clone, Default)]
pub struct Scan {
    pub links: Vec<Link>,
    pub definitions: Vec<Definition>,
    pub broken_references: Vec<BrokenReference>,
    pub headings: Vec<Heading>,
    pub prose: Vec<ProseRun>,
    pub paragraphs: Vec<Paragraph>,
    /// Inline code spans.
    pub code_spans: Vec<Span>,
    /// Fenced and indented code blocks.
    pub code_blocks: Vec<Span>,
    /// Inline HTML and HTML blocks.
    pub html: Vec<Span>,
}

/// Markdown extensions the scan understands (GFM-like, as site generators
/// render them).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

struct OpenLink {
    kind: LinkKind,
    image: bool,
    dest: String,
    label: Option<String>,
    max_child_end: usize,
    has_content: bool,
    text: String,
}

struct OpenBlock {
    index: usize,
    depth: usize,
    top_children: usize,
    emphasis: Option<Span>,
    other: bool,
}

fn link_kind(t: LinkType) -> LinkKind {
    match t {
        LinkType::Inline => LinkKind::Inline,
        LinkType::Reference | LinkType::ReferenceUnknown => LinkKind::Reference,
        LinkType::Collapsed | LinkType::CollapsedUnknown => LinkKind::Collapsed,
        LinkType::Shortcut | LinkType::ShortcutUnknown => LinkKind::Shortcut,
        LinkType::Autolink => LinkKind::Autolink,
        LinkType::Email => LinkKind::Email,
        LinkType::WikiLink { .. } => LinkKind::Shortcut,
    }
}

impl Scan {
    /// Scans `text[body_start..]`; all spans are file offsets.
    pub fn new(text: &str, body_start: usize) -> Scan {
        let body = &text[body_start..];
        let base = body_start;
        let mut broken = Vec::new();
        let mut scan = Scan::default();
        {
            let callback = |b: BrokenLink<'_>| {
                broken.push(BrokenReference {
                    span: Span::new(b.span.start + base, b.span.end + base),
                    label: b.reference.to_string(),
                    kind: link_kind(b.link_type),
                });
                None::<(CowStr<'_>, CowStr<'_>)>
            };
            let parser = Parser::new_with_broken_link_callback(body, options(), Some(callback));
            let mut iter = parser.into_offset_iter();
            let mut links: Vec<OpenLink> = Vec::new();
            let mut blocks: Vec<OpenBlock> = Vec::new();
            let mut heading: Option<(u8, usize, Option<String>, String)> = None;
            let mut code_block_depth = 0usize;
            let mut html_link_depth = 0usize;
            let mut nested_depth = 0usize;
            let mut depth = 0usize;
            for (event, range) in iter.by_ref() {
                let span = Span::new(range.start + base, range.end + base);
                // Every event inside a link extends its text, except the
                // link's own end.
                let closing =
                    usize::from(matches!(event, Event::End(TagEnd::Link | TagEnd::Image)));
                let open_links = links.len().saturating_sub(closing);
                for l in links[..open_links].iter_mut() {
                    l.max_child_end = l.max_child_end.max(span.end);
                }
                match event {
                    Event::Start(tag) => {
                        // A child of a paragraph-like block at its top level.
                        if let Some(b) = blocks.last_mut()
                            && depth == b.depth + 1
                        {
                            b.top_children += 1;
                            match tag {
                                Tag::Strong | Tag::Emphasis => {
                                    if b.emphasis.is_some() {
                                        b.other = true;
                                    }
                                    b.emphasis = Some(span);
                                }
                                _ => b.other = true,
                            }
                        }
                        depth += 1;
                        match &tag {
                            Tag::Paragraph | Tag::TableCell | Tag::Heading { .. } => {
                                let kind = match tag {
                                    Tag::Paragraph => BlockKind::Paragraph,
                                    Tag::TableCell => BlockKind::TableCell,
                                    _ => BlockKind::Heading,
                                };
                                if let Tag::Heading { level, id, .. } = &tag {
                                    heading = Some((
                                        *level as u8,
                                        span.start,
                                        id.as_ref().map(|s| s.to_string()),
                                        String::new(),
                                    ));
                                }
                                scan.paragraphs.push(Paragraph {
                                    span,
                                    kind,
                                    sole_emphasis: None,
                                    single_line: true,
                                    nested: nested_depth > 0,
                                    text: String::new(),
                                });
                                blocks.push(OpenBlock {
                                    index: scan.paragraphs.len() - 1,
                                    depth: depth - 1,
                                    top_children: 0,
                                    emphasis: None,
                                    other: false,
                                });
                            }
                            Tag::CodeBlock(_) => {
                                code_block_depth += 1;
                                scan.code_blocks.push(span);
                            }
                            Tag::HtmlBlock => scan.html.push(span),
                            Tag::Item | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) => {
                                nested_depth += 1
                            }
                            Tag::Link {
                                link_type,
                                dest_url,
                                id,
                                ..
                            }
                            | Tag::Image {
                                link_type,
                                dest_url,
                                id,
                                ..
                            } => {
                                let image = matches!(tag, Tag::Image { .. });
                                let kind = link_kind(*link_type);
                                let label = matches!(
                                    kind,
                                    LinkKind::Reference | LinkKind::Collapsed | LinkKind::Shortcut
                                )
                                .then(|| id.to_string());
                                links.push(OpenLink {
                                    kind,
                                    image,
                                    dest: dest_url.to_string(),
                                    label,
                                    max_child_end: span.start + if image { 2 } else { 1 },
                                    has_content: false,
                                    text: String::new(),
                                });
                            }
                            _ => {}
                        }
                    }
                    Event::End(tag) => {
                        depth = depth.saturating_sub(1);
                        match tag {
                            TagEnd::Paragraph | TagEnd::TableCell | TagEnd::Heading(_) => {
                                // An `<a>` left open ends with its block.
                                html_link_depth = 0;
                                if let Some(b) = blocks.pop() {
                                    let p = &mut scan.paragraphs[b.index];
                                    if b.top_children == 1 && !b.other {
                                        p.sole_emphasis = b.emphasis;
                                    }
                                }
                                if let TagEnd::Heading(_) = tag
                                    && let Some((level, start, id, text)) = heading.take()
                                {
                                    scan.headings.push(Heading {
                                        level,
                                        span: Span::new(start, span.end),
                                        text,
                                        id,
                                    });
                                }
                            }
                            TagEnd::CodeBlock => {
                                code_block_depth = code_block_depth.saturating_sub(1)
                            }
                            TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition => {
                                nested_depth = nested_depth.saturating_sub(1)
                            }
                            TagEnd::Link | TagEnd::Image => {
                                if let Some(open) = links.pop() {
                                    let link = finish_link(text, open, span, heading.is_some());
                                    if let Some(parent) = links.last_mut() {
                                        parent.has_content = true;
                                        parent.text.push_str(&link.text);
                                    }
                                    scan.links.push(link);
                                }
                            }
                            _ => {}
                        }
                    }
                    Event::Text(t) => {
                        if code_block_depth > 0 {
                            continue;
                        }
                        if let Some(l) = links.last_mut() {
                            if !t.trim().is_empty() {
                                l.has_content = true;
                            }
                            l.text.push_str(&t);
                        }
                        if let Some((_, _, _, htext)) = heading.as_mut() {
                            htext.push_str(&t);
                        }
                        if let Some(b) = blocks.last_mut() {
                            if depth == b.depth + 1 && !t.trim().is_empty() {
                                b.other = true;
                            }
                            scan.paragraphs[b.index].text.push_str(&t);
                        }
                        let run = ProseRun {
                            span,
                            in_link: !links.is_empty() || html_link_depth > 0,
                            in_heading: heading.is_some(),
                            block: blocks.last().map_or(usize::MAX, |b| b.index),
                        };
                        match scan.prose.last_mut() {
                            Some(prev)
                                if prev.span.end == run.span.start
                                    && prev.in_link == run.in_link
                                    && prev.in_heading == run.in_heading
                                    && prev.block == run.block =>
                            {
                                prev.span.end = run.span.end;
                            }
                            _ => scan.prose.push(run),
                        }
                    }
                    Event::Code(t) => {
                        scan.code_spans.push(span);
                        if let Some(l) = links.last_mut() {
                            l.has_content = true;
                            l.text.push_str(&t);
                        }
                        if let Some(b) = blocks.last_mut() {
                            if depth == b.depth + 1 {
                                b.other = true;
                            }
                            scan.paragraphs[b.index].text.push_str(&t);
                        }
                        if let Some((_, _, _, htext)) = heading.as_mut() {
                            htext.push_str(&t);
                        }
                    }
                    Event::InlineHtml(h) | Event::Html(h) => {
                        // `<a href="…">text</a>`: its text is link text, as
                        // in Markdown.
                        match html_link_tag(&h) {
                            Some(true) => html_link_depth += 1,
                            Some(false) => html_link_depth = html_link_depth.saturating_sub(1),
                            None => {}
                        }
                        scan.html.push(span);
                        if let Some(b) = blocks.last_mut()
                            && depth == b.depth + 1
                        {
                            b.other = true;
                        }
                    }
                    Event::SoftBreak | Event::HardBreak => {
                        if let Some(b) = blocks.last() {
                            let p = &mut scan.paragraphs[b.index];
                            p.single_line = false;
                            p.text.push(' ');
                        }
                    }
                    Event::FootnoteReference(_) | Event::TaskListMarker(_) => {
                        if let Some(b) = blocks.last_mut()
                            && depth == b.depth + 1
                        {
                            b.other = true;
                        }
                    }
                    _ => {}
                }
            }
            for (label, def) in iter.reference_definitions().iter() {
                scan.definitions.push(Definition {
                    label: label.to_string(),
                    dest: def.dest.to_string(),
                    span: Span::new(def.span.start + base, def.span.end + base),
                });
            }
        }
        scan.definitions.sort_by_key(|d| d.span);
        scan.links.sort_by_key(|l| l.span);
        scan.broken_references = broken;
        scan
    }

    /// Whether `span` lies inside inline code, a code block or HTML.
    pub fn in_code_or_html(&self, span: Span) -> bool {
        let inside = |v: &Vec<Span>| {
            let i = v.partition_point(|s| s.end <= span.start);
            v.get(i).is_some_and(|s| s.contains(span))
        };
        inside(&self.code_spans) || inside(&self.code_blocks) || inside(&self.html)
    }
}

/// Works out where the text and the destination of a link sit in the source.
/// `Some(true)` for an HTML tag opening a link (`<a href="…">`),
/// `Some(false)` for one closing it (`</a>`), `None` for anything else
/// (`<abbr>`, `<a name="x"/>`).
fn html_link_tag(html: &str) -> Option<bool> {
    let t = html.trim();
    let b = t.as_bytes();
    let is_a = |at: usize| {
        b.get(at).is_some_and(|c| c.eq_ignore_ascii_case(&b'a'))
            && b.get(at + 1)
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
    };
    if t.starts_with("</") && is_a(2) {
        return Some(false);
    }
    if t.starts_with('<') && is_a(1) && t.ends_with('>') && !t.ends_with("/>") {
        return Some(true);
    }
    None
}

fn finish_link(text: &str, open: OpenLink, span: Span, in_heading: bool) -> Link {
    let src = &text[span.range()];
    let text_start = span.start + if open.image { 2 } else { 1 };
    let (text_span, dest_span) = match open.kind {
        LinkKind::Autolink | LinkKind::Email => {
            let inner = Span::new(
                span.start + 1,
                span.end.saturating_sub(1).max(span.start + 1),
            );
            (inner, Some(inner))
        }
        _ => {
            // The text ends at the first `]` after the last child event.
            let from = open.max_child_end.clamp(text_start, span.end) - span.start;
            let close = src[from..]
                .find(']')
                .map_or(span.end, |i| span.start + from + i);
            let text_span = Span::new(text_start, close.max(text_start));
            let dest_span = if open.kind == LinkKind::Inline {
                inline_dest_span(text, close + 1, span.end)
            } else {
                None
            };
            (text_span, dest_span)
        }
    };
    Link {
        kind: open.kind,
        image: open.image,
        span,
        text_span,
        dest: open.dest,
        dest_span,
        label: open.label,
        has_content: open.has_content,
        text: open.text,
        in_heading,
    }
}

/// In `(<dest> "title")` starting at `open` (the `(`), the span of the
/// destination as written: inside `<...>` when bracketed, otherwise up to
/// the first whitespace outside parentheses.
fn inline_dest_span(text: &str, open: usize, end: usize) -> Option<Span> {
    let b = text.as_bytes();
    if b.get(open) != Some(&b'(') {
        return None;
    }
    let close = end.saturating_sub(1); // the final `)`
    let mut i = open + 1;
    while i < close && b[i].is_ascii_whitespace() {
        i += 1;
    }
    if i < close && b[i] == b'<' {
        let start = i + 1;
        let mut j = start;
        while j < close && b[j] != b'>' {
            if b[j] == b'\\' {
                j += 1;
            }
            j += 1;
        }
        return Some(Span::new(start, j.min(close)));
    }
    let start = i;
    let mut depth = 0i32;
    while i < close {
        match b[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => depth -= 1,
            c if c.is_ascii_whitespace() && depth <= 0 => break,
            _ => {}
        }
        i += 1;
    }
    Some(Span::new(start, i.min(close)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_link_spans() {
        let t = "---\na: 1\n---\nSee [La MedNum ](https://lamednum.coop)et x.\n";
        let s = Scan::new(t, 12);
        let l = &s.links[0];
        assert_eq!(&t[l.text_span.range()], "La MedNum ");
        assert_eq!(&t[l.dest_span.unwrap().range()], "https://lamednum.coop");
        assert_eq!(l.dest, "https://lamednum.coop");
    }

    #[test]
    fn nested_link_destination() {
        let t = "**6 - [ANDi]([andi.beta.gouv.fr](http://andi.beta.gouv.fr/))**\n";
        let s = Scan::new(t, 0);
        assert_eq!(
            s.links[0].dest,
            "[andi.beta.gouv.fr](http://andi.beta.gouv.fr/)"
        );
        assert_eq!(
            &t[s.links[0].dest_span.unwrap().range()],
            "[andi.beta.gouv.fr](http://andi.beta.gouv.fr/)"
        );
        assert!(s.paragraphs[0].sole_emphasis.is_some());
    }

    #[test]
    fn empty_text_and_angle_dest() {
        let t = "[](#) and [a](<b c> \"t\") and ![](x.png)\n";
        let s = Scan::new(t, 0);
        assert!(!s.links[0].has_content);
        assert_eq!(s.links[0].text_span, Span::new(1, 1));
        assert_eq!(&t[s.links[1].dest_span.unwrap().range()], "b c");
        assert!(s.links[2].image);
    }

    #[test]
    fn prose_runs_skip_code() {
        let t = "Un `code` et\n\n```\nnot prose\n```\n";
        let s = Scan::new(t, 0);
        let runs: Vec<&str> = s.prose.iter().map(|r| &t[r.span.range()]).collect();
        assert_eq!(runs, vec!["Un ", " et"]);
        assert!(s.in_code_or_html(Span::new(4, 8)));
    }

    #[test]
    fn html_link_text_is_link_text() {
        let t = "Voir <a href=\"https://x.org\">la page</a> et <abbr>ici</abbr>.\n";
        let s = Scan::new(t, 0);
        let runs: Vec<(&str, bool)> = s
            .prose
            .iter()
            .map(|r| (&t[r.span.range()], r.in_link))
            .collect();
        assert_eq!(
            runs,
            vec![
                ("Voir ", false),
                ("la page", true),
                (" et ", false),
                ("ici", false),
                (".", false)
            ]
        );
        assert_eq!(html_link_tag("<A HREF='x'>"), Some(true));
        assert_eq!(html_link_tag("</a>"), Some(false));
        assert_eq!(html_link_tag("<a name=\"x\"/>"), None);
        assert_eq!(html_link_tag("<abbr>"), None);
    }

    #[test]
    fn references_and_definitions() {
        let t = "[a][Ref] [b][nope]\n\n[ref]: https://x.org\n";
        let s = Scan::new(t, 0);
        assert_eq!(s.links.len(), 1);
        assert_eq!(s.links[0].dest, "https://x.org");
        assert_eq!(s.definitions.len(), 1);
        assert_eq!(s.broken_references.len(), 1);
        assert_eq!(s.broken_references[0].label, "nope");
    }

    #[test]
    fn bold_paragraph_with_link() {
        let t = "**2 - [Réserve civique](https://x.fr)**\n\n**1 - [a](b)** / suite\n";
        let s = Scan::new(t, 0);
        assert!(s.paragraphs[0].sole_emphasis.is_some());
        assert!(s.paragraphs[1].sole_emphasis.is_none());
    }
}
