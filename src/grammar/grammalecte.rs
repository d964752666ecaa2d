//! French grammar through Grammalecte's command-line tool.
//!
//! `grammalecte-cli -f FILE -j` checks FILE one line at a time (each line is a
//! paragraph, numbered from 1) and prints JSON with, per paragraph, errors as
//! offsets in *code points* of that line (it is Python: `str` indices; checked
//! with accents and astral emoji in the tests). So a whole run's paragraphs go
//! into one file, one per line, and line numbers map back to (document,
//! paragraph). Starting Python and loading the dictionaries costs about a
//! tenth of a second, so we start few processes: one per core at most, each
//! with at least 40,000 characters of text.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use super::filter::{GRAMMALECTE_TYPOGRAPHY, RuleFilter, rule_name};
use super::text::EngineText;
use super::{Engine, GrammarError, GrammarFinding, GrammarOptions, ProseParagraph};

/// What to tell a user who has no Grammalecte.
pub const INSTALL_HINT: &str = "sudo apt-get install grammalecte-cli";

const DEFAULT_COMMAND: &str = "grammalecte-cli";

/// Below this much text per process, a second interpreter's start-up costs more
/// than it saves.
const MIN_CHARS_PER_PROCESS: usize = 40_000;

/// One paragraph sent to Grammalecte.
struct Job {
    doc: usize,
    text: EngineText,
}

#[derive(Deserialize)]
struct Output {
    data: Vec<ParagraphResult>,
}

#[derive(Deserialize)]
struct ParagraphResult {
    #[serde(rename = "iParagraph")]
    paragraph: usize,
    #[serde(rename = "lGrammarErrors", default)]
    errors: Vec<RawError>,
    // lSpellingErrors is ignored on purpose: the TY rules own spelling.
}

#[derive(Deserialize)]
struct RawError {
    #[serde(rename = "nStart")]
    start: usize,
    #[serde(rename = "nEnd")]
    end: usize,
    #[serde(rename = "sRuleId")]
    rule_id: String,
    #[serde(rename = "sType", default)]
    option: String,
    #[serde(rename = "sMessage", default)]
    message: String,
    #[serde(rename = "aSuggestions", default)]
    suggestions: Vec<String>,
}

fn command_of(opts: &GrammarOptions) -> PathBuf {
    opts.grammalecte_cmd
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_COMMAND))
}

/// Finds a command the way a shell would: a path as given, a bare name in PATH.
fn locate(command: &Path) -> Option<PathBuf> {
    if command.components().count() > 1 {
        return command.is_file().then(|| command.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(command))
        .find(|candidate| candidate.is_file())
}

/// Whether the Grammalecte command of `opts` can be found, without running it.
pub fn grammalecte_available(opts: &GrammarOptions) -> bool {
    locate(&command_of(opts)).is_some()
}

/// Checks the French paragraphs of one document. Prefer
/// [`check_french_batch`] for a run of many documents: each call starts
/// Grammalecte again.
pub fn check_french(
    text: &str,
    paragraphs: &[ProseParagraph],
    opts: &GrammarOptions,
) -> Result<Vec<GrammarFinding>, GrammarError> {
    let mut per_doc = check_french_batch(&[(text, paragraphs)], opts)?;
    Ok(per_doc.pop().unwrap_or_default())
}

/// Checks the French paragraphs of a whole run in few Grammalecte processes.
///
/// `docs` holds, per document, its file text and its prose paragraphs; the
/// result holds, per document in the same order, its findings sorted by
/// position. Fails with [`GrammarError::NotInstalled`] when the command is
/// missing (callers say so once and carry on), and never runs the command when
/// there is no French prose to check.
pub fn check_french_batch(
    docs: &[(&str, &[ProseParagraph])],
    opts: &GrammarOptions,
) -> Result<Vec<Vec<GrammarFinding>>, GrammarError> {
    let mut out: Vec<Vec<GrammarFinding>> = vec![Vec::new(); docs.len()];
    let jobs: Vec<Job> = docs
        .iter()
        .enumerate()
        .flat_map(|(doc, (file, paragraphs))| {
            paragraphs.iter().map(move |p| Job {
                doc,
                text: EngineText::build(file, p),
            })
        })
        .filter(|job| job.text.has_letters())
        .collect();
    if jobs.is_empty() {
        return Ok(out);
    }

    let command = command_of(opts);
    let Some(program) = locate(&command) else {
        return Err(not_installed(command));
    };

    let chunks = split_evenly(&jobs, process_count(&jobs, opts.processes));
    let args = engine_args(opts);
    let results: Vec<Result<Output, GrammarError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| scope.spawn(|| run_chunk(&program, &command, &args, chunk)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    Err(GrammarError::BadOutput {
                        command: command.clone(),
                        detail: "the thread reading its output panicked".into(),
                    })
                })
            })
            .collect()
    });

    let filter = RuleFilter::new(opts);
    for (chunk, result) in chunks.iter().zip(results) {
        for para in result?.data {
            // Paragraph numbers are 1-based line numbers of the chunk's file.
            let Some(job) = para.paragraph.checked_sub(1).and_then(|i| chunk.get(i)) else {
                continue;
            };
            let Some(findings) = out.get_mut(job.doc) else {
                continue;
            };
            let mut errors: Vec<RawError> = para
                .errors
                .into_iter()
                .filter(|e| filter.keeps(Engine::Grammalecte, &e.rule_id, &e.option))
                .collect();
            errors.sort_by_key(|e| (e.start, e.end));
            let alternatives = alternatives(&job.text, &errors);
            for (err, alternative) in errors.into_iter().zip(alternatives) {
                let Some(mapped) = job.text.to_file(err.start..err.end) else {
                    continue;
                };
                findings.push(GrammarFinding {
                    range: mapped.range,
                    engine: Engine::Grammalecte,
                    rule_id: err.rule_id,
                    category: err.option,
                    message: err.message,
                    suggestions: err.suggestions,
                    replaceable: mapped.replaceable,
                    alternative,
                });
            }
        }
    }
    for findings in &mut out {
        findings.sort_by(|a, b| {
            (a.range.start, a.range.end, &a.rule_id).cmp(&(b.range.start, b.range.end, &b.rule_id))
        });
        findings.dedup();
    }
    Ok(out)
}

