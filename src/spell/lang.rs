//! Which language a document is written in.
//!
//! Owns the mapping from language tags (`fr`, `fr-FR`, `en_US`, `de_DE`) to a
//! [`Lang`], the order of precedence (front matter hint, then configuration,
//! then detection) and a small stopword detector. The detector only needs to
//! tell apart the languages a site is configured for, on a few kilobytes of
//! prose, in microseconds; it is not a general language identifier.

use std::fmt;
use std::sync::Arc;

/// The language whose dictionary and word lists apply to a text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// French, with the embedded Grammalecte dictionary.
    French,
    /// English, with the embedded SCOWL en_US dictionary.
    English,
    /// Any other language, by its normalised tag (`de_DE`, `es`): checked only
    /// when a dictionary for it is configured or found in the system folder.
    Other(Arc<str>),
}

impl Lang {
    /// Parses a language tag as written in front matter or configuration.
    /// Returns `None` for an empty tag or `auto`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim();
        if tag.is_empty() || tag.eq_ignore_ascii_case("auto") {
            return None;
        }
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or(tag)
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::French),
            "en" | "eng" | "english" => Some(Lang::English),
            _ => {
                // Hunspell files are named `de_DE`, so normalise to that form.
                let mut parts = tag.split(['-', '_']);
                let first = parts.next().unwrap_or(tag).to_ascii_lowercase();
                let rest: Vec<String> = parts.map(|p| p.to_ascii_uppercase()).collect();
                let mut name = first;
                for r in rest {
                    name.push('_');
                    name.push_str(&r);
                }
                Some(Lang::Other(Arc::from(name)))
            }
        }
    }

    /// The short code used in messages and file names (`fr`, `en`, `de_DE`).
    pub fn code(&self) -> &str {
        match self {
            Lang::French => "fr",
            Lang::English => "en",
            Lang::Other(name) => name,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Picks the language of a document.
///
/// `hint` is the front matter's `lang` / `language` / `locale` value and wins
/// when it names a language. Otherwise `configured` (the `[spelling]
/// languages` list) decides: one language is taken as is; several, or
/// `auto`, or nothing, mean detection among them (French and English when
/// none is named) on `text_sample`. A sample with no evidence gives the first
/// candidate.
pub fn resolve_language(hint: Option<&str>, configured: &[String], text_sample: &str) -> Lang {
    resolve_with(hint, configured, || scores(text_sample))
}

/// [`resolve_language`] and [`is_uncertain`] of the same sample, reading it
/// once (only when neither the hint nor the configuration decides). The
/// sample is given in parts, read as if joined (the caller need not copy a
/// post's fields and body into one string).
pub fn resolve_language_and_uncertainty(
    hint: Option<&str>,
    configured: &[String],
    sample_parts: &[&str],
) -> (Lang, bool) {
    let mut evidence = None;
    let mut read = || *evidence.get_or_insert_with(|| scores_of_parts(sample_parts));
    let lang = resolve_with(hint, configured, &mut read);
    let (fr, en) = read();
    (lang, fr == en)
}

/// [`resolve_language`] with the sample's stopword scores computed only if
/// detection is needed.
fn resolve_with(
    hint: Option<&str>,
    configured: &[String],
    scores: impl FnOnce() -> (usize, usize),
) -> Lang {
    if let Some(lang) = hint.and_then(Lang::from_tag) {
        return lang;
    }
    let mut candidates: Vec<Lang> = Vec::new();
    for tag in configured {
        if let Some(lang) = Lang::from_tag(tag)
            && !candidates.contains(&lang)
        {
            candidates.push(lang);
        }
    }
    let auto = configured.is_empty() || configured.iter().any(|t| t.trim() == "auto");
    if candidates.len() == 1 && !auto {
        return candidates.swap_remove(0);
    }
    if candidates.is_empty() {
        candidates = vec![Lang::English, Lang::French];
    }
    pick(scores(), &candidates)
}

/// How many bytes of a text the detector reads: enough for a few hundred
/// words, so detection stays in the microseconds on long posts.
const SAMPLE_BYTES: usize = 4_000;

/// Which language a frequent short word points to: words frequent in one of
/// French or English and rare in the other. Words shared by both (`a`, `on`,
/// `as`, `me`) are left out on purpose.
const FRENCH_STOPWORDS: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "pour", "dans", "que", "qui",
    "pas", "sur", "avec", "sont", "nous", "vous", "ou", "au", "aux", "ce", "cette", "ces", "mais",
    "plus", "par", "il", "elle", "ils", "être", "leur", "été", "très", "aussi", "comme", "tout",
];
const ENGLISH_STOPWORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "in", "that", "for", "with", "it", "this", "are", "was", "be",
    "by", "we", "you", "they", "have", "has", "not", "but", "from", "which", "will", "can", "or",
    "an", "at", "its", "their", "there", "would", "should", "what", "when", "how", "our",
];

