use super::{dotted, parsed_root, walk};
use crate::frontmatter::{Format, Style, Value};
use crate::rules::prelude::*;

rule_meta!(
    "FM014",
    "ambiguous-yaml",
    FrontMatter,
    Some(Severity::Warning),
    true,
    "YAML that YAML 1.1 loaders (Jekyll, Hugo) read differently than written."
);

pub struct AmbiguousYaml;

pub(crate) const BOOL_WORDS: [&str; 12] = [
    "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
];

fn is_sexagesimal(s: &str) -> bool {
    let mut parts = s.split(':');
    let Some(first) = parts.next() else {
        return false;
    };
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut n = 0;
    for p in parts {
        n += 1;
        if p.is_empty()
            || p.len() > 2
            || !p.bytes().all(|b| b.is_ascii_digit())
            || p.parse::<u32>().unwrap_or(60) >= 60
        {
            return false;
        }
    }
    n > 0
}

impl Rule for AmbiguousYaml {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some((fm, root)) = parsed_root(doc) else {
            return;
        };
        if fm.format != Format::Yaml {
            return;
        }
        for e in fm.errors.iter().filter(|e| e.lenient) {
            let mut d = Diagnostic::new(&META, e.span, e.message.clone());
            if let Some(h) = &e.hint {
                d = d.with_help(h.clone());
            }
            out.push(d);
        }
        let yaml_11 = ctx.config.yaml_11;
        let mut path = Vec::new();
        walk(root, &mut path, &mut |p, node| {
            let raw = doc.slice(node.span);
            let name = if p.is_empty() {
                "this value".to_string()
            } else {
                format!("`{}`", dotted(p))
            };
            let quoted = Fix::unsafe_(node.span, format!("\"{raw}\""));
            match &node.value {
                Value::String(s)
                    if node.style == Style::Plain
                        && yaml_11
                        && BOOL_WORDS.contains(&s.as_str()) =>
                {
                    let b = matches!(s.to_ascii_lowercase().as_str(), "yes" | "on");
                    out.push(
                        Diagnostic::new(
                            &META,
                            node.span,
                            format!("{name}: a bare `{s}` is read as the boolean {b} by YAML 1.1 loaders (Jekyll, Hugo)"),
                        )
                        .with_help(format!("write `\"{s}\"` if you mean the text, or `{b}` if you mean a boolean"))
                        .with_fix(quoted),
                    );
                }
                Value::String(s) if node.style == Style::Plain && yaml_11 && is_sexagesimal(s) => {
                    out.push(
                        Diagnostic::new(
                            &META,
                            node.span,
                            format!(
                                "{name}: `{s}` is read as a base-60 number by YAML 1.1 loaders"
                            ),
                        )
                        .with_help(format!("write `\"{s}\"` to keep it text"))
                        .with_fix(quoted),
                    );
                }
                Value::Int(value) if yaml_11 => {
                    let digits = raw.trim_start_matches(['-', '+']);
                    let sign = if raw.starts_with('-') { -1 } else { 1 };
                    if digits.len() > 1
                        && digits.starts_with('0')
                        && digits.bytes().all(|b| b.is_ascii_digit())
                    {
                        let reading = if digits.bytes().all(|b| b < b'8') {
                            format!(
                                "the octal number {}",
                                sign * i64::from_str_radix(digits, 8).unwrap_or(0)
                            )
                        } else {
                            "a string".to_string()
                        };
                        out.push(
                            Diagnostic::new(
                                &META,
                                node.span,
                                format!("{name}: `{raw}` is read as {reading} by YAML 1.1 loaders, and as {value} by YAML 1.2"),
                            )
                            .with_help(format!("write `\"{raw}\"` to keep the leading zero"))
                            .with_fix(quoted),
                        );
                    }
                }
                Value::Float(f) => {
                    if let Some((_, frac)) = raw.split_once('.')
                        && frac.len() >= 2
                        && frac.ends_with('0')
                        && frac.bytes().all(|b| b.is_ascii_digit())
                    {
                        out.push(
                            Diagnostic::new(
                                &META,
                                node.span,
                                format!("{name}: `{raw}` is the number {f}, so the trailing zero is lost"),
                            )
                            .with_help(format!("write `\"{raw}\"` if it is a version"))
                            .with_fix(quoted),
                        );
                    }
                }
                Value::Map(entries) => {
                    // `- ?` parses as a map with an empty key: `?` is the
                    // complex-key indicator.
                    if let Some(first) = entries.first()
                        && first.key.is_empty()
                        && first.key_span.is_empty()
                        && doc.text[node.span.start..].starts_with('?')
                    {
                        out.push(
                            Diagnostic::new(
                                &META,
                                Span::new(node.span.start, node.span.start + 1),
                                format!("{name}: a bare `?` starts a mapping key, so this reads as {{null: null}}"),
                            )
                            .with_help("write `'?'` to mean the text")
                            .with_fix(Fix::unsafe_(Span::new(node.span.start, node.span.start + 1), "'?'")),
                        );
                    }
                }
                _ => {}
            }
        });
    }
}
