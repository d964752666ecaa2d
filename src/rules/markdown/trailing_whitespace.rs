use crate::rules::prelude::*;

rule_meta!(
    "MK002",
    "trailing-whitespace",
    Markdown,
    Some(Severity::Warning),
    true,
    "Spaces or tabs at the end of a line (a hard break of two or more spaces excepted)."
);

pub struct TrailingWhitespace;

impl Rule for TrailingWhitespace {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = &doc.text;
        let first = doc.lines.line_of(doc.body_start);
        let count = doc.lines.line_count();
        let code = &doc.scan.code_blocks;
        let mut ci = 0;
        for line in first..count {
            let (start, end) = doc.lines.line_span(text, line);
            if start < doc.body_start {
                continue;
            }
            let content = &text[start..end];
            let trimmed = content.trim_end_matches([' ', '\t']);
            if trimmed.len() == content.len() {
                continue;
            }
            while ci < code.len() && code[ci].end <= start {
                ci += 1;
            }
            // Indented code blocks start after the indent: any overlap counts.
            if ci < code.len() && code[ci].start <= end && start < code[ci].end {
                continue;
            }
            let ws = &content[trimmed.len()..];
            // Two or more spaces before a non-blank line: a Markdown hard
            // break (CommonMark counts any number from two), which removing
            // them would silently join to the next line.
            let hard_break = ws.len() >= 2 && ws.bytes().all(|b| b == b' ');
            if !trimmed.trim().is_empty() && hard_break && line + 1 < count {
                let (ns, ne) = doc.lines.line_span(text, line + 1);
                if !text[ns..ne].trim().is_empty() {
                    continue;
                }
            }
            let span = Span::new(start + trimmed.len(), end);
            out.push(
                Diagnostic::new(&META, span, "trailing whitespace")
                    .with_help("remove the spaces at the end of the line")
                    .with_fix(Fix::safe(span, "")),
            );
        }
    }
}
