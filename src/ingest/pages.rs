//! Text that comes out of a page layout (a PDF) made to read like the
//! document: running headers, footers and page numbers dropped, words
//! hyphenated at line ends joined, ligatures and soft hyphens undone,
//! lines joined into paragraphs, and a paragraph that runs over a page
//! break joined again.

use std::collections::HashMap;
use std::ops::Range;

use super::article::Paragraph;
use super::paragraphs::looks_like_heading;

/// Pages, each as lines, before they are joined.
type Pages = Vec<Vec<String>>;

/// The body of a paged document: its text, paragraphs and page starts.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PagedText {
    /// Paragraphs separated by blank lines.
    pub text: String,
    /// Each paragraph or heading, as a range of `text`.
    pub paragraphs: Vec<Paragraph>,
    /// The offset in `text` where each page's first paragraph starts; a
    /// paragraph belongs to the page it starts on.
    pub page_starts: Vec<usize>,
}

/// Lines that repeat at the top or bottom of at least this share of pages
/// are running headers or footers.
const RUNNING_SHARE: f64 = 0.5;
/// How many lines at each end of a page may be a header or footer.
const RUNNING_LINES: usize = 3;

/// Joins the text of each page into one body.
pub fn assemble(pages: &[String]) -> PagedText {
    let mut pages: Pages = pages
        .iter()
        .map(|page| clean(page).lines().map(|l| l.trim().to_owned()).collect())
        .collect();
    drop_running_lines(&mut pages);
    let mut out = PagedText::default();
    let mut starts: Vec<Option<usize>> = Vec::with_capacity(pages.len());
    let mut open: Option<String> = None;
    for page in &pages {
        let mut page_start = None;
        for block in blocks(page) {
            match open.take() {
                // A paragraph cut by the page break goes on here.
                Some(mut previous) if continues(&previous, &block) => {
                    join_line(&mut previous, &block);
                    open = Some(previous);
                    continue;
                }
                Some(previous) => push_paragraph(&mut out, previous),
                None => {}
            }
            page_start.get_or_insert(out.text.len() + separator(&out.text).len());
            open = Some(block);
        }
        starts.push(page_start);
    }
    if let Some(last) = open {
        push_paragraph(&mut out, last);
    }
    // A page that only goes on with the paragraph before starts where the
    // next page's first paragraph does (or at the end).
    let mut next = out.text.len();
    for start in starts.iter_mut().rev() {
        next = *start.get_or_insert(next);
    }
    out.page_starts = starts.into_iter().flatten().collect();
    out
}

/// Ligatures as their letters, no soft hyphens, superscript footnote
/// markers out of words, form feeds as line breaks.
fn clean(page: &str) -> String {
    let mut text = String::with_capacity(page.len());
    for c in page.chars() {
        match c {
            'ﬀ' => text.push_str("ff"),
            'ﬁ' => text.push_str("fi"),
            'ﬂ' => text.push_str("fl"),
            'ﬃ' => text.push_str("ffi"),
            'ﬄ' => text.push_str("ffl"),
            'ﬅ' | 'ﬆ' => text.push_str("st"),
            '\u{ad}' => {}
            '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰' => {}
            '\u{c}' | '\r' => text.push('\n'),
            c => text.push(c),
        }
    }
    text
}

/// A line with its digits made alike, so that `Page 3` and `Page 4` are
/// one running line.
fn running_key(line: &str) -> String {
    line.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect::<String>()
        .to_lowercase()
}

/// Drops running headers and footers (lines at a page's top or bottom
/// that most pages share) and bare page numbers.
fn drop_running_lines(pages: &mut Pages) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let mut keys: Vec<String> = ends(page).map(|i| running_key(&page[i])).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *seen.entry(key).or_default() += 1;
        }
    }
    let needed = ((pages.len() as f64) * RUNNING_SHARE).ceil().max(2.0) as usize;
    for page in pages.iter_mut() {
        let drop: Vec<usize> = ends(page)
            .filter(|&i| {
                let line = &page[i];
                is_page_number(line) || seen.get(&running_key(line)).is_some_and(|&n| n >= needed)
            })
            .collect();
        for i in drop.into_iter().rev() {
            page.remove(i);
        }
    }
}

/// Indices of the first and last few non-empty lines of a page.
fn ends(page: &[String]) -> impl Iterator<Item = usize> + '_ {
    let filled: Vec<usize> = (0..page.len()).filter(|&i| !page[i].is_empty()).collect();
    let mut picked: Vec<usize> = filled.iter().take(RUNNING_LINES).copied().collect();
    picked.extend(filled.iter().rev().take(RUNNING_LINES).copied());
    picked.sort_unstable();
    picked.dedup();
    picked.into_iter()
}

