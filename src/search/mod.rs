//! Stage 4, search: parses a query, ranks passages or quotations with BM25,
//! filters them by name and date, counts facets and marks the words that
//! matched.
//!
//! - `results`: what a search returns (hits, quotations, their results).
//! - `decode`: stored documents back into results, names read through the
//!   entity table.
//! - `query`: the query language and its error messages.
//! - `highlight`: byte ranges of matched words in a passage.
//! - `filters`: speaker, person, organisation, place and date filters.
//! - `entity_counts`: entities counted over matching passages, for facets,
//!   `dossier entities` and `dossier speakers`.
//! - `dates`: date filters and counts per period.
//! - `doc_counts`: keys counted once per matching document, for the
//!   entity and period counters.
//! - `article`: one whole article, for the web page's article view.
//! - `article_terms`: which of a claim's terms each article holds.
//! - `spread`: a large search run on every core.
//! - `stream`: every match of a query one at a time, for exports.
//!
//! Every name a reader shows or matches comes from the index's entity
//! table ([`crate::index::EntityTable`]), so a plain hit, a filter and a
//! facet name one entity alike.

mod article;
mod article_terms;
mod dates;
mod decode;
mod doc_counts;
mod entity_counts;
mod filters;
mod highlight;
mod query;
mod results;
mod spread;
mod stream;

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::Query;
use tantivy::{DocAddress, IndexReader, ReloadPolicy, Searcher as TantivySearcher};

pub use article::ArticleView;
pub use article_terms::{ArticleTerms, MAX_TERMS};
pub use dates::{parse_date_argument, DateCount, DateRange};
pub use entity_counts::{EntityCount, FacetCount, SpeakerCount};
pub use filters::Filters;
pub use highlight::Highlighter;
pub use query::plain_words;
pub use results::{Citation, EntityRef, Hit, QuoteHit, QuoteResults, Ranked, SearchResults};
pub use stream::Streamed;

use crate::analyze::EntityKind;
use crate::error::Result;
use crate::index::schema::{FieldNames, PASSAGE, QUOTE};
use crate::index::{self, EntityTable, Fields, IdSpace, OpenIndex};
use dates::{PeriodCounter, PeriodCounts};
use entity_counts::{name_facets, top, EntityCounter};

/// An index opened for searching.
pub struct Searcher {
    open: OpenIndex,
    reader: IndexReader,
    parser: query::Parser,
    highlighter: Highlighter,
    table: Arc<EntityTable>,
}

/// How many facet values `--facets` shows.
const FACET_VALUES: usize = 10;

impl Searcher {
    /// Opens the index in `dir`, with its entity table.
    pub fn open(dir: &Path) -> Result<Searcher> {
        let open = index::open(dir)?;
        let reader: IndexReader = open
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let table = Arc::new(index::entity_table(&open, &reader.searcher())?);
        let parser = query::Parser::new(&open.index, &open.fields);
        Ok(Searcher {
            open,
            reader,
            parser,
            highlighter: Highlighter::new(),
            table,
        })
    }

    /// The index's fields.
    pub fn fields(&self) -> &Fields {
        &self.open.fields
    }

    /// The index's entity table.
    pub fn entity_table(&self) -> &EntityTable {
        &self.table
    }

    /// Runs `query` and returns the best `limit` passages, with counts of
    /// speakers, people, organisations, places and dates when `facets` is
    /// set.
    pub fn search(
        &self,
        query: &str,
        limit: usize,
        filters: &Filters,
        facets: bool,
    ) -> Result<SearchResults> {
        self.search_marking(query, limit, filters, facets, true)
    }

    /// The best `limit` passages for `query`, as [`Searcher::search`]
    /// without facets, and with no words marked: for candidates that are
    /// ranked again before a few are shown (see [`Searcher::mark`]).
    pub fn candidates(
        &self,
        query: &str,
        limit: usize,
        filters: &Filters,
    ) -> Result<SearchResults> {
        self.search_marking(query, limit, filters, false, false)
    }

