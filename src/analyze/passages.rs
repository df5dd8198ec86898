//! Cuts paragraphs into passages: the unit that is indexed and returned.
//!
//! Most paragraphs are one passage. A very long one is split at sentence
//! boundaries (Unicode UAX #29) so that a hit points at a readable span, not
//! at a wall of text.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Paragraphs up to this size stay whole.
pub const MAX_PASSAGE_BYTES: usize = 1500;
/// Split paragraphs are cut into passages of about this size.
const TARGET_PASSAGE_BYTES: usize = 1000;

/// Ranges of `text[range]` (as ranges of `text`) that make bounded passages.
pub fn split_paragraph(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    if range.len() <= MAX_PASSAGE_BYTES {
        return vec![range];
    }
    let mut passages = Vec::new();
    let mut start = range.start;
    let mut end = range.start;
    for (offset, sentence) in text[range.clone()].split_sentence_bound_indices() {
        let sentence_start = range.start + offset;
        let sentence_end = sentence_start + sentence.len();
        if end > start && sentence_end - start > TARGET_PASSAGE_BYTES {
            passages.push(trimmed(text, start..end));
            start = sentence_start;
        }
        end = sentence_end;
        while end - start > MAX_PASSAGE_BYTES {
            let cut = word_boundary_before(text, start, start + TARGET_PASSAGE_BYTES);
            passages.push(trimmed(text, start..cut));
            start = cut;
        }
    }
    if end > start {
        passages.push(trimmed(text, start..end));
    }
    passages.retain(|r| !r.is_empty());
    passages
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    start..range.start + s.trim_end().len().max(start - range.start)
}

/// The last word boundary at or before `limit` (a char boundary at worst).
fn word_boundary_before(text: &str, start: usize, limit: usize) -> usize {
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    match text[start..cut].rfind(char::is_whitespace) {
        Some(space) if space > 0 => start + space,
        _ => cut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_paragraphs_stay_whole() {
        let text = "One sentence. Two sentences.";
        assert_eq!(split_paragraph(text, 0..text.len()), vec![0..text.len()]);
    }

    #[test]
    fn long_paragraphs_split_at_sentence_ends_within_bounds() {
        let sentence = "This sentence is about sixty bytes long, give or take some. ";
        let text = sentence.repeat(60);
        let passages = split_paragraph(&text, 0..text.len());
        assert!(passages.len() > 1);
        for p in &passages {
            assert!(p.len() <= MAX_PASSAGE_BYTES);
            assert!(text[p.clone()].ends_with("some."), "{:?}", &text[p.clone()]);
        }
        let covered: usize = passages.iter().map(|p| p.len()).sum();
        assert!(covered >= text.trim().len() - passages.len());
    }

    #[test]
    fn one_endless_sentence_is_cut_at_words() {
        let text = "word ".repeat(1000);
        let passages = split_paragraph(&text, 0..text.len());
        assert!(passages
            .iter()
            .all(|p| p.len() <= MAX_PASSAGE_BYTES && !p.is_empty()));
        assert!(passages.iter().all(|p| text[p.clone()].starts_with("word")));
    }
}
