use super::parsed_root;
use crate::config::Field;
use crate::frontmatter::{Node, Value};
use crate::rules::prelude::*;

rule_meta!(
    "FM011",
    "invalid-value",
    FrontMatter,
    Some(Severity::Error),
    false,
    "A value outside the allowed set, pattern, length or range."
);

pub struct InvalidValue;

fn same(a: &toml::Value, b: &Value) -> bool {
    match (a, b) {
        (toml::Value::String(x), Value::String(y) | Value::Timestamp(y)) => x == y,
        (toml::Value::Integer(x), Value::Int(y)) => x == y,
        (toml::Value::Float(x), Value::Float(y)) => x == y,
        (toml::Value::Integer(x), Value::Float(y)) => (*x as f64) == *y,
        (toml::Value::Boolean(x), Value::Bool(y)) => x == y,
        _ => false,
    }
}

fn show(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Rule for InvalidValue {
    impl_meta!();

    fn check(&self, doc: &Document, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some((_, root)) = parsed_root(doc) else {
            return;
        };
        for entry in root.entries() {
            let Some(field) = ctx.config.fields.get(&entry.key) else {
                continue;
            };
            let v = &entry.value;
            // Length of a list counts items; each item is checked as a value.
            if let Value::List(items) = &v.value {
                check_len(&entry.key, items.len(), "items", field, v, out);
                for item in items {
                    check_scalar(&entry.key, item, field, false, out);
                }
            } else {
                check_scalar(&entry.key, v, field, true, out);
            }
        }
    }
}

fn check_len(
    key: &str,
    len: usize,
    unit: &str,
    field: &Field,
    node: &Node,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(min) = field.spec.min_length
        && len < min
        && len > 0
    {
        out.push(Diagnostic::new(
            &META,
            node.span,
            format!("`{key}` has {len} {unit}, fewer than the minimum {min}"),
        ));
    }
    if let Some(max) = field.spec.max_length
        && len > max
    {
        out.push(Diagnostic::new(
            &META,
            node.span,
            format!("`{key}` has {len} {unit}, more than the maximum {max}"),
        ));
    }
}

/// `whole`: the field's own value (lengths apply), not an item of a list.
fn check_scalar(key: &str, node: &Node, field: &Field, whole: bool, out: &mut Vec<Diagnostic>) {
    let v = &node.value;
    if matches!(
        v,
        Value::Null | Value::List(_) | Value::Map(_) | Value::Alias
    ) {
        return;
    }
    if let Some(allowed) = &field.spec.allowed
        && !allowed.iter().any(|a| same(a, v))
    {
        let names: Vec<String> = allowed.iter().map(show).collect();
        let found = match v {
            Value::String(s) | Value::Timestamp(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => String::new(),
        };
        let mut d = Diagnostic::new(
            &META,
            node.span,
            format!(
                "`{key}` must be one of: {} (found `{found}`)",
                names.join(", ")
            ),
        );
        if let Some(s) =
            super::unknown_field::did_you_mean(&found, names.iter().map(String::as_str), false)
        {
            d = d.with_help(format!("did you mean `{s}`?"));
        }
        out.push(d);
    }
    if let Value::String(s) = v {
        if let Some(re) = &field.pattern
            && !re.is_match(s)
        {
            out.push(Diagnostic::new(
                &META,
                node.span,
                format!("`{key}` does not match the pattern `{}`", re.as_str()),
            ));
        }
        if whole {
            check_len(key, s.chars().count(), "characters", field, node, out);
        }
    }
    let num = match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    };
    if let Some(n) = num {
        if let Some(min) = field.spec.min
            && n < min
        {
            out.push(Diagnostic::new(
                &META,
                node.span,
                format!("`{key}` is {n}, below the minimum {min}"),
            ));
        }
        if let Some(max) = field.spec.max
            && n > max
        {
            out.push(Diagnostic::new(
                &META,
                node.span,
                format!("`{key}` is {n}, above the maximum {max}"),
            ));
        }
    }
}
