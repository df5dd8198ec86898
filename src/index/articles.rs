//! Which article each document of a segment belongs to, read from the
//! `doc` fast field: its dictionary holds each article id once, so the id
//! of a document is the hash of its `doc` value ([`article_id`]), without
//! a column of hashes beside it (1.3 MB of `news.jsonl`'s index).

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

    /// The article ids of a few documents of `reader`, reading only their
    /// own dictionary entries: cheaper than [`ArticleIds::of_segment`] when
    /// far fewer documents than the segment's articles are asked for.
    pub fn of_docs(reader: &SegmentReader, docs: &[DocId]) -> Result<Vec<u64>> {
        let Some(column) = reader.fast_fields().str(FieldNames::doc)? else {
            return Ok(vec![0; docs.len()]);
        };
        let mut name = String::new();
        docs.iter()
            .map(|&doc| {
                let Some(ord) = column.term_ords(doc).next() else {
                    return Ok(0);
                };
                name.clear();
                column
                    .ord_to_str(ord, &mut name)
                    .map_err(tantivy::TantivyError::from)?;
                Ok(article_id(&name))
            })
            .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema;
    use tantivy::{doc, Index};

    /// A segment of three documents of two articles, then one without a `doc`.
    fn segment() -> tantivy::Result<tantivy::Searcher> {
        let (schema, fields) = schema::build();
        let index = Index::create_in_ram(schema);
        crate::index::register_tokenizer(&index);
        let mut writer = index.writer_with_num_threads(1, 15_000_000)?;
        writer.add_document(doc!(fields.doc => "b.txt"))?;
        writer.add_document(doc!(fields.doc => "a.jsonl#7"))?;
        writer.add_document(doc!(fields.doc => "b.txt"))?;
        writer.add_document(doc!())?;
        writer.commit()?;
        Ok(index.reader()?.searcher())
    }

    #[test]
    fn each_document_has_its_articles_id() -> Result<()> {
        let searcher = segment()?;
        let reader = searcher.segment_reader(0);
        let whole = ArticleIds::of_segment(reader)?;
        let expected = [
            article_id("b.txt"),
            article_id("a.jsonl#7"),
            article_id("b.txt"),
            0,
        ];
        let all: Vec<u64> = (0..4).map(|doc| whole.of(doc)).collect();
        assert_eq!(all, expected);
        assert_eq!(
            ArticleIds::of_docs(reader, &[3, 1, 0])?,
            [0, expected[1], expected[0]]
        );
        Ok(())
    }
}
