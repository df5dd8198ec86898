//! Aliases in an article: initials defined in the text or spelled out in
//! it, `X, or Y`, a state's formal name; each stands for one name, whose
//! value and kind it takes.

use std::collections::{HashMap, HashSet};

use super::*;
use crate::analyze::wordlists::is_org_word;

/// `Islamic Republic of Iran`, `Republic of Iraq`, `Kingdom of Jordan`:
/// the place a state's formal name stands for. Not where two states share
/// the name (the Republic of China is Taiwan, the Republic of Korea the
/// South), nor for a `Democratic People's Republic`.
pub(super) fn republic_of(name: &str) -> Option<&str> {
    if !name.contains(" of ") || name.contains("Democratic People") {
        return None;
    }
    let republic = name
        .find("Republic of ")
        .map(|i| &name[i + "Republic of ".len()..])
        .filter(|place| name.contains(" Republic of ") || !is_divided_state(place));
    let monarchy = ["Kingdom of ", "State of ", "Emirate of ", "Sultanate of "]
        .iter()
        .find_map(|marker| name.find(marker).map(|i| &name[i + marker.len()..]));
    republic.or(monarchy).filter(|rest| is_known_place(rest))
}

/// Every alias in the article → the name it stands for: acronyms defined
/// in the text or spelled out in it, `X, or Y`, `Republic of X`.
pub(super) fn aliases_of<'f>(
    reading: &Reading<'_>,
    found: impl Iterator<Item = &'f Found> + Clone,
) -> HashMap<String, String> {
    let mut aliases = HashMap::new();
    for view in &reading.views {
        collect_aliases(view, &mut aliases);
    }
    for f in found.clone() {
        if let Some(place) = republic_of(&f.name) {
            aliases.insert(f.key.clone(), place.to_owned());
        }
    }
    let (acronyms, spelled_out): (Vec<&Found>, Vec<&Found>) =
        found.clone().partition(|f| is_acronym(&f.name));
    let spelled_out: HashSet<(EntityKind, &str)> = spelled_out
        .into_iter()
        .filter(|_| !acronyms.is_empty())
        .map(|f| (f.kind, f.name.as_str()))
        .collect();
    let mut by_initials: HashMap<(EntityKind, String), HashSet<&str>> = HashMap::new();
    for (kind, name) in spelled_out {
        by_initials
            .entry((kind, initials(name)))
            .or_default()
            .insert(name);
    }
    for acronym in acronyms {
        if aliases.contains_key(&acronym.key) {
            continue;
        }
        let letters = acronym.name.replace('.', "");
        if let Some(expansions) = by_initials.get(&(acronym.kind, letters)) {
            if let [expansion] = Vec::from_iter(expansions).as_slice() {
                aliases.insert(acronym.key.clone(), (**expansion).to_owned());
            }
        }
    }
    aliases
}

/// An alias takes the kind of the place or organisation it stands for,
/// where the article names that: `KRI`, tagged an organisation as
/// acronyms mostly are, is the place `Kurdistan Region of Iraq`.
pub(super) fn kinds_of_aliased(
    mut found: Vec<Vec<Found>>,
    aliases: &HashMap<String, String>,
) -> Vec<Vec<Found>> {
    let mut kinds: HashMap<&str, EntityKind> = HashMap::new();
    for f in found.iter().flatten() {
        if !aliases.contains_key(&f.key) {
            kinds.entry(f.key.as_str()).or_insert(f.kind);
        }
    }
    let mut settled = Vec::new();
    for (p, paragraph) in found.iter().enumerate() {
        for (i, f) in paragraph.iter().enumerate() {
            let Some(name) = aliases.get(&f.key) else {
                continue;
            };
            // Not a person's kind: initials defined in the text are an
            // organisation's or a place's, even where the tagger took the
            // name spelled out for a person (`Kata'ib Hezbollah (KH)`);
            // nor a place's where the name has an organisation's word
            // (`Kenya Football Federation (KFF)`, tagged a place for its
            // first word).
            let kind = kinds.get(name_key(name).as_str()).copied().filter(|&kind| {
                kind != EntityKind::Person
                    && (kind != EntityKind::Place || !name.split([' ', '-']).any(is_org_word))
            });
            if let Some(kind) = kind {
                settled.push((p, i, kind));
            }
        }
    }
    for (p, i, kind) in settled {
        found[p][i].kind = kind;
    }
    found
}

/// The name `f` stands for, if an alias (an acronym defined in the text),
/// and that name's skeleton.
pub(super) fn resolve_alias<'a>(
    aliases: &'a HashMap<String, String>,
    f: &'a Found,
) -> (&'a str, String) {
    match aliases.get(&f.key) {
        Some(name) => (name.as_str(), name_key(name)),
        None => (f.name.as_str(), f.key.clone()),
    }
}

/// `Long Name (LN)` and `Long Name, or Other Name` in a paragraph.
fn collect_aliases(view: &View<'_>, aliases: &mut HashMap<String, String>) {
    for (s, sentence) in view.sentences.iter().enumerate() {
        let mentions = &view.mentions[s];
        for (i, mention) in mentions.iter().enumerate() {
            let name = &view.text[mention.range.clone()];
            let after = mention.tokens.end;
            let is = |t: usize, c: char| sentence.contains(&t) && view.tokens[t].is_punct(c);
            let word = |t: usize| {
                view.tokens
                    .get(t)
                    .filter(|_| sentence.contains(&t))
                    .map(|tok| tok.text(view.text))
            };
            if is(after, '(') && is(after + 2, ')') {
                // `the European Economic Area (EEA)`: the adjective the name
                // was read without belongs to it when the letters say so.
                let run = &view.text[view.tokens[mention.start].range.start..mention.range.end];
                let acronym = word(after + 1).filter(|a| is_acronym(a));
                let expansion = acronym.and_then(|a| {
                    if run != name && acronym_letters(&initials(run)) == acronym_letters(a) {
                        Some(run)
                    } else {
                        abbreviates(a, name).then_some(name)
                    }
                });
                if let (Some(acronym), Some(expansion)) = (acronym, expansion) {
                    aliases.insert(name_key(acronym), expansion.to_owned());
                }
            }
            // `Orange County, California, or Loudoun County`: a name after a
            // comma qualifies the one before it, and `or` goes on a list.
            let qualifier = mention.start.checked_sub(1).is_some_and(|c| is(c, ','));
            if is(after, ',') && word(after + 1) == Some("or") && !qualifier {
                // `... in the United States, or CFIUS`: an acronym names
                // the longer name before it, not the last words of it. The
                // other name closes its clause (`, or CFIUS, reviews`);
                // `China, the Soviet Union, or Europe to kill` is a list.
                let closes = |m: &&Mention| {
                    let t = m.tokens.end;
                    !sentence.contains(&t) || [',', '.', ';', ')'].iter().any(|&c| is(t, c))
                };
                let next = mentions
                    .get(i + 1)
                    .filter(|m| m.start == after + 2 || m.tokens.start == after + 2)
                    .filter(closes)
                    .map(|m| &view.text[m.range.clone()])
                    .filter(|other| !is_acronym(other) || abbreviates(other, name));
                if let Some(other) = next {
                    aliases.insert(name_key(other), name.to_owned());
                }
            }
        }
    }
}
