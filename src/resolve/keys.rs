//! The keys names are grouped by: what two spellings of one name share.
//!
//! - People: folded words without particles, initials or a leading title,
//!   role or demonym (`Vermonter Bernie Sanders` → `bernie sanders`).
//! - Acronyms: their letters, apart from every other key, so that `EU`
//!   never meets `EA` and `AIDS` never meets `ADS`.
//! - Other names: the spelling skeleton (`Kata'ib`, `Kataeb`).

use std::borrow::Cow;

pub(crate) use crate::analyze::acronym_letters;
use crate::analyze::{
    is_acronym, is_calendar_word, is_demonym, is_female_honorific, is_given_name, is_known_place,
    is_name_connector, is_not_a_name_word, is_title_word, name_key, name_words, skeleton, WordSet,
};

/// The words a person's name is grouped and matched by.
pub fn person_key(name: &str) -> Vec<String> {
    name_words(without_lead_in(name))
}

/// The words of a person's name that the canonical name keeps: the name
/// as written without a leading title, role or demonym.
pub fn without_lead_in(name: &str) -> &str {
    let mut rest = name.trim();
    loop {
        let Some((first, tail)) = rest.split_once(' ') else {
            return rest;
        };
        if !is_lead_in(first) {
            return rest;
        }
        rest = tail.trim_start();
    }
}

/// A word before a person's name that is not part of it. A given name
/// that looks like a people's adjective (`Julian`, as `Juliaca` is a city;
/// `Herman`) is part of it, and so is a woman's honorific: `Ms. Trump` with
/// no given name is not short for `Donald Trump`.
fn is_lead_in(word: &str) -> bool {
    (is_title_word(word) && !is_female_honorific(word))
        || (is_people_adjective(word) && !is_given_name(word))
}

/// `Iraqi`, `Vermonter`, `Lebanese`: a place's name, or a long start of
/// one, with an adjective's ending, that is no place itself. Stricter than
/// the analyzer's demonym test, which also takes `Tehran` (`Tehr-an`),
/// `Hamas` (`Hama-s`) and `Ghani` (`Ghan-a`).
pub fn is_people_adjective(word: &str) -> bool {
    const ENDINGS: [&str; 9] = ["i", "ian", "ean", "ese", "ish", "an", "n", "er", "ic"];
    let lower = word.to_lowercase();
    // The cheap test first: most words have no such ending.
    let stems: Vec<&str> = ENDINGS
        .iter()
        .filter_map(|ending| lower.strip_suffix(ending))
        .collect();
    if stems.is_empty() {
        return false;
    }
    let of_a_place = stems.iter().any(|stem| is_known_place(stem))
        || (stems.iter().any(|stem| stem.chars().count() >= 5) && is_demonym(word));
    of_a_place && !is_known_place(word)
}

/// False for what is no entity however it was tagged: a single letter,
/// wire boilerplate (`REUTER`, `NOTE`), a company suffix alone (`Co`), and
/// names ending in a month or day name (`Record March`).
pub fn is_a_name(value: &str) -> bool {
    let letters = value.chars().filter(|c| c.is_alphabetic()).count();
    let words: Vec<&str> = value
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let filler = |w: &&str| is_not_a_name_word(w) || is_calendar_word(w);
    // `Pay April`, `Record March`: table headings cut around a date.
    let ends_in_a_date = words.last().is_some_and(|w| is_calendar_word(w));
    letters >= 2 && !words.iter().all(filler) && !ends_in_a_date
}

/// The key of an organisation's or a place's name; a company suffix at
/// the end is no part of it (`International Business Machines Corp.`).
pub fn spelling_key(name: &str) -> String {
    if is_acronym(name) {
        return name_key(name);
    }
    let trimmed = name.trim().trim_end_matches(['.', ',']);
    let without_suffix = match trimmed.rsplit_once(' ') {
        Some((rest, last)) if is_not_a_name_word(last) && !rest.trim().is_empty() => rest,
        _ => trimmed,
    };
    // `Standard & Poor's`, `Standard and Poor's`: one name.
    skeleton(&head_first(&without_suffix.replace(" & ", " and ")))
}

/// Heads of names that English writes last or first with `of`.
static INVERTED_HEADS: WordSet =
    WordSet::new(include_str!("../analyze/data/words/inverted_heads.txt"));

/// A name in the order that puts its head first (`Justice Department` →
/// `Department of Justice`), so that both orders key alike. A leading
/// place or acronym stays in front (`U.S. Agriculture Department` →
/// `U.S. Department of Agriculture`), and `of the` reads as `of`
/// (`Department of the Treasury`).
fn head_first(name: &str) -> Cow<'_, str> {
    let is = |word: &str, lower: &str| word.eq_ignore_ascii_case(lower);
    let last = name.split_whitespace().next_back().unwrap_or(name);
    let head_listed = INVERTED_HEADS.contains(&last.to_lowercase());
    let has_of_the = name
        .as_bytes()
        .windows(8)
        .any(|w| w.eq_ignore_ascii_case(b" of the "));
    // Most names have neither: they key as they are, with nothing built.
    if !head_listed && !has_of_the {
        return Cow::Borrowed(name);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if let Some((head, rest)) = words.split_last().filter(|_| head_listed) {
        let front = rest
            .iter()
            .take_while(|w| is_acronym(w) || is_known_place(w))
            .count();
        let inverts = front < rest.len() && !rest.iter().any(|w| is(w, "of"));
        if inverts {
            let mut ordered = rest[..front].to_vec();
            ordered.extend([*head, "of"]);
            ordered.extend(&rest[front..]);
            return Cow::Owned(ordered.join(" "));
        }
    }
    let after_of = |i: usize| i > 0 && is(words[i - 1], "of");
    let kept: Vec<&str> = (0..words.len())
        .filter(|&i| !(is(words[i], "the") && after_of(i)))
        .map(|i| words[i])
        .collect();
    Cow::Owned(kept.join(" "))
}

