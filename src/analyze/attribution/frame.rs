//! A sentence seen as a frame around its quotations: where its reporting
//! verbs are, and which name, pronoun or description each points at.

use std::ops::Range;

use super::Candidate;
use crate::analyze::lexer::TokenKind;
use crate::analyze::places::is_people_adjective;
use crate::analyze::reading::View;
use crate::analyze::speech_words::{
    is_phrase_opener, is_reporting_phrase, is_scene_preposition, is_speech_noun, is_verb_companion,
    reporting_lemma,
};
use crate::analyze::wordlists::{is_function_word, is_indefinite_determiner};
use crate::text::is_possessive;

/// Where `before` found the attribution.
pub(super) enum Found {
    Candidate(Candidate),
    /// A participle (`..., saying "..."`) whose subject is the main clause's.
    MainClause,
}

/// A sentence seen as a frame around its quotations.
pub(super) struct Frame<'v, 'a> {
    pub(super) view: &'v View<'a>,
    pub(super) s: usize,
    pub(super) sentence: Range<usize>,
}

impl<'v, 'a> Frame<'v, 'a> {
    /// Sentence `s` of a paragraph, as a frame.
    pub(super) fn new(view: &'v View<'a>, s: usize) -> Self {
        Frame {
            view,
            s,
            sentence: view.sentences[s].clone(),
        }
    }
}

impl Frame<'_, '_> {
    pub(super) fn word(&self, t: usize) -> Option<&str> {
        let token = self
            .view
            .tokens
            .get(t)
            .filter(|_| self.sentence.contains(&t))?;
        (token.kind == TokenKind::Word).then(|| token.text(self.view.text))
    }

    pub(super) fn is_punct(&self, t: usize, marks: &str) -> bool {
        self.sentence.contains(&t)
            && matches!(self.view.tokens[t].kind, TokenKind::Punct(c) if marks.contains(c))
    }

    /// A comma, or a quotation that takes the comma inside its marks
    /// (`On "Meet the Morning," Ferrand argued`).
    fn is_comma_or_closes_on_one(&self, t: usize) -> bool {
        self.is_punct(t, ",") || self.quoted(t).is_some_and(|q| q.trim_end().ends_with(','))
    }

