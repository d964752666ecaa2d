//! Spelling rules (TY001–TY004) on top of `crate::spell`.
//!
//! The engine runs once per document (its result is cached on the
//! `Document`), on the prose runs of the scan and the front-matter fields
//! named in `[spelling] fields`; each rule keeps the findings of its kind.
//! TY001, TY003 and TY004 are per-document rules (their fixes join the fix
//! loop); TY002 needs the whole run (the site vocabulary), so its candidates
//! are kept on the file report and `stage` turns them into diagnostics.

pub mod misspelling;
pub mod repeated_punctuation;
pub mod repeated_word;
pub mod stage;
pub mod unknown_word;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use serde::Deserialize;

use crate::config::FileConfig;
use crate::document::Document;
use crate::frontmatter::Value;
use crate::spell::{
    DEFAULT_MIN_DOCUMENTS, Lang, ProseRun, RunKind, SpellConfig, SpellEngine, SpellFinding,
    SpellOptions, resolve_language, resolve_language_and_uncertainty,
};

/// `languages = "auto"` or a list of tags.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum Languages {
    Auto(String),
    List(Vec<String>),
}

impl Default for Languages {
    fn default() -> Self {
        Languages::Auto("auto".into())
    }
}

/// `[spelling]` in frontlint.toml.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct SpellSettings {
    /// Turn the whole spelling stage off.
    pub enabled: bool,
    /// Languages of the site, or "auto" (a post's `lang:` always wins).
    pub languages: Languages,
    /// Project vocabulary, matched ignoring case.
    pub words: Vec<String>,
    /// Word-list files (one word per line), relative to the config folder.
    pub word_files: Vec<String>,
    /// Extra Hunspell dictionaries: language tag → path of the `.aff`.
    pub dictionaries: BTreeMap<String, String>,
    /// Folders searched for `<tag>.aff` (default: the system's hunspell folder).
    pub system_dictionaries: Option<Vec<String>>,
    /// Front-matter fields whose text is prose.
    pub fields: Vec<String>,
    /// A word unknown to the dictionary but used in at least this many
    /// files of the run is taken as site vocabulary (0: never).
    pub min_documents: u32,
    /// Accept English words in text of another language.
    pub accept_english: bool,
}

impl Default for SpellSettings {
    fn default() -> Self {
        SpellSettings {
            enabled: true,
            languages: Languages::default(),
            words: Vec::new(),
            word_files: Vec::new(),
            dictionaries: BTreeMap::new(),
            system_dictionaries: None,
            fields: ["title", "description", "excerpt", "summary"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            min_documents: DEFAULT_MIN_DOCUMENTS,
            accept_english: true,
        }
    }
}

impl SpellSettings {
    /// Reads and checks a `[spelling]` table; `root` is the config folder.
    pub fn from_table(
        table: &toml::Table,
        root: &std::path::Path,
    ) -> Result<SpellSettings, String> {
        let s: SpellSettings = toml::Value::Table(table.clone())
            .try_into()
            .map_err(|e: toml::de::Error| e.message().trim().to_string())?;
        if let Languages::Auto(a) = &s.languages
            && a != "auto"
        {
            return Err(format!(
                "languages must be \"auto\" or a list of tags such as [\"fr\", \"en\"], not \"{a}\""
            ));
        }
        if let Languages::List(l) = &s.languages {
            for tag in l {
                if Lang::from_tag(tag).is_none() {
                    return Err(format!(
                        "languages: `{tag}` is not a language tag (fr, en, de_DE, ...)"
                    ));
                }
            }
        }
        for f in &s.word_files {
            if !root.join(f).is_file() {
                return Err(format!("word_files: `{f}` not found next to the config"));
            }
        }
        for (tag, aff) in &s.dictionaries {
            if !root.join(aff).is_file() {
                return Err(format!(
                    "dictionaries.{tag}: `{aff}` not found next to the config"
                ));
            }
        }
        Ok(s)
    }

    fn configured_languages(&self) -> Vec<String> {
        match &self.languages {
            Languages::Auto(_) => Vec::new(),
            Languages::List(l) => l.clone(),
        }
    }
}

/// What the engine needs from settings; engines are shared per key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct EngineKey {
    words: Vec<String>,
    word_files: Vec<PathBuf>,
    dictionaries: Vec<(String, PathBuf)>,
    system_dirs: Option<Vec<PathBuf>>,
    accept_english: bool,
}

