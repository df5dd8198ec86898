//! From what a frame points at to a speaker: a name to the fullest form
//! the article gives it, `he`/`she`/`they` to the most recent fitting
//! entity, and a description (`the report`, `the Israeli FM`) to the entity
//! introduced with that role; places and non-entities are no speakers.

use super::frame::Frame;
use super::{Candidate, Context, Speaker};
use crate::analyze::companies::is_known_company;
use crate::analyze::lexer::TokenKind;
use crate::analyze::names::Mention;
use crate::analyze::names::NameKind;
use crate::analyze::places::is_people_adjective;
use crate::analyze::reading::View;
use crate::analyze::speech_words::{is_verb_companion, reporting_lemma};
use crate::analyze::tagger::NameLabel;
use crate::analyze::wordlists::{
    is_contact_verb, is_function_word, is_group_role, is_group_type, is_listener_verb,
    is_person_role, is_title_word,
};

impl Context<'_, '_> {
    /// Whether the tagger took a candidate's name for a person.
    pub(super) fn is_person(&self, view: &View<'_>, candidate: &Candidate) -> bool {
        let Candidate::Name {
            sentence: s,
            mention: m,
        } = *candidate
        else {
            return false;
        };
        let range = &view.mentions[s][m].range;
        let body = view.base + range.start..view.base + range.end;
        let name = &view.text[range.clone()];
        match self.reading.label_at(&body) {
            Some(NameLabel::Person) => true,
            // `Lynch announced ...`, one word read as an organisation in its
            // own sentence, is a person when the article names that person
            // in full (`Loretta Lynch`); `Bloomberg reported` stays the
            // company.
            Some(NameLabel::Org) => {
                !name.contains(' ') && !is_known_company(name) && self.fuller_form_is_person(name)
            }
            Some(_) => false,
            // A form the tagger passed over here (`Ferrand later defended
            // ...`) is a person when the article's other forms of the
            // name are.
            None => {
                let register = &self.reading.register;
                register
                    .fullest(name)
                    .and_then(|e| register.index_of(&e.name))
                    .is_some_and(|entry| self.kind(entry) == NameKind::Person)
            }
        }
    }

    /// Whether a candidate's name heard the words or passed them on
    /// ([`is_listener`]), or the tagger took it for a place, or took a
    /// phrase of several words for no entity (an adjective, an event):
    /// `N.Y.` or `Central Asian` say nothing. A single word it took for an
    /// adjective may still be a surname (`French said`).
    pub(super) fn is_no_speaker(&self, view: &View<'_>, s: usize, m: usize) -> bool {
        let mention = &view.mentions[s][m];
        if is_listener(view, mention) {
            return true;
        }
        if mention.role_only {
            // `the Israeli FM`: a description, resolved through its role.
            return false;
        }
        if self.names_no_one(view, mention) {
            return true;
        }
        let range = view.base + mention.range.start..view.base + mention.range.end;
        match self.reading.label_at(&range) {
            // `Camden says` after `Gov. Rob Camden`: a surname that is
            // also a town.
            Some(NameLabel::Place) => {
                mention.tokens.len() > 1
                    || !self.fuller_form_is_person(&view.text[mention.range.clone()])
            }
            Some(NameLabel::Other) => mention.tokens.len() > 1,
            _ => false,
        }
    }

    /// Whether a mention is a people's adjective that opens a description
    /// of someone unnamed ([`is_adjective_of_people`]), and not a surname
    /// the article gives in full.
    pub(super) fn names_no_one(&self, view: &View<'_>, mention: &Mention) -> bool {
        is_adjective_of_people(view, mention)
            && !self.fuller_form_is_person(&view.text[mention.range.clone()])
    }

    /// Whether a candidate is a name that is no speaker
    /// ([`Context::is_no_speaker`]).
    pub(super) fn says_nothing(&self, view: &View<'_>, candidate: &Candidate) -> bool {
        match *candidate {
            Candidate::Name {
                sentence: s,
                mention: m,
            } => self.is_no_speaker(view, s, m),
            _ => false,
        }
    }

    /// Whether the article writes `name` out in full elsewhere as a
    /// person, whatever other fuller forms it has.
    fn fuller_form_is_person(&self, name: &str) -> bool {
        (self.reading.register.fuller_forms(name).into_iter())
            .any(|entry| self.kind(entry) == NameKind::Person)
    }

    pub(super) fn resolve(&mut self, view: &View<'_>, candidate: Candidate) -> Option<Speaker> {
        match candidate {
            Candidate::Name {
                sentence: s,
                mention: m,
            } => {
                if self.is_no_speaker(view, s, m) {
                    return None;
                }
                let mention = &view.mentions[s][m];
                // `Dana Pope`: a person's name whose last word is a title.
                let named = mention.tokens.clone().any(|t| {
                    let word = view.tokens[t].text(view.text);
                    view.tokens[t].kind == TokenKind::Word
                        && !is_title_word(word)
                        && !is_person_role(word)
                }) && self.is_person(view, &candidate);
                if mention.role_only && !named {
                    let last = view.tokens[mention.tokens.end - 1].text(view.text);
                    return self.describe(last, view.base + mention.range.start);
                }
                let written = &view.text[mention.range.clone()];
                let entry = self
                    .reading
                    .register
                    .fullest(written)
                    .map(|e| e.name.clone())
                    .unwrap_or_else(|| written.to_owned());
                self.remember_speaker(&entry);
                Some(Speaker {
                    name: entry,
                    mention: Some(view.base + mention.range.start..view.base + mention.range.end),
                })
            }
            Candidate::Pronoun { token: t, person } => {
                if let Some(subject) = person.then(|| self.binding_subject(view, t)).flatten() {
                    return self.resolve(view, subject);
                }
                let position = view.base + view.tokens[t].range.start;
                let event = self
                    .reading
                    .events_before(position)
                    .iter()
                    .rev()
                    .find(|e| {
                        let kind = self.kind(e.entry);
                        if person {
                            kind == NameKind::Person
                                || (kind == NameKind::Unknown && self.speakers.contains(&e.entry))
                        } else {
                            kind == NameKind::Org
                        }
                    })?;
                let name = self.reading.register.entry(event.entry).name.clone();
                let name = self
                    .reading
                    .register
                    .fullest(&name)
                    .map_or(name, |e| e.name.clone());
                Some(Speaker {
                    name,
                    mention: Some(event.range.clone()),
                })
            }
            Candidate::Description { token: t } => {
                let noun = view.tokens[t].text(view.text);
                self.describe(noun, view.base + view.tokens[t].range.start)
            }
        }
    }

