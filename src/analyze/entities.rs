//! Tags the people, organisations and places an article names, and gives
//! each the one value its variants share within the article.
//!
//! Kinds come from the article's register (titles, roles and name shapes
//! make persons; organisation words and group roles make organisations),
//! from a list of places (GeoNames countries, capitals, continents, US
//! states, large cities, world regions), from geographic words (`Valley`,
//! `province`) and from prepositions (`in X`). Variants are one entity when
//! an acronym is defined for a name (`Popular Mobilization Forces (PMF)`) or
//! matches its initials, when the text says `X, or Y`, when one is a longer
//! form of the other, or when they are spelled alike once folded (case,
//! marks, British spelling, vowel runs: `Kata'ib`, `Kataib`, `Kataeb`).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::lexer::{sentences, tokenize, Token, TokenKind};
use super::names::{find_mentions, fold, Mention, NameKind};
use super::places::{is_demonym, is_known_place};
use super::reading::{Reading, View};
use super::wordlists::{
    is_event_word, is_function_word, is_geographic_word, is_name_connector, is_name_particle,
    is_org_word, lowercase, reporting_lemma,
};
use crate::index::tokenizer::american_spelling;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

/// Prepositions after which a lone name is a place (`in Anbar`).
const PLACE_PREPOSITIONS: &[&str] = &["in", "across", "near", "throughout", "outside", "inside"];

/// The spelling skeleton of a name: folded, American spelling, each run of
/// vowels reduced to its first, and particles and a leading `the` dropped.
pub fn skeleton(name: &str) -> String {
    let words: Vec<String> = fold(name)
        .split(' ')
        .filter(|w| !w.is_empty() && !is_name_particle(w) && *w != "the")
        .map(|w| american_spelling(w).unwrap_or_else(|| w.to_owned()))
        .map(|w| collapse_vowels(&w))
        .collect();
    words.join(" ")
}

