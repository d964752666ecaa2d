//! Accepted variants of dictionary words that are not spelling mistakes.
//!
//! Owns the second chance a word gets after the dictionary said no, before
//! it is reported: spellings a careful writer uses on purpose but that the
//! embedded dictionaries do not list. Each rule maps the word to a form the
//! dictionary can confirm, so nothing is accepted on its shape alone:
//!
//! - any language: decomposed accents (`e` + U+0301) composed first;
//! - French: a capital without its accent (`Etat`, `Eviter`: common on
//!   French keyboards), the 1990 spelling reform's `i`/`u` without
//!   circumflex (`connaitre`, `maitrise`), inclusive writing with a middle
//!   dot (`développeur·euses`);
//! - English: British spellings checked through their American form
//!   (`optimisation`, `colour`, `cancelled`), words built with productive
//!   prefixes and suffixes on a known word (`subproject`, `buildable`,
//!   `sizedness`, `snapshotting`), and closed compounds of two known words
//!   (`codebase`, `passthrough`).
//!
//! The English derivation rules refuse a derived form when the dictionary
//! already has that derivation of the stem under another spelling: `runing`
//! is not accepted as `run` + `ing`, because `running` exists.

use super::Lang;
use super::dict::Dictionary;

/// Composes the combining accents French and English text use into single
/// characters, so NFD input looks up like NFC input.
pub fn compose(word: &str) -> Option<String> {
    if !word.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c)) {
        return None;
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let composed = out.chars().next_back().and_then(|base| {
            let table: &[(char, char, char)] = &[
                ('a', '\u{300}', 'à'),
                ('a', '\u{302}', 'â'),
                ('a', '\u{308}', 'ä'),
                ('e', '\u{301}', 'é'),
                ('e', '\u{300}', 'è'),
                ('e', '\u{302}', 'ê'),
                ('e', '\u{308}', 'ë'),
                ('i', '\u{302}', 'î'),
                ('i', '\u{308}', 'ï'),
                ('o', '\u{302}', 'ô'),
                ('o', '\u{308}', 'ö'),
                ('u', '\u{300}', 'ù'),
                ('u', '\u{302}', 'û'),
                ('u', '\u{308}', 'ü'),
                ('c', '\u{327}', 'ç'),
                ('y', '\u{308}', 'ÿ'),
                ('n', '\u{303}', 'ñ'),
                ('E', '\u{301}', 'É'),
                ('E', '\u{300}', 'È'),
                ('E', '\u{302}', 'Ê'),
                ('A', '\u{300}', 'À'),
                ('C', '\u{327}', 'Ç'),
            ];
            table
                .iter()
                .find(|&&(b, m, _)| b == base && m == c)
                .map(|&(_, _, r)| r)
        });
        match composed {
            Some(r) => {
                out.pop();
                out.push(r);
            }
            None => out.push(c),
        }
    }
    // Nothing composed (a mark on a letter outside the table): say so, or
    // the caller would retry the same word forever.
    (out != word).then_some(out)
}

/// Whether `word`, rejected by `dict`, is an accepted variant of a word of
/// `dict` in `lang`.
pub fn accepted_variant(dict: &Dictionary, lang: &Lang, word: &str) -> bool {
    if let Some(nfc) = compose(word)
        && (dict.check(&nfc) || accepted_variant(dict, lang, &nfc))
    {
        return true;
    }
    match lang {
        Lang::French => french_variant(dict, word),
        // A coinage one edit away from a real word is more likely a slip
        // (`writting`, `runing`) than a new word.
        Lang::English => {
            english_variant(dict, word, 2)
                && (british(dict, &word.to_lowercase())
                    || !dict
                        .word_set()
                        .is_some_and(|set| super::suggest::has_close_word(set, word)))
        }
        Lang::Other(_) => false,
    }
}

fn replace_char_at(word: &str, at: usize, with: char) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    for (i, c) in word.char_indices() {
        if i == at {
            out.push(with);
        } else {
            out.push(c);
        }
    }
    out
}

