//! Inline control comments, read from the HTML comments of a document:
//!
//! - `<!-- frontlint-disable -->` / `<!-- frontlint-disable LK009 MK002 -->`:
//!   from here on, all rules or the rules named (codes or names, separated
//!   by spaces or commas); a disable comment at the very top of the body
//!   also covers the front matter, where comments cannot be written;
//! - `<!-- frontlint-enable -->` / `<!-- frontlint-enable LK009 -->`: ends
//!   them, all or the rules named;
//! - `<!-- frontlint-disable-next-line LK009 -->`: the line after the
//!   comment only; `<!-- frontlint-disable-line LK009 -->`: its own line.
//!
//! Text after ` -- ` is a free reason: `<!-- frontlint-disable LK009 --
//! archived post -->`.
//!
//! [`Directives::filter`] drops the diagnostics a comment silences; the
//! per-document rules go through it in `check_document`, and any later
//! stage (spelling, the online link check, grammar) must pass its own
//! diagnostics through the same function, with the `Directives` kept in the
//! file's report. A comment that silences nothing is reported as MK008.
//!
//! Comments inside code blocks and code spans are text, not directives: only
//! HTML the Markdown scan found is read.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, Ordering};

use regex::Regex;

use crate::config::FileConfig;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Span};
use crate::rules::markdown::unused_disable_comment::META as UNUSED;
use crate::rules::{self, RuleMeta};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Disable,
    Enable,
    DisableNextLine,
    DisableLine,
}

impl Kind {
    fn keyword(self) -> &'static str {
        match self {
            Kind::Disable => "frontlint-disable",
            Kind::Enable => "frontlint-enable",
            Kind::DisableNextLine => "frontlint-disable-next-line",
            Kind::DisableLine => "frontlint-disable-line",
        }
    }
}