fn collapse_vowels(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut previous_vowel = false;
    for c in word.chars() {
        let vowel = "aeiou".contains(c);
        if !(vowel && previous_vowel) {
            out.push(c);
        }
        previous_vowel = vowel;
    }
    out
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
/// first initial (`ISIS` for `Islamic State`, not `U.S.` for `Doug Flach`).
fn abbreviates(acronym: &str, name: &str) -> bool {
    acronym.chars().next() == initials(name).chars().next()
}

fn is_acronym(name: &str) -> bool {
    let letters = name.chars().filter(|c| *c != '.').count();
    (2..=6).contains(&letters)
        && name
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
}

/// A name found in a paragraph, before its entity is settled.
struct Found {
    range: Range<usize>,
    name: String,
    kind: EntityKind,
    /// The name's spelling skeleton, which variants share.
    key: String,
}

impl Found {
    fn new(range: Range<usize>, name: &str, kind: EntityKind) -> Found {
        Found {
            range,
            name: name.to_owned(),
            kind,
            key: skeleton(name),
        }
    }
}

/// Tags the entities of an article as read; one list per paragraph.
/// Headings are title case throughout, so only known places are taken there.
pub fn tag(reading: &Reading<'_>, headings: &[bool]) -> Vec<Vec<EntityMention>> {
    let mut facts = Facts::new(reading);
    let found: Vec<Vec<Found>> = reading
        .views
        .iter()
        .zip(headings)
        .map(|(view, &heading)| find_in_paragraph(&mut facts, view, heading))
        .collect();
    let found = settle_kinds(reading, found);
    let values = Values::of(reading, found.iter().flatten());
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

/// A name whose only claim to being a person is its shape takes the kind
/// of a variant the article is sure of (`Kataib Hezbollah` is the
/// organisation `KH` stands for).
fn settle_kinds(reading: &Reading<'_>, mut found: Vec<Vec<Found>>) -> Vec<Vec<Found>> {
    let mut sure: HashMap<String, EntityKind> = HashMap::new();
    for f in found.iter().flatten() {
        if f.kind != EntityKind::Person {
            sure.insert(f.key.clone(), f.kind);
        }
    }
    for view in &reading.views {
        let mut aliases = HashMap::new();
        collect_aliases(view, &mut aliases);
        for (alias, name) in aliases {
            if let Some(kind) = sure.get(&alias).copied() {
                sure.entry(skeleton(&name)).or_insert(kind);
            }
        }
    }
    for f in found.iter_mut().flatten() {
        if f.kind == EntityKind::Person && !reading.register.is_surely_person(&f.name) {
            if let Some(kind) = sure.get(&f.key) {
                f.kind = *kind;
            }
        }
    }
    found
}

fn find_in_paragraph(facts: &mut Facts<'_, '_>, view: &View<'_>, heading: bool) -> Vec<Found> {
    let mut found = Vec::new();
    for (s, sentence) in view.sentences.iter().enumerate() {
        if view.mentions[s].is_empty() {
            continue;
        }
        let title_case = heading || is_heading_case(view.text, &view.tokens[sentence.clone()]);
        for mention in &view.mentions[s] {
            let kind = classify(facts, view.text, &view.tokens, mention);
            let kind = kind.filter(|_| {
                !title_case
                    || (!heading && is_set_off(&view.tokens, sentence, mention))
                    || facts.of(&view.text[mention.range.clone()]).known_place
            });
            if let Some(kind) = kind {
                found.push(Found::new(
                    view.base + mention.range.start..view.base + mention.range.end,
                    &view.text[mention.range.clone()],
                    kind,
                ));
            }
        }
    }
    for quotation in &view.quotations {
        let inner = &view.text[quotation.inner.clone()];
        let tokens = tokenize(inner, &[]);
        let mentions = sentences(inner, &tokens)
            .into_iter()
            .flat_map(|s| find_mentions(inner, &tokens, s));
        for mention in mentions {
            if let Some(kind) = classify(facts, inner, &tokens, &mention) {
                let start = view.base + quotation.inner.start;
                found.push(Found::new(
                    start + mention.range.start..start + mention.range.end,
                    &inner[mention.range.clone()],
                    kind,
                ));
            }
        }
    }
    found.sort_by_key(|f| f.range.start);
    found
}

/// A short name with punctuation on both sides (`Romania - Cosmin Contra
/// ( 31st )`): an item of a list, a name even in a line of capitals.
/// At the start of a line, a bracket or comma must follow (`Marko Koers (
/// Netherlands )`), as a headline's words are not followed so.
fn is_set_off(tokens: &[Token], sentence: &Range<usize>, mention: &Mention) -> bool {
    let punct = |t: usize| sentence.contains(&t) && matches!(tokens[t].kind, TokenKind::Punct(_));
    let after = mention.tokens.end;
    let starts_item = if mention.start == sentence.start {
        sentence.contains(&after) && (tokens[after].is_punct('(') || tokens[after].is_punct(','))
    } else {
        punct(mention.start - 1) && punct(after)
    };
    mention.tokens.len() <= 3 && starts_item
}

/// A sentence in title case or capitals (a headline): its capitals say
/// nothing about names.
fn is_heading_case(text: &str, tokens: &[Token]) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .collect();
    let lower = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    let function_capitalized = words
        .iter()
        .skip(1)
        .filter(|w| {
            w.len() > 3 && w.chars().next().is_some_and(char::is_uppercase) && is_function_word(w)
        })
        .count();
    let shouted = words
        .iter()
        .filter(|w| w.len() > 3 && !w.chars().any(char::is_lowercase))
        .count();
    words.len() >= 4 && (lower == 0 || function_capitalized >= 2 || shouted * 2 > words.len())
}

/// What the article and the place list say about one spelling of a name.
#[derive(Clone, Copy)]
struct NameFacts {
    mojibake: bool,
    /// The register's kind for exactly this spelling.
    exact: NameKind,
    /// Titled or given a person's role somewhere in the article.
    surely_person: bool,
    known_place: bool,
    /// `Republic of X` for a known place X.
    republic: bool,
    org_word: bool,
    geographic_word: bool,
    acronym: bool,
    /// Naming a people (`Kurds`, `Iraqi`, `South Koreans`).
    demonym: bool,
    /// Ending in a word that names events (`World Cup`).
    event: bool,
    /// Two words or more, none a connector or acronym: the shape of a
    /// person's name.
    person_shaped: bool,
    single_word: bool,
}

/// The facts of each spelling an article uses, worked out once: an article
/// repeats its names, and the register and place list are costly to ask.
struct Facts<'r, 'a> {
    reading: &'r Reading<'a>,
    known: HashMap<String, NameFacts>,
    /// Lone words of unknown kind → the kind their uses suggest.
    lone_words: HashMap<String, Option<EntityKind>>,
}

impl<'r, 'a> Facts<'r, 'a> {
    fn new(reading: &'r Reading<'a>) -> Self {
        Facts {
            reading,
            known: HashMap::new(),
            lone_words: HashMap::new(),
        }
    }

    /// The kind of a lone capitalized word nothing else classifies: a name
    /// only if the article writes it more than once, once at least apart
    /// from other capitalized words (`Security` is only ever part of
    /// `Security Council` and its like); a group if it is a
    /// plural or ever follows `the` (`the Houthis`, `the Taliban`), else a
    /// person (a surname: `Hussain struck 158`).
    fn lone_word_kind(&mut self, word: &str) -> Option<EntityKind> {
        if let Some(kind) = self.lone_words.get(word) {
            return *kind;
        }
        let uses = occurrences(self.reading, word);
        let plural = word.ends_with('s') && !word.ends_with("ss");
        let kind = match uses {
            Uses { count: 0..=1, .. } | Uses { standalone: 0, .. } => None,
            Uses {
                after_the: true, ..
            } => Some(EntityKind::Org),
            _ if plural => Some(EntityKind::Org),
            _ => Some(EntityKind::Person),
        };
        self.lone_words.insert(word.to_owned(), kind);
        kind
    }

    fn of(&mut self, name: &str) -> NameFacts {
        if let Some(facts) = self.known.get(name) {
            return *facts;
        }
        let facts = self.work_out(name);
        self.known.insert(name.to_owned(), facts);
        facts
    }

    fn work_out(&self, name: &str) -> NameFacts {
        let register = &self.reading.register;
        let words: Vec<&str> = name.split_whitespace().collect();
        let single = words.len() == 1;
        NameFacts {
            mojibake: is_mojibake(name),
            exact: register.exact_kind(name),
            surely_person: register.is_surely_person(name),
            known_place: is_known_place(name),
            republic: republic_of(name).is_some(),
            org_word: words.iter().any(|w| is_org_word(w)),
            geographic_word: words.iter().any(|w| is_geographic_word(w)),
            acronym: is_acronym(name),
            demonym: is_demonym(name),
            event: words.last().is_some_and(|w| is_event_word(w)),
            person_shaped: words.len() >= 2
                && !is_demonym(words[0])
                && !words.iter().any(|w| is_name_connector(w) || is_acronym(w)),
            single_word: single,
        }
    }
}

fn classify(
    cache: &mut Facts<'_, '_>,
    text: &str,
    tokens: &[Token],
    mention: &Mention,
) -> Option<EntityKind> {
    let name = &text[mention.range.clone()];
    let facts = cache.of(name);
    if mention.role_only || facts.mojibake {
        return None;
    }
    let word = |t: usize| {
        tokens
            .get(t)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(text))
    };
    let geographic =
        facts.geographic_word || word(mention.tokens.end).is_some_and(is_geographic_word);
    let surely_person = mention.title.is_some() || facts.surely_person;
    let after_place_preposition = mention
        .start
        .checked_sub(1)
        .and_then(word)
        .is_some_and(|w| PLACE_PREPOSITIONS.contains(&lowercase(w).as_ref()));
    if surely_person && !facts.known_place {
        return Some(EntityKind::Person);
    }
    if facts.known_place || facts.republic {
        return Some(EntityKind::Place);
    }
    if (facts.demonym && !facts.acronym) || facts.event {
        return None;
    }
    if facts.exact == NameKind::Org || facts.org_word || (facts.acronym && !mention.doubtful) {
        return Some(EntityKind::Org);
    }
    if geographic {
        return Some(EntityKind::Place);
    }
    if mention.doubtful {
        // A capitalized first word is a name only as the subject of a
        // reporting verb (`Sherbatov said`) and if used again.
        let reports = word(mention.tokens.end).is_some_and(|w| reporting_lemma(w).is_some());
        return if reports && facts.single_word {
            cache.lone_word_kind(name)
        } else {
            None
        };
    }
    if after_place_preposition {
        return Some(EntityKind::Place);
    }
    if facts.exact == NameKind::Person || facts.person_shaped {
        return Some(EntityKind::Person);
    }
    // A lone capitalized word of unknown kind is a name only if the
    // article uses it more than once.
    if facts.single_word {
        cache.lone_word_kind(name)
    } else {
        None
    }
}