/// The initials of a name spelled out, word for word (`United States` →
/// `us`, `Securities and Exchange Commission` → `sec`): one letter per
/// capitalized word, connectors skipped. Stricter than the article
/// reader's initials, which only need an acronym defined beside its name
/// to start with the right letter: across the index nothing says the two
/// belong together but the letters. `None` unless every other word is
/// a capitalized word that is not itself an acronym (`ICO Board of
/// Management` is not `IBM`), and there are at least two.
pub fn initials(name: &str) -> Option<String> {
    let mut letters = String::new();
    for word in name.split([' ', '-']).filter(|w| !w.is_empty()) {
        if is_name_connector(word) {
            continue;
        }
        let first = word.chars().next()?;
        let spelled_out = word.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        if !first.is_uppercase() || !spelled_out || is_acronym(word) {
            return None;
        }
        letters.extend(first.to_lowercase());
    }
    (letters.chars().count() >= 2).then_some(letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_demonyms_before_a_name_are_not_its_key() {
        assert_eq!(
            person_key("Vermonter Bernie Sanders"),
            ["bernie", "sanders"]
        );
        assert_eq!(
            person_key("Justice Brett M. Kavanaugh"),
            ["brett", "m", "kavanaugh"]
        );
        assert_eq!(person_key("Minister"), ["minister"]);
        assert_eq!(without_lead_in("Exchequer Gordon Brown"), "Gordon Brown");
        assert_eq!(without_lead_in("Gordon Brown"), "Gordon Brown");
        // `Julian` reads as a people's adjective (`Juliaca` is a city), but
        // it is a given name.
        assert!(is_people_adjective("Julian"));
        assert_eq!(without_lead_in("Julian Castro"), "Julian Castro");
        assert_eq!(person_key("Julian Castro"), ["julian", "castro"]);
        assert_eq!(
            without_lead_in("Karim Yusuf al-Dabbagh"),
            "Karim Yusuf al-Dabbagh"
        );
    }

    #[test]
    fn boilerplate_letters_and_peoples_are_no_names() {
        for not in [
            "REUTER",
            "NOTE",
            "Co",
            "Inc.",
            "S",
            "P",
            "GMT",
            "Pay April",
            "March",
        ] {
            assert!(!is_a_name(not), "{not}");
        }
        let names = ["Reuters", "Houthis", "April Ryan", "US"];
        for name in names {
            assert!(is_a_name(name), "{name}");
        }
        for word in ["Iraqi", "Vermonter", "Lebanese", "Syrian"] {
            assert!(is_people_adjective(word), "{word}");
        }
        for word in ["Hamas", "Tehran", "Jordan", "Karim", "Ghani"] {
            assert!(!is_people_adjective(word), "{word}");
        }
    }

    #[test]
    fn acronyms_keep_their_letters_apart_from_skeletons() {
        for us in ["US", "U.S.", "U. S", "U.S"] {
            assert!(is_acronym(us), "{us}");
            assert_eq!(spelling_key(us), "#us");
        }
        assert_ne!(spelling_key("EU"), spelling_key("EIA"));
        assert_ne!(spelling_key("AIDS"), spelling_key("ADS"));
        assert_ne!(spelling_key("EST"), spelling_key("East"));
        assert_eq!(
            spelling_key("International Business Machines Corp."),
            spelling_key("International Business Machines")
        );
        assert_eq!(
            spelling_key("Standard & Poor's Corp"),
            spelling_key("Standard and Poor's")
        );
        assert!(!is_acronym("Us"));
        assert!(!is_acronym("Iraq"));
    }

    #[test]
    fn a_head_written_last_or_first_with_of_keys_alike() {
        let same = [
            ("Quorn Department", "Department of Quorn"),
            ("Treasury Department", "Department of the Treasury"),
            ("U.S. Quorn Department", "U.S. Department of Quorn"),
            ("Tarva Ministry", "Ministry of Tarva"),
            ("Appeals Court", "Court of Appeals"),
        ];
        for (last, first) in same {
            assert_eq!(spelling_key(last), spelling_key(first), "{last}");
        }
        // The qualifier in front is part of the name.
        assert_ne!(
            spelling_key("U.S. Quorn Department"),
            spelling_key("Department of Quorn")
        );
        // Only listed heads turn: `World Bank` is no `Bank of World`.
        assert_ne!(spelling_key("Quorn Bank"), spelling_key("Bank of Quorn"));
        assert_eq!(spelling_key("Department"), spelling_key("department"));
    }

    #[test]
    fn initials_are_word_for_word() {
        assert_eq!(initials("United States").as_deref(), Some("us"));
        assert_eq!(
            initials("Securities and Exchange Commission").as_deref(),
            Some("sec")
        );
        assert_eq!(initials("ICO Board of Management"), None);
        assert_eq!(initials("Iraq"), None);
        assert_eq!(initials("U. S"), None);
        assert_eq!(
            initials("Approved Destinations Status").as_deref(),
            Some("ads")
        );
    }
}
