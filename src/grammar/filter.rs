//! Which engine findings are reported: the noise policy of the grammar stage.
//!
//! Order of decisions, first match wins: spelling is always dropped (the TY
//! rules own spelling); `deny` drops; `allow` keeps; typographic families are
//! dropped unless `typography` is on; ids in `rules/grammar/default-off.txt`
//! are dropped; everything else is kept. An entry of `allow`, `deny` or the
//! default-off list names a finding by its exact rule id, its rule name (the id
//! without Grammalecte's graph prefix and branch suffix) or its category; an
//! entry ending in `*` matches any of them by prefix (`eepi_*`).

use std::sync::OnceLock;

use super::{Engine, GrammarOptions};

/// Grammalecte options whose advice is typography, not grammar: typographic
/// apostrophes, non-breaking spaces (before `:;!?` and units), extra spaces,
/// typographic signs (dashes, quotes, ellipses), number grouping, ligatures
/// and tabs.
pub(crate) const GRAMMALECTE_TYPOGRAPHY: &[&str] =
    &["apos", "nbsp", "esp", "typo", "num", "unit", "liga", "tab"];

/// Rule-name prefixes of Grammalecte's typographic rules. Some of them report
/// `notype` instead of their option, so the category alone is not enough.
/// `maj_accents` ("Etat" → "État") is an orthotypographic convention, right
/// but house style, and the most frequent finding on real French posts.
const GRAMMALECTE_TYPOGRAPHY_PREFIXES: &[&str] = &[
    "maj_accents",
    "apostrophe_typographique",
    "nbsp_",
    "esp_",
    "typo_",
    "num_",
    "unit_",
    "ligatures_",
    "tab_",
];

/// harper's category for dashes, ellipses, spacing and the like.
const HARPER_TYPOGRAPHY: &str = "Formatting";

/// harper categories and linters that are spelling, not grammar.
const HARPER_SPELLING: &[&str] = &["Spelling", "SpellCheck"];

/// One rule id turned off by default, with the reason recorded beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultOff {
    /// Rule id, rule name or category, as in `allow` / `deny`.
    pub id: String,
    /// Why it is off: the comment lines above it in the data file.
    pub reason: String,
}

const DEFAULT_OFF_TEXT: &str = include_str!("../../rules/grammar/default-off.txt");

/// The rule ids off by default, from `rules/grammar/default-off.txt`.
///
/// The file lists one id per line, each preceded by `#` comment lines saying
/// why; a blank line ends a comment block without an id (a file header).
pub fn default_off_rules() -> &'static [DefaultOff] {
    static RULES: OnceLock<Vec<DefaultOff>> = OnceLock::new();
    RULES.get_or_init(|| parse_default_off(DEFAULT_OFF_TEXT))
}

fn parse_default_off(text: &str) -> Vec<DefaultOff> {
    let mut out = Vec::new();
    let mut reason: Vec<&str> = Vec::new();
    // Ids right after one another share the comment block above them; a
    // comment after an id starts a new block.
    let mut after_id = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            reason.clear();
            after_id = false;
        } else if let Some(comment) = line.strip_prefix('#') {
            if after_id {
                reason.clear();
                after_id = false;
            }
            reason.push(comment.trim());
        } else {
            out.push(DefaultOff {
                id: line.to_owned(),
                reason: reason.join(" "),
            });
            after_id = true;
        }
    }
    out
}

/// The rule name of an engine rule id: Grammalecte's graph rules are named
/// `g<N>__<name>__b<B>_a<A>_<K>` (graph, rule, branch, action), and users want
/// to name `<name>` without the numbers that change between versions. Other
/// ids are their own name.
pub fn rule_name(rule_id: &str) -> &str {
    let without_graph = rule_id
        .strip_prefix('g')
        .and_then(|rest| {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            rest.get(digits..)?
                .strip_prefix("__")
                .filter(|_| digits > 0)
        })
        .unwrap_or(rule_id);
    match without_graph.rsplit_once("__") {
        Some((name, suffix)) if is_branch_suffix(suffix) => name,
        _ => without_graph,
    }
}

/// `b<digits>_a<digits>_<digits>`
fn is_branch_suffix(s: &str) -> bool {
    let mut parts = s.split('_');
    let numbered = |p: Option<&str>, prefix: &str| {
        p.and_then(|p| p.strip_prefix(prefix))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    numbered(parts.next(), "b")
        && numbered(parts.next(), "a")
        && numbered(parts.next(), "")
        && parts.next().is_none()
}

/// The noise policy for one run.
pub(crate) struct RuleFilter<'a> {
    opts: &'a GrammarOptions,
}

impl<'a> RuleFilter<'a> {
    pub(crate) fn new(opts: &'a GrammarOptions) -> Self {
        Self { opts }
    }

