//! Numbers as news writes them, read to a value and a unit: `2.7%`, `25
//! pct`, `one in four`, `half a million`, `$4bn`, `4 bln dlrs`, `five
//! hundred`, `a quarter`, `one-fifth`, `17.6 percent`; with `about`,
//! `nearly` or `some` before them, a rounded value.

use std::ops::Range;

use crate::analyze::cardinal;

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A share: `25%`, `25 pct`, `a quarter`, `one in four`.
    Percent,
    /// Money: `$4bn`, `4 billion dollars`, `16 mln stg`, in a currency.
    Money(Currency),
    /// Anything else.
    Count,
}

/// Which money a sum is in: `$60 million` and `60 mln stg` are two sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Currency {
    /// `$`, `dollars`, `dlrs`, `usd`.
    Dollar,
    /// `£`, `pounds`, `stg`, `sterling`.
    Pound,
    /// `€`, `euros`.
    Euro,
    /// `yen`.
    Yen,
    /// `francs`.
    Franc,
    /// `marks`.
    Mark,
    /// `yuan`.
    Yuan,
}

impl Unit {
    /// True when a number in `self` may state the same thing as one in
    /// `other`: the same unit, or a bare count beside either (`4 billion`
    /// may be the dollars the other names).
    pub fn fits(self, other: Unit) -> bool {
        self == other || self == Unit::Count || other == Unit::Count
    }
}

/// A number found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// Byte range of the number and its unit as written.
    pub range: Range<usize>,
    /// Its value (a share in percent: `a quarter` is 25).
    pub value: f64,
    /// What it counts.
    pub unit: Unit,
    /// Written as rounded: `about 170`, `nearly 37,000`, `some 500`.
    pub approximate: bool,
}

/// A word of a text with its byte range.
struct Word<'a> {
    text: &'a str,
    lower: String,
    range: Range<usize>,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let part = c.is_alphanumeric() || matches!(c, '.' | ',' | '%' | '$' | '£' | '€');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(text, s, i, &mut words);
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// Adds `text[start..end]`, trimmed of sentence punctuation.
fn push_word<'a>(text: &'a str, start: usize, end: usize, words: &mut Vec<Word<'a>>) {
    let raw = &text[start..end];
    let trimmed = raw.trim_end_matches(['.', ',']);
    if trimmed.is_empty() {
        return;
    }
    let end = start + trimmed.len();
    words.push(Word {
        text: trimmed,
        lower: trimmed.to_lowercase(),
        range: start..end,
    });
}

/// A number written as one word: `five`, `twenty`, `a` (before a scale),
/// `dozen`.
fn small_number(word: &str) -> Option<f64> {
    match word {
        "a" | "an" => Some(1.0),
        "dozen" => Some(12.0),
        _ => cardinal(word).map(f64::from),
    }
}

/// True when a number word `part` continues a number read so far as
/// `value`: ones after tens (`twenty five`), tens or ones after hundreds
/// (`two hundred fifty`).
fn adds_to(value: f64, part: f64) -> bool {
    let tens_then_ones =
        value >= 20.0 && value % 10.0 == 0.0 && value % 100.0 != 0.0 && part < 10.0;
    let hundreds_then_less = value >= 100.0 && value % 100.0 == 0.0 && part < 100.0;
    tens_then_ones || hundreds_then_less
}

/// `first` … `tenth` as numbers, and `10th`.
fn ordinal(word: &str) -> Option<f64> {
    const ORDINALS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    if let Some(i) = ORDINALS.iter().position(|w| *w == word) {
        return Some(i as f64 + 1.0);
    }
    ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .and_then(|digits| digits.parse::<u32>().ok())
        .map(f64::from)
}

fn scale(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "millions" | "mln" | "m" => Some(1e6),
        "billion" | "billions" | "bln" | "bn" => Some(1e9),
        "trillion" | "trillions" | "tln" | "tn" => Some(1e12),
        _ => None,
    }
}

/// A fraction's share in percent: `half`, `quarter`, `fifth`...
fn fraction(word: &str) -> Option<f64> {
    match word.trim_end_matches('s') {
        "half" => Some(50.0),
        "third" => Some(100.0 / 3.0),
        "quarter" => Some(25.0),
        "fifth" => Some(20.0),
        "tenth" => Some(10.0),
        _ => None,
    }
}

fn is_percent_word(word: &str) -> bool {
    matches!(word, "%" | "percent" | "pct" | "per-cent" | "percentage")
}