    /// Marks in each of `hits` the words that `query` matches, as a
    /// search for it would have.
    pub fn mark<'h>(&self, hits: impl IntoIterator<Item = &'h mut Hit>, query: &str) -> Result<()> {
        let terms = highlight::query_terms(self.parser.parse(query)?.as_ref());
        for hit in hits {
            hit.highlights = self.highlighter.ranges(&hit.text, &terms);
        }
        Ok(())
    }

    fn search_marking(
        &self,
        query: &str,
        limit: usize,
        filters: &Filters,
        facets: bool,
        mark: bool,
    ) -> Result<SearchResults> {
        let started = Instant::now();
        let parsed = self.parser.parse_for(Some(query), PASSAGE)?;
        let terms = match mark {
            true => highlight::query_terms(parsed.query.as_ref()),
            false => highlight::Terms::new(),
        };
        let searcher = self.reader.searcher();
        let (restricted, notes) =
            filters::restrict(&self.open.fields, &self.table, parsed, PASSAGE, filters)?;
        let collector = (TopDocs::with_limit(limit.max(1)).order_by_score(), Count);
        // Facets are counted in the same pass as the best hits.
        let (top, total, counted) = if facets {
            let speakers = EntityCounter::new(Arc::clone(&self.table), IdSpace::Speakers);
            let mentions = EntityCounter::new(Arc::clone(&self.table), IdSpace::Mentions);
            let ((top, total), speakers, mentions, periods) = spread::search(
                &searcher,
                restricted.as_ref(),
                &(collector, speakers, mentions, PeriodCounter),
            )?;
            let mut facets = name_facets(&self.table, &speakers, &mentions, FACET_VALUES);
            facets.extend(date_facets(&periods));
            (top, total, facets)
        } else {
            let (top, total) = spread::search(&searcher, restricted.as_ref(), &collector)?;
            (top, total, Vec::new())
        };
        let hits = top
            .into_iter()
            .take(limit)
            .map(|(score, address)| Ok(self.hit(&searcher.doc(address)?, score, &terms)))
            .collect::<Result<_>>()?;
        Ok(SearchResults {
            hits,
            total,
            facets: counted,
            notes,
            elapsed: started.elapsed(),
        })
    }

    /// Passages matching `query` (all without one) and `filters`, counted
    /// per year or per month of their dates.
    pub fn dates(
        &self,
        query: Option<&str>,
        by_month: bool,
        filters: &Filters,
    ) -> Result<Vec<DateCount>> {
        let searcher = self.reader.searcher();
        let (restricted, _) = self.restrict(query, PASSAGE, filters)?;
        dates::count_by_period(&searcher, restricted.as_ref(), by_month)
    }

    /// Quotations by speaker: ranked by `query` over the quoted text when
    /// given, else in document order.
    pub fn quotes(
        &self,
        query: Option<&str>,
        limit: usize,
        filters: &Filters,
    ) -> Result<QuoteResults> {
        let started = Instant::now();
        let searcher = self.reader.searcher();
        let (restricted, notes) = self.restrict(query, QUOTE, filters)?;
        let (ranked, total): (Vec<(Option<f32>, DocAddress)>, usize) = match query {
            Some(_) => {
                let (top, total) = searcher.search(
                    restricted.as_ref(),
                    &(TopDocs::with_limit(limit.max(1)).order_by_score(), Count),
                )?;
                (top.into_iter().map(|(s, a)| (Some(s), a)).collect(), total)
            }
            None => {
                let all = searcher.search(restricted.as_ref(), &DocSetCollector)?;
                let total = all.len();
                (
                    in_document_order(&searcher, all, limit)?
                        .into_iter()
                        .map(|a| (None, a))
                        .collect(),
                    total,
                )
            }
        };
        let hits = ranked
            .into_iter()
            .take(limit)
            .map(|(score, address)| Ok(self.quote_hit(&searcher.doc(address)?, score)))
            .collect::<Result<_>>()?;
        Ok(QuoteResults {
            hits,
            total,
            facets: Vec::new(),
            notes,
            elapsed: started.elapsed(),
        })
    }

    /// Entities named in the passages matching `query` (all without one),
    /// with counts and spellings, most named first.
    pub fn entities(
        &self,
        kind: Option<EntityKind>,
        query: Option<&str>,
        limit: usize,
    ) -> Result<Vec<EntityCount>> {
        let kinds: Vec<EntityKind> = match kind {
            Some(kind) => vec![kind],
            None => vec![EntityKind::Person, EntityKind::Org, EntityKind::Place],
        };
        let counts: Vec<(u32, u64)> = match query {
            // Without a query every passage counts: the table has the counts.
            None => self
                .table
                .entities()
                .filter(|(_, e)| e.passages() > 0)
                .map(|(i, e)| (i, e.passages()))
                .collect(),
            Some(query) => {
                let searcher = self.reader.searcher();
                let (restricted, _) = self.restrict(Some(query), PASSAGE, &Filters::default())?;
                let counter = EntityCounter::new(Arc::clone(&self.table), IdSpace::Mentions);
                searcher
                    .search(restricted.as_ref(), &counter)?
                    .counted()
                    .collect()
            }
        };
        Ok(top(&self.table, counts, &kinds, limit)
            .into_iter()
            .map(|(entity, count)| EntityCount::new(entity, count))
            .collect())
    }

    /// Every speaker with the number of quotations and spellings seen.
    pub fn speakers(&self) -> Result<Vec<SpeakerCount>> {
        let counts = self
            .table
            .entities()
            .filter(|(_, e)| e.quotes() > 0)
            .map(|(i, e)| (i, e.quotes()));
        let all = [EntityKind::Person, EntityKind::Org, EntityKind::Place];
        Ok(top(&self.table, counts, &all, usize::MAX)
            .into_iter()
            .map(|(entity, count)| SpeakerCount {
                id: entity.id_text(),
                name: entity.name().to_owned(),
                count,
                variants: entity.variants().map(|(s, _)| s.to_owned()).collect(),
            })
            .collect())
    }

    /// `query` (every record without one) over records of kind `record`,
    /// restricted to `filters`; with notes on name filters.
    fn restrict(
        &self,
        query: Option<&str>,
        record: u64,
        filters: &Filters,
    ) -> Result<(Box<dyn Query>, Vec<String>)> {
        let parsed = self.parser.parse_for(query, record)?;
        filters::restrict(&self.open.fields, &self.table, parsed, record, filters)
    }
}
/// The first `limit` addresses in document order: by article id, then by
/// position in the file (both read from fast fields).
fn in_document_order(
    searcher: &TantivySearcher,
    addresses: HashSet<DocAddress>,
    limit: usize,
) -> Result<Vec<DocAddress>> {
    let mut keyed = Vec::with_capacity(addresses.len());
    let mut by_segment: std::collections::BTreeMap<u32, Vec<DocAddress>> =
        std::collections::BTreeMap::new();
    for address in addresses {
        by_segment
            .entry(address.segment_ord)
            .or_default()
            .push(address);
    }
    for (segment, addresses) in by_segment {
        let fast = searcher.segment_reader(segment).fast_fields();
        let starts = fast.u64(FieldNames::start)?;
        let docs = fast.str(FieldNames::doc)?;
        let mut name = String::new();
        for address in addresses {
            name.clear();
            if let Some(docs) = &docs {
                if let Some(ord) = docs.term_ords(address.doc_id).next() {
                    docs.ord_to_str(ord, &mut name)
                        .map_err(tantivy::TantivyError::from)?;
                }
            }
            let start = starts.first(address.doc_id).unwrap_or_default();
            keyed.push((name.clone(), start, address));
        }
    }
    keyed.sort();
    Ok(keyed.into_iter().take(limit).map(|(_, _, a)| a).collect())
}

/// The date facet: the busiest years, in order, and the months of the
/// busiest one.
fn date_facets(periods: &PeriodCounts) -> Vec<FacetCount> {
    let mut years = periods.years();
    years.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.period.cmp(&b.period)));
    years.truncate(FACET_VALUES);
    let months = match years.first() {
        Some(busiest) => periods.months_of(&busiest.period),
        None => Vec::new(),
    };
    years.sort_by(|a, b| a.period.cmp(&b.period));
    years
        .into_iter()
        .chain(months)
        .map(|period| FacetCount {
            field: "date",
            value: period.period,
            id: None,
            count: period.count,
        })
        .collect()
}