fn french_variant(dict: &Dictionary, word: &str) -> bool {
    // Inclusive writing: `développeur·euses`, `usager·es`. The first part
    // must be a word; the endings are short.
    if let Some((head, tail)) = word.split_once(['·', '•', '⋅']) {
        let short_tail = tail
            .split(['·', '•', '⋅'])
            .all(|t| (1..=6).contains(&t.chars().count()) && t.chars().all(char::is_alphabetic));
        return short_tail && (dict.check(head) || french_variant(dict, head));
    }
    let mut chars = word.chars();
    // `Etat`, `Ecole`, `A partir`: capitals often lose their accent.
    if let Some(first) = chars.next() {
        let options: &[char] = match first {
            'E' => &['É', 'È', 'Ê'],
            'A' => &['À', 'Â'],
            'I' => &['Î'],
            'O' => &['Ô'],
            'U' => &['Ù', 'Û'],
            'C' => &['Ç'],
            _ => &[],
        };
        for &o in options {
            if dict.check(&replace_char_at(word, 0, o)) {
                return true;
            }
        }
    }
    // 1990 reform: `i` and `u` may lose their circumflex (`connaitre`,
    // `maitrise`, `août` → `aout`). Try one letter at a time.
    for (i, c) in word.char_indices() {
        let hat = match c {
            'i' => 'î',
            'u' => 'û',
            _ => continue,
        };
        if dict.check(&replace_char_at(word, i, hat)) {
            return true;
        }
    }
    false
}

