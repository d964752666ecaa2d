//! Build script: precompiles the embedded Hunspell dictionaries
//! (`rules/dictionaries/<lang>/`) into `fst` sets of every accepted word form,
//! so that a run loads a dictionary without parsing affix rules (see
//! `src/spell/expand.rs` for why and for what is supported).

#[path = "src/spell/expand.rs"]
mod expand;

use std::path::{Path, PathBuf};

/// The dictionaries compiled into the binary.
const LANGUAGES: &[&str] = &["fr", "en"];

fn build_set(words: &[String], path: &Path) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut builder = fst::SetBuilder::new(std::io::BufWriter::new(file))
        .map_err(|e| format!("fst builder: {e}"))?;
    for w in words {
        builder
            .insert(w)
            .map_err(|e| format!("fst insert `{w}`: {e}"))?;
    }
    builder.finish().map_err(|e| format!("fst finish: {e}"))
}

fn main() -> Result<(), String> {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    println!("cargo:rerun-if-changed=src/spell/expand.rs");
    for lang in LANGUAGES {
        let dir = Path::new("rules/dictionaries").join(lang);
        let aff_path = dir.join(format!("{lang}.aff"));
        let dic_path = dir.join(format!("{lang}.dic"));
        println!("cargo:rerun-if-changed={}", aff_path.display());
        println!("cargo:rerun-if-changed={}", dic_path.display());
        let aff = std::fs::read_to_string(&aff_path)
            .map_err(|e| format!("{}: {e}", aff_path.display()))?;
        let dic = std::fs::read_to_string(&dic_path)
            .map_err(|e| format!("{}: {e}", dic_path.display()))?;
        let expansion =
            expand::expand(&aff, &dic).map_err(|e| format!("{}: {e}", aff_path.display()))?;
        build_set(&expansion.words, &out_dir.join(format!("{lang}.words.fst")))?;
        build_set(
            &expansion.no_suggest,
            &out_dir.join(format!("{lang}.nosuggest.fst")),
        )?;
    }
    Ok(())
}