/// The longest stopword, in bytes (`cette`, `être`, `their`, `should`).
const MAX_STOPWORD: usize = 6;

/// A word of at most 8 bytes as one integer (its bytes, little-endian):
/// the detector compares integers, not strings.
const fn pack(word: &[u8]) -> u64 {
    let mut v = 0u64;
    let mut i = 0;
    while i < word.len() && i < 8 {
        v |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    v
}

/// Both stopword lists, packed and sorted for a binary search.
fn stopword_table() -> &'static [(u64, bool)] {
    static TABLE: std::sync::OnceLock<Vec<(u64, bool)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: Vec<(u64, bool)> = FRENCH_STOPWORDS
            .iter()
            .map(|w| (pack(w.as_bytes()), true))
            .chain(
                ENGLISH_STOPWORDS
                    .iter()
                    .map(|w| (pack(w.as_bytes()), false)),
            )
            .collect();
        t.sort_unstable();
        t
    })
}

fn stopword(lower: &str) -> Option<Lang> {
    stopword_packed(lower.as_bytes())
}

/// [`stopword`] of a lowercase word given as bytes.
fn stopword_packed(lower: &[u8]) -> Option<Lang> {
    if lower.len() > MAX_STOPWORD {
        return None;
    }
    let table = stopword_table();
    table
        .binary_search_by_key(&pack(lower), |&(k, _)| k)
        .ok()
        .map(|i| {
            if table[i].1 {
                Lang::French
            } else {
                Lang::English
            }
        })
}

/// Scores each candidate by its stopword hits and returns the best one.
pub fn detect(text: &str, candidates: &[Lang]) -> Lang {
    pick(scores(text), candidates)
}

/// The best candidate for French and English stopword scores.
fn pick((fr, en): (usize, usize), candidates: &[Lang]) -> Lang {
    let has = |l: &Lang| candidates.contains(l);
    let first = candidates.first().cloned().unwrap_or(Lang::English);
    match (has(&Lang::French), has(&Lang::English)) {
        (true, true) if fr > en => Lang::French,
        (true, true) if en > fr => Lang::English,
        // A tie (including an empty sample) keeps the configured order.
        _ => first,
    }
}

/// Whether the sample gives no evidence either way between French and
/// English (too short, or balanced): the caller may then accept a word
/// known in either language.
pub fn is_uncertain(text: &str) -> bool {
    let (fr, en) = scores(text);
    fr == en
}

/// Stopword evidence for French and English in the start of `text`.
fn scores(text: &str) -> (usize, usize) {
    scores_of_parts(&[text])
}

/// [`scores`] of the parts of a sample, as if joined (words do not run
/// across parts): the first `SAMPLE_BYTES` of them.
fn scores_of_parts(parts: &[&str]) -> (usize, usize) {
    let (mut fr, mut en) = (0usize, 0usize);
    let mut budget = SAMPLE_BYTES;
    let mut elisions = 0;
    for part in parts {
        let mut end = part.len().min(budget);
        while !part.is_char_boundary(end) {
            end -= 1;
        }
        budget -= end;
        let bytes = &part.as_bytes()[..end];
        if count_stopwords(bytes, &mut fr, &mut en) {
            // A lead of 24 stopwords decides; elisions could change it only
            // with about a hundred apostrophes in the sample.
            break;
        }
        // Elisions (`l'équipe`, `d'un`) are a strong French signal that the
        // word split cannot see; counted bytewise over the sample (`'` is
        // one byte, `’` one three-byte sequence).
        elisions += memchr::memchr_iter(b'\'', bytes).count()
            + memchr::memmem::find_iter(bytes, "’".as_bytes()).count();
        if budget == 0 {
            break;
        }
    }
    fr += elisions / 4;
    (fr, en)
}

