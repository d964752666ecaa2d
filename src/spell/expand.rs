//! Expansion of a Hunspell `.aff`/`.dic` pair into the full list of accepted
//! word forms.
//!
//! This module owns the "precompiled dictionary" idea: `build.rs` includes it
//! (by path) to turn the embedded French and English dictionaries into `fst`
//! sets once at build time, so that a run of frontlint loads a dictionary in
//! microseconds instead of parsing the affix rules at every start (spellbook
//! needs about 20 ms in release, far more in debug, for the French one).
//!
//! It implements only what those embedded dictionaries use: single-character,
//! `long` and `num` flags, prefixes and suffixes with conditions, cross
//! products, two-fold suffixes (a suffix whose continuation flags allow a
//! second suffix), `NEEDAFFIX`, `CIRCUMFIX`, `FORBIDDENWORD`,
//! `ONLYINCOMPOUND`, `NOSUGGEST` and `FULLSTRIP`. Compounding is not expanded
//! (the English compound rules only build ordinals with digits, which the
//! tokenizer never checks). Anything else makes [`expand`] fail loudly rather
//! than build a silently wrong word set; other dictionaries go through
//! spellbook at run time.
//!
//! French elided forms (`l'`, `d'`, `qu'`, ...) are deliberately not
//! generated: the tokenizer splits elisions off before looking a word up, which
//! keeps the set several times smaller.
//!
//! It must stay dependency-free (std only): the build script compiles it on its
//! own.

use std::collections::{HashMap, HashSet};

/// One flag, whatever its textual form (`A`, `Ab`, `123`).
type Flag = u32;

/// What an expansion produces: every accepted form, and those of them that must
/// never be offered as a suggestion.
pub struct Expansion {
    /// Accepted forms, sorted and without duplicates.
    pub words: Vec<String>,
    /// Forms marked `NOSUGGEST` (still accepted), sorted, without duplicates.
    pub no_suggest: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FlagMode {
    Char,
    Long,
    Num,
}

#[derive(Debug)]
enum CondPart {
    Any,
    Char(char),
    Set { negated: bool, chars: Vec<char> },
}

impl CondPart {
    fn matches(&self, c: char) -> bool {
        match self {
            CondPart::Any => true,
            CondPart::Char(x) => *x == c,
            CondPart::Set { negated, chars } => chars.contains(&c) != *negated,
        }
    }
}

struct Affix {
    cross: bool,
    strip: String,
    add: String,
    cont: Vec<Flag>,
    cond: Vec<CondPart>,
}

#[derive(Default)]
struct Special {
    need_affix: Option<Flag>,
    circumfix: Option<Flag>,
    forbidden: Option<Flag>,
    only_in_compound: Option<Flag>,
    no_suggest: Option<Flag>,
}

fn parse_flags(text: &str, mode: FlagMode) -> Result<Vec<Flag>, String> {
    let mut out = Vec::new();
    match mode {
        FlagMode::Char => out.extend(text.chars().map(|c| c as u32)),
        FlagMode::Long => {
            let chars: Vec<char> = text.chars().collect();
            if !chars.len().is_multiple_of(2) {
                return Err(format!("odd number of characters in long flags `{text}`"));
            }
            for pair in chars.chunks(2) {
                // Two characters packed into one u32 key through a 16-bit
                // fold: distinct pairs in real dictionaries stay distinct, and
                // a collision would only merge two flags' affix lists.
                out.push(((pair[0] as u32) << 16) ^ (pair[1] as u32));
            }
        }
        FlagMode::Num => {
            for part in text.split(',').filter(|p| !p.is_empty()) {
                out.push(
                    part.trim()
                        .parse()
                        .map_err(|_| format!("bad numeric flag `{part}`"))?,
                );
            }
        }
    }
    Ok(out)
}

fn parse_condition(text: &str) -> Result<Vec<CondPart>, String> {
    let mut parts = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '.' => parts.push(CondPart::Any),
            '[' => {
                let mut set = Vec::new();
                let mut negated = false;
                let mut first = true;
                loop {
                    match chars.next() {
                        Some(']') => break,
                        Some('^') if first => negated = true,
                        Some(x) => set.push(x),
                        None => return Err(format!("unclosed `[` in condition `{text}`")),
                    }
                    first = false;
                }
                parts.push(CondPart::Set {
                    negated,
                    chars: set,
                });
            }
            other => parts.push(CondPart::Char(other)),
        }
    }
    Ok(parts)
}

