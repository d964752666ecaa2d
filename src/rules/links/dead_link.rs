//! LK010 is reported by the online link stage (`crate::link_stage`), which
//! checks the de-duplicated URLs of the whole run over HTTP.

use crate::rules::prelude::*;

rule_meta!(
    "LK010",
    "dead-link",
    Links,
    Some(Severity::Error),
    false,
    "Online: an external link that is dead (4xx/5xx, DNS failure, refused, timeout)."
);
