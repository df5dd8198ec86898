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
//! - `rules`: the joining rules 2 to 5 below.
//! - `sets`: the union–find the rules join names in, and which of several
//!   entities a short form or an acronym joins.
//!
//! The rules, in order (ARCHITECTURE.md spells them out with examples):
//! 1. A name's kind is voted over all its mentions, as a person, an
//!    organisation or a place, weighted by passages; speakers vote person.
//!    A single word the tagger was unsure of takes the kind of the names
//!    of its word cluster.
//! 2. Names with one key are one entity (case, possessives, diacritics,
//!    spelling variants, a leading title or demonym).
//! 3. A shorter form of a person's name (`Trump`, `Donald Trump`) joins the
//!    full name that carries it (`Donald J. Trump`), when there is one, or
//!    when one of several has at least [`DOMINANT_SHARE`] of their articles;
//!    so does a given name alone (`Hillary`) that joins no surname so.
//! 4. An acronym (`U.S.`, `UN`) joins the name of its own kind whose
//!    initials it is, word for word, under the same condition; a name whose
//!    company suffix gives the last initial only when no other does.
//! 5. A place's area named after it (`Gaza Strip`), a region named with
//!    its country (`Kurdistan Region of Iraq`), a US state's news
//!    abbreviation (`Calif.`) or a country's other name (`Britain`) joins
//!    the place.
//! 6. A group named in the plural that was voted a place (`Houthis`), whose
//!    singular is a name too, is an organisation with its singular.

mod canonical;
mod keys;
mod rules;
mod sets;

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::analyze::tagger::finest_cluster;
use crate::analyze::{
    is_honorific, is_known_place, is_not_a_name_word, is_org_word, is_person_role, is_title_head,
    EntityKind,
};
use keys::{is_a_name, person_key, spelling_key};
use rules::{join_acronyms, join_same_keys, join_short_forms, join_stand_ins, other_name};
use sets::DisjointSets;

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
    // What is worked out for each name alone is worked out on every core:
    // a large index has a hundred thousand names.
    let mut keys: Vec<Vec<String>> = names.par_iter().map(|n| person_key(&n.value)).collect();
    let surnames: FxHashSet<&str> = keys
        .iter()
        .filter(|key| key.len() >= 2)
        .filter_map(|key| key.last().map(String::as_str))
        .collect();
    let kept: Vec<usize> = (0..names.len())
        .into_par_iter()
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
fn is_entity(value: &str, surnames: &FxHashSet<&str>) -> bool {
    let word = value.trim();
    is_a_name(word)
        && (word.contains(' ')
            || !keys::is_people_adjective(word)
            || surnames.contains(crate::analyze::fold_name(word).as_str()))
}

