//! Finds the dates a text mentions and normalizes them to ISO 8601 at the
//! precision written: `October 7, 2023` is `2023-10-07`, `November 2024`
//! is `2024-11`, `in 2016` is `2016`, `the fall of 2025` is `2025`.
//!
//! A day or month without a year takes the year of the article's
//! publication date (the year before when the month is later than the
//! publication month and the sentence tells of the past), or, with no
//! publication date, the nearest year written before it. Expressions that
//! count from the publication date (`yesterday`, `on Thursday`, `last
//! month`, `next year`, `two years ago`) are resolved only when there is
//! one. Numbers that count things (`170 attacks`, `about 2000 troops`,
//! `200,000`) and numbers in names (`Tower 22`, `Qasef-2K`) are not dates.

use std::fmt;
use std::ops::Range;

use std::borrow::Cow;

use super::wordlists::{cardinal, lowercase};

/// A date at the precision it was written: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateValue {
    /// The year, 1 to 9999.
    pub year: u16,
    /// The month, 1 to 12, when written.
    pub month: Option<u8>,
    /// The day of the month, when written (then `month` is too).
    pub day: Option<u8>,
}

impl DateValue {
    /// A year.
    pub fn year(year: u16) -> Option<DateValue> {
        (1..=9999).contains(&year).then_some(DateValue {
            year,
            month: None,
            day: None,
        })
    }

    /// A month of a year.
    pub fn month(year: u16, month: u8) -> Option<DateValue> {
        let mut value = DateValue::year(year)?;
        (1..=12).contains(&month).then(|| {
            value.month = Some(month);
            value
        })
    }

    /// A day, if it exists (`2023-02-30` does not).
    pub fn day(year: u16, month: u8, day: u8) -> Option<DateValue> {
        let mut value = DateValue::month(year, month)?;
        (1..=days_in_month(year, month)).contains(&day).then(|| {
            value.day = Some(day);
            value
        })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else is `None`.
    pub fn parse(text: &str) -> Option<DateValue> {
        let mut parts = text.split('-');
        let number = |part: Option<&str>, digits: usize| {
            part.filter(|p| p.len() == digits && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse::<u16>().ok())
        };
        let year = number(parts.next(), 4)?;
        let value = match parts.next() {
            None => DateValue::year(year),
            Some(month) => {
                let month = u8::try_from(number(Some(month), 2)?).ok()?;
                match parts.next() {
                    None => DateValue::month(year, month),
                    Some(day) => {
                        DateValue::day(year, month, u8::try_from(number(Some(day), 2)?).ok()?)
                    }
                }
            }
        };
        value.filter(|_| parts.next().is_none())
    }

    /// The first and last day it covers, as day numbers (see [`day_number`]).
    pub fn days(&self) -> Range<i64> {
        let first = day_number(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1));
        let last = match (self.month, self.day) {
            (Some(_), Some(_)) => first,
            (Some(m), None) => first + i64::from(days_in_month(self.year, m)) - 1,
            _ => day_number(self.year, 12, 31),
        };
        first..last + 1
    }

    /// The day `days` days after this one (a day-precision date).
    fn plus_days(&self, days: i64) -> Option<DateValue> {
        let (year, month, day) = civil_from_days(self.days().start + days);
        DateValue::day(year, month, day)
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

/// Days since 1970-01-01 of a calendar day (proleptic Gregorian).
pub fn day_number(year: u16, month: u8, day: u8) -> i64 {
    // Howard Hinnant's days_from_civil.
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (u16, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        u16::try_from(year).unwrap_or(0),
        u8::try_from(month).unwrap_or(0),
        u8::try_from(day).unwrap_or(0),
    )
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range of the expression in the text searched.
    pub range: Range<usize>,
    /// Its normalized value.
    pub value: DateValue,
}

/// What the dates of an article are read against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The article's publication date.
    pub published: Option<DateValue>,
    /// The last year written before the current point, for a day or month
    /// given without one when there is no publication date.
    last_year: Option<u16>,
}

impl Context {
    /// The context of an article published on `published`, if known.
    pub fn new(published: Option<DateValue>) -> Context {
        Context {
            published,
            last_year: None,
        }
    }
}

/// A word of the text: a run of letters or digits, with its byte range.
struct Word<'a> {
    text: &'a str,
    range: Range<usize>,
}

