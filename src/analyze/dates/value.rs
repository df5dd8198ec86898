//! A date's value and the calendar arithmetic it needs.

use std::fmt;
use std::ops::Range;

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
    pub(super) fn plus_days(&self, days: i64) -> Option<DateValue> {
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

pub(super) fn civil_from_days(days: i64) -> (u16, u8, u8) {
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

pub(super) fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
