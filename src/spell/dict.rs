//! Dictionaries: the embedded precompiled ones and Hunspell files read at run
//! time.
//!
//! Owns word lookup with Hunspell-like case rules (a lowercase entry accepts
//! `Word` and the entry itself; a capitalised entry such as `Paris` is also
//! accepted in lowercase, since casing is not a spelling matter for a linter)
//! and the typographic variants that are not spelling mistakes (`coeur` for
//! `cœur`, straight or curly apostrophes). Splitting elisions and hyphenated
//! compounds is the checker's job, not this module's.

use std::path::{Path, PathBuf};

use fst::Set;

static FR_WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fr.words.fst"));
static FR_NOSUGGEST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fr.nosuggest.fst"));
static EN_WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en.words.fst"));
static EN_NOSUGGEST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en.nosuggest.fst"));

/// Where a dictionary's words come from.
pub enum Dictionary {
    /// An embedded set of every accepted form (built by `build.rs`).
    Compiled {
        words: Set<&'static [u8]>,
        no_suggest: Set<&'static [u8]>,
    },
    /// A Hunspell pair read at run time through spellbook.
    Hunspell(Box<spellbook::Dictionary>),
}

/// Error while opening a configured dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictionaryError(pub String);

impl std::fmt::Display for DictionaryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DictionaryError {}

fn compiled(
    words: &'static [u8],
    no_suggest: &'static [u8],
) -> Result<Dictionary, DictionaryError> {
    let words =
        Set::new(words).map_err(|e| DictionaryError(format!("embedded dictionary: {e}")))?;
    let no_suggest =
        Set::new(no_suggest).map_err(|e| DictionaryError(format!("embedded dictionary: {e}")))?;
    Ok(Dictionary::Compiled { words, no_suggest })
}

impl Dictionary {
    /// The embedded French dictionary (Grammalecte "classique").
    pub fn french() -> Result<Dictionary, DictionaryError> {
        compiled(FR_WORDS, FR_NOSUGGEST)
    }

    /// The embedded English dictionary (SCOWL en_US).
    pub fn english() -> Result<Dictionary, DictionaryError> {
        compiled(EN_WORDS, EN_NOSUGGEST)
    }

    /// Reads a Hunspell pair; `aff` is the `.aff` path and the `.dic` sits
    /// beside it with the same stem.
    pub fn from_hunspell_files(aff: &Path) -> Result<Dictionary, DictionaryError> {
        let dic: PathBuf = aff.with_extension("dic");
        let read = |p: &Path| {
            std::fs::read_to_string(p).map_err(|e| DictionaryError(format!("{}: {e}", p.display())))
        };
        let aff_text = read(aff)?;
        let dic_text = read(&dic)?;
        let dict = spellbook::Dictionary::new(&aff_text, &dic_text)
            .map_err(|e| DictionaryError(format!("{}: {e}", aff.display())))?;
        Ok(Dictionary::Hunspell(Box::new(dict)))
    }

    /// Exact membership, no case folding.
    fn contains_exact(&self, word: &str) -> bool {
        match self {
            Dictionary::Compiled { words, .. } => words.contains(word),
            Dictionary::Hunspell(d) => d.check(word),
        }
    }

    /// Whether `word` (one word: no elision, no hyphen splitting) is accepted.
    pub fn check(&self, word: &str) -> bool {
        if self.check_cased(word) {
            return true;
        }
        // `coeur`, `oeuvre`, `soeur`, `ex aequo` typed without the ligature
        // are typography, not spelling.
        if ["oe", "ae", "Oe", "OE"].iter().any(|p| word.contains(p)) {
            let lig = word
                .replace("oe", "œ")
                .replace("ae", "æ")
                .replace("Oe", "Œ")
                .replace("OE", "Œ");
            if lig != word && self.check_cased(&lig) {
                return true;
            }
        }
        false
    }

    fn check_cased(&self, word: &str) -> bool {
        if self.contains_exact(word) {
            return true;
        }
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        let rest = chars.as_str();
        if first.is_uppercase() {
            // `Équipe` at a sentence start, `Découvrez`.
            let lower: String = first.to_lowercase().chain(rest.chars()).collect();
            if self.contains_exact(&lower) {
                return true;
            }
            // `NOUVELLE` in a shouted heading.
            if rest.chars().all(|c| !c.is_lowercase()) {
                let all_lower = word.to_lowercase();
                let cap: String = first
                    .to_uppercase()
                    .chain(all_lower.chars().skip(1))
                    .collect();
                return self.contains_exact(&all_lower) || self.contains_exact(&cap);
            }
            false
        } else if first.is_lowercase() {
            // `paris`, `internet`: the proper-noun entry in lowercase.
            let cap: String = first.to_uppercase().chain(rest.chars()).collect();
            self.contains_exact(&cap)
        } else {
            false
        }
    }

    /// Whether `word` may be offered as a suggestion.
    pub fn suggestible(&self, word: &str) -> bool {
        match self {
            Dictionary::Compiled { no_suggest, .. } => !no_suggest.contains(word),
            Dictionary::Hunspell(_) => true,
        }
    }

    /// The embedded word set, when there is one (suggestions search it).
    pub fn word_set(&self) -> Option<&Set<&'static [u8]>> {
        match self {
            Dictionary::Compiled { words, .. } => Some(words),
            Dictionary::Hunspell(_) => None,
        }
    }

    /// Spellbook's own suggestions, for dictionaries read at run time.
    pub fn hunspell_suggest(&self, word: &str, out: &mut Vec<String>) {
        if let Dictionary::Hunspell(d) = self {
            d.suggest(word, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_dictionaries_load_and_answer() -> Result<(), DictionaryError> {
        let fr = Dictionary::french()?;
        for w in [
            "équipe",
            "Équipe",
            "aujourd'hui",
            "quelques-unes",
            "connaissent",
            "Paris",
        ] {
            assert!(fr.check(w), "{w} should be French");
        }
        for w in ["sécrétariat", "enccourager", "connaîssent", "dévelopement"] {
            assert!(!fr.check(w), "{w} should not be French");
        }
        let en = Dictionary::english()?;
        for w in ["receive", "definitely", "don't", "Rust", "rust's", "colour"] {
            assert_eq!(en.check(w), w != "colour", "{w}");
        }
        assert!(!en.check("recieve"));
        Ok(())
    }

    #[test]
    fn ligature_and_case_variants() -> Result<(), DictionaryError> {
        let fr = Dictionary::french()?;
        assert!(fr.check("coeur"));
        assert!(fr.check("Oeuvre"));
        assert!(fr.check("paris"));
        assert!(fr.check("ÉQUIPE"));
        Ok(())
    }
}
