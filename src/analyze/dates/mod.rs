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

mod holidays;
mod periods;
mod reading;
mod relative;
#[cfg(test)]
mod tests;
mod vague;
mod value;
mod words;

use std::ops::Range;

use super::lexer::{tokenize, Token, TokenKind};
use super::wordlists::{cardinal, lowercase, month_named, MONTHS};
use crate::text::is_apostrophe;
use reading::Reading;
pub use value::{day_number, DateValue, Season, Timex};
use words::{is_listed, List};

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range of the expression in the text searched.
    pub range: Range<usize>,
    /// Its normalized value.
    pub value: Timex,
}

/// What the dates of an article are read against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The article's publication date.
    pub published: Option<DateValue>,
    /// The year of the last full date (a month or day with its year)
    /// written before the current point, for a day or month given
    /// without one when there is no publication date.
    last_year: Option<u16>,
    /// The last quarter written out (year, quarter), which `the quarter`
    /// and `a year earlier` refer back to.
    focus_quarter: Option<(u16, u8)>,
}

impl Context {
    /// The context of an article published on `published`, if known.
    pub fn new(published: Option<DateValue>) -> Context {
        Context {
            published,
            last_year: None,
            focus_quarter: None,
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
    find_in_tokens(text, &tokenize(text, &[]), context)
}

/// [`find`] in a text already tokenized by the lexer (without quotations),
/// as analysis has each paragraph.
pub fn find_in_tokens(text: &str, tokens: &[Token], context: &mut Context) -> Vec<DateMention> {
    let words = words_of_tokens(text, tokens);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match read_at(text, &words, i, context) {
            Some((value, used)) => {
                let range = words[i].range.start..words[i + used - 1].range.end;
                // A full date, not a lone year (`the 2003 invasion`), is
                // what a later `October` belongs to.
                let year_written = words[i..i + used].iter().any(|w| as_year(w.text).is_some());
                let full = value.date().filter(|d| d.month.is_some() && year_written);
                if let Some(date) = full {
                    context.last_year = Some(date.year);
                }
                found.push(DateMention { range, value });
                i += used;
            }
            None => i += 1,
        }
    }
    found
}

/// The words of `text` as the date reader reads them.
fn words(text: &str) -> Vec<Word<'_>> {
    words_of_tokens(text, &tokenize(text, &[]))
}

/// The words of the lexer's word tokens as dossier splits them everywhere
/// (`text::words`): an apostrophe inside a word joins it, a possessive
/// `'s` is left in the gap after it (`year's`), and hyphens and
/// initialism dots, which the lexer keeps inside words, split
/// (`third-quarter`, `U.S.`).
fn words_of_tokens<'a>(text: &'a str, tokens: &[Token]) -> Vec<Word<'a>> {
    let mut words = Vec::with_capacity(tokens.len());
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let mut start = token.range.start;
        for piece in token.text(text).split(['-', '.']) {
            if piece.contains(is_apostrophe) {
                // Rare: a possessive may end a word inside the piece
                // (`year’s’`), which `text::words` knows how to cut.
                let mut split = crate::text::words(piece);
                let mut letters = String::new();
                while let Some(range) = split.next_into(&mut letters) {
                    let range = start + range.start..start + range.end;
                    words.push(Word {
                        text: &text[range.clone()],
                        range,
                    });
                }
            } else if !piece.is_empty() {
                words.push(Word {
                    text: piece,
                    range: start..start + piece.len(),
                });
            }
            start += piece.len() + 1;
        }
    }
    words
}

/// The date starting at word `i`, and how many words it takes.
fn read_at(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    context: &mut Context,
) -> Option<(Timex, usize)> {
    let word = words[i].text;
    if !word.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
        && !may_start_a_date(word)
    {
        return None; // most words: no date starts with them
    }
    let reading = Reading {
        text,
        words,
        i,
        lower: lowercase(word),
        context: *context,
    };
    if let Some((period, used)) = reading.period() {
        if let Timex::Quarter { year, quarter } = period {
            if reading.begins_a_focus(period, used) {
                context.focus_quarter = Some((year, quarter));
            }
        }
        return Some((period, used));
    }
    match reading.written() {
        Some((date, used)) => Some((Timex::Date(date), used)),
        None => reading.holiday().or_else(|| reading.relative()),
    }
}

impl Reading<'_, '_> {
    /// A day, a month or a year written out (its year may be left out).
    fn written(&self) -> Option<(DateValue, usize)> {
        let word = self.words[self.i].text;
        let next = |k: usize| self.word(k);
        let spaced = |k: usize| self.gap(k - 1).trim().is_empty();
        // 2025-08-15
        if let (Some(year), Some(month), Some(day)) = (as_year(word), next(1), next(2)) {
            if self.gap(0) == "-" && self.gap(1) == "-" && month.len() == 2 && day.len() == 2 {
                let value = DateValue::day(year, month.parse().ok()?, day.parse().ok()?)?;
                return Some((value, 3));
            }
        }
        if let Some(month) = month_number(word) {
            return self.month_first(month);
        }
        if let Some(day) = as_day(word) {
            // 13 June [2025]
            let month = next(1).and_then(month_number).filter(|_| spaced(1))?;
            let year = next(2)
                .and_then(as_year)
                .filter(|_| spaced(2) || self.gap(1).trim() == ",");
            return match year {
                Some(year) => Some((DateValue::day(year, month, day)?, 3)),
                None => Some((DateValue::day(self.infer_year(month)?, month, day)?, 2)),
            };
        }
        if let Some((year, used)) = self.spoken_year(0) {
            return Some((DateValue::year(year)?, used));
        }
        let year = as_year(word)?;
        self.is_a_year()
            .then(|| DateValue::year(year).map(|v| (v, 1)))?
    }

