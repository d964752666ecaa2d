//! Suggestions for unknown words, searched directly in the precompiled word
//! set.
//!
//! Owns the edit-distance search: a depth-first walk of the `fst` that keeps
//! one row of a weighted Damerau-Levenshtein table per character of the key
//! and prunes a branch as soon as every cell of its row exceeds the budget.
//! It touches only the part of the set that is close to the word, so a
//! suggestion costs milliseconds where a Hunspell-style suggester costs a
//! few hundred (DESIGN.md, "Known traps").
//!
//! Weights are in half edits, so that the mistakes people really make rank
//! first: an accent or case change (`connaîssent` → `connaissent`) and a
//! doubled or undoubled letter (`enccourager`, `dévelopement`) cost half an
//! edit; any other substitution, insertion, deletion or swap of two
//! neighbours (`recieve`) costs one.

use fst::Set;
use fst::raw::{CompiledAddr, Fst};

/// Full edit, in the table's units.
const EDIT: u32 = 2;
/// Accent, case or doubled-letter edit.
const HALF: u32 = 1;

/// Maps a Latin letter to its unaccented lowercase base, for cheap
/// accent-only substitutions.
fn base(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        'ñ' => 'n',
        other => other,
    }
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn substitution_cost(q: char, k: char) -> u32 {
    if q == k || lower(q) == lower(k) {
        0
    } else if base(q) == base(k) {
        HALF
    } else {
        EDIT
    }
}

/// The budget for a word of `len` characters: short words get one edit, so
/// that `teh` does not match half the dictionary.
fn budget(len: usize) -> u32 {
    match len {
        0..=3 => EDIT,
        4..=5 => EDIT + HALF,
        _ => 2 * EDIT,
    }
}

struct Search<'a> {
    fst: &'a Fst<&'static [u8]>,
    query: Vec<char>,
    max: u32,
    /// Rows of the table, one per key character so far (row 0 is the empty
    /// key).
    rows: Vec<Vec<u32>>,
    key_chars: Vec<char>,
    key: Vec<u8>,
    found: Vec<(u32, String)>,
    /// Nodes visited, to bound the worst case on pathological input.
    visited: usize,
}

/// Upper bound on visited nodes: far above what real words need (a few
/// thousand), low enough that no input can make one search slow.
const MAX_VISITS: usize = 400_000;

impl Search<'_> {
    fn next_row(&self, c: char) -> Vec<u32> {
        let prev = &self.rows[self.rows.len() - 1];
        let j = self.key_chars.len(); // index of `c` in the key
        let prev_key = if j > 0 {
            Some(self.key_chars[j - 1])
        } else {
            None
        };
        let m = self.query.len();
        let mut row = vec![0u32; m + 1];
        // Inserting `c` costs half when it doubles the previous letter.
        let ins = |i: usize| -> u32 {
            if prev_key.is_some_and(|p| lower(p) == lower(c))
                || (i > 0 && lower(self.query[i - 1]) == lower(c))
            {
                HALF
            } else {
                EDIT
            }
        };
        row[0] = prev[0] + ins(0);
        for i in 1..=m {
            let q = self.query[i - 1];
            let del = if (i >= 2 && lower(self.query[i - 2]) == lower(q)) || lower(q) == lower(c) {
                HALF
            } else {
                EDIT
            };
            let mut best = (prev[i - 1] + substitution_cost(q, c))
                .min(prev[i] + ins(i))
                .min(row[i - 1] + del);
            if i >= 2 && j >= 1 && self.rows.len() >= 2 {
                let pp = &self.rows[self.rows.len() - 2];
                if lower(q) == lower(self.key_chars[j - 1]) && lower(self.query[i - 2]) == lower(c)
                {
                    best = best.min(pp[i - 2] + EDIT);
                }
            }
            row[i] = best;
        }
        row
    }

    fn walk(&mut self, addr: CompiledAddr, pending: usize) {
        self.visited += 1;
        if self.visited > MAX_VISITS {
            return;
        }
        let node = self.fst.node(addr);
        let transitions: Vec<(u8, CompiledAddr)> =
            node.transitions().map(|t| (t.inp, t.addr)).collect();
        for (byte, next) in transitions {
            self.key.push(byte);
            let complete_at = self.key.len() - pending - 1;
            match std::str::from_utf8(&self.key[complete_at..]) {
                Ok(s) => {
                    let c = s.chars().next().unwrap_or('\u{fffd}');
                    let row = self.next_row(c);
                    let min = row.iter().copied().min().unwrap_or(u32::MAX);
                    if min <= self.max {
                        let cost = row[self.query.len()];
                        self.rows.push(row);
                        self.key_chars.push(c);
                        if cost <= self.max && self.fst.node(next).is_final() {
                            let word = String::from_utf8_lossy(&self.key).into_owned();
                            self.found.push((cost, word));
                        }
                        self.walk(next, 0);
                        self.key_chars.pop();
                        self.rows.pop();
                    }
                }
                // The byte is part of a multi-byte character: keep reading.
                Err(e) if e.error_len().is_none() && pending < 3 => self.walk(next, pending + 1),
                Err(_) => {}
            }
            self.key.pop();
        }
    }
}

