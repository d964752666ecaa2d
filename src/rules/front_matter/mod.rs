//! Front-matter rules (FM...).

pub mod ambiguous_yaml;
pub mod duplicate_key;
pub mod empty_field;
pub mod filename_date_mismatch;
pub mod invalid_date;
pub mod invalid_front_matter;
pub mod invalid_value;
pub mod misplaced_front_matter;
pub mod missing_field;
pub mod missing_front_matter;
pub mod schema_violation;
pub mod unclosed_front_matter;
pub mod unknown_field;
pub mod untrimmed_value;
pub mod wrong_type;

use crate::document::Document;
use crate::frontmatter::{FrontMatter, Node, Value};

/// The block and its root map, when the block is closed and parsed into a
/// map: the only state in which fields can be validated.
pub(crate) fn parsed_root(doc: &Document) -> Option<(&FrontMatter, &Node)> {
    let fm = doc.front_matter.as_ref()?;
    if !fm.is_closed() || fm.hard_errors().next().is_some() {
        return None;
    }
    let root = fm.root.as_ref()?;
    matches!(root.value, Value::Map(_)).then_some((fm, root))
}

/// Calls `f` on every node of the tree, depth first, with its key path.
/// Entries copied by a YAML merge key are skipped: they were visited where
/// they are written, under their anchor.
pub(crate) fn walk<'a>(
    node: &'a Node,
    path: &mut Vec<&'a str>,
    f: &mut dyn FnMut(&[&'a str], &'a Node),
) {
    f(path, node);
    match &node.value {
        Value::Map(entries) => {
            for e in entries.iter().filter(|e| !e.merged) {
                path.push(&e.key);
                walk(&e.value, path, f);
                path.pop();
            }
        }
        Value::List(items) => {
            for item in items {
                walk(item, path, f);
            }
        }
        _ => {}
    }
}

/// `a.b.c` for messages.
pub(crate) fn dotted(path: &[&str]) -> String {
    path.join(".")
}
