//! SARIF 2.1.0 (`--format sarif`), the format code-scanning services read
//! (GitHub code scanning, Azure DevOps, IDE viewers).
//!
//! One run; the driver lists every rule with its summary, its whole doc as
//! help and a `helpUri` to the doc on the project's site, so a finding can be
//! understood where it is shown. Regions are 1-based lines and columns;
//! columns count Unicode code points, as our line index does, which the run
//! declares with `columnKind` (SARIF's default would be UTF-16 code units).

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::{positions, slash_path};
use crate::Report;
use crate::diagnostic::Severity;
use crate::document::Position;
use crate::rules::{self, RuleMeta};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Relative paths are resolved against this base, which the log maps to the
/// folder frontlint ran in.
const SRCROOT: &str = "SRCROOT";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: Vec<Invocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<serde_json::Value>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    help_uri: String,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    enabled: bool,
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<&'static str>,
    fixable: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ResultProperties<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

impl Region {
    fn new(start: Position, end: Position) -> Region {
        Region {
            start_line: start.line,
            start_column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Text,
    artifact_changes: Vec<ArtifactChange<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: InsertedContent<'a>,
}

#[derive(Serialize)]
struct InsertedContent<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct ResultProperties<'a> {
    url: &'a str,
}

/// The URL of a rule's documentation on the project's site.
pub fn rule_doc_url(rule: &RuleMeta) -> String {
    format!("{}/blob/main/rules/{}.md", crate::REPOSITORY, rule.code)
}

/// A rule doc without its front matter: the Markdown users read.
fn doc_body(doc: &str) -> &str {
    doc.strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|i| &rest[i + 5..]))
        .unwrap_or(doc)
        .trim_start()
}

/// The first paragraph under "## What it flags", unwrapped: a sentence or
/// two that says what the rule is about.
fn first_paragraph(doc: &str) -> Option<String> {
    let after = doc.split("## What it flags").nth(1)?;
    let para: Vec<&str> = after
        .trim_start()
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    (!para.is_empty()).then(|| para.join(" "))
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Percent-encodes a path for a URI: everything but unreserved characters
/// and `/` (a `:` in a first segment would otherwise read as a scheme).
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// An absolute path as a `file:` URI (`file:///C:/x` on Windows).
fn file_uri(path: &str) -> String {
    if path.starts_with('/') {
        format!("file://{}", encode_path(path))
    } else {
        format!("file:///{}", encode_path(path))
    }
}

fn artifact_location(path: &Path) -> ArtifactLocation {
    let s = slash_path(path);
    if path.is_absolute() {
        ArtifactLocation {
            uri: file_uri(&s),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: encode_path(&s),
            uri_base_id: Some(SRCROOT),
        }
    }
}

fn sarif_rule(m: &'static RuleMeta) -> Rule {
    let body = doc_body(m.doc);
    Rule {
        id: m.code,
        name: m.name,
        short_description: Text {
            text: m.summary.to_string(),
        },
        full_description: Text {
            text: first_paragraph(body).unwrap_or_else(|| m.summary.to_string()),
        },
        help: Help {
            text: body.to_string(),
            markdown: body.to_string(),
        },
        help_uri: rule_doc_url(m),
        default_configuration: Configuration {
            enabled: m.default_severity.is_some(),
            level: level(m.default_severity.unwrap_or(Severity::Warning)),
        },
        properties: RuleProperties {
            tags: vec![m.category.as_str()],
            fixable: m.fixable,
        },
    }
}

pub(super) fn write(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    let all = rules::all();
    let mut results = Vec::new();
    for (file, d) in report.diagnostics() {
        let (start, end) = positions(file, d);
        let location = artifact_location(&file.path);
        let fixes = match (&d.fix, &file.text, &file.lines) {
            (Some(f), Some(text), Some(lines)) => vec![SarifFix {
                description: Text {
                    text: if f.safe {
                        "safe fix (applied by --fix)".to_string()
                    } else {
                        "unsafe fix (applied by --fix --unsafe-fixes)".to_string()
                    },
                },
                artifact_changes: vec![ArtifactChange {
                    artifact_location: location.clone(),
                    replacements: vec![Replacement {
                        deleted_region: Region::new(
                            lines.position(text, f.span.start),
                            lines.position(text, f.span.end),
                        ),
                        inserted_content: InsertedContent {
                            text: &f.replacement,
                        },
                    }],
                }],
            }],
            _ => Vec::new(),
        };
        let message = match &d.help {
            Some(h) => format!("{}\nhelp: {h}", d.message),
            None => d.message.clone(),
        };
        results.push(SarifResult {
            rule_id: d.rule.code,
            rule_index: all.iter().position(|m| m.code == d.rule.code),
            level: level(d.severity),
            message: Text { text: message },
            locations: vec![Location {
                physical_location: PhysicalLocation {
                    artifact_location: location,
                    region: Region::new(start, end),
                },
            }],
            fixes,
            properties: d.url.as_deref().map(|url| ResultProperties { url }),
        });
    }
    // Lets a viewer find the files of relative paths on this machine.
    let original_uri_base_ids = std::env::current_dir().ok().map(|cwd| {
        let mut uri = file_uri(&slash_path(&cwd));
        if !uri.ends_with('/') {
            uri.push('/');
        }
        serde_json::json!({ SRCROOT: { "uri": uri } })
    });
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "frontlint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: crate::REPOSITORY,
                    rules: all.iter().map(|m| sarif_rule(m)).collect(),
                },
            },
            invocations: vec![Invocation {
                execution_successful: report.errors.is_empty(),
                tool_execution_notifications: report
                    .errors
                    .iter()
                    .map(|e| Notification {
                        level: "error",
                        message: Text {
                            text: e.to_string(),
                        },
                    })
                    .collect(),
            }],
            original_uri_base_ids,
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log).map_err(std::io::Error::other)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            encode_path("_posts/2020-03-31-x.md"),
            "_posts/2020-03-31-x.md"
        );
        assert_eq!(encode_path("a b/c:d#e.md"), "a%20b/c%3Ad%23e.md");
        assert_eq!(encode_path("été.md"), "%C3%A9t%C3%A9.md");
        assert_eq!(file_uri("/srv/site/a.md"), "file:///srv/site/a.md");
        assert_eq!(file_uri("C:/site/a.md"), "file:///C%3A/site/a.md");
    }

    #[test]
    fn help_is_the_doc_without_front_matter() {
        let m = rules::find("LK004").unwrap();
        let body = doc_body(m.doc);
        assert!(body.starts_with("# LK004 link-text-whitespace"), "{body}");
        let first = first_paragraph(body).unwrap();
        assert!(first.starts_with("Link text that starts or ends with spaces"));
        assert!(!first.contains('\n'));
    }
}
