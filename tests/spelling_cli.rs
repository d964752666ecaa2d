//! `frontlint spelling --collect` and spelling through the binary.

mod common;
use common::*;

use std::fs;

#[test]
fn collect_lists_unknown_words_by_files() {
    let dir = tempfile::tempdir().unwrap();
    for (i, extra) in ["", " Le frobnicateur aussi.", " Encore le frobnicateur."]
        .iter()
        .enumerate()
    {
        fs::write(
            dir.path().join(format!("p{i}.md")),
            format!("---\ntitle: Billet\nlang: fr\n---\nLe zorglubage avance bien.{extra}\n"),
        )
        .unwrap();
    }
    let out = run(&["spelling", "--collect", "--no-config", path_str(dir.path())]);
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = s
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows,
        vec![vec!["3", "3", "zorglubage"], vec!["2", "2", "frobnicateur"]],
        "{s}"
    );
    assert!(
        s.lines().next().unwrap_or("").ends_with("(3 files read)"),
        "{s}"
    );

    let out = run(&[
        "spelling",
        "--collect",
        "--toml",
        "--min-files",
        "3",
        "--no-config",
        path_str(dir.path()),
    ]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("[spelling]\nwords = [\n  \"zorglubage\", # 3 files\n]"),
        "{s}"
    );
    let out = run(&[
        "spelling",
        "--collect",
        "--toml",
        "--no-config",
        path_str(&dir.path().join("p0.md")),
    ]);
    let one = String::from_utf8(out.stdout).unwrap();
    assert!(one.contains("of 1 file;"), "{one}");
    assert!(one.contains("\"zorglubage\", # 1 file\n"), "{one}");
    // The snippet is a valid config that silences the word.
    fs::write(
        dir.path().join("frontlint.toml"),
        s.replace("# Unknown", "# unknown"),
    )
    .unwrap();
    let (r, _) = json(&[path_str(dir.path())]);
    assert!(
        r["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| !d["message"].as_str().unwrap().contains("zorglubage")),
        "{r}"
    );
}

#[test]
fn site_vocabulary_drops_words_used_across_files() {
    // A word unknown to the dictionary but used in 3 files is the site's
    // own vocabulary (min_documents = 3 by default); a one-off is a typo.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3 {
        let typo = if i == 0 { " Le projjet est prêt." } else { "" };
        fs::write(
            dir.path().join(format!("p{i}.md")),
            format!("---\ntitle: Billet\nlang: fr\n---\nLe zorglubage avance bien.{typo}\n"),
        )
        .unwrap();
    }
    let (r, _) = json(&["--no-config", path_str(dir.path())]);
    let words: Vec<&str> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "TY002")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(words, vec!["unknown word `projjet`"]);
    // Alone, the same post gets both (no site to learn from).
    let (r, _) = json(&["--no-config", path_str(&dir.path().join("p0.md"))]);
    let n = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "TY002")
        .count();
    assert_eq!(n, 2, "{r}");
}

#[test]
fn disable_next_line_silences_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.md");
    fs::write(
        &p,
        "---\ntitle: Billet\nlang: fr\n---\n<!-- frontlint-disable-next-line TY002 -->\nLe zorglubage avance.\n\nLe zorglubage revient.\n",
    )
    .unwrap();
    let (r, _) = json(&["--no-config", path_str(&p)]);
    let lines: Vec<u64> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "TY002")
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![8], "{r}");
}

