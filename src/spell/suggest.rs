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
pub(super) fn base(c: char) -> char {
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
    /// Per accent-folded letter, the query positions (bit `i`: character
    /// `i`, 1-based) holding that letter up to accents and case: ASCII
    /// letters in a table, others listed. Only those cells of a row depend
    /// on the key character (see `push_row_near`).
    ascii_positions: [u64; 128],
    other_positions: Vec<(char, u64)>,
    max: u32,
    /// Rows of the table, one per key character so far (row 0 is the empty
    /// key), stored flat with a stride of `query.len() + 1`.
    rows: Vec<u32>,
    /// Per depth, the row of a key character that matches no query letter
    /// (same stride as `rows`).
    generic: Vec<u32>,
    key_chars: Vec<Folded>,
    key: Vec<u8>,
    found: Vec<(u32, String)>,
    /// Stop at the first hit (for a yes/no question).
    first_only: bool,
    /// Only keys that begin with one of the query's first three letters (up
    /// to accents and case): see `suggest_from_set`.
    near_start: bool,
    /// Nodes visited, to bound the worst case on pathological input.
    visited: usize,
}

/// Upper bound on visited nodes: far above what real words need, low enough
/// that no input can make one search slow.
const MAX_VISITS: usize = 200_000;

/// Longest query searched: its positions must fit the `u64` masks.
const MAX_QUERY: usize = 40;

impl<'a> Search<'a> {
    fn new(set: &'a Set<&'static [u8]>, word: &str, max: u32, first_only: bool) -> Self {
        let query: Vec<Folded> = word.chars().map(Folded::new).collect();
        let rows = (0..=query.len() as u32).map(|i| i * EDIT).collect();
        let doubled = (0..=query.len())
            .map(|i| i >= 2 && query[i - 2].lower == query[i - 1].lower)
            .collect();
        let mut ascii_positions = [0u64; 128];
        let mut other_positions: Vec<(char, u64)> = Vec::new();
        for (i, q) in query.iter().enumerate().take(MAX_QUERY) {
            let bit = 1u64 << (i + 1);
            if q.base.is_ascii() {
                ascii_positions[q.base as usize] |= bit;
            } else if let Some(e) = other_positions.iter_mut().find(|e| e.0 == q.base) {
                e.1 |= bit;
            } else {
                other_positions.push((q.base, bit));
            }
        }
        Search {
            fst: set.as_fst(),
            query,
            doubled,
            ascii_positions,
            other_positions,
            max,
            rows,
            generic: Vec::new(),
            key_chars: Vec::new(),
            key: Vec::new(),
            found: Vec::new(),
            first_only,
            near_start: false,
            visited: 0,
        }
    }

    /// The query positions whose letter is `c` up to accents and case.
    #[inline]
    fn positions(&self, c: Folded) -> u64 {
        if c.base.is_ascii() {
            self.ascii_positions[c.base as usize]
        } else {
            self.other_positions
                .iter()
                .find(|e| e.0 == c.base)
                .map_or(0, |e| e.1)
        }
    }

    /// The row of a key character that matches no query letter (up to
    /// accents) and does not double the previous key character: every
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

    /// Cell `i` (1-based) of the row being built in `new` for key
    /// character `c`, from the previous row `prev` and, for a swap of two
    /// neighbours, the one before it with the previous key character.
    #[inline(always)]
    fn cell(
        &self,
        i: usize,
        c: Folded,
        doubles_prev: bool,
        prev: &[u32],
        new: &[u32],
        swap: Option<(Folded, &[u32])>,
    ) -> u32 {
        let q = self.query[i - 1];
        let same = q.lower == c.lower;
        // Inserting `c` costs half when it doubles a neighbour.
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
        let del = if same || self.doubled[i] { HALF } else { EDIT };
        best = best.min(new[i - 1] + del);
        if i >= 2
            && let Some((pk, before)) = swap
            && q.lower == pk.lower
            && self.query[i - 2].lower == c.lower
        {
            best = best.min(before[i - 2] + EDIT);
        }
        best
    }

    /// Appends the row for key character `c`, computing every cell; returns
    /// its minimum.
    fn push_row(&mut self, c: Folded) -> u32 {
        let m = self.query.len();
        let stride = m + 1;
        let len = self.rows.len();
        let depth = len / stride; // rows so far
        let prev_key = self.key_chars.last().copied();
        let doubles_prev = prev_key.is_some_and(|p| p.lower == c.lower);
        let mut rows = std::mem::take(&mut self.rows);
        rows.resize(len + stride, 0);
        let (head, new) = rows.split_at_mut(len);
        let prev = &head[len - stride..];
        let swap = match prev_key {
            Some(pk) if depth >= 2 => Some((pk, &head[len - 2 * stride..len - stride])),
            _ => None,
        };
        new[0] = prev[0] + if doubles_prev { HALF } else { EDIT };
        let mut min = new[0];
        for i in 1..=m {
            let best = self.cell(i, c, doubles_prev, prev, new, swap);
            new[i] = best;
            min = min.min(best);
        }
        self.rows = rows;
        min
    }

