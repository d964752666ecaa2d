//! Applying fixes: non-overlapping edits, repeated to a fixed point, written
//! atomically. Fixes never touch bytes outside their spans, so line endings,
//! a byte-order mark and everything else stay as they were.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::document::Span;

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FixOptions {
    /// Apply unsafe fixes too (`--unsafe-fixes`).
    pub unsafe_fixes: bool,
}

/// Applies the fixes of `diagnostics` that `opts` allows, skipping any that
/// overlaps one already taken. Returns the new text and how many were applied.
pub fn apply(text: &str, diagnostics: &[Diagnostic], opts: FixOptions) -> (String, usize) {
    let mut fixes: Vec<&crate::diagnostic::Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.safe || opts.unsafe_fixes)
        .filter(|f| {
            f.span.end <= text.len()
                && text.is_char_boundary(f.span.start)
                && text.is_char_boundary(f.span.end)
        })
        .collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut last_span: Option<Span> = None;
    let mut applied = 0;
    for f in fixes {
        if let Some(prev) = last_span {
            // Overlapping, or two edits at the same point: keep the first;
            // the next round picks up what still applies.
            if f.span.start < prev.end
                || (f.span.start == prev.start && f.span.start == prev.end)
                || f.span.start < last
            {
                continue;
            }
        }
        out.push_str(&text[last..f.span.start]);
        out.push_str(&f.replacement);
        last = f.span.end;
        last_span = Some(f.span);
        applied += 1;
    }
    out.push_str(&text[last..]);
    (out, applied)
}

/// Why a fixed file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file changed on disk since it was read.
    Changed,
    Io(std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed => {
                f.write_str("the file changed on disk while it was being fixed; not written")
            }
            WriteError::Io(e) => write!(f, "cannot write the fixed file: {e}"),
        }
    }
}

/// Writes `new` to `path` through a temporary file in the same folder and a
/// rename, keeping the file's permissions, and only if the file still holds
/// `original` — so an interrupted run never leaves a half-written post and a
/// concurrent edit is never overwritten.
///
/// A symbolic link is written through: the file it points to gets the new
/// text and the link stays a link (renaming over the link itself would
/// replace it with a regular file and leave its target unfixed).
pub fn write_atomically(path: &Path, original: &[u8], new: &[u8]) -> Result<(), WriteError> {
    let resolved;
    let path = if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        resolved = fs::canonicalize(path).map_err(WriteError::Io)?;
        resolved.as_path()
    } else {
        path
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let meta = fs::metadata(path).map_err(WriteError::Io)?;
    let tmp: PathBuf = dir.join(format!(".{name}.frontlint-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(WriteError::Io)?;
        f.write_all(new).map_err(WriteError::Io)?;
        f.sync_all().map_err(WriteError::Io)?;
        fs::set_permissions(&tmp, meta.permissions()).map_err(WriteError::Io)?;
        let now = fs::read(path).map_err(WriteError::Io)?;
        if now != original {
            return Err(WriteError::Changed);
        }
        fs::rename(&tmp, path).map_err(WriteError::Io)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A unified diff of `old` → `new`, labelled with `path`.
pub fn unified_diff(path: &Path, old: &str, new: &str) -> String {
    let p = path.display().to_string();
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("a/{}", p.trim_start_matches('/')),
            &format!("b/{}", p.trim_start_matches('/')),
        )
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;
    use crate::rules::markdown::missing_final_newline::META;

    fn d(start: usize, end: usize, rep: &str, safe: bool) -> Diagnostic {
        Diagnostic::new(&META, Span::new(start, end), "x").with_fix(Fix {
            span: Span::new(start, end),
            replacement: rep.into(),
            safe,
        })
    }

    #[test]
    fn non_overlapping_and_safe_only() {
        let t = "abcdef";
        let ds = [
            d(0, 1, "A", true),
            d(0, 2, "Z", true),
            d(3, 4, "D", false),
            d(5, 6, "F", true),
        ];
        assert_eq!(
            apply(t, &ds, FixOptions::default()),
            ("AbcdeF".to_string(), 2)
        );
        assert_eq!(
            apply(t, &ds, FixOptions { unsafe_fixes: true }),
            ("AbcDeF".to_string(), 3)
        );
    }

    #[test]
    fn atomic_write_refuses_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        fs::write(&p, "one").unwrap();
        assert!(matches!(
            write_atomically(&p, b"other", b"two"),
            Err(WriteError::Changed)
        ));
        assert_eq!(fs::read_to_string(&p).unwrap(), "one");
        write_atomically(&p, b"one", b"two").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "two");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn atomic_write_goes_through_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real").join("a.md");
        fs::create_dir(target.parent().unwrap()).unwrap();
        fs::write(&target, "one").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink("real/a.md", &link).unwrap();
        write_atomically(&link, b"one", b"two").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "two");
        assert_eq!(fs::read_dir(target.parent().unwrap()).unwrap().count(), 1);
    }
}