/// The dates in `text`, in order; `context` carries the year last written
/// from one paragraph to the next.
pub fn find(text: &str, context: &mut Context) -> Vec<DateMention> {
    let words = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match read_at(text, &words, i, context) {
            Some((value, used)) => {
                let range = words[i].range.start..words[i + used - 1].range.end;
                if words[i..i + used].iter().any(|w| as_year(w.text).is_some()) {
                    context.last_year = Some(value.year);
                }
                found.push(DateMention { range, value });
                i += used;
            }
            None => i += 1,
        }
    }
    found
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                words.push(Word {
                    text: &text[s..at],
                    range: s..at,
                });
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// What separates word `i` from word `i + 1`.
fn gap<'a>(text: &'a str, words: &[Word<'_>], i: usize) -> &'a str {
    match (words.get(i), words.get(i + 1)) {
        (Some(a), Some(b)) => &text[a.range.end..b.range.start],
        (Some(a), None) => &text[a.range.end..],
        _ => "",
    }
}

/// The date starting at word `i`, and how many words it takes.
fn read_at(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    context: &Context,
) -> Option<(DateValue, usize)> {
    let word = words[i].text;
    if !word.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
        && !RELATIVE_STARTS.contains(&word)
        && cardinal(word).is_none_or(|n| n > 10)
    {
        return None; // most words: no date starts with them
    }
    let lower = lowercase(word);
    let next = |k: usize| words.get(i + k).map(|w| w.text);
    let spaced = |k: usize| gap(text, words, i + k - 1).trim().is_empty();
    // 2025-08-15
    if let (Some(year), Some(month), Some(day)) = (as_year(word), next(1), next(2)) {
        if gap(text, words, i) == "-"
            && gap(text, words, i + 1) == "-"
            && month.len() == 2
            && day.len() == 2
        {
            let value = DateValue::day(year, month.parse().ok()?, day.parse().ok()?)?;
            return Some((value, 3));
        }
    }
    if let Some(month) = month_number(word) {
        return read_month_first(text, words, i, month, context);
    }
    if let Some(day) = as_day(word) {
        // 13 June [2025]
        let month = next(1).and_then(month_number).filter(|_| spaced(1))?;
        let year = next(2)
            .and_then(as_year)
            .filter(|_| spaced(2) || gap(text, words, i + 1).trim() == ",");
        return match year {
            Some(year) => Some((DateValue::day(year, month, day)?, 3)),
            None => Some((
                DateValue::day(infer_year(text, words, i, month, context)?, month, day)?,
                2,
            )),
        };
    }
    if let Some(year) = as_year(word) {
        return is_a_year(text, words, i).then(|| DateValue::year(year).map(|v| (v, 1)))?;
    }
    if let Some(season_year) = read_season(text, words, i, &lower) {
        return Some(season_year);
    }
    read_relative(text, words, i, &lower, context)
}

/// Lower-case words that may start a date (`yesterday`, `last month`,
/// `two years ago`, `the fall of 2025` from `fall`).
const RELATIVE_STARTS: &[&str] = &[
    "yesterday",
    "today",
    "tomorrow",
    "last",
    "this",
    "next",
    "previous",
    "current",
    "coming",
    "a",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
];

/// `October 7, 2023`, `October 7`, `October 2022`, `October of 2022`,
/// `October`.
fn read_month_first(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    month: u8,
    context: &Context,
) -> Option<(DateValue, usize)> {
    let word = words[i].text;
    let next = |k: usize| words.get(i + k).map(|w| w.text);
    let after_dot = gap(text, words, i).trim_start_matches('.');
    let joined = |k: usize| {
        let g = if k == 1 {
            after_dot
        } else {
            gap(text, words, i + k - 1)
        };
        matches!(g.trim(), "" | ",")
    };
    if let Some(day) = next(1).and_then(as_day).filter(|_| joined(1)) {
        if let Some(year) = next(2).and_then(as_year).filter(|_| joined(2)) {
            return Some((DateValue::day(year, month, day)?, 3));
        }
        let year = infer_year(text, words, i, month, context)?;
        return Some((DateValue::day(year, month, day)?, 2));
    }
    if let Some(year) = next(1).and_then(as_year).filter(|_| joined(1)) {
        return Some((DateValue::month(year, month)?, 2));
    }
    let published_year = context.published.map(|p| p.year);
    if let (Some(year), Some("last"), Some("year")) = (published_year, next(1), next(2)) {
        return Some((DateValue::month(year.checked_sub(1)?, month)?, 3));
    }
    if next(1) == Some("of") {
        if let Some(year) = next(2).and_then(as_year) {
            return Some((DateValue::month(year, month)?, 3));
        }
    }
    // A month alone: only a full, capitalized name, and `May` and `March`
    // only after a word that takes a date (`in May`), being also a verb.
    let full = MONTHS
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case(word));
    let capitalized = word.chars().next().is_some_and(char::is_uppercase);
    let before = i.checked_sub(1).map(|k| words[k].text.to_lowercase());
    let after_date_word = before
        .as_deref()
        .is_some_and(|w| BEFORE_A_DATE.contains(&w));
    let verb_too = matches!(month, 3 | 5);
    if !full || !capitalized || (verb_too && !after_date_word) {
        return None;
    }
    let year = infer_year(text, words, i, month, context)?;
    Some((DateValue::month(year, month)?, 1))
}

