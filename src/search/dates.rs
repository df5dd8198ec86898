//! Date filters and date counts.
//!
//! A passage's dates are indexed by the precision they were written at
//! (see [`crate::index::schema`]), so a range keeps a passage when any of
//! its dates falls inside it at that date's own precision: `2023` is kept
//! by `--from 2023-10`, and `2023-10` by `--to 2023-10-15`.

use std::collections::BTreeMap;
use std::ops::Bound;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery};
use tantivy::schema::Field;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, Term};

use super::doc_counts::DocCounts;
use crate::analyze::DateValue;
use crate::error::{Error, Result};
use crate::index::schema::{day_key, month_key, FieldNames};
use crate::index::Fields;

/// An inclusive range of dates, either end open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    /// The first date kept, at its precision (`2024` starts on 1 January).
    pub from: Option<DateValue>,
    /// The last date kept, at its precision (`2024` ends on 31 December).
    pub to: Option<DateValue>,
}

impl DateRange {
    /// True when neither end is set.
    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// An error naming `flags` when the range ends before it starts.
    fn check(&self, flags: &str) -> Result<()> {
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if from.days().start > to.days().end - 1 {
                return Err(Error::Argument {
                    argument: flags.into(),
                    message: format!("{from} is after {to}"),
                });
            }
        }
        Ok(())
    }
}

/// Passages with a date (mentioned or published) in `range`.
pub fn mentioned_in(fields: &Fields, range: &DateRange) -> Result<Option<Box<dyn Query>>> {
    if range.is_open() {
        return Ok(None);
    }
    range.check("--from/--to")?;
    let year = |d: DateValue| u64::from(d.year);
    let month =
        |d: DateValue, last: bool| month_key(d.year, d.month.unwrap_or(if last { 12 } else { 1 }));
    let clauses: Vec<(Occur, Box<dyn Query>)> = vec![
        (
            Occur::Should,
            between(fields.date_year, range.from.map(year), range.to.map(year)),
        ),
        (
            Occur::Should,
            between(
                fields.date_month,
                range.from.map(|d| month(d, false)),
                range.to.map(|d| month(d, true)),
            ),
        ),
        (
            Occur::Should,
            between(
                fields.date_day,
                range.from.map(first_day),
                range.to.map(last_day),
            ),
        ),
    ];
    Ok(Some(Box::new(BooleanQuery::new(clauses))))
}

/// Passages of articles published in `range`.
pub fn published_in(fields: &Fields, range: &DateRange) -> Result<Option<Box<dyn Query>>> {
    if range.is_open() {
        return Ok(None);
    }
    range.check("--published-from/--published-to")?;
    Ok(Some(between(
        fields.published_day,
        range.from.map(first_day),
        range.to.map(last_day),
    )))
}

fn first_day(date: DateValue) -> u64 {
    day_key(date.days().start)
}

fn last_day(date: DateValue) -> u64 {
    day_key(date.days().end - 1)
}

fn between(field: Field, low: Option<u64>, high: Option<u64>) -> Box<dyn Query> {
    let bound = |value: Option<u64>| match value {
        Some(v) => Bound::Included(Term::from_field_u64(field, v)),
        None => Bound::Unbounded,
    };
    Box::new(RangeQuery::new(bound(low), bound(high)))
}

/// How many passages carry dates of one year or month.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DateCount {
    /// `2023` or `2023-10`.
    pub period: String,
    /// Matching passages with a date in it.
    pub count: u64,
}

/// Parses a `--from`-style argument: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parse_date_argument(text: &str) -> std::result::Result<DateValue, String> {
    DateValue::parse(text.trim()).ok_or_else(|| {
        format!(
            "`{text}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (2024, 2024-10, 2024-10-04)"
        )
    })
}

/// Counts matching passages per year and per month, in the same pass over
/// the matches as the search itself. tantivy's facet collector counts one
/// level under the facets it is given, and maps every term ordinal of the
/// segment to them when it starts; this counter reads the date facet's
/// dictionary once in order and counts by ordinal.
pub struct PeriodCounter;

