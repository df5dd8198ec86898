//! The words of speech that attribution relies on: reporting verbs in
//! their forms (`said`, `admitted`, `shot back`), nouns for something said
//! (`remark`), and the small words around an attribution. The lists are
//! data files in `data/words/`.

use super::wordlists::{lowercase, singular, WordSet};

/// Verbs (as lemmas) that report speech or a stance.
static REPORTING_LEMMAS: WordSet = WordSet::new(include_str!("data/words/reporting_lemmas.txt"));

/// Irregular forms of reporting verbs.
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("swore", "swear"),
    ("cried", "cry"),
];

/// The lemma of a reporting verb form (`stressed` → `stress`), if it is one.
pub fn reporting_lemma(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    if let Some((_, lemma)) = IRREGULAR.iter().find(|(form, _)| *form == lower) {
        return Some(lemma);
    }
    let candidates = [
        Some(lower.clone()),
        lower.strip_suffix('s').map(str::to_owned),
        lower.strip_suffix("es").map(str::to_owned),
        lower.strip_suffix("ies").map(|s| format!("{s}y")),
        lower.strip_suffix("ied").map(|s| format!("{s}y")),
        lower.strip_suffix("ed").map(str::to_owned),
        lower.strip_suffix('d').map(str::to_owned),
        lower.strip_suffix("ing").map(str::to_owned),
        lower.strip_suffix("ing").map(|s| format!("{s}e")),
        lower.strip_suffix("ying").map(|s| format!("{s}y")),
        // `admitted`, `quipping`: a doubled final consonant.
        undoubled(&lower, "ed"),
        undoubled(&lower, "ing"),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|c| REPORTING_LEMMAS.get(&c))
}

/// Two-word verbs of speech (`shot back`, `chimed in`).
static REPORTING_PHRASES: WordSet = WordSet::new(include_str!("data/words/reporting_phrases.txt"));

/// True when `verb particle` reports speech (`fired back`, `weighs in`).
pub fn is_reporting_phrase(verb: &str, particle: &str) -> bool {
    matches!(particle, "back" | "in" | "up" | "on")
        && REPORTING_PHRASES.contains(&format!("{} {particle}", lowercase(verb)))
}

/// `admitted` → `admit`: a form whose stem doubled its final consonant.
fn undoubled(word: &str, suffix: &str) -> Option<String> {
    let stem = word.strip_suffix(suffix)?;
    let mut last_two = stem.chars().rev();
    let (last, before) = (last_two.next()?, last_two.next()?);
    (last == before && !"aeiou".contains(last))
        .then(|| stem[..stem.len() - last.len_utf8()].to_owned())
}

/// Nouns for something said (`comment`, `pledge`).
static SPEECH_NOUNS: WordSet = WordSet::new(include_str!("data/words/speech_nouns.txt"));

/// True for a noun naming something said or written (`remarks`, `claim`).
pub fn is_speech_noun(word: &str) -> bool {
    SPEECH_NOUNS.contains(&singular(&lowercase(word)))
}

/// Determiners and the like (`data/words/phrase_openers.txt`).
static PHRASE_OPENERS: WordSet = WordSet::new(include_str!("data/words/phrase_openers.txt"));

/// True for a word after which a reporting word is a noun (`the claims`),
/// and which may open a speaker's noun phrase (`the X faction`).
pub fn is_phrase_opener(word: &str) -> bool {
    PHRASE_OPENERS.contains(&lowercase(word))
}

/// Auxiliaries and adverbs between a speaker and its verb.
static VERB_COMPANIONS: WordSet = WordSet::new(include_str!("data/words/verb_companions.txt"));

/// True for an adverb in -ly or a word that may stand between a speaker
/// and the reporting verb (`also`, `has`).
pub fn is_verb_companion(word: &str) -> bool {
    let ly = word.ends_with("ly")
        && word.len() > 4
        && word.chars().next().is_some_and(char::is_lowercase);
    ly || VERB_COMPANIONS.contains(word)
}

/// Prepositions whose name sets the scene (`In Washington, ...`).
static SCENE_PREPOSITIONS: WordSet =
    WordSet::new(include_str!("data/words/scene_prepositions.txt"));

/// True for a preposition whose object sets the scene rather than speaks.
pub fn is_scene_preposition(word: &str) -> bool {
    SCENE_PREPOSITIONS.contains(&lowercase(word))
}

/// Words that may follow an attribution that closes a quotation.
static ATTRIBUTION_TAILS: WordSet = WordSet::new(include_str!("data/words/attribution_tails.txt"));

/// True for a word that may follow `X said` when the attribution ends
/// there (`said Tuesday`, `said in a statement`).
pub fn is_attribution_tail(word: &str) -> bool {
    ATTRIBUTION_TAILS.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_verbs_are_recognised_in_their_forms() {
        for (form, lemma) in [
            ("said", "say"),
            ("stressed", "stress"),
            ("emphasizing", "emphasize"),
            ("clarified", "clarify"),
            ("urges", "urge"),
            ("noted", "note"),
            ("told", "tell"),
            ("warning", "warn"),
            ("vowing", "vow"),
            ("admitted", "admit"),
            ("quipping", "quip"),
        ] {
            assert_eq!(reporting_lemma(form), Some(lemma), "{form}");
        }
        assert_eq!(reporting_lemma("conducted"), None);
        assert_eq!(reporting_lemma("views"), None);
        assert_eq!(reporting_lemma("called"), Some("call"));
        assert_eq!(reporting_lemma("planned"), None);
        assert!(is_reporting_phrase("Shot", "back"));
        assert!(!is_reporting_phrase("shot", "down"));
    }

    #[test]
    fn every_list_file_holds_lower_case_entries() {
        for list in [
            &REPORTING_LEMMAS,
            &REPORTING_PHRASES,
            &SPEECH_NOUNS,
            &PHRASE_OPENERS,
            &VERB_COMPANIONS,
            &SCENE_PREPOSITIONS,
            &ATTRIBUTION_TAILS,
        ] {
            let entries = list.entries();
            assert!(!entries.is_empty());
            assert!(
                entries.iter().all(|e| e.to_lowercase() == *e),
                "{entries:?}"
            );
        }
        assert!(is_verb_companion("reportedly") && is_verb_companion("also"));
        assert!(!is_verb_companion("Italy"));
    }
}