    /// Whether a finding with this rule id and category is reported.
    pub(crate) fn keeps(&self, engine: Engine, rule_id: &str, category: &str) -> bool {
        let name = rule_name(rule_id);
        let named = |entry: &str| names(entry, rule_id, name, category);
        if engine == Engine::Harper
            && (HARPER_SPELLING.contains(&category) || HARPER_SPELLING.contains(&rule_id))
        {
            return false;
        }
        if self.opts.deny.iter().any(|d| named(d)) {
            return false;
        }
        if self.opts.allow.iter().any(|a| named(a)) {
            return true;
        }
        if !self.opts.typography && is_typography(engine, name, category) {
            return false;
        }
        !is_default_off(rule_id, category)
    }
}

/// Whether an `allow` / `deny` / default-off entry names this rule.
fn names(entry: &str, rule_id: &str, name: &str, category: &str) -> bool {
    match entry.strip_suffix('*') {
        Some(prefix) => [rule_id, name, category]
            .iter()
            .any(|key| key.starts_with(prefix)),
        None => entry == rule_id || entry == name || entry == category,
    }
}

/// Whether a finding with this rule id and category is named by any of the
/// default-off entries.
pub fn is_default_off(rule_id: &str, category: &str) -> bool {
    let name = rule_name(rule_id);
    default_off_rules()
        .iter()
        .any(|off| names(&off.id, rule_id, name, category))
}

/// Whether a rule (by name and category) gives typographic advice.
pub(crate) fn is_typography(engine: Engine, name: &str, category: &str) -> bool {
    match engine {
        Engine::Grammalecte => {
            GRAMMALECTE_TYPOGRAPHY.contains(&category)
                || GRAMMALECTE_TYPOGRAPHY_PREFIXES
                    .iter()
                    .any(|p| name.starts_with(p))
        }
        Engine::Harper => category == HARPER_TYPOGRAPHY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_drop_graph_and_branch_numbers() {
        assert_eq!(rule_name("g2__conj_il__b1_a1_1"), "conj_il");
        assert_eq!(rule_name("g3__gn_les_2m__b1_a4_1"), "gn_les_2m");
        assert_eq!(rule_name("esp_milieu_ligne"), "esp_milieu_ligne");
        assert_eq!(rule_name("g__x"), "g__x");
        assert_eq!(rule_name("AnA"), "AnA");
        assert_eq!(rule_name("a__b__bx_a1_1"), "a__b__bx_a1_1");
    }

    #[test]
    fn default_off_file_parses_with_a_reason_per_id() {
        for off in default_off_rules() {
            assert!(!off.id.contains(char::is_whitespace), "{:?}", off.id);
            assert!(!off.reason.is_empty(), "{} has no reason", off.id);
        }
        let parsed =
            parse_default_off("# header\n\n# why\n# more\nabc\nabd\n# other\nxyz\n\nnone\n");
        let pairs: Vec<(&str, &str)> = parsed
            .iter()
            .map(|d| (d.id.as_str(), d.reason.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("abc", "why more"),
                ("abd", "why more"),
                ("xyz", "other"),
                ("none", "")
            ]
        );
    }

    #[test]
    fn deny_beats_allow_beats_typography() {
        let mut opts = GrammarOptions::default();
        let f = RuleFilter::new(&opts);
        assert!(!f.keeps(Engine::Grammalecte, "apostrophe_typographique", "apos"));
        assert!(!f.keeps(
            Engine::Grammalecte,
            "num_grand_nombre_avec_espaces",
            "notype"
        ));
        assert!(f.keeps(Engine::Grammalecte, "g2__conj_il__b1_a1_1", "conj"));
        assert!(!f.keeps(Engine::Harper, "SpellCheck", "Spelling"));
        opts.allow = vec!["apos".into(), "SpellCheck".into()];
        opts.deny = vec!["conj_il".into()];
        let f = RuleFilter::new(&opts);
        assert!(f.keeps(Engine::Grammalecte, "apostrophe_typographique", "apos"));
        assert!(!f.keeps(Engine::Grammalecte, "g2__conj_il__b1_a1_1", "conj"));
        assert!(!f.keeps(Engine::Harper, "SpellCheck", "Spelling"));
        opts.deny = vec!["eepi_*".into()];
        let f = RuleFilter::new(&opts);
        assert!(!f.keeps(
            Engine::Grammalecte,
            "g1__eepi_écriture_épicène_singulier__b1_a1_1",
            "notype"
        ));
        opts.allow.clear();
        opts.deny.clear();
        opts.typography = true;
        assert!(RuleFilter::new(&opts).keeps(Engine::Grammalecte, "typo_x", "typo"));
    }
}
