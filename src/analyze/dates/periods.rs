//! Dates that are not a day, a month or a year: quarters and halves,
//! weeks and weekends, seasons, decades and centuries, and the vague
//! present, past and future (`now`, `recently`, `in the future`).
//!
//! Business news reports by quarter and then refers back to it (`the
//! quarter`, `a year earlier`, `the year-ago period`), so the article's
//! last quarter written out is kept as its focus (see [`Context`]).

use super::as_year;
use super::reading::{gap, shift_year, Reading};
use super::relative::Tense;
use super::value::{iso_week, DateValue, Season, Timex};
use super::words::{is_listed, List};
use crate::analyze::wordlists::{cardinal, lowercase};
use crate::text::weekday;

impl Reading<'_, '_> {
    /// The period that starts at word `i`, and how many words it takes.
    pub(super) fn period(&self) -> Option<(Timex, usize)> {
        let lower = self.lower.as_ref();
        if !may_start_a_period(lower) {
            return None;
        }
        self.vague()
            .or_else(|| self.decade())
            .or_else(|| self.century())
            .or_else(|| self.part_of_year())
            .or_else(|| self.back_to_focus())
            .or_else(|| self.week())
            .or_else(|| self.season())
    }

    /// True when `period`, read in `used` words, becomes the article's
    /// focus: a quarter named outright and reported on, not forecast.
    pub(super) fn begins_a_focus(&self, period: Timex, used: usize) -> bool {
        let today = self.today().map(|d| d.days().start);
        let begun = period
            .days()
            .zip(today)
            .is_some_and(|(days, today)| days.start <= today);
        begun && self.names_a_quarter(used)
    }

    /// `the 1990s`, `the '80s`, `the eighties`.
    fn decade(&self) -> Option<(Timex, usize)> {
        let lower = self.lower.as_ref();
        let word = self.words[self.i].text;
        if let Some(digits) = word.strip_suffix('s') {
            if digits.len() == 4 && digits.ends_with('0') {
                let year = as_year(digits)?;
                return Some((Timex::Decade(year / 10), 1));
            }
            let apostrophe = self
                .i
                .checked_sub(1)
                .map(|k| gap(self.text, self.words, k))
                .is_some_and(|g| g.ends_with(['\'', '’']));
            let the = self.previous().as_deref() == Some("the");
            if digits.len() == 2 && digits.ends_with('0') && (apostrophe || the) {
                let tens: u16 = digits.parse().ok()?;
                return Some((Timex::Decade(190 + tens / 10), 1));
            }
        }
        let tens = DECADE_WORDS.iter().position(|w| *w == lower)?;
        (self.previous().as_deref() == Some("the")).then_some((Timex::Decade(192 + tens as u16), 1))
    }

    /// `the 20th century`, `the twenty-first century`: TimeML names a
    /// century by its first two digits (`19` for the twentieth).
    fn century(&self) -> Option<(Timex, usize)> {
        let lower = self.lower.as_ref();
        let (number, used) = match (cardinal(lower), self.next(1)) {
            (Some(20), Some(unit)) if self.gap(0) == "-" => {
                (20 + ordinal(&unit).filter(|n| *n < 10)?, 2)
            }
            _ => (ordinal(lower)?, 1),
        };
        if !(2..=21).contains(&number) || !self.next_is(used, &["century"]) {
            return None;
        }
        Some((Timex::Century(number as u16 - 1), used + 1))
    }

    /// `the third quarter`, `third-quarter`, `Q3 1998`, `the first half of
    /// 1998`, `the last half of 1989`, `the first two quarters`, `the 1988
    /// quarter`, `last year's fourth quarter`.
    fn part_of_year(&self) -> Option<(Timex, usize)> {
        // `last year's fourth quarter`, `the 1998 third quarter`.
        let (year, used) = if let Some(year) = as_year(self.words[self.i].text) {
            (Some(year), 1)
        } else if self.next_is(1, &["year"]) && self.possessive(1) {
            (Some(shift_year(self.today()?.year, self.step()?)?), 2)
        } else {
            (None, 0)
        };
        let part = self.next(used)?;
        let part = part.as_ref();
        let (part, number, used) = if (part == "quarter" || part == "period") && used > 0 {
            // A year's quarter with no number: the article's focus.
            let (_, focus) = self.context.focus_quarter?;
            (Part::Quarter, focus, used + 1)
        } else if let Some(word) = self.words.get(self.i + used) {
            let part_word = self.next(used + 1);
            let lower = lowercase(word.text);
            // `the last half of 1989` (not `the last half hour`).
            let last_half = lower == "last"
                && part_word.as_deref() == Some("half")
                && self.year_after(used + 2).is_some();
            let number = match word.text.as_bytes() {
                [b'Q', digit @ b'1'..=b'4'] if used == 0 => {
                    return self.quarter_written(digit - b'0');
                }
                _ if last_half => 2,
                _ => ordinal(&lower)?,
            };
            match part_word.as_deref() {
                Some("quarter") if (1..=4).contains(&number) => {
                    (Part::Quarter, number as u8, used + 2)
                }
                Some("half") if (1..=2).contains(&number) => (Part::Half, number as u8, used + 2),
                // `the first two quarters`: the first half.
                Some("two") if number == 1 && self.next_is(used + 2, &["quarters"]) => {
                    (Part::Half, 1, used + 3)
                }
                _ => return None,
            }
        } else {
            return None;
        };
        let (year, used) = match year {
            Some(year) => (year, used),
            None => self
                .year_after(used)
                .or_else(|| self.inferred_year(part, number).map(|y| (y, used)))?,
        };
        Some((part.timex(year, number), used))
    }

