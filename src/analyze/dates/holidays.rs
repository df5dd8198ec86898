//! Holidays that date an event by name: `Thanksgiving Day`, `on
//! Christmas`, `last Thanksgiving`, `Election Day`. Fixed days and the
//! n-th (or last) weekday of a month, listed in `data/holidays.txt`.

use std::sync::OnceLock;

use super::reading::Reading;
use super::value::{DateValue, Timex};
use super::words as split_words;
use super::words::{is_listed, List};
use crate::analyze::wordlists::WEEKDAYS;
use crate::text::weekday;

/// The day of its month a holiday falls on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Day {
    /// The same day every year (`12 | 25`).
    Fixed(u8),
    /// A weekday (Monday 0): the n-th of the month, or the last for `None`,
    /// then `after` days on (`monday 1 +1`).
    Weekday {
        weekday: i64,
        nth: Option<i64>,
        after: i64,
    },
}

/// One line of `data/holidays.txt`.
#[derive(Debug)]
struct Holiday {
    /// The name's words in lower case, as the date reader splits them.
    words: Vec<&'static str>,
    month: u8,
    day: Day,
}

impl Holiday {
    /// The holiday's day in `year`.
    fn in_year(&self, year: u16) -> Option<DateValue> {
        let (nth, weekday_wanted, after) = match self.day {
            Day::Fixed(day) => return DateValue::day(year, self.month, day),
            Day::Weekday {
                weekday,
                nth,
                after,
            } => (nth, weekday, after),
        };
        let month = DateValue::month(year, self.month)?.days();
        let day = match nth {
            Some(n) => {
                let first = month.start;
                first + (weekday_wanted - weekday(first)).rem_euclid(7) + 7 * (n - 1)
            }
            None => {
                let last = month.end - 1;
                last - (weekday(last) - weekday_wanted).rem_euclid(7)
            }
        };
        DateValue::from_day_number(day + after)
    }
}

const TEXT: &str = include_str!("../data/holidays.txt");

/// The holidays, longest names first so that `Christmas Day` is read
/// before `Christmas`.
fn holidays() -> &'static [Holiday] {
    static HOLIDAYS: OnceLock<Vec<Holiday>> = OnceLock::new();
    HOLIDAYS.get_or_init(|| {
        let mut holidays: Vec<Holiday> = TEXT
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(parse)
            .collect();
        holidays.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
        holidays
    })
}

/// A line `name | month | day`, or `None` when it is malformed (a test
/// checks that every line reads).
fn parse(line: &'static str) -> Option<Holiday> {
    let mut fields = line.split('|').map(str::trim);
    let name = fields.next()?;
    let month = fields.next()?.parse().ok()?;
    let mut day = fields.next()?.split_whitespace();
    let first = day.next()?;
    let day = match first.parse() {
        Ok(fixed) => Day::Fixed(fixed),
        Err(_) => Day::Weekday {
            weekday: WEEKDAYS.position(first)? as i64,
            nth: match day.next()? {
                "last" => None,
                n => Some(n.parse().ok()?),
            },
            after: day.next().map_or(Some(0), |n| n.parse().ok())?,
        },
    };
    let words = split_words(name).iter().map(|w| w.text).collect();
    Some(Holiday { words, month, day })
}

impl Reading<'_, '_> {
    /// A holiday named at word `i`, or after `last`, `next` or `this` there.
    pub(super) fn holiday(&self) -> Option<(Timex, usize)> {
        let step = self.step();
        let k = usize::from(step.is_some());
        if !self.word(k)?.starts_with(char::is_uppercase) {
            return None;
        }
        let holiday = holidays().iter().find(|h| self.names(h, k))?;
        let after_a_date_word = step.is_some()
            || self
                .previous()
                .is_some_and(|w| is_listed(List::BeforeADate, &w));
        if holiday.words.len() == 1 && !after_a_date_word {
            return None;
        }
        let used = k + holiday.words.len();
        let day = match (step, self.today()) {
            (Some(step), Some(today)) => {
                let this_year = holiday.in_year(today.year)?;
                let year = match step {
                    -1 if this_year >= today => today.year.checked_sub(1)?,
                    1 if this_year <= today => today.year.checked_add(1)?,
                    _ => today.year,
                };
                holiday.in_year(year)?
            }
            _ => holiday.in_year(self.infer_year(holiday.month)?)?,
        };
        Some((Timex::Date(day), used))
    }

    /// True when the words from `i + k` on are the holiday's name. Asked
    /// of every capitalized word, so compared without a lower-case copy.
    fn names(&self, holiday: &Holiday, k: usize) -> bool {
        holiday.words.iter().enumerate().all(|(j, word)| {
            self.word(k + j)
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_reads_and_weekday_rules_find_their_day() {
        let lines = TEXT
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty());
        assert_eq!(lines.count(), holidays().len());
        let day_of = |name: &str, year: u16| {
            let holiday = holidays().iter().find(|h| h.words.join(" ") == name);
            holiday.and_then(|h| h.in_year(year)).map(|d| d.to_string())
        };
        assert_eq!(
            day_of("thanksgiving day", 1999).as_deref(),
            Some("1999-11-25")
        );
        assert_eq!(day_of("election day", 1998).as_deref(), Some("1998-11-03"));
        assert_eq!(day_of("memorial day", 2024).as_deref(), Some("2024-05-27"));
        assert_eq!(day_of("new year day", 2024).as_deref(), Some("2024-01-01"));
    }
}