    /// A year said in words from word `i + k`, as transcripts write it:
    /// `nineteen ninety-six`, `nineteen eighty`, and `two thousand` after
    /// `year` (`the year two thousand`), where it is not a count.
    fn spoken_year(&self, k: usize) -> Option<(u16, usize)> {
        let word = |j: usize| self.next(k + j);
        match word(0)?.as_ref() {
            "nineteen" => {
                let tens = cardinal(&word(1)?).filter(|n| (20..=90).contains(n))?;
                let unit = word(2)
                    .filter(|_| self.gap(k + 1) == "-")
                    .and_then(|w| cardinal(&w))
                    .filter(|n| (1..=9).contains(n));
                let year = 1900 + tens + unit.unwrap_or(0);
                Some((u16::try_from(year).ok()?, 2 + usize::from(unit.is_some())))
            }
            "two" => {
                let before = match k {
                    0 => self.previous(),
                    _ => self.next(k - 1),
                };
                let after_year = before.as_deref() == Some("year");
                (after_year && word(1)?.as_ref() == "thousand").then_some((2000, 2))
            }
            _ => None,
        }
    }
    /// `October 7, 2023`, `October 7`, `October 2022`, `October of 2022`,
    /// `October`.
    fn month_first(&self, month: u8) -> Option<(DateValue, usize)> {
        let word = self.words[self.i].text;
        let next = |k: usize| self.word(k);
        let after_dot = self.gap(0).trim_start_matches('.');
        let joined = |k: usize| {
            let g = if k == 1 { after_dot } else { self.gap(k - 1) };
            matches!(g.trim(), "" | ",")
        };
        if let Some(day) = next(1).and_then(as_day).filter(|_| joined(1)) {
            if let Some(year) = next(2).and_then(as_year).filter(|_| joined(2)) {
                return Some((DateValue::day(year, month, day)?, 3));
            }
            return Some((DateValue::day(self.infer_year(month)?, month, day)?, 2));
        }
        if let Some(year) = next(1).and_then(as_year).filter(|_| joined(1)) {
            return Some((DateValue::month(year, month)?, 2));
        }
        // `January nineteen ninety-seven`.
        if let Some((year, used)) = self.spoken_year(1).filter(|_| joined(1)) {
            return Some((DateValue::month(year, month)?, 1 + used));
        }
        let published_year = self.context.published.map(|p| p.year);
        if let (Some(year), Some("last"), Some("year")) = (published_year, next(1), next(2)) {
            return Some((DateValue::month(year.checked_sub(1)?, month)?, 3));
        }
        if next(1) == Some("of") {
            if let Some(year) = next(2).and_then(as_year) {
                return Some((DateValue::month(year, month)?, 3));
            }
        }
        // A month alone: only a full, capitalized name, and `May` and
        // `March` only after a word that takes a date (`in May`), being
        // also verbs.
        let full = MONTHS.position_ignoring_case(word).is_some();
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        let after_date_word = self
            .previous()
            .is_some_and(|w| is_listed(List::BeforeADate, &w));
        let verb_too = matches!(month, 3 | 5);
        if !full || !capitalized || (verb_too && !after_date_word) {
            return None;
        }
        Some((DateValue::month(self.infer_year(month)?, month)?, 1))
    }

    /// True when the four digits at word `i` are a year, not a count or
    /// part of a name or a number.
    fn is_a_year(&self) -> bool {
        let (words, i) = (self.words, self.i);
        let before = self.gap_before();
        let after = self.gap(0);
        let digits = |w: &Word<'_>| w.text.bytes().all(|b| b.is_ascii_digit());
        // `200,000`, `2,024.5`, `$2020`, `Qasef-2K`, `pre-1948`, `2024%`.
        let in_a_number =
            (before.ends_with([',', '.']) && before.len() == 1 && i > 0 && digits(&words[i - 1]))
                || (after.starts_with([',', '.'])
                    && after.len() == 1
                    && words.get(i + 1).is_some_and(digits));
        let previous = self.previous();
        // `mid-1996` is a year, `pre-1948` an adjective.
        let after_letters = previous.as_deref().is_some_and(|w| {
            w.chars().any(char::is_alphabetic) && !matches!(w, "mid" | "early" | "late")
        });
        let glued =
            before.ends_with(['$', '£', '€', '#']) || (before.ends_with('-') && after_letters);
        let percent = after.trim_start().starts_with('%');
        if in_a_number || glued || percent {
            return false;
        }
        let next = self.word(1);
        let counted = previous
            .as_deref()
            .is_some_and(|w| is_listed(List::Count, w) || is_listed(List::Label, w));
        let dated = previous
            .as_deref()
            .is_some_and(|w| is_listed(List::BeforeADate, w) || w == "the" || w == "year");
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
}

/// True for a lower-case word that one of the readers may start on (a
/// capitalized word or a number always may): the relative readers' words
/// here, the period readers' in `periods`. Checked for every word, so a
/// `match` rather than a list.
fn may_start_a_date(word: &str) -> bool {
    matches!(
        word,
        // Counted from the publication date: `yesterday`, `last month`,
        // `two years ago`.
        "yesterday" | "today" | "tomorrow" | "last" | "this" | "next" | "previous" | "current"
            | "coming" | "past" | "a" | "one" | "two" | "three" | "four" | "five" | "six"
            | "seven" | "eight" | "nine" | "ten"
            // A year said in words.
            | "nineteen"
    ) || periods::may_start_a_period(word)
}

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

/// The month a capitalized month name or abbreviation (`Oct`, `Sept`) names.
fn month_number(word: &str) -> Option<u8> {
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    month_named(&word.to_lowercase())
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