/// The engine for a file's settings: one per distinct vocabulary and
/// dictionary set in the process (usually one), created on first use.
pub fn engine(cfg: &FileConfig) -> Result<Arc<SpellEngine>, String> {
    let s = &cfg.spell;
    let key = EngineKey {
        words: s.words.clone(),
        word_files: s.word_files.iter().map(|f| cfg.root.join(f)).collect(),
        dictionaries: s
            .dictionaries
            .iter()
            .map(|(t, p)| (t.clone(), cfg.root.join(p)))
            .collect(),
        system_dirs: s
            .system_dictionaries
            .as_ref()
            .map(|d| d.iter().map(|p| cfg.root.join(p)).collect()),
        accept_english: s.accept_english,
    };
    type Engines = Mutex<HashMap<EngineKey, Result<Arc<SpellEngine>, String>>>;
    static ENGINES: OnceLock<Engines> = OnceLock::new();
    let engines = ENGINES.get_or_init(Default::default);
    let mut map = engines
        .lock()
        .map_err(|_| "spelling engine table poisoned".to_string())?;
    map.entry(key.clone())
        .or_insert_with(|| {
            let mut config = SpellConfig {
                words: key.words.clone(),
                word_files: key.word_files.clone(),
                dictionaries: key.dictionaries.clone(),
                accept_english_everywhere: key.accept_english,
                ..SpellConfig::default()
            };
            if let Some(d) = &key.system_dirs {
                config.system_dictionary_dirs = d.clone();
            }
            SpellEngine::new(config)
                .map(Arc::new)
                .map_err(|e| e.to_string())
        })
        .clone()
}

/// Says a problem of the spelling stage once per run (a missing dictionary
/// must not repeat on 3,000 files).
pub fn note_once(message: String) {
    note_once_per(message.clone(), message);
}

/// Prints `message` the first time `key` is seen in this run.
fn note_once_per(key: String, message: String) {
    static SEEN: OnceLock<Mutex<HashSet<String>>> = OnceLock::new();
    let seen = SEEN.get_or_init(Default::default);
    if let Ok(mut s) = seen.lock()
        && s.insert(key)
    {
        eprintln!("frontlint: note: {message}");
    }
}

/// The language of a document: its front matter's `lang` / `language` /
/// `locale`, else the configured languages, else detection.
pub fn language(doc: &Document, cfg: &FileConfig) -> Lang {
    language_and_certainty(doc, cfg).0
}

/// The language, and whether it is certain (a hint, a single configured
/// language, or clear evidence in the text).
fn language_and_certainty(doc: &Document, cfg: &FileConfig) -> (Lang, bool) {
    let hint = doc
        .front_matter
        .as_ref()
        .and_then(|fm| fm.root.as_ref())
        .and_then(|root| {
            ["lang", "language", "locale"]
                .iter()
                .find_map(|k| root.get(k).and_then(|e| e.value.value.as_str()))
        });
    let configured = cfg.spell.configured_languages();
    let single = configured.len() == 1 && configured.iter().all(|t| t.trim() != "auto");
    // A hint or a single configured language decides: no sample to read.
    if hint.and_then(Lang::from_tag).is_some()
        || (single && configured.iter().all(|t| Lang::from_tag(t).is_some()))
    {
        return (resolve_language(hint, &configured, ""), true);
    }
    // The prose fields (title, excerpt...) count as evidence too: a short
    // post can say more in its title than in its body.
    let mut sample: Vec<&str> = Vec::new();
    if let Some(root) = doc.front_matter.as_ref().and_then(|fm| fm.root.as_ref()) {
        for e in root.entries() {
            if let Value::String(s) = &e.value.value
                && cfg.spell.fields.iter().any(|f| f == &e.key)
            {
                sample.push(s);
                sample.push("\n");
            }
        }
    }
    sample.push(doc.body());
    let (lang, uncertain) = resolve_language_and_uncertainty(hint, &configured, &sample);
    (lang, single || !uncertain)
}

