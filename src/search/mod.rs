//! Stage 4, search: parses a query, ranks passages or quotations with BM25,
//! filters them by speaker, counts facets and marks the words that matched.
//!
//! - `query`: the query language and its error messages.
//! - `highlight`: byte ranges of matched words in a passage.
//! - `speakers`: one speaker, one name, across the index.

mod highlight;
mod query;
pub mod speakers;

use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::time::{Duration, Instant};

use serde::Serialize;
use tantivy::collector::{Count, DocSetCollector, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::{
    DocAddress, IndexReader, ReloadPolicy, Searcher as TantivySearcher, TantivyDocument, Term,
};

pub use highlight::Highlighter;
pub use speakers::{SpeakerGroup, SpeakerTable};

use crate::analyze::name_words;
use crate::error::{Error, Result};
use crate::index::schema::{PASSAGE, QUOTE};
use crate::index::{self, Fields, OpenIndex, StoredQuote};

/// One matching passage.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    /// Article id.
    pub doc: String,
    /// File path.
    pub path: String,
    /// 1-based line of the passage's start.
    pub line: u64,
    /// 1-based paragraph number in the article.
    pub paragraph: u64,
    /// File byte offset of the passage's start.
    pub start: u64,
    /// File byte offset of the passage's end.
    pub end: u64,
    /// Article title.
    pub title: String,
    /// Publication date (ISO), when known.
    pub published: Option<String>,
    /// BM25 score.
    pub score: f32,
    /// True for a heading.
    pub heading: bool,
    /// The passage text.
    pub text: String,
    /// Byte ranges of matched words in `text`.
    pub highlights: Vec<[usize; 2]>,
    /// Speakers quoted in the passage, by canonical name.
    pub speakers: Vec<String>,
    /// The passage's quotations, speakers by canonical name.
    pub quotes: Vec<StoredQuote>,
}

/// A count of matching passages for one facet value.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FacetCount {
    /// The facet: `speaker`.
    pub field: &'static str,
    /// The value (a canonical name).
    pub value: String,
    /// How many matching passages have it.
    pub count: u64,
}

/// The hits of one query.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// How many passages match in all.
    pub total: usize,
    /// Counts per facet value, when asked for.
    pub facets: Vec<FacetCount>,
    /// Time spent searching.
    pub elapsed: Duration,
}

/// What to search for besides the query.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Only passages or quotations of speakers matching this name.
    pub speaker: Option<String>,
}

/// A quotation found by `dossier quotes`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteHit {
    /// Canonical speaker name.
    pub speaker: String,
    /// The quoted text.
    pub text: String,
    /// `direct` or `partial`.
    pub kind: String,
    /// Article id.
    pub doc: String,
    /// File path.
    pub path: String,
    /// 1-based line of the quotation.
    pub line: u64,
    /// File byte offset of the quoted text.
    pub start: u64,
    /// File byte offset of its end.
    pub end: u64,
    /// The article's publication date.
    pub published: Option<String>,
    /// BM25 score when a query ranked the quotations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
}

/// The quotations of one `dossier quotes`.
#[derive(Debug, Clone)]
pub struct QuoteResults {
    /// Quotations, best or first first.
    pub hits: Vec<QuoteHit>,
    /// How many match in all.
    pub total: usize,
    /// Time spent.
    pub elapsed: Duration,
}

/// A speaker with the number of quotations and the spellings seen.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SpeakerCount {
    /// Canonical name.
    pub name: String,
    /// Number of quotations.
    pub count: u64,
    /// Every spelling: resolved names and names as written.
    pub variants: Vec<String>,
}

/// An index opened for searching.
pub struct Searcher {
    open: OpenIndex,
    reader: IndexReader,
    parser: query::Parser,
    highlighter: Highlighter,
}

/// How many facet values `--facets` shows.
const FACET_VALUES: usize = 10;

impl Searcher {
    /// Opens the index in `dir`.
    pub fn open(dir: &Path) -> Result<Searcher> {
        let open = index::open(dir)?;
        let reader = open
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let parser = query::Parser::new(&open.index, &open.fields);
        Ok(Searcher {
            open,
            reader,
            parser,
            highlighter: Highlighter::new(),
        })
    }

