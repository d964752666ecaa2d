use crate::rules::prelude::*;

rule_meta!(
    "MK005",
    "stray-emphasis-marker",
    Markdown,
    Some(Severity::Warning),
    false,
    "`**` or `__` left as literal text: emphasis that did not close."
);

pub struct StrayEmphasisMarker;

impl Rule for StrayEmphasisMarker {
    impl_meta!();

    fn check(&self, doc: &Document, _ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // Math of the block being read, worked out once per block.
        let mut math: Option<(usize, Vec<Span>)> = None;
        for run in &doc.scan.prose {
            let s = doc.slice(run.span);
            if crate::rules::links::is_template(s) {
                continue;
            }
            let b = s.as_bytes();
            if !s.contains("**") && !s.contains("__") {
                continue;
            }
            // A line of only markers is a thematic break or table art.
            let only_markers = s
                .trim()
                .bytes()
                .all(|x| x == b'*' || x == b'_' || x == b' ');
            if math.as_ref().is_none_or(|(block, _)| *block != run.block) {
                let block = doc
                    .scan
                    .paragraphs
                    .get(run.block)
                    .map_or(run.span, |p| p.span);
                math = Some((run.block, math_spans(doc.slice(block), block.start)));
            }
            let in_math = |at: usize| {
                math.as_ref().is_some_and(|(_, spans)| {
                    // Sorted and disjoint: the only candidate is the last
                    // span starting at or before `at`.
                    let k = spans.partition_point(|m| m.start <= at);
                    k > 0 && at < spans[k - 1].end
                })
            };
            let mut i = 0;
            while i + 1 < b.len() {
                let c = b[i];
                if (c == b'*' || c == b'_') && b[i + 1] == c {
                    let mut j = i + 2;
                    while j < b.len() && b[j] == c {
                        j += 1;
                    }
                    let prev = s[..i].chars().next_back();
                    let next = s[j..].chars().next();
                    let digits = prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit());
                    let flagged = if c == b'_' {
                        underscores_look_stray(prev, next)
                    } else {
                        !digits
                    };
                    if flagged && !only_markers && !in_math(run.span.start + i) {
                        let marker = &s[i..j];
                        let span = Span::new(run.span.start + i, run.span.start + j);
                        out.push(
                            Diagnostic::new(&META, span, format!("stray `{marker}`: this emphasis did not open or close"))
                                .with_help("emphasis markers must touch the text: `**bold**`, not `** bold**`; escape them (`\\*\\*`) to show them"),
                        );
                    }
                    i = j;
                    continue;
                }
                i += 1;
            }
        }
    }
}

/// `__` is also how identifiers start (`__init__`, `__Namespace`,
/// `### __AllParameterSets`): it is broken emphasis only when it touches
/// whitespace on its inner side — `__ bold__` (an opener followed by a
/// space) or `__bold __` (a closer after a space) — and a word character
/// is not on its other side.
fn underscores_look_stray(prev: Option<char>, next: Option<char>) -> bool {
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    (!word(prev) && space(next)) || (space(prev) && !word(next))
}

/// The spans of TeX math in `text` (a block starting at file offset
/// `base`): `$$...$$`, and `$...$` where the opening `$` is followed by a
/// non-space and the closing one follows a non-space and is not followed by
/// a digit (so `$5 and $10` is not math).
fn math_spans(text: &str, base: usize) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // Whether a closing `$$` / `$` may still lie ahead. Whether a `$` can
    // close does not depend on where its math opened, so once a search
    // fails, later ones would fail too: skipping them keeps this linear.
    let mut display_ahead = true;
    let mut inline_ahead = true;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] != b'$' {
            i += 1;
            continue;
        }
        if b.get(i + 1) == Some(&b'$') {
            let found = if display_ahead {
                text[i + 2..].find("$$")
            } else {
                None
            };
            match found {
                Some(k) => {
                    let end = i + 2 + k + 2;
                    out.push(Span::new(base + i, base + end));
                    i = end;
                }
                None => {
                    display_ahead = false;
                    i += 2;
                }
            }
            continue;
        }
        let opens = inline_ahead && b.get(i + 1).is_some_and(|c| !c.is_ascii_whitespace());
        let close = opens
            .then(|| {
                (i + 1..b.len()).find(|&k| {
                    b[k] == b'$'
                        && b[k - 1] != b'\\'
                        && !b[k - 1].is_ascii_whitespace()
                        && !b.get(k + 1).is_some_and(u8::is_ascii_digit)
                })
            })
            .flatten();
        match close {
            Some(k) => {
                out.push(Span::new(base + i, base + k + 1));
                i = k + 1;
            }
            None => {
                inline_ahead &= !opens;
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_not_stray() {
        assert!(!underscores_look_stray(None, Some('A')));
        assert!(!underscores_look_stray(Some(' '), Some('N')));
        assert!(!underscores_look_stray(Some('t'), Some('.')));
        assert!(underscores_look_stray(None, Some(' ')));
        assert!(underscores_look_stray(Some(' '), None));
        assert!(!underscores_look_stray(Some('d'), None));
    }

    #[test]
    fn math() {
        let spans = |t: &str| -> Vec<String> {
            math_spans(t, 0)
                .iter()
                .map(|s| t[s.range()].to_string())
                .collect()
        };
        assert_eq!(spans("x $$a**b$$ y"), vec!["$$a**b$$"]);
        assert_eq!(spans("x $a**2$ y"), vec!["$a**2$"]);
        assert_eq!(spans("costs $5 and $10"), Vec::<String>::new());
        assert_eq!(spans(r"\$x$"), Vec::<String>::new());
    }
}
