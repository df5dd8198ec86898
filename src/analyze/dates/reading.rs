//! The place a date reader stands: a word of the text, the words around
//! it, and the article's context. Every reader (`mod.rs`, `relative`,
//! `periods`, `vague`) is a method on [`Reading`].

use std::borrow::Cow;

use super::relative::{tense_after, tense_at, Tense};
use super::{Context, Word};
use crate::analyze::wordlists::lowercase;
use crate::text::{is_apostrophe, DateValue};

/// Word `i` of a text, in lower case too, and what it is read against.
pub(super) struct Reading<'t, 'w> {
    pub(super) text: &'t str,
    pub(super) words: &'w [Word<'t>],
    pub(super) i: usize,
    /// Word `i` in lower case.
    pub(super) lower: Cow<'t, str>,
    pub(super) context: Context,
}

impl<'t> Reading<'t, '_> {
    /// Word `i + k` as written.
    pub(super) fn word(&self, k: usize) -> Option<&'t str> {
        self.words.get(self.i + k).map(|w| w.text)
    }

    /// Word `i + k` in lower case.
    pub(super) fn next(&self, k: usize) -> Option<Cow<'t, str>> {
        self.word(k).map(lowercase)
    }

    /// True when word `i + k` (lower case) is one of `options`.
    pub(super) fn next_is(&self, k: usize, options: &[&str]) -> bool {
        self.next(k).is_some_and(|w| options.contains(&w.as_ref()))
    }

    /// What separates word `i + k` from the next.
    pub(super) fn gap(&self, k: usize) -> &'t str {
        gap(self.text, self.words, self.i + k)
    }

    /// True when word `i + k` is a possessive (`year's`): the word splitter
    /// leaves its `'s` in the gap after it.
    pub(super) fn possessive(&self, k: usize) -> bool {
        let gap = self.gap(k);
        gap.strip_prefix(is_apostrophe)
            .is_some_and(|rest| rest.starts_with(['s', 'S']))
    }

    /// What separates word `i - 1` from word `i` (empty at the start).
    pub(super) fn gap_before(&self) -> &'t str {
        self.i
            .checked_sub(1)
            .map(|k| gap(self.text, self.words, k))
            .unwrap_or_default()
    }

    /// Word `i - 1` in lower case.
    pub(super) fn previous(&self) -> Option<Cow<'t, str>> {
        let k = self.i.checked_sub(1)?;
        Some(lowercase(self.words[k].text))
    }

    /// The tense of the clause that word `i` ends.
    pub(super) fn tense(&self) -> Tense {
        tense_at(self.text, self.words[self.i].range.start)
    }

    /// [`Self::tense`], or when that is unknown and the date opens its
    /// sentence behind a preposition or two and a comma closes it (`In
    /// March, the company sold ...`, `On Sept. 20, it was ...`), the tense
    /// of the sentence: the clause the date sets in time. Only for the
    /// year of a month written without one; weekdays read on this way, or
    /// any date in a list (`in May, June and September`), lost dates.
    pub(super) fn opening_tense(&self) -> Tense {
        let tense = self.tense();
        let at = self.words[self.i].range.start;
        let sentence_start = self.text[..at]
            .rfind(['.', '!', '?', ';', ':', '\n'])
            .map_or(0, |i| i + 1);
        let opens = self.text[sentence_start..at].split_whitespace().count() <= 2;
        let closed = (0..2).any(|k| self.gap(k).starts_with(','));
        match tense {
            Tense::Unknown if opens && closed => tense_after(self.text, at),
            tense => tense,
        }
    }

    /// How far word `i` counts from now: `last` -1, `this` 0, `next` 1.
    pub(super) fn step(&self) -> Option<i64> {
        match self.lower.as_ref() {
            "last" | "previous" => Some(-1),
            "this" | "current" => Some(0),
            "next" | "coming" => Some(1),
            _ => None,
        }
    }

    /// The publication date, when it is a day.
    pub(super) fn today(&self) -> Option<DateValue> {
        self.context.published.filter(|p| p.day.is_some())
    }
}

/// `year` moved by `by` years, if it stays a year.
pub(super) fn shift_year(year: u16, by: i64) -> Option<u16> {
    u16::try_from(i64::from(year) + by).ok()
}

/// What separates word `i` from word `i + 1`.
pub(super) fn gap<'a>(text: &'a str, words: &[Word<'_>], i: usize) -> &'a str {
    match (words.get(i), words.get(i + 1)) {
        (Some(a), Some(b)) => &text[a.range.end..b.range.start],
        (Some(a), None) => &text[a.range.end..],
        _ => "",
    }
}
