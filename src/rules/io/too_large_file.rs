//! IO003 is reported by the loader (`crate::lint_file`) before reading: the
//! file is larger than `max_file_size_mb`.

use crate::rules::prelude::*;

rule_meta!(
    "IO003",
    "too-large-file",
    Io,
    Some(Severity::Warning),
    false,
    "The file is larger than the configured limit and was skipped."
);
