//! Tags the people, organisations and places an article names, and gives
//! each the one value its variants share within the article.
//!
//! Names and their kinds come from the trained tagger (`tagger`), which
//! reads titles, roles, organisation words and the place list as features.
//! Variants are one entity when
//! an acronym is defined for a name (`Popular Mobilization Forces (PMF)`) or
//! matches its initials, when the text says `X, or Y`, when one is a longer
//! form of the other, or when they are spelled alike once folded (case,
//! marks, British spelling, vowel runs: `Kata'ib`, `Kataib`, `Kataeb`).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::entity_kinds::settle_kinds;
use super::names::{fold, Mention};
use super::places::is_known_place;
use super::reading::{Reading, View};
use super::register::{is_short_form, name_words};
use super::wordlists::{is_divided_state, is_name_connector, is_name_particle, is_org_word};
use crate::text::american_spelling;

/// What an entity is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, party, group, outlet or institution.
    Org,
    /// A country, region, city or other place.
    Place,
}

impl EntityKind {
    /// `person`, `org` or `place`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
        }
    }
}

/// A name in the text and the entity it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMention {
    /// Body byte range of the name as written.
    pub range: Range<usize>,
    /// The entity's value in this article (its fullest common form).
    pub entity: String,
    /// Its kind.
    pub kind: EntityKind,
}

/// The spelling skeleton of a name: folded, American spelling, each run of
/// vowels reduced to its first, and particles and a leading `the` dropped.
pub fn skeleton(name: &str) -> String {
    let folded = fold(name);
    // Written into one string: names are keyed by the hundred thousand.
    let mut out = String::with_capacity(folded.len());
    let words = folded
        .split(' ')
        .filter(|w| !w.is_empty() && !is_name_particle(w) && *w != "the");
    for word in words {
        if !out.is_empty() {
            out.push(' ');
        }
        push_collapsed(&mut out, american_spelling(word).as_deref().unwrap_or(word));
    }
    out
}

/// An acronym's letters, lower case: `U. S.` → `us`.
pub(crate) fn acronym_letters(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The key that spellings of one name share: an acronym's letters, apart
/// from every skeleton (`EEA` is not `EU`, though their vowels collapse
/// alike), or else the spelling skeleton.
pub(crate) fn name_key(name: &str) -> String {
    if is_acronym(name) {
        format!("#{}", acronym_letters(name))
    } else {
        skeleton(name)
    }
}

/// Appends `word` with each run of vowels reduced to its first.
fn push_collapsed(out: &mut String, word: &str) {
    let mut previous_vowel = false;
    for c in word.chars() {
        let vowel = "aeiou".contains(c);
        if !(vowel && previous_vowel) {
            out.push(c);
        }
        previous_vowel = vowel;
    }
}

/// Initials of a name's capitalized words (`Kurdistan Region of Iraq` → `KRI`).
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !w.is_empty() && !is_name_connector(w) && !is_name_particle(&w.to_lowercase()))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// True when `acronym` may stand for `name`: it starts with the name's
/// first initial, every word of the name gives it a letter, and its
/// letters are the name's in order (`ISIS` for `Islamic State`; not `U.S.`
/// for `Doug Flach`, `AP` for `Australia` or `EEA` for `European Union`).
pub(crate) fn abbreviates(acronym: &str, name: &str) -> bool {
    let letters: Vec<char> = acronym_letters(acronym).chars().collect();
    let initials: Vec<char> = initials(name)
        .chars()
        .flat_map(char::to_lowercase)
        .collect();
    let spelled: Vec<char> = name.chars().flat_map(char::to_lowercase).collect();
    !letters.is_empty()
        && letters.first() == initials.first()
        && is_subsequence(&initials, &letters)
        && is_subsequence(&letters, &spelled)
}

/// Whether `part` occurs in `whole` in order, with gaps.
fn is_subsequence(part: &[char], whole: &[char]) -> bool {
    let mut rest = whole.iter();
    part.iter().all(|c| rest.any(|w| w == c))
}

