//! What the tagger's names in a paragraph become: a mention of a person,
//! organisation or place, or nothing, by the words around each (`Twitter-
//! like`, `Arqab cruise missiles`, `Baghdad-Erbil relations`, `Stone &
//! McCarthy`).

use std::ops::Range;

use super::{EntityKind, Found};
use crate::analyze::places::is_known_place;
use crate::analyze::reading::{Reading, View};
use crate::analyze::tagger::NameLabel;
use crate::analyze::wordlists::{
    initials_words, is_document_noun, is_not_a_name_word, is_product_noun,
};

pub(super) fn found_in_paragraph(reading: &Reading<'_>, view: &View<'_>) -> Vec<Found> {
    let mut found = Vec::new();
    for tagged in reading.names_in(view) {
        let kind = match tagged.label {
            NameLabel::Person => EntityKind::Person,
            NameLabel::Org => EntityKind::Org,
            NameLabel::Place => EntityKind::Place,
            NameLabel::Other => continue,
        };
        // `Twitter-like Weibo`: the comparison is no part of the name.
        let full = &view.text[tagged.range.start - view.base..tagged.range.end - view.base];
        let likeness = full
            .split_once(' ')
            .filter(|(first, _)| first.ends_with("-like") || first.ends_with("-style"))
            .map_or(0, |(first, _)| first.len() + 1);
        let range = tagged.range.start + likeness..tagged.range.end;
        let name = &full[likeness..];
        if initials_words(name).is_some()
            || names_a_document(name, kind)
            || (kind == EntityKind::Person && names_a_product(view, &range))
        {
            continue;
        }
        // `Salomon Brothers Inc and First Boston Corp`: two companies.
        if let Some(cut) = (kind == EntityKind::Org)
            .then(|| companies_listed(name))
            .flatten()
        {
            let first = &name[..cut];
            let second_start = cut + " and ".len();
            found.push(Found::new(range.start..range.start + cut, first, kind));
            found.push(Found::new(
                range.start + second_start..range.end,
                &name[second_start..],
                kind,
            ));
            continue;
        }
        match pair_of_places(name) {
            Some((first, second)) => {
                let start = range.start;
                let second_start = range.end - second.len();
                found.push(Found::new(
                    start..start + first.len(),
                    first,
                    EntityKind::Place,
                ));
                found.push(Found::new(
                    second_start..range.end,
                    second,
                    EntityKind::Place,
                ));
            }
            None => found.push(Found::new(range, name, kind)),
        }
    }
    joined_by_ampersands(view, found)
}

/// `UN Charter`, `Patriot Act`, `Law of the People's Republic of China`,
/// `Treaty of Rome`: a name headed by a noun for a text names the text.
/// Not a person's (`Jude Law`), nor a school's (`School of Law`).
fn names_a_document(name: &str, kind: EntityKind) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let ends_in_one = match words.as_slice() {
        [.., before, last] => *before != "of" && is_document_noun(last),
        _ => false,
    };
    let opens_one = match words.as_slice() {
        [first, "of", ..] => is_document_noun(first),
        _ => false,
    };
    kind != EntityKind::Person && (ends_in_one || opens_one)
}

/// `Arqab cruise missiles`, `"Sarem" short-range smart missile`: a
/// one-word name before a noun for a made thing, through a closing quote
/// mark and up to three lower-case words, names the thing.
fn names_a_product(view: &View<'_>, range: &Range<usize>) -> bool {
    let name = &view.text[range.start - view.base..range.end - view.base];
    if name.contains(' ') {
        return false;
    }
    let after = &view.text[range.end - view.base..];
    let words = after
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty());
    for word in words.take(4) {
        if is_product_noun(word) {
            return true;
        }
        if !word.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
    }
    false
}

/// `Stone & McCarthy Research`, `David Rubin & Partners`: names the tagger
/// cut at an ampersand, one of them an organisation, are one
/// organisation's. So is a company's first word that the tagger left out
/// before `and` (`Standard and Poor's Corp`, `Procter and Gamble Co`); a
/// word it tagged stays a name of its own (`Ford and General Motors Corp`).
fn joined_by_ampersands(view: &View<'_>, found: Vec<Found>) -> Vec<Found> {
    let mut joined: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        let between = joined.last().and_then(|last| {
            view.text
                .get(last.range.end - view.base..f.range.start - view.base)
        });
        // Only where one side is an organisation: `Matt Lucas & David
        // Walliams` are two people, `Serbia & Montenegro` two places.
        let org_side = joined
            .last()
            .is_some_and(|last| last.kind == EntityKind::Org || f.kind == EntityKind::Org);
        let company = f.kind == EntityKind::Org && ends_in_company_suffix(&f.name);
        if org_side && between.is_some_and(|b| b.trim() == "&") {
            if let Some(last) = joined.pop() {
                let range = last.range.start..f.range.end;
                let name = &view.text[range.start - view.base..range.end - view.base];
                joined.push(Found::new(range, name, EntityKind::Org));
                continue;
            }
        }
        let untagged_start = company
            .then(|| first_word_before_and(view, f.range.start))
            .flatten()
            .filter(|&start| joined.last().is_none_or(|last| last.range.end <= start));
        match untagged_start {
            Some(start) => {
                let range = start..f.range.end;
                let name = &view.text[range.start - view.base..range.end - view.base];
                joined.push(Found::new(range, name, EntityKind::Org));
            }
            None => joined.push(f),
        }
    }
    joined
}

/// Where a span that lists a company and another name cuts: before its
/// first ` and `, when a company's suffix ends the words before it.
fn companies_listed(name: &str) -> Option<usize> {
    let cut = name.find(" and ")?;
    ends_in_company_suffix(&name[..cut]).then_some(cut)
}

/// `Poor's Corp`: a name whose last word is a company's suffix.
fn ends_in_company_suffix(name: &str) -> bool {
    name.split_whitespace().count() > 1
        && name
            .split_whitespace()
            .last()
            .is_some_and(is_not_a_name_word)
}

/// Where the capitalised word before `and` or `&` just before body offset
/// `start` begins (`Standard` in `Standard and Poor's Corp`).
fn first_word_before_and(view: &View<'_>, start: usize) -> Option<usize> {
    let before = view.text.get(..start.checked_sub(view.base)?)?;
    let rest = before
        .strip_suffix(" and ")
        .or_else(|| before.strip_suffix(" & "))?;
    let word = rest.rsplit(' ').next()?;
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(char::is_alphabetic);
    capitalised.then(|| view.base + rest.len() - word.len())
}

/// `Baghdad-Erbil` in `Baghdad-Erbil relations`: two places joined into an
/// adjective, each of them a mention, and no name together; unless the
/// whole is a place's name too (`Guinea-Bissau`).
pub(super) fn pair_of_places(name: &str) -> Option<(&str, &str)> {
    let (first, second) = name.split_once('-')?;
    (is_known_place(first) && is_known_place(second) && !is_known_place(name))
        .then_some((first, second))
}
