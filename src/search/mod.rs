//! Stage 4, search: parses a query, ranks passages or quotations with BM25,
//! filters them by speaker, counts facets and marks the words that matched.
//!
//! - `query`: the query language and its error messages.
//! - `highlight`: byte ranges of matched words in a passage.
//! - `speakers`: one speaker, one name, across the index.

mod dates;
mod highlight;
pub mod names;
mod query;

use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::time::{Duration, Instant};

use serde::Serialize;
use tantivy::collector::{Count, DocSetCollector, FacetCollector, FacetCounts, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::{Facet, IndexRecordOption, Value};
use tantivy::{
    DocAddress, IndexReader, ReloadPolicy, Searcher as TantivySearcher, TantivyDocument, Term,
};

pub use dates::{parse_date_argument, DateCount, DateRange};
pub use highlight::Highlighter;
pub use names::{key_words, name_matches, Grouping, NameGroup, NameTable};

use crate::analyze::EntityKind;
use crate::error::{Error, Result};
use crate::index::schema::{PASSAGE, QUOTE};
use crate::index::{self, entity_field, Fields, OpenIndex, StoredQuote};

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
    /// The passage's dates (ISO), publication date included.
    pub dates: Vec<String>,
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
    /// People, organisations and places the passage names.
    pub entities: Vec<EntityRef>,
}

/// An entity named in a passage.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EntityRef {
    /// Canonical name.
    pub name: String,
    /// `person`, `org` or `place`.
    pub kind: &'static str,
}

/// An entity with the number of passages naming it and its spellings.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EntityCount {
    /// Canonical name.
    pub name: String,
    /// `person`, `org` or `place`.
    pub kind: &'static str,
    /// Passages naming it.
    pub count: u64,
    /// Every spelling: values per article and names as written.
    pub variants: Vec<String>,
}

/// Raw names to be shown, by the table that groups them.
#[derive(Default)]
struct Shown {
    people: Vec<String>,
    org: Vec<String>,
    place: Vec<String>,
}

impl Shown {
    fn add_document(&mut self, fields: &Fields, document: &TantivyDocument) {
        let values = |field| {
            document
                .get_all(field)
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect::<Vec<_>>()
        };
        self.people.extend(values(fields.speaker));
        self.people.extend(values(fields.person));
        self.org.extend(values(fields.org));
        self.place.extend(values(fields.place));
    }

    fn add_facets(&mut self, speakers: &FacetCounts, entities: &FacetCounts) {
        self.people
            .extend(speakers.get(Facet::root()).map(|(f, _)| facet_step(f, 0)));
        for (kind, list) in [
            ("person", &mut self.people),
            ("org", &mut self.org),
            ("place", &mut self.place),
        ] {
            list.extend(
                entities
                    .get(Facet::from_path([kind]))
                    .map(|(f, _)| facet_step(f, 1)),
            );
        }
    }
}

/// Name tables for people (speakers and persons), organisations and places.
struct Tables {
    people: NameTable,
    org: NameTable,
    place: NameTable,
}

impl Tables {
    /// Tables that leave every name as it is.
    fn ungrouped() -> Tables {
        Tables {
            people: NameTable::default(),
            org: NameTable::default(),
            place: NameTable::default(),
        }
    }

    fn of(&self, kind: EntityKind) -> &NameTable {
        match kind {
            EntityKind::Person => &self.people,
            EntityKind::Org => &self.org,
            EntityKind::Place => &self.place,
        }
    }
}

/// Collectors counting speakers, and entities of each kind.
fn facet_collectors() -> (FacetCollector, FacetCollector) {
    let mut speakers = FacetCollector::for_field("speaker_facet");
    speakers.add_facet(Facet::root());
    let mut entities = FacetCollector::for_field("entity_facet");
    for kind in ["person", "org", "place"] {
        entities.add_facet(Facet::from_path([kind]));
    }
    (speakers, entities)
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

/// A set of names grouped together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameSet {
    Speakers,
    Entity(EntityKind),
}