/// `(rule, line, column, message)` of the spelling findings of one file.
fn spelling_of(text: &str) -> Vec<(String, u64, u64, String)> {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.md");
    fs::write(&p, text).unwrap();
    let (r, _) = json(&["--no-config", path_str(&p)]);
    r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"].as_str().unwrap_or("").starts_with("TY"))
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The messages of the spelling findings of one file.
fn spelling_messages(text: &str) -> Vec<String> {
    spelling_of(text).into_iter().map(|f| f.3).collect()
}

#[test]
fn typos_in_link_text_are_found() {
    let messages = spelling_messages(
        "---\ntitle: Essai\nlang: fr\n---\n\nConsultez [la docummentation](https://x.org/), <a href=\"https://y.org/\">le servcie</a> et [rustup](https://z.org/).\n",
    );
    assert_eq!(
        messages,
        vec!["unknown word `docummentation`", "unknown word `servcie`"],
        "{messages:?}"
    );
}

#[test]
fn long_misspellings_are_found_even_capitalised() {
    let found = spelling_of(
        "---\ntitle: Notes\nlang: en\n---\n\nWe met the Goverment team, then Wirth and Tage joined.\n",
    );
    assert_eq!(
        found,
        vec![(
            "TY001".to_string(),
            6,
            12,
            "`Goverment` is a misspelling of `Government`".to_string()
        )]
    );
}

#[test]
fn short_text_of_unclear_language_keeps_misspellings() {
    // Too short to tell French from English: a word both reject stays,
    // as the listed misspelling.
    let found = spelling_of("---\ntitle: Hi\n---\n\nHello wrold.\n");
    assert_eq!(
        found,
        vec![(
            "TY001".to_string(),
            5,
            7,
            "`wrold` is a misspelling of `world`".to_string()
        )]
    );
}

#[test]
fn repeated_word_points_at_the_second_word_and_comma_fix_keeps_words_apart() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.md");
    let text = "---\ntitle: Notes\nlang: en\n---\n\nHello world ,and the the end.\n";
    fs::write(&p, text).unwrap();
    let found = spelling_of(text);
    assert_eq!(
        found,
        vec![
            ("TY004".to_string(), 6, 12, "space before `,`".to_string()),
            ("TY003".to_string(), 6, 22, "`the` is repeated".to_string()),
        ]
    );
    let out = run(&["--no-config", "--unsafe-fixes", path_str(&p)]);
    assert!(out.status.code().is_some(), "{out:?}");
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        "---\ntitle: Notes\nlang: en\n---\n\nHello world, and the end.\n"
    );
}

#[test]
fn placeholders_and_ordinals_are_not_prose() {
    let messages = spelling_messages(
        "---\ntitle: Essai\nlang: fr\n---\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n\nLe 2<sup>ème</sup> essai, user-centric, avec enccourager.\n",
    );
    assert_eq!(messages, vec!["unknown word `enccourager`"]);
}

#[test]
fn collected_toml_loads_with_combining_accents() {
    let dir = tempfile::tempdir().unwrap();
    // `café` written with a combining accent, twice so it is listed.
    fs::write(
        dir.path().join("p.md"),
        "---\ntitle: Billet\nlang: fr\n---\nUn cafe\u{301} zorglub et un cafe\u{301} zorglub.\n",
    )
    .unwrap();
    let out = run(&[
        "spelling",
        "--collect",
        "--toml",
        "--no-config",
        path_str(dir.path()),
    ]);
    let snippet = String::from_utf8(out.stdout).unwrap();
    assert!(snippet.contains("\"zorglub\""), "{snippet}");
    fs::write(dir.path().join("frontlint.toml"), &snippet).unwrap();
    let (r, code) = json(&[path_str(dir.path())]);
    assert_ne!(code, 2, "the snippet must load: {snippet}\n{r}");
    let ty002 = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "TY002")
        .count();
    assert_eq!(ty002, 0, "{r}");
}

#[test]
fn footnotes_loanwords_markup_and_plural_corrections() {
    // Footnote text is prose; a singular typo gets a singular correction;
    // accented loanwords, emoji shortcodes, globs and superscripts are not
    // typos in English.
    let messages = spelling_messages(
        "---\ntitle: Notes\nlang: en\n---\n\nA claim[^1] about this collcetion, a naïve café résumé :tada: in *.mdx, E = mc<sup>2</sup>.\n\n[^1]: The footnote has a tpyo.\n",
    );
    assert_eq!(
        messages,
        vec![
            "`collcetion` is a misspelling of `collection`",
            "`tpyo` is a misspelling of `typo`"
        ],
        "{messages:?}"
    );
}

#[test]
fn french_capitalised_words_an_accent_away_are_typos() {
    let messages = spelling_messages(
        "---\ntitle: Essai\nlang: fr\n---\n\nLe Ministére a parlé avec la Comission et avec Bérénice Dupont.\n",
    );
    assert_eq!(
        messages,
        vec!["unknown word `Ministére`", "unknown word `Comission`"],
        "{messages:?}"
    );
}

#[test]
fn override_words_add_to_the_global_list() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("en")).unwrap();
    fs::write(
        dir.path().join("frontlint.toml"),
        "[spelling]\nwords = [\"plateformisation\"]\n\n[[overrides]]\npaths = [\"en/**\"]\nspelling = { words = [\"quuxify\"] }\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("en/p.md"),
        "---\ntitle: Notes\nlang: en\n---\n\nWe quuxify the plateformisation and the zorblaxing.\n",
    )
    .unwrap();
    let (r, _) = json(&[path_str(dir.path())]);
    let words: Vec<&str> = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "TY002")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(words, vec!["unknown word `zorblaxing`"], "{r}");
}
