use super::ambiguous_yaml::BOOL_WORDS;
use super::parsed_root;
use crate::config::FieldType;
use crate::frontmatter::{Style, Value};
use crate::rules::prelude::*;

rule_meta!(
    "FM006",
    "wrong-type",
    FrontMatter,
    Some(Severity::Error),
    false,
    "A field's value has another type than the config declares."
);

pub struct WrongType;

/// Whether `value` is acceptable as `ty`.
pub(crate) fn matches_type(value: &Value, ty: FieldType) -> bool {
    match ty {
        FieldType::Any => true,
        FieldType::String => matches!(value, Value::String(_)),
        // A quoted date is a string; FM007 checks that it reads as a date.
        FieldType::Date | FieldType::Datetime => {
            matches!(value, Value::Timestamp(_) | Value::String(_))
        }
        FieldType::List => matches!(value, Value::List(_)),
        FieldType::Map => matches!(value, Value::Map(_)),
        FieldType::Integer => matches!(value, Value::Int(_)),
        FieldType::Number => matches!(value, Value::Int(_) | Value::Float(_)),
        FieldType::Boolean => matches!(value, Value::Bool(_)),
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

impl Rule for WrongType {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some((_, root)) = parsed_root(doc) else {
            return;
        };
        for entry in root.entries() {
            let Some(field) = ctx.config.fields.get(&entry.key) else {
                continue;
            };
            let v = &entry.value.value;
            if field.types.is_empty() || matches!(v, Value::Null | Value::Alias) {
                continue;
            }
            if field.types.iter().any(|t| matches_type(v, *t)) {
                continue;
            }
            // Under YAML 1.1 (Jekyll, Hugo) a bare `no` *is* a boolean: the
            // type is right, and FM014 says how it reads.
            if ctx.config.yaml_11
                && field.types.contains(&FieldType::Boolean)
                && entry.value.style == Style::Plain
                && matches!(v, Value::String(s) if BOOL_WORDS.contains(&s.as_str()))
            {
                continue;
            }
            let expected: Vec<String> = field
                .types
                .iter()
                .map(|t| format!("{} {}", article(t.name()), t.name()))
                .collect();
            let found = v.type_name();
            let mut d = Diagnostic::new(
                &META,
                entry.value.span,
                format!(
                    "`{}` should be {}, not {} {}",
                    entry.key,
                    expected.join(" or "),
                    article(found),
                    found
                ),
            );
            if field.types.contains(&FieldType::String)
                && matches!(
                    v,
                    Value::Timestamp(_) | Value::Int(_) | Value::Float(_) | Value::Bool(_)
                )
            {
                d = d.with_help("put the value in quotes to keep it text");
            }
            out.push(d);
        }
    }
}
