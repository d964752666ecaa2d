//! LK011 is reported by the online link stage (`crate::link_stage`): a URL
//! whose every redirect is permanent; the fix writes the final URL.

use crate::rules::prelude::*;

rule_meta!(
    "LK011",
    "redirected-link",
    Links,
    Some(Severity::Info),
    true,
    "Online: an external link that permanently redirects; the fix is the final URL."
);
