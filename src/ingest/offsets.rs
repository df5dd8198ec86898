//! Decoded text that remembers where each byte came from in the file.
//!
//! Articles are searched as clean UTF-8 text, but citations point into the
//! file as it is on disk: a JSON string has escapes, HTML has tags and
//! entities, and invalid UTF-8 is replaced. [`MappedText`] keeps anchors
//! (text offset, file offset) at every place where the two drift apart, so
//! any text offset maps back to a file byte offset.

/// Text built from pieces of a file, with a map back to file offsets.
#[derive(Debug, Clone, Default)]
pub struct MappedText {
    text: String,
    /// Sorted by text offset: from `text_offset` on, text bytes map one to one
    /// onto file bytes starting at `file_offset`.
    anchors: Vec<Anchor>,
}

#[derive(Debug, Clone, Copy)]
struct Anchor {
    text_offset: usize,
    file_offset: usize,
}

impl MappedText {
    /// Text that is an exact copy of the file from `file_offset` on.
    pub fn verbatim(text: String, file_offset: usize) -> Self {
        MappedText {
            text,
            anchors: vec![Anchor {
                text_offset: 0,
                file_offset,
            }],
        }
    }

    /// An empty text to build with [`MappedText::push`].
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `piece`, which stands for the file bytes starting at `file_offset`.
    pub fn push(&mut self, piece: &str, file_offset: usize) {
        if piece.is_empty() {
            return;
        }
        let text_offset = self.text.len();
        let continues_last = self
            .anchors
            .last()
            .is_some_and(|a| a.file_offset + (text_offset - a.text_offset) == file_offset);
        if !continues_last {
            self.anchors.push(Anchor {
                text_offset,
                file_offset,
            });
        }
        self.text.push_str(piece);
    }

    /// The decoded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The file byte offset of text byte offset `offset`.
    pub fn file_offset(&self, offset: usize) -> usize {
        let i = self.anchors.partition_point(|a| a.text_offset <= offset);
        match i.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(a) => a.file_offset + (offset - a.text_offset),
            None => offset,
        }
    }

    /// The text range that stands for file bytes `range`, if the text holds
    /// them verbatim (a JSON field outside the body, or markup, has none).
    pub fn text_range(&self, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
        let i = self
            .anchors
            .partition_point(|a| a.file_offset <= range.start);
        let anchor = self.anchors.get(i.checked_sub(1)?)?;
        let start = anchor.text_offset + (range.start - anchor.file_offset);
        let end = start + range.len();
        let piece_end = self
            .anchors
            .get(i)
            .map_or(self.text.len(), |a| a.text_offset);
        (end <= piece_end && self.text.is_char_boundary(start) && self.text.is_char_boundary(end))
            .then_some(start..end)
    }

    /// The file byte offset just past text byte `offset - 1`: the end of a
    /// range. Unlike [`MappedText::file_offset`] it stays inside the piece the
    /// last byte belongs to, so a range never swallows markup that follows it.
    pub fn file_end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.file_offset(0);
        }
        self.file_offset(offset - 1) + 1
    }
}

/// Maps file byte offsets to what a citation names: a 1-based line, or
/// for a document without lines of its own (a PDF, a Word file) a page
/// or nothing beyond the paragraph.
#[derive(Debug, Clone)]
pub enum LineIndex {
    /// Start offsets of every line of a file.
    Table(Vec<usize>),
    /// Every offset is on this one line (an article on a line of a `.jsonl` file).
    Fixed(usize),
    /// Start offsets of every page of the extracted text (a PDF).
    Pages(Vec<usize>),
    /// No lines nor pages: passages are cited by paragraph (a DOCX file).
    Paragraphs,
}

impl LineIndex {
    /// Builds the table of line starts of a whole file.
    pub fn of(bytes: &[u8]) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr_newlines(bytes).map(|i| i + 1))
            .collect();
        LineIndex::Table(starts)
    }

    /// The 1-based line that holds file byte `offset`, for a file of lines.
    pub fn line(&self, offset: usize) -> Option<usize> {
        match self {
            LineIndex::Table(starts) => Some(starts.partition_point(|&s| s <= offset).max(1)),
            LineIndex::Fixed(line) => Some(*line),
            LineIndex::Pages(_) | LineIndex::Paragraphs => None,
        }
    }

    /// The 1-based page that holds `offset`, for a paged document.
    pub fn page(&self, offset: usize) -> Option<usize> {
        match self {
            LineIndex::Pages(starts) => Some(starts.partition_point(|&s| s <= offset).max(1)),
            _ => None,
        }
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_map_back_to_their_file_offsets() {
        let mut text = MappedText::new();
        text.push("He said ", 10);
        text.push("\"", 20); // an escape \" two bytes long in the file
        text.push("no", 22);
        assert_eq!(text.as_str(), "He said \"no");
        assert_eq!(text.file_offset(0), 10);
        assert_eq!(text.file_offset(3), 13);
        assert_eq!(text.file_offset(8), 20);
        assert_eq!(text.file_offset(9), 22);
        assert_eq!(text.file_end(11), 24);
        assert_eq!(text.file_end(8), 18);
        assert_eq!(text.text_range(13..15), Some(3..5));
        assert_eq!(text.text_range(22..24), Some(9..11));
        assert_eq!(text.text_range(17..21), None, "spans the escape");
        assert_eq!(text.text_range(0..2), None, "before the text");
    }

    #[test]
    fn contiguous_pieces_share_one_anchor() {
        let mut text = MappedText::new();
        text.push("ab", 0);
        text.push("cd", 2);
        assert_eq!(text.anchors.len(), 1);
    }

    #[test]
    fn lines_are_one_based() {
        let lines = LineIndex::of(b"one\ntwo\n\nfour");
        assert_eq!(lines.line(0), Some(1));
        assert_eq!(lines.line(3), Some(1));
        assert_eq!(lines.line(4), Some(2));
        assert_eq!(lines.line(9), Some(4));
    }
}
