//! Counts of findings per rule: the table that ends the human report and
//! the whole output of `--statistics`.

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use crate::Report;

/// How many findings one rule produced in a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    pub code: &'static str,
    pub name: &'static str,
    pub count: usize,
    /// Findings `--fix` would repair.
    pub fixable: usize,
    /// Findings only `--unsafe-fixes` would repair.
    pub unsafe_fixable: usize,
}

/// Per-rule counts, most frequent first (then by code, so the order is
/// stable from run to run).
pub fn rule_counts(report: &Report) -> Vec<RuleCount> {
    let mut by_code: HashMap<&'static str, RuleCount> = HashMap::new();
    for (_, d) in report.diagnostics() {
        let c = by_code.entry(d.rule.code).or_insert_with(|| RuleCount {
            code: d.rule.code,
            name: d.rule.name,
            count: 0,
            fixable: 0,
            unsafe_fixable: 0,
        });
        c.count += 1;
        match &d.fix {
            Some(f) if f.safe => c.fixable += 1,
            Some(_) => c.unsafe_fixable += 1,
            None => {}
        }
    }
    let mut v: Vec<RuleCount> = by_code.into_values().collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    v
}

/// The per-rule table, aligned, one rule a line:
/// `   6  MK001  emphasis-as-heading`, with how many are fixable after it.
pub fn write_table(out: &mut dyn Write, counts: &[RuleCount]) -> std::io::Result<()> {
    let width = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(1);
    let name_width = counts.iter().map(|c| c.name.len()).max().unwrap_or(0);
    for c in counts {
        let mut fix = Vec::new();
        if c.fixable > 0 {
            fix.push(format!("{} fixable", c.fixable));
        }
        if c.unsafe_fixable > 0 {
            fix.push(format!("{} fixable with --unsafe-fixes", c.unsafe_fixable));
        }
        let line = format!(
            "{:>width$}  {:<6} {:<name_width$}  {}",
            c.count,
            c.code,
            c.name,
            fix.join(", "),
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// `--statistics`: the table alone, or as JSON with `--format json`.
pub fn write_statistics(out: &mut dyn Write, report: &Report, json: bool) -> std::io::Result<()> {
    let counts = rule_counts(report);
    if json {
        serde_json::to_writer_pretty(&mut *out, &counts).map_err(std::io::Error::other)?;
        return writeln!(out);
    }
    write_table(out, &counts)
}
