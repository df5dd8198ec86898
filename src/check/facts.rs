//! What a claim states that a passage can agree with or not: its numbers,
//! its dates, the people, organisations and places it names, and the
//! direction of a change (`rose`, `fell`).

use std::cell::OnceCell;
use std::ops::Range;

use serde::Serialize;

use super::numbers::{self, Number};
use crate::analyze::{
    analyze, dates_as_of, is_acronym, is_fall_word, is_rise_word, DateValue, EntityKind,
};
use crate::index::EntityTable;
use crate::ingest::{self, Format};
use crate::search::{EntityRef, Hit};

/// The facts of a claim.
#[derive(Debug, Clone, Default)]
pub struct Claim {
    /// The claim as pasted.
    pub text: String,
    /// Numbers, dates excluded.
    pub numbers: Vec<Number>,
    /// Dates, with the words that state them.
    pub dates: Vec<(String, DateValue)>,
    /// Names as written, with their kind and the ids of the entities of
    /// the index they may be (see [`Claim::link`]).
    pub names: Vec<Name>,
    /// Which way a change went, if the claim says.
    pub direction: Option<(String, Direction)>,
}

/// A name the claim gives.
#[derive(Debug, Clone, Default)]
pub struct Name {
    /// As written.
    pub written: String,
    /// The tagger's kind.
    pub kind: Option<EntityKind>,
    /// Ids of the entities it matches, most named first.
    pub entities: Vec<String>,
    /// The canonical name of the most named of them.
    pub canonical: Option<String>,
}

/// Which way a change went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// `rose`, `raised`, `up`.
    Up,
    /// `fell`, `cut`, `down`.
    Down,
}

/// One fact of the claim against one passage.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Check {
    /// `number`, `date`, `entity` or `direction`.
    pub kind: &'static str,
    /// The fact as the claim writes it.
    pub claim: String,
    /// What the passage writes for it, if anything.
    pub passage: Option<String>,
    /// True when they agree, false when they differ, null when the passage
    /// does not say.
    pub agrees: Option<bool>,
    /// True when a rounded number agrees with a precise one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rounded: bool,
    /// For a name the passage does not give: whether its article names it
    /// elsewhere (see [`Claim::mark_names_in_article`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_article: Option<bool>,
}

/// The words of a text that say which way a change went, in order.
fn directions(text: &str) -> impl Iterator<Item = (String, Direction)> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter_map(|word| {
            let lower = word.to_lowercase();
            if is_rise_word(&lower) {
                Some((word.to_owned(), Direction::Up))
            } else if is_fall_word(&lower) {
                Some((word.to_owned(), Direction::Down))
            } else {
                None
            }
        })
}

fn direction_of(text: &str) -> Option<(String, Direction)> {
    directions(text).next()
}

impl Claim {
    /// Reads a claim with the same analysis as an article's passage.
    pub fn read(text: &str) -> Claim {
        let file = format!("Claim\n\n{text}\n");
        let Some(article) = ingest::parse(file.as_bytes(), "claim", Format::Text)
            .articles
            .into_iter()
            .next()
        else {
            return Claim::default();
        };
        let analysis = analyze(article);
        let body = analysis.article.body.as_str();
        let offset = body.find(text.trim()).unwrap_or(0);
        let mut claim = Claim {
            text: text.to_owned(),
            direction: direction_of(text),
            ..Claim::default()
        };
        let mut date_ranges = Vec::new();
        for passage in &analysis.passages {
            for date in &passage.dates {
                date_ranges.push(date.range.clone());
                // Only calendar dates are checked: a quarter, a decade or
                // `now` has no one value a passage would write alike.
                if let Some(value) = date.value.date() {
                    claim
                        .dates
                        .push((body[date.range.clone()].to_owned(), value));
                }
            }
            for mention in &passage.mentions {
                let written = body[mention.range.clone()].to_owned();
                if !claim.names.iter().any(|n| n.written == written) {
                    claim.names.push(Name {
                        written,
                        kind: Some(mention.kind),
                        ..Name::default()
                    });
                }
            }
        }
        // A date read only against a publication date (`two years ago`) is
        // a date as well, checked as one: its words are no figure. Where it
        // stands does not depend on which date it is read against.
        let relative: Vec<Range<usize>> = DateValue::day(2000, 6, 15)
            .map(|anchor| dates_as_of(text, anchor))
            .unwrap_or_default()
            .into_iter()
            .map(|d| d.range.start + offset..d.range.end + offset)
            .collect();
        claim.numbers = numbers::find(text)
            .into_iter()
            .filter(|n| {
                let range = n.range.start + offset..n.range.end + offset;
                !date_ranges
                    .iter()
                    .chain(&relative)
                    .any(|d| d.start < range.end && range.start < d.end)
            })
            .collect();
        claim
    }

