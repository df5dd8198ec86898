//! A calendar date at the precision it was written, and the day
//! arithmetic dates need, on the `time` crate.

use std::fmt;
use std::ops::Range;

use time::{Date, Month};

/// The Julian day number of 1970-01-01: day numbers count from it.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

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

    /// The day a day number names (see [`day_number`]).
    pub fn from_day_number(days: i64) -> Option<DateValue> {
        let (year, month, day) = civil_from_days(days)?;
        DateValue::day(year, month, day)
    }

    /// The day `days` days after this one (a day-precision date).
    pub fn plus_days(&self, days: i64) -> Option<DateValue> {
        let (year, month, day) = civil_from_days(self.days().start + days)?;
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

/// Days since 1970-01-01 of a calendar day (0 for a day that does not
/// exist, which a `DateValue` never holds).
pub fn day_number(year: u16, month: u8, day: u8) -> i64 {
    let date = Month::try_from(month)
        .ok()
        .and_then(|month| Date::from_calendar_date(i32::from(year), month, day).ok());
    date.map_or(0, |d| i64::from(d.to_julian_day()) - UNIX_EPOCH_JULIAN_DAY)
}

/// The calendar day of a day number, if it is within the years 1 to 9999.
fn civil_from_days(days: i64) -> Option<(u16, u8, u8)> {
    let julian = i32::try_from(days + UNIX_EPOCH_JULIAN_DAY).ok()?;
    let date = Date::from_julian_day(julian).ok()?;
    Some((
        u16::try_from(date.year()).ok()?,
        u8::from(date.month()),
        date.day(),
    ))
}

fn days_in_month(year: u16, month: u8) -> u8 {
    Month::try_from(month).map_or(0, |m| m.length(i32::from(year)))
}

/// The ISO week a day number falls in: (week-numbering year, week).
pub fn iso_week(days: i64) -> Option<(u16, u8)> {
    let julian = i32::try_from(days + UNIX_EPOCH_JULIAN_DAY).ok()?;
    let (year, week, _) = Date::from_julian_day(julian).ok()?.to_iso_week_date();
    Some((u16::try_from(year).ok()?, week))
}

/// The Monday of an ISO week, as a day number.
pub fn iso_week_monday(year: u16, week: u8) -> Option<i64> {
    let date = Date::from_iso_week_date(i32::from(year), week, time::Weekday::Monday).ok()?;
    Some(i64::from(date.to_julian_day()) - UNIX_EPOCH_JULIAN_DAY)
}

/// The weekday of a day number, Monday being 0.
pub fn weekday(days: i64) -> i64 {
    // 1970-01-01 was a Thursday.
    (days + 3).rem_euclid(7)
}
