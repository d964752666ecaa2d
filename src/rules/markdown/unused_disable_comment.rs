//! MK008 is reported by the inline-control stage (`crate::inline_control`),
//! after every per-document rule has run: only then is it known whether a
//! `frontlint-disable` comment silenced anything.

use crate::rules::prelude::*;

rule_meta!(
    "MK008",
    "unused-disable-comment",
    Markdown,
    Some(Severity::Warning),
    false,
    "A `frontlint-disable` comment that silences nothing, or names no rule."
);