/// Groups names that are entities, given their person keys.
fn group(names: &[&Name], keys: &[Vec<String>]) -> Vec<Group> {
    let org_like: Vec<bool> = names
        .par_iter()
        .map(|n| n.value.split([' ', '-']).any(is_org_word))
        .collect();
    let titled: Vec<bool> = names.par_iter().map(|n| is_titled_person(n)).collect();
    let mut kinds = voted_kinds(names, keys, &org_like, &titled);
    // `Dr. Ford` is a person even where `Ford` is the company: a name led
    // by an honorific keeps its own kind, and so its own group.
    for (kind, &titled) in kinds.iter_mut().zip(&titled) {
        if titled {
            *kind = EntityKind::Person;
        }
    }
    let plurals = groups_named_in_plural(names, keys, &mut kinds);
    // Computed once: rules 2 and 5 both compare the names of
    // organisations and places by it.
    let spelling_keys: Vec<String> = names
        .par_iter()
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
    let members: Vec<Vec<usize>> = members.into_values().collect();
    let mut groups: Vec<Group> = members
        .into_par_iter()
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
fn voted_kinds(
    names: &[&Name],
    keys: &[Vec<String>],
    org_like: &[bool],
    titled: &[bool],
) -> Vec<EntityKind> {
    let mut votes: FxHashMap<&[String], [u64; 3]> = FxHashMap::default();
    for (i, (name, key)) in names.iter().zip(keys).enumerate() {
        let tally = votes.entry(key).or_default();
        // `Mr. Hurt`, `Ms. Trump`: an honorific names a person, whatever
        // the tagger took the name for.
        let kind = match name.source.votes_for() {
            EntityKind::Person if org_like[i] => EntityKind::Org,
            _ if titled[i] => EntityKind::Person,
            kind => kind,
        };
        if name.source != Source::Speaker {
            tally[kind_slot(kind)] += name.passages.max(1);
        }
    }
    // A surname alone gets the votes of the full names that end in it:
    // `Al-Ghadhban` tagged an organisation once is `Ghani al-Ghadhban`.
    let mut surnames: FxHashMap<&str, u64> = FxHashMap::default();
    for ((name, key), &org) in names.iter().zip(keys).zip(org_like) {
        if let (Source::Person, [_, .., last], false) = (name.source, key.as_slice(), org) {
            *surnames.entry(last.as_str()).or_default() += name.passages.max(1);
        }
    }
    // A company's short name gets the votes of its full name:
    // `Chrysler` tagged a person is `Chrysler Corp.`.
    let mut companies: FxHashMap<&str, u64> = FxHashMap::default();
    for (name, key) in names.iter().zip(keys) {
        if let (Source::Org, [short, suffix]) = (name.source, key.as_slice()) {
            if is_not_a_name_word(suffix) {
                *companies.entry(short.as_str()).or_default() += name.passages.max(1);
            }
        }
    }
    // Every word of a person's full name in the index (`chelsea`,
    // `clinton`); not of a name with an organisation's word (`Kata'ib
    // Hezbollah`), whatever it was tagged.
    let person_words: FxHashSet<&str> = names
        .iter()
        .zip(keys)
        .zip(org_like)
        .filter(|((name, key), &org)| name.source == Source::Person && key.len() >= 2 && !org)
        .flat_map(|((_, key), _)| key.iter().map(String::as_str))
        .collect();
    let mates = ClusterMates::of(names, keys, &votes);
    // `Coach Zico`, `Lord Carrington`: a name written after a title
    // somewhere is a person's, whatever names news uses alike.
    let titled: FxHashSet<&[String]> = names
        .iter()
        .zip(keys)
        .filter(|(name, _)| name.source == Source::Person && is_led_by_title(name))
        .map(|(_, key)| key.as_slice())
        .collect();
    keys.iter()
        .zip(names)
        .map(|(key, name)| {
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
            // Or, `Hezbollah`, which the tagger never saw and reads as a
            // person more often than not, is of the kind of the names news
            // uses alike (`Hamas`), first.
            if let [word] = key.as_slice() {
                let other = if tally[1] >= tally[2] { 1 } else { 2 };
                let fair_share = tally[other] > 0 && tally[other] * 4 >= tally[0];
                if best == 0 && !person_words.contains(word.as_str()) {
                    // Only where the tagger itself was unsure: `Bono`,
                    // always a person to it, stays one among bands.
                    let unsure = tally[1] + tally[2] > 0 && !titled.contains(key.as_slice());
                    let own = votes.get(key.as_slice()).copied().unwrap_or_default();
                    let as_mates = Some(&name.value)
                        .filter(|_| unsure)
                        .and_then(|value| mates.kind_of(value, own));
                    best = as_mates.or(fair_share.then_some(other)).unwrap_or(best);
                }
            }
            [EntityKind::Person, EntityKind::Org, EntityKind::Place][best]
        })
        .collect()
}

/// The votes of single-word names by their finest word cluster: words
/// that news uses alike (`Hezbollah`, `Hamas`, `Taliban`) are names of a
/// kind.
struct ClusterMates {
    votes: FxHashMap<u16, [u64; 3]>,
}

impl ClusterMates {
    fn of(names: &[&Name], keys: &[Vec<String>], votes: &FxHashMap<&[String], [u64; 3]>) -> Self {
        let mut seen = FxHashSet::default();
        let mut by_cluster: FxHashMap<u16, [u64; 3]> = FxHashMap::default();
        for (name, key) in names.iter().zip(keys) {
            let ([_], Some(cluster)) = (key.as_slice(), finest_cluster(name.value.trim())) else {
                continue;
            };
            if !seen.insert(key.as_slice()) {
                continue;
            }
            let tally = votes.get(key.as_slice()).copied().unwrap_or_default();
            let sum = by_cluster.entry(cluster).or_default();
            for (total, n) in sum.iter_mut().zip(tally) {
                *total += n;
            }
        }
        ClusterMates { votes: by_cluster }
    }

    /// The kind other than person that the other names of `word`'s
    /// cluster were voted, when at least [`MATES_PASSAGES`] passages and
    /// four in five of their votes say so. `own` is the word's own votes,
    /// which the cluster's sum holds.
    fn kind_of(&self, word: &str, own: [u64; 3]) -> Option<usize> {
        let all = self.votes.get(&finest_cluster(word.trim())?)?;
        let mates: Vec<u64> = all
            .iter()
            .zip(own)
            .map(|(a, o)| a.saturating_sub(o))
            .collect();
        let other = if mates[1] >= mates[2] { 1 } else { 2 };
        let total: u64 = mates.iter().sum();
        (mates[other] >= MATES_PASSAGES && mates[other] * 5 >= total * 4).then_some(other)
    }
}

/// Passages of a cluster's names, as another kind than person, that make
/// a name of that cluster read as a person of that kind.
const MATES_PASSAGES: u64 = 1;

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

/// A name some spelling of which a title leads (`Coach Zico`).
fn is_led_by_title(name: &Name) -> bool {
    name.spellings.iter().any(|(spelling, _)| {
        let mut words = spelling.split_whitespace();
        let first = words.next().unwrap_or_default();
        first.starts_with(char::is_uppercase)
            && (is_title_head(first) || is_person_role(first))
            && words.next().is_some()
    })
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
    let mut singulars: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
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

#[cfg(test)]
mod tests;
