//! The spelling engine behind TY001–TY004.
//!
//! This module owns everything about spelling that does not depend on how a
//! document was parsed: given a file's text, the byte ranges of its prose
//! runs and a language, it returns findings with exact byte ranges and, when
//! fixable, the exact replacement text. The rules are thin wrappers that keep
//! the findings of their kind; the Markdown scan (which decides what is prose)
//! and the reporters live elsewhere.
//!
//! # How the integrator calls it
//!
//! ```no_run
//! use frontlint::spell::*;
//! // Once per process, shared by every rayon thread (it is `Sync`).
//! let engine = SpellEngine::new(SpellConfig::default())?;
//! # let (text, runs, hint, configured): (&str, Vec<ProseRun>, Option<&str>, Vec<String>) = todo!();
//! // Per document:
//! let lang = resolve_language(hint, &configured, text);
//! let opts = SpellOptions { suggestions: false, ..SpellOptions::default() };
//! let mut findings = engine.check_document(text, &runs, &lang, &opts);
//! // After every file of the run: drop site vocabulary, then suggest.
//! let mut vocab = SiteVocabulary::new();
//! vocab.add_document(&findings);
//! vocab.retain_typos(&mut findings, DEFAULT_MIN_DOCUMENTS);
//! engine.fill_suggestions(&lang, &mut findings);
//! # Ok::<(), DictionaryError>(())
//! ```
//!
//! With one file (the pre-commit case) call `check_document` with
//! `suggestions: true` and skip the vocabulary pass.
//!
//! # Performance
//!
//! The French and English dictionaries are `fst` sets built by `build.rs`
//! from the Hunspell files: opening one is O(1), a lookup takes about a
//! microsecond. Suggestions search the same set (see `suggest.rs`) and are
//! cached per distinct word for the whole process. Only dictionaries named
//! in the configuration, or found in the system folder, are parsed at run
//! time (through spellbook), once, on first use. Each thread remembers the
//! answer for every distinct word it has seen, so a site's repeated
//! vocabulary is looked up once. `benches/spell_bench.rs` measures all this.
//!
//! # Quality, measured
//!
//! `tests/spell_corpus.rs` checks the rates of TY002 out of the box (site
//! vocabulary pass with [`DEFAULT_MIN_DOCUMENTS`] included) on the corpora of
//! `../shared/corpus`: under 1 per 1,000 words on the English Rust blog and
//! under 2 per 1,000 on the French beta.gouv.fr posts.

mod dict;
mod lang;
mod repeat;
mod rough;
mod suggest;
mod tokenize;
mod typos;
mod variants;
mod vocab;
mod word_table;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

pub use dict::{Dictionary, DictionaryError};
pub use lang::{Lang, detect, is_uncertain, resolve_language, resolve_language_and_uncertainty};
pub use rough::rough_prose_runs;
pub use vocab::{DEFAULT_MIN_DOCUMENTS, SiteVocabulary, WordStats};

/// Where the system's Hunspell dictionaries usually live, searched for
/// languages that are neither embedded nor configured.
pub const SYSTEM_DICTIONARY_DIR: &str = "/usr/share/hunspell";

/// The curated misspellings of `lang` (TY001): each misspelling with its
/// corrections. Empty for languages without a list.
pub fn misspellings(lang: &Lang) -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    typos::entries(typos::list_for(lang).unwrap_or(""))
}

/// Number of words in the prose runs (what rates "per 1,000 words" count):
/// every piece the tokenizer would hand to the checker, URLs and code left
/// out.
pub fn prose_word_count(text: &str, runs: &[ProseRun]) -> usize {
    let mut pieces = Vec::new();
    let mut skipped = Vec::new();
    for (i, run) in runs.iter().enumerate() {
        tokenize::tokenize_run(
            text,
            run.range.clone(),
            i,
            run.kind == RunKind::FrontMatter,
            run.in_link_text,
            &mut pieces,
            &mut skipped,
        );
    }
    pieces.len()
}

/// Where a prose run comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunKind {
    /// Text of the Markdown body (outside code, HTML, URLs).
    Body,
    /// A front-matter string value (`title`, `description`, `excerpt`...).
    FrontMatter,
}

/// A stretch of prose in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProseRun {
    /// Byte range in the whole file.
    pub range: Range<usize>,
    /// Whether the run is the text of a link (names often are).
    pub in_link_text: bool,
    /// Body text or front-matter value.
    pub kind: RunKind,
}

impl ProseRun {
    /// A body run outside links.
    pub fn body(range: Range<usize>) -> Self {
        ProseRun {
            range,
            in_link_text: false,
            kind: RunKind::Body,
        }
    }
}

