//! The joining rules 2 to 5 of [`super`]: names with one key, short forms
//! of a person's name, acronyms, and stand-ins (a place's area, a state's
//! abbreviation, a listed other name), each joining names in the
//! [`DisjointSets`] that `group` then reads.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::keys::{self, spelling_key};
use super::sets::{dominant, DisjointSets};
use super::Name;
use crate::analyze::{
    abbreviates, is_acronym, is_division_word, is_known_place, is_not_a_name_word, is_short_form,
    state_abbreviated, EntityKind,
};

/// Rule 2: names with one key are one entity; a person by its person key,
/// another kind by its spelling key.
pub(super) fn join_same_keys(
    keys: &[Vec<String>],
    spelling_keys: &[String],
    kinds: &[EntityKind],
    sets: &mut DisjointSets,
) {
    let mut first: FxHashMap<(EntityKind, String), usize> = FxHashMap::default();
    for i in 0..keys.len() {
        let key = match kinds[i] {
            EntityKind::Person => keys[i].join(" "),
            _ => spelling_keys[i].clone(),
        };
        if key.is_empty() {
            continue;
        }
        match first.entry((kinds[i], key)) {
            std::collections::hash_map::Entry::Occupied(j) => sets.join(i, *j.get()),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
}

/// Rule 3: short forms of people's names join the full name: a surname or
/// a shorter full name, or else a given name alone the full name begins with.
/// A full name with an organisation's word (`Kata'ib Hezbollah`, tagged a
/// person somewhere) takes no short forms: `Hezbollah` is not its surname.
pub(super) fn join_short_forms(
    names: &[Vec<String>],
    kinds: &[EntityKind],
    org_like: &[bool],
    sets: &mut DisjointSets,
) {
    let mut keys: BTreeMap<&Vec<String>, usize> = BTreeMap::new();
    for (i, key) in names.iter().enumerate() {
        if kinds[i] == EntityKind::Person && !key.is_empty() && !org_like[i] {
            keys.entry(key).or_insert(i);
        }
    }
    let mut by_last: FxHashMap<&str, Vec<(&Vec<String>, usize)>> = FxHashMap::default();
    let mut by_first: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (&key, &i) in &keys {
        if let Some(last) = key.last() {
            by_last.entry(last.as_str()).or_default().push((key, i));
        }
        if let [first, _, ..] = key.as_slice() {
            by_first.entry(first.as_str()).or_default().push(i);
        }
    }
    // Longest first, so that a full name has joined its own fuller form
    // before a shorter one is weighed against it.
    let mut order: Vec<(&Vec<String>, usize)> = keys.iter().map(|(&k, &i)| (k, i)).collect();
    order.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
    for (key, i) in order {
        let Some(last) = key.last() else { continue };
        let longer: Vec<usize> = by_last[last.as_str()]
            .iter()
            .filter(|(other, _)| other.len() > key.len() && is_short_form(key, other))
            .filter(|(other, _)| keeps_initials(key, other))
            .map(|&(_, j)| j)
            .collect();
        // Else a given name alone (`Hillary`, beside a rare `Edmund Hillary`).
        let target = match (dominant(sets, &longer), key.as_slice()) {
            (Some(target), _) => Some(target),
            (None, [word]) => {
                let given = by_first.get(word.as_str()).map_or(&[][..], Vec::as_slice);
                dominant(sets, given)
            }
            (None, _) => None,
        };
        if let Some(target) = target {
            sets.join(i, target);
        }
    }
}

/// A name with a middle initial is not short for one with other initials:
/// `George W. Bush` is not `George H. W. Bush`, while `Donald Trump` may
/// be `Donald J. Trump`.
fn keeps_initials(short: &[String], full: &[String]) -> bool {
    let is_initial = |w: &&String| w.chars().count() == 1;
    !short.iter().any(|w| is_initial(&w))
        || full.iter().filter(is_initial).all(|w| short.contains(w))
}

/// Rule 4: acronyms join the one name they are the initials of.
pub(super) fn join_acronyms(names: &[&Name], kinds: &[EntityKind], sets: &mut DisjointSets) {
    let mut by_initials: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, name) in names.iter().enumerate() {
        if kinds[i] != EntityKind::Person {
            if let Some(letters) = keys::initials(&name.value) {
                by_initials.entry(letters).or_default().push(i);
            }
        }
    }
    let stated = stated_expansions(names, kinds);
    // Weighed before any acronym joins, so that one acronym's articles do
    // not tip the choice of another.
    let mut joins = Vec::new();
    for (i, name) in names.iter().enumerate() {
        if kinds[i] == EntityKind::Person || !is_acronym(&name.value) {
            continue;
        }
        let letters = keys::acronym_letters(&name.value);
        // `USDA` is the U.S. Agriculture Department in the articles that
        // spell it out, though its letters are another's initials.
        // Several stated expansions: the one with most of their articles
        // (`Cable News Network` over a joke's); if none has, the initials
        // decide as below.
        let stated = stated.get(&(kinds[i], letters.clone()));
        if let Some(target) = stated.and_then(|candidates| dominant(sets, candidates)) {
            joins.push((i, target));
            continue;
        }
        // `SK` (a company) is no `South Korea`: an acronym joins a name of
        // its own kind.
        let expansions: Vec<usize> = by_initials
            .get(&letters)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&j| kinds[j] == kinds[i])
            .collect();
        // `First Boston Inc` is a weaker `FBI` than the Federal Bureau of
        // Investigation: initials that end in a company's suffix count only
        // when no name spells the letters out without one.
        let spelled_out: Vec<usize> = expansions
            .iter()
            .copied()
            .filter(|&j| !ends_in_a_suffix(&names[j].value))
            .collect();
        let expansions = if spelled_out.is_empty() {
            expansions
        } else {
            spelled_out
        };
        if let Some(target) = dominant(sets, &expansions) {
            joins.push((i, target));
        }
    }
    for (i, target) in joins {
        sets.join(i, target);
    }
    join_acronyms_written_as_words(names, kinds, sets);
}

