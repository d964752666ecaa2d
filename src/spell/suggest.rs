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
use fst::raw::{Fst, Node};

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
    #[inline]
    fn new(c: char) -> Self {
        // Most dictionary letters are ASCII: their folded forms need no
        // Unicode table (this runs once per fst transition walked).
        if c.is_ascii() {
            let l = c.to_ascii_lowercase();
            return Folded { lower: l, base: l };
        }
        Folded {
            lower: lower(c),
            base: base(c),
        }
    }
}

struct Search<'a> {
    fst: &'a Fst<&'static [u8]>,
    query: Vec<Folded>,
    /// Per query position `i` (1-based, as in the table): whether deleting
    /// query character `i` costs half because it doubles the one before.
    doubled: Vec<bool>,
    /// The accent-folded letters of the query: ASCII ones as bits, others
    /// listed. A key character none of them matches costs the same in every
    /// cell (see `generic_row`).
    ascii_bases: u128,
    other_bases: Vec<char>,
    max: u32,
    /// Rows of the table, one per key character so far (row 0 is the empty
    /// key), stored flat with a stride of `query.len() + 1`.
    rows: Vec<u32>,
    /// Per depth, the row shared by every key character that matches no
    /// query letter (same stride as `rows`).
    generic: Vec<u32>,
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
        let doubled = (0..=query.len())
            .map(|i| i >= 2 && query[i - 2].lower == query[i - 1].lower)
            .collect();
        let mut ascii_bases = 0u128;
        let mut other_bases = Vec::new();
        for q in &query {
            if q.base.is_ascii() {
                ascii_bases |= 1 << (q.base as u32);
            } else if !other_bases.contains(&q.base) {
                other_bases.push(q.base);
            }
        }
        Search {
            fst: set.as_fst(),
            query,
            doubled,
            ascii_bases,
            other_bases,
            max,
            rows,
            generic: Vec::new(),
            key_chars: Vec::new(),
            key: Vec::new(),
            found: Vec::new(),
            first_only,
            visited: 0,
        }
    }

    /// Whether the row for key character `c` depends on `c`: it does when
    /// `c` matches a query letter up to accents (a free or half-cost
    /// substitution, a half-cost insertion or deletion, a swap) or doubles
    /// the previous key character (a half-cost insertion).
    #[inline]
    fn depends_on(&self, c: Folded) -> bool {
        let in_query = if c.base.is_ascii() {
            self.ascii_bases & (1 << (c.base as u32)) != 0
        } else {
            self.other_bases.contains(&c.base)
        };
        in_query || self.key_chars.last().is_some_and(|p| p.lower == c.lower)
    }

    /// The row of any key character that `depends_on` rejects: every
    /// substitution and insertion costs a full edit, and a deletion costs
    /// half only where the query doubles a letter. Written to `generic` at
    /// `depth` (the index of the new row); returns its minimum.
    fn generic_row(&mut self, depth: usize) -> u32 {
        let stride = self.query.len() + 1;
        if self.generic.len() < (depth + 1) * stride {
            self.generic.resize((depth + 1) * stride, 0);
        }
        let prev = &self.rows[(depth - 1) * stride..depth * stride];
        let new = &mut self.generic[depth * stride..(depth + 1) * stride];
        new[0] = prev[0] + EDIT;
        let mut min = new[0];
        for i in 1..stride {
            let del = if self.doubled[i] { HALF } else { EDIT };
            let best = (prev[i].min(prev[i - 1]) + EDIT).min(new[i - 1] + del);
            new[i] = best;
            min = min.min(best);
        }
        min
    }

    /// Appends the row for key character `c`; returns its minimum.
    ///
    /// This is the inner loop of every suggestion: it works on slices of the
    /// previous rows, so the compiler can drop most bounds checks.
    fn push_row(&mut self, c: Folded) -> u32 {
        let m = self.query.len();
        let stride = m + 1;
        let len = self.rows.len();
        let depth = len / stride; // rows so far
        let prev_start = len - stride;
        let prev_key = self.key_chars.last().copied();
        let doubles_prev = prev_key.is_some_and(|p| p.lower == c.lower);
        self.rows.resize(len + stride, 0);
        let (head, new) = self.rows.split_at_mut(len);
        let prev = &head[prev_start..];
        // The row before the previous one, for a swap of two neighbours.
        let swap = match prev_key {
            Some(pk) if depth >= 2 => Some((pk, &head[prev_start - stride..prev_start])),
            _ => None,
        };
        let query = &self.query[..];
        let doubled = &self.doubled[..];
        // Inserting `c` costs half when it doubles a neighbour.
        new[0] = prev[0] + if doubles_prev { HALF } else { EDIT };
        let mut min = new[0];
        for i in 1..=m {
            let q = query[i - 1];
            let same = q.lower == c.lower;
            let ins = if doubles_prev || same { HALF } else { EDIT };
            let mut best = prev[i] + ins;
            let sub = if same {
                0
            } else if q.base == c.base {
                HALF
            } else {
                EDIT
            };
            best = best.min(prev[i - 1] + sub);
            let del = if same || doubled[i] { HALF } else { EDIT };
            best = best.min(new[i - 1] + del);
            if i >= 2
                && let Some((pk, before)) = swap
                && q.lower == pk.lower
                && query[i - 2].lower == c.lower
            {
                best = best.min(before[i - 2] + EDIT);
            }
            min = min.min(best);
            new[i] = best;
        }
        min
    }

    fn walk(&mut self, node: Node<'a>, pending: usize) {
        self.visited += 1;
        if self.visited > MAX_VISITS || (self.first_only && !self.found.is_empty()) {
            return;
        }
        let fst = self.fst;
        let stride = self.query.len() + 1;
        let depth = self.rows.len() / stride;
        // Most key characters match no query letter, and they all get the
        // same row: computed at the first of them, reused for the others.
        let mut generic_min: Option<u32> = None;
        for t in node.transitions() {
            self.key.push(t.inp);
            // An ASCII byte is a whole character; only other bytes need
            // decoding (and may be the first bytes of a longer character).
            let decoded = if pending == 0 && t.inp < 0x80 {
                Ok(char::from(t.inp))
            } else {
                let complete_at = self.key.len() - pending - 1;
                std::str::from_utf8(&self.key[complete_at..])
                    .map(|s| s.chars().next().unwrap_or('\u{fffd}'))
            };
            match decoded {
                Ok(ch) => {
                    let c = Folded::new(ch);
                    let min = if self.depends_on(c) {
                        self.push_row(c)
                    } else {
                        let min = match generic_min {
                            Some(m) => m,
                            None => *generic_min.insert(self.generic_row(depth)),
                        };
                        if min <= self.max {
                            let at = depth * stride;
                            self.rows.extend_from_slice(&self.generic[at..at + stride]);
                        }
                        min
                    };
                    if min <= self.max {
                        let cost = self.rows[self.rows.len() - 1];
                        self.key_chars.push(c);
                        let child = fst.node(t.addr);
                        if cost <= self.max && child.is_final() {
                            let word = String::from_utf8_lossy(&self.key).into_owned();
                            self.found.push((cost, word));
                        }
                        self.walk(child, 0);
                        self.key_chars.pop();
                    }
                    self.rows.truncate(depth * stride);
                }
                // The byte is part of a multi-byte character: keep reading.
                Err(e) if e.error_len().is_none() && pending < 3 => {
                    self.walk(fst.node(t.addr), pending + 1)
                }
                Err(_) => {}
            }
            self.key.pop();
        }
    }

    fn run(mut self) -> Vec<(u32, String)> {
        if self.query.is_empty() || self.query.len() > 40 {
            return Vec::new();
        }
        let root = self.fst.root();
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