    /// The index's fields.
    pub fn fields(&self) -> &Fields {
        &self.open.fields
    }

    /// Runs `query` and returns the best `limit` passages, with speaker
    /// counts when `facets` is set.
    pub fn search(
        &self,
        query: &str,
        limit: usize,
        filters: &Filters,
        facets: bool,
    ) -> Result<SearchResults> {
        let started = Instant::now();
        let parsed = self.parser.parse(query)?;
        let searcher = self.reader.searcher();
        let restricted = self.restrict(&searcher, parsed.box_clone(), PASSAGE, filters)?;
        let mut facet_collector = FacetCollector::for_field("speaker_facet");
        facet_collector.add_facet(Facet::root());
        let (top, total, facet_counts) = if facets {
            let collector = (
                TopDocs::with_limit(limit.max(1)).order_by_score(),
                Count,
                facet_collector,
            );
            searcher.search(restricted.as_ref(), &collector)?
        } else {
            let (top, total) = searcher.search(
                restricted.as_ref(),
                &(TopDocs::with_limit(limit.max(1)).order_by_score(), Count),
            )?;
            (top, total, Default::default())
        };
        let terms = highlight::query_terms(parsed.as_ref());
        let documents: Vec<(f32, TantivyDocument)> = top
            .into_iter()
            .take(limit)
            .map(|(score, address)| Ok((score, searcher.doc(address)?)))
            .collect::<Result<_>>()?;
        let mut shown: Vec<String> = documents
            .iter()
            .flat_map(|(_, d)| {
                d.get_all(self.open.fields.speaker)
                    .filter_map(|v| v.as_str().map(str::to_owned))
            })
            .collect();
        shown.extend(
            facet_counts
                .get(Facet::root())
                .map(|(f, _)| facet_step(f, 0)),
        );
        let table = self.speaker_table(
            &searcher,
            &shown.iter().map(String::as_str).collect::<Vec<_>>(),
        )?;
        let hits = documents
            .iter()
            .map(|(score, d)| self.hit(d, *score, &terms, &table))
            .collect();
        let facets = if facets {
            speaker_facets(&facet_counts, &table)
        } else {
            Vec::new()
        };
        Ok(SearchResults {
            hits,
            total,
            facets,
            elapsed: started.elapsed(),
        })
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
        let base: Box<dyn Query> = match query {
            Some(q) => self.parser.parse(q)?,
            None => Box::new(AllQuery),
        };
        let restricted = self.restrict(&searcher, base, QUOTE, filters)?;
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
        let documents: Vec<(Option<f32>, TantivyDocument)> = ranked
            .into_iter()
            .take(limit)
            .map(|(score, address)| Ok((score, searcher.doc(address)?)))
            .collect::<Result<_>>()?;
        let shown: Vec<String> = documents
            .iter()
            .map(|(_, d)| text_of(d, self.open.fields.speaker))
            .collect();
        let table = self.speaker_table(
            &searcher,
            &shown.iter().map(String::as_str).collect::<Vec<_>>(),
        )?;
        let hits = documents
            .iter()
            .map(|(score, d)| self.quote_hit(d, *score, &table))
            .collect();
        Ok(QuoteResults {
            hits,
            total,
            elapsed: started.elapsed(),
        })
    }

