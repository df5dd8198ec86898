//! Dates that count from the publication date: `yesterday`, `on
//! Thursday`, `last month`, `two years ago`, and the year of a month
//! written without one, read with the tense of its sentence.

use std::borrow::Cow;

use super::reading::{shift_year, Reading};
use super::value::{iso_week, DateValue, Timex};
use super::words::{is_listed, List};
use super::{month_number, words};
use crate::analyze::wordlists::{cardinal, lowercase, WEEKDAYS};
use crate::text::weekday as weekday_of;

impl Reading<'_, '_> {
    /// `yesterday`, `on Thursday`, `last month`, `next year`, `two years
    /// ago`: only with a publication date.
    pub(super) fn relative(&self) -> Option<(Timex, usize)> {
        if let Some((date, used)) = self.day_month_or_year().or_else(|| self.the_year()) {
            return Some((Timex::Date(date), used));
        }
        self.ago()
    }

    /// `the year`, `the full year`, `the current fiscal year`, `the end of
    /// the year`, `year-end`, `year's end`: the publication year, which
    /// business news reports on (the end of the year before, told in the
    /// past); `the past year` the one before. Not `the year before`, `the
    /// year ended March 31` (a fiscal year) or `the year two thousand`.
    fn the_year(&self) -> Option<(DateValue, usize)> {
        let published = self.context.published?.year;
        let year = DateValue::year(published)?;
        // The end of a year told in the past is last year's: this year's
        // has not come (`debt at year-end was ...`).
        let year_end = || {
            let year = match self.tense() {
                Tense::Past => published.checked_sub(1)?,
                _ => published,
            };
            DateValue::year(year)
        };
        if self.lower == "year" {
            let end = |k: usize| {
                // `year-end 1985` is 1985's, which the year reader takes.
                let year_follows = self.gap(k).trim().is_empty()
                    && self.word(k + 1).and_then(super::as_year).is_some();
                let end = self.next_is(k, &["end"]) && !year_follows;
                end.then(|| Some((year_end()?, k + 1))).flatten()
            };
            return match self.gap(0).trim() {
                "-" | "" => end(1),
                _ if self.possessive(0) => end(1),
                _ => None,
            };
        }
        // `up 16.3 pct on the year`: a comparison, not a date.
        if self.lower != "the" || self.previous().as_deref() == Some("on") {
            return None;
        }
        // `the end of the year`
        if self.next_is(1, &["end"]) && self.next_is(2, &["of"]) && self.next_is(3, &["the"]) {
            let at_end = self.next_is(4, &["year"]) && !self.another_year(4);
            return at_end.then(|| Some((year_end()?, 5))).flatten();
        }
        let mut k = 1;
        while self.next_is(k, &["full", "current", "fiscal", "entire", "whole"]) {
            k += 1;
        }
        // `the past year`, `the last year`: the year before.
        if k == 1 && self.next_is(1, &["past", "last"]) && self.next_is(2, &["year"]) {
            let before = DateValue::year(published.checked_sub(1)?)?;
            return (!self.another_year(2)).then_some((before, 3));
        }
        (self.next_is(k, &["year"]) && !self.another_year(k)).then_some((year, k + 1))
    }