/// How the article uses a word, as a whole word.
fn occurrences(reading: &Reading<'_>, word: &str) -> Uses {
    let mut uses = Uses::default();
    for view in &reading.views {
        for (at, _) in view.text.match_indices(word) {
            let before = &view.text[..at];
            let after = view.text[at + word.len()..].chars().next();
            if before
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            uses.count += 1;
            let previous = before.trim_end().rsplit(char::is_whitespace).next();
            let next = view.text[at + word.len()..].split_whitespace().next();
            uses.after_the |= previous.is_some_and(|w| w.eq_ignore_ascii_case("the"));
            let in_a_name = |w: Option<&str>| {
                w.is_some_and(|w| {
                    w.chars().next().is_some_and(char::is_uppercase) && !is_function_word(w)
                })
            };
            if !in_a_name(previous) && !in_a_name(next) {
                uses.standalone += 1;
            }
        }
    }
    uses
}

/// How an article uses a word.
#[derive(Default)]
struct Uses {
    /// Times it stands as a whole word.
    count: usize,
    /// Whether it ever directly follows `the`.
    after_the: bool,
    /// Times it stands with no capitalized word on either side.
    standalone: usize,
}

/// Text decoded with the wrong encoding (`Âþµº`): symbols of Latin-1 in a name.
fn is_mojibake(name: &str) -> bool {
    name.chars()
        .any(|c| ('\u{a0}'..='\u{bf}').contains(&c) || c == '\u{fffd}')
}

