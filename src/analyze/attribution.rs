//! Attributes quotations to their speakers.
//!
//! Each quotation is looked at in its sentence, where every quotation is a
//! single token, so the frame around it reads like `QUOTE , X said` or
//! `X , a researcher , said , QUOTE`. In order, dossier tries:
//!
//! 1. after the quotation: `"...," X said`, `"...," said X`;
//! 2. before it: the nearest reporting verb and its subject, through
//!    appositions (`X, a member of Y, said`), relative clauses (`X, who
//!    claimed`), infinitives (`led the X faction to declare`), passives
//!    (`described by X`), participles (`..., saying "..."`) and
//!    `according to X`;
//! 3. the sentence's subject, when the sentence reports speech at all;
//! 4. a quotation opening a sentence or paragraph with no attribution of
//!    its own continues the previous speaker (news style).
//!
//! Names resolve to the fullest form in the article; `he`/`she` to the most
//! recent person; descriptions (`the report`, `the Israeli FM`) to the
//! entity introduced with that role.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;

use super::lexer::TokenKind;
use super::names::{Mention, NameKind};
use super::reading::{Reading, View};
use super::tagger::NameLabel;
use super::wordlists::{
    is_group_pronoun, is_group_role, is_group_type, is_person_pronoun, is_person_role,
    reporting_lemma,
};

/// Whether a quotation is whole speech or a fragment woven into a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// A sentence or clause of speech: `he said, "We are ready."`
    Direct,
    /// A fragment inside reported speech: `urged it to act "swiftly"`.
    Partial,
}

impl QuoteKind {
    /// `direct` or `partial`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
        }
    }
}

/// Who said a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The fullest name the article gives, without titles.
    pub name: String,
    /// Where the name it was resolved from is written (body byte range): the
    /// name itself, or the antecedent of a pronoun or description.
    pub mention: Option<Range<usize>>,
}

/// A quotation with its kind and speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted text, without marks, as a body byte range.
    pub inner: Range<usize>,
    /// The quotation with its marks.
    pub outer: Range<usize>,
    /// Direct or partial.
    pub kind: QuoteKind,
    /// The speaker, or none for names, terms and scare quotes.
    pub speaker: Option<Speaker>,
}

/// Attributes the quotations of an article's paragraphs, as read by
/// [`super::reading::read`]; one list of quotes per paragraph.
pub fn attribute(reading: &Reading<'_>) -> Vec<Vec<Quote>> {
    let mut context = Context {
        reading,
        speakers: HashSet::new(),
        kinds: (0..reading.register.len())
            .map(|_| OnceCell::new())
            .collect(),
    };
    let views = &reading.views;
    let mut out: Vec<Vec<Quote>> = Vec::with_capacity(views.len());
    for (p, view) in views.iter().enumerate() {
        let previous = p.checked_sub(1).map(|i| (&views[i], out[i].as_slice()));
        out.push(context.attribute_paragraph(view, previous));
    }
    out
}

struct Context<'r, 'a> {
    reading: &'r Reading<'a>,
    speakers: HashSet<usize>,
    /// The kind of each register entry over all its forms, worked out
    /// when a pronoun first needs it.
    kinds: Vec<OnceCell<NameKind>>,
}

/// What a frame points at as the speaker, before resolution.
#[derive(Clone, Copy)]
enum Candidate {
    Name(usize, usize),
    Pronoun(usize, bool),
    Description(usize),
}

