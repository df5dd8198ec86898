//! Finds an article's headline, publication date line and outlet in the
//! first paragraphs of its text, for formats that carry no separate fields.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::article::Paragraph;
use super::paragraphs::{is_list_item, looks_like_heading, trim_range};
use crate::text::DateValue;

/// Metadata read from the opening paragraphs.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Opening {
    /// The headline, or the first sentence cut short.
    pub title: String,
    /// An ISO date from a `date YYYY-MM-DD` line or prefix.
    pub published: Option<String>,
    /// Where that date is written, as a range of the body text.
    pub published_span: Option<Range<usize>>,
    /// The outlet from a `Outlet/ ` or `(Outlet) -` prefix.
    pub source: Option<String>,
}

/// How many opening paragraphs may hold a date line or an outlet prefix.
const OPENING_PARAGRAPHS: usize = 3;
/// Titles made from a first sentence are cut to about this many bytes.
const TITLE_MAX_BYTES: usize = 120;
/// Words that introduce a publication date at the start of an article.
const DATE_LABELS: [&str; 4] = ["date", "dated", "published", "updated"];

/// Reads the opening of `text`, removing a date prefix from the paragraphs
/// (and a paragraph that held only the date) and marking the headline.
pub fn read_opening(text: &str, paragraphs: &mut Vec<Paragraph>) -> Opening {
    let mut opening = Opening::default();
    take_date_line(text, paragraphs, &mut opening);
    opening.source = paragraphs
        .iter()
        .take(OPENING_PARAGRAPHS)
        .find_map(|p| outlet_prefix(&text[p.range.clone()]));
    opening.title = mark_headline(text, paragraphs);
    opening
}

fn take_date_line(text: &str, paragraphs: &mut Vec<Paragraph>, opening: &mut Opening) {
    for i in 0..paragraphs.len().min(OPENING_PARAGRAPHS) {
        let range = paragraphs[i].range.clone();
        let Some((date, span, rest)) = date_prefix(&text[range.clone()]) else {
            continue;
        };
        opening.published = Some(date);
        opening.published_span = Some(range.start + span.start..range.start + span.end);
        let remaining = trim_range(text, range.start + rest..range.end);
        if remaining.is_empty() {
            paragraphs.remove(i);
        } else {
            paragraphs[i].range = remaining;
        }
        return;
    }
}

/// `date 2025-08-15 ...`: the ISO date, the span of the whole label and
/// date, and where the text after it starts.
fn date_prefix(paragraph: &str) -> Option<(String, Range<usize>, usize)> {
    let label_len = paragraph
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(paragraph.len());
    let label = &paragraph[..label_len];
    if !DATE_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label)) {
        return None;
    }
    let after_label = paragraph[label_len..].trim_start_matches(':');
    let date_start = paragraph.len() - after_label.trim_start().len();
    let date = paragraph.get(date_start..date_start + 10)?;
    if !is_iso_date(date) {
        return None;
    }
    let end = date_start + 10;
    let at_word_end = paragraph[end..]
        .chars()
        .next()
        .is_none_or(char::is_whitespace);
    at_word_end.then(|| (date.to_owned(), 0..end, end))
}

/// `YYYY-MM-DD` with a month and day that can exist (not `2023-02-31`).
pub fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && DateValue::parse(s).is_some_and(|d| d.day.is_some())
}

/// `Shafaq News/ As tensions ...` or `WASHINGTON, Oct 4 (Reuters) - ...`.
fn outlet_prefix(paragraph: &str) -> Option<String> {
    slash_outlet(paragraph).or_else(|| dateline_outlet(paragraph))
}

fn slash_outlet(paragraph: &str) -> Option<String> {
    let (name, rest) = paragraph.split_once("/ ")?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (!rest.is_empty() && (1..=4).contains(&words.len()) && capitalised).then(|| words.join(" "))
}

fn dateline_outlet(paragraph: &str) -> Option<String> {
    let head = paragraph
        .get(..paragraph.len().min(120))
        .unwrap_or(paragraph);
    let open = head.find(" (")?;
    let close = open + head[open..].find(')')?;
    let after = head[close + 1..].trim_start();
    let dash = after.starts_with(['-', '–', '—']);
    let dateline_in_caps = head[..open].split(',').next().is_some_and(|place| {
        place.chars().any(char::is_alphabetic) && !place.chars().any(char::is_lowercase)
    });
    let name = head[open + 2..close].trim();
    (dash && dateline_in_caps && !name.is_empty() && name.len() <= 40).then(|| name.to_owned())
}

