//! The per-thread memo of whole pieces: word → small value.
//!
//! Every word of every post is looked up here, and a site has hundreds of
//! thousands of distinct words, so most lookups of a general hash map miss
//! the CPU cache twice: once for the bucket, once for the key it points to.
//! This table keeps short keys (most words) inside the slot, next to a tag
//! of their hash and the value, and probes linearly: a hit usually costs
//! one cache line. Longer keys go to an ordinary map.

use std::collections::HashMap;
use std::hash::BuildHasher;

/// Longest key stored inline (bytes of UTF-8).
const INLINE: usize = 23;

/// One slot: 32 bytes, two per cache line.
#[derive(Clone, Copy)]
struct Slot {
    /// High half of the key's hash; meaningful only when `len > 0`.
    tag: u32,
    /// Key length; 0 marks an empty slot (empty keys live in `long`).
    len: u8,
    key: [u8; INLINE],
    value: u32,
}

const EMPTY: Slot = Slot {
    tag: 0,
    len: 0,
    key: [0; INLINE],
    value: 0,
};

/// Whether `k` (1 to `INLINE` bytes) is the start of `key`, by a few
/// overlapping word loads instead of a call to `memcmp`: every lookup
/// of a known word ends with this comparison.
#[inline(always)]
fn same_short(key: &[u8; INLINE], k: &[u8]) -> bool {
    let n = k.len();
    let u64_at = |b: &[u8], i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or([0; 8]));
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap_or([0; 4]));
    match n {
        0 => true,
        1..=3 => key[0] == k[0] && key[n / 2] == k[n / 2] && key[n - 1] == k[n - 1],
        4..=7 => u32_at(key, 0) == u32_at(k, 0) && u32_at(key, n - 4) == u32_at(k, n - 4),
        8..=16 => u64_at(key, 0) == u64_at(k, 0) && u64_at(key, n - 8) == u64_at(k, n - 8),
        _ => {
            u64_at(key, 0) == u64_at(k, 0)
                && u64_at(key, 8) == u64_at(k, 8)
                && u64_at(key, n - 8) == u64_at(k, n - 8)
        }
    }
}

/// A map from words to `u32`, tuned for many short keys looked up often.
#[derive(Default)]
pub struct WordTable {
    slots: Vec<Slot>,
    /// Inline entries.
    count: usize,
    /// Keys longer than `INLINE`, or empty.
    long: HashMap<Box<[u8]>, u32, foldhash::fast::FixedState>,
    hasher: foldhash::fast::FixedState,
}

impl WordTable {
    /// Number of entries.
    pub fn len(&self) -> usize {
        self.count + self.long.len()
    }

    /// Drops every entry, keeping the allocation.
    pub fn clear(&mut self) {
        self.slots.fill(EMPTY);
        self.count = 0;
        self.long.clear();
    }

    /// The value of `word` (its UTF-8 bytes: the caller need not check
    /// character boundaries on this path), if present.
    #[inline]
    pub fn get(&self, k: &[u8]) -> Option<u32> {
        if k.is_empty() || k.len() > INLINE {
            return self.long.get(k).copied();
        }
        if self.slots.is_empty() {
            return None;
        }
        let h = self.hasher.hash_one(k);
        let tag = (h >> 32) as u32;
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let s = &self.slots[i];
            if s.len == 0 {
                return None;
            }
            if s.tag == tag && s.len as usize == k.len() && same_short(&s.key, k) {
                return Some(s.value);
            }
            i = (i + 1) & mask;
        }
    }

    /// Sets the value of `word` (replacing any previous one).
    pub fn insert(&mut self, k: &[u8], value: u32) {
        if k.is_empty() || k.len() > INLINE {
            self.long.insert(k.into(), value);
            return;
        }
        // At most three quarters full: probes stay short (most hits are in
        // the first slot's cache line) and the table stays small enough to
        // share the CPU cache with the rest of the run.
        if (self.count + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let h = self.hasher.hash_one(k);
        let tag = (h >> 32) as u32;
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let s = &mut self.slots[i];
            if s.len == 0 {
                let mut key = [0; INLINE];
                key[..k.len()].copy_from_slice(k);
                *s = Slot {
                    tag,
                    len: k.len() as u8,
                    key,
                    value,
                };
                self.count += 1;
                return;
            }
            if s.tag == tag && s.len as usize == k.len() && &s.key[..k.len()] == k {
                s.value = value;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let cap = (self.slots.len() * 2).max(4096);
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; cap]);
        let mask = cap - 1;
        for s in old.into_iter().filter(|s| s.len > 0) {
            let h = self.hasher.hash_one(&s.key[..s.len as usize]);
            let mut i = h as usize & mask;
            while self.slots[i].len != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_long_and_empty_keys() {
        let mut t = WordTable::default();
        assert_eq!(t.get("chat".as_bytes()), None);
        t.insert("chat".as_bytes(), 1);
        t.insert("".as_bytes(), 2);
        let long = "anticonstitutionnellement-et-plus";
        t.insert(long.as_bytes(), 3);
        t.insert("exactly-twenty-three-by".as_bytes(), 4);
        assert_eq!("exactly-twenty-three-by".len(), INLINE);
        assert_eq!(t.get("chat".as_bytes()), Some(1));
        assert_eq!(t.get("".as_bytes()), Some(2));
        assert_eq!(t.get(long.as_bytes()), Some(3));
        assert_eq!(t.get("exactly-twenty-three-by".as_bytes()), Some(4));
        assert_eq!(t.get("chats".as_bytes()), None);
        assert_eq!(t.get("cha".as_bytes()), None);
        t.insert("chat".as_bytes(), 5);
        assert_eq!(t.get("chat".as_bytes()), Some(5));
        assert_eq!(t.len(), 4);
        t.clear();
        assert_eq!(t.len(), 0);
        assert_eq!(t.get("chat".as_bytes()), None);
        assert_eq!(t.get(long.as_bytes()), None);
    }

    #[test]
    fn short_comparison_sees_every_byte() {
        for n in 1..=INLINE {
            let word: Vec<u8> = (0..n as u8).map(|b| b'a' + b).collect();
            let mut key = [0u8; INLINE];
            key[..n].copy_from_slice(&word);
            assert!(same_short(&key, &word), "{n}");
            for at in 0..n {
                let mut other = word.clone();
                other[at] = b'Z';
                assert!(!same_short(&key, &other), "{n} {at}");
            }
        }
    }

    /// Against a `HashMap` through many growths, with keys sharing
    /// prefixes and lengths.
    #[test]
    fn agrees_with_a_hash_map() {
        let mut t = WordTable::default();
        let mut m = HashMap::new();
        for n in 0..50_000u32 {
            let w = format!("mot{}é{}", n % 9_973, n / 7);
            t.insert(w.as_bytes(), n);
            m.insert(w, n);
        }
        assert_eq!(t.len(), m.len());
        for (w, v) in &m {
            assert_eq!(t.get(w.as_bytes()), Some(*v), "{w}");
        }
        for n in 0..1_000 {
            assert_eq!(t.get(format!("absent{n}").as_bytes()), None);
        }
    }
}