    /// `Q3`, `Q3 1998`.
    fn quarter_written(&self, quarter: u8) -> Option<(Timex, usize)> {
        let (year, used) = self
            .year_after(1)
            .or_else(|| Some((self.inferred_year(Part::Quarter, quarter)?, 1)))?;
        Some((Part::Quarter.timex(year, quarter), used))
    }

    /// `of 1998` or `1998` after the part that ends before word `i + k`.
    fn year_after(&self, k: usize) -> Option<(u16, usize)> {
        let word = self.next(k)?;
        if word == "of" {
            let year = as_year(&self.next(k + 1)?)?;
            return Some((year, k + 2));
        }
        let spaced = matches!(self.gap(k - 1).trim(), "" | ",");
        as_year(&word).filter(|_| spaced).map(|year| (year, k + 1))
    }

    /// The year of a quarter or half written without one: the latest that
    /// has begun by the publication date (or the coming one, told in the
    /// future tense).
    fn inferred_year(&self, part: Part, number: u8) -> Option<u16> {
        let today = self.today()?;
        let month = today.month?;
        let current = match part {
            Part::Quarter => (month - 1) / 3 + 1,
            Part::Half => (month - 1) / 6 + 1,
        };
        if number > current && self.tense() != Tense::Future {
            today.year.checked_sub(1)
        } else {
            Some(today.year)
        }
    }

    /// `the quarter`, `the latest period`, `the year-ago quarter`, `a year
    /// earlier`: the article's focus quarter, or the same quarter a year
    /// before. Without a focus, `year-ago` and `year-earlier` are the year
    /// before the publication date's.
    fn back_to_focus(&self) -> Option<(Timex, usize)> {
        let lower = self.lower.as_ref();
        let year_before = |used: usize| {
            let (year, quarter) = match self.context.focus_quarter {
                Some(focus) => focus,
                None => {
                    let year = self.today()?.year.checked_sub(1)?;
                    return Some((Timex::Date(DateValue::year(year)?), used));
                }
            };
            let quarter = Timex::Quarter {
                year: year.checked_sub(1)?,
                quarter,
            };
            // `the year-ago quarter`, `the year-earlier period`.
            let used = used + usize::from(self.next_is(used, &["quarter", "period"]));
            Some((quarter, used))
        };
        match lower {
            "year" if self.gap(0) == "-" && self.next_is(1, &["ago", "earlier"]) => year_before(2),
            "a" if self.next_is(1, &["year"]) && self.next_is(2, &["ago", "earlier"]) => {
                self.context.focus_quarter?;
                year_before(3)
            }
            "quarter" | "period" => {
                let (year, quarter) = self.context.focus_quarter?;
                let before = self.previous()?;
                if !is_listed(List::Focus, &before) || self.gap(0).starts_with('-') {
                    return None;
                }
                // `the same period last year`.
                if self.next_is(1, &["last"]) && self.next_is(2, &["year"]) {
                    let year = year.checked_sub(1)?;
                    return Some((Timex::Quarter { year, quarter }, 3));
                }
                Some((Timex::Quarter { year, quarter }, 1))
            }
            _ => None,
        }
    }

    /// `last week`, `this week`, `next week`, `the weekend`, `this weekend`.
    fn week(&self) -> Option<(Timex, usize)> {
        let lower = self.lower.as_ref();
        if lower == "the" && self.next_is(1, &["weekend"]) {
            // The weekend just gone, or the coming one in the future.
            let today = self.today()?;
            let weekend_now = weekday(today.days().start) >= 5;
            let step = if weekend_now || self.tense() == Tense::Future {
                0
            } else {
                -1
            };
            return self.week_at(step, true, 2);
        }
        let step = self.step()?;
        // `This Week`, a programme's title.
        let titled = self
            .words
            .get(self.i + 1)
            .is_some_and(|w| w.text.starts_with(char::is_uppercase));
        match self.next(1).as_deref() {
            _ if titled => None,
            Some("week") => self.week_at(step, false, 2),
            Some("weekend") => self.week_at(step, true, 2),
            _ => None,
        }
    }