fn suffix_condition_ok(cond: &[CondPart], word: &str) -> bool {
    if cond.len() == 1 && matches!(cond[0], CondPart::Any) {
        return true;
    }
    let mut rev = word.chars().rev();
    cond.iter()
        .rev()
        .all(|part| rev.next().is_some_and(|c| part.matches(c)))
}

fn prefix_condition_ok(cond: &[CondPart], word: &str) -> bool {
    let mut fwd = word.chars();
    cond.iter()
        .all(|part| fwd.next().is_some_and(|c| part.matches(c)))
}

struct Aff {
    mode: FlagMode,
    special: Special,
    prefixes: HashMap<Flag, Vec<Affix>>,
    suffixes: HashMap<Flag, Vec<Affix>>,
}

/// Directives whose effect this expander does not reproduce. Finding one means
/// the generated set would be wrong, so expansion stops with an error.
const UNSUPPORTED: &[&str] = &[
    "AF",
    "AM",
    "COMPLEXPREFIXES",
    "IGNORE",
    "COMPOUNDFLAG",
    "COMPOUNDBEGIN",
    "COMPOUNDMIDDLE",
    "COMPOUNDEND",
    "PSEUDOROOT",
];

fn parse_aff(aff: &str) -> Result<Aff, String> {
    let mut mode = FlagMode::Char;
    // The flag mode must be known before any flag is read.
    for line in aff.lines() {
        let mut it = line.split_whitespace();
        if it.next() == Some("FLAG") {
            mode = match it.next() {
                Some("long") => FlagMode::Long,
                Some("num") => FlagMode::Num,
                Some("UTF-8") => FlagMode::Char,
                other => return Err(format!("unsupported FLAG type {other:?}")),
            };
        }
    }
    let one_flag = |text: Option<&str>| -> Result<Option<Flag>, String> {
        match text {
            Some(t) => Ok(parse_flags(t, mode)?.first().copied()),
            None => Ok(None),
        }
    };
    let mut special = Special::default();
    let mut prefixes: HashMap<Flag, Vec<Affix>> = HashMap::new();
    let mut suffixes: HashMap<Flag, Vec<Affix>> = HashMap::new();
    let mut cross_of: HashMap<(bool, Flag), bool> = HashMap::new();
    for (number, line) in aff.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let Some(&key) = fields.first() else { continue };
        match key {
            "NEEDAFFIX" => special.need_affix = one_flag(fields.get(1).copied())?,
            "CIRCUMFIX" => special.circumfix = one_flag(fields.get(1).copied())?,
            "FORBIDDENWORD" => special.forbidden = one_flag(fields.get(1).copied())?,
            "ONLYINCOMPOUND" => special.only_in_compound = one_flag(fields.get(1).copied())?,
            "NOSUGGEST" => special.no_suggest = one_flag(fields.get(1).copied())?,
            k if UNSUPPORTED.contains(&k) => {
                return Err(format!("line {}: `{k}` is not supported", number + 1));
            }
            "PFX" | "SFX" => {
                let is_prefix = key == "PFX";
                let flag = parse_flags(fields.get(1).copied().unwrap_or(""), mode)?
                    .first()
                    .copied()
                    .ok_or_else(|| format!("line {}: affix without a flag", number + 1))?;
                // Header lines read `PFX flag Y|N count`.
                if fields.len() == 4 && matches!(fields[2], "Y" | "N") {
                    cross_of.insert((is_prefix, flag), fields[2] == "Y");
                    continue;
                }
                if fields.len() < 4 {
                    return Err(format!("line {}: short affix line", number + 1));
                }
                let strip = if fields[2] == "0" { "" } else { fields[2] };
                let (add, cont) = match fields[3].split_once('/') {
                    Some((a, c)) => (a, parse_flags(c, mode)?),
                    None => (fields[3], Vec::new()),
                };
                let add = if add == "0" { "" } else { add };
                let cond = parse_condition(fields.get(4).copied().unwrap_or("."))?;
                let cross = cross_of.get(&(is_prefix, flag)).copied().unwrap_or(false);
                let affix = Affix {
                    cross,
                    strip: strip.to_string(),
                    add: add.to_string(),
                    cont,
                    cond,
                };
                let table = if is_prefix {
                    &mut prefixes
                } else {
                    &mut suffixes
                };
                table.entry(flag).or_default().push(affix);
            }
            _ => {}
        }
    }
    Ok(Aff {
        mode,
        special,
        prefixes,
        suffixes,
    })
}