/// What a finding is about; one kind per rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// TY001: a known misspelling, with its correction(s).
    Misspelling { corrections: Vec<String> },
    /// TY002: a word the dictionary does not know. `key` is the normalised
    /// form (lowercase, straight apostrophes) that the site vocabulary counts;
    /// `suggestions` are filled by `check_document` or `fill_suggestions`.
    UnknownWord {
        key: String,
        suggestions: Vec<String>,
    },
    /// TY003: the same word twice in a row.
    RepeatedWord,
    /// TY004: `,,`, ` ,`, `;;`, `..`.
    RepeatedPunctuation,
}

impl FindingKind {
    /// The rule code of this kind.
    pub fn code(&self) -> &'static str {
        match self {
            FindingKind::Misspelling { .. } => "TY001",
            FindingKind::UnknownWord { .. } => "TY002",
            FindingKind::RepeatedWord => "TY003",
            FindingKind::RepeatedPunctuation => "TY004",
        }
    }
}

/// One spelling finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpellFinding {
    pub kind: FindingKind,
    /// Byte range in the whole file: the word, or for TY003 the whitespace
    /// and the repeated word, or for TY004 the marks (and a space before a
    /// comma).
    pub range: Range<usize>,
    /// The text at `range` for TY001/TY002; the repeated word for TY003.
    pub word: String,
    /// The exact text to put at `range` when the fix is certain: the single
    /// correction of TY001, the empty string of TY003, the single mark of
    /// TY004. `None` when not fixable.
    pub replacement: Option<String>,
}

/// Which checks run on a document (so each rule can be disabled per file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpellOptions {
    pub misspellings: bool,
    pub unknown_words: bool,
    pub repeated_words: bool,
    pub repeated_punctuation: bool,
    /// Compute suggestions for unknown words now. Turn off when a site
    /// vocabulary pass follows, and call [`SpellEngine::fill_suggestions`]
    /// on what survives it.
    pub suggestions: bool,
}

impl Default for SpellOptions {
    fn default() -> Self {
        SpellOptions {
            misspellings: true,
            unknown_words: true,
            repeated_words: true,
            repeated_punctuation: true,
            suggestions: true,
        }
    }
}

/// Process-wide spelling configuration (`[spelling]` in `frontlint.toml`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpellConfig {
    /// Project vocabulary (`words = [...]`), matched ignoring case.
    pub words: Vec<String>,
    /// Word-list files: one word per line, `#` starts a comment.
    pub word_files: Vec<PathBuf>,
    /// Extra dictionaries: a language tag and the path of its `.aff` (the
    /// `.dic` sits beside it). Also overrides an embedded language.
    pub dictionaries: Vec<(String, PathBuf)>,
    /// Folders searched for `<tag>.aff` when a language has no dictionary
    /// configured and none embedded.
    pub system_dictionary_dirs: Vec<PathBuf>,
    /// Accept words of the English dictionary in text of another language:
    /// French tech posts are full of English terms (`newsletter`, `startup`,
    /// `front`). Curated misspellings of the text's own language still apply.
    pub accept_english_everywhere: bool,
}

impl Default for SpellConfig {
    fn default() -> Self {
        SpellConfig {
            words: Vec::new(),
            word_files: Vec::new(),
            dictionaries: Vec::new(),
            system_dictionary_dirs: vec![PathBuf::from(SYSTEM_DICTIONARY_DIR)],
            accept_english_everywhere: true,
        }
    }
}

/// Suggestions per language and word: each cell is filled once, by the
/// first thread that asks; others asking for the same word meanwhile wait
/// for it instead of repeating the search (the run-wide stage suggests in
/// parallel, and a site's typos repeat across files).
type SuggestionCache = HashMap<(Lang, String), Arc<OnceLock<Arc<[String]>>>>;

type Loaded = Arc<OnceLock<Result<Arc<Dictionary>, DictionaryError>>>;

/// The spelling engine: create one per process and share it.
pub struct SpellEngine {
    /// Distinguishes engines in the per-thread word caches.
    id: u64,
    config: SpellConfig,
    vocabulary: FastSet<String>,
    dictionaries: Mutex<HashMap<Lang, Loaded>>,
    suggestions: Mutex<SuggestionCache>,
}

/// Words accepted in every language (software vocabulary, Latin phrases);
/// see the file's header.
static COMMON_WORDS: &str = include_str!("../../rules/dictionaries/common/words.txt");

/// French elided words: `l'`, `qu'`, `jusqu'`... split off before lookup.
const FRENCH_ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "ç", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
    "presqu", "quelqu",
];

/// Normalised key of a word: lowercase with straight apostrophes.
fn key_of(word: &str) -> String {
    word.replace(['’', 'ʼ'], "'").to_lowercase()
}

fn is_capitalised(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
}

