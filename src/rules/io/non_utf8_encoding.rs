use crate::document::Encoding;
use crate::rules::prelude::*;

rule_meta!(
    "IO002",
    "non-utf8-encoding",
    Io,
    Some(Severity::Warning),
    false,
    "The file is stored as UTF-16; it was decoded and checked, but generators expect UTF-8."
);

pub struct NonUtf8Encoding;

impl Rule for NonUtf8Encoding {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let enc = match doc.encoding {
            Encoding::Utf8 => return,
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        };
        let (s, e) = doc.lines.line_span(&doc.text, 0);
        out.push(
            Diagnostic::new(&META, Span::new(s, e), format!("the file is encoded as {enc}"))
                .with_help("re-save it as UTF-8; most site generators and tools expect UTF-8. Until then no finding in this file offers a fix: frontlint writes UTF-8 only, and would not change the file's encoding behind your back"),
        );
    }
}
