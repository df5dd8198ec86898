//! Builds the tantivy documents of an analyzed article: one per passage,
//! one per quotation.

use serde::{Deserialize, Serialize};
use tantivy::schema::{Facet, Field};
use tantivy::{doc, TantivyDocument};

use super::schema::{day_key, month_key, Fields, PASSAGE, QUOTE};
use crate::analyze::{Analysis, DateValue, EntityKind, Passage, Quote, QuoteKind, Timex};
use crate::ingest::Article;

/// A quotation as stored with its passage, and returned with hits.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct StoredQuote {
    /// The speaker as resolved in the article, if any.
    pub speaker: Option<String>,
    /// The quoted text.
    pub text: String,
    /// `direct` or `partial`.
    pub kind: QuoteKind,
    /// 1-based line of the quotation, in a file of lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// 1-based page of the quotation, in a PDF.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u64>,
    /// File byte offset of the quoted text.
    pub start: u64,
    /// File byte offset of its end.
    pub end: u64,
}

/// The path of a speaker's name: `name/as written`, encoded as a facet's.
fn speaker_path(name: &str, written: &str) -> Facet {
    Facet::from_path([clean(name), clean(written)])
}

/// A path step without control characters: the encoding separates steps
/// with `\0`, and a facet cannot hold the others either.
fn clean(step: &str) -> String {
    step.chars().filter(|c| !c.is_control()).collect()
}

/// The id of a name's encoded path (`entity_names`, `speaker_names`): a
/// hash of it, so that the entity table can find every id from those
/// fields' terms.
pub fn name_id(encoded: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(encoded.as_bytes())
}

/// The id of an article, from its `doc` value: what [`super::ArticleIds`]
/// gives each of its documents.
pub fn article_id(doc: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(doc.as_bytes())
}

/// Adds a name's encoded path and its id to a document.
pub(super) fn add_name_path(
    document: &mut TantivyDocument,
    names: Field,
    ids: Field,
    value: Facet,
) {
    document.add_u64(ids, name_id(value.encoded_str()));
    document.add_text(names, value.encoded_str());
}

fn stored_quote(analysis: &Analysis, quote: &Quote) -> StoredQuote {
    let article = &analysis.article;
    let range = article.file_range(quote.inner.clone());
    StoredQuote {
        speaker: quote.speaker.as_ref().map(|s| s.name.clone()),
        text: article.text(quote.inner.clone()).to_owned(),
        kind: quote.kind,
        line: article.line_at(quote.inner.start).map(|l| l as u64),
        page: article.page_at(quote.inner.start).map(|p| p as u64),
        start: range.start as u64,
        end: range.end as u64,
    }
}

/// The line, or the page, where body offset `at` is.
fn add_place(fields: &Fields, document: &mut TantivyDocument, article: &Article, at: usize) {
    if let Some(line) = article.line_at(at) {
        document.add_u64(fields.line, line as u64);
    }
    if let Some(page) = article.page_at(at) {
        document.add_u64(fields.page, page as u64);
    }
}

/// The document of a passage.
pub fn passage_document(
    fields: &Fields,
    key: &str,
    analysis: &Analysis,
    passage: &Passage,
) -> TantivyDocument {
    let article = &analysis.article;
    let range = article.file_range(passage.range.clone());
    let mut document = doc!(
        fields.record => PASSAGE,
        fields.doc => article.doc.as_str(),
        fields.file => key,
        fields.path => article.path.as_str(),
        fields.title => article.title.as_str(),
        fields.text => analysis.text(passage),
        fields.paragraph => passage.paragraph as u64,
        fields.start => range.start as u64,
        fields.end => range.end as u64,
        fields.heading => u64::from(passage.heading),
    );
    if let Some(source) = &article.source {
        document.add_text(fields.source, source);
    }
    add_place(fields, &mut document, article, passage.range.start);
    add_entities(fields, &mut document, analysis, passage, Names::Whole);
    add_dates(fields, &mut document, analysis, passage);
    if passage.quotes.is_empty() {
        return document;
    }
    document.add_text(fields.quote, analysis.quoted_speech(passage));
    let stored: Vec<StoredQuote> = passage
        .quotes
        .iter()
        .map(|q| stored_quote(analysis, q))
        .collect();
    if let Ok(json) = serde_json::to_string(&stored) {
        document.add_text(fields.quotes, json);
    }
    add_speakers(fields, &mut document, analysis, passage.quotes.iter());
    document
}

/// The document of a quotation: its text is what `dossier quotes` searches.
pub fn quote_document(
    fields: &Fields,
    key: &str,
    analysis: &Analysis,
    passage: &Passage,
    quote: &Quote,
) -> TantivyDocument {
    let article = &analysis.article;
    let stored = stored_quote(analysis, quote);
    let mut document = doc!(
        fields.record => QUOTE,
        fields.doc => article.doc.as_str(),
        fields.file => key,
        fields.path => article.path.as_str(),
        fields.quotation => stored.text.as_str(),
        fields.quote_kind => stored.kind.as_str(),
        fields.paragraph => passage.paragraph as u64,
        fields.start => stored.start,
        fields.end => stored.end,
    );
    add_place(fields, &mut document, article, quote.inner.start);
    add_dates(fields, &mut document, analysis, passage);
    if let Some(range) = quote.speaker.as_ref().and_then(|s| s.mention.clone()) {
        let range = article.file_range(range);
        document.add_u64(fields.speaker_start, range.start as u64);
        document.add_u64(fields.speaker_end, range.end as u64);
    }
    add_speakers(fields, &mut document, analysis, std::iter::once(quote));
    add_entities(fields, &mut document, analysis, passage, Names::IdsOnly);
    document
}

