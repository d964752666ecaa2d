//! The grammar stage's speed on the beta.gouv.fr posts, next to Grammalecte
//! alone on exactly the same text.
//!
//! `cargo bench --bench grammar [RUNS]` (default 3 runs of each, medians).
//! Needs `../shared/corpus/betagouv` and `grammalecte-cli`; says SKIPPED and
//! exits 0 without them. Measures, on the French posts:
//! - grammalecte-cli alone: one process on a file holding every paragraph the
//!   stage would send, one per line, with the stage's options;
//! - the stage with one process (our own overhead: building the text, the
//!   batch file, reading JSON, mapping back to the files);
//! - the stage as configured by default (one process per core);
//!
//! and the English stage (harper, in process) on the English posts.
//! Target: the default stage under 3 × Grammalecte alone.

#[path = "../tests/grammar_helper.rs"]
mod helper;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use frontlint::grammar::{
    GrammarOptions, ProseParagraph, check_english, check_french_batch, engine_text,
    grammalecte_available,
};

/// The options the stage passes by default: typography families off.
const STAGE_ARGS: &[&str] = &[
    "-j", "-owe", "-off", "apos", "nbsp", "esp", "typo", "num", "unit", "liga", "tab",
];

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn time(f: impl FnOnce()) -> Duration {
    let started = Instant::now();
    f();
    started.elapsed()
}

fn time_runs(runs: usize, mut f: impl FnMut()) -> Duration {
    median((0..runs).map(|_| time(&mut f)).collect())
}

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(3)
        .max(1);
    let Some(shared) = helper::shared_dir() else {
        return;
    };
    if !grammalecte_available(&GrammarOptions::default()) {
        eprintln!("SKIPPED: grammalecte-cli not installed (apt-get install grammalecte-cli)");
        return;
    }
    let posts = helper::betagouv_posts(&shared);
    let (english, french): (Vec<_>, Vec<_>) = posts
        .iter()
        .partition(|(_, text)| helper::looks_english(text));
    let paragraphs: Vec<Vec<ProseParagraph>> = french
        .iter()
        .map(|(_, text)| helper::prose_paragraphs(text))
        .collect();
    let docs: Vec<(&str, &[ProseParagraph])> = french
        .iter()
        .zip(&paragraphs)
        .map(|((_, text), p)| (text.as_str(), p.as_slice()))
        .collect();

    // The exact text the stage sends, for Grammalecte alone.
    let mut batch = tempfile::Builder::new()
        .suffix(".txt")
        .tempfile()
        .expect("temporary file");
    let mut chars = 0;
    let mut lines = 0;
    for (text, paras) in &docs {
        for p in paras.iter() {
            let line = engine_text(text, p);
            if line.chars().any(char::is_alphabetic) {
                chars += line.chars().count();
                lines += 1;
                writeln!(batch, "{line}").expect("write the batch");
            }
        }
    }
    batch.flush().expect("write the batch");
    println!(
        "French: {} posts, {lines} paragraphs, {chars} characters; {runs} runs each, medians",
        docs.len()
    );

    let one = GrammarOptions {
        processes: Some(1),
        ..GrammarOptions::default()
    };
    // Interleaved, so a change in the machine's load (shared cores) hits all
    // three alike.
    let (mut alone, mut stage_one, mut stage) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        alone.push(time(|| {
            let status = Command::new("grammalecte-cli")
                .arg("-f")
                .arg(batch.path())
                .args(STAGE_ARGS)
                .stdout(Stdio::null())
                .status()
                .expect("run grammalecte-cli");
            assert!(status.success(), "grammalecte-cli failed");
        }));
        stage_one.push(time(|| {
            check_french_batch(&docs, &one).expect("grammar stage");
        }));
        stage.push(time(|| {
            check_french_batch(&docs, &GrammarOptions::default()).expect("grammar stage");
        }));
    }
    let (alone, stage_one, stage) = (median(alone), median(stage_one), median(stage));
    let ratio = |d: Duration| d.as_secs_f64() / alone.as_secs_f64();
    println!("  grammalecte-cli alone        {alone:>10.2?}");
    println!(
        "  stage, 1 process             {stage_one:>10.2?}  ({:.2} × alone)",
        ratio(stage_one)
    );
    println!(
        "  stage, default (per core)    {stage:>10.2?}  ({:.2} × alone; target < 3)",
        ratio(stage)
    );

    let english_paragraphs: Vec<Vec<ProseParagraph>> = english
        .iter()
        .map(|(_, text)| helper::prose_paragraphs(text))
        .collect();
    // The first call builds harper's linters for this thread; time it apart.
    let warm = Instant::now();
    check_english(
        "Warm up.",
        &[ProseParagraph::single(0..8)],
        &GrammarOptions::default(),
    );
    let setup = warm.elapsed();
    let harper = time_runs(runs, || {
        for ((_, text), paras) in english.iter().zip(&english_paragraphs) {
            check_english(text, paras, &GrammarOptions::default());
        }
    });
    let bytes: usize = english.iter().map(|(_, t)| t.len()).sum();
    println!(
        "English: {} posts, {bytes} bytes: harper {harper:.2?} \
         (plus {setup:.2?} once per thread to build its linters)",
        english.len()
    );
}
