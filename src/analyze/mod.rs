//! Stage 2, analyze: turns an [`Article`] into passages, the unit that is
//! indexed, with what each passage contains.
//!
//! - `passages`: bounded passages cut from paragraphs at sentence ends.
//! - `quotations`: spans between quotation marks.
//! - `lexer`: words, punctuation and quotations as tokens; sentences.
//! - `names`: names in sentences, titles and roles, fullest forms.
//! - `attribution`: the speaker and kind of every quotation.
//! - `places`: known places and the peoples named after them.
//! - `entities`: people, organisations and places, and their values.
//! - `tagger`: the trained entity tagger (people, organisations, places).
//! - `dates`: dates mentioned and the publication date, normalized.
//! - `wordlists`: general English word lists (reporting verbs, titles).

mod attribution;
mod companies;
mod dates;
mod entities;
mod entity_kinds;
mod lexer;
mod names;
mod passages;
mod places;
pub mod quotations;
mod reading;
mod register;
mod speech_words;
pub mod tagger;
#[cfg(test)]
mod test_cases;
mod wordlists;

use std::collections::HashMap;
use std::ops::Range;

pub use attribution::{Quote, QuoteKind, Speaker};
pub use dates::{day_number, DateMention, DateValue, Season, Timex};
pub(crate) use entities::{abbreviates, acronym_letters, is_acronym, name_key};
pub use entities::{skeleton, EntityKind, EntityMention};
pub use names::fold as fold_name;
pub(crate) use names::{is_female_honorific, is_honorific};
pub use passages::MAX_PASSAGE_BYTES;
pub use quotations::Quotation;
pub use register::{is_short_form, name_words};
pub use wordlists::{abbreviations, initials_words, is_fall_word, is_rise_word};

pub(crate) use places::{is_demonym, is_known_place};
pub(crate) use wordlists::{
    cardinal, is_calendar_word, is_division_word, is_given_name, is_name_connector,
    is_not_a_name_word, is_org_word, is_person_role, is_title_head, is_title_word,
    state_abbreviated, WordSet,
};

use crate::ingest::Article;

/// An article and what analysis found in it.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The article as ingested.
    pub article: Article,
    /// Its passages in reading order.
    pub passages: Vec<Passage>,
    /// When it was published, if known.
    pub published: Option<Published>,
}

/// An article's publication date and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// The date.
    pub value: DateValue,
    /// The file byte range that states it, unless it came from outside
    /// the text (a JSON field).
    pub span: Option<Range<usize>>,
}

/// A passage: a paragraph, or a bounded part of a long one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// 1-based number of the paragraph it comes from, within the article.
    pub paragraph: usize,
    /// Byte range into the article's body text.
    pub range: Range<usize>,
    /// True for headings.
    pub heading: bool,
    /// Quotations that start in this passage, with kind and speaker.
    pub quotes: Vec<Quote>,
    /// People, organisations and places named in this passage.
    pub mentions: Vec<EntityMention>,
    /// Dates mentioned in this passage (body ranges).
    pub dates: Vec<DateMention>,
}

/// The dates of a short text read as if published on `published`: what
/// `dossier check` makes of a claim's `last March` against each article.
pub fn dates_as_of(text: &str, published: DateValue) -> Vec<DateMention> {
    dates::find(text, &mut dates::Context::new(Some(published)))
}

/// Analyzes one article.
pub fn analyze(article: Article) -> Analysis {
    let text = article.body.as_str();
    let ranges: Vec<Range<usize>> = article.paragraphs.iter().map(|p| p.range.clone()).collect();
    let quotations: Vec<Vec<Quotation>> = ranges
        .iter()
        .map(|range| shifted(quotations::find(&text[range.clone()]), range.start))
        .collect();
    let headings: Vec<bool> = article.paragraphs.iter().map(|p| p.heading).collect();
    let reading = reading::read(text, &ranges, &headings, &quotations);
    let mut quotes = attribution::attribute(&reading);
    let mentions = entities::tag(&reading);
    name_speakers_as_tagged(&mut quotes, &mentions);
    let published = publication(&article);
    let mut context = dates::Context::new(published.as_ref().map(|p| p.value));
    let dates: Vec<Vec<DateMention>> = ranges
        .iter()
        .zip(&reading.views)
        .map(|(range, view)| {
            let found = dates::find_in_tokens(&text[range.clone()], &view.plain, &mut context);
            found
                .into_iter()
                .map(|d| DateMention {
                    range: d.range.start + range.start..d.range.end + range.start,
                    value: d.value,
                })
                .collect()
        })
        .collect();
    let mut passages = Vec::new();
    let paragraphs = article
        .paragraphs
        .iter()
        .enumerate()
        .zip(quotes)
        .zip(mentions)
        .zip(dates);
    for ((((number, paragraph), quotes), mentions), dates) in paragraphs {
        let mut quotes = quotes.into_iter().peekable();
        let mut mentions = mentions.into_iter().peekable();
        let mut dates = dates.into_iter().peekable();
        for range in passages::split_paragraph(text, paragraph.range.clone()) {
            passages.push(Passage {
                paragraph: number + 1,
                heading: paragraph.heading,
                quotes: take_while(&mut quotes, |q| q.outer.start < range.end),
                mentions: take_while(&mut mentions, |m| m.range.start < range.end),
                dates: take_while(&mut dates, |d| d.range.start < range.end),
                range,
            });
        }
    }
    Analysis {
        article,
        passages,
        published,
    }
}