    /// True when what follows `year` at word `i + k` makes it another year
    /// than the one meant alone: `the year-earlier`, `the year's`, `the year
    /// before`, `the year ended March 31`, `the year 1990`.
    fn another_year(&self, k: usize) -> bool {
        let gap = self.gap(k);
        gap.starts_with(['-', '\'', '’'])
            || (gap.trim().is_empty()
                && self.next(k + 1).is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_digit()) || is_listed(List::AnotherYear, &w)
                }))
    }

    /// `yesterday`, `Thursday`, `last April`, `next month`: a calendar date.
    fn day_month_or_year(&self) -> Option<(DateValue, usize)> {
        let published = self.today()?;
        let lower = self.lower.as_ref();
        match lower {
            "yesterday" => return Some((published.plus_days(-1)?, 1)),
            "today" => return Some((published, 1)),
            "tomorrow" => return Some((published.plus_days(1)?, 1)),
            _ => {}
        }
        let word = self.words[self.i].text;
        if let Some(weekday) = WEEKDAYS.position_ignoring_case(word) {
            if !word.starts_with(char::is_uppercase) {
                return None;
            }
            return Some((self.weekday(published, weekday as i64)?, 1));
        }
        let step = self.step()?;
        let named_month = self.word(1).and_then(month_number);
        if let Some(month) = named_month.filter(|_| matches!(lower, "last" | "this" | "next")) {
            // `last April` is the latest April before this month; `next
            // April` the first after it.
            let this_month = published.month?;
            let year = match step {
                -1 if month >= this_month => published.year.checked_sub(1)?,
                1 if month <= this_month => shift_year(published.year, 1)?,
                _ => published.year,
            };
            return Some((DateValue::month(year, month)?, 2));
        }
        match self.next(1).as_deref() {
            Some("year") => Some((DateValue::year(shift_year(published.year, step)?)?, 2)),
            Some("month") => Some((months_from(published, step)?, 2)),
            _ => None,
        }
    }

    /// The day a weekday at word `i` names: the last one (today's when it
    /// is today), unless `next`, the tense or its being tomorrow's says the
    /// coming one.
    fn weekday(&self, published: DateValue, weekday: i64) -> Option<DateValue> {
        let before = self.previous();
        let past = matches!(before.as_deref(), Some("last" | "previous"));
        let tense = self.tense();
        // With no tense, the past, unless the day is tomorrow's.
        let sooner = weekday_offset(published, weekday, true) == 1;
        let next = matches!(before.as_deref(), Some("next" | "coming"));
        let future = next
            || (!past && tense == Tense::Future)
            || (!past && tense == Tense::Unknown && sooner);
        let from_published = match weekday_offset(published, weekday, future) {
            0 if past => -7, // `last Wednesday`, said on a Wednesday
            7 if !next => 0, // `will rule Thursday`, said on a Thursday
            days => days,
        };
        published.plus_days(from_published)
    }

    /// `two years ago`, `a year earlier`, `ten days ago`, `six weeks ago`,
    /// `three months earlier`, `a decade ago`: at the unit's precision.
    fn ago(&self) -> Option<(Timex, usize)> {
        let published = self.today()?;
        let lower = self.lower.as_ref();
        let count = match lower {
            "a" | "one" => 1,
            _ => number_word(lower)
                .or_else(|| lower.parse().ok().filter(|n| (1..=99).contains(n)))?,
        };
        let unit = self.next(1)?;
        if !self.next_is(2, &["ago", "earlier"]) {
            return None;
        }
        let year_back = |years: i64| DateValue::year(shift_year(published.year, -years)?);
        let value = match unit.as_ref() {
            "year" | "years" => Timex::Date(year_back(count)?),
            "decade" | "decades" => Timex::Date(year_back(10 * count)?),
            "month" | "months" => Timex::Date(months_from(published, -count)?),
            "week" | "weeks" => {
                let (year, week) = iso_week(published.days().start - 7 * count)?;
                Timex::Week {
                    year,
                    week,
                    weekend: false,
                }
            }
            "day" | "days" => Timex::Date(published.plus_days(-count)?),
            _ => return None,
        };
        Some((value, 3))
    }

    /// The year of a day or month written without one. With a publication
    /// date: the year that puts it nearest that date (`January` in an
    /// October article is the coming one, `December` in an April one the
    /// last), unless the tense says otherwise (its clause's, or for a
    /// month opening its sentence, `In March, ...`, the sentence's): the past takes a month
    /// three or more months ahead from the year before, and keeps one seven
    /// or more behind in the same year (`sales rose in March`, said in
    /// October); the future likewise forward. With no publication date,
    /// the year of the last full date written. (Taking a month five or six
    /// months ahead as last year's when the tense is unknown was right for
    /// 7 of 9 such TimeML train dates, but turned commodity news's
    /// delivery months, `June/July going at`, into last year's.)
    pub(super) fn infer_year(&self, month: u8) -> Option<u16> {
        let Some(published) = self.context.published else {
            return self.context.last_year;
        };
        let Some(this_month) = published.month else {
            return Some(published.year);
        };
        let ahead = i32::from(month) - i32::from(this_month);
        match (self.opening_tense(), ahead) {
            (Tense::Future, 7..) | (Tense::Past, ..=-7) => Some(published.year),
            (_, 7..) | (Tense::Past, 3..) => published.year.checked_sub(1),
            (_, ..=-7) | (Tense::Future, ..=-3) => published.year.checked_add(1),
            _ => Some(published.year),
        }
    }
}

