//! Curated misspelling → correction lists (TY001), per language.
//!
//! Owns the embedded lists in `rules/typos/<lang>.csv`: one `typo,correction`
//! or `typo,correction,correction` line per entry, sorted by bytes, with no
//! duplicate typo. Lookups binary-search the embedded text directly, so no
//! table is built at start-up: the first lookup of a run costs the same as
//! the thousandth. A list applies only to text of its own language (English
//! lists on French text give dozens of false findings, DESIGN.md).

use super::Lang;

static EN: &str = include_str!("../../rules/typos/en.csv");
static FR: &str = include_str!("../../rules/typos/fr.csv");

/// The list for `lang`, if frontlint has one.
pub fn list_for(lang: &Lang) -> Option<&'static str> {
    match lang {
        Lang::English => Some(EN),
        Lang::French => Some(FR),
        Lang::Other(_) => None,
    }
}

/// The corrections for `typo` (lowercase) in a sorted list.
pub fn lookup<'a>(list: &'a str, typo: &str) -> Option<impl Iterator<Item = &'a str>> {
    let bytes = list.as_bytes();
    let (mut lo, mut hi) = (0usize, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // Widen `mid` to its whole line.
        let start = bytes[..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let end = bytes[mid..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| mid + p);
        if start >= end {
            // An empty line (only possible at the very end): look left.
            hi = start;
            continue;
        }
        let line = list.get(start..end)?;
        let (key, rest) = line.split_once(',')?;
        match key.cmp(typo) {
            std::cmp::Ordering::Equal => return Some(rest.split(',')),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

/// Every entry of a list, for tests and documentation.
pub fn entries(list: &str) -> impl Iterator<Item = (&str, Vec<&str>)> {
    list.lines().filter_map(|line| {
        let (typo, rest) = line.split_once(',')?;
        Some((typo, rest.split(',').collect()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_first_middle_last_and_missing() {
        let list = "abc,abd\nbcd,bce,bcf\nzzz,zza\n";
        assert_eq!(
            lookup(list, "abc").map(|c| c.collect::<Vec<_>>()),
            Some(vec!["abd"])
        );
        assert_eq!(
            lookup(list, "bcd").map(|c| c.collect::<Vec<_>>()),
            Some(vec!["bce", "bcf"])
        );
        assert_eq!(
            lookup(list, "zzz").map(|c| c.collect::<Vec<_>>()),
            Some(vec!["zza"])
        );
        assert!(lookup(list, "abcd").is_none());
        assert!(lookup(list, "").is_none());
        assert!(lookup("", "x").is_none());
    }

    #[test]
    fn embedded_lists_are_sorted_and_unique() {
        for list in [EN, FR] {
            let keys: Vec<&str> = entries(list).map(|(k, _)| k).collect();
            assert!(
                keys.windows(2).all(|w| w[0] < w[1]),
                "unsorted or duplicate"
            );
            for k in keys.iter().step_by(97) {
                assert!(lookup(list, k).is_some(), "{k} not found");
            }
        }
    }

    #[test]
    fn known_entries() {
        let first = |l: &Lang, w: &str| {
            list_for(l)
                .and_then(|list| lookup(list, w))
                .and_then(|mut c| c.next())
        };
        assert_eq!(first(&Lang::English, "recieve"), Some("receive"));
        assert_eq!(first(&Lang::English, "definately"), Some("definitely"));
        assert_eq!(first(&Lang::French, "dévelopement"), Some("développement"));
        assert_eq!(first(&Lang::French, "recieve"), None);
    }
}