/// Which errors (sorted by position) are alternatives for one slip: for
/// `il sont`, Grammalecte reports both `il → ils` and `sont → est`; for
/// `qui à utilisé`, both `à → a` and `utilisé → utiliser`. They come from one
/// rule, on neighbouring words. Applying both fixes would be wrong (`ils est`),
/// so such findings carry none.
fn alternatives(text: &EngineText, errors: &[RawError]) -> Vec<bool> {
    let mut out = vec![false; errors.len()];
    for (i, pair) in errors.windows(2).enumerate() {
        let [a, b] = pair else { continue };
        let neighbours = b.start >= a.end
            && b.start - a.end <= 3
            && text
                .slice_chars(a.end..b.start)
                .chars()
                .all(char::is_whitespace);
        if neighbours && rule_name(&a.rule_id) == rule_name(&b.rule_id) {
            out[i] = true;
            out[i + 1] = true;
        }
    }
    out
}

fn not_installed(command: PathBuf) -> GrammarError {
    GrammarError::NotInstalled {
        command,
        install_hint: INSTALL_HINT,
    }
}

/// Options for the engine: errors only, and typography families switched off
/// at the source when they would be dropped anyway (they are also filtered
/// afterwards, so this is only a saving). A family stays on when `allow` may
/// name it or one of its rules (their names start with the family's name).
fn engine_args(opts: &GrammarOptions) -> Vec<String> {
    let mut args = vec!["-j".to_owned(), "-owe".to_owned()];
    if !opts.typography {
        let off: Vec<&str> = GRAMMALECTE_TYPOGRAPHY
            .iter()
            .copied()
            .filter(|family| {
                !opts
                    .allow
                    .iter()
                    .any(|a| a.starts_with(family) || a.ends_with('*'))
            })
            .collect();
        if !off.is_empty() {
            args.push("-off".to_owned());
            args.extend(off.into_iter().map(str::to_owned));
        }
    }
    args
}

fn process_count(jobs: &[Job], limit: Option<usize>) -> usize {
    let chars: usize = jobs.iter().map(|j| j.text.char_len()).sum();
    let limit =
        limit.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    (chars / MIN_CHARS_PER_PROCESS).clamp(1, limit.max(1))
}

/// Splits jobs into `n` contiguous chunks of about the same number of
/// characters, so parallel processes finish at about the same time.
fn split_evenly(jobs: &[Job], n: usize) -> Vec<&[Job]> {
    let total: usize = jobs.iter().map(|j| j.text.char_len()).sum();
    let target = total.div_ceil(n.max(1)).max(1);
    let mut chunks = Vec::with_capacity(n);
    let mut start = 0;
    let mut size = 0;
    for (i, job) in jobs.iter().enumerate() {
        size += job.text.char_len();
        if size >= target && chunks.len() + 1 < n {
            chunks.push(&jobs[start..=i]);
            start = i + 1;
            size = 0;
        }
    }
    if start < jobs.len() {
        chunks.push(&jobs[start..]);
    }
    chunks
}

fn run_chunk(
    program: &Path,
    command: &Path,
    args: &[String],
    chunk: &[Job],
) -> Result<Output, GrammarError> {
    let io = |context: &'static str| move |source| GrammarError::Io { context, source };
    let mut file = tempfile::Builder::new()
        .prefix("frontlint-grammar-")
        .suffix(".txt")
        .tempfile()
        .map_err(io("cannot create the Grammalecte batch file"))?;
    {
        let mut w = std::io::BufWriter::new(file.as_file_mut());
        for job in chunk {
            // EngineText never holds a line break, so one paragraph is one line.
            writeln!(w, "{}", job.text.as_str())
                .map_err(io("cannot write the Grammalecte batch file"))?;
        }
        w.flush()
            .map_err(io("cannot write the Grammalecte batch file"))?;
    }

    let output = Command::new(program)
        .arg("-f")
        .arg(file.path())
        .args(args)
        .output()
        .map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                not_installed(command.to_path_buf())
            } else {
                GrammarError::Io {
                    context: "cannot start Grammalecte",
                    source,
                }
            }
        })?;
    if !output.status.success() {
        return Err(GrammarError::Failed {
            command: command.to_path_buf(),
            status: output.status.to_string(),
            stderr: tail(&String::from_utf8_lossy(&output.stderr), 2000),
        });
    }
    parse_output(&output.stdout).map_err(|detail| GrammarError::BadOutput {
        command: command.to_path_buf(),
        detail,
    })
}

