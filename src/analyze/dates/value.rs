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

    /// The day a day number names (see [`day_number`]).
    pub fn from_day_number(days: i64) -> Option<DateValue> {
        let (year, month, day) = civil_from_days(days);
        DateValue::day(year, month, day)
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

/// A season, as TimeML writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Fall,
    /// December to February of the next year.
    Winter,
}

impl Season {
    /// The seasons in the order a year meets them.
    pub const ALL: [Season; 4] = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];

    /// `SP`, `SU`, `FA` or `WI`.
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// Its first month.
    fn first_month(self) -> u8 {
        3 + 3 * self as u8
    }

    /// The season a month falls in, and the year that season is named by
    /// (January's winter began the year before).
    pub fn of(year: u16, month: u8) -> (u16, Season) {
        match month {
            1 | 2 => (year.saturating_sub(1), Season::Winter),
            m => (year, Season::ALL[usize::from((m - 3) / 3)]),
        }
    }
}

/// What a date expression means, normalized as TimeML writes values: a
/// calendar date at the precision written, a part of a year, a decade or
/// century, or a vague reference to the present, past or future.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Timex {
    /// A year, month or day: `1998`, `1998-03`, `1998-03-05`.
    Date(DateValue),
    /// A quarter of a year: `1998-Q3`.
    Quarter { year: u16, quarter: u8 },
    /// A half of a year: `1998-H1`.
    Half { year: u16, half: u8 },
    /// An ISO week, or its weekend: `1998-W10`, `1998-W10-WE`.
    Week { year: u16, week: u8, weekend: bool },
    /// A season: `1998-SU`.
    Season { year: u16, season: Season },
    /// A decade, by its first three digits: `199` for the 1990s.
    Decade(u16),
    /// A century, by its first two digits: `19` for the 1900s (the
    /// twentieth century).
    Century(u16),
    /// `now`, `currently`: the month of the publication date, when known.
    Present(Option<DateValue>),
    /// `recently`, `in the past`.
    Past,
    /// `in the future`, `soon`.
    Future,
}

impl Timex {
    /// The days it covers, as day numbers; none for the past and future.
    pub fn days(&self) -> Option<Range<i64>> {
        let months = |year: u16, first: u8, count: u8| {
            let start = DateValue::month(year, first)?.days().start;
            let last_month = i64::from(year) * 12 + i64::from(first) - 1 + i64::from(count) - 1;
            let last = DateValue::month(
                u16::try_from(last_month / 12).ok()?,
                u8::try_from(last_month % 12 + 1).ok()?,
            )?;
            Some(start..last.days().end)
        };
        let years = |first: u16, count: u16| {
            let end = DateValue::year(first.checked_add(count - 1)?)?;
            Some(DateValue::year(first)?.days().start..end.days().end)
        };
        match *self {
            Timex::Date(date) => Some(date.days()),
            Timex::Quarter { year, quarter } => months(year, 3 * quarter - 2, 3),
            Timex::Half { year, half } => months(year, 6 * half - 5, 6),
            Timex::Season { year, season } => months(year, season.first_month(), 3),
            Timex::Week {
                year,
                week,
                weekend,
            } => {
                let monday = iso_week_monday(year, week)?;
                Some(if weekend {
                    monday + 5..monday + 7
                } else {
                    monday..monday + 7
                })
            }
            Timex::Decade(decade) => years(decade.checked_mul(10)?, 10),
            Timex::Century(century) => years(century.checked_mul(100)?.max(1), 100),
            Timex::Present(month) => month.map(|m| m.days()),
            Timex::Past | Timex::Future => None,
        }
    }

    /// The calendar date, when it is one.
    pub fn date(&self) -> Option<DateValue> {
        match *self {
            Timex::Date(date) => Some(date),
            _ => None,
        }
    }
}

impl fmt::Display for Timex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Timex::Date(date) => write!(f, "{date}"),
            Timex::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Timex::Half { year, half } => write!(f, "{year:04}-H{half}"),
            Timex::Week {
                year,
                week,
                weekend,
            } => {
                write!(f, "{year:04}-W{week:02}")?;
                if weekend {
                    write!(f, "-WE")?;
                }
                Ok(())
            }
            Timex::Season { year, season } => write!(f, "{year:04}-{}", season.code()),
            Timex::Decade(decade) => write!(f, "{decade:03}"),
            Timex::Century(century) => write!(f, "{century:02}"),
            Timex::Present(_) => write!(f, "PRESENT_REF"),
            Timex::Past => write!(f, "PAST_REF"),
            Timex::Future => write!(f, "FUTURE_REF"),
        }
    }
}

/// The ISO week a day falls in: (week-numbering year, week).
pub fn iso_week(day: i64) -> (u16, u8) {
    // 1970-01-01 was a Thursday; Monday is 0. A week belongs to the year
    // of its Thursday.
    let weekday = (day + 3).rem_euclid(7);
    let thursday = day - weekday + 3;
    let (year, _, _) = civil_from_days(thursday);
    let first_thursday_week = (thursday - day_number(year, 1, 1)) / 7;
    (year, u8::try_from(first_thursday_week + 1).unwrap_or(1))
}

/// The Monday of an ISO week, as a day number.
fn iso_week_monday(year: u16, week: u8) -> Option<i64> {
    if !(1..=53).contains(&week) {
        return None;
    }
    let jan4 = day_number(year, 1, 4);
    let week1_monday = jan4 - (jan4 + 3).rem_euclid(7);
    Some(week1_monday + 7 * (i64::from(week) - 1))
}
