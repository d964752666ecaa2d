//! Spelling benchmarks (`cargo bench --bench spell_bench`): dictionary load,
//! the seed post, and the corpora of `../shared/corpus`, with and without
//! the spelling engine. Prints medians of several runs.
//!
//! `cargo bench --bench spell_bench -- --once FILE` checks one file once and
//! exits: time that process from the shell to get the end-to-end cost of one
//! post, process start included.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use frontlint::spell::*;
use rayon::prelude::*;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut v = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        v.push(t.elapsed());
    }
    median(v)
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            markdown_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "md") {
            out.push(p);
        }
    }
}

fn check_file(engine: &SpellEngine, text: &str) -> usize {
    let runs = rough_prose_runs(text);
    let lang = resolve_language(None, &[], text);
    let opts = SpellOptions {
        suggestions: false,
        ..SpellOptions::default()
    };
    engine.check_document(text, &runs, &lang, &opts).len()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--once") {
        let Some(path) = args.get(i + 1) else {
            eprintln!("--once needs a file");
            std::process::exit(2);
        };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let engine = SpellEngine::new(SpellConfig::default()).expect("engine");
        let runs = rough_prose_runs(&text);
        let lang = resolve_language(None, &[], &text);
        let f = engine.check_document(&text, &runs, &lang, &SpellOptions::default());
        println!("{} findings", f.len());
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--profile-suggest") {
        // Suggestions only, for callgrind: FILE holds `fr mot` / `en word`
        // lines (one distinct unknown word each); prints what was suggested,
        // so two builds can be compared word for word.
        let Some(list) = args
            .get(i + 1)
            .and_then(|p| std::fs::read_to_string(p).ok())
        else {
            eprintln!("--profile-suggest needs a readable word list");
            std::process::exit(2);
        };
        let engine = SpellEngine::new(SpellConfig::default()).expect("engine");
        for line in list.lines() {
            let Some((tag, word)) = line.split_once(' ') else {
                continue;
            };
            let Some(lang) = Lang::from_tag(tag) else {
                continue;
            };
            println!("{tag} {word}: {}", engine.suggest(&lang, word).join(", "));
        }
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if args.iter().any(|a| a == "--profile-extract") {
        // The baseline of `--profile-corpus`: reading and extraction only.
        let mut files = Vec::new();
        markdown_files(&root.join("../shared/corpus"), &mut files);
        let n: usize = files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .map(|t| rough_prose_runs(&t).len())
            .sum();
        println!("{n} runs");
        return;
    }
    if args.iter().any(|a| a == "--profile-corpus") {
        // One sequential pass with spelling, for perf or callgrind.
        let mut files = Vec::new();
        markdown_files(&root.join("../shared/corpus"), &mut files);
        let e = SpellEngine::new(SpellConfig::default()).expect("engine");
        let n: usize = files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .map(|t| check_file(&e, &t))
            .sum();
        println!("{n} findings");
        return;
    }

    // Dictionary load: embedded fst (what frontlint does) vs parsing the
    // Hunspell files with spellbook (what it avoids).
    let fst_load = time(50, || {
        let e = SpellEngine::new(SpellConfig::default()).expect("engine");
        e.dictionary(&Lang::French).is_ok() && e.dictionary(&Lang::English).is_ok()
    });
    println!("load fr+en embedded fst (new engine):  {fst_load:>12.2?}");
    for lang in ["fr", "en"] {
        let dir = root.join("rules/dictionaries").join(lang);
        let aff = std::fs::read_to_string(dir.join(format!("{lang}.aff"))).unwrap_or_default();
        let dic = std::fs::read_to_string(dir.join(format!("{lang}.dic"))).unwrap_or_default();
        let t = time(5, || spellbook::Dictionary::new(&aff, &dic).is_ok());
        println!("load {lang} with spellbook (not used):   {t:>12.2?}");
    }

    // Word checks and suggestions.
    let engine = SpellEngine::new(SpellConfig::default()).expect("engine");
    let fr = engine.dictionary(&Lang::French).expect("fr");
    let words = [
        "équipe",
        "aujourd'hui",
        "enccourager",
        "connaissent",
        "Découvrez",
    ];
    let t = time(200, || words.iter().filter(|w| fr.check(w)).count());
    println!("check 5 French words:                  {t:>12.2?}");
    for w in ["enccourager", "connaîssent", "sécrétariat", "dévelopement"] {
        let t = time(20, || {
            let e = SpellEngine::new(SpellConfig::default()).expect("engine");
            e.suggest(&Lang::French, w)
        });
        println!("suggest {w:<14} (uncached):       {t:>12.2?}");
    }
    for w in ["recieve", "definately"] {
        let t = time(20, || {
            let e = SpellEngine::new(SpellConfig::default()).expect("engine");
            e.suggest(&Lang::English, w)
        });
        println!("suggest {w:<14} (uncached):       {t:>12.2?}");
    }

    // The seed post, as one pre-commit run would see it.
    let seed = root.join("../shared/seed/2020-03-31-les-initiatives-covid19-beta-gouv-fr.md");
    match std::fs::read_to_string(&seed) {
        Ok(text) => {
            let runs = rough_prose_runs(&text);
            let lang = resolve_language(None, &[], &text);
            let cold = time(10, || {
                let e = SpellEngine::new(SpellConfig::default()).expect("engine");
                e.check_document(&text, &runs, &lang, &SpellOptions::default())
            });
            println!("seed, new engine, with suggestions:    {cold:>12.2?}");
            let warm = time(50, || {
                engine.check_document(&text, &runs, &lang, &SpellOptions::default())
            });
            println!("seed, warm engine:                     {warm:>12.2?}");
        }
        Err(_) => println!("SKIPPED: ../shared not found (seed)"),
    }

    // Whole corpora, in parallel as the linter runs: extraction alone vs
    // extraction + spelling.
    let corpus = root.join("../shared/corpus");
    let mut files = Vec::new();
    markdown_files(&corpus, &mut files);
    if files.is_empty() {
        println!("SKIPPED: ../shared not found (corpus)");
        return;
    }
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let without = time(5, || {
        texts
            .par_iter()
            .map(|t| rough_prose_runs(t).len())
            .sum::<usize>()
    });
    let with = time(5, || {
        let e = SpellEngine::new(SpellConfig::default()).expect("engine");
        texts.par_iter().map(|t| check_file(&e, t)).sum::<usize>()
    });
    println!(
        "corpus {} files, {:.1} MB: prose extraction {without:.2?}, + spelling {with:.2?} \
         (spelling adds {:.2?}, {:.1} µs per file)",
        texts.len(),
        bytes as f64 / 1e6,
        with.saturating_sub(without),
        with.saturating_sub(without).as_secs_f64() * 1e6 / texts.len() as f64
    );
}
