//! Places as general knowledge: the GeoNames list of countries, capitals,
//! continents, US states, large cities and world regions in
//! `data/places.tsv` (made by `scripts/make_places.py`), and the peoples
//! named after them (`Iraqi`, `Kurds`).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::names::{fold, folded_entries};
use super::wordlists::is_people_word;

/// The text of `data/places.tsv`.
pub const PLACES_TEXT: &str = include_str!("data/places.tsv");

fn places() -> &'static FxHashSet<String> {
    static PLACES: OnceLock<FxHashSet<String>> = OnceLock::new();
    PLACES.get_or_init(|| folded_entries(PLACES_TEXT))
}

/// True when the name is a known place.
pub fn is_known_place(name: &str) -> bool {
    places().contains(&fold(name))
}

/// `Iraqi`, `Japanese`, `Muslim`: a people's word in the singular, as it
/// stands before a noun (`Asian states`, `one Japanese refiner`); not
/// `Americans`, which may be a verb's subject.
pub fn is_people_adjective(word: &str) -> bool {
    !word.ends_with('s') && is_demonym(word)
}

/// `Iraqi`, `Kurdish`, `Americans`, `Kurds`: a people or an adjective made
/// from a place, not an entity.
pub fn is_demonym(name: &str) -> bool {
    // `Pro-Iranian`, `Anti-American`; stripped in a loop, as a word of a
    // million `pro-` would otherwise recurse a million deep.
    let mut name = name;
    while let Some((_, people)) = name
        .split_once('-')
        .filter(|(prefix, _)| ["pro", "anti", "non"].contains(&prefix.to_lowercase().as_str()))
    {
        name = people;
    }
    let folded = fold(name);
    let plural = folded.strip_suffix('s');
    let singular = plural.unwrap_or(&folded);
    if is_people_word(singular) {
        return true;
    }
    if folded.contains(' ') {
        // `South Korean`, `South Africans`: a place's whole name with an
        // ending; `Sunni Arab`: peoples' words only.
        return ["n", "an", "ian", "i", "ese"]
            .iter()
            .filter_map(|suffix| singular.strip_suffix(suffix))
            .any(|stem| places().contains(stem))
            || folded
                .split(' ')
                .all(|word| is_demonym(word) && !places().contains(word));
    }
    let of_a_place_prefix = ["ian", "ean", "ese", "ish", "an", "ic", "i"]
        .iter()
        .filter_map(|suffix| singular.strip_suffix(suffix))
        .filter(|stem| stem.chars().count() >= 3)
        .any(|stem| place_prefixes().contains(stem));
    // A bare stem counts only for a plural of four letters or more
    // (`Kurds`): `ISIS` is no people.
    let plural_of_a_place_prefix =
        plural.is_some() && singular.chars().count() >= 4 && place_prefixes().contains(singular);
    // `Serb`, `Tajik`: the stem of `Serbia`, `Tajikistan`.
    let stem_of_a_place = singular.chars().count() >= 4
        && ["ia", "istan", "a"]
            .iter()
            .any(|ending| places().contains(&format!("{singular}{ending}")));
    // `Vermonter`, `New Yorker`: a whole place name and `-er`.
    let place_and_er = singular
        .strip_suffix("er")
        .is_some_and(|place| places().contains(place));
    of_a_place_prefix || plural_of_a_place_prefix || stem_of_a_place || place_and_er
}

/// Every prefix (of three letters or more) of every known place name.
fn place_prefixes() -> &'static FxHashSet<String> {
    static PREFIXES: OnceLock<FxHashSet<String>> = OnceLock::new();
    PREFIXES.get_or_init(|| {
        places()
            .iter()
            .flat_map(|p| {
                let first: String = p.split(' ').next().unwrap_or_default().to_owned();
                (3..=first.len())
                    .filter(|&n| first.is_char_boundary(n))
                    .map(|n| first[..n].to_owned())
                    .collect::<Vec<_>>()
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peoples_are_named_after_known_places() {
        assert!(is_demonym("Iraqi") && is_demonym("Kurds") && is_demonym("American"));
        assert!(is_demonym("South Korean") && is_demonym("Serb") && is_demonym("French"));
        assert!(is_demonym("Sunni Arab") && is_demonym("Iraqi Kurds") && is_demonym("Pro-Iranian"));
        assert!(!is_demonym("ISIS") && !is_demonym("Reuters") && !is_demonym("Iraqi Kurdistan"));
    }

    #[test]
    fn a_word_of_a_million_prefixes_does_not_exhaust_the_stack() {
        let word = format!("{}Iranian", "Pro-".repeat(1_000_000));
        assert!(is_demonym(&word));
    }
}