/// British → American rewrites, tried one at a time: (British ending,
/// American ending).
const BRITISH_ENDINGS: &[(&str, &str)] = &[
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("iser", "izer"),
    ("isers", "izers"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("llers", "lers"),
    ("ssed", "sed"),
    ("ssing", "sing"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ence", "ense"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("mme", "m"),
    ("mmes", "ms"),
];

const PREFIXES: &[&str] = &[
    "un", "re", "sub", "non", "multi", "inter", "intra", "de", "pre", "post", "over", "under",
    "co", "micro", "auto", "cross", "mis", "semi", "super", "hyper", "meta", "mono", "poly",
    "pseudo", "anti", "counter", "out", "bi", "tri", "dis", "mid", "mega", "ultra",
];

/// A British spelling of an American dictionary word.
fn british(dict: &Dictionary, w: &str) -> bool {
    let ok = |s: &str| dict.check(s);
    for (gb, us) in BRITISH_ENDINGS {
        if let Some(stem) = w.strip_suffix(gb)
            && !stem.is_empty()
            && ok(&format!("{stem}{us}"))
        {
            return true;
        }
    }
    w.contains("our") && ok(&w.replacen("our", "or", 1))
}

fn english_variant(dict: &Dictionary, word: &str, depth: u8) -> bool {
    let lower = word.to_lowercase();
    let w = lower.as_str();
    let ok = |s: &str| dict.check(s);
    if british(dict, w) {
        return true;
    }
    if depth == 0 {
        return false;
    }
    let known = |s: &str| s.chars().count() >= 3 && (ok(s) || english_variant(dict, s, depth - 1));
    // Prefix + known word: `subproject`, `deallocating`, `reenable`.
    for p in PREFIXES {
        if let Some(rest) = w.strip_prefix(p)
            && rest.chars().count() >= 4
            && known(rest.trim_start_matches('-'))
        {
            return true;
        }
    }
    // Known word + suffix, when the dictionary has no form of its own.
    if derived(dict, w, depth) {
        return true;
    }
    // Closed compound of two known words: `codebase`, `passthrough`.
    let chars: Vec<(usize, char)> = w.char_indices().collect();
    if chars.len() >= 7 {
        for &(at, _) in &chars[3..=chars.len() - 3] {
            let (a, b) = w.split_at(at);
            if ok(a) && (ok(b) || (depth > 1 && english_variant(dict, b, 0))) {
                return true;
            }
        }
    }
    false
}

/// `buildable`, `sizedness`, `snapshotting`, `mergeability`: a known stem
/// with a productive suffix.
fn derived(dict: &Dictionary, w: &str, depth: u8) -> bool {
    let ok = |s: &str| dict.check(s);
    let stem_ok = |s: &str| {
        s.chars().count() >= 3 && (ok(s) || (depth > 1 && english_variant(dict, s, depth - 1)))
    };
    let undouble = |s: &str| -> Option<String> {
        let mut cs: Vec<char> = s.chars().collect();
        let n = cs.len();
        (n >= 2 && cs[n - 1] == cs[n - 2]).then(|| {
            cs.pop();
            cs.into_iter().collect()
        })
    };
    if let Some(stem) = w.strip_suffix("ability") {
        return stem_ok(&format!("{stem}able")) || derived(dict, &format!("{stem}able"), depth);
    }
    for suffix in ["able", "ness", "less", "ful", "ize", "ization"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            let with_e = format!("{stem}e");
            if stem_ok(stem) || stem_ok(&with_e) {
                return true;
            }
            if let Some(u) = undouble(stem)
                && stem_ok(&u)
            {
                return true;
            }
        }
    }
    // Verbed nouns (`snapshotting`, `symlinked`): only when the dictionary
    // has no `-ing`/`-ed` form of that stem, else the word is a misspelling
    // of that form (`runing` → `running`).
    for (suffix, forms) in [
        ("ing", ["ing", "ing", "ing"]),
        ("ed", ["ed", "ed", "d"]),
        ("er", ["er", "er", "r"]),
        ("ers", ["ers", "ers", "rs"]),
    ] {
        let Some(raw) = w.strip_suffix(suffix) else {
            continue;
        };
        let mut stems: Vec<String> = vec![raw.to_string(), format!("{raw}e")];
        if let Some(u) = undouble(raw) {
            stems.push(u);
        }
        let known: Vec<&String> = stems.iter().filter(|s| stem_ok(s)).collect();
        if known.is_empty() {
            continue;
        }
        let has_own_form = known.iter().any(|stem| {
            let last: String = stem.chars().last().map(String::from).unwrap_or_default();
            [
                format!("{stem}{}", forms[0]),
                format!("{stem}{last}{}", forms[1]),
                format!("{}{}", stem.strip_suffix('e').unwrap_or(stem), forms[0]),
                format!("{stem}{}", forms[2]),
            ]
            .iter()
            .any(|f| ok(f))
        });
        return !has_own_form;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_variants() -> Result<(), super::super::DictionaryError> {
        let fr = Dictionary::french()?;
        for w in [
            "Etat",
            "Eviter",
            "connaitre",
            "maitrise",
            "développeur·euses",
            "usager·es",
        ] {
            assert!(accepted_variant(&fr, &Lang::French, w), "{w}");
        }
        assert!(accepted_variant(&fr, &Lang::French, "cou\u{302}t"));
        assert!(!accepted_variant(&fr, &Lang::French, "zq\u{301}x"));
        for w in [
            "enccourager",
            "connaîssent",
            "Ezzz",
            "développeur·extraordinairement",
        ] {
            assert!(!accepted_variant(&fr, &Lang::French, w), "{w}");
        }
        Ok(())
    }

    #[test]
    fn english_variants() -> Result<(), super::super::DictionaryError> {
        let en = Dictionary::english()?;
        for w in [
            "optimisations",
            "colour",
            "cancelled",
            "focussed",
            "subproject",
            "buildable",
            "sizedness",
            "snapshotting",
            "mergeability",
            "codebase",
            "passthrough",
        ] {
            assert!(accepted_variant(&en, &Lang::English, w), "{w}");
        }
        for w in ["runing", "recieve", "definately", "teh", "writting"] {
            assert!(!accepted_variant(&en, &Lang::English, w), "{w}");
        }
        Ok(())
    }
}