/// One control comment.
#[derive(Debug)]
pub struct Directive {
    pub kind: Kind,
    /// The whole comment.
    pub span: Span,
    /// The rules named; empty means every rule.
    pub rules: Vec<&'static RuleMeta>,
    /// Names that are no rule, with the closest rule when there is one.
    pub unknown: Vec<(String, Option<&'static str>)>,
    /// A `frontlint-` keyword that is no directive (`frontlint-disabled`).
    pub bad_keyword: Option<String>,
    used: AtomicBool,
}

#[derive(Debug, Clone)]
enum RuleSet {
    All,
    Only(Vec<&'static str>),
    AllExcept(Vec<&'static str>),
}

impl RuleSet {
    fn contains(&self, code: &str) -> bool {
        match self {
            RuleSet::All => true,
            RuleSet::Only(v) => v.contains(&code),
            RuleSet::AllExcept(v) => !v.contains(&code),
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, RuleSet::Only(v) if v.is_empty())
    }

    /// This set without `codes` (all of them when `codes` is empty).
    fn without(&self, codes: &[&'static str]) -> RuleSet {
        if codes.is_empty() {
            return RuleSet::Only(Vec::new());
        }
        match self {
            RuleSet::All => RuleSet::AllExcept(codes.to_vec()),
            RuleSet::AllExcept(v) => {
                let mut all = v.clone();
                all.extend(codes.iter().copied().filter(|c| !v.contains(c)));
                RuleSet::AllExcept(all)
            }
            RuleSet::Only(v) => {
                RuleSet::Only(v.iter().copied().filter(|c| !codes.contains(c)).collect())
            }
        }
    }
}

/// Where a directive silences which rules.
#[derive(Debug, Clone)]
struct Region {
    start: usize,
    end: usize,
    rules: RuleSet,
    directive: usize,
}

/// The control comments of one document and the regions they silence.
#[derive(Debug, Default)]
pub struct Directives {
    pub items: Vec<Directive>,
    regions: Vec<Region>,
}

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<!--\s*(frontlint-[A-Za-z-]*)(.*?)-->").expect("valid regex")
});

fn kind_of(keyword: &str) -> Option<Kind> {
    match keyword.to_ascii_lowercase().as_str() {
        "frontlint-disable" => Some(Kind::Disable),
        "frontlint-enable" => Some(Kind::Enable),
        "frontlint-disable-next-line" => Some(Kind::DisableNextLine),
        "frontlint-disable-line" => Some(Kind::DisableLine),
        _ => None,
    }
}

impl Directives {
    /// Reads the control comments of `doc`.
    pub fn parse(doc: &Document) -> Directives {
        let mut found: Vec<(usize, usize)> = Vec::new();
        for span in &doc.scan.html {
            let src = doc.slice(*span);
            if !src.contains("frontlint-") {
                continue;
            }
            for m in COMMENT.find_iter(src) {
                found.push((span.start + m.start(), span.start + m.end()));
            }
        }
        found.sort_unstable();
        found.dedup();
        let mut d = Directives::default();
        for (start, end) in found {
            let Some(c) = COMMENT.captures(&doc.text[start..end]) else {
                continue;
            };
            let keyword = c.get(1).map_or("", |m| m.as_str());
            let args = c.get(2).map_or("", |m| m.as_str());
            let args = args.split(" --").next().unwrap_or("");
            let (kind, bad_keyword) = match kind_of(keyword) {
                Some(k) => (k, None),
                None => (Kind::Disable, Some(keyword.to_string())),
            };
            let mut rules_named = Vec::new();
            let mut unknown = Vec::new();
            for name in args.split(|c: char| c.is_whitespace() || c == ',') {
                if name.is_empty() {
                    continue;
                }
                match rules::find(name) {
                    Some(m) => {
                        if !rules_named.iter().any(|r: &&RuleMeta| std::ptr::eq(*r, m)) {
                            rules_named.push(m);
                        }
                    }
                    None => unknown.push((name.to_string(), rules::suggest(name))),
                }
            }
            d.items.push(Directive {
                kind,
                span: Span::new(start, end),
                rules: rules_named,
                unknown,
                bad_keyword,
                used: AtomicBool::new(false),
            });
        }
        d.regions = regions(doc, &d.items);
        d
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Whether a finding of `rule` starting at byte `offset` is silenced
    /// (and, if so, marks the comment as used).
    pub fn suppresses(&self, rule: &RuleMeta, offset: usize) -> bool {
        if std::ptr::eq(rule, &UNUSED) {
            return false;
        }
        let mut hit = false;
        for r in &self.regions {
            if r.start <= offset && offset < r.end && r.rules.contains(rule.code) {
                self.items[r.directive].used.store(true, Ordering::Relaxed);
                hit = true;
            }
        }
        hit
    }

    /// Drops the diagnostics a comment silences. Every stage that reports
    /// diagnostics on a document calls this on them.
    pub fn filter(&self, diagnostics: &mut Vec<Diagnostic>) {
        if self.regions.is_empty() {
            return;
        }
        diagnostics.retain(|d| !self.suppresses(d.rule, d.span.start));
    }

    /// MK008 findings: comments that silenced nothing, named unknown rules,
    /// or are misspelt. Comments naming only rules of a later stage (not
    /// checked per document) are left out: that stage alone knows.
    pub fn unused(&self, config: &FileConfig) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for d in &self.items {
            if let Some(k) = &d.bad_keyword {
                let hint = [
                    "frontlint-disable",
                    "frontlint-enable",
                    "frontlint-disable-next-line",
                    "frontlint-disable-line",
                ]
                .into_iter()
                .min_by_key(|c| strsim::levenshtein(c, &k.to_ascii_lowercase()))
                .unwrap_or("frontlint-disable");
                out.push(
                    Diagnostic::new(
                        &UNUSED,
                        d.span,
                        format!("`{k}` is not a frontlint comment, so it does nothing"),
                    )
                    .with_help(format!("did you mean `{hint}`?")),
                );
                continue;
            }
            for (name, hint) in &d.unknown {
                let help = match hint {
                    Some(h) => format!("did you mean `{h}`? (`frontlint rules` lists them)"),
                    None => "`frontlint rules` lists the rule codes and names".to_string(),
                };
                out.push(
                    Diagnostic::new(
                        &UNUSED,
                        d.span,
                        format!("`{}` names no rule: `{name}`", d.kind.keyword()),
                    )
                    .with_help(help),
                );
            }
            if d.used.load(Ordering::Relaxed) || d.kind == Kind::Enable {
                continue;
            }
            if !d.rules.is_empty() && !d.rules.iter().all(|m| is_document_rule(m)) {
                continue;
            }
            if d.rules.is_empty() && !d.unknown.is_empty() {
                continue; // reported above
            }
            let what = if d.rules.is_empty() {
                "any rule".to_string()
            } else {
                d.rules
                    .iter()
                    .map(|m| m.code)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let off: Vec<&str> = d
                .rules
                .iter()
                .filter(|m| config.severity(m).is_none())
                .map(|m| m.code)
                .collect();
            let help = if off.is_empty() {
                "nothing is reported where it applies: remove the comment".to_string()
            } else {
                format!(
                    "{} is off for this file: remove the comment",
                    off.join(", ")
                )
            };
            out.push(
                Diagnostic::new(
                    &UNUSED,
                    d.span,
                    format!(
                        "`{}` silences {what}, but there is nothing to silence",
                        d.kind.keyword()
                    ),
                )
                .with_help(help),
            );
        }
        for d in self.items.iter().filter(|d| d.kind == Kind::Enable) {
            if !self.regions.iter().any(|r| r.end == d.span.start) {
                out.push(
                    Diagnostic::new(
                        &UNUSED,
                        d.span,
                        "`frontlint-enable` without an earlier `frontlint-disable`",
                    )
                    .with_help("remove the comment"),
                );
            }
        }
        out
    }
}

fn is_document_rule(m: &RuleMeta) -> bool {
    rules::CHECKS.iter().any(|r| std::ptr::eq(r.meta(), m))
}

/// Works out the byte ranges each directive silences.
fn regions(doc: &Document, items: &[Directive]) -> Vec<Region> {
    let mut out = Vec::new();
    // Open `disable` regions: (directive, start, rules).
    let mut open: Vec<(usize, usize, RuleSet)> = Vec::new();
    let lines = &doc.lines;
    for (i, d) in items.iter().enumerate() {
        if d.bad_keyword.is_some() {
            continue;
        }
        let codes: Vec<&'static str> = d.rules.iter().map(|m| m.code).collect();
        if d.rules.is_empty() && !d.unknown.is_empty() {
            continue; // only unknown names: silence nothing rather than everything
        }
        let set = if codes.is_empty() {
            RuleSet::All
        } else {
            RuleSet::Only(codes.clone())
        };
        match d.kind {
            Kind::Disable => {
                let top = doc.text[doc.body_start..d.span.start].trim().is_empty();
                open.push((i, if top { 0 } else { d.span.start }, set));
            }
            Kind::Enable => {
                let mut still = Vec::new();
                for (di, start, rules) in open.drain(..) {
                    let rest = rules.without(&codes);
                    let touched = codes.is_empty() || codes.iter().any(|c| rules.contains(c));
                    if touched {
                        out.push(Region {
                            start,
                            end: d.span.start,
                            rules: rules.clone(),
                            directive: di,
                        });
                        if !rest.is_empty() {
                            still.push((di, d.span.end, rest));
                        }
                    } else {
                        still.push((di, start, rules));
                    }
                }
                open = still;
            }
            Kind::DisableNextLine => {
                let line = lines.line_of(d.span.end.saturating_sub(1)) + 1;
                if line < lines.line_count() {
                    let end = if line + 1 < lines.line_count() {
                        lines.line_start(line + 1)
                    } else {
                        usize::MAX
                    };
                    out.push(Region {
                        start: lines.line_start(line),
                        end,
                        rules: set,
                        directive: i,
                    });
                }
            }
            Kind::DisableLine => {
                let first = lines.line_of(d.span.start);
                let last = lines.line_of(d.span.end.saturating_sub(1));
                let end = if last + 1 < lines.line_count() {
                    lines.line_start(last + 1)
                } else {
                    usize::MAX
                };
                out.push(Region {
                    start: lines.line_start(first),
                    end,
                    rules: set,
                    directive: i,
                });
            }
        }
    }
    for (di, start, rules) in open {
        out.push(Region {
            start,
            end: usize::MAX,
            rules,
            directive: di,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn doc(t: &str) -> Document {
        Document::from_text(
            Path::new("a.md"),
            t.to_string(),
            crate::document::Encoding::Utf8,
        )
    }

    fn silenced(t: &str, code: &str, needle: &str) -> bool {
        let d = doc(t);
        let dirs = Directives::parse(&d);
        let at = t.find(needle).expect("needle");
        dirs.suppresses(rules::find(code).expect("rule"), at)
    }

    #[test]
    fn regions_work() {
        let t = "---\ntitle: x\n---\n<!-- frontlint-disable FM009 -->\n\nA\n\n<!-- frontlint-disable LK009, MK002 -- old -->\nB\n<!-- frontlint-enable MK002 -->\nC\n<!-- frontlint-enable -->\nD\n<!-- frontlint-disable-next-line insecure-link -->\nE\nF <!-- frontlint-disable-line LK004 -->\nG\n`<!-- frontlint-disable -->` H\n";
        assert!(
            silenced(t, "FM009", "title"),
            "top comment covers front matter"
        );
        assert!(silenced(t, "FM009", "C"));
        assert!(
            !silenced(t, "FM009", "D"),
            "enable with no name ends every disable"
        );
        assert!(!silenced(t, "LK009", "A"));
        assert!(silenced(t, "LK009", "B"));
        assert!(silenced(t, "MK002", "B"));
        assert!(silenced(t, "LK009", "C"));
        assert!(!silenced(t, "MK002", "C"));
        assert!(!silenced(t, "LK009", "D"));
        assert!(silenced(t, "LK009", "E"));
        assert!(!silenced(t, "LK009", "F "));
        assert!(silenced(t, "LK004", "F "));
        assert!(!silenced(t, "LK004", "G"));
        assert!(!silenced(t, "LK004", "H"), "a comment in code is text");
    }

    #[test]
    fn unknown_names_and_keywords() {
        let d = doc("<!-- frontlint-disable LK999 -->\n<!-- frontlint-disabled LK009 -->\nx\n");
        let dirs = Directives::parse(&d);
        let cfg = crate::config::LoadedConfig::defaults(Path::new(".")).for_file(Path::new("a.md"));
        let msgs: Vec<String> = dirs.unused(&cfg).into_iter().map(|d| d.message).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs[0].contains("LK999"));
        assert!(msgs[1].contains("frontlint-disabled"));
        assert!(!dirs.suppresses(rules::find("LK009").unwrap(), 60));
    }
}