/// Words after which a month name is a date (`in May`, `since March`).
const BEFORE_A_DATE: &[&str] = &[
    "in", "on", "since", "until", "till", "by", "from", "to", "of", "early", "late", "mid", "last",
    "next", "this", "during", "before", "after", "between", "and", "through",
];

/// `the fall of 2025`, `summer 2024`: the year.
fn read_season(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    lower: &str,
) -> Option<(DateValue, usize)> {
    if !matches!(lower, "spring" | "summer" | "fall" | "autumn" | "winter") {
        return None;
    }
    let next = |k: usize| words.get(i + k).map(|w| w.text);
    if next(1) == Some("of") {
        let year = next(2).and_then(as_year)?;
        return Some((DateValue::year(year)?, 3));
    }
    let year = next(1)
        .and_then(as_year)
        .filter(|_| gap(text, words, i).trim().is_empty())?;
    Some((DateValue::year(year)?, 2))
}

/// `yesterday`, `on Thursday`, `last month`, `next year`, `two years ago`:
/// only with a publication date.
fn read_relative(
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
fn infer_year(
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

/// True when the four digits at word `i` are a year, not a count or part
/// of a name or a number.
fn is_a_year(text: &str, words: &[Word<'_>], i: usize) -> bool {
    let before = i
        .checked_sub(1)
        .map(|k| gap(text, words, k))
        .unwrap_or_default();
    let after = gap(text, words, i);
    // `200,000`, `2,024.5`, `$2020`, `Qasef-2K`, `pre-1948`, `2024%`.
    let in_a_number = (before.ends_with([',', '.'])
        && before.len() == 1
        && i > 0
        && words[i - 1].text.bytes().all(|b| b.is_ascii_digit()))
        || (after.starts_with([',', '.'])
            && after.len() == 1
            && words
                .get(i + 1)
                .is_some_and(|w| w.text.bytes().all(|b| b.is_ascii_digit())));
    // `mid-1996` is a year, `pre-1948` an adjective.
    let after_letters = i > 0
        && words[i - 1].text.chars().any(char::is_alphabetic)
        && !matches!(
            lowercase(words[i - 1].text).as_ref(),
            "mid" | "early" | "late"
        );
    let glued = before.ends_with(['$', '£', '€', '#']) || (before.ends_with('-') && after_letters);
    let percent = after.trim_start().starts_with('%');
    if in_a_number || glued || percent {
        return false;
    }
    let previous = i.checked_sub(1).map(|k| words[k].text.to_lowercase());
    let next = words.get(i + 1).map(|w| w.text);
    let counted = previous
        .as_deref()
        .is_some_and(|w| COUNT_WORDS.contains(&w) || LABEL_WORDS.contains(&w));
    let dated = previous
        .as_deref()
        .is_some_and(|w| BEFORE_A_DATE.contains(&w) || w == "the" || w == "year");
    // `2000 troops`: a number before a plural noun counts it, unless a
    // word that takes a date comes first (`the 2016 elections`).
    let before_plural = next.is_some_and(|w| {
        w.len() > 2
            && w.ends_with('s')
            && w.chars().all(char::is_lowercase)
            && after.trim().is_empty()
    });
    let percent_word = next.is_some_and(|w| w.eq_ignore_ascii_case("percent"));
    !counted && !percent_word && (dated || !before_plural)
}

/// Words before a number that make it a count (`about 2000`).
const COUNT_WORDS: &[&str] = &[
    "about",
    "some",
    "nearly",
    "almost",
    "around",
    "over",
    "than",
    "least",
    "approximately",
    "roughly",
    "only",
    "just",
    "total",
    "estimated",
    "killed",
    "numbered",
];

/// Nouns a number labels rather than dates (`round 1843`, `Resolution
/// 2085`, `flight 1907`).
const LABEL_WORDS: &[&str] = &[
    "round",
    "number",
    "page",
    "item",
    "chapter",
    "section",
    "article",
    "resolution",
    "flight",
    "room",
    "route",
    "highway",
    "episode",
    "match",
    "stage",
    "phase",
    "level",
    "unit",
    "platform",
    "gate",
    "block",
    "model",
    "version",
    "building",
    "apartment",
    "suite",
    "box",
];

fn as_year(word: &str) -> Option<u16> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

/// `7`, `07`, `7th`, `1st`.
fn as_day(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

const MONTHS: [(&str, u8); 12] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month a capitalized month name or abbreviation (`Oct`, `Sept`) names.
fn month_number(word: &str) -> Option<u8> {
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    let lower = word.to_lowercase();
    if let Some((_, n)) = MONTHS.iter().find(|(name, _)| *name == lower) {
        return Some(*n);
    }
    if lower == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .filter(|(name, _)| *name != "may")
        .find(|(name, _)| lower.len() == 3 && name.starts_with(&lower))
        .map(|(_, n)| *n)
}

/// A wire dateline that dates its article (`WASHINGTON, Oct 4 (Reuters) -`):
/// the range of its date in `paragraph` and the date. The year is the
/// dateline's own or, as datelines leave it out, the first year `body`
/// writes.
pub fn dateline(paragraph: &str, body: &str) -> Option<(Range<usize>, DateValue)> {
    let comma = paragraph.find(',')?;
    let place = &paragraph[..comma];
    let is_place = !place.is_empty()
        && place.len() <= 40
        && place.chars().any(char::is_uppercase)
        && !place.chars().any(char::is_lowercase);
    if !is_place {
        return None;
    }
    let rest = &paragraph[comma + 1..];
    let date_words = words(rest);
    let month = date_words.first().and_then(|w| month_number(w.text))?;
    let day = date_words.get(1).and_then(|w| as_day(w.text))?;
    let (year, used) = match date_words.get(2).and_then(|w| as_year(w.text)) {
        Some(year) => (year, 3),
        None => (words(body).iter().find_map(|w| as_year(w.text))?, 2),
    };
    let end = date_words[used - 1].range.end;
    let tail = rest[end..].trim_start();
    let tail = match tail.strip_prefix('(') {
        Some(agency) => agency.split_once(')')?.1.trim_start(),
        None => tail,
    };
    if !tail.starts_with(['-', '–', '—']) {
        return None;
    }
    let start = comma + 1 + date_words[0].range.start;
    Some((start..comma + 1 + end, DateValue::day(year, month, day)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, published: Option<&str>) -> Vec<(String, String)> {
        let mut context = Context::new(published.and_then(DateValue::parse));
        find(text, &mut context)
            .into_iter()
            .map(|d| (text[d.range].to_owned(), d.value.to_string()))
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn dates_are_normalized_at_the_precision_written() {
        let text = "On October 7, 2023 and in November 2024, in October of 2022, in 2016, \
                    on 13 June and in the fall of 2025, and on 2025-08-15.";
        assert_eq!(
            found(text, Some("2025-08-15")),
            pairs(&[
                ("October 7, 2023", "2023-10-07"),
                ("November 2024", "2024-11"),
                ("October of 2022", "2022-10"),
                ("2016", "2016"),
                ("13 June", "2025-06-13"),
                ("fall of 2025", "2025"),
                ("2025-08-15", "2025-08-15"),
            ])
        );
    }

    #[test]
    fn a_later_month_in_the_past_is_last_year() {
        assert_eq!(
            found("Militias attacked in November.", Some("2025-08-15")),
            pairs(&[("November", "2024-11")])
        );
        assert_eq!(
            found("Elections will be held in November.", Some("2025-08-15")),
            pairs(&[("November", "2025-11")])
        );
    }

    #[test]
    fn without_a_publication_date_the_last_year_written_serves() {
        assert_eq!(
            found("In 2019 talks began. On 2 July they ended.", None),
            pairs(&[("2019", "2019"), ("2 July", "2019-07-02")])
        );
        assert_eq!(found("On 2 July they ended.", None), pairs(&[]));
    }

    #[test]
    fn relative_dates_count_from_the_publication_date() {
        // 2025-08-15 was a Friday.
        let text = "Yesterday he left; on Tuesday he spoke; last month and next year \
                    were mentioned, as was the vote two years ago.";
        assert_eq!(
            found(text, Some("2025-08-15")),
            pairs(&[
                ("Yesterday", "2025-08-14"),
                ("Tuesday", "2025-08-12"),
                ("last month", "2025-07"),
                ("next year", "2026"),
                ("two years ago", "2023"),
            ])
        );
        assert_eq!(found("Yesterday he left.", None), pairs(&[]));
    }

    #[test]
    fn counts_and_names_are_not_dates() {
        assert_eq!(
            found("from 2014-2016", None),
            pairs(&[("2014", "2014"), ("2016", "2016")])
        );
        let text = "170 attacks, 200,000 recruits, about 2000 troops, 1500 fighters, \
                    Tower 22, Channel 14, a Qasef-2K drone, pre-1948 borders, 2020% and $2024. \
                    Resolution 2085 passed after round 1843 on flight 1907.";
        assert_eq!(found(text, Some("2025-08-15")), pairs(&[]));
    }

    #[test]
    fn iso_values_parse_and_print_alike() {
        for text in ["2024", "2024-02", "2024-02-29"] {
            assert_eq!(
                DateValue::parse(text).map(|d| d.to_string()).as_deref(),
                Some(text)
            );
        }
        for bad in ["2024-13", "2023-02-29", "24", "2024-1", "2024-01-01x", ""] {
            assert_eq!(DateValue::parse(bad), None, "{bad}");
        }
        let day = DateValue::parse("2024-03-01").map(|d| d.days());
        assert_eq!(
            day,
            Some(day_number(2024, 3, 1)..day_number(2024, 3, 1) + 1)
        );
        assert_eq!(day_number(1970, 1, 1), 0);
    }

    #[test]
    fn datelines_date_wire_copy() {
        let paragraph = "WASHINGTON, Oct 4 (Reuters) - The Senate voted in 2024.";
        let (range, value) = dateline(paragraph, paragraph).expect("a dateline");
        assert_eq!(&paragraph[range], "Oct 4");
        assert_eq!(value.to_string(), "2024-10-04");
        assert_eq!(dateline("Washington, Oct 4 - text", "2024"), None);
    }
}
