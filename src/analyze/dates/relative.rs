//! Dates that count from the publication date: `yesterday`, `on
//! Thursday`, `last month`, `two years ago`, and the year of a month
//! written without one, read with the tense of its sentence.

use std::borrow::Cow;

use super::reading::Reading;
use super::value::{iso_week, DateValue, Timex};
use super::words::{is_listed, List};
use super::{month_number, words};
use crate::analyze::wordlists::{cardinal, lowercase, WEEKDAYS};
use crate::text::weekday as weekday_of;

impl Reading<'_, '_> {
    /// `yesterday`, `on Thursday`, `last month`, `next year`, `two years
    /// ago`: only with a publication date.
    pub(super) fn relative(&self) -> Option<(Timex, usize)> {
        if let Some((date, used)) = self.day_month_or_year() {
            return Some((Timex::Date(date), used));
        }
        self.ago()
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
        if let Some(weekday) = WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(word)) {
            if !word.starts_with(char::is_uppercase) {
                return None;
            }
            return Some((self.weekday(published, weekday as i64)?, 1));
        }
        let step: i64 = match lower {
            "last" | "previous" => -1,
            "this" | "current" => 0,
            "next" | "coming" => 1,
            _ => return None,
        };
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

    /// The day a weekday at word `i` names: the last one, unless `next`,
    /// the tense or its being tomorrow's says the coming one.
    fn weekday(&self, published: DateValue, weekday: i64) -> Option<DateValue> {
        let before = self.previous();
        let past = matches!(before.as_deref(), Some("last" | "previous"));
        let tense = self.tense();
        // With no tense, the past, unless the day is tomorrow's.
        let sooner = weekday_offset(published, weekday, true) == 1;
        let future = before.as_deref() == Some("next")
            || (!past && tense == Tense::Future)
            || (!past && tense == Tense::Unknown && sooner);
        let mut from_published = weekday_offset(published, weekday, future);
        if from_published == 0 && past {
            from_published = -7; // `last Wednesday`, said on a Wednesday
        }
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
    /// last), unless the tense says otherwise: the past takes a month
    /// three or more months ahead from the year before, and keeps one seven
    /// or more behind in the same year (`sales rose in March`, said in
    /// October); the future likewise forward. With none, the year of the
    /// last full date written.
    pub(super) fn infer_year(&self, month: u8) -> Option<u16> {
        let Some(published) = self.context.published else {
            return self.context.last_year;
        };
        let Some(this_month) = published.month else {
            return Some(published.year);
        };
        let ahead = i32::from(month) - i32::from(this_month);
        match (self.tense(), ahead) {
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

fn shift_year(year: u16, by: i64) -> Option<u16> {
    u16::try_from(i64::from(year) + by).ok()
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

/// The tense of the clause that byte `at` ends: future with a future
/// marker, past with a past verb, else unknown (`the offer expires on`).
pub(super) fn tense_at(text: &str, at: usize) -> Tense {
    let start = text[..at]
        .rfind(['.', '!', '?', ',', ';', ':'])
        .map_or(0, |i| i + 1);
    let clause: Vec<Cow<'_, str>> = words(&text[start..at])
        .iter()
        .map(|w| lowercase(w.text))
        .collect();
    if clause.iter().any(|w| is_listed(List::Future, w)) {
        return Tense::Future;
    }
    let past = |w: &str| is_listed(List::IrregularPast, w) || (w.len() > 4 && w.ends_with("ed"));
    if clause.iter().any(|w| past(w)) {
        Tense::Past
    } else {
        Tense::Unknown
    }
}
