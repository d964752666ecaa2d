//! English grammar through harper-core, in process.
//!
//! harper's curated linter set is built once per thread (it takes a while and
//! its linters need `&mut`), so calls from rayon workers never contend. Each
//! paragraph becomes a plain-text harper document; harper reports spans in
//! characters of that text, which [`EngineText`] maps back to the file. The
//! rule id is harper's linter name (`AnA`, `RepeatedWords`), the category its
//! lint kind.
//!
//! Masked stretches (code, URLs) become harper's own `Unlintable` tokens, as
//! its Markdown parser does for code: its linters then neither read the
//! placeholder as a word ("an `Rc<T>`" would become "an Xxxxx…", a wrong a/an)
//! nor pair two placeholders as a repeated word.

use std::cell::RefCell;

use std::ops::Range;

use harper_core::linting::{LintGroup, Suggestion};
use harper_core::parsers::{Parser, PlainEnglish};
use harper_core::spell::FstDictionary;
use harper_core::{Dialect, Document, Lrc, Span, Token, TokenKind};

use super::filter::RuleFilter;
use super::text::EngineText;
use super::{Engine, GrammarFinding, GrammarOptions, ProseParagraph};

/// The spell-checking linter: spelling belongs to the TY rules, and skipping
/// it saves most of harper's time.
const SPELL_CHECK: &str = "SpellCheck";

struct Harper {
    group: LintGroup,
    /// The curated configuration, restored before each call's own settings.
    curated: harper_core::linting::FlatConfig,
}

impl Harper {
    fn new() -> Self {
        let group = LintGroup::new_curated(FstDictionary::curated(), Dialect::American);
        let curated = group.config.clone();
        Self { group, curated }
    }

    /// Applies `opts` to the linter switches: allowed linters on (some are off
    /// in harper's curated set), denied ones and spell-checking off.
    fn configure(&mut self, opts: &GrammarOptions) {
        let mut config = self.curated.clone();
        for name in &opts.allow {
            if self.group.contains_key(name) {
                config.set_rule_enabled(name, true);
            }
        }
        for name in &opts.deny {
            if self.group.contains_key(name) {
                config.set_rule_enabled(name, false);
            }
        }
        config.set_rule_enabled(SPELL_CHECK, false);
        self.group.config = config;
    }
}

thread_local! {
    static HARPER: RefCell<Option<Harper>> = const { RefCell::new(None) };
}

/// Checks the English paragraphs of one document with harper; returns the
/// findings sorted by position, with file byte ranges.
pub fn check_english(
    text: &str,
    paragraphs: &[ProseParagraph],
    opts: &GrammarOptions,
) -> Vec<GrammarFinding> {
    HARPER.with(|cell| {
        let mut slot = cell.borrow_mut();
        let harper = slot.get_or_insert_with(Harper::new);
        harper.configure(opts);
        let filter = RuleFilter::new(opts);
        let mut findings = Vec::new();
        for para in paragraphs {
            let engine_text = EngineText::build(text, para);
            if engine_text.has_letters() {
                lint_paragraph(harper, &engine_text, &filter, &mut findings);
            }
        }
        findings.sort_by(|a, b| {
            (a.range.start, a.range.end, &a.rule_id).cmp(&(b.range.start, b.range.end, &b.rule_id))
        });
        findings.dedup();
        findings
    })
}

/// Plain English, except that each masked stretch is one `Unlintable` token.
struct MaskedPlainEnglish {
    /// Masked character ranges of the source, sorted and disjoint.
    masks: Vec<Range<usize>>,
}

impl Parser for MaskedPlainEnglish {
    fn parse(&self, source: &[char]) -> Vec<Token> {
        let mut tokens = Vec::new();
        let plain = |range: Range<usize>, tokens: &mut Vec<Token>| {
            let Some(chars) = source.get(range.clone()) else {
                return;
            };
            tokens.extend(PlainEnglish.parse(chars).into_iter().map(|mut t| {
                t.span.push_by(range.start);
                t
            }));
        };
        let mut cursor = 0;
        for mask in &self.masks {
            if mask.start < cursor || mask.end > source.len() {
                continue;
            }
            plain(cursor..mask.start, &mut tokens);
            tokens.push(Token::new(
                Span::new(mask.start, mask.end),
                TokenKind::Unlintable,
            ));
            cursor = mask.end;
        }
        plain(cursor..source.len(), &mut tokens);
        tokens
    }
}

fn lint_paragraph(
    harper: &mut Harper,
    engine_text: &EngineText,
    filter: &RuleFilter<'_>,
    out: &mut Vec<GrammarFinding>,
) {
    let parser = MaskedPlainEnglish {
        masks: engine_text.mask_char_ranges(),
    };
    let source: Lrc<[char]> = engine_text.as_str().chars().collect();
    let document = Document::new_from_chars(source, &parser, &FstDictionary::curated());
    for (linter, lints) in harper.group.organized_lints(&document) {
        for lint in lints {
            let category = lint.lint_kind.to_string_key();
            if !filter.keeps(Engine::Harper, &linter, &category) {
                continue;
            }
            let chars = lint.span.start..lint.span.end;
            let Some(mapped) = engine_text.to_file(chars.clone()) else {
                continue;
            };
            let original = engine_text.slice_chars(chars);
            let suggestions = lint
                .suggestions
                .iter()
                .map(|s| match s {
                    Suggestion::ReplaceWith(with) => with.iter().collect(),
                    Suggestion::Remove => String::new(),
                    Suggestion::InsertAfter(extra) => {
                        let mut s = original.clone();
                        s.extend(extra.iter());
                        s
                    }
                })
                .collect();
            out.push(GrammarFinding {
                range: mapped.range,
                engine: Engine::Harper,
                rule_id: linter.clone(),
                category,
                message: lint.message,
                suggestions,
                replaceable: mapped.replaceable,
                alternative: false,
            });
        }
    }
}