/// True for a name written as initials: `US`, `U.S.`, `U. S`, `UNESCO`.
pub fn is_acronym(name: &str) -> bool {
    // One pass, no copy: it is asked of every name, often several times.
    let mut letters = 0;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if !(c.is_uppercase() || c.is_ascii_digit()) || letters == 6 {
                return false;
            }
            letters += 1;
        } else if c != '.' && c != ' ' {
            return false;
        }
    }
    letters >= 2
}

/// A name found in a paragraph, before its entity is settled.
pub(super) struct Found {
    /// Body byte range of the name.
    pub(super) range: Range<usize>,
    /// The name as written.
    pub(super) name: String,
    /// Its kind, as tagged and then settled.
    pub(super) kind: EntityKind,
    /// The name's spelling skeleton, which variants share.
    pub(super) key: String,
}

impl Found {
    fn new(range: Range<usize>, name: &str, kind: EntityKind) -> Found {
        Found {
            range,
            name: name.to_owned(),
            kind,
            key: name_key(name),
        }
    }
}

/// Tags the entities of an article as read; one list per paragraph. The
/// names and their kinds are the tagger's; names of other kinds
/// (nationalities, events) are left out.
pub fn tag(reading: &Reading<'_>) -> Vec<Vec<EntityMention>> {
    let found: Vec<Vec<Found>> = reading
        .views
        .iter()
        .map(|view| found_in_paragraph(reading, view))
        .collect();
    let found = settle_kinds(found, &reading.views);
    let aliases = aliases_of(reading, found.iter().flatten());
    let found = kinds_of_aliased(found, &aliases);
    let values = Values::of(aliases, found.iter().flatten());
    found
        .into_iter()
        .map(|paragraph| {
            paragraph
                .into_iter()
                .map(|f| {
                    let entity = values.value(&f);
                    EntityMention {
                        range: f.range,
                        entity,
                        kind: f.kind,
                    }
                })
                .collect()
        })
        .collect()
}

/// The values of an article's entities.
struct Values {
    /// Alias → the name it stands for (acronyms, `X, or Y`, `Republic of X`).
    aliases: HashMap<String, String>,
    /// Person's name as written → the fullest form the article gives.
    people: HashMap<String, String>,
    /// Skeleton → the fullest, most used spelling.
    spellings: HashMap<(EntityKind, String), String>,
    /// Multi-word names of organisations and places, longest first.
    long_names: Vec<(EntityKind, Vec<String>, String)>,
}