    /// A reporting verb at `t`, used as a verb (not `the claims`), with
    /// `point` only as `point out`.
    pub(super) fn reporting_verb(&self, t: usize) -> Option<&'static str> {
        let word = self.word(t)?;
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        if capitalized && t != self.sentence.start {
            return None; // `United States` does not state anything
        }
        // `"...," Ferrand shot back`, `Ferrand went on, "..."`; but not `the
        // Senate goes on recess`: the phrase ends the clause.
        let phrase = || {
            let ends = || {
                self.word(t + 2)
                    .is_none_or(|w| is_function_word(w) || is_verb_companion(w))
            };
            (self
                .word(t + 1)
                .is_some_and(|particle| is_reporting_phrase(word, particle))
                && ends())
            .then_some("say")
        };
        let lemma = reporting_lemma(word).or_else(phrase)?;
        let determiner = |p: usize| {
            self.word(p)
                .is_some_and(|w| is_phrase_opener(w) || is_possessive(w))
        };
        // `a Twitter comment`: a name between a determiner and a noun for
        // speech makes a compound noun of them (but `the Pentagon said`
        // is a verb).
        let after_name_after_determiner = || {
            is_speech_noun(word)
                && t.checked_sub(2).is_some_and(|d| {
                    self.word(d).is_some_and(|w| {
                        matches!(
                            w,
                            "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our"
                        )
                    }) && self
                        .word(d + 1)
                        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
                })
        };
        // `many Asian states`, `Mexican reports`: after a people's
        // adjective, a plural is a noun (but `Americans say` is a verb).
        let after_adjective = || {
            word.ends_with('s')
                && (t.checked_sub(1).and_then(|p| self.word(p))).is_some_and(is_people_adjective)
        };
        let after_determiner = t.checked_sub(1).is_some_and(determiner)
            || after_name_after_determiner()
            || after_adjective()
            || self.modifier_quote_before(t);
        let point_out = lemma != "point" || self.word(t + 1) == Some("out");
        (!after_determiner && point_out).then_some(lemma)
    }

    /// `the "disheartened" state of`: a bare quotation between an article
    /// and the word at `t`, which makes that word a noun.
    fn modifier_quote_before(&self, t: usize) -> bool {
        let Some(q) = t.checked_sub(1) else {
            return false;
        };
        let Some(inner) = self.quoted(q) else {
            return false;
        };
        let inner = inner.trim_end();
        let article = q
            .checked_sub(1)
            .and_then(|p| self.word(p))
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an"));
        article && !inner.ends_with([',', '.', '!', '?'])
    }

    pub(super) fn reports_speech(&self) -> bool {
        self.sentence
            .clone()
            .any(|t| self.reporting_verb(t).is_some())
    }

    /// `"...," X said`, `"...," said X`, or a byline `"..." ― X`.
    pub(super) fn after(&self, q: usize) -> Option<Candidate> {
        let mut t = q + 1;
        let dash = self.is_punct(t, "—–―-");
        while self.is_punct(t, ",—–―-") {
            t += 1;
        }
        // `"playing for time" and Ferrand says ...`: a new clause, whose
        // speaker is its own.
        if self
            .word(t)
            .is_some_and(|w| matches!(w, "and" | "but" | "or" | "while" | "whereas"))
        {
            return None;
        }
        // `"... attacks." Utah Gov. Rob Ferrand said he would have ...`: a
        // quotation ending in a full stop ends its sentence, unless a short
        // attribution closes it (`"We are ready." Ferrand said.`).
        let closes = self.ends_with_full_stop(q);
        let attribution_ends = |t: usize| !closes || self.ends_attribution(t);
        if self.reporting_verb(t).is_some() {
            let participle = self.word(t).is_some_and(|w| w.ends_with("ing"));
            // `"..." suggests that X ...`: a clause follows, not a speaker.
            let clause = self.word(t + 1) == Some("that");
            return if participle || clause {
                None
            } else {
                self.speaker_after_verb(t + 1)
                    .filter(|&(_, end)| attribution_ends(end))
                    .map(|(c, _)| c)
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
                return attribution_ends(at + 1).then_some(candidate);
            }
            if !self.is_punct(at, ",") {
                return None;
            }
            at = self.skip_apposition_right(at);
        }
        None
    }

    /// Whether the quotation's own attribution is an indefinite
    /// description (`"...," an official said`, `said a senior official`): a
    /// source the article does not name.
    pub(super) fn has_unnamed_source(&self, q: usize) -> bool {
        if let Some(after) = self.after(q) {
            return matches!(after, Candidate::Description { token }
                if self.indefinite_determiner(token).is_some());
        }
        // Before the quotation, only a description that is the subject:
        // the verb follows it (`A senior official said: "..."`), or it
        // opens the sentence (`One official who took part described them
        // as "..."`). Elsewhere the nearest verb's owner may be an object
        // (`seeking a leader`).
        let Some(Found::Candidate(Candidate::Description { token })) = self.before(q) else {
            return false;
        };
        self.is_unnamed_subject(q, token)
            || (self.indefinite_determiner(token).is_some()
                && self.reporting_verb(token + 1).is_some())
    }

    /// Whether the description ending at `token` opens with an indefinite
    /// determiner that opens the sentence or follows quotation `q` (past
    /// a comma or dash): a subject, not the object of a preposition (`said
    /// in a statement`).
    pub(super) fn is_unnamed_subject(&self, q: usize, token: usize) -> bool {
        self.indefinite_determiner(token).is_some_and(|determiner| {
            determiner == self.sentence.start
                || (determiner > q && (q + 1..determiner).all(|t| self.is_punct(t, ",—–―-")))
        })
    }

    /// The token of the indefinite determiner (`a`, `another`, `one`)
    /// that opens the description ending at `token`, if that is how it
    /// opens.
    ///
    /// A description the article names at once (`A top strategist, Dana
    /// Pope, said`) is not unnamed.
    fn indefinite_determiner(&self, token: usize) -> Option<usize> {
        let opener = (token.saturating_sub(4)..token)
            .rev()
            .find(|&t| self.word(t).is_some_and(is_phrase_opener))?;
        let named = self.is_punct(token + 1, ",")
            && matches!(self.phrase_right(token + 2), Some(Candidate::Name { .. }));
        (!named && self.word(opener).is_some_and(is_indefinite_determiner)).then_some(opener)
    }

    /// The attribution before a quotation: the nearest reporting verb and
    /// whoever it belongs to.
    pub(super) fn before(&self, q: usize) -> Option<Found> {
        if let Some(to) = (self.sentence.start..q).rev().find(|&t| {
            self.word(t) == Some("to")
                && t > 0
                && self
                    .word(t - 1)
                    .is_some_and(|w| w.eq_ignore_ascii_case("according"))
        }) {
            return self.phrase_right(to + 1).map(Found::Candidate);
        }
        // The nearest verb with someone to belong to: in `Holm said the
        // strikers demands that ...`, `demands` has no speaker, `said` does.
        (self.sentence.start..q)
            .rev()
            .filter(|&t| self.reporting_verb(t).is_some())
            .find_map(|verb| self.verb_owner(verb))
    }

    /// Who a reporting verb belongs to.
    pub(super) fn verb_owner(&self, verb: usize) -> Option<Found> {
        let word = self.word(verb)?;
        if self.word(verb + 1) == Some("by") {
            return self.phrase_right(verb + 2).map(Found::Candidate);
        }
        if word.ends_with("ing") && verb.checked_sub(1).and_then(|p| self.word(p)) != Some("was") {
            // `Holm saying he was "heartened" and Ferrand calling it ...`:
            // a name right before the participle (`Vell privately saying`)
            // is its own speaker.
            let named = verb
                .checked_sub(1)
                .and_then(|p| self.mention_ending(self.skip_adverbs_left(p)))
                .filter(|&m| !self.view.mentions[self.s][m].role_only);
            if let Some(m) = named {
                return Some(Found::Candidate(Candidate::Name {
                    sentence: self.s,
                    mention: m,
                }));
            }
            // `..., Quill said, adding, "..."`: the verb the participle
            // follows names the speaker.
            let owner = (self.sentence.start..verb)
                .rev()
                .filter(|&t| {
                    self.reporting_verb(t).is_some()
                        && !self.word(t).is_some_and(|w| w.ends_with("ing"))
                })
                .find_map(|t| self.verb_owner(t));
            return Some(owner.unwrap_or(Found::MainClause));
        }
        let left = verb.checked_sub(1)?;
        if self.word(left) != Some("to") {
            return self
                .phrase_left(self.skip_adverbs_left(left))
                .map(Found::Candidate);
        }
        // `X went on to say`, `X declined to comment`, `X taking to
        // Twitter to call`: past the verbs that lead to the infinitive,
        // and past a name that only sets the scene.
        (1..=5)
            .map_while(|back| left.checked_sub(back))
            .take_while(|&t| t >= self.sentence.start)
            .find_map(|t| {
                let candidate = self
                    .phrase_left(self.skip_adverbs_left(t))
                    .filter(|c| !self.is_introductory(c));
                let lowercase = self
                    .word(t)
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
                match candidate {
                    Some(c) => Some(Some(c)),
                    None if lowercase => None,
                    None => Some(None),
                }
            })
            .flatten()
            .map(Found::Candidate)
    }

    /// The subject of the sentence, after an introductory phrase.
    pub(super) fn subject(&self) -> Option<Candidate> {
        let intro_end = (self.sentence.start..self.sentence.end.min(self.sentence.start + 12))
            .find(|&t| self.is_comma_or_closes_on_one(t))
            .filter(|&comma| {
                !(self.sentence.start..comma).any(|t| self.reporting_verb(t).is_some())
                    // `X hammered Y, calling it ...`: a clause, not a lead-in.
                    && !self.word(comma + 1).is_some_and(|w| w.ends_with("ing"))
                    // `Lind, however, interjected`: the name is the subject.
                    && self.mention_starting(self.sentence.start).is_none()
            });
        let start = intro_end
            .or_else(|| self.dateline_end())
            .map_or(self.sentence.start, |c| c + 1);
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

    /// The dash closing a wire dateline that opens the sentence
    /// (`Washington (AFP) – ...`): capitalised words and brackets only.
    fn dateline_end(&self) -> Option<usize> {
        let dash = (self.sentence.start..self.sentence.end.min(self.sentence.start + 8))
            .find(|&t| self.is_punct(t, "–—-"))?;
        let bracketed = (self.sentence.start..dash).any(|t| self.is_punct(t, "("));
        let all_names = (self.sentence.start..dash).all(|t| {
            self.is_punct(t, "(),")
                || self
                    .word(t)
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        });
        (bracketed && all_names).then_some(dash)
    }

    pub(super) fn is_possessive(&self, candidate: &Candidate) -> bool {
        let Candidate::Name {
            sentence: s,
            mention: m,
        } = candidate
        else {
            return false;
        };
        let last = &self.view.tokens[self.view.mentions[*s][*m].tokens.end - 1];
        is_possessive(last.text(self.view.text))
    }

    /// The words inside quotation token `q`, if `q` is one.
    pub(super) fn quoted(&self, q: usize) -> Option<&str> {
        let TokenKind::Quote(index) = self.view.tokens.get(q)?.kind else {
            return None;
        };
        Some(&self.view.text[self.view.quotations[index].inner.clone()])
    }

    pub(super) fn is_quote(&self, t: usize) -> bool {
        matches!(self.view.tokens[t].kind, TokenKind::Quote(_))
    }

    /// The token after a bracketed aside starting at `t` (`Holm (R-Wis.) said`).
    pub(super) fn skip_bracket_right(&self, t: usize) -> usize {
        if !self.is_punct(t, "(") {
            return t;
        }
        (t..self.sentence.end)
            .take(8)
            .find(|&c| self.is_punct(c, ")"))
            .map_or(t, |c| c + 1)
    }

    /// The token before a bracketed aside ending at `t` (`Vell (R-IN)`).
    pub(super) fn skip_bracket_left(&self, t: usize) -> usize {
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

    /// The token a candidate starts at, its title included.
    pub(super) fn first_token(&self, candidate: &Candidate) -> usize {
        match candidate {
            Candidate::Name { sentence, mention } => self.view.mentions[*sentence][*mention].start,
            Candidate::Pronoun { token, .. } | Candidate::Description { token } => *token,
        }
    }

    /// A name after a preposition (`In Washington,`) sets the scene; it is
    /// not the subject.
    pub(super) fn is_introductory(&self, candidate: &Candidate) -> bool {
        self.first_token(candidate)
            .checked_sub(1)
            .and_then(|p| self.word(p))
            .is_some_and(is_scene_preposition)
    }

    pub(super) fn skip_apposition_right(&self, t: usize) -> usize {
        if !self.is_punct(t, ",") {
            return t;
        }
        let end = (t + 25).min(self.sentence.end);
        (t + 1..end)
            .find(|&c| self.is_punct(c, ","))
            .map_or(t, |c| c + 1)
    }

    pub(super) fn skip_adverbs_left(&self, mut t: usize) -> usize {
        while self.word(t).is_some_and(is_verb_companion) && t > self.sentence.start {
            t -= 1;
        }
        t
    }

    pub(super) fn skip_adverbs_right(&self, mut t: usize) -> usize {
        while self.word(t).is_some_and(is_verb_companion) {
            t += 1;
        }
        t
    }
}