fn parse_output(stdout: &[u8]) -> Result<Output, String> {
    // Anything printed before the JSON object (a Python warning) is skipped.
    let start = stdout
        .iter()
        .position(|&b| b == b'{')
        .ok_or_else(|| "no JSON object in the output".to_owned())?;
    serde_json::from_slice(&stdout[start..]).map_err(|e| e.to_string())
}

/// The last `max` bytes of `s`, on a character boundary.
fn tail(s: &str, max: usize) -> String {
    let mut start = s.len().saturating_sub(max);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    s[start..].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(doc: usize, s: &str) -> Job {
        Job {
            doc,
            text: EngineText::build(s, &ProseParagraph::single(0..s.len())),
        }
    }

    #[test]
    fn chunks_cover_all_jobs_in_order() {
        let jobs: Vec<Job> = (0..10).map(|i| job(i, "abcdefghij")).collect();
        for n in 1..5 {
            let chunks = split_evenly(&jobs, n);
            assert!(chunks.len() <= n);
            let docs: Vec<usize> = chunks
                .iter()
                .flat_map(|c| c.iter().map(|j| j.doc))
                .collect();
            assert_eq!(docs, (0..10).collect::<Vec<_>>());
        }
    }

    #[test]
    fn reads_grammalecte_json() {
        let json = r##"{ "grammalecte": "2.1.2", "lang": "fr", "data" : [
{"iParagraph": 2, "lGrammarErrors": [{"nStart": 3, "nEnd": 7, "sLineId": "#7402", "sRuleId": "g2__conj_il__b1_a1_1", "sType": "conj", "aColor": [1, 2, 3], "sMessage": "Conjugaison erronée.", "aSuggestions": ["est"], "URL": ""}], "lSpellingErrors": [{"i": 2, "sType": "WORD", "sValue": "UX", "nStart": 4, "nEnd": 6}]}
]}
"##;
        let out = parse_output(json.as_bytes()).expect("parses");
        assert_eq!(out.data.len(), 1);
        assert_eq!(out.data[0].paragraph, 2);
        assert_eq!(out.data[0].errors[0].suggestions, vec!["est"]);
        assert!(parse_output(b"Traceback").is_err());
    }

    fn raw(start: usize, end: usize, rule_id: &str) -> RawError {
        RawError {
            start,
            end,
            rule_id: rule_id.to_owned(),
            option: String::new(),
            message: String::new(),
            suggestions: Vec::new(),
        }
    }

    #[test]
    fn neighbouring_findings_of_one_rule_are_alternatives() {
        let s = "il sont partis, il sont revenus, les calculs compliqué";
        let text = EngineText::build(s, &ProseParagraph::single(0..s.len()));
        let errors = [
            raw(0, 2, "g2__conj_il__b1_a2_1"),
            raw(3, 7, "g2__conj_il__b1_a1_1"),
            raw(19, 23, "g2__conj_il__b1_a1_1"),
            raw(46, 55, "g3__gn_les_2m__b1_a4_1"),
        ];
        assert_eq!(alternatives(&text, &errors), vec![true, true, false, false]);
    }

    #[test]
    fn typography_is_switched_off_at_the_source() {
        let args = engine_args(&GrammarOptions::default());
        assert!(args.iter().any(|a| a == "nbsp"));
        let args = engine_args(&GrammarOptions {
            typography: true,
            ..GrammarOptions::default()
        });
        assert!(!args.iter().any(|a| a == "-off"));
        let args = engine_args(&GrammarOptions {
            allow: vec!["apostrophe_typographique".into()],
            ..GrammarOptions::default()
        });
        assert!(!args.iter().any(|a| a == "apos"));
        assert!(args.iter().any(|a| a == "nbsp"));
    }

    #[test]
    fn missing_command_is_not_installed() {
        let opts = GrammarOptions {
            grammalecte_cmd: Some(PathBuf::from("frontlint-no-such-grammalecte")),
            ..GrammarOptions::default()
        };
        let file = "Il sont partis.";
        let paras = [ProseParagraph::single(0..file.len())];
        match check_french(file, &paras, &opts) {
            Err(GrammarError::NotInstalled { install_hint, .. }) => {
                assert_eq!(install_hint, INSTALL_HINT)
            }
            other => panic!("expected NotInstalled, got {other:?}"),
        }
        // No prose, no need for the engine.
        assert!(check_french(file, &[], &opts).is_ok());
    }
}