    /// `Amara Lind said that she called Ferrand to praise what she called
    /// "..."`: a person pronoun inside a sentence whose subject is a
    /// person before it refers to that subject.
    fn binding_subject(&self, view: &View<'_>, t: usize) -> Option<Candidate> {
        let s = view.sentences.partition_point(|r| r.end <= t);
        view.sentences.get(s).filter(|r| r.contains(&t))?;
        let frame = Frame::new(view, s);
        // `Lind, whom he called ...`: a pronoun in a relative clause on
        // the subject itself speaks of someone else.
        let relative_on = |c: &Candidate| {
            let Candidate::Name { sentence, mention } = *c else {
                return false;
            };
            let end = view.mentions[sentence][mention].tokens.end;
            end + 2 == t
                && frame.is_punct(end, ",")
                && frame
                    .word(end + 1)
                    .is_some_and(|w| matches!(w, "who" | "whom" | "whose" | "which"))
        };
        frame
            .subject()
            .filter(|c| matches!(c, Candidate::Name { .. }))
            .filter(|c| frame.first_token(c) < t && !relative_on(c) && self.is_person(view, c))
    }

    /// The entity a description (`the report`, `the FM`) stands for: the
    /// most recent one introduced with that role, or for a group noun with
    /// any group role.
    fn describe(&self, noun: &str, position: usize) -> Option<Speaker> {
        let register = &self.reading.register;
        let event = self
            .reading
            .most_recent(register.with_role(noun), position)
            .or_else(|| {
                let groups = register.entries_where(|e| e.roles.iter().any(|r| is_group_type(r)));
                is_group_role(noun)
                    .then(|| self.reading.most_recent(groups, position))
                    .flatten()
            })?;
        let entry = register.entry(event.entry);
        Some(Speaker {
            name: self
                .reading
                .register
                .fullest(&entry.name)
                .map_or(entry.name.clone(), |e| e.name.clone()),
            mention: Some(event.range.clone()),
        })
    }

    fn remember_speaker(&mut self, name: &str) {
        let entry = self.reading.register.index_of(name);
        if let Some(entry) = entry.filter(|&e| self.reading.last_event_of(e, usize::MAX).is_some())
        {
            self.speakers.insert(entry);
        }
    }

    /// The kind of register entry `entry`: the tagger's, where it tagged
    /// the name; else what the register's titles and roles say over all
    /// its forms.
    fn kind(&self, entry: usize) -> NameKind {
        let register = &self.reading.register;
        *self.kinds[entry].get_or_init(|| match self.reading.tagged_kind(entry) {
            Some(NameLabel::Person) => NameKind::Person,
            Some(NameLabel::Org) => NameKind::Org,
            Some(NameLabel::Place | NameLabel::Other) => NameKind::Unknown,
            None => register.kind(&register.entry(entry).name),
        })
    }
}

/// `one Japanese refiner said`, `the Greek statement said`: a people's
/// adjective before a noun names no one (`French said`, `Cuban also
/// complained` may be a surname; so may a name the article gives in full).
fn is_adjective_of_people(view: &View<'_>, mention: &Mention) -> bool {
    let name = &view.text[mention.range.clone()];
    let noun_after = (view.tokens.get(mention.tokens.end))
        .filter(|token| token.kind == TokenKind::Word)
        .map(|token| token.text(view.text))
        .is_some_and(|word| {
            word.chars().next().is_some_and(char::is_lowercase)
                && reporting_lemma(word).is_none()
                && !is_function_word(word)
                && !is_verb_companion(word)
        });
    mention.tokens.len() == 1 && is_people_adjective(name) && noun_after
}

/// `"...," an official told Reuters`, `a spokesman contacted by Reuters
/// said`, `Reuters quoted an official as saying`: the name heard the words
/// or passed them on; someone else said them.
fn is_listener(view: &View<'_>, mention: &Mention) -> bool {
    let word = |t: usize| {
        view.tokens
            .get(t)
            .filter(|token| token.kind == TokenKind::Word)
            .map(|token| token.text(view.text).to_lowercase())
    };
    let before = |k: usize| mention.start.checked_sub(k).and_then(word);
    let told = before(1).is_some_and(|w| is_listener_verb(&w));
    let contacted =
        before(1).as_deref() == Some("by") && before(2).is_some_and(|w| is_contact_verb(&w));
    // Not `Kim quoted by local radio said`: the name is quoted.
    let quoting = word(mention.tokens.end).as_deref() == Some("quoted")
        && word(mention.tokens.end + 1).as_deref() != Some("by");
    told || contacted || quoting
}
