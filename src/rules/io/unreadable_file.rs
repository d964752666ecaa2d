//! IO001 is reported by the loader (`crate::lint`), which has no document to
//! hand to a rule: the file could not be read or decoded.

use crate::rules::prelude::*;

rule_meta!(
    "IO001",
    "unreadable-file",
    Io,
    Some(Severity::Error),
    false,
    "The file cannot be read, is not text, or is not valid UTF-8."
);
