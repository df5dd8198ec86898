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

/// What a document reader (PDF, Word) found: text, paragraphs and how
/// its places are cited, with the title and date of its metadata.
pub(super) struct Extracted {
    pub(super) title: Option<String>,
    pub(super) published: Option<String>,
    pub(super) text: String,
    pub(super) paragraphs: Vec<Paragraph>,
    pub(super) lines: LineIndex,
}

impl Article {
    /// The article of a document whose text was extracted: its offsets
    /// are those of the text. Without a title in the metadata, the first
    /// heading (else the first paragraph) is the title.
    pub(super) fn extracted(path: &str, document: Extracted) -> Article {
        let Extracted {
            title,
            published,
            text,
            paragraphs,
            lines,
        } = document;
        let title = title
            .or_else(|| {
                let first = paragraphs.iter().find(|p| p.heading).or(paragraphs.first());
                first.map(|p| text[p.range.clone()].to_owned())
            })
            .unwrap_or_else(|| path.to_owned());
        Article {
            doc: path.to_owned(),
            path: path.to_owned(),
            title,
            source: None,
            url: None,
            published,
            published_span: None,
            paragraphs,
            lines,
            body: MappedText::verbatim(text, 0),
        }
    }

    /// The text of a range of the body.
    pub fn text(&self, range: Range<usize>) -> &str {
        &self.body.as_str()[range]
    }

    /// The text of each paragraph, in reading order.
    pub fn paragraph_texts(&self) -> impl Iterator<Item = &str> {
        self.paragraphs.iter().map(|p| self.text(p.range.clone()))
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
/// of a PDF, `¶3` for a paragraph of a Word file (nothing for a whole
/// Word article).
pub fn locator(line: Option<u64>, page: Option<u64>, paragraph: Option<u64>) -> String {
    match (line, page, paragraph) {
        (Some(line), _, _) => line.to_string(),
        (None, Some(page), _) => format!("p{page}"),
        (None, None, Some(paragraph)) => format!("¶{paragraph}"),
        (None, None, None) => String::new(),
    }
}
