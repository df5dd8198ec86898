//! Date filters and date counts.
//!
//! A passage's dates are indexed by the precision they were written at
//! (see [`crate::index::schema`]), so a range keeps a passage when any of
//! its dates falls inside it at that date's own precision: `2023` is kept
//! by `--from 2023-10`, and `2023-10` by `--to 2023-10-15`.

use std::ops::Bound;

use serde::Serialize;
use tantivy::collector::FacetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery};
use tantivy::schema::{Facet, Field};
use tantivy::Term;

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

/// Passages matching `query` per year, or per month of each year.
pub fn count_by_period(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    by_month: bool,
) -> Result<Vec<DateCount>> {
    let years = facet_children(searcher, query, &[Facet::root()])?;
    if !by_month {
        return Ok(years);
    }
    let year_facets: Vec<Facet> = years
        .iter()
        .map(|y| Facet::from_path([y.period.as_str()]))
        .collect();
    facet_children(searcher, query, &year_facets)
}

/// Passages matching `query` per month of `year`.
pub fn months_of(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    year: &str,
) -> Result<Vec<DateCount>> {
    facet_children(searcher, query, &[Facet::from_path([year])])
}

/// The counts of the children of each of `parents` in the date facet, as
/// periods (`2023`, `2023-10`) in order.
fn facet_children(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    parents: &[Facet],
) -> Result<Vec<DateCount>> {
    if parents.is_empty() {
        return Ok(Vec::new());
    }
    let mut collector = FacetCollector::for_field(FieldNames::date_facet);
    for parent in parents {
        collector.add_facet(parent.clone());
    }
    let counts = searcher.search(query, &collector)?;
    let mut periods: Vec<DateCount> = parents
        .iter()
        .flat_map(|parent| counts.get(parent.clone()))
        .map(|(facet, count)| DateCount {
            period: facet.to_path().join("-"),
            count,
        })
        .collect();
    periods.sort_by(|a, b| a.period.cmp(&b.period));
    Ok(periods)
}