impl Context<'_, '_> {
    fn attribute_paragraph(
        &mut self,
        view: &View<'_>,
        previous: Option<(&View<'_>, &[Quote])>,
    ) -> Vec<Quote> {
        let mut quotes: Vec<Quote> = Vec::new();
        for (s, sentence) in view.sentences.iter().enumerate() {
            let in_sentence: Vec<usize> = sentence
                .clone()
                .filter(|&t| matches!(view.tokens[t].kind, TokenKind::Quote(_)))
                .collect();
            let mut sentence_speaker: Option<Speaker> = None;
            for &t in &in_sentence {
                let TokenKind::Quote(q) = view.tokens[t].kind else {
                    continue;
                };
                let quotation = &view.quotations[q];
                let kind = quote_kind(view, sentence.clone(), t);
                let frame = Frame {
                    view,
                    s,
                    sentence: sentence.clone(),
                };
                // `"Like Oakland," Trump said` is speech, though it reads as a name.
                let term = is_term(&view.text[quotation.inner.clone()]) && frame.after(t).is_none();
                let speaker = if term {
                    None
                } else {
                    self.find_speaker(view, s, t, kind, sentence_speaker.as_ref())
                        .or_else(|| {
                            let continued = Continued {
                                earlier: &quotes,
                                previous,
                                reading: self.reading,
                            };
                            continued.speaker(sentence.clone(), t, kind)
                        })
                        .or_else(|| self.previous_subject(view, s, t, kind))
                };
                if let Some(speaker) = &speaker {
                    sentence_speaker = Some(speaker.clone());
                }
                quotes.push(Quote {
                    inner: view.base + quotation.inner.start..view.base + quotation.inner.end,
                    outer: view.base + quotation.outer.start..view.base + quotation.outer.end,
                    kind,
                    speaker,
                });
            }
        }
        quotes
    }

    fn find_speaker(
        &mut self,
        view: &View<'_>,
        s: usize,
        q: usize,
        kind: QuoteKind,
        earlier: Option<&Speaker>,
    ) -> Option<Speaker> {
        let frame = Frame {
            view,
            s,
            sentence: view.sentences[s].clone(),
        };
        let before = frame.before(q);
        let candidate = frame.after(q).or(match before {
            Some(Found::Candidate(c)) => Some(c),
            _ => None,
        });
        let candidate = match (candidate, &before, earlier) {
            (Some(c), _, _) => c,
            // `..., saying "..."`: the speaker of the main clause.
            (None, Some(Found::MainClause), Some(speaker)) => return Some(speaker.clone()),
            // A later quotation of a sentence whose speaker is known but
            // whose verb has no subject of its own is not the subject's.
            (None, Some(_), Some(_)) => return None,
            // A sentence's subject is its speaker when the sentence
            // reports speech, and for a fragment woven into what a person
            // did (`X defended his comments as "sarcastic"`).
            (None, _, _) => {
                if frame.reports_speech() {
                    frame.subject()?
                } else {
                    // The person who opens the sentence, even before a
                    // comma (`X hammered Y, calling him a "train wreck"`).
                    let opening = frame.phrase_right(frame.sentence.start);
                    let subject = opening
                        .filter(|c| !frame.is_possessive(c))
                        .or_else(|| frame.subject())?;
                    (kind == QuoteKind::Partial && self.is_person(view, &subject))
                        .then_some(subject)?
                }
            }
        };
        self.resolve(view, candidate)
    }

    /// A quotation that opens a sentence after one whose subject is a person
    /// (`Clinton touted her credentials. "We need ..."`) is that person's.
    fn previous_subject(
        &mut self,
        view: &View<'_>,
        s: usize,
        q: usize,
        kind: QuoteKind,
    ) -> Option<Speaker> {
        let opens = kind == QuoteKind::Direct && view.sentences[s].start == q;
        let before = s.checked_sub(1).filter(|_| opens)?;
        let frame = Frame {
            view,
            s: before,
            sentence: view.sentences[before].clone(),
        };
        let quoted = frame
            .sentence
            .clone()
            .any(|t| matches!(view.tokens[t].kind, TokenKind::Quote(_)));
        let subject = frame
            .subject()
            .filter(|c| !quoted && self.is_person(view, c))?;
        self.resolve(view, subject)
    }

    /// Whether the tagger took a candidate's name for a person.
    fn is_person(&self, view: &View<'_>, candidate: &Candidate) -> bool {
        let Candidate::Name(s, m) = *candidate else {
            return false;
        };
        let range = &view.mentions[s][m].range;
        let range = view.base + range.start..view.base + range.end;
        self.reading.label_at(&range) == Some(NameLabel::Person)
    }

    /// Whether the tagger took a candidate's name for a place, or took a
    /// phrase of several words for no entity (an adjective, an event):
    /// `N.Y.` or `Central Asian` say nothing. A single word it took for an
    /// adjective may still be a surname (`Cuban said`).
    fn is_no_speaker(&self, view: &View<'_>, s: usize, m: usize) -> bool {
        let mention = &view.mentions[s][m];
        if mention.role_only {
            // `the Israeli FM`: a description, resolved through its role.
            return false;
        }
        let range = view.base + mention.range.start..view.base + mention.range.end;
        match self.reading.label_at(&range) {
            Some(NameLabel::Place) => true,
            Some(NameLabel::Other) => mention.tokens.len() > 1,
            _ => false,
        }
    }

    fn resolve(&mut self, view: &View<'_>, candidate: Candidate) -> Option<Speaker> {
        match candidate {
            Candidate::Name(s, m) => {
                if self.is_no_speaker(view, s, m) {
                    return None;
                }
                let mention = &view.mentions[s][m];
                if mention.role_only {
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
            Candidate::Pronoun(t, person) => {
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
            Candidate::Description(t) => {
                let noun = view.tokens[t].text(view.text);
                self.describe(noun, view.base + view.tokens[t].range.start)
            }
        }
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

/// Where `before` found the attribution.
enum Found {
    Candidate(Candidate),
    /// A participle (`..., saying "..."`) whose subject is the main clause's.
    MainClause,
}

/// A sentence seen as a frame around its quotations.
struct Frame<'v, 'a> {
    view: &'v View<'a>,
    s: usize,
    sentence: Range<usize>,
}

impl Frame<'_, '_> {
    fn word(&self, t: usize) -> Option<&str> {
        let token = self
            .view
            .tokens
            .get(t)
            .filter(|_| self.sentence.contains(&t))?;
        (token.kind == TokenKind::Word).then(|| token.text(self.view.text))
    }

    fn is_punct(&self, t: usize, marks: &str) -> bool {
        self.sentence.contains(&t)
            && matches!(self.view.tokens[t].kind, TokenKind::Punct(c) if marks.contains(c))
    }

    /// A reporting verb at `t`, used as a verb (not `the claims`), with
    /// `point` only as `point out`.
    fn reporting_verb(&self, t: usize) -> Option<&'static str> {
        let word = self.word(t)?;
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        if capitalized && t != self.sentence.start {
            return None; // `United States` does not state anything
        }
        let lemma = reporting_lemma(word)?;
        let after_determiner = t
            .checked_sub(1)
            .and_then(|p| self.word(p))
            .is_some_and(|w| is_determiner(w) || w.ends_with("'s") || w.ends_with("’s"));
        let point_out = lemma != "point" || self.word(t + 1) == Some("out");
        (!after_determiner && point_out).then_some(lemma)
    }

    fn reports_speech(&self) -> bool {
        self.sentence
            .clone()
            .any(|t| self.reporting_verb(t).is_some())
    }

    /// `"...," X said`, `"...," said X`, or a byline `"..." ― X`.
    fn after(&self, q: usize) -> Option<Candidate> {
        let mut t = q + 1;
        let dash = self.is_punct(t, "—–―-");
        while self.is_punct(t, ",—–―-") {
            t += 1;
        }
        // `"leading from behind" and Trump says ...`: a new clause, whose
        // speaker is its own.
        if self
            .word(t)
            .is_some_and(|w| matches!(w, "and" | "but" | "or" | "while" | "whereas"))
        {
            return None;
        }
        if self.reporting_verb(t).is_some() {
            let participle = self.word(t).is_some_and(|w| w.ends_with("ing"));
            return if participle {
                None
            } else {
                self.phrase_right(t + 1)
            };
        }
        let (candidate, end) = self.phrase_right_with_end(t)?;
        if dash && (end >= self.sentence.end || self.is_punct(end, ".,(")) {
            return Some(candidate);
        }
        let mut at = self.skip_bracket_right(end);
        for _ in 0..4 {
            at = self.skip_adverbs_right(at);
            if self.reporting_verb(at).is_some() {
                return Some(candidate);
            }
            if !self.is_punct(at, ",") {
                return None;
            }
            at = self.skip_apposition_right(at);
        }
        None
    }

    /// The attribution before a quotation: the nearest reporting verb and
    /// whoever it belongs to.
    fn before(&self, q: usize) -> Option<Found> {
        if let Some(to) = (self.sentence.start..q).rev().find(|&t| {
            self.word(t) == Some("to")
                && t > 0
                && self
                    .word(t - 1)
                    .is_some_and(|w| w.eq_ignore_ascii_case("according"))
        }) {
            return self.phrase_right(to + 1).map(Found::Candidate);
        }
        // The nearest verb with someone to belong to: in `Ryan said the
        // protests demands that ...`, `demands` has no speaker, `said` does.
        (self.sentence.start..q)
            .rev()
            .filter(|&t| self.reporting_verb(t).is_some())
            .find_map(|verb| self.verb_owner(verb))
    }

    /// Who a reporting verb belongs to.
    fn verb_owner(&self, verb: usize) -> Option<Found> {
        let word = self.word(verb)?;
        if self.word(verb + 1) == Some("by") {
            return self.phrase_right(verb + 2).map(Found::Candidate);
        }
        if word.ends_with("ing") && verb.checked_sub(1).and_then(|p| self.word(p)) != Some("was") {
            // `Ryan saying he was "encouraged" and Trump calling it ...`:
            // a name right before the participle is its own speaker.
            let named = verb
                .checked_sub(1)
                .and_then(|p| self.mention_ending(p))
                .filter(|&m| !self.view.mentions[self.s][m].role_only);
            return Some(match named {
                Some(m) => Found::Candidate(Candidate::Name(self.s, m)),
                None => Found::MainClause,
            });
        }
        let mut left = verb.checked_sub(1)?;
        if self.word(left) == Some("to") {
            left = left.checked_sub(1)?;
        }
        self.phrase_left(self.skip_adverbs_left(left))
            .map(Found::Candidate)
    }

    /// The subject of the sentence, after an introductory phrase.
    fn subject(&self) -> Option<Candidate> {
        let intro_end = (self.sentence.start..self.sentence.end.min(self.sentence.start + 12))
            .find(|&t| self.is_punct(t, ","))
            .filter(|&comma| {
                !(self.sentence.start..comma).any(|t| self.reporting_verb(t).is_some())
                    // `X hammered Y, calling it ...`: a clause, not a lead-in.
                    && !self.word(comma + 1).is_some_and(|w| w.ends_with("ing"))
                    // `Bush, however, interjected`: the name is the subject.
                    && self.mention_starting(self.sentence.start).is_none()
            });
        let start = intro_end.map_or(self.sentence.start, |c| c + 1);
        // Names in a leading phrase (`In an interview on CBS's ...`) set the
        // scene; the subject is the first one that does not. Where the comma
        // ends a clause instead (`X appeared in a clip, saying ...`), the
        // subject is before it.
        let first_from = |start: usize| {
            (start..self.sentence.end.min(start + 10))
                .filter_map(|t| self.phrase_right(t))
                .find(|c| !self.is_introductory(c) && !self.is_possessive(c))
        };
        first_from(start).or_else(|| first_from(self.sentence.start))
    }

    fn is_possessive(&self, candidate: &Candidate) -> bool {
        let Candidate::Name(s, m) = candidate else {
            return false;
        };
        let last = &self.view.tokens[self.view.mentions[*s][*m].tokens.end - 1];
        let word = last.text(self.view.text);
        word.ends_with("'s") || word.ends_with("’s")
    }

    /// The name whose run (title included) starts at `t`.
    fn mention_starting(&self, t: usize) -> Option<usize> {
        self.view.mentions[self.s]
            .iter()
            .position(|m| m.start == t || m.tokens.start == t)
    }

    fn mention_ending(&self, t: usize) -> Option<usize> {
        self.view.mentions[self.s]
            .iter()
            .position(|m| m.tokens.end == t + 1)
    }

    /// `White House press secretary Josh Earnest`: after an organisation's
    /// name, a role in lower case and then a person's name.
    fn named_after_role(&self, t: usize) -> Option<(Candidate, usize)> {
        let mut saw_role = false;
        for n in t..(t + 4).min(self.sentence.end) {
            if let Some(m) = self.mention_starting(n) {
                let mention = &self.view.mentions[self.s][m];
                return (saw_role || mention.title.is_some())
                    .then_some((Candidate::Name(self.s, m), mention.tokens.end));
            }
            let word = self.word(n)?;
            if !word.chars().next().is_some_and(char::is_lowercase) {
                return None;
            }
            saw_role |= is_person_role(word);
        }
        None
    }

    /// `the Iraqi authorities`: a one-word name used as an adjective.
    fn is_modifier(&self, m: usize) -> bool {
        let mention = &self.view.mentions[self.s][m];
        let next_is_lowercase = self
            .word(mention.tokens.end)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        let next = mention.tokens.end;
        let next_is_verb =
            self.reporting_verb(next).is_some() || self.word(next).is_some_and(is_adverb);
        mention.tokens.len() == 1
            && next_is_lowercase
            && !next_is_verb
            && !is_group_role(self.word(next).unwrap_or_default())
    }

    fn phrase_right(&self, t: usize) -> Option<Candidate> {
        self.phrase_right_with_end(t).map(|(c, _)| c)
    }

    /// A name, pronoun or description starting at `t`, and the token after it.
    fn phrase_right_with_end(&self, t: usize) -> Option<(Candidate, usize)> {
        if let Some(m) = self.mention_starting(t) {
            let mention = &self.view.mentions[self.s][m];
            if let Some(person) = self.named_after_role(mention.tokens.end) {
                return Some(person);
            }
            let said = self.reporting_verb(mention.tokens.end).is_some();
            if !mention.doubtful || said {
                return Some((Candidate::Name(self.s, m), mention.tokens.end));
            }
        }
        let word = self.word(t)?;
        if is_person_pronoun(word) || is_group_pronoun(word) {
            return Some((Candidate::Pronoun(t, is_person_pronoun(word)), t + 1));
        }
        if is_determiner(word) {
            for n in t + 1..(t + 5).min(self.sentence.end) {
                if let Some(m) = self.mention_starting(n).filter(|&m| !self.is_modifier(m)) {
                    return Some((
                        Candidate::Name(self.s, m),
                        self.view.mentions[self.s][m].tokens.end,
                    ));
                }
                let noun = self.word(n)?;
                if is_person_role(noun) || is_group_role(noun) {
                    return Some((Candidate::Description(n), n + 1));
                }
            }
        }
        None
    }

    /// A name, pronoun or description ending at `t`.
    fn phrase_left(&self, t: usize) -> Option<Candidate> {
        if self.is_punct(t, ")") {
            let before = self.skip_bracket_left(t);
            // An unmatched bracket leads nowhere.
            return (before != t).then(|| self.phrase_left(before)).flatten();
        }
        if self.is_punct(t, ",") {
            return self.apposition_subject(t);
        }
        if let Some(m) = self.mention_ending(t) {
            return Some(Candidate::Name(self.s, m));
        }
        let word = self.word(t)?;
        if word == "who" || word == "which" {
            let comma = t.checked_sub(1).filter(|&c| self.is_punct(c, ","))?;
            return self.phrase_left(comma.checked_sub(1)?);
        }
        if is_person_pronoun(word) || is_group_pronoun(word) {
            return Some(Candidate::Pronoun(t, is_person_pronoun(word)));
        }
        if is_person_role(word) || is_group_role(word) {
            // `the Kataib Sayyid al-Shuhada faction`, but not `US forces`.
            let named_group = t
                .checked_sub(1)
                .and_then(|p| self.mention_ending(p))
                .filter(|&m| {
                    let mention = &self.view.mentions[self.s][m];
                    let acronym = self.view.text[mention.range.clone()]
                        .chars()
                        .all(|c| c.is_uppercase());
                    is_group_type(word) && (mention.tokens.len() >= 2 || acronym)
                });
            if let Some(m) = named_group {
                return Some(Candidate::Name(self.s, m));
            }
            let determiner =
                (t.saturating_sub(4)..t).any(|d| self.word(d).is_some_and(is_determiner));
            return determiner.then_some(Candidate::Description(t));
        }
        None
    }

    /// The subject before a chain of appositions ending at `comma`: in
    /// `X, president of Y, which represents Z, said` it is `X`, the
    /// farthest name in the chain that is not an introductory phrase.
    fn apposition_subject(&self, comma: usize) -> Option<Candidate> {
        let mut best = None;
        let mut at = comma;
        for _ in 0..4 {
            let start = at.saturating_sub(25).max(self.sentence.start);
            let Some(open) = (start..at)
                .rev()
                .find(|&t| self.is_punct(t, ",") || self.is_quote(t))
            else {
                break;
            };
            if !self.is_punct(open, ",") {
                break;
            }
            let Some(before) = open.checked_sub(1) else {
                break;
            };
            let candidate = self.phrase_left(self.skip_bracket_left(before));
            if let Some(candidate) = candidate.filter(|c| !self.is_introductory(c)) {
                best = Some(candidate);
            }
            at = open;
        }
        best
    }

    fn is_quote(&self, t: usize) -> bool {
        matches!(self.view.tokens[t].kind, TokenKind::Quote(_))
    }

    /// The token after a bracketed aside starting at `t` (`Ryan (R-Wis.) said`).
    fn skip_bracket_right(&self, t: usize) -> usize {
        if !self.is_punct(t, "(") {
            return t;
        }
        (t..self.sentence.end)
            .take(8)
            .find(|&c| self.is_punct(c, ")"))
            .map_or(t, |c| c + 1)
    }

    /// The token before a bracketed aside ending at `t` (`Pence (R-IN)`).
    fn skip_bracket_left(&self, t: usize) -> usize {
        if !self.is_punct(t, ")") {
            return t;
        }
        (self.sentence.start..t)
            .rev()
            .take(8)
            .find(|&o| self.is_punct(o, "("))
            .and_then(|o| o.checked_sub(1))
            .unwrap_or(t)
    }

    /// A name after a preposition (`In Washington,`) sets the scene; it is
    /// not the subject.
    fn is_introductory(&self, candidate: &Candidate) -> bool {
        let first = match candidate {
            Candidate::Name(s, m) => self.view.mentions[*s][*m].start,
            Candidate::Pronoun(t, _) | Candidate::Description(t) => *t,
        };
        first
            .checked_sub(1)
            .and_then(|p| self.word(p))
            .is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "in" | "on"
                        | "at"
                        | "for"
                        | "from"
                        | "to"
                        | "of"
                        | "with"
                        | "by"
                        | "about"
                        | "after"
                        | "before"
                        | "since"
                        | "during"
                )
            })
    }

    fn skip_apposition_right(&self, t: usize) -> usize {
        if !self.is_punct(t, ",") {
            return t;
        }
        let end = (t + 25).min(self.sentence.end);
        (t + 1..end)
            .find(|&c| self.is_punct(c, ","))
            .map_or(t, |c| c + 1)
    }

    fn skip_adverbs_left(&self, mut t: usize) -> usize {
        while self.word(t).is_some_and(is_adverb) && t > self.sentence.start {
            t -= 1;
        }
        t
    }

    fn skip_adverbs_right(&self, mut t: usize) -> usize {
        while self.word(t).is_some_and(is_adverb) {
            t += 1;
        }
        t
    }
}

fn is_determiner(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "up"
            | "new"
            | "of"
            | "in"
            | "with"
            | "such"
            | "any"
            | "some"
            | "no"
            | "many"
            | "and"
    )
}

fn is_adverb(word: &str) -> bool {
    (word.ends_with("ly") && word.len() > 4 && word.chars().next().is_some_and(char::is_lowercase))
        || matches!(
            word,
            "also"
                | "later"
                | "then"
                | "again"
                | "further"
                | "once"
                | "still"
                | "often"
                | "never"
                | "has"
                | "had"
                | "have"
                | "was"
                | "is"
                | "would"
                | "will"
                | "not"
        )
}

/// Direct when the quotation opens its sentence or follows a comma, colon,
/// dash, `that` or a reporting verb; partial when woven into the sentence.
fn quote_kind(view: &View<'_>, sentence: Range<usize>, q: usize) -> QuoteKind {
    if q == sentence.start {
        return QuoteKind::Direct;
    }
    let previous = &view.tokens[q - 1];
    let direct = match previous.kind {
        TokenKind::Punct(c) => ",:—–".contains(c),
        TokenKind::Word => {
            let word = previous.text(view.text);
            word.eq_ignore_ascii_case("that") || reporting_lemma(word).is_some()
        }
        TokenKind::Quote(_) => false,
    };
    if direct {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// A quoted name or term rather than speech: a few words, all capitalized,
/// without a sentence's final punctuation (`“Axis of Resistance”`).
fn is_term(quoted: &str) -> bool {
    let quoted = quoted.trim();
    let words: Vec<&str> = quoted
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    // Titles take the sentence's comma inside the marks (`“Face the Nation,”`),
    // and a title-case slogan may end with a full stop (`Peace Through Strength.`).
    let ends_like_speech =
        quoted.ends_with(['!', '?']) || (quoted.ends_with('.') && words.len() < 2);
    !words.is_empty()
        && words.len() <= 5
        && !ends_like_speech
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "of" | "the" | "and" | "for" | "in" | "on" | "de" | "al")
        })
}