    /// Every speaker with the number of quotations and spellings seen.
    pub fn speakers(&self) -> Result<Vec<SpeakerCount>> {
        let searcher = self.reader.searcher();
        let quotes = TermQuery::new(
            Term::from_field_u64(self.open.fields.record, QUOTE),
            IndexRecordOption::Basic,
        );
        let mut names = FacetCollector::for_field("speaker_facet");
        names.add_facet(Facet::root());
        let counts = searcher.search(&quotes, &names)?;
        let raw: Vec<(String, u64)> = counts
            .get(Facet::root())
            .map(|(f, c)| (facet_step(f, 0), c))
            .collect();
        let spellings = self.spellings(&searcher)?;
        let table = SpeakerTable::build(raw.iter().cloned());
        let counts: std::collections::HashMap<&str, u64> =
            raw.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        let mut speakers: Vec<SpeakerCount> = table
            .groups()
            .iter()
            .map(|group| {
                let mut variants: BTreeSet<String> = group.raw.clone();
                for name in &group.raw {
                    variants.extend(spellings.get(name).into_iter().flatten().cloned());
                }
                let count = group
                    .raw
                    .iter()
                    .filter_map(|n| counts.get(n.as_str()))
                    .sum();
                SpeakerCount {
                    name: group.name.clone(),
                    count,
                    variants: variants.into_iter().collect(),
                }
            })
            .collect();
        speakers.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        Ok(speakers)
    }

    /// How each raw speaker name was written, read from the terms of the
    /// speaker facet (`name\0as written`) in one pass.
    fn spellings(
        &self,
        searcher: &TantivySearcher,
    ) -> Result<std::collections::HashMap<String, BTreeSet<String>>> {
        let mut spellings: std::collections::HashMap<String, BTreeSet<String>> = Default::default();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.open.fields.speaker_facet)?;
            let mut terms = inverted
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while terms.advance() {
                let path = String::from_utf8_lossy(terms.key()).into_owned();
                if let Some((name, written)) = path.split_once('\0') {
                    spellings
                        .entry(name.to_owned())
                        .or_default()
                        .insert(written.to_owned());
                }
            }
        }
        Ok(spellings)
    }

    /// Every raw speaker name in the index.
    fn speaker_names(&self, searcher: &TantivySearcher) -> Result<Vec<String>> {
        let mut names: BTreeSet<String> = BTreeSet::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.open.fields.speaker)?;
            let mut terms = inverted
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while terms.advance() {
                names.insert(String::from_utf8_lossy(terms.key()).into_owned());
            }
        }
        Ok(names.into_iter().collect())
    }

    /// The speaker table for the names that can matter to `names`: those
    /// sharing a word with them, and the forms of those. Grouping only ever
    /// joins names with the same family name, so this part of the table is
    /// the same as the whole table, at a fraction of the cost.
    fn speaker_table(&self, searcher: &TantivySearcher, names: &[&str]) -> Result<SpeakerTable> {
        if names.is_empty() {
            return Ok(SpeakerTable::default());
        }
        let all = self.speaker_names(searcher)?;
        let keyed: Vec<(Vec<String>, &String)> = all.iter().map(|n| (name_words(n), n)).collect();
        let wanted: HashSet<String> = names.iter().flat_map(|n| name_words(n)).collect();
        let related: HashSet<&String> = keyed
            .iter()
            .filter(|(words, _)| words.iter().any(|w| wanted.contains(w)))
            .filter_map(|(words, _)| words.last())
            .collect();
        let candidates = keyed
            .iter()
            .filter(|(words, _)| {
                words
                    .iter()
                    .any(|w| related.contains(w) || wanted.contains(w))
            })
            .map(|(_, name)| ((*name).clone(), 1));
        Ok(SpeakerTable::build(candidates))
    }

    /// `query` restricted to one kind of record and to the filters.
    fn restrict(
        &self,
        searcher: &TantivySearcher,
        query: Box<dyn Query>,
        record: u64,
        filters: &Filters,
    ) -> Result<Box<dyn Query>> {
        let fields = &self.open.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, query),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_u64(fields.record, record),
                    IndexRecordOption::Basic,
                )),
            ),
        ];
        if let Some(speaker) = &filters.speaker {
            if name_is_blank(speaker) {
                return Err(Error::Argument {
                    argument: "--speaker".into(),
                    message: format!("`{speaker}` has no letters of a name"),
                });
            }
            let table = self.speaker_table(searcher, &[speaker.as_str()])?;
            let raw: Vec<Term> = table
                .matching(speaker)
                .iter()
                .flat_map(|g| g.raw.iter())
                .map(|name| Term::from_field_text(fields.speaker, name))
                .collect();
            clauses.push((Occur::Must, Box::new(TermSetQuery::new(raw))));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    fn hit(
        &self,
        document: &TantivyDocument,
        score: f32,
        terms: &highlight::Terms,
        table: &SpeakerTable,
    ) -> Hit {
        let fields = &self.open.fields;
        let text = text_of(document, fields.text);
        let highlights = self.highlighter.ranges(&text, terms);
        let mut quotes: Vec<StoredQuote> =
            serde_json::from_str(&text_of(document, fields.quotes)).unwrap_or_default();
        for quote in &mut quotes {
            if let Some(speaker) = &mut quote.speaker {
                *speaker = table.canonical(speaker).to_owned();
            }
        }
        let mut speakers: Vec<String> = Vec::new();
        for name in document.get_all(fields.speaker).filter_map(|v| v.as_str()) {
            let canonical = table.canonical(name).to_owned();
            if !speakers.contains(&canonical) {
                speakers.push(canonical);
            }
        }
        Hit {
            doc: text_of(document, fields.doc),
            path: text_of(document, fields.path),
            line: number_of(document, fields.line),
            paragraph: number_of(document, fields.paragraph),
            start: number_of(document, fields.start),
            end: number_of(document, fields.end),
            title: text_of(document, fields.title),
            published: Some(text_of(document, fields.published)).filter(|p| !p.is_empty()),
            score,
            heading: number_of(document, fields.heading) == 1,
            text,
            highlights,
            speakers,
            quotes,
        }
    }

    fn quote_hit(
        &self,
        document: &TantivyDocument,
        score: Option<f32>,
        table: &SpeakerTable,
    ) -> QuoteHit {
        let fields = &self.open.fields;
        let raw = text_of(document, fields.speaker);
        QuoteHit {
            speaker: table.canonical(&raw).to_owned(),
            text: text_of(document, fields.text),
            kind: text_of(document, fields.quote_kind),
            doc: text_of(document, fields.doc),
            path: text_of(document, fields.path),
            line: number_of(document, fields.line),
            start: number_of(document, fields.start),
            end: number_of(document, fields.end),
            published: Some(text_of(document, fields.published)).filter(|p| !p.is_empty()),
            score,
        }
    }
}