impl Values {
    fn of<'f>(
        aliases: HashMap<String, String>,
        found: impl Iterator<Item = &'f Found> + Clone,
    ) -> Values {
        let mut counts: HashMap<(EntityKind, String), HashMap<String, usize>> = HashMap::new();
        let mut people = HashMap::new();
        let person_names = PersonNames::of(found.clone());
        for f in found {
            if f.kind == EntityKind::Person {
                people
                    .entry(f.name.clone())
                    .or_insert_with(|| person_names.fullest(&f.name));
                continue;
            }
            let (name, key) = resolve_alias(&aliases, f);
            *counts
                .entry((f.kind, key))
                .or_default()
                .entry(without_article(name).to_owned())
                .or_default() += 1;
        }
        let spellings: HashMap<(EntityKind, String), String> = counts
            .into_iter()
            .map(|(key, spellings)| {
                let best = spellings
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                    .map(|(n, _)| n)
                    .unwrap_or_default();
                (key, best)
            })
            .collect();
        let mut long_names: Vec<(EntityKind, Vec<String>, String)> = spellings
            .iter()
            .filter(|((kind, key), _)| *kind != EntityKind::Person && key.contains(' '))
            .map(|((kind, key), name)| {
                (
                    *kind,
                    key.split(' ').map(str::to_owned).collect(),
                    name.clone(),
                )
            })
            .collect();
        long_names.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.2.cmp(&b.2)));
        Values {
            aliases,
            people,
            spellings,
            long_names,
        }
    }

    /// The value of a name found in this article.
    fn value(&self, f: &Found) -> String {
        if f.kind == EntityKind::Person {
            return self.people.get(&f.name).unwrap_or(&f.name).clone();
        }
        let (name, key) = resolve_alias(&self.aliases, f);
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() >= 2 {
            // The nearest longer form: `Security Council` is `UN Security
            // Council` rather than `Iraqi National Security Council`.
            let same = |a: &[String], b: &[&str]| a.iter().zip(b).all(|(a, b)| a == b);
            let longer = self.long_names.iter().rev().find(|(k, long, _)| {
                *k == f.kind
                    && long.len() > words.len()
                    && (same(long, &words) || same(&long[long.len() - words.len()..], &words))
            });
            if let Some((_, _, long)) = longer {
                return long.clone();
            }
        } else if f.kind == EntityKind::Org {
            // `the Coalition` after `the Global Coalition`: the one longer
            // organisation whose head word it is; with two, neither.
            let mut heads = self.long_names.iter().filter(|(k, long, _)| {
                *k == EntityKind::Org && long.last().map(String::as_str) == Some(key.as_str())
            });
            if let (Some((_, _, long)), None) = (heads.next(), heads.next()) {
                return long.clone();
            }
        }
        self.spellings
            .get(&(f.kind, key))
            .cloned()
            .unwrap_or_else(|| name.to_owned())
    }
}

/// The article's people's names, each once in order of first mention, by
/// their last word: a short form shares its name's last word, so a name
/// is compared only with those (an article of 100,000 names stays linear).
struct PersonNames<'f> {
    by_last_word: HashMap<String, Vec<(Vec<String>, &'f str)>>,
}

impl<'f> PersonNames<'f> {
    fn of(found: impl Iterator<Item = &'f Found>) -> Self {
        let mut by_last_word: HashMap<String, Vec<(Vec<String>, &'f str)>> = HashMap::new();
        let mut seen = HashSet::new();
        // A name with an organisation's word (`Kata'ib Hezbollah`, tagged a
        // person) is no person's full name: `Hezbollah` is not its surname.
        let is_full_name =
            |f: &&Found| f.kind == EntityKind::Person && !f.name.split([' ', '-']).any(is_org_word);
        for f in found.filter(is_full_name) {
            let words = name_words(&f.name);
            if let Some(last) = words.last().cloned() {
                if seen.insert(f.name.as_str()) {
                    by_last_word.entry(last).or_default().push((words, &f.name));
                }
            }
        }
        PersonNames { by_last_word }
    }

    /// The fullest name that `name` is a short form of (`Clinton` →
    /// `Hillary Clinton`): the longest, the first mentioned of those as
    /// long; `name` itself if none is longer.
    fn fullest(&self, name: &str) -> String {
        let words = name_words(name);
        let candidates = words.last().and_then(|last| self.by_last_word.get(last));
        let mut best: Option<&(Vec<String>, &str)> = None;
        for candidate in candidates.into_iter().flatten() {
            let (full, _) = candidate;
            let longer = best.map_or(words.len(), |(b, _)| b.len());
            if full.len() > longer && is_short_form(&words, full) {
                best = Some(candidate);
            }
        }
        best.map_or(name, |(_, written)| written).to_owned()
    }
}

/// A name without a leading `the` (`The White House`).
fn without_article(name: &str) -> &str {
    ["the ", "The ", "THE "]
        .iter()
        .find_map(|article| name.strip_prefix(article))
        .unwrap_or(name)
}

#[cfg(test)]
pub(super) mod tests;

mod aliases;
mod found;
use aliases::{aliases_of, kinds_of_aliased, resolve_alias};
use found::found_in_paragraph;
