//! Dates longer than a month that news names by their parts: seasons.

use super::value::DateValue;
use super::{as_year, gap, Word};

/// `the fall of 2025`, `summer 2024`: the year.
pub(super) fn read_season(
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