/// `Islamic Republic of Iran`, `Republic of Iraq`, `Kingdom of Jordan`.
fn republic_of(name: &str) -> Option<&str> {
    if !name.contains(" of ") {
        return None;
    }
    [
        "Republic of ",
        "Kingdom of ",
        "State of ",
        "Emirate of ",
        "Sultanate of ",
    ]
    .iter()
    .find_map(|marker| name.find(marker).map(|i| &name[i + marker.len()..]))
    .filter(|rest| is_known_place(rest))
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
    fn of<'f>(reading: &Reading<'_>, found: impl Iterator<Item = &'f Found> + Clone) -> Values {
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
        let mut counts: HashMap<(EntityKind, String), HashMap<String, usize>> = HashMap::new();
        let mut people = HashMap::new();
        for f in found {
            if f.kind == EntityKind::Person {
                people.entry(f.name.clone()).or_insert_with(|| {
                    let fullest = reading.register.fullest(&f.name);
                    fullest.map_or_else(|| f.name.clone(), |e| e.name.clone())
                });
                continue;
            }
            let (name, key) = resolve_alias(&aliases, f);
            *counts
                .entry((f.kind, key))
                .or_default()
                .entry(name.trim_start_matches("the ").to_owned())
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
        }
        self.spellings
            .get(&(f.kind, key))
            .cloned()
            .unwrap_or_else(|| name.to_owned())
    }
}

