//! The curated misspelling lists stay consistent with the dictionaries: a
//! listed misspelling is never a word of its language, every correction is.

use frontlint::spell::*;

fn check_list(lang: Lang, also_not_in: Option<Lang>) {
    let dict = Dictionary::french()
        .and_then(|fr| {
            if lang == Lang::French {
                Ok(fr)
            } else {
                Dictionary::english()
            }
        })
        .expect("embedded dictionary");
    let other = also_not_in.map(|l| match l {
        Lang::French => Dictionary::french(),
        _ => Dictionary::english(),
    });
    let mut bad = Vec::new();
    let mut count = 0;
    for (typo, corrections) in misspellings(&lang) {
        count += 1;
        let shape_ok = typo.chars().count() >= 3 && typo.chars().all(|c| c.is_lowercase());
        if !shape_ok || dict.check(typo) || corrections.is_empty() {
            bad.push(format!("{typo}: bad shape or a real word"));
        }
        if let Some(Ok(other)) = &other
            && other.check(typo)
        {
            bad.push(format!("{typo}: a word of the other language"));
        }
        for c in corrections {
            // `d'ailleurs`: the dictionary holds the word after the elision.
            let words = c.split(' ').map(|w| w.rsplit('\'').next().unwrap_or(w));
            if !words.clone().all(|w| dict.check(w)) {
                bad.push(format!("{typo}: correction {c} unknown"));
            }
        }
    }
    assert!(count > 0);
    assert!(bad.is_empty(), "{lang}: {:?}", &bad[..bad.len().min(40)]);
}

#[test]
fn english_list_is_consistent() {
    check_list(Lang::English, None);
}

#[test]
fn french_list_is_consistent() {
    // French entries must not be English words either: French text accepts
    // English terms.
    check_list(Lang::French, Some(Lang::English));
}