    /// The week `step` weeks from the publication date's.
    fn week_at(&self, step: i64, weekend: bool, used: usize) -> Option<(Timex, usize)> {
        let (year, week) = iso_week(self.today()?.days().start + 7 * step)?;
        Some((
            Timex::Week {
                year,
                week,
                weekend,
            },
            used,
        ))
    }

    /// `this summer`, `last fall`, `next spring`, `the summer`, `summer
    /// 1999`, `the winter of 1994`.
    fn season(&self) -> Option<(Timex, usize)> {
        let lower = self.lower.as_ref();
        if let Some(season) = season_named(lower) {
            // `summer 1999`, `the fall of 2025`.
            if let Some((year, used)) = self.year_after(1) {
                return Some((Timex::Season { year, season }, used));
            }
            // `the summer`, `in winter`: not `fall` or `spring`, verbs too.
            let bare = matches!(season, Season::Summer | Season::Winter) || lower == "autumn";
            let before = self.previous();
            let taken = before
                .as_deref()
                .is_some_and(|w| matches!(w, "the" | "in" | "early" | "late" | "during"));
            if !bare || !taken {
                return None;
            }
            let step = if self.tense() == Tense::Past { -1 } else { 0 };
            return Some((self.season_from_today(season, step)?, 1));
        }
        // `past summer` too; not `current summer`.
        let step = match lower {
            "past" => -1,
            "current" => return None,
            _ => self.step()?,
        };
        let season = season_named(&self.next(1)?)?;
        Some((self.season_from_today(season, step)?, 2))
    }

    /// A season counted from the publication date: this year's (0), the
    /// latest before the current season (-1), the first after it (1).
    fn season_from_today(&self, season: Season, step: i64) -> Option<Timex> {
        let today = self.today()?;
        let now = Season::of(today.year, today.month?);
        let this_year = if season == now.1 { now.0 } else { today.year };
        let year = match step {
            -1 if (this_year, season) >= now => this_year.checked_sub(1)?,
            1 if (this_year, season) <= now => this_year.checked_add(1)?,
            _ => this_year,
        };
        Some(Timex::Season { year, season })
    }

    /// True when the words read name a quarter outright (a number or
    /// `Q3`), so that later references return to it.
    fn names_a_quarter(&self, used: usize) -> bool {
        self.words[self.i..self.i + used].iter().any(|w| {
            ordinal(&lowercase(w.text)).is_some() || (w.text.starts_with('Q') && w.text.len() == 2)
        })
    }
}

/// A part of a year with a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Quarter,
    Half,
}

impl Part {
    fn timex(self, year: u16, number: u8) -> Timex {
        match self {
            Part::Quarter => Timex::Quarter {
                year,
                quarter: number,
            },
            Part::Half => Timex::Half { year, half: number },
        }
    }
}

/// Decades as words, from the twenties.
const DECADE_WORDS: &[&str] = &[
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

fn season_named(word: &str) -> Option<Season> {
    match word {
        "spring" => Some(Season::Spring),
        "summer" => Some(Season::Summer),
        "fall" | "autumn" => Some(Season::Fall),
        "winter" => Some(Season::Winter),
        _ => None,
    }
}

/// `third`, `3rd`, `twentieth`: the number an ordinal names.
fn ordinal(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !digits.is_empty() && digits.len() < word.len() {
        let suffix = &word[digits.len()..];
        return matches!(suffix, "st" | "nd" | "rd" | "th")
            .then(|| digits.parse().ok())
            .flatten();
    }
    match word {
        "first" => Some(1),
        "second" => Some(2),
        "third" => Some(3),
        "fifth" => Some(5),
        "eighth" => Some(8),
        "ninth" => Some(9),
        "twelfth" => Some(12),
        _ => {
            let stem = word
                .strip_suffix("ieth")
                .map(|s| format!("{s}y"))
                .or_else(|| word.strip_suffix("th").map(str::to_owned))?;
            cardinal(&stem)
        }
    }
}

/// True for a word (lower case) a period may start on: a number (a year,
/// `1990s`, `20th`), `Q3`, or one of the words the readers above look for.
/// Most capitalized words are names and go no further.
pub(super) fn may_start_a_period(lower: &str) -> bool {
    lower.starts_with(|c: char| c.is_ascii_digit())
        || matches!(lower.as_bytes(), [b'q', b'1'..=b'4'])
        || matches!(
            lower,
            "now"
                | "currently"
                | "these"
                | "recently"
                | "recent"
                | "the"
                | "a"
                | "year"
                | "quarter"
                | "period"
                | "last"
                | "this"
                | "next"
                | "previous"
                | "current"
                | "coming"
                | "future"
                | "several"
                | "few"
                | "past"
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "twenty"
                | "eighteenth"
                | "nineteenth"
                | "twentieth"
        )
        || season_named(lower).is_some()
        || DECADE_WORDS.contains(&lower)
}
