//! The vague present, past and future, as TimeML marks them:
//! `PRESENT_REF` (`now`, `currently`, `these days`, `its current chief`), `PAST_REF`
//! (`recently`, `in recent years`, `in the past`) and `FUTURE_REF` (`the
//! future`).

use super::reading::Reading;
use super::value::{DateValue, Timex};
use super::words::{is_listed, List};
use crate::analyze::wordlists::is_function_word;

impl Reading<'_, '_> {
    /// `now`, `currently`, `these days`, `current` before a content word; `recently`, `in recent years`,
    /// `in the past`; `the future`.
    pub(super) fn vague(&self) -> Option<(Timex, usize)> {
        let lower = self.lower.as_ref();
        let month = self
            .context
            .published
            .and_then(|p| DateValue::month(p.year, p.month?));
        let present = Timex::Present(month);
        match lower {
            // `Now, ...` opens an argument rather than dating one.
            "now" if !(self.words[self.i].text == "Now" && self.gap(0).starts_with(',')) => {
                Some((present, 1))
            }
            "currently" => Some((present, 1)),
            "current" if self.is_bare_current() => Some((present, 1)),
            "these" if self.next_is(1, &["days"]) => Some((present, 2)),
            // Not `has recently been`, `most recently`: a verb's manner
            // or a ranking rather than a time of its own.
            "recently"
                if !self
                    .previous()
                    .is_some_and(|w| is_listed(List::Auxiliary, &w)) =>
            {
                Some((Timex::Past, 1))
            }
            "the" if self.next_is(1, &["future"]) => Some((Timex::Future, 2)),
            "the" if self.next_is(1, &["near"]) && self.next_is(2, &["future"]) => {
                Some((Timex::Future, 3))
            }
            // `in the past,` but not `the past nine months`, a duration.
            "the" if self.next_is(1, &["past"]) && !self.gap(1).trim().is_empty() => {
                Some((Timex::Past, 2))
            }
            _ => self.vague_stretch(),
        }
    }

    /// `current` before a noun that is not a stretch of time (`current
    /// realities`, `its current position`): the present, as TimeML marks
    /// it. Not `the current quarter` (a period of its own), `then current`
    /// (the past) or `current account` (a term of economics).
    fn is_bare_current(&self) -> bool {
        const NOT_AFTER: &[&str] = &[
            "year", "years", "quarter", "quarters", "month", "months", "week", "weeks", "day",
            "days", "period", "fiscal", "half", "season", "term", "decade", "century", "account",
            "accounts",
        ];
        // A content word follows, not a function word (`the current was
        // strong`, `the current of the river`: water).
        let followed = self.gap(0) == " " && self.next(1).is_some_and(|w| !is_function_word(&w));
        followed && !self.next_is(1, NOT_AFTER) && self.previous().is_none_or(|w| w != "then")
    }

    /// Stretches of time that reach from now into the past or future
    /// without a count: `recent years`, `the past several quarters`, `the
    /// last few months`, `several years ago`; `coming months`, `future
    /// quarters`, `the near term`. A count makes them durations (`the
    /// past nine months`), which TimeML does not date.
    fn vague_stretch(&self) -> Option<(Timex, usize)> {
        let lower = self.lower.as_ref();
        const UNITS: &[&str] = &["days", "weeks", "months", "quarters", "years", "decades"];
        let k = usize::from(lower == "the");
        let head = self.next(k)?;
        let vague = |j: usize| self.next_is(j, &["several", "few"]);
        let unit_at = k + 1 + usize::from(vague(k + 1));
        let unit = self.next_is(unit_at, UNITS);
        match head.as_ref() {
            "past" | "recent" if unit => Some((Timex::Past, unit_at + 1)),
            "last" if unit && vague(k + 1) => Some((Timex::Past, unit_at + 1)),
            "coming" | "future" if unit => Some((Timex::Future, unit_at + 1)),
            // Not `the long-term outlook`, an adjective.
            "near" | "short" | "long"
                if k == 1 && self.gap(1).trim().is_empty() && self.next_is(2, &["term"]) =>
            {
                Some((Timex::Future, 3))
            }
            // `several years ago`, `a few weeks ago`.
            "several" | "few" | "a" => {
                let unit_at = 1 + usize::from(lower == "a" && self.next_is(1, &["few"]));
                let ago = unit_at > 1 || lower != "a";
                (ago && self.next_is(unit_at, UNITS) && self.next_is(unit_at + 1, &["ago"]))
                    .then_some((Timex::Past, unit_at + 2))
            }
            _ => None,
        }
    }
}