/// What a quotation with no attribution of its own may continue: the
/// quotations before it in its paragraph, and the previous paragraph.
struct Continued<'a, 'r> {
    earlier: &'a [Quote],
    previous: Option<(&'a View<'r>, &'a [Quote])>,
    reading: &'a Reading<'r>,
}

impl Continued<'_, '_> {
    /// A quotation that opens its sentence continues the speaker of the
    /// quotation before it in the paragraph; one that opens its paragraph
    /// continues the previous paragraph's speaker.
    fn speaker(&self, sentence: Range<usize>, q: usize, kind: QuoteKind) -> Option<Speaker> {
        if kind != QuoteKind::Direct || q != sentence.start {
            return None;
        }
        if let Some(speaker) = self
            .earlier
            .iter()
            .rev()
            .find_map(|quote| quote.speaker.clone())
        {
            return Some(speaker);
        }
        if q != 0 {
            return None;
        }
        let (previous_view, previous_quotes) = self.previous?;
        let open_quote = previous_quotes
            .last()
            .filter(|_| previous_view.quotations.last().is_some_and(|q| !q.closed));
        if let Some(speaker) = open_quote.and_then(|q| q.speaker.clone()) {
            return Some(speaker);
        }
        self.previous_person(previous_view)
            .or_else(|| previous_quotes.iter().rev().find_map(|q| q.speaker.clone()))
    }