/// The publication date the metadata gives (a `date` line, a JSON field,
/// HTML meta), or else a wire dateline's; never the file's time.
fn publication(article: &Article) -> Option<Published> {
    let stated = article.published.as_deref().and_then(|date| {
        DateValue::parse(date.get(..10).unwrap_or(date)).or_else(|| DateValue::parse(date))
    });
    if let Some(value) = stated {
        return Some(Published {
            value,
            span: article.published_span.clone(),
        });
    }
    let text = article.body.as_str();
    let first = article.paragraphs.iter().find(|p| !p.heading)?;
    let (range, value) = dates::dateline(&text[first.range.clone()], text)?;
    let body_range = range.start + first.range.start..range.end + first.range.start;
    Some(Published {
        value,
        span: Some(article.file_range(body_range)),
    })
}

/// A speaker that the tagger took for an organisation or a place is
/// named by that entity's value in the article, as its mentions are:
/// `Kataib Sayyid al-Shuhada said` speaks for `Kataeb Sayyid al-Shuhada`,
/// the spelling the article names it by most. Only another spelling of
/// the same name is replaced: a speaker the attribution resolved further
/// (`Al-Fartousi` to `Kazem Al-Fartousi`, which the tagger may take for
/// an organisation) keeps its name, and so do people.
fn name_speakers_as_tagged(quotes: &mut [Vec<Quote>], mentions: &[Vec<EntityMention>]) {
    let tagged: HashMap<usize, &EntityMention> = mentions
        .iter()
        .flatten()
        .filter(|m| m.kind != EntityKind::Person)
        .map(|m| (m.range.start, m))
        .collect();
    for speaker in quotes
        .iter_mut()
        .flatten()
        .filter_map(|q| q.speaker.as_mut())
    {
        let at = speaker.mention.as_ref().map(|range| range.start);
        let Some(mention) = at.and_then(|start| tagged.get(&start)) else {
            continue;
        };
        if skeleton(&speaker.name) == skeleton(&mention.entity) {
            speaker.name.clone_from(&mention.entity);
        }
    }
}

/// The leading items that satisfy `keep`, taken off `items`. A paragraph
/// of 50 MB has 50,000 passages: each takes its share in one pass.
fn take_while<T>(
    items: &mut std::iter::Peekable<std::vec::IntoIter<T>>,
    keep: impl Fn(&T) -> bool,
) -> Vec<T> {
    std::iter::from_fn(|| items.next_if(&keep)).collect()
}

fn shifted(quotations: Vec<Quotation>, by: usize) -> Vec<Quotation> {
    let shift = |r: Range<usize>| r.start + by..r.end + by;
    quotations
        .into_iter()
        .map(|q| Quotation {
            inner: shift(q.inner),
            outer: shift(q.outer),
            closed: q.closed,
        })
        .collect()
}

impl Analysis {
    /// The text of a passage.
    pub fn text(&self, passage: &Passage) -> &str {
        self.article.text(passage.range.clone())
    }

    /// A passage's dates: those it mentions and its article's publication
    /// date, each once, in order.
    pub fn passage_dates(&self, passage: &Passage) -> Vec<Timex> {
        let mentioned = passage.dates.iter().map(|d| d.value);
        let mut dates: Vec<Timex> = mentioned
            .chain(self.published.as_ref().map(|p| Timex::Date(p.value)))
            .collect();
        dates.sort_unstable();
        dates.dedup();
        dates
    }

    /// The quoted speech of a passage, joined, for the `quote` field.
    pub fn quoted_speech(&self, passage: &Passage) -> String {
        let parts: Vec<&str> = passage
            .quotes
            .iter()
            .map(|q| self.article.text(q.inner.clone()))
            .collect();
        parts.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{parse, Format};

    #[test]
    fn passages_carry_paragraph_numbers_and_quotations() {
        let file = "Headline\nHe said, \"It is done.\" Then he left the room quietly.\n";
        let article = parse(file.as_bytes(), "a.txt", Format::Text)
            .articles
            .remove(0);
        let analysis = analyze(article);
        assert_eq!(analysis.passages.len(), 2);
        let second = &analysis.passages[1];
        assert_eq!(second.paragraph, 2);
        assert!(!second.heading);
        assert_eq!(analysis.quoted_speech(second), "It is done.");
    }

    #[test]
    fn an_organisation_speaks_under_its_value_in_the_article() {
        // The speaker is spelled as the article's entity value is not.
        let file = "Headline\n\nSaraya al-Salam fighters deployed on Monday.\n\n\
                    Saraya al-Salam commanders met in Najaf.\n\n\
                    \"We will not withdraw,\" Saraya al-Salaam said in a statement.\n";
        let article = parse(file.as_bytes(), "a.txt", Format::Text)
            .articles
            .remove(0);
        let analysis = analyze(article);
        let mentions: Vec<&EntityMention> =
            analysis.passages.iter().flat_map(|p| &p.mentions).collect();
        let speakers: Vec<&Speaker> = analysis
            .passages
            .iter()
            .flat_map(|p| &p.quotes)
            .filter_map(|q| q.speaker.as_ref())
            .collect();
        assert_eq!(speakers.len(), 1, "{speakers:?}");
        let at = speakers[0].mention.clone().expect("named");
        let mention = mentions
            .iter()
            .find(|m| m.range.start == at.start)
            .expect("the speaker's name is tagged");
        assert_ne!(mention.kind, EntityKind::Person, "{mentions:?}");
        assert_eq!(speakers[0].name, mention.entity, "{mentions:?}");
    }
}