    /// Finds the entities of the index each name may be, once per claim.
    pub fn link(&mut self, table: &EntityTable) {
        let kinds: Vec<Vec<EntityKind>> = self
            .names
            .iter()
            .map(|n| n.kind.into_iter().collect())
            .collect();
        let queries: Vec<(&[EntityKind], &str)> = kinds
            .iter()
            .zip(&self.names)
            .map(|(kinds, name)| (&kinds[..], name.written.as_str()))
            .collect();
        let matching = table.matching_each(&queries);
        for (name, indices) in self.names.iter_mut().zip(matching) {
            let mut found: Vec<_> = indices
                .into_iter()
                .filter_map(|i| Some((i, table.get(i)?)))
                .collect();
            found.sort_by_key(|(_, e)| std::cmp::Reverse(e.passages()));
            name.entities = found.iter().map(|(_, e)| e.id_text()).collect();
            name.canonical = found.first().map(|(_, e)| e.name().to_owned());
        }
    }

    /// For each name of the claim that the passage does not give, says
    /// whether its article names it elsewhere (`in_article(n)` for the
    /// claim's `n`th name, by its words or its canonical name's; `None`
    /// when that could not be asked): a
    /// passage that says "he" or "the state" may still be the one.
    ///
    /// A name that the article does not give either, where the passage
    /// names another of the same kind that the claim does not, differs:
    /// the claim puts the passage's fact on someone else (`Lagos State`
    /// won the prize, the passage says `Kaduna State`).
    pub fn mark_names_in_article(
        &self,
        checks: &mut [Check],
        hit: &Hit,
        in_article: impl Fn(usize) -> Option<bool>,
    ) {
        for (n, name) in self.names.iter().enumerate() {
            let Some(check) = nth_name_mut(checks, n) else {
                continue;
            };
            if check.agrees.is_some() {
                continue;
            }
            let Some(named) = in_article(n) else { continue };
            check.in_article = Some(named);
            // An acronym may be a common noun (`NGO`, `MP`) or the
            // initials of the passage's name (`DWP`): too loose to say
            // that the passage names someone else.
            if named || is_acronym(&name.written) {
                continue;
            }
            let other = hit
                .entities
                .iter()
                .find(|e| Some(e.kind) == name.kind && !self.names_entity(e));
            if let Some(other) = other {
                check.agrees = Some(false);
                check.passage = Some(other.name.clone());
            }
        }
    }

    /// True when one of the claim's names is the entity `entity`.
    fn names_entity(&self, entity: &EntityRef) -> bool {
        let folded_name = folded(&entity.name);
        self.names
            .iter()
            .any(|n| n.entities.contains(&entity.id) || folded(&n.written) == folded_name)
    }

    /// The claim's calendar dates as an article published on `published`
    /// (ISO) would mean them: `last March` is the March before it. Without
    /// a publication date, the dates the claim gives in full.
    pub fn dates_as_of(&self, published: Option<&str>) -> Vec<(String, DateValue)> {
        let Some(published) = published.and_then(DateValue::parse) else {
            return self.dates.clone();
        };
        dates_as_of(&self.text, published)
            .into_iter()
            .filter_map(|d| Some((self.text[d.range].to_owned(), d.value.date()?)))
            .collect()
    }

    /// Each fact of the claim against a passage, with the claim's dates
    /// as its article's publication date reads them (see
    /// [`Claim::dates_as_of`]).
    pub fn checks(&self, hit: &Hit, dates: &[(String, DateValue)]) -> Vec<Check> {
        let mut checks = Vec::new();
        let found = numbers::find(&hit.text);
        // A passage's figure that agrees with one of the claim's is not
        // another figure's different value (`two-for-one`, `from 569 to 922`).
        let taken: Vec<&Number> = found
            .iter()
            .filter(|p| self.numbers.iter().any(|n| numbers::agree(n, p)))
            .collect();
        let free: Vec<Number> = found
            .iter()
            .filter(|p| !taken.iter().any(|t| std::ptr::eq(*t, *p)))
            .cloned()
            .collect();
        for number in &self.numbers {
            checks.push(number_check(&self.text, number, &hit.text, &found, &free));
        }
        for (written, date) in dates {
            checks.push(date_check(
                written,
                *date,
                &hit.dates,
                hit.published.as_deref(),
            ));
        }
        // Folding the whole passage is most of a check's work: done only
        // for a name that the passage's entities do not give.
        let folded_text = OnceCell::new();
        for name in &self.names {
            checks.push(entity_check(name, hit, &folded_text));
        }
        if let Some((word, direction)) = &self.direction {
            checks.extend(direction_check(word, *direction, &hit.text));
        }
        checks
    }
}

