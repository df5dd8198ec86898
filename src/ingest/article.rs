//! What ingest produces: an article with its metadata and paragraphs, all
//! kept as ranges into one decoded text that maps back to the file.

use std::ops::Range;

use super::offsets::{LineIndex, MappedText};

/// One article: a text file, an HTML page, or one line of a `.jsonl` file.
#[derive(Debug, Clone)]
pub struct Article {
    /// Stable id: the path, plus `#id` for an article inside a `.jsonl` file.
    pub doc: String,
    /// The file's path as it was walked.
    pub path: String,
    /// The headline, or the first sentence cut short.
    pub title: String,
    /// The outlet, when the article states it.
    pub source: Option<String>,
    /// The article's address, when stated.
    pub url: Option<String>,
    /// Publication date as ISO 8601 (`2025-08-15`), when stated.
    pub published: Option<String>,
    /// Where the publication date is written, as file byte offsets.
    pub published_span: Option<Range<usize>>,
    /// The decoded body text and its map back to file offsets.
    pub body: MappedText,
    /// Paragraphs, in reading order, as ranges into `body`.
    pub paragraphs: Vec<Paragraph>,
    /// How file offsets map to line numbers, or to pages.
    pub lines: LineIndex,
}

/// A paragraph or heading of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range into the article's body text, trimmed of surrounding space.
    pub range: Range<usize>,
    /// True for a heading (a headline, a section title, a Markdown `#` line).
    pub heading: bool,
}

impl Article {
    /// The text of a range of the body.
    pub fn text(&self, range: Range<usize>) -> &str {
        &self.body.as_str()[range]
    }

    /// The file byte range of a range of the body.
    pub fn file_range(&self, range: Range<usize>) -> Range<usize> {
        self.body.file_offset(range.start)..self.body.file_end(range.end)
    }

    /// The 1-based file line of body offset `offset`; `None` for a
    /// document without lines (PDF, DOCX).
    pub fn line_at(&self, offset: usize) -> Option<usize> {
        self.lines.line(self.body.file_offset(offset))
    }

    /// The 1-based page of body offset `offset`, for a PDF.
    pub fn page_at(&self, offset: usize) -> Option<usize> {
        self.lines.page(self.body.file_offset(offset))
    }
}

/// What follows the path in a citation: `12` for a line, `p7` for a page
/// of a PDF, `¶3` for a paragraph of a Word file.
pub fn locator(line: Option<u64>, page: Option<u64>, paragraph: u64) -> String {
    match (line, page) {
        (Some(line), _) => line.to_string(),
        (None, Some(page)) => format!("p{page}"),
        (None, None) => format!("¶{paragraph}"),
    }
}
