//! Attributes quotations to their speakers.
//!
//! Each quotation is looked at in its sentence, where every quotation is a
//! single token, so the frame around it reads like `QUOTE , X said` or
//! `X , a researcher , said , QUOTE`. In order, dossier tries:
//!
//! 1. after the quotation: `"...," X said`, `"...," said X`, unless a
//!    quotation ending in a full stop ended the sentence (`frame.rs`);
//! 2. before it: the nearest reporting verb and its subject, through
//!    appositions (`X, a member of Y, said`), relative clauses (`X, who
//!    claimed`), infinitives (`led the X faction to declare`, `X went on to
//!    say`), passives (`described by X`), participles (`..., saying "..."`)
//!    and `according to X` (`frame.rs`);
//! 3. for a fragment, a possessive and a noun for speech (`Holm's "30
//!    percent" comment`), or a closing `, X added.` (`woven.rs`);
//! 4. the sentence's subject, when the sentence reports speech or weaves
//!    the fragment into what a person did;
//! 5. a colon: the clause before it names the speaker, in the sentence or
//!    closing the previous paragraph (`Quill continued:`, `woven.rs`);
//! 6. a quotation opening a sentence or paragraph with no attribution of
//!    its own continues the previous speaker (news style, `continued.rs`);
//! 7. a paragraph signed `- Name.` gives the quotations before it their
//!    speaker.
//!
//! Names resolve to the fullest form in the article; `he`/`she` to the most
//! recent person; descriptions (`the report`, `the Israeli FM`) to the
//! entity introduced with that role (`resolve.rs`).

use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;

use super::lexer::TokenKind;
use super::names::NameKind;
use super::reading::{Reading, View};
use super::speech_words::reporting_lemma;
use crate::text::is_possessive;