/// The field that holds entities of a kind.
pub fn entity_field(fields: &Fields, kind: EntityKind) -> Field {
    match kind {
        EntityKind::Person => fields.person,
        EntityKind::Org => fields.org,
        EntityKind::Place => fields.place,
    }
}

/// What of a passage's entities a document holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Names {
    /// Stored values to show, the names' dictionary terms and the ids: a
    /// passage.
    Whole,
    /// The ids alone, which filters match: a quotation, shown without its
    /// passage's names, whose passage holds the same dictionary terms.
    IdsOnly,
}

/// The people, organisations and places a passage names: one value each,
/// and an encoded path (`kind/value/as written`) per spelling.
fn add_entities(
    fields: &Fields,
    document: &mut TantivyDocument,
    analysis: &Analysis,
    passage: &Passage,
    names: Names,
) {
    let mut values = std::collections::HashSet::new();
    let mut spellings = std::collections::HashSet::new();
    for mention in &passage.mentions {
        let written = analysis.article.text(mention.range.clone());
        if names == Names::Whole && values.insert((mention.kind, mention.entity.clone())) {
            document.add_text(entity_field(fields, mention.kind), &mention.entity);
        }
        if spellings.insert((mention.kind, mention.entity.clone(), written.to_owned())) {
            let path = [
                mention.kind.as_str().to_owned(),
                clean(&mention.entity),
                clean(written),
            ];
            let path = Facet::from_path(path);
            document.add_u64(fields.name_ids, name_id(path.encoded_str()));
            if names == Names::Whole {
                document.add_text(fields.entity_names, path.encoded_str());
            }
        }
    }
}

/// A passage's dates (those it mentions and its article's publication
/// date): stored as TimeML text, indexed by precision for range filters,
/// and counted by year and month.
fn add_dates(
    fields: &Fields,
    document: &mut TantivyDocument,
    analysis: &Analysis,
    passage: &Passage,
) {
    for date in analysis.passage_dates(passage) {
        document.add_text(fields.dates, date.to_string());
        match date {
            Timex::Date(value) | Timex::Present(Some(value)) => {
                add_calendar_date(fields, document, value);
            }
            period => add_period(fields, document, &period),
        }
    }
    if let Some(published) = &analysis.published {
        document.add_text(fields.published, published.value.to_string());
        document.add_u64(fields.published_day, day_key(published.value.days().start));
    }
}

/// A year, month or day: one indexed value at its precision, and a facet.
fn add_calendar_date(fields: &Fields, document: &mut TantivyDocument, date: DateValue) {
    match (date.month, date.day) {
        (Some(_), Some(_)) => document.add_u64(fields.date_day, day_key(date.days().start)),
        (Some(month), None) => document.add_u64(fields.date_month, month_key(date.year, month)),
        _ => document.add_u64(fields.date_year, u64::from(date.year)),
    }
    add_facet(fields, document, date);
}

/// A week, quarter, season, decade or century: indexed as every day, month
/// or year it covers, so that `--from/--to` find it wherever it falls. A
/// week counts in the facet under the month of its middle day, a quarter
/// or season under its year; a decade or century, wider than the facet's
/// years, is not counted there. The past and future are not indexed.
fn add_period(fields: &Fields, document: &mut TantivyDocument, period: &Timex) {
    let Some(days) = period.days() else { return };
    let (Some(first), Some(last)) = (
        DateValue::from_day_number(days.start),
        DateValue::from_day_number(days.end - 1),
    ) else {
        return;
    };
    let length = days.end - days.start;
    if length <= MAX_DAYS_INDEXED {
        for day in days.clone() {
            document.add_u64(fields.date_day, day_key(day));
        }
        let middle = DateValue::from_day_number(days.start + (length - 1) / 2)
            .and_then(|day| DateValue::month(day.year, day.month?));
        if let Some(month) = middle {
            add_facet(fields, document, month);
        }
    } else if length <= MAX_MONTHS_INDEXED_DAYS {
        let first_key = month_key(first.year, first.month.unwrap_or(1));
        let last_key = month_key(last.year, last.month.unwrap_or(12));
        for key in first_key..=last_key {
            document.add_u64(fields.date_month, key);
        }
        if let Some(year) = DateValue::year(first.year) {
            add_facet(fields, document, year);
        }
    } else {
        for year in first.year..=last.year {
            document.add_u64(fields.date_year, u64::from(year));
        }
    }
}

/// Periods up to two weeks are indexed by day.
const MAX_DAYS_INDEXED: i64 = 14;
/// Periods up to a year are indexed by month, longer ones by year.
const MAX_MONTHS_INDEXED_DAYS: i64 = 366;

/// Counts a date in the facet under its year, or its year and month.
fn add_facet(fields: &Fields, document: &mut TantivyDocument, date: DateValue) {
    let year = format!("{:04}", date.year);
    let facet = match date.month {
        Some(month) => Facet::from_path([year, format!("{month:02}")]),
        None => Facet::from_path([year]),
    };
    document.add_facet(fields.date_facet, facet);
}

fn add_speakers<'a>(
    fields: &Fields,
    document: &mut TantivyDocument,
    analysis: &Analysis,
    quotes: impl Iterator<Item = &'a Quote>,
) {
    let mut seen = std::collections::HashSet::new();
    for quote in quotes {
        let Some(speaker) = &quote.speaker else {
            continue;
        };
        let written = speaker
            .mention
            .clone()
            .map_or(speaker.name.as_str(), |m| analysis.article.text(m));
        if seen.insert((speaker.name.clone(), written.to_owned())) {
            let path = speaker_path(&speaker.name, written);
            add_name_path(document, fields.speaker_names, fields.speaker_ids, path);
        }
        if seen.insert((speaker.name.clone(), String::new())) {
            document.add_text(fields.speaker, &speaker.name);
        }
    }
}