fn currency_word(word: &str) -> Option<Currency> {
    match word {
        "dollar" | "dollars" | "dlr" | "dlrs" | "usd" => Some(Currency::Dollar),
        "pound" | "pounds" | "stg" | "sterling" => Some(Currency::Pound),
        "euro" | "euros" => Some(Currency::Euro),
        "yen" => Some(Currency::Yen),
        // Not `mark` or `franc`: `passed the 2000 mark`.
        "francs" => Some(Currency::Franc),
        "marks" => Some(Currency::Mark),
        "yuan" => Some(Currency::Yuan),
        _ => None,
    }
}

fn currency_sign(sign: char) -> Option<Currency> {
    match sign {
        '$' => Some(Currency::Dollar),
        '£' => Some(Currency::Pound),
        '€' => Some(Currency::Euro),
        _ => None,
    }
}

fn is_rounding_word(word: &str) -> bool {
    matches!(
        word,
        "about"
            | "around"
            | "nearly"
            | "almost"
            | "roughly"
            | "some"
            | "approximately"
            | "over"
            | "under"
            | "more"
            | "less"
            | "up"
            | "just"
            | "close"
            | "estimated"
    )
}

/// A number written with digits: `37,000`, `2.7`, `$4bn`, `25%`, `10th`.
fn digits(word: &str) -> Option<(f64, Option<Unit>, f64)> {
    let mut unit = None;
    let mut text = word;
    if let Some(sign) = text.chars().next() {
        if let Some(currency) = currency_sign(sign) {
            unit = Some(Unit::Money(currency));
            text = &text[sign.len_utf8()..];
        }
    }
    if let Some(rest) = text.strip_suffix('%') {
        unit = Some(Unit::Percent);
        text = rest;
    }
    // `4bn`, `16mln`: a scale glued on.
    let split = text.find(|c: char| c.is_alphabetic()).unwrap_or(text.len());
    let (number, glued) = text.split_at(split);
    let multiplier = match glued {
        "" => 1.0,
        other => scale(&other.to_lowercase())?,
    };
    let cleaned: String = number.chars().filter(|c| *c != ',').collect();
    if cleaned.is_empty() || !cleaned.chars().next()?.is_ascii_digit() {
        return None;
    }
    let value: f64 = cleaned.parse().ok()?;
    Some((value, unit, multiplier))
}

/// Every number of a text, in order, except those that are part of a
/// date (`13 June`, `October 7, 2023`, `in 1987`): dates are checked as
/// dates.
pub fn find(text: &str) -> Vec<Number> {
    let words = words(text);
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match read_at(&words, i) {
            Some((number, next)) => {
                if !is_date_part(&words, i, next, &number) && !is_name_part(text, &words, i) {
                    numbers.push(number);
                }
                i = next;
            }
            None => i += 1,
        }
    }
    numbers
}

