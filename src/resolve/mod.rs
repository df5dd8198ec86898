//! Entity resolution across the index: which names, from all articles,
//! are one person, organisation or place, of which kind, under which name.
//!
//! Each article has already resolved its own names to their fullest form
//! (`Trump` → `Donald Trump` where the article says so). This module
//! groups those values across articles; it knows nothing of tantivy, and
//! `index` runs it once per commit.
//!
//! - `keys`: what spellings of one name share (folded words, skeletons,
//!   acronym letters, initials).
//! - `canonical`: the name and kind an entity is shown with.
//! - `sets`: the union–find the rules join names in, and which of several
//!   entities a short form or an acronym joins.
//!
//! The rules, in order (ARCHITECTURE.md spells them out with examples):
//! 1. A name's kind is voted over all its mentions, as a person, an
//!    organisation or a place, weighted by passages; speakers vote person.
//! 2. Names with one key are one entity (case, possessives, diacritics,
//!    spelling variants, a leading title or demonym).
//! 3. A shorter form of a person's name (`Trump`, `Donald Trump`) joins the
//!    full name that carries it (`Donald J. Trump`), when there is one, or
//!    when one of several has at least [`DOMINANT_SHARE`] of their articles;
//!    so does a given name alone (`Hillary`) that joins no surname so.
//! 4. An acronym (`U.S.`, `UN`) joins the name of its own kind whose
//!    initials it is, word for word, under the same condition; a name whose
//!    company suffix gives the last initial only when no other does.
//! 5. A place's area named after it (`Gaza Strip`), a US state's news
//!    abbreviation (`Calif.`) or a country's other name (`Britain`) joins
//!    the place.
//! 6. A group named in the plural that was voted a place (`Houthis`), whose
//!    singular is a name too, is an organisation with its singular.

mod canonical;
mod keys;
mod sets;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use crate::analyze::{
    is_division_word, is_honorific, is_known_place, is_not_a_name_word, is_org_word, is_short_form,
    state_abbreviated, EntityKind,
};

use crate::analyze::{abbreviates, is_acronym};
use keys::{is_a_name, person_key, spelling_key};
use sets::{dominant, DisjointSets};

/// The share of articles among several full names that lets a short form
/// or an acronym join the most used one: `Trump` joins `Donald Trump`
/// beside a few `Ivanka Trump`, while a bare `Clinton` beside both Bill
/// and Hillary Clinton stays apart.
pub const DOMINANT_SHARE: f64 = 0.8;

/// Where a name was found: as an entity of one kind, or as a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// Tagged as a person.
    Person,
    /// Tagged as an organisation.
    Org,
    /// Tagged as a place.
    Place,
    /// A quotation's speaker.
    Speaker,
}

impl Source {
    /// The kind a mention from this source votes for.
    fn votes_for(self) -> EntityKind {
        match self {
            Source::Person | Source::Speaker => EntityKind::Person,
            Source::Org => EntityKind::Org,
            Source::Place => EntityKind::Place,
        }
    }
}

/// One name as the articles resolved it, with how much it is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// Where it was found.
    pub source: Source,
    /// The value its article gave it.
    pub value: String,
    /// Passages that hold it.
    pub passages: u64,
    /// Articles that hold it.
    pub articles: u64,
    /// How it was written, and how much each spelling is used.
    pub spellings: Vec<(String, Usage)>,
}

/// How much a spelling is used; more articles first, then more passages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Usage {
    /// Articles that write it.
    pub articles: u64,
    /// Passages that write it.
    pub passages: u64,
}

/// An entity: the names that are one thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The canonical name.
    pub name: String,
    /// Its one kind.
    pub kind: EntityKind,
    /// Indices of its names in the input, in input order.
    pub members: Vec<usize>,
}

/// Groups names into entities; names that are no entity (wire
/// boilerplate, fragments, a people's word alone) are in no group. The result depends only on the set of
/// names, not on their order.
pub fn resolve(names: &[Name]) -> Vec<Group> {
    let mut keys: Vec<Vec<String>> = names.iter().map(|n| person_key(&n.value)).collect();
    let surnames: HashSet<&str> = keys
        .iter()
        .filter(|key| key.len() >= 2)
        .filter_map(|key| key.last().map(String::as_str))
        .collect();
    let kept: Vec<usize> = (0..names.len())
        .filter(|&i| is_entity(&names[i].value, &surnames))
        .collect();
    let subset: Vec<&Name> = kept.iter().map(|&i| &names[i]).collect();
    let subset_keys: Vec<Vec<String>> =
        kept.iter().map(|&i| std::mem::take(&mut keys[i])).collect();
    let mut groups = group(&subset, &subset_keys);
    for group in &mut groups {
        for member in &mut group.members {
            *member = kept[*member];
        }
    }
    groups
}