/// Adds the stopwords of `bytes` to the counts; true once one language
/// leads clearly (then the rest of the sample need not be read).
fn count_stopwords(bytes: &[u8], fr: &mut usize, en: &mut usize) -> bool {
    let is_letter = |b: u8| b.is_ascii_alphabetic() || b >= 0x80;
    let mut buf = [0u8; MAX_STOPWORD];
    let mut i = 0;
    while i < bytes.len() {
        // Words: runs of ASCII letters and non-ASCII bytes (`être`).
        if !is_letter(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_letter(bytes[i]) {
            i += 1;
        }
        let word = &bytes[start..i];
        if word.len() > MAX_STOPWORD || word.len() < 2 {
            continue;
        }
        // Lowercase into a stack buffer: no allocation per word.
        let found = if word.is_ascii() {
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word);
            b.make_ascii_lowercase();
            stopword_packed(b)
        } else {
            std::str::from_utf8(word)
                .ok()
                .and_then(|w| stopword(&w.to_lowercase()))
        };
        match found {
            Some(Lang::French) => *fr += 1,
            Some(Lang::English) => *en += 1,
            _ => {}
        }
        // A clear lead settles it; no need to read the whole sample.
        if fr.abs_diff(*en) >= 24 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_normalised() {
        assert_eq!(Lang::from_tag("fr"), Some(Lang::French));
        assert_eq!(Lang::from_tag("fr-FR"), Some(Lang::French));
        assert_eq!(Lang::from_tag("fr_CA"), Some(Lang::French));
        assert_eq!(Lang::from_tag("en_US"), Some(Lang::English));
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::English));
        assert_eq!(Lang::from_tag("de-de"), Some(Lang::Other("de_DE".into())));
        assert_eq!(Lang::from_tag("auto"), None);
        assert_eq!(Lang::from_tag(" "), None);
    }

    #[test]
    fn hint_wins_over_config_and_text() {
        let cfg = vec!["en".to_string()];
        assert_eq!(
            resolve_language(Some("fr-FR"), &cfg, "the cat is on the mat"),
            Lang::French
        );
    }

    #[test]
    fn single_configured_language_is_taken_as_is() {
        let cfg = vec!["fr".to_string()];
        assert_eq!(
            resolve_language(None, &cfg, "the cat is on the mat and that is it"),
            Lang::French
        );
    }

    #[test]
    fn detection_among_configured() {
        let cfg = vec!["fr".to_string(), "en".to_string()];
        let fr = "Nous avons mis à disposition une page pour les usagers et les équipes.";
        let en = "We have released a new version of the compiler, and it is faster.";
        assert_eq!(resolve_language(None, &cfg, fr), Lang::French);
        assert_eq!(resolve_language(None, &cfg, en), Lang::English);
        let auto = vec!["auto".to_string()];
        assert_eq!(resolve_language(None, &auto, fr), Lang::French);
        assert_eq!(resolve_language(None, &[], en), Lang::English);
    }

    #[test]
    fn empty_sample_keeps_configured_order() {
        let cfg = vec!["fr".to_string(), "en".to_string()];
        assert_eq!(resolve_language(None, &cfg, ""), Lang::French);
        assert_eq!(resolve_language(None, &[], ""), Lang::English);
    }

    #[test]
    fn stopwords_of_both_lists_and_nothing_else() {
        for w in FRENCH_STOPWORDS {
            assert_eq!(stopword(w), Some(Lang::French), "{w}");
        }
        for w in ENGLISH_STOPWORDS {
            assert_eq!(stopword(w), Some(Lang::English), "{w}");
        }
        for w in [
            "a", "on", "as", "me", "l", "thes", "lee", "", "shoulder", "êtr",
        ] {
            assert_eq!(stopword(w), None, "{w}");
        }
    }

    #[test]
    fn parts_read_as_one_sample() {
        let title = "Les usagers et les équipes";
        let body = "We have released it, and the compiler is faster. ".repeat(200);
        let joined = format!("{title}\n{body}");
        assert_eq!(scores_of_parts(&[title, "\n", &body]), scores(&joined));
        let elided = "l'équipe d'un jour ".repeat(300);
        assert_eq!(
            scores_of_parts(&[&elided[..10], &elided[10..]]),
            scores(&elided)
        );
        // Only the first SAMPLE_BYTES count, across parts too.
        let fr = "le ".repeat(SAMPLE_BYTES);
        assert_eq!(
            scores_of_parts(&[&body, &fr]),
            scores(&format!("{body}{fr}"))
        );
    }

    #[test]
    fn sample_is_cut_on_a_char_boundary() {
        let text = "é".repeat(SAMPLE_BYTES);
        let _ = detect(&text, &[Lang::French, Lang::English]);
    }
}
