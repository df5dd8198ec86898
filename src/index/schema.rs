//! The tantivy schema: one document per passage.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

use super::tokenizer::TOKENIZER_NAME;

/// Bumped whenever fields change; an index of another version is rejected
/// with a message to rebuild it.
pub const SCHEMA_VERSION: u32 = 1;

/// The fields of a passage document.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Article id (`path` or `path#id`), stored and searchable as `doc:`.
    pub doc: Field,
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
        doc: builder.add_text_field("doc", STRING | STORED),
        file: builder.add_text_field("file", STRING),
        path: builder.add_text_field("path", STORED),
        title: builder.add_text_field("title", searchable_text(true)),
        text: builder.add_text_field("text", searchable_text(true)),
        quote: builder.add_text_field("quote", searchable_text(false)),
        published: builder.add_text_field("published", STRING | STORED),
        line: builder.add_u64_field("line", STORED),
        paragraph: builder.add_u64_field("paragraph", STORED),
        start: builder.add_u64_field("start", STORED),
        end: builder.add_u64_field("end", STORED),
        heading: builder.add_u64_field("heading", STORED | INDEXED | FAST),
    };
    (builder.build(), fields)
}

/// Finds the fields in an opened index's schema; `None` if one is missing.
pub fn lookup(schema: &Schema) -> Option<Fields> {
    let get = |name: &str| schema.get_field(name).ok();
    Some(Fields {
        doc: get("doc")?,
        file: get("file")?,
        path: get("path")?,
        title: get("title")?,
        text: get("text")?,
        quote: get("quote")?,
        published: get("published")?,
        line: get("line")?,
        paragraph: get("paragraph")?,
        start: get("start")?,
        end: get("end")?,
        heading: get("heading")?,
    })
}