/// A year or month of the date facet: `(year, month)`.
type Period = (String, Option<String>);

/// Matching passages per year and per month, from a [`PeriodCounter`].
#[derive(Debug, Default)]
pub struct PeriodCounts(BTreeMap<Period, u64>);

/// The period counter of one segment.
pub struct SegmentPeriodCounter {
    ords: Column<u64>,
    /// Each term ordinal's year (an index into `years`) and month, if it is
    /// a month.
    of_ord: Vec<(usize, Option<String>)>,
    years: Vec<String>,
    /// Months by ordinal, years by index: a passage dated in March and May
    /// of 2023 counts once for the year.
    by_month: DocCounts,
    by_year: DocCounts,
}

impl Collector for PeriodCounter {
    type Fruit = PeriodCounts;
    type Child = SegmentPeriodCounter;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentPeriodCounter> {
        let Some(facets) = reader.fast_fields().str(FieldNames::date_facet)? else {
            return Err(tantivy::TantivyError::SchemaError(
                "the date facet has no column".into(),
            ));
        };
        let mut years: Vec<String> = Vec::new();
        let mut of_ord = Vec::with_capacity(facets.num_terms());
        let mut terms = facets.dictionary().stream()?;
        while terms.advance() {
            // An encoded facet: its steps split by a zero byte.
            let key = String::from_utf8_lossy(terms.key()).into_owned();
            let (year, month) = match key.split_once('\0') {
                Some((year, month)) => (year.to_owned(), Some(month.to_owned())),
                None => (key, None),
            };
            if years.last() != Some(&year) {
                years.push(year);
            }
            of_ord.push((years.len() - 1, month));
        }
        Ok(SegmentPeriodCounter {
            ords: facets.ords().clone(),
            by_month: DocCounts::new(of_ord.len()),
            by_year: DocCounts::new(years.len()),
            of_ord,
            years,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<PeriodCounts>) -> tantivy::Result<PeriodCounts> {
        let mut merged = PeriodCounts::default();
        for PeriodCounts(fruit) in fruits {
            for (period, count) in fruit {
                *merged.0.entry(period).or_default() += count;
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentPeriodCounter {
    type Fruit = PeriodCounts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for ord in self.ords.values_for_doc(doc) {
            let Some((year, month)) = self.of_ord.get(ord as usize) else {
                continue;
            };
            if month.is_some() {
                self.by_month.add(ord as usize, doc);
            }
            self.by_year.add(*year, doc);
        }
    }

    fn harvest(self) -> PeriodCounts {
        let mut counts = BTreeMap::new();
        for (year, count) in self.by_year.counted() {
            counts.insert((self.years[year as usize].clone(), None), count);
        }
        for (ord, count) in self.by_month.counted() {
            let (year, month) = &self.of_ord[ord as usize];
            counts.insert((self.years[*year].clone(), month.clone()), count);
        }
        PeriodCounts(counts)
    }
}

impl PeriodCounts {
    /// Passages per year, in order.
    pub fn years(&self) -> Vec<DateCount> {
        self.periods(|_, month| month.is_none())
    }

    /// Passages per month of every year, in order.
    pub fn months(&self) -> Vec<DateCount> {
        self.periods(|_, month| month.is_some())
    }

    /// Passages per month of `year`, in order.
    pub fn months_of(&self, year: &str) -> Vec<DateCount> {
        self.periods(|y, month| y == year && month.is_some())
    }

    fn periods(&self, keep: impl Fn(&str, Option<&str>) -> bool) -> Vec<DateCount> {
        self.0
            .iter()
            .filter(|((year, month), _)| keep(year, month.as_deref()))
            .map(|((year, month), &count)| DateCount {
                period: match month {
                    Some(month) => format!("{year}-{month}"),
                    None => year.clone(),
                },
                count,
            })
            .collect()
    }
}

/// Passages matching `query` per year, or per month of each year.
pub fn count_by_period(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    by_month: bool,
) -> Result<Vec<DateCount>> {
    let counts = searcher.search(query, &PeriodCounter)?;
    Ok(match by_month {
        true => counts.months(),
        false => counts.years(),
    })
}
