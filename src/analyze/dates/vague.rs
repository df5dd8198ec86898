//! The vague present, past and future, as TimeML marks them:
//! `PRESENT_REF` (`now`, `currently`, `these days`), `PAST_REF`
//! (`recently`, `in recent years`, `in the past`) and `FUTURE_REF` (`the
//! future`).

use super::reading::Reading;
use super::value::{DateValue, Timex};
use super::words::{is_listed, List};

impl Reading<'_, '_> {
    /// `now`, `currently`, `these days`; `recently`, `in recent years`,
    /// `in the past`; `the future`.
    pub(super) fn vague(&self, lower: &str) -> Option<(Timex, usize)> {
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
            "recent" if self.next_is(1, &["years", "months", "weeks", "days"]) => {
                Some((Timex::Past, 2))
            }
            "the" if self.next_is(1, &["future"]) => Some((Timex::Future, 2)),
            "the" if self.next_is(1, &["near"]) && self.next_is(2, &["future"]) => {
                Some((Timex::Future, 3))
            }
            // `in the past,` but not `the past nine months`, a duration.
            "the" if self.next_is(1, &["past"]) && !self.gap(1).trim().is_empty() => {
                Some((Timex::Past, 2))
            }
            _ => None,
        }
    }
}
