//! The tantivy schema: one document per passage, and one per quotation.
//!
//! Both kinds share the provenance fields; `record` tells them apart, and
//! every query is restricted to one kind.

use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED,
    STORED, STRING,
};

use super::tokenizer::TOKENIZER_NAME;

/// Bumped whenever fields change; an index of another version is rejected
/// with a message to rebuild it.
pub const SCHEMA_VERSION: u32 = 7;

/// `record` value of a passage document.
pub const PASSAGE: u64 = 0;
/// `record` value of a quotation document.
pub const QUOTE: u64 = 1;

/// The fields of a passage document.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Article id (`path` or `path#id`), stored and searchable as `doc:`.
    pub doc: Field,
    /// A hash of `doc`, for counting articles quickly.
    pub article: Field,
    /// Canonical path of the file the passage came from, for deletions.
    pub file: Field,
    /// The path shown to users.
    pub path: Field,
    /// Article title (searchable, stored).
    pub title: Field,
    /// Passage text (searchable, stored).
    pub text: Field,
    /// Quoted speech inside the passage (searchable).
    pub quote: Field,
    /// Publication date, ISO, when known.
    pub published: Field,
    /// The outlet that published the article, when known (stored).
    pub source: Field,
    /// The 1-based page of a PDF's passage (stored; absent elsewhere).
    pub page: Field,
    /// 1-based line of the passage's first byte.
    pub line: Field,
    /// 1-based paragraph number within the article.
    pub paragraph: Field,
    /// File byte offset where the passage starts.
    pub start: Field,
    /// File byte offset where the passage ends.
    pub end: Field,
    /// 1 for headings, 0 otherwise.
    pub heading: Field,
    /// [`PASSAGE`] or [`QUOTE`].
    pub record: Field,
    /// Speakers as resolved in their article (one value each, stored).
    pub speaker: Field,
    /// `/name/as written`: the dictionary of [`Fields::speaker_ids`].
    pub speaker_facet: Field,
    /// A passage's quotations as JSON, for hits.
    pub quotes: Field,
    /// A quotation's kind: `direct` or `partial`.
    pub quote_kind: Field,
    /// File byte range of the name a quotation's speaker was resolved from.
    pub speaker_start: Field,
    /// End of that range.
    pub speaker_end: Field,
    /// People named, as resolved in their article.
    pub person: Field,
    /// Organisations named.
    pub org: Field,
    /// Places named.
    pub place: Field,
    /// `/kind/value/as written`: the dictionary of [`Fields::name_ids`].
    pub entity_facet: Field,
    /// The id of each `entity_facet` value: what the entity table maps to
    /// entities, what filters match and what facets count.
    pub name_ids: Field,
    /// The id of each `speaker_facet` value, likewise.
    pub speaker_ids: Field,
    /// The passage's dates as ISO text, publication date included.
    pub dates: Field,
    /// Dates given as a year alone: the year.
    pub date_year: Field,
    /// Dates given to the month: [`month_key`].
    pub date_month: Field,
    /// Dates given to the day: [`day_key`].
    pub date_day: Field,
    /// The publication date: [`day_key`].
    pub published_day: Field,
    /// `/YYYY/MM` (or `/YYYY`) per date, for counting.
    pub date_facet: Field,
}

/// The indexed value of a month: months since year 0.
pub fn month_key(year: u16, month: u8) -> u64 {
    u64::from(year) * 12 + u64::from(month.saturating_sub(1))
}

/// The indexed value of a day: days since 1970 shifted to stay positive
/// for any year from 1.
pub fn day_key(days_since_1970: i64) -> u64 {
    u64::try_from(days_since_1970 + 1_000_000).unwrap_or(0)
}

/// Names of the fields a query may name (`title:iraq`).
pub const QUERY_FIELDS: [&str; 5] = ["text", "title", "quote", "doc", "published"];

fn searchable_text(stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER_NAME)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let fields = Fields {
        doc: builder.add_text_field("doc", STRING | STORED | FAST),
        article: builder.add_u64_field("article", FAST),
        file: builder.add_text_field("file", STRING),
        path: builder.add_text_field("path", STORED),
        title: builder.add_text_field("title", searchable_text(true)),
        text: builder.add_text_field("text", searchable_text(true)),
        quote: builder.add_text_field("quote", searchable_text(false)),
        published: builder.add_text_field("published", STRING | STORED),
        source: builder.add_text_field("source", STORED),
        page: builder.add_u64_field("page", STORED),
        line: builder.add_u64_field("line", STORED),
        paragraph: builder.add_u64_field("paragraph", STORED),
        start: builder.add_u64_field("start", STORED | FAST),
        end: builder.add_u64_field("end", STORED),
        heading: builder.add_u64_field("heading", STORED | INDEXED | FAST),
        record: builder.add_u64_field("record", INDEXED | FAST),
        speaker: builder.add_text_field("speaker", STORED),
        speaker_facet: builder.add_facet_field("speaker_facet", FacetOptions::default()),
        quotes: builder.add_text_field("quotes", STORED),
        quote_kind: builder.add_text_field("quote_kind", STORED),
        speaker_start: builder.add_u64_field("speaker_start", STORED),
        speaker_end: builder.add_u64_field("speaker_end", STORED),
        person: builder.add_text_field("person", STORED),
        org: builder.add_text_field("org", STORED),
        place: builder.add_text_field("place", STORED),
        entity_facet: builder.add_facet_field("entity_facet", FacetOptions::default()),
        name_ids: builder.add_u64_field("name_ids", INDEXED | FAST),
        speaker_ids: builder.add_u64_field("speaker_ids", INDEXED | FAST),
        dates: builder.add_text_field("dates", STORED),
        date_year: builder.add_u64_field("date_year", INDEXED),
        date_month: builder.add_u64_field("date_month", INDEXED),
        date_day: builder.add_u64_field("date_day", INDEXED),
        published_day: builder.add_u64_field("published_day", INDEXED),
        date_facet: builder.add_facet_field("date_facet", FacetOptions::default()),
    };
    (builder.build(), fields)
}

/// Finds the fields in an opened index's schema; `None` if one is missing.
pub fn lookup(schema: &Schema) -> Option<Fields> {
    let get = |name: &str| schema.get_field(name).ok();
    Some(Fields {
        doc: get("doc")?,
        article: get("article")?,
        file: get("file")?,
        path: get("path")?,
        title: get("title")?,
        text: get("text")?,
        quote: get("quote")?,
        published: get("published")?,
        source: get("source")?,
        page: get("page")?,
        line: get("line")?,
        paragraph: get("paragraph")?,
        start: get("start")?,
        end: get("end")?,
        heading: get("heading")?,
        record: get("record")?,
        speaker: get("speaker")?,
        speaker_facet: get("speaker_facet")?,
        quotes: get("quotes")?,
        quote_kind: get("quote_kind")?,
        speaker_start: get("speaker_start")?,
        speaker_end: get("speaker_end")?,
        person: get("person")?,
        org: get("org")?,
        place: get("place")?,
        entity_facet: get("entity_facet")?,
        name_ids: get("name_ids")?,
        speaker_ids: get("speaker_ids")?,
        dates: get("dates")?,
        date_year: get("date_year")?,
        date_month: get("date_month")?,
        date_day: get("date_day")?,
        published_day: get("published_day")?,
        date_facet: get("date_facet")?,
    })
}