/// The prose of a document: the scan's runs and the configured front-matter
/// string fields.
pub fn prose_runs(doc: &Document, cfg: &FileConfig) -> Vec<ProseRun> {
    // Most posts have no `]:` at all: then no run can be on a line shaped
    // like a reference definition, and no run needs its line looked up.
    let maybe_definitions = memchr::memmem::find(doc.text.as_bytes(), b"]:").is_some();
    // A paragraph on one line holds many runs: its line is read once.
    let mut last_line: Option<(usize, bool)> = None;
    let mut on_definition_line = |at: usize| {
        let line = doc.lines.line_of(at);
        match last_line {
            Some((l, answer)) if l == line => answer,
            _ => {
                let answer = definition_line(doc, line);
                last_line = Some((line, answer));
                answer
            }
        }
    };
    let mut runs: Vec<ProseRun> = doc
        .scan
        .prose
        .iter()
        .filter(|r| !(maybe_definitions && on_definition_line(r.span.start)))
        .map(|r| ProseRun {
            range: r.span.range(),
            in_link_text: r.in_link,
            kind: RunKind::Body,
        })
        .collect();
    if let Some(root) = doc.front_matter.as_ref().and_then(|fm| fm.root.as_ref()) {
        for e in root.entries() {
            if matches!(e.value.value, Value::String(_))
                && cfg.spell.fields.iter().any(|f| f == &e.key)
            {
                runs.push(ProseRun {
                    range: e.value.span.range(),
                    in_link_text: false,
                    kind: RunKind::FrontMatter,
                });
            }
        }
    }
    runs
}

/// Whether `line` is shaped like a reference definition (`[label]:
/// destination`) that CommonMark did not read as one (a template
/// destination): its label is a slug, not prose.
fn definition_line(doc: &Document, line: usize) -> bool {
    let (s, e) = doc.lines.line_span(&doc.text, line);
    let t = doc.text[s..e].trim_start();
    // `[^1]: text` is a footnote: its text is prose.
    t.starts_with('[')
        && !t.starts_with("[^")
        && t.find("]:").is_some_and(|i| !t[..i].contains(']'))
}

/// What two languages agree on, for a text too short to tell them apart:
/// a finding stays when the other language flags the same range too. A
/// word unknown to one and a listed misspelling in the other (`wrold`)
/// stays as the misspelling, whose correction is the better help.
fn agreed_findings(findings: Vec<SpellFinding>, other: &[SpellFinding]) -> Vec<SpellFinding> {
    let word_kind = |f: &SpellFinding| matches!(f.kind.code(), "TY001" | "TY002");
    findings
        .into_iter()
        .filter_map(|f| {
            let o = other.iter().find(|o| {
                o.range == f.range
                    && (o.kind.code() == f.kind.code() || (word_kind(o) && word_kind(&f)))
            })?;
            Some(if o.kind.code() == "TY001" {
                o.clone()
            } else {
                f
            })
        })
        .collect()
}

/// The spelling result of a document: computed once, shared by the rules.
#[derive(Debug, Clone)]
pub struct SpellResult {
    pub lang: Lang,
    pub findings: Vec<SpellFinding>,
}

/// Runs the engine on `doc` (once; later calls get the cached result).
pub fn check<'d>(doc: &'d Document, cfg: &FileConfig) -> Option<&'d SpellResult> {
    if !cfg.spell.enabled {
        return None;
    }
    doc.spelling
        .get_or_init(|| {
            let engine = match engine(cfg) {
                Ok(e) => e,
                Err(e) => {
                    note_once(format!("spelling is off: {e}"));
                    return None;
                }
            };
            let (lang, certain) = language_and_certainty(doc, cfg);
            let unknown_words = match engine.dictionary(&lang) {
                Ok(_) => true,
                Err(e) => {
                    // Once per language, naming a file that asked for it
                    // (`lang: no` is also a YAML 1.1 trap).
                    note_once_per(
                        e.to_string(),
                        format!(
                            "unknown-word checks skipped: {e} (asked for by {}{})",
                            doc.path.display(),
                            if lang == Lang::Other("no".into()) {
                                "; `no` is read as Norwegian here, but as false by \
                                 YAML 1.1 loaders (FM014)"
                            } else {
                                ""
                            }
                        ),
                    );
                    false
                }
            };
            let opts = SpellOptions {
                unknown_words,
                // Suggestions come after the site-vocabulary pass.
                suggestions: false,
                ..SpellOptions::default()
            };
            let runs = prose_runs(doc, cfg);
            let mut findings = engine.check_document(&doc.text, &runs, &lang, &opts);
            // A text too short to tell French from English ("Bonjour" /
            // "Texte."): a word is only unknown if neither language knows it.
            if !certain && !findings.is_empty() {
                let other = if lang == Lang::French {
                    Lang::English
                } else {
                    Lang::French
                };
                if engine.dictionary(&other).is_ok() {
                    let in_other = engine.check_document(&doc.text, &runs, &other, &opts);
                    findings = agreed_findings(findings, &in_other);
                }
            }
            Some(SpellResult { lang, findings })
        })
        .as_ref()
}