fn apply_suffix(affix: &Affix, word: &str) -> Option<String> {
    if !word.ends_with(affix.strip.as_str()) || !suffix_condition_ok(&affix.cond, word) {
        return None;
    }
    let stem = &word[..word.len() - affix.strip.len()];
    let mut out = String::with_capacity(stem.len() + affix.add.len());
    out.push_str(stem);
    out.push_str(&affix.add);
    Some(out)
}

fn apply_prefix(affix: &Affix, word: &str) -> Option<String> {
    if !word.starts_with(affix.strip.as_str()) || !prefix_condition_ok(&affix.cond, word) {
        return None;
    }
    let mut out = String::with_capacity(word.len() + affix.add.len());
    out.push_str(&affix.add);
    out.push_str(&word[affix.strip.len()..]);
    Some(out)
}

/// A form reached through zero, one or two suffixes, with what it allows next.
struct SuffixForm {
    word: String,
    /// Flags a prefix may match: the root's plus every applied suffix's
    /// continuation flags.
    prefix_flags: Vec<Flag>,
    suffixed: bool,
    all_cross: bool,
    needs_affix: bool,
    circumfix: bool,
    no_suggest: bool,
}

/// Splits a `.dic` line into the word and its flag text, honouring `\/`.
fn split_dic_line(line: &str) -> (String, &str) {
    let mut word = String::new();
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if chars.peek().map(|&(_, n)| n) == Some('/') => {
                word.push('/');
                chars.next();
            }
            '/' => {
                let rest = &line[i + 1..];
                let flags = rest.split_whitespace().next().unwrap_or("");
                return (word, flags);
            }
            c if c.is_whitespace() => return (word, ""),
            c => word.push(c),
        }
    }
    (word, "")
}