/// `MedNum`, `iPhone`, `macOS`: a lowercase letter followed by a capital.
fn is_camel_case(word: &str) -> bool {
    let mut prev_lower = false;
    for c in word.chars() {
        if prev_lower && c.is_uppercase() {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// Why a word is not checked at all, if it is not.
fn never_checked(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || word.chars().any(|c| c.is_numeric()) {
        return true;
    }
    // `DGCCRF`, `CRDS`, and their plurals `APIs`, `FAQs`.
    let trimmed = word.strip_suffix('s').unwrap_or(word);
    let upper = trimmed.chars().filter(|c| c.is_uppercase()).count();
    if !trimmed.chars().any(char::is_lowercase) && upper >= 2 {
        return true;
    }
    if !word.chars().any(char::is_lowercase) {
        return true;
    }
    is_camel_case(word)
}

/// Listed misspellings this long are typos even when capitalised like a
/// name: names collide with short entries only (`Tage`, `Linz`, `Cornel`
/// are names and listed misspellings; measured on `../shared/corpus`).
const LONG_MISSPELLING_LETTERS: usize = 7;

/// A listed misspelling long enough to be reported even as a name, unless
/// it starts with two capitals (`CContains`, an operator name).
fn long_misspelling(word: &str) -> bool {
    word.chars().count() >= LONG_MISSPELLING_LETTERS
        && !word.chars().nth(1).is_some_and(char::is_uppercase)
}

/// Keys of a word-list file: one word per line, `#` starts a comment.
fn word_list(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(key_of)
}

/// A run of Lorem ipsum placeholder text.
fn is_placeholder(run: &str) -> bool {
    memchr::memmem::find(run.as_bytes(), b"orem ipsum")
        .is_some_and(|at| at > 0 && matches!(run.as_bytes()[at - 1], b'L' | b'l'))
}

/// Words that markup shows are not prose words: a superscript ending glued
/// to what precedes it (`1<sup>er</sup>`, `M<sup>lle</sup>`), a short
/// symbol before one (`mc<sup>2</sup>`, `km<sup>2</sup>`), an emoji
/// shortcode (`:tada:`) and a file extension in a glob (`*.mdx`).
fn markup_word(text: &str, range: &Range<usize>) -> bool {
    let before = &text[..range.start];
    let after = &text[range.end..];
    let sup_open = |s: &str| s.get(..5).is_some_and(|t| t.eq_ignore_ascii_case("<sup>"));
    if before.len() >= 5
        && before.is_char_boundary(before.len() - 5)
        && sup_open(&before[before.len() - 5..])
        && before[..before.len() - 5].ends_with(char::is_alphanumeric)
    {
        return true;
    }
    if sup_open(after) && range.len() <= 3 {
        return true;
    }
    (before.ends_with(':') && after.starts_with(':')) || before.ends_with("*.")
}

/// A word written against inline code (`` `match`ing ``) is a suffix of
/// that code, not a word.
fn glued_to_code(text: &str, range: &Range<usize>) -> bool {
    text[..range.start].ends_with('`') || text[range.end..].starts_with('`')
}

/// A word alone on its line, or alone after a list marker: contributor
/// lists (`* aclarry`) are names.
fn alone_on_line(text: &str, range: &Range<usize>) -> bool {
    // Both scans are bounded like every context scan, so a huge single-line
    // file stays linear: a line longer than that is not a list item.
    let (before, whole_line) = tokenize::line_before(text, range.start);
    if !whole_line || !matches!(before.trim(), "" | "-" | "*" | "+") {
        return false;
    }
    let mut rest = text[range.end..].chars();
    for _ in 0..256 {
        match rest.next() {
            None | Some('\n') => return true,
            Some(c) if c.is_alphanumeric() => return false,
            Some(_) => {}
        }
    }
    false
}

/// Lowercase words this short in link text are taken for names: `tcp`,
/// `jq`, `etcd` are far more common there than typos (measured on
/// `../shared/corpus`).
const SHORT_LINK_NAME_LETTERS: usize = 4;

/// A word that is the whole text of its link: `[rustup](…)`,
/// `[**serde**][serde]`.
fn whole_link_text(text: &str, range: &Range<usize>) -> bool {
    let markup = |c: char| matches!(c, '*' | '_' | '`' | '~');
    let before = text[..range.start].trim_end_matches(markup);
    let after = text[range.end..].trim_start_matches(markup);
    before.ends_with('[') && after.starts_with(']')
}

/// Adapts a correction to the case of the word it replaces.
fn match_case(original: &str, correction: &str) -> String {
    if is_capitalised(original) || original.chars().count() == 1 {
        let mut cs = correction.chars();
        if original.chars().next().is_some_and(char::is_uppercase) {
            return cs
                .next()
                .map(|f| f.to_uppercase().chain(cs).collect())
                .unwrap_or_default();
        }
    }
    correction.to_string()
}

/// A `HashMap` with a fast, non-cryptographic hasher, for per-document
/// memos keyed by the document's own words.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// A `HashSet` with the same hasher.
type FastSet<K> = HashSet<K, foldhash::fast::RandomState>;

/// What a word is, independently of the document it is in.
enum Status {
    Known,
    Misspelling(Box<[String]>),
    Unknown,
}

/// Per-thread answers for the words already seen, per engine and language.
#[derive(Default)]
struct WordCache {
    /// Whole pieces: 0 when accepted as written, else `n` for `splits[n -
    /// 1]`.
    known: word_table::WordTable,
    /// How the pieces not accepted as written split: the words to check in
    /// each (byte offset and length in the piece; often none: an elided
    /// article on a known word, an acronym).
    splits: Vec<Box<[(u32, u32)]>>,
    /// Words after splitting that the dictionary rejected as written, with
    /// their key (`key_of`).
    status: FastMap<Box<str>, (Status, Box<str>)>,
    /// Keys an accent or a doubled letter away from a dictionary word.
    close: FastMap<Box<str>, bool>,
}

/// Entries per thread and language before a cache starts over: bounds the
/// memory of a run over a huge, varied site (a few tens of MB at most).
const WORD_CACHE_LIMIT: usize = 500_000;

thread_local! {
    static WORD_CACHE: RefCell<FastMap<(u64, Lang), WordCache>> = RefCell::new(FastMap::default());
    /// The piece and skipped-range buffers, reused from document to document.
    static SCRATCH: RefCell<(Vec<tokenize::Piece>, Vec<Range<usize>>)> = RefCell::default();
}

/// Pieces a reused buffer may hold (24 bytes each) before it is freed
/// rather than kept.
const SCRATCH_PIECES_LIMIT: usize = 1 << 20;

/// One word to check, after elision and hyphen splitting.
struct Candidate<'a> {
    text: &'a str,
    range: Range<usize>,
    piece: usize,
}

impl SpellEngine {
    /// Builds an engine; reads the word files now (errors name the file).
    /// Dictionaries are opened lazily, on first use of each language.
    pub fn new(config: SpellConfig) -> Result<Self, DictionaryError> {
        let mut vocabulary: FastSet<String> = config.words.iter().map(|w| key_of(w)).collect();
        vocabulary.extend(word_list(COMMON_WORDS));
        for path in &config.word_files {
            let text = std::fs::read_to_string(path)
                .map_err(|e| DictionaryError(format!("{}: {e}", path.display())))?;
            vocabulary.extend(word_list(&text));
        }
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        Ok(SpellEngine {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            config,
            vocabulary,
            dictionaries: Mutex::new(HashMap::new()),
            suggestions: Mutex::new(HashMap::new()),
        })
    }

    /// The dictionary of `lang`, opened on first use. `Err` says why there
    /// is none (no file found, unreadable, unparsable): report it once and
    /// spell-check that language's documents no further.
    pub fn dictionary(&self, lang: &Lang) -> Result<Arc<Dictionary>, DictionaryError> {
        // The table lock is held only to find the cell; a slow first load
        // (a configured dictionary) blocks only threads needing that language.
        let cell: Loaded = {
            let mut map = self
                .dictionaries
                .lock()
                .map_err(|_| DictionaryError("dictionary table poisoned".into()))?;
            map.entry(lang.clone()).or_default().clone()
        };
        cell.get_or_init(|| self.load(lang).map(Arc::new)).clone()
    }

    fn load(&self, lang: &Lang) -> Result<Dictionary, DictionaryError> {
        for (tag, aff) in &self.config.dictionaries {
            if Lang::from_tag(tag).as_ref() == Some(lang) {
                return Dictionary::from_hunspell_files(aff);
            }
        }
        match lang {
            Lang::French => Dictionary::french(),
            Lang::English => Dictionary::english(),
            Lang::Other(name) => {
                for dir in &self.config.system_dictionary_dirs {
                    if let Some(aff) = find_in_dir(dir, name) {
                        return Dictionary::from_hunspell_files(&aff);
                    }
                }
                Err(DictionaryError(format!(
                    "no dictionary for language `{name}`: add one under [spelling] \
                     dictionaries or install a Hunspell dictionary"
                )))
            }
        }
    }

    /// Checks one document. `runs` may come in any order; findings come back
    /// sorted by position.
    pub fn check_document(
        &self,
        text: &str,
        runs: &[ProseRun],
        lang: &Lang,
        opts: &SpellOptions,
    ) -> Vec<SpellFinding> {
        let mut runs: Vec<&ProseRun> = runs
            .iter()
            .filter(|r| r.range.start <= r.range.end && text.get(r.range.clone()).is_some())
            .collect();
        runs.sort_by_key(|r| (r.range.start, r.range.end));
        // The piece buffers of the thread's previous document are reused:
        // a fresh one per document cost an allocation and, for a big post,
        // the kernel's zeroing of new pages.
        let (mut pieces, mut skipped) = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
        pieces.clear();
        skipped.clear();
        // About one word per six bytes of prose: size the buffer once.
        let prose_bytes: usize = runs.iter().map(|r| r.range.len()).sum();
        pieces.reserve(prose_bytes / 6 + 8);
        for (i, run) in runs.iter().enumerate() {
            tokenize::tokenize_run(
                text,
                run.range.clone(),
                i,
                run.kind == RunKind::FrontMatter,
                run.in_link_text,
                &mut pieces,
                &mut skipped,
            );
        }
        let mut findings = Vec::new();
        if opts.misspellings || opts.unknown_words {
            self.check_words(text, &runs, &pieces, &skipped, lang, opts, &mut findings);
        }
        let mut hits = Vec::new();
        if opts.repeated_words {
            repeat::repeated_words(text, &pieces, lang, &mut hits);
            findings.extend(hits.drain(..).map(|h| SpellFinding {
                kind: FindingKind::RepeatedWord,
                range: h.range,
                word: h.word,
                replacement: Some(h.replacement),
            }));
        }
        if opts.repeated_punctuation {
            // Runs may overlap only if a caller built them so: then each is
            // read on its own.
            let ranges: Vec<Range<usize>> = runs.iter().map(|r| r.range.clone()).collect();
            if ranges.windows(2).all(|w| w[0].end <= w[1].start) {
                repeat::repeated_punctuation_in_runs(text, &ranges, &skipped, &mut hits);
            } else {
                for r in &ranges {
                    repeat::repeated_punctuation(text, r.clone(), &skipped, &mut hits);
                }
            }
            findings.extend(hits.drain(..).map(|h| SpellFinding {
                kind: FindingKind::RepeatedPunctuation,
                range: h.range,
                word: h.word,
                replacement: Some(h.replacement),
            }));
        }
        findings.sort_by(|a, b| {
            (a.range.start, a.range.end, a.kind.code()).cmp(&(
                b.range.start,
                b.range.end,
                b.kind.code(),
            ))
        });
        findings.dedup_by(|a, b| a.range == b.range && a.kind == b.kind);
        if opts.suggestions {
            self.fill_suggestions(lang, &mut findings);
        }
        // Kept for the next document unless huge (a 50 MB post must not pin
        // its buffers for the rest of the run).
        if pieces.capacity() <= SCRATCH_PIECES_LIMIT {
            SCRATCH.with(|s| *s.borrow_mut() = (pieces, skipped));
        }
        findings
    }

    #[allow(clippy::too_many_arguments)] // one call site
    fn check_words(
        &self,
        text: &str,
        runs: &[&ProseRun],
        pieces: &[tokenize::Piece],
        skipped: &[Range<usize>],
        lang: &Lang,
        opts: &SpellOptions,
        out: &mut Vec<SpellFinding>,
    ) {
        let Ok(dict) = self.dictionary(lang) else {
            return;
        };
        let english = if self.config.accept_english_everywhere && *lang != Lang::English {
            self.dictionary(&Lang::English).ok()
        } else {
            None
        };
        // English misspelling lists must never correct French: a short French
        // text detected as English ("Responsable technique") would otherwise
        // get `Responsable → Responsible`.
        let french = if *lang == Lang::English {
            self.dictionary(&Lang::French).ok()
        } else {
            None
        };
        let dict = &*dict;
        // Sites repeat their words: each thread remembers every distinct
        // word's answer, so the dictionary (and the variant rules) are asked
        // once per word per thread instead of once per occurrence.
        WORD_CACHE.with(|cell| {
            let mut all = cell.borrow_mut();
            let cache = all.entry((self.id, lang.clone())).or_default();
            if cache.known.len() + cache.status.len() > WORD_CACHE_LIMIT {
                cache.known.clear();
                cache.splits.clear();
                cache.status.clear();
                cache.close.clear();
            }
            let mut candidates = Vec::new();
            for (index, piece) in pieces.iter().enumerate() {
                // Looked up by bytes: the `str` (with its boundary checks)
                // is needed only for a new word or one to split.
                let Some(bytes) = text.as_bytes().get(piece.range.clone()) else {
                    continue;
                };
                let info = match cache.known.get(bytes) {
                    Some(0) => continue,
                    Some(info) => info,
                    None => {
                        let Some(word) = text.get(piece.range.clone()) else {
                            continue;
                        };
                        let info = if self.known(dict, word) {
                            0
                        } else {
                            cache.splits.push(self.split_candidates(dict, lang, word));
                            cache.splits.len() as u32
                        };
                        cache.known.insert(bytes, info);
                        info
                    }
                };
                let Some(word) = text.get(piece.range.clone()) else {
                    continue;
                };
                if let Some(parts) = info.checked_sub(1).map(|n| &cache.splits[n as usize]) {
                    for &(at, len) in parts.iter() {
                        let (at, len) = (at as usize, len as usize);
                        let start = piece.range.start + at;
                        candidates.push(Candidate {
                            text: &word[at..at + len],
                            range: start..start + len,
                            piece: index,
                        });
                    }
                }
            }
            if candidates.is_empty() {
                return;
            }
            // Each candidate's status (what the word is, whatever the
            // document) and key, computed once per thread.
            for c in &candidates {
                if !cache.status.contains_key(c.text) {
                    let st = self.status(dict, english.as_deref(), french.as_deref(), lang, c.text);
                    cache
                        .status
                        .insert(c.text.into(), (st, key_of(c.text).into()));
                }
            }
            let close = &mut cache.close;
            let entries: Vec<Option<&(Status, Box<str>)>> = candidates
                .iter()
                .map(|c| cache.status.get(c.text))
                .collect();
            let keys: Vec<&str> = entries.iter().map(|e| e.map_or("", |e| &*e.1)).collect();
            let statuses: Vec<Option<&Status>> = candidates
                .iter()
                .zip(&entries)
                .map(|(c, e)| {
                    e.filter(|_| !glued_to_code(text, &c.range) && !markup_word(text, &c.range))
                        .map(|e| &e.0)
                })
                .collect();
            // Names matter only for words that would be reported: the
            // proper-noun evidence (a context scan per occurrence) is
            // gathered for their keys alone.
            let reported: FastSet<&str> = keys
                .iter()
                .zip(&statuses)
                .filter(|(_, st)| match st {
                    Some(Status::Misspelling(_)) => opts.misspellings,
                    Some(Status::Unknown) => opts.unknown_words,
                    _ => false,
                })
                .map(|(k, _)| *k)
                .collect();
            if reported.is_empty() {
                return;
            }
            let proper =
                self.proper_nouns(text, pieces, skipped, &candidates, &keys, &reported, lang);
            // Placeholder text (`Lorem ipsum dolor sit amet…`) is not prose
            // in any language; looked for only when its words would be
            // reported.
            let placeholder_runs: Vec<bool> =
                if reported.contains("lorem") || reported.contains("ipsum") {
                    runs.iter()
                        .map(|r| is_placeholder(&text[r.range.clone()]))
                        .collect()
                } else {
                    Vec::new()
                };
            for ((c, status), key) in candidates.into_iter().zip(statuses).zip(keys) {
                let Some(status) = status else {
                    continue;
                };
                if placeholder_runs
                    .get(pieces[c.piece].run as usize)
                    .is_some_and(|&p| p)
                {
                    continue;
                }
                match status {
                    Status::Known => {}
                    Status::Misspelling(corrections) if opts.misspellings => {
                        // A capitalised word used as a name (`Cann`, `Wirth`)
                        // is not a typo of a common word (`can`, `with`);
                        // a long listed misspelling (`Goverment`) is one,
                        // capital or not.
                        if is_capitalised(c.text)
                            && proper.contains(key)
                            && !long_misspelling(c.text)
                        {
                            continue;
                        }
                        let replacement = (corrections.len() == 1).then(|| corrections[0].clone());
                        out.push(SpellFinding {
                            kind: FindingKind::Misspelling {
                                corrections: corrections.to_vec(),
                            },
                            range: c.range,
                            word: c.text.to_string(),
                            replacement,
                        });
                    }
                    Status::Unknown if opts.unknown_words => {
                        // In French, a long capitalised word an accent or
                        // a doubled letter away from a common word is that
                        // word misspelt (`Ministére`, `Comission`), name or
                        // not. Not in English, whose names are often such
                        // variants (`Persson`, `Whittaker`).
                        if proper.contains(key)
                            && !(*lang == Lang::French
                                && is_capitalised(c.text)
                                && long_misspelling(c.text)
                                && *close.entry(key.into()).or_insert_with(|| {
                                    dict.word_set()
                                        .is_some_and(|set| suggest::has_close_word(set, key))
                                }))
                        {
                            continue;
                        }
                        out.push(SpellFinding {
                            kind: FindingKind::UnknownWord {
                                key: key.to_string(),
                                suggestions: Vec::new(),
                            },
                            range: c.range,
                            word: c.text.to_string(),
                            replacement: None,
                        });
                    }
                    _ => {}
                }
            }
        });
    }

    /// Whether a whole piece is accepted as written (dictionary or
    /// vocabulary), before any splitting.
    fn known(&self, dict: &Dictionary, w: &str) -> bool {
        // Fast path first: most words are in the dictionary as written.
        if dict.check(w) {
            return true;
        }
        let curly = w.contains(['’', 'ʼ']);
        let w = if curly {
            std::borrow::Cow::Owned(w.replace(['’', 'ʼ'], "'"))
        } else {
            std::borrow::Cow::Borrowed(w)
        };
        (curly && dict.check(&w)) || self.vocabulary.contains(&w.to_lowercase())
    }

    /// The document's names: words capitalised mid-sentence, next to
    /// another capitalised word (`Alisdair Owens`, at a list item's start
    /// too), alone in a list item, CamelCase, in link text, or `@handles`.
    /// English headings and titles use Title Case, so there a capital is no
    /// evidence; French ones do not.
    #[allow(clippy::too_many_arguments)] // one call site; the slices run in parallel
    fn proper_nouns(
        &self,
        text: &str,
        pieces: &[tokenize::Piece],
        skipped: &[Range<usize>],
        candidates: &[Candidate<'_>],
        keys: &[&str],
        reported: &FastSet<&str>,
        lang: &Lang,
    ) -> FastSet<String> {
        let title_case = *lang != Lang::French;
        let capital_counts = |p: &tokenize::Piece| !(title_case && p.title_context(text));
        let mut proper: FastSet<String> = FastSet::default();
        for (c, &key) in candidates.iter().zip(keys) {
            // Only the keys of words that would be reported need evidence.
            if !reported.contains(key) || proper.contains(key) {
                continue;
            }
            let piece = &pieces[c.piece];
            let cap = is_capitalised(c.text) && capital_counts(piece);
            let beside_capital = cap && {
                let neighbour = |j: usize| {
                    let other = &pieces[j];
                    let (a, b) = if j < c.piece {
                        (other, piece)
                    } else {
                        (piece, other)
                    };
                    text.get(a.range.end..b.range.start)
                        .is_some_and(|gap| !gap.is_empty() && gap.chars().all(|ch| ch == ' '))
                        && text.get(other.range.clone()).is_some_and(is_capitalised)
                };
                (c.piece > 0 && neighbour(c.piece - 1))
                    || (c.piece + 1 < pieces.len() && neighbour(c.piece + 1))
            };
            let sentence_start = piece.sentence_start(text);
            // Link text is prose (`[la documentation](…)`); only a capital,
            // a link whose whole text is the word (`[rustup](…)`) or a
            // short word (`[aws sdk](…)`, tools and acronyms written in
            // lowercase) says it is a name.
            let link_name = piece.in_link_text
                && (c.text.chars().next().is_some_and(char::is_uppercase)
                    || c.text.chars().count() <= SHORT_LINK_NAME_LETTERS
                    || whole_link_text(text, &piece.range));
            if (cap && !sentence_start)
                || beside_capital
                || link_name
                || is_camel_case(c.text)
                || (sentence_start && alone_on_line(text, &piece.range))
            {
                proper.insert(key.to_string());
            }
        }
        // `@matklad`: the handle is a name wherever else it appears.
        for range in skipped {
            let chunk = text.get(range.clone()).unwrap_or("");
            for (at, _) in chunk.match_indices('@') {
                let handle: String = chunk[at + 1..]
                    .chars()
                    .take_while(|&ch| tokenize::is_word_char(ch))
                    .collect();
                if !handle.is_empty() {
                    proper.insert(key_of(&handle));
                }
            }
        }
        proper
    }

    /// What one word is, whatever the document: known (dictionary,
    /// vocabulary, accepted variant, English term), a listed misspelling, or
    /// unknown. The document's names are applied on top by the caller.
    fn status(
        &self,
        dict: &Dictionary,
        english: Option<&Dictionary>,
        french: Option<&Dictionary>,
        lang: &Lang,
        word: &str,
    ) -> Status {
        if never_checked(word) {
            return Status::Known;
        }
        let key = key_of(word);
        let straight = word.replace(['’', 'ʼ'], "'");
        if self.vocabulary.contains(&key) || dict.check(&straight) {
            return Status::Known;
        }
        if let Some(list) = typos::list_for(lang)
            && let Some(corrections) = typos::lookup(list, &key)
            && !french.is_some_and(|fr| fr.check(&straight))
        {
            let mut fixes: Vec<String> = Vec::new();
            for fix in corrections {
                let fix = singular_when_closer(dict, &key, fix);
                let fix = match_case(word, fix);
                if !fixes.contains(&fix) {
                    fixes.push(fix);
                }
            }
            return Status::Misspelling(fixes.into_boxed_slice());
        }
        if variants::accepted_variant(dict, lang, word)
            || english.is_some_and(|en| en.check(&straight))
        {
            return Status::Known;
        }
        // English keeps the accents of its French loanwords (`café`,
        // `naïve`, `déjà`) where the dictionary has them without.
        if *lang == Lang::English && !straight.is_ascii() {
            let folded: String = straight
                .chars()
                .map(|c| {
                    let b = suggest::base(c);
                    if c.is_uppercase() {
                        b.to_ascii_uppercase()
                    } else {
                        b
                    }
                })
                .collect();
            if folded.is_ascii() && dict.check(&folded) {
                return Status::Known;
            }
        }
        Status::Unknown
    }

    /// Splits a piece the dictionary does not know as a whole into the
    /// words to check: its parts around hyphens (as Hunspell's BREAK does),
    /// with French elisions and English possessives taken off.
    fn split_candidates(&self, dict: &Dictionary, lang: &Lang, word: &str) -> Box<[(u32, u32)]> {
        let known = |w: &str| self.known(dict, w);
        let mut out = Vec::new();
        let mut part_start = 0;
        let ends = word
            .char_indices()
            .filter(|&(_, c)| matches!(c, '-' | '\u{2011}'))
            .chain(std::iter::once((word.len(), '-')));
        for (end, hyphen) in ends {
            let part = &word[part_start..end];
            let abs = part_start;
            part_start = end + hyphen.len_utf8();
            if part.is_empty() {
                continue;
            }
            let (text, rel) = strip_clitics(lang, part);
            if text.is_empty() || (text.len() != part.len() && known(text)) {
                continue;
            }
            // Acronyms, words with digits, single letters: never checked, and
            // no evidence of anything, so not worth carrying further.
            // CamelCase names stay: they are evidence of a name.
            if never_checked(text) && !is_camel_case(text) {
                continue;
            }
            // Offsets fit: a piece comes from one prose chunk, far below 4 GB.
            out.push(((abs + rel) as u32, text.len() as u32));
        }
        out.into_boxed_slice()
    }

    /// Fills the suggestions of unknown-word findings (at most 3 each),
    /// computing each distinct word once per process.
    pub fn fill_suggestions(&self, lang: &Lang, findings: &mut [SpellFinding]) {
        for f in findings.iter_mut() {
            if let FindingKind::UnknownWord { suggestions, .. } = &mut f.kind
                && suggestions.is_empty()
            {
                *suggestions = self.suggest(lang, &f.word).to_vec();
            }
        }
    }

    /// Up to 3 suggestions for `word` in `lang`, best first; cached.
    pub fn suggest(&self, lang: &Lang, word: &str) -> Arc<[String]> {
        let compute = || -> Arc<[String]> {
            match self.dictionary(lang) {
                Ok(dict) => Arc::from(suggest_in(&dict, &word.replace(['’', 'ʼ'], "'"))),
                Err(_) => Arc::from(Vec::new()),
            }
        };
        // The table lock is held only to find the word's cell.
        let cell = match self.suggestions.lock() {
            Ok(mut cache) => Arc::clone(cache.entry((lang.clone(), word.to_string())).or_default()),
            Err(_) => return compute(),
        };
        Arc::clone(cell.get_or_init(compute))
    }
}

/// `collcetion` is listed with the correction `collections`: a plural
/// correction of a word that is not plural is replaced by its singular when
/// the singular is a word and strictly closer to the misspelling (`thsi` →
/// `this` stays).
fn singular_when_closer<'a>(dict: &Dictionary, typo: &str, fix: &'a str) -> &'a str {
    let Some(singular) = fix.strip_suffix('s') else {
        return fix;
    };
    if typo.ends_with('s') || fix.ends_with("ss") || singular.len() < 3 {
        return fix;
    }
    if strsim::osa_distance(typo, singular) < strsim::osa_distance(typo, fix)
        && dict.check(singular)
    {
        singular
    } else {
        fix
    }
}

/// Takes a French elided article or pronoun (`l'`, `qu’`) or an English
/// possessive (`'s`) off a word; returns the rest and its offset in `part`.
fn strip_clitics<'a>(lang: &Lang, part: &'a str) -> (&'a str, usize) {
    let apostrophe = part.find(['\'', '’', 'ʼ']);
    let Some(at) = apostrophe else {
        return (part, 0);
    };
    let width = part[at..].chars().next().map_or(1, char::len_utf8);
    match lang {
        Lang::French => {
            let head = part[..at].to_lowercase();
            if FRENCH_ELISIONS.contains(&head.as_str()) {
                // `qu'aujourd'hui`: the rest may hold another apostrophe.
                let (rest, rel) = strip_clitics(lang, &part[at + width..]);
                return (rest, at + width + rel);
            }
            (part, 0)
        }
        Lang::English => {
            let tail = &part[at + width..];
            if tail.eq_ignore_ascii_case("s") {
                return (&part[..at], 0);
            }
            // `d'Antras`, `O'Brien`: a name after a one-letter particle.
            if at == 1 && tail.chars().next().is_some_and(char::is_uppercase) {
                return (tail, at + width);
            }
            (part, 0)
        }
        Lang::Other(_) => (part, 0),
    }
}

fn suggest_in(dict: &Dictionary, word: &str) -> Vec<String> {
    match dict.word_set() {
        Some(set) => suggest::suggest_from_set(set, word, 3, |w| dict.suggestible(w)),
        None => {
            let mut out = Vec::new();
            dict.hunspell_suggest(word, &mut out);
            out.truncate(3);
            out
        }
    }
}

/// `<dir>/<name>.aff`, else the first `<dir>/<name>_*.aff` (`de` finds
/// `de_DE.aff`).
fn find_in_dir(dir: &Path, name: &str) -> Option<PathBuf> {
    let exact = dir.join(format!("{name}.aff"));
    if exact.is_file() {
        return Some(exact);
    }
    let prefix = format!("{name}_");
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "aff")
                && p.file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|s| s.starts_with(&prefix))
        })
        .collect();
    found.sort();
    found.into_iter().next()
}
