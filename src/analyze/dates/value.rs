//! What a date expression means, in TimeML's notation, and the days it
//! covers.

use std::fmt;
use std::ops::Range;

use crate::text::iso_week_monday;
pub use crate::text::{day_number, iso_week, DateValue};

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
