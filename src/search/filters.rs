//! Filters by speaker, person, organisation, place and date, as one query.
//!
//! A name filter matches entities of the index's entity table by any of
//! their spellings (`--person trump`, `--place "u.s."`), and keeps the
//! passages whose name ids belong to those entities.

use tantivy::query::{BooleanQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use super::dates::{self, DateRange};
use super::query::Parsed;
use crate::analyze::EntityKind;
use crate::error::{Error, Result};
use crate::index::schema::{PASSAGE, QUOTE};
use crate::index::{EntityTable, Fields, IdSpace};

/// What to search for besides the query.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Only passages or quotations of speakers matching this name.
    pub speaker: Option<String>,
    /// Only those naming a person matching this name.
    pub person: Option<String>,
    /// Only those naming an organisation matching this name.
    pub org: Option<String>,
    /// Only those naming a place matching this name.
    pub place: Option<String>,
    /// Only those with a date (mentioned or published) in this range.
    pub dates: DateRange,
    /// Only those of articles published in this range.
    pub published: DateRange,
}

/// One name filter: the flag, what was typed, and what it matches.
struct NameFilter<'a> {
    flag: &'static str,
    value: &'a str,
    kinds: &'static [EntityKind],
    space: IdSpace,
}

impl Filters {
    fn names(&self) -> Vec<NameFilter<'_>> {
        use EntityKind::{Org, Person, Place};
        [
            (
                &self.speaker,
                "--speaker",
                &[Person, Org, Place][..],
                IdSpace::Speakers,
            ),
            (&self.person, "--person", &[Person][..], IdSpace::Mentions),
            (&self.org, "--org", &[Org][..], IdSpace::Mentions),
            (&self.place, "--place", &[Place][..], IdSpace::Mentions),
        ]
        .into_iter()
        .filter_map(|(value, flag, kinds, space)| {
            let value = value.as_deref()?;
            Some(NameFilter {
                flag,
                value,
                kinds,
                space,
            })
        })
        .collect()
    }
}

/// How many entities a note names when a filter matches several.
const NOTE_NAMES: usize = 5;

/// `query` restricted to the filters and, unless it matches one kind of
/// record alone, to kind `record`; with a note for every name filter that
/// matches several entities.
pub fn restrict(
    fields: &Fields,
    table: &EntityTable,
    query: Parsed,
    record: u64,
    filters: &Filters,
) -> Result<(Box<dyn Query>, Vec<String>)> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query.query)];
    if !query.one_kind {
        clauses.push(record_clause(fields, record));
    }
    let mut notes = Vec::new();
    for filter in filters.names() {
        let (query, note) = name_query(fields, table, &filter)?;
        clauses.push((Occur::Must, query));
        notes.extend(note);
    }
    let dated = dates::mentioned_in(fields, &filters.dates)?;
    let published = dates::published_in(fields, &filters.published)?;
    for query in [dated, published].into_iter().flatten() {
        clauses.push((Occur::Must, query));
    }
    if clauses.len() == 1 {
        let (_, alone) = clauses.remove(0);
        return Ok((alone, notes));
    }
    Ok((Box::new(BooleanQuery::new(clauses)), notes))
}

/// The clause that keeps documents of one kind of record, [`PASSAGE`] or
/// [`QUOTE`], for a query that may match both (`doc:`, `*`, no query).
/// Passages are most documents: requiring their `record` term made tantivy
/// walk that whole posting list beside a long query's union (docs/speed.md,
/// "Long queries and top-k pruning"), while excluding the fewer quotations
/// only checks the union's own hits.
fn record_clause(fields: &Fields, record: u64) -> (Occur, Box<dyn Query>) {
    debug_assert!(record == PASSAGE || record == QUOTE, "record {record}");
    let quotations = Box::new(TermQuery::new(
        Term::from_field_u64(fields.record, QUOTE),
        IndexRecordOption::Basic,
    ));
    match record {
        QUOTE => (Occur::Must, quotations),
        _ => (Occur::MustNot, quotations),
    }
}

/// The documents holding an id of an entity the filter matches.
fn name_query(
    fields: &Fields,
    table: &EntityTable,
    filter: &NameFilter<'_>,
) -> Result<(Box<dyn Query>, Option<String>)> {
    if !filter.value.chars().any(char::is_alphanumeric) {
        return Err(Error::Argument {
            argument: filter.flag.into(),
            message: format!("`{}` has no letters of a name", filter.value),
        });
    }
    let mut matched = table.matching(filter.kinds, filter.value);
    if filter.space == IdSpace::Speakers {
        matched.retain(|&e| table.get(e).is_some_and(|e| e.quotes() > 0));
    }
    let field: Field = match filter.space {
        IdSpace::Mentions => fields.name_ids,
        IdSpace::Speakers => fields.speaker_ids,
    };
    let terms: Vec<Term> = table
        .ids_of(filter.space, &matched)
        .into_iter()
        .map(|id| Term::from_field_u64(field, id))
        .collect();
    let note = (matched.len() > 1).then(|| several(table, filter, &matched));
    Ok((Box::new(TermSetQuery::new(terms)), note))
}

/// `--person trump matches 3 entities: Donald Trump, Ivanka Trump, ...`
fn several(table: &EntityTable, filter: &NameFilter<'_>, matched: &[u32]) -> String {
    let mut entities: Vec<_> = matched.iter().filter_map(|&e| table.get(e)).collect();
    entities.sort_by(|a, b| {
        b.passages()
            .cmp(&a.passages())
            .then_with(|| a.name().cmp(b.name()))
    });
    let mut names: Vec<&str> = entities.iter().take(NOTE_NAMES).map(|e| e.name()).collect();
    if entities.len() > NOTE_NAMES {
        names.push("...");
    }
    format!(
        "{} {} matches {} entities: {}",
        filter.flag,
        filter.value,
        entities.len(),
        names.join(", ")
    )
}
