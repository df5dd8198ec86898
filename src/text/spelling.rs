//! British spellings rewritten the American way, so that `Mobilisation`
//! and `Mobilization` are one word to the index and to name matching.

/// Suffix rewrites: (British suffix, American suffix, letters needed before it).
const SUFFIXES: [(&str, &str, usize); 18] = [
    ("isations", "izations", 3),
    ("isation", "ization", 3),
    ("ising", "izing", 4),
    ("ised", "ized", 4),
    ("iser", "izer", 4),
    ("isers", "izers", 4),
    ("ises", "izes", 4),
    ("ise", "ize", 4),
    ("ysing", "yzing", 3),
    ("ysed", "yzed", 3),
    ("yse", "yze", 3),
    ("ours", "ors", 3),
    ("oured", "ored", 3),
    ("ouring", "oring", 3),
    ("ourite", "orite", 3),
    ("our", "or", 3),
    ("tres", "ters", 3),
    ("tre", "ter", 3),
];
/// Whole words whose British form is not a suffix pattern.
const WORDS: [(&str, &str); 8] = [
    ("defence", "defense"),
    ("defences", "defenses"),
    ("offence", "offense"),
    ("offences", "offenses"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("pretence", "pretense"),
    ("programme", "program"),
];

/// The American spelling of a lower-case word, if it differs.
pub fn american_spelling(word: &str) -> Option<String> {
    // Every British form above holds one of these pairs of letters (`is`,
    // `ys`, `ur`, `re`, `nc`, `mm`); one pass over a word's bytes lets most
    // words go before the two dozen comparisons below. It is asked of
    // every word indexed.
    let may_be_british = word.as_bytes().windows(2).any(|pair| {
        matches!(
            pair,
            [b'i' | b'y', b's'] | [b'u', b'r'] | [b'r', b'e'] | [b'n', b'c'] | [b'm', b'm']
        )
    });
    if !may_be_british {
        return None;
    }
    if let Some((_, american)) = WORDS.iter().find(|(british, _)| *british == word) {
        return Some((*american).to_owned());
    }
    SUFFIXES.iter().find_map(|(british, american, stem)| {
        let base = word.strip_suffix(british)?;
        (base.len() >= *stem && base.is_ascii()).then(|| format!("{base}{american}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_suffixes_and_words_become_american() {
        assert_eq!(
            american_spelling("mobilisation").as_deref(),
            Some("mobilization")
        );
        assert_eq!(american_spelling("defence").as_deref(), Some("defense"));
        assert_eq!(american_spelling("colour").as_deref(), Some("color"));
        assert_eq!(american_spelling("four"), None);
    }
}
