//! Fuzzes the whole document pipeline: decode, split, parse front matter,
//! scan Markdown, run every offline rule, then apply all fixes to a fixed
//! point. Checks the invariants the property tests check.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use frontlint::config::{FileConfig, LoadedConfig};
use frontlint::fix::FixOptions;
use frontlint::{FixMode, lint_bytes};
use libfuzzer_sys::fuzz_target;

fn config() -> &'static FileConfig {
    static CFG: OnceLock<std::sync::Arc<FileConfig>> = OnceLock::new();
    CFG.get_or_init(|| {
        let c = LoadedConfig::from_str(
            "[front_matter]\nrequired = [\"title\", \"date\"]\nunknown_fields = \"warn\"\n\
             fields.title = { type = \"string\", max_length = 40, pattern = \"^[A-Z]\" }\n\
             fields.date = { type = \"date\" }\nfields.tags = { type = [\"string\", \"list\"], non_empty = true }\n",
            Path::new("frontlint.toml"),
            Path::new("."),
        )
        .expect("fuzz config");
        c.for_file(Path::new("2020-03-31-post.md"))
    })
}

fuzz_target!(|data: &[u8]| {
    let path = Path::new("2020-03-31-post.md");
    let report = lint_bytes(path, data, config(), None);
    if let Some(text) = &report.text {
        for d in &report.diagnostics {
            assert!(d.span.end <= text.len());
            assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        }
    }
    let mode = Some(FixMode {
        options: FixOptions { unsafe_fixes: true },
        write: false,
    });
    let fixed = lint_bytes(path, data, config(), mode);
    if fixed.fixed > 0
        && let Some(text) = &fixed.text
    {
        let again = lint_bytes(path, text.as_bytes(), config(), mode);
        assert_eq!(again.fixed, 0, "fixes must reach a fixed point");
    }
});
