//! The link-check cache file: URL → outcome + time checked, so a second run
//! within `cache_max_age` sends no request for URLs already known.
//!
//! Owns the file format (JSON with a version number and a fingerprint of the
//! settings that change verdicts), freshness rules, and atomic writes. A cache
//! that cannot be read is never fatal: it is ignored with a warning and rewritten.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::options::LinkCheckOptions;
use super::outcome::UrlOutcome;

/// Bump when the meaning or shape of entries changes; older files are ignored.
pub const CACHE_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    /// Settings that change verdicts; entries made under other settings are not
    /// reused (a cache made without fragment checks knows nothing of anchors).
    settings: String,
    entries: BTreeMap<String, CacheEntry>,
}

/// One cached verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheEntry {
    pub outcome: UrlOutcome,
    /// Seconds since the Unix epoch.
    pub checked_at: u64,
}

/// The cache of one run: loaded at the start, updated, saved at the end.
#[derive(Debug)]
pub struct Cache {
    path: PathBuf,
    settings: String,
    entries: HashMap<String, CacheEntry>,
}

/// Seconds since the Unix epoch, now.
pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The fingerprint of the settings that change verdicts.
pub fn settings_key(opts: &LinkCheckOptions) -> String {
    format!(
        "fragments={};accept={:?};user_agent={};max_redirects={}",
        opts.check_fragments, opts.accept, opts.user_agent, opts.max_redirects
    )
}

impl Cache {
    /// Reads `path`. A missing file is an empty cache; an unreadable, corrupt or
    /// old-version file is an empty cache plus a warning.
    pub fn load(path: &Path, settings: String, warnings: &mut Vec<String>) -> Cache {
        let mut cache = Cache {
            path: path.to_path_buf(),
            settings,
            entries: HashMap::new(),
        };
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return cache,
            Err(e) => {
                warnings.push(format!(
                    "link cache {} could not be read ({e}); checking every URL again",
                    path.display()
                ));
                return cache;
            }
        };
        let version = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v.get("version").and_then(|n| n.as_u64()));
        match version {
            Some(v) if v == u64::from(CACHE_VERSION) => {}
            Some(v) => {
                warnings.push(format!(
                    "link cache {} has format version {v}, this frontlint writes version \
                     {CACHE_VERSION}: ignored, it will be rewritten",
                    path.display()
                ));
                return cache;
            }
            None => {
                warnings.push(format!(
                    "link cache {} is corrupt (not a frontlint cache file): ignored, it will \
                     be rewritten",
                    path.display()
                ));
                return cache;
            }
        }
        match serde_json::from_str::<CacheFile>(&text) {
            Ok(file) if file.settings == cache.settings => {
                cache.entries = file.entries.into_iter().collect();
            }
            // Other settings: the entries answer another question; start afresh
            // quietly, this is expected after a config change.
            Ok(_) => {}
            Err(e) => warnings.push(format!(
                "link cache {} is corrupt ({e}): ignored, it will be rewritten",
                path.display()
            )),
        }
        cache
    }

    /// The cached outcome of `url` if it is still fresh at `now`.
    pub fn fresh(&self, url: &str, now: u64, opts: &LinkCheckOptions) -> Option<&UrlOutcome> {
        let entry = self.entries.get(url)?;
        is_fresh(entry, now, opts).then_some(&entry.outcome)
    }

    /// Records the outcome of `url`, checked at `now`.
    pub fn insert(&mut self, url: &str, outcome: UrlOutcome, now: u64) {
        self.entries.insert(
            url.to_string(),
            CacheEntry {
                outcome,
                checked_at: now,
            },
        );
    }

    /// Number of entries (fresh or not).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the cache holds no entry.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Writes the fresh entries atomically: a temporary file in the same folder,
    /// then a rename over the old file, so a crash or a concurrent reader never
    /// sees half a file.
    pub fn save(&self, now: u64, opts: &LinkCheckOptions) -> io::Result<()> {
        let file = CacheFile {
            version: CACHE_VERSION,
            settings: self.settings.clone(),
            entries: self
                .entries
                .iter()
                .filter(|(_, e)| is_fresh(e, now, opts))
                .map(|(k, e)| (k.clone(), e.clone()))
                .collect(),
        };
        let text = serde_json::to_vec(&file).map_err(io::Error::other)?;
        let dir = match self.path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "frontlint-cache".to_string());
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let written = (|| {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(&text)?;
            f.sync_all()?;
            fs::rename(&tmp, &self.path)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        written
    }
}

