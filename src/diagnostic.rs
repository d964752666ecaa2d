//! What rules report: a rule, a severity, a span, a message, maybe a fix.

use crate::document::Span;
use crate::rules::RuleMeta;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Reads a severity as written in config; `Ok(None)` means "off".
    pub fn parse_setting(s: &str) -> Result<Option<Severity>, String> {
        match s {
            "error" => Ok(Some(Severity::Error)),
            "warning" | "warn" => Ok(Some(Severity::Warning)),
            "info" => Ok(Some(Severity::Info)),
            "off" | "allow" | "ignore" => Ok(None),
            other => Err(format!(
                "unknown severity `{other}`: use \"error\", \"warning\", \"info\" or \"off\""
            )),
        }
    }
}

/// A replacement of the bytes of `span`. `safe` fixes are applied by
/// `--fix`; the others only with `--unsafe-fixes`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
    pub safe: bool,
}

impl Fix {
    pub fn safe(span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            span,
            replacement: replacement.into(),
            safe: true,
        }
    }

    pub fn unsafe_(span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            span,
            replacement: replacement.into(),
            safe: false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// For link rules: the destination as written (or the URL requested).
    pub url: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at the rule's default severity (config may change it).
    pub fn new(rule: &'static RuleMeta, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            rule,
            severity: rule.default_severity.unwrap_or(Severity::Warning),
            span,
            message: message.into(),
            help: None,
            fix: None,
            url: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
}
