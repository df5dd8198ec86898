//! The tantivy schema: one document per passage, and one per quotation.
//!
//! Both kinds share the provenance fields; `record` tells them apart. Their
//! searchable text lies in fields of their own (a passage's `text`, `title`
//! and `quote`, a quotation's `quotation`), so that a query over those
//! alone matches one kind without a clause to keep the other out.

use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
    FAST, STORED,
};

use super::tokenizer::TOKENIZER_NAME;

/// Bumped whenever fields change; an index of another version is rejected
/// with a message to rebuild it.
pub const SCHEMA_VERSION: u32 = 12;

/// `record` value of a passage document.
pub const PASSAGE: u64 = 0;
/// `record` value of a quotation document.
pub const QUOTE: u64 = 1;

/// Declares every field once: its handle in [`Fields`], its name in
/// [`FieldNames`], how [`build`] adds it and how [`lookup`] finds it.
macro_rules! fields {
    ($($(#[doc = $doc:literal])* $name:ident: $kind:ident($options:expr),)*) => {
        /// The fields of a passage (and quotation) document.
        #[derive(Debug, Clone, Copy)]
        pub struct Fields {
            $($(#[doc = $doc])* pub $name: Field,)*
        }

        /// The name of each field, for tantivy's calls that take one
        /// (fast fields, facet collectors).
        pub struct FieldNames;

        #[allow(non_upper_case_globals)]
        impl FieldNames {
            $(
                #[doc = concat!("`", stringify!($name), "`.")]
                pub const $name: &'static str = stringify!($name);
            )*
        }

        /// Builds the schema and its field handles.
        pub fn build() -> (Schema, Fields) {
            let mut builder = Schema::builder();
            let fields = Fields {
                $($name: fields!(@add builder, $kind, stringify!($name), $options),)*
            };
            (builder.build(), fields)
        }

        /// Finds the fields in an opened index's schema; `None` if one is missing.
        pub fn lookup(schema: &Schema) -> Option<Fields> {
            Some(Fields {
                $($name: schema.get_field(stringify!($name)).ok()?,)*
            })
        }
    };
    (@add $builder:ident, text, $name:expr, $options:expr) => {
        $builder.add_text_field($name, $options)
    };
    (@add $builder:ident, u64, $name:expr, $options:expr) => {
        $builder.add_u64_field($name, $options)
    };
    (@add $builder:ident, facet, $name:expr, $options:expr) => {
        $builder.add_facet_field($name, $options)
    };
}

fields! {
    /// Article id (`path` or `path#id`), stored and searchable as `doc:`;
    /// its fast column tells which article a document belongs to
    /// ([`super::ArticleIds`]).
    doc: text(keyword() | STORED | FAST),
    /// Canonical path of the file the passage came from, for deletions.
    file: text(keyword()),
    /// The path shown to users.
    path: text(STORED),
    /// Article title (searchable, stored).
    title: text(searchable_text(true)),
    /// Passage text (searchable, stored).
    text: text(searchable_text(true)),
    /// Quoted speech inside the passage (searchable).
    quote: text(searchable_text(false)),
    /// A quotation document's text (searchable, stored). Not in `text`:
    /// excluding quotation documents from a passage search doubled a long
    /// query's time (docs/speed.md, "Long queries and top-k pruning").
    quotation: text(searchable_text(true)),
    /// Publication date, ISO, when known.
    published: text(keyword() | STORED),
    /// The outlet that published the article, when known (stored).
    source: text(STORED),
    /// The 1-based page of a PDF's passage (stored; absent elsewhere).
    page: u64(STORED),
    /// 1-based line of the passage's first byte.
    line: u64(STORED),
    /// 1-based paragraph number within the article.
    paragraph: u64(STORED),
    /// File byte offset where the passage starts.
    start: u64(STORED | FAST),
    /// File byte offset where the passage ends.
    end: u64(STORED),
    /// 1 for headings, 0 otherwise.
    heading: u64(indexed() | STORED | FAST),
    /// [`PASSAGE`] or [`QUOTE`].
    record: u64(indexed() | FAST),
    /// Speakers as resolved in their article (one value each, stored).
    speaker: text(STORED),
    /// `name\0as written`, a facet path's encoding: the dictionary of
    /// [`Fields::speaker_ids`], read as terms. A keyword field rather than a
    /// facet: a facet also indexes every ancestor path and keeps a fast
    /// column, which the dictionary does not need (with `entity_names`,
    /// 4.2 MB of 85 on `news.jsonl`, docs/speed.md).
    speaker_names: text(keyword()),
    /// A passage's quotations as JSON, for hits.
    quotes: text(STORED),
    /// A quotation's kind: `direct` or `partial`.
    quote_kind: text(STORED),
    /// File byte range of the name a quotation's speaker was resolved from.
    speaker_start: u64(STORED),
    /// End of that range.
    speaker_end: u64(STORED),
    /// People named, as resolved in their article.
    person: text(STORED),
    /// Organisations named.
    org: text(STORED),
    /// Places named.
    place: text(STORED),
    /// `kind\0value\0as written`: the dictionary of [`Fields::name_ids`],
    /// likewise.
    entity_names: text(keyword()),
    /// The id of each `entity_names` value: what the entity table maps to
    /// entities, what filters match and what facets count.
    name_ids: u64(indexed()),
    /// The id of each `speaker_names` value, likewise.
    speaker_ids: u64(indexed()),
    /// The passage's dates as ISO text, publication date included.
    dates: text(STORED),
    /// Dates given as a year alone: the year.
    date_year: u64(indexed()),
    /// Dates given to the month: [`month_key`].
    date_month: u64(indexed()),
    /// Dates given to the day: [`day_key`].
    date_day: u64(indexed()),
    /// The publication date: [`day_key`].
    published_day: u64(indexed()),
    /// `/YYYY/MM` (or `/YYYY`) per date, for counting.
    date_facet: facet(FacetOptions::default()),
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
pub const QUERY_FIELDS: [&str; 5] = [
    FieldNames::text,
    FieldNames::title,
    FieldNames::quote,
    FieldNames::doc,
    FieldNames::published,
];

/// A number that filters match exactly. No field norms: these fields are
/// never ranked by length, and norms cost a byte per document each.
fn indexed() -> NumericOptions {
    NumericOptions::default().set_indexed()
}

/// A string that filters match whole, likewise without field norms.
fn keyword() -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("raw")
        .set_fieldnorms(false)
        .set_index_option(IndexRecordOption::Basic);
    TextOptions::default().set_indexing_options(indexing)
}

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