/// The name `f` stands for, if an alias (an acronym defined in the text),
/// and that name's skeleton.
fn resolve_alias<'a>(aliases: &'a HashMap<String, String>, f: &'a Found) -> (&'a str, String) {
    match aliases.get(&f.key) {
        Some(name) => (name.as_str(), skeleton(name)),
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
                let acronym = word(after + 1).filter(|a| is_acronym(a) && abbreviates(a, name));
                if let Some(acronym) = acronym {
                    aliases.insert(skeleton(acronym), name.to_owned());
                }
            }
            if is(after, ',') && word(after + 1) == Some("or") {
                if let Some(next) = mentions
                    .get(i + 1)
                    .filter(|m| m.start == after + 2 || m.tokens.start == after + 2)
                {
                    aliases.insert(skeleton(&view.text[next.range.clone()]), name.to_owned());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::ingest::{parse, Format};

    /// (text as written, entity, kind) of every mention in `text`.
    fn tagged(text: &str) -> Vec<(String, String, &'static str)> {
        let article = parse(text.as_bytes(), "a.txt", Format::Text)
            .articles
            .remove(0);
        let analysis = analyze(article);
        analysis
            .passages
            .iter()
            .flat_map(|p| &p.mentions)
            .map(|m| {
                let written = analysis.article.text(m.range.clone()).to_owned();
                (written, m.entity.clone(), m.kind.as_str())
            })
            .collect()
    }

    fn has(tags: &[(String, String, &str)], written: &str, kind: &str) -> bool {
        tags.iter().any(|(w, _, k)| w == written && *k == kind)
    }

    #[test]
    fn lone_words_take_the_kind_their_uses_suggest() {
        let tags = tagged(
            "Results\n\nThe veteran Okonkwo struck 158 runs. Later, Okonkwo was out.\n\n\
             Fighters of the Zaydis attacked. The Zaydis left. The Tarvan Security Council \
             and the Security Council met.\n",
        );
        assert!(has(&tags, "Okonkwo", "person"), "{tags:?}");
        assert!(has(&tags, "Zaydis", "org"), "{tags:?}");
        assert!(!tags.iter().any(|(w, _, _)| w == "Security"), "{tags:?}");
    }

    #[test]
    fn lists_of_names_count_even_in_a_line_without_lower_case() {
        let tags =
            tagged("Scorers\n\nRomania - Cosmin Contra ( 31st ) , Mihai Tararache ( 75th )\n");
        assert!(has(&tags, "Cosmin Contra", "person"), "{tags:?}");
        assert!(has(&tags, "Mihai Tararache", "person"), "{tags:?}");
    }

    #[test]
    fn descriptions_days_and_events_stay_out_of_names() {
        let tags = tagged(
            "Report\n\nThe American Dennis Mitchell beat A. Okafor on Friday at the \
             Hong Kong Open, and Coach Berti Vogts watched. South Koreans cheered.\n",
        );
        assert!(has(&tags, "Dennis Mitchell", "person"), "{tags:?}");
        assert!(has(&tags, "A. Okafor", "person"), "{tags:?}");
        assert!(has(&tags, "Berti Vogts", "person"), "{tags:?}");
        let written: Vec<&str> = tags.iter().map(|(w, _, _)| w.as_str()).collect();
        assert!(
            !written
                .iter()
                .any(|w| w.contains("Open") || w.contains("Korean")),
            "{tags:?}"
        );
    }

    #[test]
    fn a_bracketed_acronym_must_match_the_name() {
        let tags = tagged("Results\n\nTim Okafor ( U.S. ) beat Doug Flachs ( Canada ) 6-3.\n");
        assert!(has(&tags, "Tim Okafor", "person"), "{tags:?}");
        assert!(has(&tags, "U.S.", "place"), "{tags:?}");
    }

    #[test]
    fn spelling_skeletons_join_transliterations_and_british_spelling() {
        assert_eq!(skeleton("Kata’ib Hezbollah"), skeleton("Kataib Hezbollah"));
        assert_eq!(
            skeleton("Kataeb Sayyid al-Shuhada"),
            skeleton("Kataib Sayyid al-Shuhada")
        );
        assert_eq!(
            skeleton("Popular Mobilisation Forces"),
            skeleton("Popular Mobilization Forces")
        );
        assert_ne!(skeleton("Iran"), skeleton("Iraq"));
    }

    #[test]
    fn initials_skip_joining_words() {
        assert_eq!(initials("Kurdistan Region of Iraq"), "KRI");
        assert_eq!(initials("Islamic Revolutionary Guard Corps"), "IRGC");
        assert!(is_acronym("PMF") && is_acronym("U.S.") && !is_acronym("Hamas"));
    }

    #[test]
    fn places_come_from_the_list() {
        assert!(
            is_known_place("Baghdad") && is_known_place("iraq") && is_known_place("Middle East")
        );
        assert!(!is_known_place("Hezbollah"));
        assert_eq!(republic_of("Islamic Republic of Iran"), Some("Iran"));
    }
}
