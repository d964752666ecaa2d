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

/// The budget for a word of `len` characters: short words get one edit, so
/// that `teh` does not match half the dictionary.
fn budget(len: usize) -> u32 {
    match len {
        0..=3 => EDIT,
        4..=5 => EDIT + HALF,
        _ => 2 * EDIT,
    }
}

/// A character with its case-folded and accent-folded forms, computed once.
#[derive(Clone, Copy)]
struct Folded {
    lower: char,
    base: char,
}

impl Folded {
    fn new(c: char) -> Self {
        Folded {
            lower: lower(c),
            base: base(c),
        }
    }
}

struct Search<'a> {
    fst: &'a Fst<&'static [u8]>,
    query: Vec<Folded>,
    max: u32,
    /// Rows of the table, one per key character so far (row 0 is the empty
    /// key), stored flat with a stride of `query.len() + 1`.
    rows: Vec<u32>,
    key_chars: Vec<Folded>,
    key: Vec<u8>,
    found: Vec<(u32, String)>,
    /// Stop at the first hit (for a yes/no question).
    first_only: bool,
    /// Nodes visited, to bound the worst case on pathological input.
    visited: usize,
}

/// Upper bound on visited nodes: far above what real words need, low enough
/// that no input can make one search slow.
const MAX_VISITS: usize = 200_000;

impl<'a> Search<'a> {
    fn new(set: &'a Set<&'static [u8]>, word: &str, max: u32, first_only: bool) -> Self {
        let query: Vec<Folded> = word.chars().map(Folded::new).collect();
        let rows = (0..=query.len() as u32).map(|i| i * EDIT).collect();
        Search {
            fst: set.as_fst(),
            query,
            max,
            rows,
            key_chars: Vec::new(),
            key: Vec::new(),
            found: Vec::new(),
            first_only,
            visited: 0,
        }
    }

    /// Appends the row for key character `c`; returns its minimum.
    fn push_row(&mut self, c: Folded) -> u32 {
        let m = self.query.len();
        let stride = m + 1;
        let depth = self.rows.len() / stride; // rows so far
        let prev_start = (depth - 1) * stride;
        let prev_key = self.key_chars.last().copied();
        let doubles_prev = prev_key.is_some_and(|p| p.lower == c.lower);
        let mut min = u32::MAX;
        for i in 0..=m {
            let up = self.rows[prev_start + i];
            // Inserting `c` costs half when it doubles a neighbour.
            let ins = if doubles_prev || (i > 0 && self.query[i - 1].lower == c.lower) {
                HALF
            } else {
                EDIT
            };
            let mut best = up + ins;
            if i > 0 {
                let q = self.query[i - 1];
                let diag = self.rows[prev_start + i - 1];
                let sub = if q.lower == c.lower {
                    0
                } else if q.base == c.base {
                    HALF
                } else {
                    EDIT
                };
                best = best.min(diag + sub);
                let left = self.rows[self.rows.len() - 1];
                let del = if (i >= 2 && self.query[i - 2].lower == q.lower) || q.lower == c.lower {
                    HALF
                } else {
                    EDIT
                };
                best = best.min(left + del);
                if i >= 2
                    && depth >= 2
                    && let Some(pk) = prev_key
                    && q.lower == pk.lower
                    && self.query[i - 2].lower == c.lower
                {
                    let pp = self.rows[prev_start - stride + i - 2];
                    best = best.min(pp + EDIT);
                }
            }
            min = min.min(best);
            self.rows.push(best);
        }
        min
    }

    fn walk(&mut self, addr: CompiledAddr, pending: usize) {
        self.visited += 1;
        if self.visited > MAX_VISITS || (self.first_only && !self.found.is_empty()) {
            return;
        }
        let fst = self.fst;
        let node = fst.node(addr);
        let stride = self.query.len() + 1;
        for t in node.transitions() {
            self.key.push(t.inp);
            let complete_at = self.key.len() - pending - 1;
            match std::str::from_utf8(&self.key[complete_at..]) {
                Ok(s) => {
                    let c = Folded::new(s.chars().next().unwrap_or('\u{fffd}'));
                    let min = self.push_row(c);
                    if min <= self.max {
                        let cost = self.rows[self.rows.len() - 1];
                        self.key_chars.push(c);
                        if cost <= self.max && fst.node(t.addr).is_final() {
                            let word = String::from_utf8_lossy(&self.key).into_owned();
                            self.found.push((cost, word));
                        }
                        self.walk(t.addr, 0);
                        self.key_chars.pop();
                    }
                    self.rows.truncate(self.rows.len() - stride);
                }
                // The byte is part of a multi-byte character: keep reading.
                Err(e) if e.error_len().is_none() && pending < 3 => self.walk(t.addr, pending + 1),
                Err(_) => {}
            }
            self.key.pop();
        }
    }

    fn run(mut self) -> Vec<(u32, String)> {
        if self.query.is_empty() || self.query.len() > 40 {
            return Vec::new();
        }
        let root = self.fst.root().addr();
        self.walk(root, 0);
        self.found
    }
}

/// Whether `set` holds a word other than `word` within half an edit of it
/// (one accent, case or doubled-letter change). Used to refuse coinages that
/// are more likely misspellings (`writting`, `runing`); a plain one-letter
/// difference is too common between real long words to mean a slip.
pub fn has_close_word(set: &Set<&'static [u8]>, word: &str) -> bool {
    let lower_word = word.to_lowercase();
    // Not `first_only`: the word itself may be found first.
    Search::new(set, &lower_word, HALF, false)
        .run()
        .iter()
        .any(|(_, w)| w.to_lowercase() != lower_word)
}

/// Up to `limit` words of `set` close to `word`, best first. `suggestible`
/// filters out forms that must never be offered.
///
/// The search first allows one edit, which finds the usual slips quickly,
/// and widens to the full budget only when that found nothing.
pub fn suggest_from_set(
    set: &Set<&'static [u8]>,
    word: &str,
    limit: usize,
    suggestible: impl Fn(&str) -> bool,
) -> Vec<String> {
    let len = word.chars().count();
    let full = budget(len);
    let mut found = Search::new(set, word, full.min(EDIT), false).run();
    let usable = |found: &[(u32, String)]| {
        found
            .iter()
            .filter(|(_, w)| w != word && suggestible(w))
            .count()
    };
    // Words within one edit are what people mean; widen only when there is
    // none (a widened search costs several times more).
    if full > EDIT && usable(&found) == 0 {
        found = Search::new(set, word, full, false).run();
    }
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    // Best cost first; then words whose case matches the query's (a
    // lowercase word should not get a proper noun first); then the closest
    // length; then alphabetical for a stable order.
    found.sort_by_cached_key(|(cost, w)| {
        let cand_cap = w.chars().next().is_some_and(char::is_uppercase);
        let case_penalty = u32::from(cand_cap && !capitalised);
        let len_diff = w.chars().count().abs_diff(len);
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
