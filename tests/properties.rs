//! Property tests: for arbitrary bytes and for random posts, linting never
//! panics, every span lies inside the file on character boundaries, output
//! is deterministic, and fixing is idempotent and touches only fix spans.

use std::path::Path;

use frontlint::config::LoadedConfig;
use frontlint::fix::{FixOptions, apply};
use frontlint::{FixMode, lint_bytes};
use proptest::prelude::*;

fn config() -> std::sync::Arc<frontlint::config::FileConfig> {
    let c = LoadedConfig::from_str(
        "[front_matter]\nrequired = [\"title\", \"date\"]\nunknown_fields = \"warn\"\n\
         fields.title = { type = \"string\", max_length = 40 }\nfields.date = { type = \"date\" }\n\
         fields.tags = { type = [\"string\", \"list\"], non_empty = true }\n",
        Path::new("frontlint.toml"),
        Path::new("."),
    )
    .expect("test config");
    c.for_file(Path::new("post.md"))
}

fn check_spans(bytes: &[u8]) {
    let cfg = config();
    let a = lint_bytes(Path::new("post.md"), bytes, &cfg, None);
    let b = lint_bytes(Path::new("post.md"), bytes, &cfg, None);
    let text = a.text.clone().unwrap_or_else(|| "".into());
    for d in &a.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{d:?}"
        );
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{d:?}"
        );
        if let Some(f) = &d.fix {
            assert!(
                f.span.end <= text.len()
                    && text.is_char_boundary(f.span.start)
                    && text.is_char_boundary(f.span.end)
            );
        }
    }
    let key = |r: &frontlint::FileReport| {
        r.diagnostics
            .iter()
            .map(|d| (d.rule.code, d.span, d.message.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(key(&a), key(&b), "deterministic");
}

/// A random scalar as YAML would be written.
fn yaml_scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zéàç ]{0,12}",
        Just("no".to_string()),
        Just("010".to_string()),
        Just("1.10".to_string()),
        Just("''".to_string()),
        Just("' padded '".to_string()),
        Just("2020-02-30".to_string()),
        Just("2020-03-31".to_string()),
        Just("[a, b]".to_string()),
        Just("{x: 1}".to_string()),
        Just("\"quoted: yes\"".to_string()),
        Just("&a [1]".to_string()),
        Just("*a".to_string()),
        Just("a: b: c".to_string()),
        Just("\t- tab".to_string()),
    ]
}

fn front_matter() -> impl Strategy<Value = String> {
    let keys = prop::sample::select(vec![
        "title", "date", "tags", "tittle", "layout", "lang", "title",
    ]);
    prop_oneof![
        Just(String::new()),
        prop::collection::vec((keys.clone(), yaml_scalar()), 0..6).prop_map(|kv| {
            let body: String = kv.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
            format!("---\n{body}---\n")
        }),
        prop::collection::vec((keys, "[a-z ]{0,8}"), 0..4).prop_map(|kv| {
            let body: String = kv.iter().map(|(k, v)| format!("{k} = \"{v}\"\n")).collect();
            format!("+++\n{body}+++\n")
        }),
        Just("---\ntitle: x\n--\n".to_string()),
        Just("\n\n---\ntitle: x\n---\n".to_string()),
        Just("{\"title\": \"x \", \"title\": 1}\n".to_string()),
    ]
}

/// Pieces of Markdown with fix-eligible faults among them.
fn md_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zéèàùç’' ,.!?]{0,20}",
        Just("[La MedNum ](https://lamednum.coop)et".to_string()),
        Just("[ lead](https://x.org)".to_string()),
        Just("[A]([b](http://b/))".to_string()),
        Just("[x](**https://example.org/start**)".to_string()),
        Just("[](#)".to_string()),
        Just("**bold**".to_string()),
        Just("** stray".to_string()),
        Just("`code  `".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{00ad}".to_string()),
        Just("😀\u{200d}😀".to_string()),
        Just("   ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n```\ncode \u{200b}  \n```\n".to_string()),
        Just("\n# Heading\n".to_string()),
        Just("\n- item  \n".to_string()),
        Just("<!-- comment -->".to_string()),
        Just("{{ '/docs/' | relative_url }}".to_string()),
        Just("[x]({{ site.url }}/a b)".to_string()),
    ]
}

fn post() -> impl Strategy<Value = String> {
    (
        prop::bool::ANY,
        front_matter(),
        prop::collection::vec(md_piece(), 0..40),
    )
        .prop_map(|(bom, fm, pieces)| {
            let mut s = if bom {
                "\u{feff}".to_string()
            } else {
                String::new()
            };
            s.push_str(&fm);
            s.push_str(&pieces.concat());
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_spans(&bytes);
    }

    #[test]
    fn random_posts_have_valid_spans(text in post()) {
        check_spans(text.as_bytes());
    }

    #[test]
    fn fixes_are_idempotent_and_local(text in post(), unsafe_fixes in prop::bool::ANY) {
        let cfg = config();
        let mode = Some(FixMode { options: FixOptions { unsafe_fixes }, write: false });
        let once = lint_bytes(Path::new("post.md"), text.as_bytes(), &cfg, mode);
        let fixed: String = once.text.as_deref().unwrap_or(&text).to_string();
        let twice = lint_bytes(Path::new("post.md"), fixed.as_bytes(), &cfg, mode);
        prop_assert_eq!(twice.fixed, 0, "a second run must find nothing to fix in {:?}", fixed);

        // One round of edits leaves every byte outside the fix spans alone.
        let plain = lint_bytes(Path::new("post.md"), text.as_bytes(), &cfg, None);
        if let Some(t) = &plain.text {
            let (out, _) = apply(t, &plain.diagnostics, FixOptions { unsafe_fixes });
            let mut spans: Vec<_> = plain.diagnostics.iter().filter_map(|d| d.fix.as_ref())
                .filter(|f| f.safe || unsafe_fixes).map(|f| f.span).collect();
            spans.sort();
            // The untouched prefix and suffix around all edits are identical.
            if let (Some(first), Some(last)) = (spans.first(), spans.iter().map(|s| s.end).max()) {
                prop_assert_eq!(&out[..first.start], &t[..first.start]);
                let tail = t.len() - last;
                prop_assert_eq!(&out[out.len() - tail..], &t[last..]);
            } else {
                prop_assert_eq!(out.as_str(), &**t);
            }
        }
    }
}