/// The month `step` months from the publication date's.
fn months_from(published: DateValue, step: i64) -> Option<DateValue> {
    let months = i64::from(published.year) * 12 + i64::from(published.month?) - 1 + step;
    let year = u16::try_from(months.div_euclid(12)).ok()?;
    let month = u8::try_from(months.rem_euclid(12) + 1).ok()?;
    DateValue::month(year, month)
}

fn number_word(word: &str) -> Option<i64> {
    cardinal(word)
        .filter(|n| (2..=10).contains(n))
        .map(i64::from)
}

/// Days from the publication date to the weekday meant: the latest such
/// day on or before it, or for the future the next one after it.
fn weekday_offset(published: DateValue, weekday: i64, future: bool) -> i64 {
    let today = weekday_of(published.days().start);
    if future {
        let ahead = (weekday - today).rem_euclid(7);
        if ahead == 0 {
            7
        } else {
            ahead
        }
    } else {
        -(today - weekday).rem_euclid(7)
    }
}

/// What a sentence tells of: the past, the future, or it does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    Unknown,
}

/// The tense of the sentence that byte `at` opens, read on to its end.
pub(super) fn tense_after(text: &str, at: usize) -> Tense {
    let end = text[at..]
        .find(['.', '!', '?', ';'])
        .map_or(text.len(), |i| at + i);
    tense_of(&text[at..end])
}

/// The tense of the clause that byte `at` ends. Reading on to the rest
/// of the sentence, or back to its earlier clauses, was tried and lost
/// TimeML train dates (`scripts/eval_timeml.py --split train`).
pub(super) fn tense_at(text: &str, at: usize) -> Tense {
    let start = text[..at]
        .rfind(['.', '!', '?', ',', ';', ':'])
        .map_or(0, |i| i + 1);
    tense_of(&text[start..at])
}

/// The tense that the words of `text` mark: future with a future marker,
/// past with a past verb, else unknown (`the offer expires on`). A word in `-ed` counts as a verb in lower case and not after
/// a determiner (`the reduced dividend`, `United`).
fn tense_of(text: &str) -> Tense {
    let words = words(text);
    let lower: Vec<Cow<'_, str>> = words.iter().map(|w| lowercase(w.text)).collect();
    let future = |(k, w): (usize, &Cow<'_, str>)| {
        is_listed(List::Future, w)
            || (is_listed(List::FutureBeforeTo, w) && lower.get(k + 1).is_some_and(|n| n == "to"))
    };
    if lower.iter().enumerate().any(future) {
        return Tense::Future;
    }
    let past = lower.iter().enumerate().any(|(k, w)| {
        let verb_form = w.len() > 4
            && w.ends_with("ed")
            && words[k].text.starts_with(char::is_lowercase)
            && !k
                .checked_sub(1)
                .is_some_and(|j| is_listed(List::Determiner, &lower[j]));
        is_listed(List::IrregularPast, w) || verb_form
    });
    if past {
        Tense::Past
    } else {
        Tense::Unknown
    }
}
