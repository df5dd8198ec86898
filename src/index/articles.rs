//! Which article each document of a segment belongs to, read from the
//! `doc` fast field: its dictionary holds each article id once, so the id
//! of a document is the hash of its `doc` value ([`article_id`]), without
//! a column of hashes beside it (1.5 MB of `news.jsonl`'s index).

use tantivy::columnar::Column;
use tantivy::{DocId, SegmentReader};

use super::documents::article_id;
use super::schema::FieldNames;
use crate::error::Result;

/// The article id of every document of one segment.
pub struct ArticleIds {
    /// Each document's ordinal in the `doc` dictionary.
    ords: Option<Column<u64>>,
    /// [`article_id`] of each dictionary entry, by ordinal.
    ids: Vec<u64>,
}

impl ArticleIds {
    /// Reads the `doc` dictionary of `reader` and hashes each entry once.
    pub fn of_segment(reader: &SegmentReader) -> Result<ArticleIds> {
        let Some(docs) = reader.fast_fields().str(FieldNames::doc)? else {
            return Ok(ArticleIds {
                ords: None,
                ids: Vec::new(),
            });
        };
        let mut ids = Vec::with_capacity(docs.num_terms());
        let mut entries = docs
            .dictionary()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while entries.advance() {
            ids.push(article_id(&String::from_utf8_lossy(entries.key())));
        }
        Ok(ArticleIds {
            ords: Some(docs.ords().clone()),
            ids,
        })
    }

    /// The article id of `doc` ([`article_id`] of its `doc` value; 0 for a
    /// document without one).
    pub fn of(&self, doc: DocId) -> u64 {
        self.ords
            .as_ref()
            .and_then(|ords| ords.first(doc))
            .and_then(|ord| self.ids.get(usize::try_from(ord).ok()?))
            .copied()
            .unwrap_or_default()
    }
}
