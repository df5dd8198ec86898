//! What searches return: hits, quotations and their results, as the
//! renderers, the web API and the exports read them.

use std::ops::Range;
use std::time::Duration;

use serde::Serialize;

use super::FacetCount;
use crate::analyze::{EntityKind, QuoteKind};
use crate::index::StoredQuote;
use crate::ingest::{locator, Article};

/// Where a passage or quotation stands, as a reader cites it: its
/// article, its file, the line (or the page of a PDF) and paragraph, and
/// its file byte range. Flattened into each record that has one.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Citation {
    /// Article id.
    pub doc: String,
    /// File path.
    pub path: String,
    /// 1-based line of the start, in a file of lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// 1-based page of the start, in a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u64>,
    /// 1-based paragraph number in the article, for what lies in one
    /// paragraph (not an article).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u64>,
    /// File byte offset of the start.
    pub start: u64,
    /// File byte offset of the end.
    pub end: u64,
}

impl Citation {
    /// The citation of body range `body` of `article`, in `paragraph`.
    pub fn of(article: &Article, body: Range<usize>, paragraph: Option<usize>) -> Citation {
        let file = article.file_range(body.clone());
        let wide = |n: usize| n as u64;
        Citation {
            doc: article.doc.clone(),
            path: article.path.clone(),
            line: article.line_at(body.start).map(wide),
            page: article.page_at(body.start).map(wide),
            paragraph: paragraph.map(wide),
            start: wide(file.start),
            end: wide(file.end),
        }
    }

    /// What follows the path when it is cited: see [`locator`].
    pub fn locator(&self) -> String {
        locator(self.line, self.page, self.paragraph)
    }
}

/// One matching passage.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    /// Where the passage stands.
    #[serde(flatten)]
    pub citation: Citation,
    /// Article title.
    pub title: String,
    /// Publication date (ISO), when known.
    pub published: Option<String>,
    /// The outlet, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
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
    /// The entity's id in the index's entity table.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `person`, `org` or `place`.
    pub kind: EntityKind,
}

/// The hits of one `dossier search`.
pub type SearchResults = Ranked<Hit>;

/// A quotation found by `dossier quotes`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteHit {
    /// Canonical speaker name; `None` for a quotation no one was found to
    /// have said (JSON `null`, as `dossier analyze` gives it).
    pub speaker: Option<String>,
    /// The quoted text.
    pub text: String,
    /// `direct` or `partial`.
    pub kind: QuoteKind,
    /// Where the quoted text stands.
    #[serde(flatten)]
    pub citation: Citation,
    /// The article's publication date.
    pub published: Option<String>,
    /// The dates of the quotation's passage (ISO), publication date included.
    pub dates: Vec<String>,
    /// BM25 score when a query ranked the quotations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f32>,
}

/// The hits of a ranked listing: passages, quotations or passages
/// checked against a claim.
#[derive(Debug, Clone)]
pub struct Ranked<H> {
    /// Best first; quotations without a query in the order of the files.
    pub hits: Vec<H>,
    /// How many match in all (for a claim, the candidates weighed).
    pub total: usize,
    /// Counts per facet value, when a search asked for them.
    pub facets: Vec<FacetCount>,
    /// Notes for the user: a name filter that matches several entities.
    pub notes: Vec<String>,
    /// Time spent.
    pub elapsed: Duration,
}

/// The quotations of one `dossier quotes`.
pub type QuoteResults = Ranked<QuoteHit>;