/// False for what is no entity however it was tagged: see [`is_a_name`];
/// and a people's word alone (`Iraqi`), unless the index knows it as a
/// family name (`Sudani`, of `Mohammed Shia al-Sudani`).
fn is_entity(value: &str, surnames: &HashSet<&str>) -> bool {
    let word = value.trim();
    is_a_name(word)
        && (word.contains(' ')
            || !keys::is_people_adjective(word)
            || surnames.contains(crate::analyze::fold_name(word).as_str()))
}

/// Groups names that are entities, given their person keys.
fn group(names: &[&Name], keys: &[Vec<String>]) -> Vec<Group> {
    let org_like: Vec<bool> = names
        .iter()
        .map(|n| n.value.split([' ', '-']).any(is_org_word))
        .collect();
    let mut kinds = voted_kinds(names, keys, &org_like);
    // `Dr. Ford` is a person even where `Ford` is the company: a name led
    // by an honorific keeps its own kind, and so its own group.
    for (kind, name) in kinds.iter_mut().zip(names) {
        if is_titled_person(name) {
            *kind = EntityKind::Person;
        }
    }
    let plurals = groups_named_in_plural(names, keys, &mut kinds);
    // Computed once: rules 2 and 5 both compare the names of
    // organisations and places by it.
    let spelling_keys: Vec<String> = names
        .iter()
        .zip(&kinds)
        .map(|(name, kind)| match kind {
            EntityKind::Person => String::new(),
            _ => spelling_key(&name.value),
        })
        .collect();
    let mut sets = DisjointSets::new(names);
    for (plural, singular) in plurals {
        sets.join(plural, singular);
    }
    join_same_keys(keys, &spelling_keys, &kinds, &mut sets);
    join_short_forms(keys, &kinds, &org_like, &mut sets);
    join_acronyms(names, &kinds, &mut sets);
    join_stand_ins(names, &spelling_keys, &kinds, &mut sets);
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..names.len() {
        members.entry(sets.root(i)).or_default().push(i);
    }
    let mut groups: Vec<Group> = members
        .into_values()
        .map(|members| {
            let kind = canonical::kind(names, &kinds, &members);
            Group {
                name: canonical::name(names, kind, &members),
                kind,
                members,
            }
        })
        .collect();
    groups.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    groups
}

/// Each name's kind, voted over every name with the same folded words.
/// Speakers vote only where the tagger never named the words: `Hezbollah
/// said` is no evidence that Hezbollah is a person. A name with an
/// organisation's word (`Kata'ib`, `Ministry`) votes organisation when it
/// was tagged a person. A single word also gets the person votes of the
/// full names it is the surname of, and the organisation votes of the
/// company names it is the short name of (`Chrysler`, `Chrysler Corp.`).
fn voted_kinds(names: &[&Name], keys: &[Vec<String>], org_like: &[bool]) -> Vec<EntityKind> {
    let mut votes: HashMap<&[String], [u64; 3]> = HashMap::new();
    for (i, (name, key)) in names.iter().zip(keys).enumerate() {
        let tally = votes.entry(key).or_default();
        // `Mr. Hurt`, `Ms. Trump`: an honorific names a person, whatever
        // the tagger took the name for.
        let kind = match name.source.votes_for() {
            EntityKind::Person if org_like[i] => EntityKind::Org,
            _ if is_titled_person(name) => EntityKind::Person,
            kind => kind,
        };
        if name.source != Source::Speaker {
            tally[kind_slot(kind)] += name.passages.max(1);
        }
    }
    // A surname alone gets the votes of the full names that end in it:
    // `Al-Ghadhban` tagged an organisation once is `Ghani al-Ghadhban`.
    let mut surnames: HashMap<&str, u64> = HashMap::new();
    for (name, key) in names.iter().zip(keys) {
        if let (Source::Person, [_, .., last]) = (name.source, key.as_slice()) {
            *surnames.entry(last.as_str()).or_default() += name.passages.max(1);
        }
    }
    // A company's short name gets the votes of its full name:
    // `Chrysler` tagged a person is `Chrysler Corp.`.
    let mut companies: HashMap<&str, u64> = HashMap::new();
    for (name, key) in names.iter().zip(keys) {
        if let (Source::Org, [short, suffix]) = (name.source, key.as_slice()) {
            if is_not_a_name_word(suffix) {
                *companies.entry(short.as_str()).or_default() += name.passages.max(1);
            }
        }
    }
    // Every word of a person's full name in the index (`chelsea`, `clinton`).
    let person_words: HashSet<&str> = names
        .iter()
        .zip(keys)
        .filter(|(name, key)| name.source == Source::Person && key.len() >= 2)
        .flat_map(|(_, key)| key.iter().map(String::as_str))
        .collect();
    keys.iter()
        .map(|key| {
            let mut tally = votes.get(key.as_slice()).copied().unwrap_or_default();
            if let [word] = key.as_slice() {
                tally[0] += surnames.get(word.as_str()).copied().unwrap_or(0);
                tally[1] += companies.get(word.as_str()).copied().unwrap_or(0);
            }
            // Ties go to the first kind: person, then organisation.
            let mut best = (0..3).rev().max_by_key(|&k| tally[k]).unwrap_or(0);
            // `Twitter`, read as a person by a tagger that never saw it: a
            // single word that is in no person's full name is the other
            // kind it was tagged, when a fair share of its mentions say so.
            if let [word] = key.as_slice() {
                let other = if tally[1] >= tally[2] { 1 } else { 2 };
                let fair_share = tally[other] > 0 && tally[other] * 4 >= tally[0];
                if best == 0 && !person_words.contains(word.as_str()) && fair_share {
                    best = other;
                }
            }
            [EntityKind::Person, EntityKind::Org, EntityKind::Place][best]
        })
        .collect()
}