/// A claim's number against a passage's: agreeing with any of them, else
/// differing from the nearest of the same unit that agrees with no other
/// number of the claim, else not stated.
fn number_check(
    claim: &str,
    number: &Number,
    text: &str,
    found: &[Number],
    free: &[Number],
) -> Check {
    let written = |n: &Number, text: &str| text[n.range.clone()].to_owned();
    let agreeing = found.iter().find(|p| numbers::agree(number, p));
    let same_unit: Vec<&Number> = free.iter().filter(|p| p.unit == number.unit).collect();
    let (passage, agrees, rounded) = match agreeing {
        Some(p) => (
            Some(written(p, text)),
            Some(true),
            number.approximate && (p.value - number.value).abs() > f64::EPSILON,
        ),
        None => match closest(number, &same_unit) {
            Some(p) => (Some(written(p, text)), Some(false), false),
            None => (None, None, false),
        },
    };
    Check {
        kind: "number",
        claim: written(number, claim),
        passage,
        agrees,
        rounded,
        in_article: None,
    }
}

fn closest<'a>(number: &Number, candidates: &[&'a Number]) -> Option<&'a Number> {
    candidates.iter().copied().min_by(|a, b| {
        let da = (a.value - number.value).abs();
        let db = (b.value - number.value).abs();
        da.total_cmp(&db)
    })
}

/// A claim's date against a passage's dates (`dates`, ISO, the article's
/// publication date `published` among them): agreeing with any of them,
/// else differing from the nearest the passage states at the claim's
/// precision or finer. The publication date agrees, but never differs: an
/// article of August that does not restate `in June` does not deny it.
fn date_check(written: &str, date: DateValue, dates: &[String], published: Option<&str>) -> Check {
    let claim = date.to_string();
    let agreeing = dates.iter().find(|d| d.starts_with(&claim));
    let claimed = date.days();
    let other = dates
        .iter()
        .filter(|d| d.len() >= claim.len() && Some(d.as_str()) != published)
        .filter_map(|d| Some((days_apart(&claimed, &DateValue::parse(d)?.days()), d)))
        .min_by_key(|(apart, _)| *apart)
        .map(|(_, d)| d);
    let (passage, agrees) = match (agreeing, other) {
        (Some(d), _) => (Some(d.clone()), Some(true)),
        (None, Some(d)) => (Some(d.clone()), Some(false)),
        (None, None) => (None, None),
    };
    Check {
        kind: "date",
        claim: written.to_owned(),
        passage,
        agrees,
        rounded: false,
        in_article: None,
    }
}

/// Days between two ranges of days; 0 when they overlap.
fn days_apart(a: &Range<i64>, b: &Range<i64>) -> u64 {
    let gap = (b.start - a.end + 1).max(a.start - b.end + 1).max(0);
    u64::try_from(gap).unwrap_or(0)
}

/// Folded words of a text, for finding a name in it as written.
fn folded(text: &str) -> String {
    crate::analyze::name_words(text).join(" ")
}

/// A name against a passage: one of its entities is named there, or its
/// words stand in the passage's text (`folded_text`, see [`folded`], made
/// on first need).
fn entity_check(name: &Name, hit: &Hit, folded_text: &OnceCell<String>) -> Check {
    let written = name.written.as_str();
    let by_id = hit.entities.iter().find(|e| name.entities.contains(&e.id));
    let in_text = by_id.is_none()
        && folded_text
            .get_or_init(|| folded(&hit.text))
            .contains(&folded(written));
    let passage = match (by_id, in_text) {
        (Some(e), _) => Some(e.name.clone()),
        (None, true) => Some(written.to_owned()),
        (None, false) => None,
    };
    Check {
        kind: "entity",
        claim: written.to_owned(),
        agrees: passage.as_ref().map(|_| true),
        passage,
        rounded: false,
        in_article: None,
    }
}

/// The claim's direction against the passage's: agreeing when the
/// passage says the same way anywhere (`a slight rise ... a 0.5 pct fall`
/// holds a fall), else differing with its first.
fn direction_check(word: &str, direction: Direction, text: &str) -> Option<Check> {
    let said: Vec<(String, Direction)> = directions(text).collect();
    let (passage, theirs) = said
        .iter()
        .find(|(_, d)| *d == direction)
        .or_else(|| said.first())?;
    Some(Check {
        kind: "direction",
        claim: word.to_owned(),
        agrees: Some(*theirs == direction),
        passage: Some(passage.clone()),
        rounded: false,
        in_article: None,
    })
}

/// The check of the claim's `n`th name among a passage's checks.
fn nth_name_mut(checks: &mut [Check], n: usize) -> Option<&mut Check> {
    checks.iter_mut().filter(|c| c.kind == "entity").nth(n)
}

/// The verdict on a passage: `differs` when a fact disagrees, `supports`
/// when the claim's numbers and dates all agree (or, without any, its
/// names do), and `unclear` otherwise.
pub fn verdict(checks: &[Check]) -> &'static str {
    if checks.iter().any(|c| c.agrees == Some(false)) {
        return "differs";
    }
    let measured: Vec<&Check> = checks
        .iter()
        .filter(|c| matches!(c.kind, "number" | "date"))
        .collect();
    let supported = match measured.is_empty() {
        true => checks.iter().any(|c| c.agrees == Some(true)),
        false => measured.iter().all(|c| c.agrees == Some(true)),
    };
    if supported {
        "supports"
    } else {
        "unclear"
    }
}

#[cfg(test)]
mod tests;
