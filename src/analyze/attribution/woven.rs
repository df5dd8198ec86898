//! Attributions that are not a reporting verb beside the quotation: a
//! colon (`Ferrand boomed: "..."`), a possessive and a noun for speech
//! (`Holm's "30 percent" comment`), a closing `, X said.` over a whole
//! sentence, and the full stop that ends a sentence inside a quotation.

use super::frame::Frame;
use super::Candidate;
use crate::analyze::speech_words::{is_attribution_tail, is_speech_noun, is_verb_companion};
use crate::analyze::wordlists::is_calendar_word;

impl Frame<'_, '_> {
    /// Who a colon at `colon` introduces (`As Tobin Achebe put it: "..."`,
    /// `Lind: "..."`): the first name, pronoun or description before
    /// it that does not set the scene, else the first that does (`More
    /// from Vell:`).
    pub(super) fn before_colon(&self, colon: usize) -> Option<Candidate> {
        // `When Ferrand suggested ..., Quill fired back:`: the clause that
        // ends in the colon first.
        let clause = (self.sentence.start..colon)
            .rev()
            .find(|&t| self.is_punct(t, ","))
            .map(|comma| comma + 1);
        clause
            .and_then(|start| {
                (start..colon)
                    .filter_map(|t| self.phrase_right(t))
                    .find(|c| !self.is_possessive(c) && !self.is_introductory(c))
            })
            .or_else(|| self.first_named_before(colon))
    }

    fn first_named_before(&self, colon: usize) -> Option<Candidate> {
        let found: Vec<Candidate> = (self.sentence.start..colon)
            .filter_map(|t| self.phrase_right(t))
            .filter(|c| !self.is_possessive(c))
            .collect();
        found
            .iter()
            .find(|c| !self.is_introductory(c))
            .or(found.first())
            .copied()
    }

    /// Whether quotation token `q` ends in a full stop, ending its sentence.
    pub(super) fn ends_with_full_stop(&self, q: usize) -> bool {
        self.quoted(q)
            .is_some_and(|inner| inner.trim_end().ends_with('.'))
    }

    /// Whether an attribution can end before `t`: at the sentence's end,
    /// a mark, or a phrase of time, place or manner (`said Tuesday`,
    /// `said in a statement`), rather than a clause of its own.
    pub(super) fn ends_attribution(&self, t: usize) -> bool {
        if t >= self.sentence.end || self.is_punct(t, ".,;:!?()—–") {
            return true;
        }
        self.word(t)
            .is_some_and(|w| is_calendar_word(w) || is_verb_companion(w) || is_attribution_tail(w))
    }

    /// `Rob Holm's "30 percent" comment`, `Ferrand's assertion that
    /// "hundreds" ...`: a possessive name whose noun, before or right after
    /// the quotation, is something said.
    pub(super) fn possessive_speech(&self, q: usize) -> Option<Candidate> {
        let start = q.saturating_sub(8).max(self.sentence.start);
        let owner = (start..q).rev().find_map(|t| {
            let m = self.mention_ending(t)?;
            let candidate = Candidate::Name {
                sentence: self.s,
                mention: m,
            };
            self.is_possessive(&candidate).then_some((candidate, t))
        });
        let (candidate, end) = owner?;
        let said = (end + 1..q)
            .chain([q + 1])
            .any(|t| self.word(t).is_some_and(is_speech_noun));
        said.then_some(candidate)
    }

    /// `Ferrand "has every right to appeal ...," just as Lind did, Holm
    /// added.`: an attribution closing the sentence after a comma.
    pub(super) fn closing_attribution(&self, q: usize) -> Option<Candidate> {
        self.closing_attribution_from(q + 1)
    }

    /// An attribution closing the sentence after a comma at or after
    /// token `from`: the last comma, or the one before it when an
    /// apposition closes the sentence (`..., said X, a Democratic pollster.`,
    /// `..., said X, founder of the party.`).
    pub(super) fn closing_attribution_from(&self, from: usize) -> Option<Candidate> {
        let mut commas = (from..self.sentence.end)
            .rev()
            .take_while(|&t| !self.is_quote(t))
            .filter(|&t| self.is_punct(t, ","));
        let last = commas.next()?;
        self.attribution_after_comma(last, 6).or_else(|| {
            let before = commas.next()?;
            // `, a Democratic pollster`, `, founder of the party`: a
            // description in lower case, not a clause or another name.
            let apposition = self
                .word(last + 1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
            apposition
                .then(|| self.attribution_after_comma(before, 15))
                .flatten()
        })
    }

    /// `, X added` or `, said X` after `comma`, ending within `slack` tokens
    /// of the sentence's end.
    fn attribution_after_comma(&self, comma: usize, slack: usize) -> Option<Candidate> {
        let t = comma + 1;
        let (candidate, end) = if self.reporting_verb(t).is_some() {
            self.speaker_after_verb(t + 1)?
        } else {
            let (candidate, end) = self.phrase_right_with_end(t)?;
            let verb = self.skip_adverbs_right(end);
            self.reporting_verb(verb)?;
            (candidate, verb + 1)
        };
        (self.ends_attribution(end) && end + slack >= self.sentence.end).then_some(candidate)
    }
}
