//! Site vocabulary: unknown words shared by several files of one run.
//!
//! Owns the cross-file pass of DESIGN.md ("Site vocabulary without set-up"):
//! a word the dictionary does not know but that several different files use
//! is very likely a name, product or jargon of the site, while a typo is
//! rarely repeated identically across files. The integrator feeds every
//! file's findings in, then filters each file's findings by document
//! frequency; the same counts give `frontlint spelling --collect` its list.

use std::collections::{HashMap, HashSet};

use super::{FindingKind, SpellFinding};

/// The default document-frequency threshold: an unknown word found in this
/// many different files is taken as site vocabulary. On the corpora (see
/// `tests/spell_corpus.rs`), 3 removes most names and jargon, while a typo
/// repeated identically in three posts stays rare (at 2, real typos such as
/// a writer's habitual `dépot` start to disappear).
pub const DEFAULT_MIN_DOCUMENTS: u32 = 3;

/// How often one unknown word occurs in a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordStats {
    /// The normalised key (lowercase, straight apostrophes).
    pub key: String,
    /// The most frequent spelling as written.
    pub word: String,
    /// Number of files using it.
    pub documents: u32,
    /// Number of occurrences in all files.
    pub occurrences: u64,
}

/// A map with a fast hasher: the keys are the run's own words.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

#[derive(Default, Clone, Debug)]
struct Entry {
    documents: u32,
    occurrences: u64,
    forms: FastMap<String, u64>,
}

/// Document frequencies of unknown words over a run. Build one per thread
/// and [`merge`](Self::merge) them, or share one behind a lock.
#[derive(Default, Clone, Debug)]
pub struct SiteVocabulary {
    words: FastMap<String, Entry>,
}

impl SiteVocabulary {
    /// An empty vocabulary.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts the unknown words of one file (each word once for the
    /// document frequency, every occurrence for the totals).
    pub fn add_document(&mut self, findings: &[SpellFinding]) {
        // This pass is serial over the whole run: no allocation for a word
        // already counted, and a set (not a list) for the file's words.
        let mut seen: HashSet<&str, foldhash::fast::RandomState> = HashSet::default();
        for f in findings {
            let FindingKind::UnknownWord { key, .. } = &f.kind else {
                continue;
            };
            let entry = match self.words.get_mut(key.as_str()) {
                Some(e) => e,
                None => self.words.entry(key.clone()).or_default(),
            };
            entry.occurrences += 1;
            match entry.forms.get_mut(f.word.as_str()) {
                Some(n) => *n += 1,
                None => {
                    entry.forms.insert(f.word.clone(), 1);
                }
            }
            if seen.insert(key) {
                entry.documents += 1;
            }
        }
    }

    /// Adds another vocabulary's counts (for a parallel reduce).
    pub fn merge(&mut self, other: SiteVocabulary) {
        for (key, e) in other.words {
            let mine = self.words.entry(key).or_default();
            mine.documents += e.documents;
            mine.occurrences += e.occurrences;
            for (form, n) in e.forms {
                *mine.forms.entry(form).or_default() += n;
            }
        }
    }

    /// In how many files the word with this key was unknown.
    pub fn documents(&self, key: &str) -> u32 {
        self.words.get(key).map_or(0, |e| e.documents)
    }

    /// Drops the unknown-word findings whose word is site vocabulary (found
    /// in at least `min_documents` files). Other findings stay.
    pub fn retain_typos(&self, findings: &mut Vec<SpellFinding>, min_documents: u32) {
        findings.retain(|f| match &f.kind {
            FindingKind::UnknownWord { key, .. } => self.documents(key) < min_documents,
            _ => true,
        });
    }

    /// Every unknown word of the run, most used first (by files, then
    /// occurrences, then key): what `frontlint spelling --collect` prints.
    pub fn by_frequency(&self) -> Vec<WordStats> {
        let mut out: Vec<WordStats> = self
            .words
            .iter()
            .map(|(key, e)| {
                let word = e
                    .forms
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map_or_else(|| key.clone(), |(w, _)| w.clone());
                WordStats {
                    key: key.clone(),
                    word,
                    documents: e.documents,
                    occurrences: e.occurrences,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.documents
                .cmp(&a.documents)
                .then(b.occurrences.cmp(&a.occurrences))
                .then_with(|| a.key.cmp(&b.key))
        });
        out
    }

    /// Number of distinct unknown words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether no unknown word was counted.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}