fn is_fresh(entry: &CacheEntry, now: u64, opts: &LinkCheckOptions) -> bool {
    let max_age = if entry.outcome.is_failure() {
        opts.failure_max_age
    } else {
        opts.cache_max_age
    };
    // An entry from the future (clock changed) is not trusted.
    if entry.checked_at > now.saturating_add(60) {
        return false;
    }
    Duration::from_secs(now.saturating_sub(entry.checked_at)) < max_age
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::links::outcome::DeadCause;

    fn opts() -> LinkCheckOptions {
        LinkCheckOptions {
            cache_max_age: Duration::from_secs(100),
            failure_max_age: Duration::from_secs(10),
            ..LinkCheckOptions::default()
        }
    }

    fn dead() -> UrlOutcome {
        UrlOutcome::Dead {
            cause: DeadCause::Status(404),
            detail: String::new(),
        }
    }

    #[test]
    fn round_trip_and_ageing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("cache.json");
        let o = opts();
        let mut warnings = Vec::new();
        let mut cache = Cache::load(&path, settings_key(&o), &mut warnings);
        assert!(
            cache.is_empty() && warnings.is_empty(),
            "missing file is quiet"
        );
        cache.insert(
            "https://a.example/",
            UrlOutcome::Alive { status: 200 },
            1000,
        );
        cache.insert("https://b.example/", dead(), 1000);
        cache.save(1000, &o).expect("save");

        let cache = Cache::load(&path, settings_key(&o), &mut warnings);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(cache.len(), 2);
        assert_eq!(
            cache.fresh("https://a.example/", 1005, &o),
            Some(&UrlOutcome::Alive { status: 200 })
        );
        assert_eq!(cache.fresh("https://b.example/", 1005, &o), Some(&dead()));
        // Failures expire sooner than successes.
        assert_eq!(cache.fresh("https://b.example/", 1050, &o), None);
        assert!(cache.fresh("https://a.example/", 1050, &o).is_some());
        assert_eq!(cache.fresh("https://a.example/", 1200, &o), None);
        // Not trusted from the future.
        assert_eq!(cache.fresh("https://a.example/", 10, &o), None);

        // Saving prunes what is stale; no temporary file is left behind.
        cache.save(1050, &o).expect("save");
        let again = Cache::load(&path, settings_key(&o), &mut warnings);
        assert_eq!(again.len(), 1);
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("read_dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("cache.json")]);
    }

    #[test]
    fn corrupt_or_old_cache_is_ignored_with_a_warning() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("cache.json");
        let o = opts();
        for (text, needle) in [
            ("{not json", "corrupt"),
            ("[1,2,3]", "corrupt"),
            (r#"{"version": 0, "entries": {}}"#, "version 0"),
            (r#"{"version": 1, "settings": 3}"#, "corrupt"),
        ] {
            fs::write(&path, text).expect("write");
            let mut warnings = Vec::new();
            let cache = Cache::load(&path, settings_key(&o), &mut warnings);
            assert!(cache.is_empty());
            assert_eq!(warnings.len(), 1, "{text}");
            assert!(warnings[0].contains(needle), "{text}: {warnings:?}");
        }
    }

    #[test]
    fn other_settings_start_afresh_quietly() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("cache.json");
        let o = opts();
        let mut cache = Cache::load(&path, settings_key(&o), &mut Vec::new());
        cache.insert(
            "https://a.example/",
            UrlOutcome::Alive { status: 200 },
            1000,
        );
        cache.save(1000, &o).expect("save");
        let with_fragments = LinkCheckOptions {
            check_fragments: true,
            ..opts()
        };
        let mut warnings = Vec::new();
        let cache = Cache::load(&path, settings_key(&with_fragments), &mut warnings);
        assert!(cache.is_empty() && warnings.is_empty());
    }
}