/// For each acronym (kind and letters), the spelled-out names that
/// articles define it as (`Long Name (LN)` read in the article): the link
/// the corpus states, which rule 4 prefers to matching initials.
fn stated_expansions(
    names: &[&Name],
    kinds: &[EntityKind],
) -> FxHashMap<(EntityKind, String), Vec<usize>> {
    let mut stated: FxHashMap<(EntityKind, String), Vec<usize>> = FxHashMap::default();
    for (j, name) in names.iter().enumerate() {
        if kinds[j] == EntityKind::Person || is_acronym(&name.value) {
            continue;
        }
        // Only a name the acronym spells: `UN` resolved in its article to
        // the `United Nations General Assembly` does not define it.
        let acronyms = name
            .spellings
            .iter()
            .filter(|(s, _)| is_acronym(s) && abbreviates(s, &name.value));
        for (spelling, _) in acronyms {
            let holders = stated
                .entry((kinds[j], keys::acronym_letters(spelling)))
                .or_default();
            if !holders.contains(&j) {
                holders.push(j);
            }
        }
    }
    stated
}

/// True for a name whose last word is a company's suffix (`Inc`, `Corp.`).
fn ends_in_a_suffix(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(is_not_a_name_word)
}

/// An acronym written as a word (`Nato`, `Amex`), or a short word in a
/// capitals headline (`IRAN`), is the same name in other case: it joins
/// the name written in capitals with the same letters. Words of four
/// letters or more only: a shorter one may already stand with another
/// spelling by its skeleton (`Cia` with `Cie`), which would take the
/// acronym (`CIA`) along.
fn join_acronyms_written_as_words(names: &[&Name], kinds: &[EntityKind], sets: &mut DisjointSets) {
    let not_person = |i: &usize| kinds[*i] != EntityKind::Person;
    let mut in_capitals: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for i in (0..names.len()).filter(not_person) {
        let value = names[i].value.trim();
        if is_acronym(value) && value.chars().all(char::is_alphabetic) {
            in_capitals.entry(value.to_lowercase()).or_default().push(i);
        }
    }
    for i in (0..names.len()).filter(not_person) {
        let value = names[i].value.trim();
        let one_word = value.chars().all(char::is_alphabetic);
        if !one_word || value.chars().count() < 4 || is_acronym(value) {
            continue;
        }
        for &j in in_capitals.get(&value.to_lowercase()).into_iter().flatten() {
            sets.join(i, j);
        }
    }
}

/// Rule 5: a name joins the one it stands for, when the index took both
/// for the same kind, never persons: a place's area named after it (`Gaza
/// Strip`, `Anbar Province`) is that place when the index names the place
/// alone, so is a region named with its country (`Kurdistan Region of
/// Iraq`), a US state's news abbreviation (`Calif.`), and a
/// country's or an organisation's other name (`Britain`, `Fed`) is the
/// name it stands for.
pub(super) fn join_stand_ins(
    names: &[&Name],
    spelling_keys: &[String],
    kinds: &[EntityKind],
    sets: &mut DisjointSets,
) {
    let by_key: FxHashMap<(&str, EntityKind), usize> = spelling_keys
        .iter()
        .zip(kinds)
        .enumerate()
        .filter(|(_, (_, kind))| **kind != EntityKind::Person)
        .map(|(i, (key, kind))| ((key.as_str(), *kind), i))
        .collect();
    for (i, name) in names.iter().enumerate() {
        let Some(key) = stands_for(&name.value, kinds[i]) else {
            continue;
        };
        if let Some(&j) = by_key.get(&(key.as_str(), kinds[i])) {
            sets.join(i, j);
        }
    }
}

/// The spelling key of the name that `value`, taken for `kind`, stands
/// for under rule 5.
fn stands_for(value: &str, kind: EntityKind) -> Option<String> {
    if kind == EntityKind::Person {
        return None;
    }
    if kind == EntityKind::Place {
        let divided = value.trim().rsplit_once(' ');
        let place = match divided {
            Some((place, last)) => Some(place).filter(|_| is_division_word(last)),
            None => state_abbreviated(value),
        };
        if let Some(place) = place.or_else(|| region_of_country(value)) {
            return Some(spelling_key(place));
        }
    }
    other_name(value).map(spelling_key)
}

/// `Kurdistan Region of Iraq`: the region (`Kurdistan Region`) named
/// with the known place it lies in.
fn region_of_country(value: &str) -> Option<&str> {
    let (region, country) = value.trim().rsplit_once(" of ")?;
    (region.contains(' ') && is_known_place(country)).then_some(region)
}

/// The name another name stands for (`Britain` → `united kingdom`, `Fed`
/// → `federal reserve`), from `data/words/other_names.txt`. A name in
/// capitals matches only an entry written so (`GOP`, not `FED`).
pub(super) fn other_name(value: &str) -> Option<&'static str> {
    static NAMES: OnceLock<FxHashMap<String, (&'static str, &'static str)>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        include_str!("../analyze/data/words/other_names.txt")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once('\t'))
            .map(|(other, name)| (other.to_lowercase(), (other, name)))
            .collect()
    });
    let value = value.trim();
    let &(written, name) = names.get(value.to_lowercase().as_str())?;
    (!is_acronym(value) || value == written).then_some(name)
}
