//! Settles the kind of each name an article tags, beyond what the tagger
//! saw in one sentence: names listed together are alike, a company's short
//! name is the company, and one name is one thing within an article.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::companies::is_known_company;
use super::entities::{EntityKind, Found};
use super::names::is_honorific;
use super::places::is_known_place;
use super::reading::View;
use super::wordlists::is_not_a_name_word;

/// What may stand between two items of one list: `A, B, and C`, `A or B`.
const LIST_JOINS: [&str; 6] = [", ", ", and ", " and ", ", or ", " or ", " & "];

/// The kinds of an article's names, settled: first within lists, then
/// across the article. `found` holds one list per paragraph of `views`.
pub(super) fn settle_kinds(mut found: Vec<Vec<Found>>, views: &[View<'_>]) -> Vec<Vec<Found>> {
    for (paragraph, view) in found.iter_mut().zip(views) {
        agree_within_lists(paragraph, view);
    }
    people_by_their_honorifics(&mut found, views);
    people_by_their_family_names(&mut found);
    companies_by_their_short_names(&mut found);
    companies_by_their_context(&mut found, views);
    known_companies(&mut found, views);
    one_kind_per_name(found)
}

/// `Dr. Ford testified ... Ford said`: a name the article writes after an
/// honorific is a person's throughout, unless the article also names a
/// company by it (the rules after this one).
fn people_by_their_honorifics(found: &mut [Vec<Found>], views: &[View<'_>]) {
    give_kind_where(found, views, EntityKind::Person, |f, view| {
        after_honorific(view, f.range.start)
    });
}

/// `Lynch announced ...` in an article that names `Loretta Lynch`: one
/// word the tagger read as an organisation in its own sentence is the
/// family name of the person the article names in full, unless the
/// article names organisations of several words with it (`Merrill Lynch`)
/// as often. The company rules after this one still apply.
fn people_by_their_family_names(found: &mut [Vec<Found>]) {
    // Per word: mentions of people whose family name it is, less mentions
    // of organisations of several words that hold it.
    let mut balance: HashMap<String, i64> = HashMap::new();
    for f in found.iter().flatten() {
        let Some((_, family)) = f.key.rsplit_once(' ') else {
            continue;
        };
        match f.kind {
            EntityKind::Person => *balance.entry(family.to_owned()).or_default() += 1,
            EntityKind::Org => {
                for word in f.key.split(' ') {
                    *balance.entry(word.to_owned()).or_default() -= 1;
                }
            }
            _ => {}
        }
    }
    for f in found.iter_mut().flatten() {
        if f.kind == EntityKind::Org && balance.get(&f.key).is_some_and(|&b| b > 0) {
            f.kind = EntityKind::Person;
        }
    }
}

/// Gives `kind` to every mention of each name (by key) that `written_so`
/// finds in one place of the article.
fn give_kind_where(
    found: &mut [Vec<Found>],
    views: &[View<'_>],
    kind: EntityKind,
    written_so: impl Fn(&Found, &View<'_>) -> bool,
) {
    let keys: HashSet<String> = found
        .iter()
        .zip(views)
        .flat_map(|(paragraph, view)| paragraph.iter().map(move |f| (f, view)))
        .filter(|(f, view)| written_so(f, view))
        .map(|(f, _)| f.key.clone())
        .collect();
    for f in found.iter_mut().flatten() {
        if keys.contains(&f.key) {
            f.kind = kind;
        }
    }
}

/// `Shares of Twitter`, `Google said its`: words around a name that only a
/// company takes (`data/words/company_contexts.txt`) make it one
/// throughout the article, however the tagger, trained on news from before
/// such companies, read it.
fn companies_by_their_context(found: &mut [Vec<Found>], views: &[View<'_>]) {
    // `Shares of Hong Kong`: a market, not a company.
    give_kind_where(found, views, EntityKind::Org, |f, view| {
        !is_known_place(&f.name) && in_company_context(f, view)
    });
}

/// `Facebook`, `Goldman Sachs`: a name the list of companies holds
/// (`data/words/companies.txt`) is an organisation throughout the
/// article, whatever the tagger read it as.
fn known_companies(found: &mut [Vec<Found>], views: &[View<'_>]) {
    give_kind_where(found, views, EntityKind::Org, |f, _| {
        is_known_company(&f.name)
    });
}

/// Whether the word before body offset `start` is an honorific (`Dr.`,
/// `Ms`), written with or without its dot.
fn after_honorific(view: &View<'_>, start: usize) -> bool {
    let Some(before) = start
        .checked_sub(view.base)
        .and_then(|at| view.text.get(..at))
    else {
        return false;
    };
    before
        .strip_suffix(' ')
        .and_then(|rest| rest.rsplit([' ', '\n', '(', '"', '“']).next())
        .is_some_and(is_honorific)
}

/// Words before (`shares of`) and after (`said its`) a company's name.
struct CompanyContexts {
    before: Vec<String>,
    after: Vec<String>,
}

fn company_contexts() -> &'static CompanyContexts {
    static CONTEXTS: OnceLock<CompanyContexts> = OnceLock::new();
    CONTEXTS.get_or_init(|| {
        let mut contexts = CompanyContexts {
            before: Vec::new(),
            after: Vec::new(),
        };
        let lines = include_str!("data/words/company_contexts.txt")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'));
        for line in lines {
            if let Some(words) = line.strip_prefix("before: ") {
                contexts.before.push(format!("{words} "));
            } else if let Some(words) = line.strip_prefix("after: ") {
                // `'s shares` follows the name at once; other words after a space.
                let glued = words.starts_with(['\'', '’']);
                contexts.after.push(if glued {
                    words.to_owned()
                } else {
                    format!(" {words}")
                });
            }
        }
        contexts
    })
}

fn in_company_context(f: &Found, view: &View<'_>) -> bool {
    let (Some(start), Some(end)) = (
        f.range.start.checked_sub(view.base),
        f.range.end.checked_sub(view.base),
    ) else {
        return false;
    };
    let (Some(before), Some(after)) = (view.text.get(..start), view.text.get(end..)) else {
        return false;
    };
    let contexts = company_contexts();
    let ends_with = |cue: &str| {
        before
            .len()
            .checked_sub(cue.len())
            .and_then(|at| before.get(at..))
            .is_some_and(|tail| tail.eq_ignore_ascii_case(cue))
    };
    let starts_with = |cue: &str| {
        after
            .get(..cue.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(cue))
    };
    contexts.before.iter().any(|cue| ends_with(cue))
        || contexts.after.iter().any(|cue| starts_with(cue))
}

/// `Chrysler` in an article that names `Chrysler Corp.` is the company,
/// however the tagger read it in its own sentence.
fn companies_by_their_short_names(found: &mut [Vec<Found>]) {
    let short_names: HashSet<String> = found
        .iter()
        .flatten()
        .filter(|f| f.kind == EntityKind::Org)
        .filter_map(|f| {
            let (short, suffix) = f.key.rsplit_once(' ')?;
            (is_not_a_name_word(suffix) && !short.is_empty()).then(|| short.to_owned())
        })
        .collect();
    for f in found.iter_mut().flatten() {
        if short_names.contains(&f.key) {
            f.kind = EntityKind::Org;
        }
    }
}

/// A list of three names or more whose items all share one kind but one
/// gives that one the others' kind: in `the provinces of Anbar, Diyala and
/// Salah ad-Din` the last is a place, although its first word is a given
/// name. A list split between two kinds is left as tagged.
fn agree_within_lists(paragraph: &mut [Found], view: &View<'_>) {
    let mut start = 0;
    while start < paragraph.len() {
        let mut end = start + 1;
        while end < paragraph.len() && joined_as_list(&paragraph[end - 1], &paragraph[end], view) {
            end += 1;
        }
        if end - start >= 3 {
            give_the_odd_one_the_list_kind(&mut paragraph[start..end]);
        }
        start = end;
    }
}

/// Whether only a list's punctuation or conjunction separates two names.
fn joined_as_list(a: &Found, b: &Found, view: &View<'_>) -> bool {
    let gap = (a.range.end.saturating_sub(view.base))..(b.range.start.saturating_sub(view.base));
    view.text
        .get(gap)
        .is_some_and(|between| LIST_JOINS.contains(&between))
}

fn give_the_odd_one_the_list_kind(list: &mut [Found]) {
    let mut counts: Vec<(EntityKind, usize)> = Vec::new();
    for item in list.iter() {
        match counts.iter_mut().find(|(kind, _)| *kind == item.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((item.kind, 1)),
        }
    }
    if let Some(&(kind, _)) = counts.iter().find(|(_, n)| *n == list.len() - 1) {
        for item in list.iter_mut() {
            item.kind = kind;
        }
    }
}

/// Gives every mention of a name (by skeleton) the kind most of its
/// mentions in the article have: one name is one thing within an article
/// (`Hashd` is not a group in one paragraph and a person in the next). A
/// tie goes to the kind of the first mention.
fn one_kind_per_name(mut found: Vec<Vec<Found>>) -> Vec<Vec<Found>> {
    let mut votes: HashMap<&str, Vec<(EntityKind, usize)>> = HashMap::new();
    for f in found.iter().flatten() {
        let kinds = votes.entry(f.key.as_str()).or_default();
        match kinds.iter_mut().find(|(k, _)| *k == f.kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((f.kind, 1)),
        }
    }
    let settled: HashMap<String, EntityKind> = votes
        .into_iter()
        .filter(|(_, kinds)| kinds.len() > 1)
        .map(|(key, kinds)| {
            let top = kinds.iter().map(|(_, n)| *n).max().unwrap_or(0);
            let kind = kinds.iter().find(|(_, n)| *n == top).map(|(k, _)| *k);
            (key.to_owned(), kind.unwrap_or(EntityKind::Person))
        })
        .collect();
    for f in found.iter_mut().flatten() {
        if let Some(kind) = settled.get(&f.key) {
            f.kind = *kind;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::analyze::entities::tests::{has, tagged};

    #[test]
    fn the_odd_item_of_a_list_takes_the_kind_of_the_others() {
        let tags = tagged(
            "Fighting\n\nFighting spread to the cities of Mosul, Kirkuk, \
             Basra and Hassan al-Amir on Tuesday, officials said.\n",
        );
        assert!(has(&tags, "Hassan al-Amir", "place"), "{tags:?}");
    }

    #[test]
    fn a_company_named_in_full_is_the_company_when_named_short() {
        let tags = tagged(
            "Sales\n\nChrysler Corp. is based in Detroit. Chrysler said sales fell, \
             and Chrysler shares rose.\n",
        );
        assert!(has(&tags, "Chrysler Corp.", "org"), "{tags:?}");
        assert!(!has(&tags, "Chrysler", "person"), "{tags:?}");
        assert!(has(&tags, "Chrysler", "org"), "{tags:?}");
    }

    #[test]
    fn words_only_a_company_takes_make_a_name_one() {
        let tags = tagged(
            "Posts\n\nHe wrote on Quillr that the plan failed. Shares of Quillr fell. \
             Brightly said its profit rose, and Brightly hired staff.\n",
        );
        assert!(!has(&tags, "Quillr", "person"), "{tags:?}");
        assert!(has(&tags, "Quillr", "org"), "{tags:?}");
        assert!(has(&tags, "Brightly", "org"), "{tags:?}");
        let tags = tagged(
            "Markets\n\nShares of Hong Kong fell as Hong Kong reported losses. \
             Dana Quill shares a video.\n",
        );
        assert!(!has(&tags, "Hong Kong", "org"), "{tags:?}");
        assert!(!has(&tags, "Dana Quill", "org"), "{tags:?}");
    }

    #[test]
    fn a_listed_company_is_an_organisation_whatever_it_was_tagged() {
        // Without the list, the tagger reads this `Facebook` as a person.
        let tags = tagged("Posts\n\nFacebook met Twitter in court. Facebook lost.\n");
        assert!(!has(&tags, "Facebook", "person"), "{tags:?}");
        assert!(has(&tags, "Facebook", "org"), "{tags:?}");
    }

    #[test]
    fn a_family_name_read_as_an_organisation_is_the_person_named_in_full() {
        let text = "Lawsuit\n\nAttorney General Loretta Marsh called the law unfair on Friday.\n\n\
                    Marsh announced on Monday the lawsuit against the state of Harbour. \
                    She further announced that funds were at risk. \
                    Marsh calls Harbour her home state.\n";
        let tags = tagged(text);
        assert!(has(&tags, "Marsh", "person"), "{tags:?}");
        assert!(!has(&tags, "Marsh", "org"), "{tags:?}");
        // As often an organisation's name as a person's: left as tagged.
        let with_bank = format!("{text}\nMarsh Brothers Bank and Marsh Brothers Bank again.\n");
        assert!(
            !has(&tagged(&with_bank), "Marsh", "person"),
            "{:?}",
            tagged(&with_bank)
        );
    }

    #[test]
    fn names_outside_a_list_keep_their_kind() {
        let tags = tagged("Visit\n\nHassan al-Amir visited Kirkuk on Tuesday, officials said.\n");
        assert!(has(&tags, "Hassan al-Amir", "person"), "{tags:?}");
    }
}