    /// The last person named in a paragraph's last sentence; never a name
    /// the tagger took for a place (`his constituents in South Carolina`)
    /// or for no entity at all (`the Rose Bowl`).
    fn previous_person(&self, view: &View<'_>) -> Option<Speaker> {
        let last = view.mentions.last()?;
        let mention = last.iter().rev().find(|m| {
            let range = view.base + m.range.start..view.base + m.range.end;
            !m.role_only
                && !m.doubtful
                && !matches!(
                    self.reading.label_at(&range),
                    Some(NameLabel::Place | NameLabel::Other)
                )
                && (m.title.is_some() || is_person_role_before(view, m) || m.tokens.len() >= 2)
        })?;
        Some(Speaker {
            name: view.text[mention.range.clone()].to_owned(),
            mention: Some(view.base + mention.range.start..view.base + mention.range.end),
        })
    }
}

fn is_person_role_before(view: &View<'_>, mention: &Mention) -> bool {
    mention.tokens.start.checked_sub(1).is_some_and(|p| {
        view.tokens[p].kind == TokenKind::Word && is_person_role(view.tokens[p].text(view.text))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::quotations::{find, Quotation};

    fn speakers(paragraphs: &[&str]) -> Vec<(String, Option<String>, QuoteKind)> {
        let text = paragraphs.join("\n");
        let mut ranges = Vec::new();
        let mut at = 0;
        for p in paragraphs {
            ranges.push(at..at + p.len());
            at += p.len() + 1;
        }
        let quotations: Vec<Vec<Quotation>> = ranges
            .iter()
            .map(|r| {
                find(&text[r.clone()])
                    .into_iter()
                    .map(|q| Quotation {
                        inner: q.inner.start + r.start..q.inner.end + r.start,
                        outer: q.outer.start + r.start..q.outer.end + r.start,
                        closed: q.closed,
                    })
                    .collect()
            })
            .collect();
        attribute(&crate::analyze::reading::read(
            &text,
            &ranges,
            &[],
            &quotations,
        ))
        .into_iter()
        .flatten()
        .map(|q| (text[q.inner].to_owned(), q.speaker.map(|s| s.name), q.kind))
        .collect()
    }

    fn speaker_of(
        found: &[(String, Option<String>, QuoteKind)],
        quote_start: &str,
    ) -> Option<String> {
        found
            .iter()
            .find(|(q, _, _)| q.starts_with(quote_start))
            .and_then(|(_, s, _)| s.clone())
    }

    #[test]
    fn verbs_after_and_before_with_appositions() {
        let found = speakers(&[
            "\"We are done,\" said Jane Roe, a lawyer for the family.",
            "Minister John Doe, head of the finance ministry, said, \"Nothing changes.\"",
            "\"Prices will fall,\" Doe told reporters.",
        ]);
        assert_eq!(
            speaker_of(&found, "We are done").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            speaker_of(&found, "Nothing changes").as_deref(),
            Some("John Doe")
        );
        assert_eq!(speaker_of(&found, "Prices").as_deref(), Some("John Doe"));
        assert!(found.iter().all(|(_, _, kind)| *kind == QuoteKind::Direct));
    }

    #[test]
    fn pronouns_descriptions_and_continuations() {
        let found = speakers(&[
            "Senior researcher Omar Haddad, an economist at the Central Institute, warned of a crash.",
            "He added, \"The banks are exposed.\"",
            "A study by the Central Institute found losses. \"The figures are stark,\" the study said.",
            "Deputy Foreign Minister Lena Park spoke next. The deputy FM stressed that \"talks must go on.\"",
            "\"We will not wait forever.\"",
        ]);
        assert_eq!(
            speaker_of(&found, "The banks").as_deref(),
            Some("Omar Haddad")
        );
        assert_eq!(
            speaker_of(&found, "The figures").as_deref(),
            Some("Central Institute")
        );
        assert_eq!(
            speaker_of(&found, "talks must").as_deref(),
            Some("Lena Park")
        );
        assert_eq!(
            speaker_of(&found, "We will not").as_deref(),
            Some("Lena Park")
        );
    }

    #[test]
    fn a_place_that_ends_the_paragraph_before_is_no_speaker() {
        let found = speakers(&[
            "In his address, Graham said he will tell the critics among his own \
             Republican constituents in South Carolina to \"shut up.\"",
            "\"The answer to me is just focusing on what it means to be an American.\"",
        ]);
        let speaker = speaker_of(&found, "The answer");
        assert_ne!(speaker.as_deref(), Some("South Carolina"));
    }

    #[test]
    fn clause_ends_conjunctions_according_to_and_sentences_before() {
        let found = speakers(&[
            "Governor Tom Reilly said Lopez \"misled voters.\" Mayor Ann Kim called Reilly \"timid.\"",
            "Maria Lopez accused Reilly of \"hiding the costs\" and Kim says he is \"out of touch.\"",
            "According to Daniel Ortiz, \"The budget is short by a third.\"",
            "\"This is fantastic!\" beamed Carla Mendes, a delegate.",
            "Ortiz defended the audit at length. \"We stand by every figure.\"",
            "Both issued a statement, Tom Reilly saying he was \"encouraged\" and Ann Kim calling it \"a start.\"",
            "Reilly, however, interjected by blaming Kim for \"years of delay\" in the council.",
        ]);
        let expect = [
            ("misled voters", "Tom Reilly"),
            ("timid", "Ann Kim"),
            ("hiding the costs", "Maria Lopez"),
            ("out of touch", "Ann Kim"),
            ("The budget is short", "Daniel Ortiz"),
            ("This is fantastic", "Carla Mendes"),
            ("We stand by every figure", "Daniel Ortiz"),
            ("encouraged", "Tom Reilly"),
            ("a start", "Ann Kim"),
            ("years of delay", "Tom Reilly"),
        ];
        for (quote, speaker) in expect {
            assert_eq!(
                speaker_of(&found, quote).as_deref(),
                Some(speaker),
                "{quote}: {found:?}"
            );
        }
    }

    #[test]
    fn brackets_that_do_not_match_in_the_sentence_end_the_search() {
        let found = speakers(&["Rep. Gregory Meeks (D-N.Y.) said Ann Lee reassured them that all “were not going to lose.”"]);
        assert_eq!(found.len(), 1);
        let found = speakers(&["Lee said) it was “fine” (really"]);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn fragments_are_partial_and_terms_have_no_speaker() {
        let found = speakers(&[
            "The alliance, part of the so-called “Axis of Unity” bloc, held a rally.",
            "Governor Ann Lee urged the council to act “swiftly” on the matter.",
        ]);
        assert_eq!(speaker_of(&found, "Axis of Unity"), None);
        assert_eq!(speaker_of(&found, "swiftly").as_deref(), Some("Ann Lee"));
        assert!(found.iter().all(|(_, _, kind)| *kind == QuoteKind::Partial));
    }
}