impl Filters {
    /// Each filter with the names it matches against and the field it restricts.
    fn each(&self) -> Vec<(&str, NameSet, &'static str)> {
        [
            (&self.speaker, NameSet::Speakers, "--speaker"),
            (
                &self.person,
                NameSet::Entity(EntityKind::Person),
                "--person",
            ),
            (&self.org, NameSet::Entity(EntityKind::Org), "--org"),
            (&self.place, NameSet::Entity(EntityKind::Place), "--place"),
        ]
        .into_iter()
        .filter_map(|(value, set, flag)| value.as_deref().map(|v| (v, set, flag)))
        .collect()
    }
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
    /// The dates of the quotation's passage (ISO), publication date included.
    pub dates: Vec<String>,
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
        let collector = (TopDocs::with_limit(limit.max(1)).order_by_score(), Count);
        let (top, total, counts) = if facets {
            let (speakers, entities) = facet_collectors();
            let ((top, total), speakers, entities) =
                searcher.search(restricted.as_ref(), &(collector, speakers, entities))?;
            (top, total, Some((speakers, entities)))
        } else {
            let (top, total) = searcher.search(restricted.as_ref(), &collector)?;
            (top, total, None)
        };
        let terms = highlight::query_terms(parsed.as_ref());
        let documents: Vec<(f32, TantivyDocument)> = top
            .into_iter()
            .take(limit)
            .map(|(score, address)| Ok((score, searcher.doc(address)?)))
            .collect::<Result<_>>()?;
        let mut shown = Shown::default();
        for (_, document) in &documents {
            shown.add_document(&self.open.fields, document);
        }
        if let Some((speakers, entities)) = &counts {
            shown.add_facets(speakers, entities);
        }
        // Grouping names across the index costs more than the search itself
        // on a large index: plain searches show names as their article
        // resolved them; filters and facets group them.
        let tables = if facets || !filters.each().is_empty() {
            self.tables(&searcher, &shown)?
        } else {
            Tables::ungrouped()
        };
        let hits = documents
            .iter()
            .map(|(score, d)| self.hit(d, *score, &terms, &tables))
            .collect();
        let mut counted = counts
            .map(|(speakers, entities)| facet_counts(&speakers, &entities, &tables))
            .unwrap_or_default();
        if facets {
            counted.extend(self.date_facets(&searcher, restricted.as_ref())?);
        }
        Ok(SearchResults {
            hits,
            total,
            facets: counted,
            elapsed: started.elapsed(),
        })
    }

    /// The date facet: the busiest years, in order, and the months of the
    /// busiest one.
    fn date_facets(
        &self,
        searcher: &TantivySearcher,
        query: &dyn Query,
    ) -> Result<Vec<FacetCount>> {
        let mut years = dates::count_by_period(searcher, query, false)?;
        years.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.period.cmp(&b.period)));
        years.truncate(FACET_VALUES);
        let busiest = years.first().map(|y| y.period.clone());
        years.sort_by(|a, b| a.period.cmp(&b.period));
        let months = match busiest {
            Some(year) => dates::months_of(searcher, query, &year)?,
            None => Vec::new(),
        };
        Ok(years
            .into_iter()
            .chain(months)
            .map(|period| FacetCount {
                field: "date",
                value: period.period,
                count: period.count,
            })
            .collect())
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
        let base: Box<dyn Query> = match query {
            Some(q) => self.parser.parse(q)?,
            None => Box::new(AllQuery),
        };
        let restricted = self.restrict(&searcher, base, PASSAGE, filters)?;
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
        let table = self.name_table(
            &searcher,
            NameSet::Speakers,
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

    /// Entities named in the passages matching `query` (all without one),
    /// with counts and spellings, most named first.
    pub fn entities(
        &self,
        kind: Option<EntityKind>,
        query: Option<&str>,
        limit: usize,
    ) -> Result<Vec<EntityCount>> {
        let searcher = self.reader.searcher();
        let base: Box<dyn Query> = match query {
            Some(q) => self.parser.parse(q)?,
            None => Box::new(AllQuery),
        };
        let restricted = self.restrict(&searcher, base, PASSAGE, &Filters::default())?;
        let kinds: Vec<EntityKind> = match kind {
            Some(kind) => vec![kind],
            None => vec![EntityKind::Person, EntityKind::Org, EntityKind::Place],
        };
        let mut collector = FacetCollector::for_field("entity_facet");
        for kind in &kinds {
            collector.add_facet(Facet::from_path([kind.as_str()]));
        }
        let counts = searcher.search(restricted.as_ref(), &collector)?;
        let spellings = self.entity_spellings(&searcher)?;
        let mut entities = Vec::new();
        for kind in kinds {
            let raw: Vec<(String, u64)> = counts
                .get(Facet::from_path([kind.as_str()]))
                .map(|(f, c)| (facet_step(f, 1), c))
                .collect();
            let names: Vec<&str> = raw.iter().map(|(n, _)| n.as_str()).collect();
            let set = match kind {
                EntityKind::Person => NameSet::Speakers,
                other => NameSet::Entity(other),
            };
            let table = self.name_table(&searcher, set, &names)?;
            let mut groups: std::collections::BTreeMap<String, (u64, BTreeSet<String>)> =
                Default::default();
            for (name, count) in &raw {
                let entry = groups.entry(table.canonical(name).to_owned()).or_default();
                entry.0 += count;
                entry.1.insert(name.clone());
                entry.1.extend(
                    spellings
                        .get(&(kind.as_str().to_owned(), name.clone()))
                        .into_iter()
                        .flatten()
                        .cloned(),
                );
            }
            entities.extend(
                groups
                    .into_iter()
                    .map(|(name, (count, variants))| EntityCount {
                        name,
                        kind: kind.as_str(),
                        count,
                        variants: variants.into_iter().collect(),
                    }),
            );
        }
        entities.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        entities.truncate(limit);
        Ok(entities)
    }

    /// How each entity value was written, from the entity facet's terms
    /// (`kind\0value\0as written`).
    fn entity_spellings(
        &self,
        searcher: &TantivySearcher,
    ) -> Result<std::collections::HashMap<(String, String), BTreeSet<String>>> {
        let mut spellings: std::collections::HashMap<(String, String), BTreeSet<String>> =
            Default::default();
        for path in self.facet_paths(searcher, self.open.fields.entity_facet)? {
            if let [kind, value, written] = path.as_slice() {
                spellings
                    .entry((kind.clone(), value.clone()))
                    .or_default()
                    .insert(written.clone());
            }
        }
        Ok(spellings)
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
        // The same people table as `--speaker` and `--facets` use, so a
        // speaker has one canonical name everywhere.
        let names: Vec<&str> = raw.iter().map(|(n, _)| n.as_str()).collect();
        let table = self.name_table(&searcher, NameSet::Speakers, &names)?;
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
            .filter(|speaker| speaker.count > 0)
            .collect();
        speakers.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        Ok(speakers)
    }

    /// The steps of every facet path in a facet field, read from its terms.
    fn facet_paths(
        &self,
        searcher: &TantivySearcher,
        field: tantivy::schema::Field,
    ) -> Result<Vec<Vec<String>>> {
        let mut paths = Vec::new();
        for_each_term(searcher, field, |path, _| {
            paths.push(path.split('\0').map(str::to_owned).collect())
        })?;
        Ok(paths)
    }

    /// How each raw speaker name was written (`name/as written` facets).
    fn spellings(
        &self,
        searcher: &TantivySearcher,
    ) -> Result<std::collections::HashMap<String, BTreeSet<String>>> {
        let mut spellings: std::collections::HashMap<String, BTreeSet<String>> = Default::default();
        for path in self.facet_paths(searcher, self.open.fields.speaker_facet)? {
            if let [name, written] = path.as_slice() {
                spellings
                    .entry(name.clone())
                    .or_default()
                    .insert(written.clone());
            }
        }
        Ok(spellings)
    }

    /// The raw values a filter matches: those of every group whose name or
    /// spellings contain the filter's words, including spellings as written
    /// (`pmf` finds the value written `PMF`).
    fn matching_values(
        &self,
        searcher: &TantivySearcher,
        set: NameSet,
        value: &str,
    ) -> Result<BTreeSet<String>> {
        let table = self.name_table(searcher, set, &[value])?;
        let mut values: BTreeSet<String> = table
            .matching(value)
            .iter()
            .flat_map(|g| g.raw.iter().cloned())
            .collect();
        let NameSet::Entity(kind) = set else {
            return Ok(values);
        };
        let (_, grouping) = self.name_set(set);
        let written: Vec<String> = self
            .entity_spellings(searcher)?
            .into_iter()
            .filter(|((k, _), spellings)| {
                k == kind.as_str() && spellings.iter().any(|w| name_matches(grouping, w, value))
            })
            .map(|((_, v), _)| v)
            .collect();
        let names: Vec<&str> = written.iter().map(String::as_str).collect();
        let table = self.name_table(searcher, set, &names)?;
        for name in &written {
            match table.group_of(name) {
                Some(group) => values.extend(group.raw.iter().cloned()),
                None => {
                    values.insert(name.clone());
                }
            }
        }
        Ok(values)
    }

    /// The fields holding a set of names, and how they group.
    fn name_set(&self, set: NameSet) -> (Vec<tantivy::schema::Field>, Grouping) {
        let fields = &self.open.fields;
        match set {
            NameSet::Speakers | NameSet::Entity(EntityKind::Person) => {
                (vec![fields.speaker, fields.person], Grouping::People)
            }
            NameSet::Entity(kind) => (vec![entity_field(fields, kind)], Grouping::Spelling),
        }
    }

    /// Every raw name in some fields of the index, with how many documents
    /// hold it (to choose the most used spelling among equals).
    fn raw_names(
        &self,
        searcher: &TantivySearcher,
        fields: &[tantivy::schema::Field],
    ) -> Result<Vec<(String, u64)>> {
        let mut names: std::collections::BTreeMap<String, u64> = Default::default();
        for &field in fields {
            for_each_term(searcher, field, |name, doc_freq| {
                *names.entry(name).or_default() += u64::from(doc_freq)
            })?;
        }
        Ok(names.into_iter().collect())
    }

    /// The name table for the names that can matter to `names`: those
    /// sharing a word with them, and the forms of those. Grouping only ever
    /// joins names with the same family name or skeleton, so this part of
    /// the table is the same as the whole table, at a fraction of the cost.
    fn name_table(
        &self,
        searcher: &TantivySearcher,
        set: NameSet,
        names: &[&str],
    ) -> Result<NameTable> {
        let (fields, grouping) = self.name_set(set);
        if names.is_empty() {
            return Ok(NameTable::build_as(grouping, std::iter::empty()));
        }
        let key = |n: &str| key_words(grouping, n);
        let all = self.raw_names(searcher, &fields)?;
        let keyed: Vec<(Vec<String>, &(String, u64))> =
            all.iter().map(|n| (key(&n.0), n)).collect();
        let wanted: HashSet<String> = names.iter().flat_map(|n| key(n)).collect();
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
            .map(|(_, name)| (*name).clone());
        Ok(NameTable::build_as(grouping, candidates))
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
        for (value, set, flag) in filters.each() {
            if name_is_blank(value) {
                return Err(Error::Argument {
                    argument: flag.into(),
                    message: format!("`{value}` has no letters of a name"),
                });
            }
            let field = match set {
                NameSet::Speakers => fields.speaker,
                NameSet::Entity(kind) => entity_field(fields, kind),
            };
            let raw: Vec<Term> = self
                .matching_values(searcher, set, value)?
                .iter()
                .map(|name| Term::from_field_text(field, name))
                .collect();
            clauses.push((Occur::Must, Box::new(TermSetQuery::new(raw))));
        }
        let dated = dates::mentioned_in(fields, &filters.dates)?;
        let published = dates::published_in(fields, &filters.published)?;
        for query in [dated, published].into_iter().flatten() {
            clauses.push((Occur::Must, query));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    fn hit(
        &self,
        document: &TantivyDocument,
        score: f32,
        terms: &highlight::Terms,
        tables: &Tables,
    ) -> Hit {
        let table = &tables.people;
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
            dates: texts_of(document, fields.dates),
            score,
            heading: number_of(document, fields.heading) == 1,
            text,
            highlights,
            speakers,
            quotes,
            entities: self.entities_of(document, tables),
        }
    }

    /// The entities a document names, by canonical name.
    fn entities_of(&self, document: &TantivyDocument, tables: &Tables) -> Vec<EntityRef> {
        let mut entities: Vec<EntityRef> = Vec::new();
        for kind in [EntityKind::Person, EntityKind::Org, EntityKind::Place] {
            for raw in document
                .get_all(entity_field(&self.open.fields, kind))
                .filter_map(|v| v.as_str())
            {
                let name = tables.of(kind).canonical(raw).to_owned();
                if !entities
                    .iter()
                    .any(|e| e.name == name && e.kind == kind.as_str())
                {
                    entities.push(EntityRef {
                        name,
                        kind: kind.as_str(),
                    });
                }
            }
        }
        entities
    }

    /// The name tables for the names being shown.
    fn tables(&self, searcher: &TantivySearcher, shown: &Shown) -> Result<Tables> {
        fn names(set: &[String]) -> Vec<&str> {
            set.iter().map(String::as_str).collect()
        }
        Ok(Tables {
            people: self.name_table(searcher, NameSet::Speakers, &names(&shown.people))?,
            org: self.name_table(
                searcher,
                NameSet::Entity(EntityKind::Org),
                &names(&shown.org),
            )?,
            place: self.name_table(
                searcher,
                NameSet::Entity(EntityKind::Place),
                &names(&shown.place),
            )?,
        })
    }

    fn quote_hit(
        &self,
        document: &TantivyDocument,
        score: Option<f32>,
        table: &NameTable,
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
            dates: texts_of(document, fields.dates),
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

fn texts_of(document: &TantivyDocument, field: tantivy::schema::Field) -> Vec<String> {
    document
        .get_all(field)
        .filter_map(|v| v.as_str())
        .map(str::to_owned)
        .collect()
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

/// Calls `f` with every term of a field (as text) and its document
/// frequency, in every segment.
fn for_each_term(
    searcher: &TantivySearcher,
    field: tantivy::schema::Field,
    mut f: impl FnMut(String, u32),
) -> Result<()> {
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut terms = inverted
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while terms.advance() {
            f(
                String::from_utf8_lossy(terms.key()).into_owned(),
                terms.value().doc_freq,
            );
        }
    }
    Ok(())
}

/// Step `i` of a facet path, unescaped.
fn facet_step(facet: &Facet, i: usize) -> String {
    facet
        .to_path()
        .get(i)
        .map(|s| (*s).to_owned())
        .unwrap_or_default()
}

/// Counts of matching passages per canonical speaker, person,
/// organisation and place: the best of each.
fn facet_counts(
    speakers: &FacetCounts,
    entities: &FacetCounts,
    tables: &Tables,
) -> Vec<FacetCount> {
    let mut facets = top_values(
        "speaker",
        speakers
            .get(Facet::root())
            .map(|(f, c)| (facet_step(f, 0), c)),
        &tables.people,
    );
    for kind in [EntityKind::Person, EntityKind::Org, EntityKind::Place] {
        let values = entities
            .get(Facet::from_path([kind.as_str()]))
            .map(|(f, c)| (facet_step(f, 1), c));
        facets.extend(top_values(kind.as_str(), values, tables.of(kind)));
    }
    facets
}

fn top_values(
    field: &'static str,
    raw: impl Iterator<Item = (String, u64)>,
    table: &NameTable,
) -> Vec<FacetCount> {
    let mut merged: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    for (name, count) in raw {
        *merged.entry(table.canonical(&name).to_owned()).or_default() += count;
    }
    let mut facets: Vec<FacetCount> = merged
        .into_iter()
        .map(|(value, count)| FacetCount {
            field,
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