/// True for digits hyphened to a capitalised word before them: the number
/// of a name (`MS-13`, `F-16`, `Covid-19`), which no claim states as a figure.
fn is_name_part(text: &str, words: &[Word<'_>], i: usize) -> bool {
    let Some(before) = i.checked_sub(1).map(|b| &words[b]) else {
        return false;
    };
    let joined = before.range.end + 1 == words[i].range.start
        && text.as_bytes().get(before.range.end) == Some(&b'-');
    joined
        && words[i].text.starts_with(|c: char| c.is_ascii_digit())
        && before.text.starts_with(char::is_uppercase)
        && before.text.chars().all(char::is_alphabetic)
}

/// True for a day within two words of a month's (or weekday's) name
/// (`13 June`, `16-17 Feb`, `February 16 and 17`), or a year: a whole
/// count between 1800 and 2100 written in digits alone.
fn is_date_part(words: &[Word<'_>], start: usize, next: usize, number: &Number) -> bool {
    let near = start.saturating_sub(2)..(next + 2).min(words.len());
    let month_near = words[near]
        .iter()
        .any(|w| crate::analyze::is_calendar_word(&w.lower));
    let whole = number.unit == Unit::Count && number.value.fract() == 0.0;
    let digits_alone = next == start + 1 && words[start].text.chars().all(|c| c.is_ascii_digit());
    let year = digits_alone && (1800.0..=2100.0).contains(&number.value);
    whole && (year || (number.value <= 31.0 && month_near))
}

/// The number starting at word `i` (after a rounding word, if any), and
/// the index of the word after it.
fn read_at(words: &[Word<'_>], i: usize) -> Option<(Number, usize)> {
    let approximate = i > 0 && is_rounding_word(&words[i - 1].lower);
    let first = &words[i];
    // A rounded number is shown with the word that says so: `about 170`.
    let start = match approximate {
        true => words[i - 1].range.start,
        false => first.range.start,
    };
    let (mut value, mut unit, mut next) = if let Some((v, u, m)) = digits(first.text) {
        (v * m, u, i + 1)
    } else if let Some(v) = small_number(&first.lower).or_else(|| ordinal(&first.lower)) {
        // `a` is a number only before a scale or a fraction other than a
        // half (`a million`, `a quarter`): `a year and a half` holds none.
        let counted = |w: &Word<'_>| {
            scale(&w.lower).is_some()
                || w.lower == "dozen"
                || fraction(&w.lower).is_some_and(|_| !w.lower.starts_with("half"))
        };
        if matches!(first.lower.as_str(), "a" | "an") && !words.get(i + 1).is_some_and(counted) {
            return None;
        }
        (v, None, i + 1)
    } else if first.lower == "half" && words.get(i + 1).is_some_and(|w| w.lower == "a") {
        // `half a million`, `half a percent`; a half alone is no figure.
        (0.5, None, i + 2)
    } else {
        return None;
    };
    // `twenty five`, `five hundred`, `two hundred (and) fifty thousand`,
    // `half a million`, `4 billion`: what is read so far is `done`
    // (thousands and up) plus `value` (below a thousand). Only a number
    // begun in words goes on in words: `in 2000 twelve people` is two.
    let in_words = digits(first.text).is_none();
    let mut done = 0.0;
    while let Some(word) = words.get(next) {
        let article_before_scale = matches!(word.lower.as_str(), "a" | "an")
            && words
                .get(next + 1)
                .is_some_and(|w| scale(&w.lower).is_some());
        let cardinal_after = |at: usize| words.get(at).and_then(|w| cardinal(&w.lower));
        // After a thousand or more, only a count of hundreds goes on:
        // `two thousand five hundred`, but not `4 million two weeks ago`.
        let hundreds_after_scale =
            value == 0.0 && done > 0.0 && words.get(next + 1).is_some_and(|w| w.lower == "hundred");
        let part = cardinal(&word.lower)
            .map(f64::from)
            .filter(|n| in_words && (adds_to(value, *n) || hundreds_after_scale));
        let and_after_hundreds = in_words
            && word.lower == "and"
            && cardinal_after(next + 1).is_some_and(|n| adds_to(value, f64::from(n)));
        if let Some(part) = part {
            value += part;
        } else if let Some(multiplier) = scale(&word.lower) {
            if multiplier < 1e3 {
                value *= multiplier;
            } else if value == 0.0 {
                // `five thousand million`
                done *= multiplier;
            } else {
                done += value * multiplier;
                value = 0.0;
            }
        } else if !article_before_scale && !and_after_hundreds {
            break;
        }
        next += 1;
    }
    value += done;
    // `a quarter`, `one-fifth`, `two thirds`: a share.
    if let Some(share) = words.get(next).and_then(|w| fraction(&w.lower)) {
        if value < 10.0 && words[next].lower != "half" {
            value *= share;
            unit = Some(Unit::Percent);
            next += 1;
        }
    }
    // `one in four`, `1 in 4`.
    if words.get(next).is_some_and(|w| w.lower == "in") {
        if let Some(of) = words.get(next + 1).and_then(|w| {
            digits(w.text)
                .map(|(v, _, m)| v * m)
                .or_else(|| small_number(&w.lower))
        }) {
            if of > 0.0 && value <= of {
                value = 100.0 * value / of;
                unit = Some(Unit::Percent);
                next += 2;
            }
        }
    }
    if let Some(word) = words.get(next) {
        if is_percent_word(&word.lower) {
            unit = Some(Unit::Percent);
            next += 1;
        } else if words[next].lower == "per"
            && words.get(next + 1).is_some_and(|w| w.lower == "cent")
        {
            unit = Some(Unit::Percent);
            next += 2;
        } else if let Some(currency) = currency_word(&word.lower) {
            unit = Some(Unit::Money(currency));
            next += 1;
        }
    }
    let end = words[next - 1].range.end;
    let number = Number {
        range: start..end,
        value,
        unit: unit.unwrap_or(Unit::Count),
        approximate,
    };
    Some((number, next))
}

/// True when two numbers say the same: the same unit and value, within 10%
/// when either is rounded, and within rounding of the written digits
/// otherwise (`2.7` and `2.70`).
pub fn agree(claim: &Number, passage: &Number) -> bool {
    if !claim.unit.fits(passage.unit) {
        return false;
    }
    let tolerance = if claim.approximate || passage.approximate {
        0.1
    } else {
        0.005
    };
    let scale = claim.value.abs().max(passage.value.abs()).max(1e-9);
    (claim.value - passage.value).abs() / scale <= tolerance
}

#[cfg(test)]
mod tests;
