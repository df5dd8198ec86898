//! Splits a body text into paragraphs and headings.
//!
//! Articles come in two layouts. Scraped copy is often written one
//! paragraph per line, with or without blank lines between: any line longer
//! than a wrap width gives that away, and then every line is a paragraph.
//! Otherwise the text is hard-wrapped and paragraphs are separated by blank
//! lines; inside a block, list items, Markdown headings and a short heading
//! line at its top still stand on their own.

use std::ops::Range;

use super::article::Paragraph;

/// Hard-wrapped text has no line longer than this.
const WRAP_WIDTH: usize = 100;
/// A heading is short: at most this many words ...
const HEADING_MAX_WORDS: usize = 15;
/// ... and this many bytes.
const HEADING_MAX_BYTES: usize = 150;

/// Splits `text` into paragraphs, each a trimmed range into `text`.
pub fn split(text: &str) -> Vec<Paragraph> {
    let blocks = blocks(text);
    let one_per_line = blocks.iter().flatten().any(|line| line.len() > WRAP_WIDTH);
    let mut paragraphs = Vec::new();
    for block in blocks {
        if one_per_line {
            for line in block {
                push_line(text, line, &mut paragraphs);
            }
        } else {
            split_wrapped_block(text, &block, &mut paragraphs);
        }
    }
    paragraphs
}

/// Runs of non-blank lines, each line as a trimmed range.
fn blocks(text: &str) -> Vec<Vec<Range<usize>>> {
    let mut blocks = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let range = trim_range(text, start..start + line.len());
        start += line.len();
        if range.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(range);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// A line that is a paragraph (or heading) of its own.
fn push_line(text: &str, line: Range<usize>, out: &mut Vec<Paragraph>) {
    let paragraph = match markdown_heading(text, line.clone()) {
        Some(range) => Paragraph {
            range,
            heading: true,
        },
        None => Paragraph {
            heading: looks_like_heading(&text[line.clone()]),
            range: line,
        },
    };
    out.push(paragraph);
}

fn split_wrapped_block(text: &str, lines: &[Range<usize>], out: &mut Vec<Paragraph>) {
    let widest = lines.iter().map(Range::len).max().unwrap_or(0);
    let mut prose: Option<Range<usize>> = None;
    for (i, line) in lines.iter().enumerate() {
        let s = &text[line.clone()];
        let short_heading = prose.is_none()
            && i + 1 < lines.len()
            && looks_like_heading(s)
            && line.len() * 5 < widest * 3;
        if short_heading || is_list_item(s) || markdown_heading(text, line.clone()).is_some() {
            flush(prose.take(), out);
            push_line(text, line.clone(), out);
        } else {
            prose = Some(prose.map_or(line.clone(), |p| p.start..line.end));
        }
    }
    flush(prose, out);
}

fn flush(prose: Option<Range<usize>>, out: &mut Vec<Paragraph>) {
    if let Some(range) = prose {
        out.push(Paragraph {
            range,
            heading: false,
        });
    }
}

/// A bulleted or numbered list item.
pub fn is_list_item(line: &str) -> bool {
    let numbered = line.split_once(". ").is_some_and(|(n, _)| {
        !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
    });
    numbered || ["- ", "* ", "• ", "+ "].iter().any(|b| line.starts_with(b))
}

/// The text of a Markdown ATX heading (`## Title`), without its marks.
fn markdown_heading(text: &str, line: Range<usize>) -> Option<Range<usize>> {
    let s = &text[line.clone()];
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 || !s[hashes..].starts_with([' ', '\t']) {
        return None;
    }
    let inner = trim_range(text, line.start + hashes..line.end);
    let trailing = text[inner.clone()].trim_end_matches('#').trim_end().len();
    let inner = inner.start..inner.start + trailing;
    (!inner.is_empty()).then_some(inner)
}

/// A short line without closing punctuation: a headline or section title.
pub fn looks_like_heading(line: &str) -> bool {
    let ends_like_prose = line
        .chars()
        .last()
        .is_some_and(|c| ".!?:;,\"”’…)]".contains(c));
    let starts_like_title = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    !ends_like_prose
        && starts_like_title
        && line.len() <= HEADING_MAX_BYTES
        && line.split_whitespace().count() <= HEADING_MAX_WORDS
}

/// Shrinks a range of `text` to exclude surrounding white space.
pub fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.start + s.trim_end().len();
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, paragraphs: &[Paragraph]) -> Vec<&'a str> {
        paragraphs.iter().map(|p| &text[p.range.clone()]).collect()
    }

    #[test]
    fn list_items_and_a_short_heading_stand_alone_in_wrapped_text() {
        let text =
            "Short Title\nA line of prose that wraps at a width,\nand ends here.\n- one\n- two";
        let paragraphs = split(text);
        assert_eq!(
            texts(text, &paragraphs),
            [
                "Short Title",
                "A line of prose that wraps at a width,\nand ends here.",
                "- one",
                "- two"
            ]
        );
        assert!(paragraphs[0].heading);
    }

    #[test]
    fn one_paragraph_per_line_when_lines_are_long() {
        let long = "word ".repeat(30);
        let text = format!("Headline here\n{long}\n{long}\n");
        let paragraphs = split(&text);
        assert_eq!(paragraphs.len(), 3);
        assert!(paragraphs[0].heading);
        assert!(!paragraphs[1].heading);
    }

    #[test]
    fn hard_wrapped_blocks_are_one_paragraph() {
        let text = "First line of prose that wraps,\nand goes on here.\n\nSecond paragraph.\n";
        let paragraphs = split(text);
        assert_eq!(
            texts(text, &paragraphs),
            [
                "First line of prose that wraps,\nand goes on here.",
                "Second paragraph."
            ]
        );
    }

    #[test]
    fn markdown_headings_lose_their_marks() {
        let text = "## The Section ##\nBody text of the section, which is prose.";
        let paragraphs = split(text);
        assert_eq!(texts(text, &paragraphs)[0], "The Section");
        assert!(paragraphs[0].heading);
    }

    #[test]
    fn sentences_are_not_headings() {
        assert!(!looks_like_heading("He said so."));
        assert!(!looks_like_heading("lower case start"));
        assert!(looks_like_heading(
            "Political dynamics behind the ceasefire"
        ));
    }
}
