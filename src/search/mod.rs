//! Stage 4, search: parses a query, ranks passages with BM25 and marks the
//! words that matched.
//!
//! - `query`: the query language and its error messages.
//! - `highlight`: byte ranges of matched words in a passage.

mod highlight;
mod query;

use std::path::Path;
use std::time::{Duration, Instant};

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::schema::Value;
use tantivy::{IndexReader, ReloadPolicy, TantivyDocument};

pub use highlight::Highlighter;

use crate::error::{Error, Result};
use crate::index::{self, Fields, OpenIndex};

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
}

/// The hits of one query.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// How many passages match in all.
    pub total: usize,
    /// Time spent searching.
    pub elapsed: Duration,
}

/// An index opened for searching.
pub struct Searcher {
    open: OpenIndex,
    reader: IndexReader,
    parser: query::Parser,
    highlighter: Highlighter,
}

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

    /// Runs `query` and returns the best `limit` passages.
    pub fn search(&self, query: &str, limit: usize) -> Result<SearchResults> {
        let started = Instant::now();
        let parsed = self.parser.parse(query)?;
        let searcher = self.reader.searcher();
        let collector = (TopDocs::with_limit(limit.max(1)).order_by_score(), Count);
        let (top, total) = searcher.search(parsed.as_ref(), &collector)?;
        let terms = highlight::query_terms(parsed.as_ref());
        let mut hits = Vec::with_capacity(top.len().min(limit));
        for (score, address) in top.into_iter().take(limit) {
            let document: TantivyDocument = searcher.doc(address)?;
            hits.push(self.hit(&document, score, &terms));
        }
        Ok(SearchResults {
            hits,
            total,
            elapsed: started.elapsed(),
        })
    }

    fn hit(&self, document: &TantivyDocument, score: f32, terms: &highlight::Terms) -> Hit {
        let fields = &self.open.fields;
        let text_of = |field| {
            document
                .get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        let number = |field| {
            document
                .get_first(field)
                .and_then(|v| v.as_u64())
                .unwrap_or_default()
        };
        let text = text_of(fields.text);
        let highlights = self.highlighter.ranges(&text, terms);
        Hit {
            doc: text_of(fields.doc),
            path: text_of(fields.path),
            line: number(fields.line),
            paragraph: number(fields.paragraph),
            start: number(fields.start),
            end: number(fields.end),
            title: text_of(fields.title),
            published: Some(text_of(fields.published)).filter(|p| !p.is_empty()),
            score,
            heading: number(fields.heading) == 1,
            text,
            highlights,
        }
    }
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