/// Expands `aff` + `dic` into every accepted word form.
pub fn expand(aff: &str, dic: &str) -> Result<Expansion, String> {
    let aff = parse_aff(aff)?;
    let sp = &aff.special;
    let has = |flags: &[Flag], f: Option<Flag>| f.is_some_and(|f| flags.contains(&f));
    let mut words: Vec<String> = Vec::new();
    let mut no_suggest: Vec<String> = Vec::new();
    let mut forbidden: HashSet<String> = HashSet::new();
    let mut emit = |w: String, nosug: bool, words: &mut Vec<String>| {
        if nosug {
            no_suggest.push(w.clone());
        }
        words.push(w);
    };
    for line in dic.lines().skip(1) {
        let line = line.trim_end();
        if line.is_empty() {
            continue;
        }
        let (root, flag_text) = split_dic_line(line);
        if root.is_empty() {
            continue;
        }
        let flags = parse_flags(flag_text, aff.mode)?;
        if has(&flags, sp.forbidden) {
            forbidden.insert(root);
            continue;
        }
        if has(&flags, sp.only_in_compound) {
            continue;
        }
        let root_nosug = has(&flags, sp.no_suggest);
        // Stage 1: the root and everything reachable through one suffix, or
        // two when the first one's continuation flags allow a second one
        // (Hunspell's two-fold suffixes).
        let mut forms = vec![SuffixForm {
            word: root.clone(),
            prefix_flags: flags.clone(),
            suffixed: false,
            all_cross: true,
            needs_affix: has(&flags, sp.need_affix),
            circumfix: false,
            no_suggest: root_nosug,
        }];
        for f in &flags {
            let Some(list) = aff.suffixes.get(f) else {
                continue;
            };
            for s1 in list {
                let Some(w1) = apply_suffix(s1, &root) else {
                    continue;
                };
                let mut pf1 = flags.clone();
                pf1.extend_from_slice(&s1.cont);
                let circ1 = has(&s1.cont, sp.circumfix);
                let nosug1 = root_nosug || has(&s1.cont, sp.no_suggest);
                for f2 in &s1.cont {
                    let Some(list2) = aff.suffixes.get(f2) else {
                        continue;
                    };
                    for s2 in list2 {
                        let Some(w2) = apply_suffix(s2, &w1) else {
                            continue;
                        };
                        let mut pf2 = pf1.clone();
                        pf2.extend_from_slice(&s2.cont);
                        forms.push(SuffixForm {
                            word: w2,
                            prefix_flags: pf2,
                            suffixed: true,
                            all_cross: s1.cross && s2.cross,
                            needs_affix: has(&s2.cont, sp.need_affix),
                            circumfix: circ1 || has(&s2.cont, sp.circumfix),
                            no_suggest: nosug1 || has(&s2.cont, sp.no_suggest),
                        });
                    }
                }
                forms.push(SuffixForm {
                    word: w1,
                    prefix_flags: pf1,
                    suffixed: true,
                    all_cross: s1.cross,
                    needs_affix: has(&s1.cont, sp.need_affix),
                    circumfix: circ1,
                    no_suggest: nosug1,
                });
            }
        }
        // Stage 2: emit first-level forms, then add prefixes.
        for form in &forms {
            if !form.needs_affix && !form.circumfix && !form.word.is_empty() {
                emit(form.word.clone(), form.no_suggest, &mut words);
            }
            for f in &form.prefix_flags {
                let Some(list) = aff.prefixes.get(f) else {
                    continue;
                };
                for pfx in list {
                    if form.suffixed && !(pfx.cross && form.all_cross) {
                        continue;
                    }
                    // Elided articles and pronouns are split off by the
                    // tokenizer instead (see the module docs).
                    if pfx.add.contains('\'') {
                        continue;
                    }
                    if has(&pfx.cont, sp.circumfix) != form.circumfix {
                        continue;
                    }
                    if has(&pfx.cont, sp.need_affix) {
                        continue;
                    }
                    let Some(w) = apply_prefix(pfx, &form.word) else {
                        continue;
                    };
                    emit(
                        w.clone(),
                        form.no_suggest || has(&pfx.cont, sp.no_suggest),
                        &mut words,
                    );
                    // A prefix may itself allow suffixes the root does not.
                    if form.suffixed || !pfx.cross {
                        continue;
                    }
                    for cf in &pfx.cont {
                        if flags.contains(cf) {
                            continue;
                        }
                        let Some(slist) = aff.suffixes.get(cf) else {
                            continue;
                        };
                        for sfx in slist {
                            if !sfx.cross {
                                continue;
                            }
                            if let Some(sw) = apply_suffix(sfx, &form.word)
                                && let Some(pw) = apply_prefix(pfx, &sw)
                            {
                                emit(pw, form.no_suggest, &mut words);
                            }
                        }
                    }
                }
            }
        }
    }
    words.sort_unstable();
    words.dedup();
    if !forbidden.is_empty() {
        words.retain(|w| !forbidden.contains(w));
    }
    no_suggest.sort_unstable();
    no_suggest.dedup();
    Ok(Expansion { words, no_suggest })
}