/// `12`, `- 12 -`, `Page 12`, `12 of 40`.
fn is_page_number(line: &str) -> bool {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '-' || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    let digits = |w: &&str| w.chars().all(|c| c.is_ascii_digit());
    !words.is_empty()
        && words.iter().any(digits)
        && words
            .iter()
            .all(|w| digits(w) || ["page", "of", "p."].contains(&w.to_lowercase().as_str()))
}

/// A page's paragraphs: runs of lines between blank lines, joined.
fn blocks(page: &[String]) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    for line in page {
        if line.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
            continue;
        }
        if current.is_empty() {
            current.push_str(line);
        } else if is_heading(&current) && !line.chars().next().is_some_and(char::is_lowercase) {
            // A heading alone on its line is its own paragraph.
            blocks.push(std::mem::replace(&mut current, line.clone()));
        } else {
            join_line(&mut current, line);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// Appends a line to a paragraph: a word hyphenated at the line's end is
/// joined (`govern-` `ment`), other lines take a space.
fn join_line(paragraph: &mut String, line: &str) {
    let hyphenated = paragraph.ends_with('-')
        && paragraph[..paragraph.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        && line.chars().next().is_some_and(char::is_lowercase);
    if hyphenated {
        paragraph.pop();
    } else {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

/// A heading in a page layout: short, unpunctuated, and in title case or
/// capitals (every word of four letters or more capitalised), since every
/// wrapped line of prose is short and unpunctuated too.
fn is_heading(text: &str) -> bool {
    let long_words = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4);
    looks_like_heading(text)
        && !ends_sentence(text)
        && long_words
            .clone()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', ')'])
}

/// Whether `next`, the first paragraph of a page, goes on with
/// `previous`, the last of the page before: it did not end a sentence,
/// and the next starts in lower case.
fn continues(previous: &str, next: &str) -> bool {
    !ends_sentence(previous)
        && !is_heading(previous)
        && next.chars().next().is_some_and(char::is_lowercase)
}

fn separator(text: &str) -> &'static str {
    if text.is_empty() {
        ""
    } else {
        "\n\n"
    }
}

fn push_paragraph(out: &mut PagedText, paragraph: String) {
    out.text.push_str(separator(&out.text));
    let start = out.text.len();
    out.text.push_str(&paragraph);
    let range: Range<usize> = start..out.text.len();
    let heading = is_heading(&paragraph);
    out.paragraphs.push(Paragraph { range, heading });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(n: usize, body: &str) -> String {
        format!("Quarterly Review of Harbours\n\n{body}\n\nPage {n} of 3\n")
    }

    #[test]
    fn running_lines_go_and_hyphenated_words_are_whole() {
        let pages = [
            page(
                1,
                "Harbour Dues\n\nThe port authority said the govern-\nment would act.",
            ),
            page(2, "Tonnage rose by a ﬁfth in the\nfirst half."),
            page(3, "Dredging resumed\u{ad} in May."),
        ];
        let body = assemble(&pages);
        assert!(!body.text.contains("Quarterly Review"), "{}", body.text);
        assert!(!body.text.contains("Page 2"), "{}", body.text);
        assert!(
            body.text.contains("the government would act."),
            "{}",
            body.text
        );
        assert!(
            body.text.contains("by a fifth in the first half."),
            "{}",
            body.text
        );
        assert!(
            body.text.contains("Dredging resumed in May."),
            "{}",
            body.text
        );
        assert!(body.paragraphs[0].heading);
        assert_eq!(body.page_starts.len(), 3);
        let second = &body.text[body.page_starts[1]..];
        assert!(second.starts_with("Tonnage"), "{second}");
    }

    #[test]
    fn a_paragraph_cut_by_a_page_break_is_joined_on_its_first_page() {
        let pages = [
            page(1, "The minister said \"we will not"),
            page(2, "give up the harbour\" on Monday."),
            page(3, "Nothing else."),
        ];
        let body = assemble(&pages);
        assert!(
            body.text
                .contains("\"we will not give up the harbour\" on Monday."),
            "{}",
            body.text
        );
        let cut = body.text.find("The minister").expect("paragraph");
        assert!(cut < body.page_starts[1], "it starts on page 1");
    }

    #[test]
    fn page_numbers_alone_are_dropped() {
        assert!(is_page_number("12") && is_page_number("- 12 -") && is_page_number("Page 3 of 9"));
        assert!(!is_page_number("12 ships") && !is_page_number("Page"));
    }
}
