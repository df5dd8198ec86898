//! One whole article as the index holds it, for the web page's article
//! view: its passages in order, each with its quotations and entities.

use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::{highlight, Hit, Searcher};
use crate::error::Result;
use crate::index::schema::PASSAGE;

/// An article and its passages, in the order of the file.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleView {
    /// Title.
    pub title: String,
    /// Publication date (ISO), when known.
    pub published: Option<String>,
    /// Article id.
    pub doc: String,
    /// File path.
    pub path: String,
    /// The passages, first to last, as search hits without a score.
    pub passages: Vec<Hit>,
}

impl Searcher {
    /// The article whose id is `doc`, or `None` when the index has none.
    /// The id is only ever looked up as a term, never opened as a path.
    pub fn article(&self, doc: &str) -> Result<Option<ArticleView>> {
        let fields = self.fields();
        let of_article = TermQuery::new(
            Term::from_field_text(fields.doc, doc),
            IndexRecordOption::Basic,
        );
        let passage = TermQuery::new(
            Term::from_field_u64(fields.record, PASSAGE),
            IndexRecordOption::Basic,
        );
        let both = BooleanQuery::intersection(vec![Box::new(of_article), Box::new(passage)]);
        let searcher = self.reader.searcher();
        let no_terms = highlight::Terms::default();
        let mut passages = Vec::new();
        for address in searcher.search(&both, &DocSetCollector)? {
            passages.push(self.hit(&searcher.doc(address)?, 0.0, &no_terms));
        }
        passages.sort_by_key(|hit| hit.citation.start);
        let Some(first) = passages.first() else {
            return Ok(None);
        };
        Ok(Some(ArticleView {
            doc: first.citation.doc.clone(),
            path: first.citation.path.clone(),
            title: first.title.clone(),
            published: first.published.clone(),
            passages,
        }))
    }
}
