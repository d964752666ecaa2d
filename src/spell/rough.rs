//! A rough prose extractor, for tests, benchmarks and corpus measurements of
//! the spelling engine before the real Markdown scan hands it runs.
//!
//! It finds a `---` front matter at byte 0, takes the values of `title`,
//! `description`, `excerpt` and `summary` (plain, quoted or block scalars,
//! without YAML unescaping), and runs pulldown-cmark over the body: text
//! events outside code and HTML become body runs, those inside a link are
//! flagged as link text. The integrator should use the scan's runs instead.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{ProseRun, RunKind};

/// Front-matter keys whose values are prose.
const PROSE_KEYS: &[&str] = &["title", "description", "excerpt", "summary"];

/// Byte range of the body (after the front matter, if any), and the front
/// matter's prose runs.
fn front_matter(text: &str) -> (usize, Vec<ProseRun>) {
    let mut runs = Vec::new();
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (0, runs);
    };
    let fm_start = text.len() - rest.len();
    let mut pos = fm_start;
    let mut current: Option<usize> = None; // start of a block scalar's lines
    for line in rest.split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            if let Some(s) = current.take() {
                runs.push(fm_run(s..line_start));
            }
            return (pos, runs);
        }
        if line.starts_with([' ', '\t']) {
            continue; // part of the current block scalar, if any
        }
        if let Some(s) = current.take() {
            runs.push(fm_run(s..line_start));
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        if !PROSE_KEYS.contains(&key.trim()) {
            continue;
        }
        let value_start = line_start + key.len() + 1;
        let v = value.trim();
        if v.starts_with(['>', '|']) {
            current = Some(pos);
        } else if !v.is_empty() {
            let lead = value.len() - value.trim_start().len();
            runs.push(fm_run(value_start + lead..value_start + lead + v.len()));
        }
    }
    // No closing line: not front matter.
    (0, Vec::new())
}

fn fm_run(range: std::ops::Range<usize>) -> ProseRun {
    ProseRun {
        range,
        in_link_text: false,
        kind: RunKind::FrontMatter,
    }
}

/// Prose runs of a Markdown file with optional YAML front matter.
pub fn rough_prose_runs(text: &str) -> Vec<ProseRun> {
    let (body_start, mut runs) = front_matter(text);
    let body = &text[body_start..];
    let mut link_depth = 0usize;
    let mut skip_depth = 0usize;
    let parser = Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Link { .. }) => link_depth += 1,
            Event::End(TagEnd::Link) => link_depth = link_depth.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. }) => {
                skip_depth += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            Event::Text(_) if skip_depth == 0 => runs.push(ProseRun {
                range: body_start + range.start..body_start + range.end,
                in_link_text: link_depth > 0,
                kind: RunKind::Body,
            }),
            _ => {}
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_values_and_body_text() {
        let text = "---\ntitle: 'Hello there'\ndate: 2020\nexcerpt: >-\n  Some words\n  more\n---\nBody `code` and [link](http://x.org).\n\n```\nfn x()\n```\n";
        let runs = rough_prose_runs(text);
        let got: Vec<(&str, bool, RunKind)> = runs
            .iter()
            .map(|r| (&text[r.range.clone()], r.in_link_text, r.kind))
            .collect();
        assert_eq!(
            got,
            vec![
                ("'Hello there'", false, RunKind::FrontMatter),
                ("  Some words\n  more\n", false, RunKind::FrontMatter),
                ("Body ", false, RunKind::Body),
                (" and ", false, RunKind::Body),
                ("link", true, RunKind::Body),
                (".", false, RunKind::Body),
            ]
        );
    }
}