/// Whether a quotation is whole speech or a fragment woven into a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
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

    /// The kind `as_str` names; a word it never gives is direct speech,
    /// the kind that claims least.
    pub fn from_name(name: &str) -> QuoteKind {
        if name == "partial" {
            QuoteKind::Partial
        } else {
            QuoteKind::Direct
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
    for (p, next) in views.iter().enumerate().skip(1) {
        // A signed paragraph is a quotation standing alone; what carried a
        // speaker into it from before gives way to the signature.
        let signed = views[p - 1]
            .tokens
            .first()
            .is_some_and(|t| matches!(t.kind, TokenKind::Quote(_)));
        if let Some(speaker) = signed.then(|| context.byline(next)).flatten() {
            for quote in &mut out[p - 1] {
                quote.speaker = Some(speaker.clone());
            }
        }
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

/// A quotation whose own sentence attributes it to someone the article
/// does not name (`an official said`): no name before stands for them.
struct UnnamedSource;

/// What a frame points at as the speaker, before resolution.
#[derive(Clone, Copy)]
enum Candidate {
    /// A name: mention `mention` of sentence `sentence` of the paragraph.
    Name { sentence: usize, mention: usize },
    /// `he`, `she` (a person) or `it`, `they` (a group), at token `token`.
    Pronoun { token: usize, person: bool },
    /// `the study`, `the Israeli FM`: the role noun at token `token`.
    Description { token: usize },
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
                let frame = Frame::new(view, s);
                // `"Like Oakland," Ferrand said` is speech, though it reads as a
                // name; `on CNN's "State of the Union," Ferrand said` is a title.
                let term = is_term(&view.text[quotation.inner.clone()])
                    && (frame.after(t).is_none() || names_a_work(view, t));
                // `"...," an official said`: an unnamed source, a new person
                // whom no name before stands for.
                let unnamed = frame.has_unnamed_source(t);
                // A term has no speaker, and takes none from before either.
                let found = if term || unnamed {
                    Err(UnnamedSource)
                } else {
                    self.find_speaker(view, s, t, kind, sentence_speaker.as_ref())
                };
                let speaker = match found {
                    Err(UnnamedSource) => None,
                    Ok(speaker) => speaker
                        .or_else(|| self.after_colon(view, s, t, previous.map(|p| p.0)))
                        .or_else(|| {
                            let continued = Continued {
                                view,
                                earlier: &quotes,
                                previous,
                                reading: self.reading,
                            };
                            continued.speaker(sentence.clone(), t, kind)
                        })
                        .or_else(|| self.previous_subject(view, s, t, kind)),
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

    /// The speaker the quotation's own sentence gives it; `Ok(None)` when
    /// the sentence names nobody, so that the rules after it may look
    /// further; `Err` when it gives an unnamed source.
    fn find_speaker(
        &mut self,
        view: &View<'_>,
        s: usize,
        q: usize,
        kind: QuoteKind,
        earlier: Option<&Speaker>,
    ) -> Result<Option<Speaker>, UnnamedSource> {
        let frame = Frame::new(view, s);
        let before = frame.before(q);
        let candidate = frame.after(q).or(match before {
            Some(Found::Candidate(c)) => Some(c),
            _ => None,
        });
        let candidate = match (candidate, &before, earlier) {
            (Some(c), _, _) => c,
            // `..., saying "..."`: the speaker of the main clause.
            (None, Some(Found::MainClause), Some(speaker)) => return Ok(Some(speaker.clone())),
            // A later quotation of a sentence whose speaker is known but
            // whose verb has no subject of its own is not the subject's.
            (None, Some(_), Some(_)) => return Ok(None),
            // A sentence's subject is its speaker when the sentence
            // reports speech, and for a fragment woven into what a person
            // did (`X defended his comments as "sarcastic"`).
            (None, _, _) => match self.sentence_candidate(&frame, q, kind)? {
                Some(candidate) => candidate,
                None => return Ok(None),
            },
        };
        // `a Democratic staffer wondered`: a people's adjective opens a
        // description of someone the article does not name.
        if let Candidate::Name { sentence, mention } = candidate {
            if self.names_no_one(view, &view.mentions[sentence][mention]) {
                return Err(UnnamedSource);
            }
        }
        Ok(self.resolve(view, candidate))
    }

    /// For a quotation with no reporting verb beside it: a woven
    /// attribution (`X's "..." remark`, a closing `, X added.`), else the
    /// subject of its sentence; `Err` when that subject is someone unnamed
    /// (`One official who took part described them as "..."`, `"...," a
    /// dealer with a bank commented`).
    fn sentence_candidate(
        &self,
        frame: &Frame<'_, '_>,
        q: usize,
        kind: QuoteKind,
    ) -> Result<Option<Candidate>, UnnamedSource> {
        let woven = (kind == QuoteKind::Partial)
            .then(|| frame.possessive_speech(q))
            .flatten()
            .or_else(|| frame.closing_attribution(q));
        if woven.is_some() {
            return Ok(woven);
        }
        match self.acting_subject(frame, q, kind) {
            Some(Candidate::Description { token }) if frame.is_unnamed_subject(q, token) => {
                Err(UnnamedSource)
            }
            subject => Ok(subject),
        }
    }

    /// The subject of a quotation's sentence, when the sentence reports
    /// speech or weaves the quotation into what a person did.
    fn acting_subject(
        &self,
        frame: &Frame<'_, '_>,
        q: usize,
        kind: QuoteKind,
    ) -> Option<Candidate> {
        let view = frame.view;
        // `Speaking in Salem, New Hampshire, Ferrand went after Lind`: the
        // first person named before the quotation, past places, and past a
        // person who only passed the words on (`Moore quoted Lind as
        // saying`).
        let first_person = || {
            (frame.sentence.start..q)
                .filter_map(|t| frame.phrase_right(t))
                .find(|c| {
                    !frame.is_introductory(c)
                        && !frame.is_possessive(c)
                        && self.is_person(view, c)
                        && !self.says_nothing(view, c)
                })
        };
        if frame.reports_speech() {
            // After a quotation ending in a full stop, the sentence is
            // someone else's (`"..." Ferrand said he would ...`).
            let subject = frame
                .subject()
                .filter(|c| !frame.ends_with_full_stop(q) || frame.first_token(c) < q)?;
            return match subject {
                Candidate::Name { sentence, mention }
                    if self.is_no_speaker(view, sentence, mention) =>
                {
                    first_person()
                }
                subject => Some(subject),
            };
        }
        // Speech set off by a comma after what a person did (`Ferrand
        // issued a statement, "..."`) is theirs too.
        let set_off =
            kind == QuoteKind::Direct && q.checked_sub(1).is_some_and(|c| frame.is_punct(c, ","));
        if kind != QuoteKind::Partial && !set_off {
            return None;
        }
        // The person who opens the sentence, even before a comma (`X
        // hammered Y, calling him a "train wreck"`).
        let opening = frame.phrase_right(frame.sentence.start);
        opening
            .filter(|c| !frame.is_possessive(c))
            .or_else(|| frame.subject())
            .filter(|c| self.is_person(view, c))
            .or_else(first_person)
    }

    /// `- Amara Lind.`: a paragraph that opens with a dash and a
    /// name signs the quotations of the paragraph before it.
    fn byline(&mut self, view: &View<'_>) -> Option<Speaker> {
        let dash = view.tokens.first()?;
        if !matches!(dash.kind, TokenKind::Punct('-' | '—' | '–' | '―')) {
            return None;
        }
        let mention = view
            .mentions
            .first()?
            .iter()
            .position(|m| m.start == 1 || m.tokens.start == 1)?;
        self.resolve(
            view,
            Candidate::Name {
                sentence: 0,
                mention,
            },
        )
    }

    /// A quotation after a colon is the speech of whoever the clause
    /// before the colon names: in its sentence (`Ferrand boomed: "..."`), or
    /// closing the previous paragraph (`Quill continued:` ¶ `"..."`).
    fn after_colon(
        &mut self,
        view: &View<'_>,
        s: usize,
        q: usize,
        previous: Option<&View<'_>>,
    ) -> Option<Speaker> {
        let colon_before =
            |view: &View<'_>, t: usize| matches!(view.tokens[t].kind, TokenKind::Punct(':'));
        if let Some(colon) = q.checked_sub(1).filter(|&c| colon_before(view, c)) {
            let frame = Frame::new(view, s);
            let candidate = frame.before_colon(colon)?;
            return self.resolve(view, candidate);
        }
        let previous = previous.filter(|_| q == 0)?;
        let frame = Frame::new(previous, previous.sentences.len().checked_sub(1)?);
        let colon = frame
            .sentence
            .end
            .checked_sub(1)
            .filter(|&c| colon_before(previous, c))?;
        let candidate = frame.before_colon(colon)?;
        self.resolve(previous, candidate)
    }

    /// A quotation that opens a sentence after one whose subject is a person
    /// (`Lind touted her credentials. "We need ..."`), or that closes
    /// with an attribution (`..., Holm said. "..."`), is that person's.
    fn previous_subject(
        &mut self,
        view: &View<'_>,
        s: usize,
        q: usize,
        kind: QuoteKind,
    ) -> Option<Speaker> {
        let opens = kind == QuoteKind::Direct && view.sentences[s].start == q;
        let before = s.checked_sub(1).filter(|_| opens)?;
        let frame = Frame::new(view, before);
        // A quoted title (`On "Meet the Morning," X argued`) is no speech.
        let quoted = frame.sentence.clone().any(|t| match view.tokens[t].kind {
            TokenKind::Quote(q) => !is_term(&view.text[view.quotations[q].inner.clone()]),
            _ => false,
        });
        if quoted {
            return None;
        }
        // `..., Holm said. "..."`: the one who closes the sentence
        // before goes on speaking.
        let subject = frame
            .closing_attribution_from(frame.sentence.start)
            .or_else(|| frame.subject().filter(|c| self.is_person(view, c)))?;
        self.resolve(view, subject)
    }
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

/// True when quotation token `q` follows a possessive or `on`, as the
/// title of a programme or a work does (`on Fox News Channel's "Hannity,"`).
fn names_a_work(view: &View<'_>, q: usize) -> bool {
    let Some(previous) = q.checked_sub(1).map(|p| &view.tokens[p]) else {
        return false;
    };
    let word = previous.text(view.text);
    previous.kind == TokenKind::Word && (is_possessive(word) || word.eq_ignore_ascii_case("on"))
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
    // Titles take the sentence's comma inside the marks (`“Meet the Morning,”`),
    // and a title-case slogan may end with a full stop (`Growth Through Work.`).
    let ends_like_speech =
        quoted.ends_with(['!', '?']) || (quoted.ends_with('.') && words.len() < 2);
    !words.is_empty()
        && words.len() <= 5
        && !ends_like_speech
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    *w,
                    "of" | "the" | "and" | "for" | "in" | "on" | "with" | "to" | "a" | "de" | "al"
                )
        })
}

mod continued;
mod frame;
mod phrases;
mod resolve;
mod woven;

use continued::Continued;
use frame::{Found, Frame};
#[cfg(test)]
mod tests;
