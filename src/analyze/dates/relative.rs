//! Dates that count from the publication date: `yesterday`, `on
//! Thursday`, `last month`, `two years ago`, and the year of a month
//! written without one, read with the tense of its sentence.

use std::borrow::Cow;

use super::value::DateValue;
use super::{month_number, words, Context, Word, WEEKDAYS};
use crate::analyze::wordlists::{cardinal, lowercase};

/// `yesterday`, `on Thursday`, `last month`, `next year`, `two years ago`:
/// only with a publication date.
pub(super) fn read_relative(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    lower: &str,
    context: &Context,
) -> Option<(DateValue, usize)> {
    let published = context.published.filter(|p| p.day.is_some())?;
    let next = |k: usize| words.get(i + k).map(|w| w.text.to_lowercase());
    match lower {
        "yesterday" => return Some((published.plus_days(-1)?, 1)),
        "today" => return Some((published, 1)),
        "tomorrow" => return Some((published.plus_days(1)?, 1)),
        _ => {}
    }
    if let Some(weekday) = WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(words[i].text))
    {
        if !words[i].text.starts_with(char::is_uppercase) {
            return None;
        }
        let before = i.checked_sub(1).map(|k| lowercase(words[k].text));
        let future = before.as_deref() == Some("next")
            || tense_at(text, words[i].range.start) == Tense::Future;
        let mut from_published = weekday_offset(published, weekday as i64, future);
        if from_published == 0 && matches!(before.as_deref(), Some("last" | "previous")) {
            from_published = -7; // `last Wednesday`, said on a Wednesday
        }
        return Some((published.plus_days(from_published)?, 1));
    }
    let step: i64 = match lower {
        "last" | "previous" => -1,
        "this" | "current" => 0,
        "next" | "coming" => 1,
        _ => return read_ago(words, i, lower, published),
    };
    let named_month = words.get(i + 1).and_then(|w| month_number(w.text));
    if let Some(month) = named_month.filter(|_| matches!(lower, "last" | "this" | "next")) {
        // `last April` is the latest April before this month; `next April`
        // the first after it.
        let this_month = published.month?;
        let year = match step {
            -1 if month >= this_month => published.year.checked_sub(1)?,
            1 if month <= this_month => shift_year(published.year, 1)?,
            _ => published.year,
        };
        return Some((DateValue::month(year, month)?, 2));
    }
    match next(1).as_deref() {
        Some("year") => Some((DateValue::year(shift_year(published.year, step)?)?, 2)),
        Some("month") => {
            let months = i64::from(published.year) * 12 + i64::from(published.month?) - 1 + step;
            let year = u16::try_from(months.div_euclid(12)).ok()?;
            let month = u8::try_from(months.rem_euclid(12) + 1).ok()?;
            Some((DateValue::month(year, month)?, 2))
        }
        _ => None,
    }
}

/// `two years ago`, `a year earlier`, `ten days ago`.
fn read_ago(
    words: &[Word<'_>],
    i: usize,
    lower: &str,
    published: DateValue,
) -> Option<(DateValue, usize)> {
    let count = match lower {
        "a" | "one" => 1,
        _ => number_word(lower).or_else(|| lower.parse().ok().filter(|n| (1..=99).contains(n)))?,
    };
    let unit = words.get(i + 1)?.text.to_lowercase();
    let back = words.get(i + 2)?.text.to_lowercase();
    match (unit.as_str(), back.as_str()) {
        ("year" | "years", "ago" | "earlier") => {
            Some((DateValue::year(shift_year(published.year, -count)?)?, 3))
        }
        ("day" | "days", "ago") => Some((published.plus_days(-count)?, 3)),
        _ => None,
    }
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
    // 1970-01-01 was a Thursday (index 3, Monday being 0).
    let today = (published.days().start + 3).rem_euclid(7);
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

/// The year of a day or month written without one.
pub(super) fn infer_year(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    month: u8,
    context: &Context,
) -> Option<u16> {
    match context.published {
        Some(published) => {
            let later = published.month.is_some_and(|p| month > p);
            if later && tense_at(text, words[i].range.start) == Tense::Past {
                published.year.checked_sub(1)
            } else {
                Some(published.year)
            }
        }
        None => context.last_year,
    }
}

/// What a sentence tells of: the past, the future, or it does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

/// Words that put a sentence in the future.
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "ll",
    "shall",
    "upcoming",
    "scheduled",
    "planned",
    "expected",
    "due",
    "plans",
];

/// Past forms that do not end in `-ed`.
const IRREGULAR_PAST: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "rose", "fell", "began", "took", "came", "went",
    "made", "left", "won", "lost", "met", "held", "saw", "gave", "led", "struck", "fought", "sent",
    "spoke", "wrote", "ran", "became", "paid", "sold", "bought", "brought", "got", "hit", "shot",
];

/// The tense of the clause that byte `at` ends: future with a future
/// marker, past with a past verb, else unknown (`the offer expires on`).
fn tense_at(text: &str, at: usize) -> Tense {
    let start = text[..at]
        .rfind(['.', '!', '?', ',', ';', ':'])
        .map_or(0, |i| i + 1);
    let clause: Vec<Cow<'_, str>> = words(&text[start..at])
        .iter()
        .map(|w| lowercase(w.text))
        .collect();
    if clause.iter().any(|w| FUTURE_MARKERS.contains(&w.as_ref())) {
        return Tense::Future;
    }
    let past = |w: &str| IRREGULAR_PAST.contains(&w) || (w.len() > 4 && w.ends_with("ed"));
    if clause.iter().any(|w| past(w)) {
        Tense::Past
    } else {
        Tense::Unknown
    }
}