fn text_of(document: &TantivyDocument, field: tantivy::schema::Field) -> String {
    document
        .get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned()
}

fn number_of(document: &TantivyDocument, field: tantivy::schema::Field) -> u64 {
    document
        .get_first(field)
        .and_then(|v| v.as_u64())
        .unwrap_or_default()
}

fn name_is_blank(name: &str) -> bool {
    !name.chars().any(char::is_alphanumeric)
}

/// Step `i` of a facet path, unescaped.
fn facet_step(facet: &Facet, i: usize) -> String {
    facet
        .to_path()
        .get(i)
        .map(|s| (*s).to_owned())
        .unwrap_or_default()
}

/// Counts per canonical speaker, best first.
fn speaker_facets(
    counts: &tantivy::collector::FacetCounts,
    table: &SpeakerTable,
) -> Vec<FacetCount> {
    let mut merged: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    for (facet, count) in counts.get(Facet::root()) {
        *merged
            .entry(table.canonical(&facet_step(facet, 0)).to_owned())
            .or_default() += count;
    }
    let mut facets: Vec<FacetCount> = merged
        .into_iter()
        .map(|(value, count)| FacetCount {
            field: "speaker",
            value,
            count,
        })
        .collect();
    facets.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    facets.truncate(FACET_VALUES);
    facets
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
        let starts = fast.u64("start")?;
        let docs = fast.str("doc")?;
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

/// Checks a result limit given on the command line.
pub fn check_limit(limit: usize) -> Result<usize> {
    const MAX_LIMIT: usize = 100_000;
    if limit > MAX_LIMIT {
        return Err(Error::Argument {
            argument: "-n".into(),
            message: format!("{limit} is more than {MAX_LIMIT} results"),
        });
    }
    Ok(limit)
}