/// `Mr. Hurt`, `Dr. Ford`: a name led by an honorific, or tagged a person
/// and written so somewhere (the article's value may have dropped it).
fn is_titled_person(name: &Name) -> bool {
    let led_by_honorific = |value: &str| {
        let mut words = value.split_whitespace();
        words.next().is_some_and(is_honorific) && words.next().is_some()
    };
    led_by_honorific(&name.value)
        || (name.source == Source::Person
            && name.spellings.iter().any(|(s, _)| led_by_honorific(s)))
}

/// A group named by its members in the plural (`the Houthis`), which the
/// tagger takes for a place, when its singular is a name too (`Houthi
/// missiles`): places are seldom plural unless the list knows them so
/// (`Philippines`). Both become the organisation; returns the pairs
/// (plural, singular) to join.
fn groups_named_in_plural(
    names: &[&Name],
    keys: &[Vec<String>],
    kinds: &mut [EntityKind],
) -> Vec<(usize, usize)> {
    let mut singulars: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        if let [word] = key.as_slice() {
            singulars.entry(word.as_str()).or_default().push(i);
        }
    }
    let mut pairs = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        let [word] = key.as_slice() else { continue };
        let Some(singular) = word.strip_suffix('s').and_then(|stem| singulars.get(stem)) else {
            continue;
        };
        // A family named in the plural (`the Trumps`) is no group: a
        // singular that is a person more often than the plural is named
        // stays a person.
        let person_passages: u64 = singular
            .iter()
            .filter(|&&j| kinds[j] == EntityKind::Person)
            .map(|&j| names[j].passages)
            .sum();
        let family = person_passages > names[i].passages;
        if kinds[i] == EntityKind::Place && !is_known_place(&names[i].value) && !family {
            kinds[i] = EntityKind::Org;
            for &j in singular {
                kinds[j] = EntityKind::Org;
                pairs.push((i, j));
            }
        }
    }
    pairs
}

fn kind_slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Org => 1,
        EntityKind::Place => 2,
    }
}

fn join_same_keys(
    keys: &[Vec<String>],
    spelling_keys: &[String],
    kinds: &[EntityKind],
    sets: &mut DisjointSets,
) {
    let mut first: HashMap<(EntityKind, String), usize> = HashMap::new();
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
fn join_short_forms(
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
    let mut by_last: HashMap<&str, Vec<(&Vec<String>, usize)>> = HashMap::new();
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
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
fn join_acronyms(names: &[&Name], kinds: &[EntityKind], sets: &mut DisjointSets) {
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
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
) -> HashMap<(EntityKind, String), Vec<usize>> {
    let mut stated: HashMap<(EntityKind, String), Vec<usize>> = HashMap::new();
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
    let mut in_capitals: HashMap<String, Vec<usize>> = HashMap::new();
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
/// alone, so is a US state's news abbreviation (`Calif.`), and a
/// country's or an organisation's other name (`Britain`, `Fed`) is the
/// name it stands for.
fn join_stand_ins(
    names: &[&Name],
    spelling_keys: &[String],
    kinds: &[EntityKind],
    sets: &mut DisjointSets,
) {
    let by_key: HashMap<(&str, EntityKind), usize> = spelling_keys
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
        if let Some(place) = place {
            return Some(spelling_key(place));
        }
    }
    other_name(value).map(spelling_key)
}

/// The name another name stands for (`Britain` → `united kingdom`, `Fed`
/// → `federal reserve`), from `data/words/other_names.txt`. A name in
/// capitals matches only an entry written so (`GOP`, not `FED`).
pub(super) fn other_name(value: &str) -> Option<&'static str> {
    static NAMES: OnceLock<HashMap<String, (&'static str, &'static str)>> = OnceLock::new();
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

#[cfg(test)]
mod tests;