/// Marks the headline paragraph, if the article opens with one, and returns
/// the title: the headline, else the first sentence cut short.
fn mark_headline(text: &str, paragraphs: &mut [Paragraph]) -> String {
    let Some(first) = paragraphs
        .iter_mut()
        .find(|p| !is_list_item(&text[p.range.clone()]))
    else {
        return String::new();
    };
    let line = &text[first.range.clone()];
    let short = line.len() <= 200 && !line.contains('\n');
    if first.heading || (short && !line.ends_with('.') && looks_like_heading(line)) {
        first.heading = true;
        return line.to_owned();
    }
    cut_title(line.unicode_sentences().next().unwrap_or(line).trim())
}

fn cut_title(sentence: &str) -> String {
    if sentence.len() <= TITLE_MAX_BYTES {
        return sentence.to_owned();
    }
    let mut cut = TITLE_MAX_BYTES;
    while !sentence.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = sentence[..cut].rfind(' ').unwrap_or(cut);
    format!(
        "{}…",
        sentence[..cut].trim_end_matches([',', ';', ':', ' '])
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::paragraphs::split;

    fn opening(text: &str) -> (Opening, Vec<Paragraph>) {
        let mut paragraphs = split(text);
        (read_opening(text, &mut paragraphs), paragraphs)
    }

    #[test]
    fn a_date_glued_to_the_first_sentence_is_found_and_removed() {
        let text = " date 2025-08-15 Fears grew over the plan.\n\nMore text follows here.";
        let (opening, paragraphs) = opening(text);
        assert_eq!(opening.published.as_deref(), Some("2025-08-15"));
        assert_eq!(
            &text[opening.published_span.clone().unwrap()],
            "date 2025-08-15"
        );
        assert_eq!(
            &text[paragraphs[0].range.clone()],
            "Fears grew over the plan."
        );
        assert_eq!(opening.title, "Fears grew over the plan.");
    }

    #[test]
    fn a_date_alone_on_its_line_leaves_no_paragraph() {
        let (opening, paragraphs) = opening("date: 2024-01-31\n\nHeadline Of The Day\n\nBody.");
        assert_eq!(opening.published.as_deref(), Some("2024-01-31"));
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(opening.title, "Headline Of The Day");
    }

    #[test]
    fn impossible_dates_are_not_dates() {
        assert!(!is_iso_date("2025-13-01"));
        assert!(is_iso_date("2025-12-31"));
        assert!(!is_iso_date("2023-02-31"), "a day that does not exist");
        assert!(is_iso_date("2024-02-29") && !is_iso_date("2023-02-29"));
        let (opening, _) = opening("date 2025-13-45 is not a date.");
        assert_eq!(opening.published, None);
    }

    #[test]
    fn bullets_are_skipped_when_looking_for_the_headline() {
        let (opening, paragraphs) = opening("- Policy Analysis\n- Forum\nA Headline Without A Stop\nBody text that goes on for a while, as prose does in articles.");
        assert_eq!(opening.title, "A Headline Without A Stop");
        assert!(paragraphs[2].heading);
    }

    #[test]
    fn long_first_sentences_are_cut() {
        let sentence = format!("{} end.", "word ".repeat(40));
        let (opening, _) = opening(&sentence);
        assert!(opening.title.ends_with('…'));
        assert!(opening.title.len() <= TITLE_MAX_BYTES + '…'.len_utf8());
    }

    #[test]
    fn outlets_are_read_from_prefixes() {
        assert_eq!(
            outlet_prefix("Shafaq News/ As tensions rise"),
            Some("Shafaq News".into())
        );
        assert_eq!(
            outlet_prefix("WASHINGTON, Oct 4 (Reuters) - The"),
            Some("Reuters".into())
        );
        assert_eq!(outlet_prefix("and/ or so"), None);
        assert_eq!(outlet_prefix("The talks (held in May) - failed"), None);
    }
}
