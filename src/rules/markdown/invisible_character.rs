use crate::rules::prelude::*;

rule_meta!(
    "MK006",
    "invisible-character",
    Markdown,
    Some(Severity::Warning),
    true,
    "Zero-width space, word joiner, soft hyphen or stray byte-order mark in the text."
);

pub struct InvisibleCharacter;

fn name(c: char) -> Option<&'static str> {
    match c {
        '\u{200B}' => Some("zero-width space"),
        '\u{2060}' => Some("word joiner"),
        '\u{00AD}' => Some("soft hyphen"),
        '\u{FEFF}' => Some("zero-width no-break space (a byte-order mark inside the text)"),
        _ => None,
    }
}

impl Rule for InvisibleCharacter {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text = &doc.text;
        let skip = if doc.bom { 3 } else { 0 };
        // All four characters start with one of these lead bytes.
        let mut pos = skip;
        let bytes = text.as_bytes();
        while let Some(p) = memchr::memchr3(0xE2, 0xC2, 0xEF, &bytes[pos..]) {
            let at = pos + p;
            pos = at + 1;
            if !text.is_char_boundary(at) {
                continue;
            }
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            let Some(what) = name(c) else { continue };
            // One diagnostic for a run of invisible characters.
            let mut end = at + c.len_utf8();
            let mut n = 1;
            while let Some(next) = text[end..].chars().next() {
                if name(next).is_none() {
                    break;
                }
                end += next.len_utf8();
                n += 1;
            }
            pos = end;
            let span = Span::new(at, end);
            let message = if n == 1 {
                format!("invisible character U+{:04X} ({what})", c as u32)
            } else {
                format!(
                    "{n} invisible characters, starting with U+{:04X} ({what})",
                    c as u32
                )
            };
            // Inside code the character may be deliberate (a sample of it):
            // removing it there is offered, not done by default.
            let fix = if doc.scan.in_code_or_html(span) {
                Fix::unsafe_(span, "")
            } else {
                Fix::safe(span, "")
            };
            out.push(
                Diagnostic::new(&META, span, message)
                    .with_help("remove it: it breaks search, copy-paste and URLs")
                    .with_fix(fix),
            );
        }
    }
}