/// Whether `set` holds a word other than `word` within half an edit of it
/// (one accent, case or doubled-letter change). Used to refuse coinages that
/// are more likely misspellings (`writting`, `runing`); a plain one-letter
/// difference is too common between real long words to mean a slip.
pub fn has_close_word(set: &Set<&'static [u8]>, word: &str) -> bool {
    let query: Vec<char> = word.to_lowercase().chars().collect();
    if query.is_empty() || query.len() > 40 {
        return false;
    }
    let mut search = Search {
        fst: set.as_fst(),
        max: HALF,
        rows: vec![(0..=query.len() as u32).map(|i| i * EDIT).collect()],
        query,
        key_chars: Vec::new(),
        key: Vec::new(),
        found: Vec::new(),
        visited: 0,
    };
    let root = search.fst.root().addr();
    search.walk(root, 0);
    search
        .found
        .iter()
        .any(|(_, w)| w.to_lowercase() != word.to_lowercase())
}

/// Up to `limit` words of `set` close to `word`, best first. `suggestible`
/// filters out forms that must never be offered.
pub fn suggest_from_set(
    set: &Set<&'static [u8]>,
    word: &str,
    limit: usize,
    suggestible: impl Fn(&str) -> bool,
) -> Vec<String> {
    let query: Vec<char> = word.chars().collect();
    if query.is_empty() || query.len() > 40 {
        return Vec::new();
    }
    let mut search = Search {
        fst: set.as_fst(),
        max: budget(query.len()),
        rows: vec![(0..=query.len() as u32).map(|i| i * EDIT).collect()],
        query,
        key_chars: Vec::new(),
        key: Vec::new(),
        found: Vec::new(),
        visited: 0,
    };
    let root = search.fst.root().addr();
    search.walk(root, 0);
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let mut found = search.found;
    // Best cost first; then words whose case matches the query's (a
    // lowercase word should not get a proper noun first); then the closest
    // length; then alphabetical for a stable order.
    found.sort_by_cached_key(|(cost, w)| {
        let cand_cap = w.chars().next().is_some_and(char::is_uppercase);
        let case_penalty = u32::from(cand_cap && !capitalised);
        let len_diff = w.chars().count().abs_diff(word.chars().count());
        (*cost, case_penalty, len_diff, w.clone())
    });
    let mut out: Vec<String> = Vec::new();
    for (_, w) in found {
        if w == word || !suggestible(&w) {
            continue;
        }
        let shown = if capitalised {
            let mut cs = w.chars();
            cs.next()
                .map(|f| f.to_uppercase().chain(cs).collect())
                .unwrap_or_default()
        } else {
            w
        };
        if shown == word || out.iter().any(|o| o.to_lowercase() == shown.to_lowercase()) {
            continue;
        }
        out.push(shown);
        if out.len() == limit {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> Set<&'static [u8]> {
        let mut sorted: Vec<&str> = words.to_vec();
        sorted.sort_unstable();
        let bytes = Set::from_iter(sorted)
            .map(Set::into_fst)
            .map(|f| f.into_inner());
        let leaked: &'static [u8] = Box::leak(bytes.unwrap_or_default().into_boxed_slice());
        Set::new(leaked).unwrap_or_else(|_| Set::new(EMPTY).unwrap_or_else(|_| unreachable!()))
    }
    static EMPTY: &[u8] = &[];

    #[test]
    fn ranks_cheap_edits_first() {
        let s = set(&[
            "encourager",
            "encouragé",
            "connaissent",
            "connaissant",
            "receive",
            "relieve",
        ]);
        assert_eq!(
            suggest_from_set(&s, "enccourager", 3, |_| true)[0],
            "encourager"
        );
        assert_eq!(
            suggest_from_set(&s, "connaîssent", 3, |_| true)[0],
            "connaissent"
        );
        assert_eq!(suggest_from_set(&s, "recieve", 3, |_| true)[0], "receive");
    }

    #[test]
    fn keeps_the_query_capital() {
        let s = set(&["encourager"]);
        assert_eq!(
            suggest_from_set(&s, "Enccourager", 3, |_| true),
            vec!["Encourager"]
        );
    }

    #[test]
    fn respects_filter_and_limit() {
        let s = set(&["cat", "bat", "hat", "mat", "rat"]);
        let got = suggest_from_set(&s, "zat", 3, |w| w != "bat");
        assert_eq!(got.len(), 3);
        assert!(!got.contains(&"bat".to_string()));
    }
}