    /// Appends the row for key character `c`, which does not double the
    /// previous key character and matches the query letters at `positions`
    /// (bit `i`: query character `i`), starting from the generic row of
    /// this depth; returns its minimum.
    ///
    /// Only a matched position and the cell after it (a swap) can differ
    /// from the generic row, and a cell whose left neighbour and position
    /// are unchanged keeps its generic value: so only a few cells are
    /// computed, not the whole row.
    fn push_row_near(&mut self, c: Folded, positions: u64, depth: usize) -> u32 {
        let m = self.query.len();
        let stride = m + 1;
        let len = self.rows.len();
        let prev_key = self.key_chars.last().copied();
        let mut rows = std::mem::take(&mut self.rows);
        let generic = &self.generic[depth * stride..(depth + 1) * stride];
        rows.extend_from_slice(generic);
        let (head, new) = rows.split_at_mut(len);
        let prev = &head[len - stride..];
        let swap = match prev_key {
            Some(pk) if depth >= 2 => Some((pk, &head[len - 2 * stride..len - stride])),
            _ => None,
        };
        let mut pending = positions | (positions << 1);
        while pending != 0 {
            let i = pending.trailing_zeros() as usize;
            if i > m {
                break;
            }
            let best = self.cell(i, c, false, prev, new, swap);
            new[i] = best;
            pending &= !(1u64 << i);
            if best != generic[i] {
                pending |= 1u64 << (i + 1);
            }
        }
        let min = new.iter().copied().min().unwrap_or(u32::MAX);
        self.rows = rows;
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
        // The row of a key character matching no query letter, computed at
        // the first transition that needs it; rows of the others start
        // from it.
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
                    // Bits 1 to 3: the query's first three letters.
                    if self.near_start && depth == 1 && self.positions(c) & 0b1110 == 0 {
                        self.key.pop();
                        continue;
                    }
                    let min = if self.key_chars.last().is_some_and(|p| p.lower == c.lower) {
                        // A doubled letter changes every insertion.
                        self.push_row(c)
                    } else {
                        let generic = match generic_min {
                            Some(m) => m,
                            None => *generic_min.insert(self.generic_row(depth)),
                        };
                        match self.positions(c) {
                            0 => {
                                if generic <= self.max {
                                    let at = depth * stride;
                                    self.rows.extend_from_slice(&self.generic[at..at + stride]);
                                }
                                generic
                            }
                            positions => self.push_row_near(c, positions, depth),
                        }
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
        if self.query.is_empty() || self.query.len() > MAX_QUERY {
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
    // none. The widened search keeps to words that begin with one of the
    // word's first three letters (`réutilisateur` → `utilisateur` stays
    // reachable): two slips including the first letter are rare, and the
    // words found that way were mostly noise (`Zapparov` → `Kasparov`),
    // while following every first letter made the widened search cost
    // 2.3 times more, most of the suggestion time of a run.
    if full > EDIT && usable(&found) == 0 {
        let mut wide = Search::new(set, word, full, false);
        wide.near_start = true;
        found = wide.run();
    }
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    // Best cost first; then words whose case matches the query's (a
    // lowercase word should not get a proper noun first); then the closest
    // length; then the same letters in another order; then words with
    // the same first letter (slips are rarely
    // there); then the longest common ending, since a slip is rarely in
    // the ending that carries the grammar either (`calandrier` →
    // `calendrier` before `calandriez`); then alphabetical for a stable
    // order.
    let lower_word: Vec<char> = word.chars().map(lower).collect();
    let first = lower_word.first().map(|&c| base(c));
    let mut letters = lower_word.clone();
    letters.sort_unstable();
    found.sort_by_cached_key(|(cost, w)| {
        let cand_cap = w.chars().next().is_some_and(char::is_uppercase);
        let case_penalty = u32::from(cand_cap && !capitalised);
        let len_diff = w.chars().count().abs_diff(len);
        let other_first = u32::from(w.chars().next().map(base) != first);
        // Same letters in another order: two keys typed the wrong way
        // round (`recieve` → `receive`), the commonest slip of all.
        let other_letters = u32::from({
            let mut l: Vec<char> = w.chars().map(lower).collect();
            l.sort_unstable();
            l != letters
        });
        let shared_ending = w
            .chars()
            .rev()
            .zip(lower_word.iter().rev())
            .take_while(|(a, b)| lower(*a) == **b)
            .count();
        (
            *cost,
            case_penalty,
            len_diff,
            other_letters,
            other_first,
            std::cmp::Reverse(shared_ending),
            w.clone(),
        )
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

    /// The search's result by definition: every word of `words` (in set
    /// order) whose weighted distance to `query` is at most `max`, computed
    /// one word at a time with the full table (the search only prunes
    /// prefixes whose row minimum exceeds `max`; so does this).
    fn reference(words: &[String], query: &str, max: u32) -> Vec<(u32, String)> {
        let fold = |c: char| Folded {
            lower: lower(c),
            base: base(c),
        };
        let q: Vec<Folded> = query.chars().map(fold).collect();
        let m = q.len();
        let mut out = Vec::new();
        if m == 0 || m > MAX_QUERY {
            return out;
        }
        'words: for w in words {
            let key: Vec<Folded> = w.chars().map(fold).collect();
            let mut rows: Vec<Vec<u32>> = vec![(0..=m as u32).map(|i| i * EDIT).collect()];
            for (d, &c) in key.iter().enumerate() {
                let prev_key = d.checked_sub(1).map(|p| key[p]);
                let doubles_prev = prev_key.is_some_and(|p| p.lower == c.lower);
                let prev = &rows[d];
                let mut new = vec![prev[0] + if doubles_prev { HALF } else { EDIT }];
                for i in 1..=m {
                    let qi = q[i - 1];
                    let ins = if doubles_prev || qi.lower == c.lower {
                        HALF
                    } else {
                        EDIT
                    };
                    let sub = if qi.lower == c.lower {
                        0
                    } else if qi.base == c.base {
                        HALF
                    } else {
                        EDIT
                    };
                    let del = if (i >= 2 && q[i - 2].lower == qi.lower) || qi.lower == c.lower {
                        HALF
                    } else {
                        EDIT
                    };
                    let mut best = (prev[i] + ins).min(prev[i - 1] + sub).min(new[i - 1] + del);
                    if i >= 2
                        && d >= 1
                        && let Some(pk) = prev_key
                        && qi.lower == pk.lower
                        && q[i - 2].lower == c.lower
                    {
                        best = best.min(rows[d - 1][i - 2] + EDIT);
                    }
                    new.push(best);
                }
                if new.iter().min().is_none_or(|&v| v > max) {
                    continue 'words;
                }
                rows.push(new);
            }
            let cost = rows[rows.len() - 1][m];
            if !key.is_empty() && cost <= max {
                out.push((cost, w.clone()));
            }
        }
        out
    }

    #[test]
    fn search_finds_what_the_full_table_finds() {
        // Accents, case, a ligature, doubled letters: every cost rule.
        let alphabet: Vec<char> = "abeélnostœEàa".chars().collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..20 {
            let mut words: Vec<String> = (0..300)
                .map(|_| {
                    (0..1 + next(9))
                        .map(|_| alphabet[next(alphabet.len())])
                        .collect()
                })
                .collect();
            words.sort();
            words.dedup();
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            let s = set(&refs);
            for k in 0..30 {
                // Half the queries are near a word of the set.
                let query: String = if k % 2 == 0 {
                    let mut w: Vec<char> = words[next(words.len())].chars().collect();
                    let at = next(w.len() + 1);
                    match next(3) {
                        0 => w.insert(at, alphabet[next(alphabet.len())]),
                        1 if at < w.len() => {
                            w.remove(at);
                        }
                        _ if at + 1 < w.len() => w.swap(at, at + 1),
                        _ => {}
                    }
                    w.into_iter().collect()
                } else {
                    (0..1 + next(8))
                        .map(|_| alphabet[next(alphabet.len())])
                        .collect()
                };
                for max in 1..=2 * EDIT {
                    let want = reference(&words, &query, max);
                    assert_eq!(
                        Search::new(&s, &query, max, false).run(),
                        want,
                        "query {query:?}, max {max}"
                    );
                    // Near the start: the same, for keys beginning with one
                    // of the query's first three letters up to accents.
                    let starts: Vec<char> = query.chars().take(3).map(base).collect();
                    let near: Vec<(u32, String)> = want
                        .into_iter()
                        .filter(|(_, w)| {
                            w.chars().next().is_some_and(|c| starts.contains(&base(c)))
                        })
                        .collect();
                    let mut search = Search::new(&s, &query, max, false);
                    search.near_start = true;
                    assert_eq!(search.run(), near, "query {query:?}, max {max}, near start");
                }
            }
        }
    }

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
    fn equal_costs_keep_the_ending() {
        // Both one substitution away; the slip is in the middle, not in
        // the ending that carries the grammar.
        let s = set(&["calandriez", "calendrier", "calandrer"]);
        assert_eq!(
            suggest_from_set(&s, "calandrier", 3, |_| true),
            vec!["calendrier", "calandriez", "calandrer"]
        );
    }

    #[test]
    fn widened_search_keeps_near_the_start() {
        let s = set(&["utilisateur", "entrepreneuses", "antonym"]);
        // Two letters too many at the start: found.
        assert_eq!(
            suggest_from_set(&s, "réutilisateur", 3, |_| true),
            vec!["utilisateur"]
        );
        // Two edits, one on the first letter: left out of the widened
        // search.
        assert!(suggest_from_set(&s, "intrapreneuses", 3, |_| true).is_empty());
        assert!(suggest_from_set(&s, "metonym", 3, |_| true).is_empty());
        // One edit on the first letter is found by the first search.
        assert_eq!(
            suggest_from_set(&s, "bntonym", 3, |_| true),
            vec!["antonym"]
        );
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
