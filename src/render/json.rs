//! JSON Lines output: one object a line, each with a `type`.

use std::io::Write;

use serde::Serialize;

use crate::analyze::{Analysis, EntityKind, Passage, Published, Quote, QuoteKind, Timex};
use crate::check::{CheckResults, CheckedHit};
use crate::search::{
    Citation, DateCount, EntityCount, FacetCount, Hit, QuoteHit, QuoteResults, SearchResults,
    SpeakerCount,
};

/// One line of JSON output.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Record<'a> {
    /// A matching passage.
    Hit(&'a Hit),
    /// The end of a result list.
    Summary {
        /// How many passages match in all.
        total: usize,
        /// How many hits were printed.
        shown: usize,
        /// Search time in milliseconds.
        elapsed_ms: f64,
    },
    /// An article seen by `dossier analyze`.
    Article(ArticleRecord<'a>),
    /// A passage seen by `dossier analyze`.
    Passage(PassageRecord<'a>),
    /// A quotation.
    Quote(QuoteRecord<'a>),
    /// A name of a person, organisation or place, from `dossier analyze`.
    Mention(MentionRecord<'a>),
    /// A date, from `dossier analyze`.
    Date(DateRecord<'a>),
    /// A quotation found by `dossier quotes`.
    #[serde(rename = "quote")]
    QuoteHit(&'a QuoteHit),
    /// A speaker with counts, from `dossier speakers`.
    Speaker(&'a SpeakerCount),
    /// A count of matching passages for a facet value.
    Facet(&'a FacetCount),
    /// An entity with counts, from `dossier entities`.
    Entity(&'a EntityCount),
    /// Passages per year or month, from `dossier dates`.
    DateCount(&'a DateCount),
    /// A passage found by `dossier check`, with its checks and verdict.
    #[serde(rename = "hit")]
    CheckedHit(&'a CheckedHit),
}

/// Where a record is in its file: a line, or the page of a PDF; neither
/// for a Word file, whose records have their paragraph.
#[derive(Debug, Default, Serialize)]
pub struct Place {
    /// 1-based line, in a file of lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based page, in a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
}

impl Place {
    /// The place of body offset `offset`.
    pub fn at(article: &crate::ingest::Article, offset: usize) -> Place {
        Place {
            line: article.line_at(offset),
            page: article.page_at(offset),
        }
    }

    /// The place of file offset `offset`.
    pub fn in_file(article: &crate::ingest::Article, offset: usize) -> Place {
        Place {
            line: article.lines.line(offset),
            page: article.lines.page(offset),
        }
    }
}

/// An entity mention: the name as written and the entity it stands for.
#[derive(Debug, Serialize)]
pub struct MentionRecord<'a> {
    /// The entity's canonical name in the article.
    pub entity: &'a str,
    /// `person`, `org` or `place`.
    pub kind: EntityKind,
    /// The name as written.
    pub text: &'a str,
    /// Where it stands in its file.
    #[serde(flatten)]
    pub citation: Citation,
}

/// A date: its ISO value, as written, and whether it dates the article.
/// Not a [`Citation`]: a publication date that only the metadata gives
/// has no byte range in the file.
#[derive(Debug, Serialize)]
pub struct DateRecord<'a> {
    /// ISO 8601 at the precision written: `2023`, `2023-10`, `2023-10-07`.
    pub value: String,
    /// The expression as written.
    pub text: &'a str,
    /// `published` (the article's date) or `mentioned`.
    pub role: &'static str,
    /// Article id.
    pub doc: &'a str,
    /// File path.
    pub path: &'a str,
    /// The line, or the page of a PDF.
    #[serde(flatten)]
    pub place: Place,
    /// File byte offset of the expression, if it is in the file.
    pub start: Option<usize>,
    /// File byte offset of its end.
    pub end: Option<usize>,
}

/// A quotation with its speaker and where both are in the file.
#[derive(Debug, Serialize)]
pub struct QuoteRecord<'a> {
    /// The speaker's fullest name, or null.
    pub speaker: Option<&'a str>,
    /// The quoted text, without quotation marks.
    pub text: &'a str,
    /// `direct` or `partial`.
    pub kind: QuoteKind,
    /// Where the quoted text stands.
    #[serde(flatten)]
    pub citation: Citation,
    /// File byte range of the name the speaker was resolved from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_start: Option<usize>,
    /// End of that range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_end: Option<usize>,
    /// The article's publication date.
    pub published: Option<String>,
    /// The dates of its passage (ISO), publication date included.
    pub dates: Vec<String>,
}

/// An article's metadata and where it is in the file.
#[derive(Debug, Serialize)]
pub struct ArticleRecord<'a> {
    /// Where the article's text stands.
    #[serde(flatten)]
    pub citation: Citation,
    /// Title.
    pub title: &'a str,
    /// Outlet, when stated.
    pub source: Option<&'a str>,
    /// Address, when stated.
    pub url: Option<&'a str>,
    /// Publication date, ISO.
    pub published: Option<String>,
    /// Number of passages.
    pub passages: usize,
}

/// A passage with its provenance.
#[derive(Debug, Serialize)]
pub struct PassageRecord<'a> {
    /// Where the passage stands.
    #[serde(flatten)]
    pub citation: Citation,
    /// True for headings.
    pub heading: bool,
    /// The passage text.
    pub text: &'a str,
}

/// Writes one record as a line.
pub fn write_record(out: &mut dyn Write, record: &Record<'_>) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, record)?;
    out.write_all(b"\n")
}

/// Writes search results: `hit` lines, then a `summary` line.
pub fn write_results(out: &mut dyn Write, results: &SearchResults) -> std::io::Result<()> {
    for hit in &results.hits {
        write_record(out, &Record::Hit(hit))?;
    }
    for facet in &results.facets {
        write_record(out, &Record::Facet(facet))?;
    }
    write_summary(out, results.total, results.hits.len(), results.elapsed)
}

/// Writes claim check results: `hit` lines with `checks` and `verdict`,
/// then a `summary` line.
pub fn write_checks(out: &mut dyn Write, results: &CheckResults) -> std::io::Result<()> {
    for hit in &results.hits {
        write_record(out, &Record::CheckedHit(hit))?;
    }
    write_summary(out, results.total, results.hits.len(), results.elapsed)
}

/// The `summary` line that ends a result list.
fn write_summary(
    out: &mut dyn Write,
    total: usize,
    shown: usize,
    elapsed: std::time::Duration,
) -> std::io::Result<()> {
    let elapsed_ms = elapsed.as_secs_f64() * 1000.0;
    write_record(
        out,
        &Record::Summary {
            total,
            shown,
            elapsed_ms,
        },
    )
}

/// Writes `quote` lines, then a `summary` line.
pub fn write_quotes(out: &mut dyn Write, results: &QuoteResults) -> std::io::Result<()> {
    for hit in &results.hits {
        write_record(out, &Record::QuoteHit(hit))?;
    }
    write_summary(out, results.total, results.hits.len(), results.elapsed)
}

/// Writes one `entity` line per entity.
pub fn write_entities(out: &mut dyn Write, entities: &[EntityCount]) -> std::io::Result<()> {
    for entity in entities {
        write_record(out, &Record::Entity(entity))?;
    }
    Ok(())
}

/// Writes one `date_count` line per year or month.
pub fn write_dates(out: &mut dyn Write, counts: &[DateCount]) -> std::io::Result<()> {
    for count in counts {
        write_record(out, &Record::DateCount(count))?;
    }
    Ok(())
}

/// Writes one `speaker` line per speaker.
pub fn write_speakers(out: &mut dyn Write, speakers: &[SpeakerCount]) -> std::io::Result<()> {
    for speaker in speakers {
        write_record(out, &Record::Speaker(speaker))?;
    }
    Ok(())
}

/// Writes what analysis saw in an article: an `article` line, then `passage` lines.
pub fn write_analysis(out: &mut dyn Write, analysis: &Analysis) -> std::io::Result<()> {
    let article = &analysis.article;
    write_record(
        out,
        &Record::Article(ArticleRecord {
            citation: Citation::of(article, 0..article.body.as_str().len(), None),
            title: &article.title,
            source: article.source.as_deref(),
            url: article.url.as_deref(),
            published: analysis.published.as_ref().map(|p| p.value.to_string()),
            passages: analysis.passages.len(),
        }),
    )?;
    if let Some(published) = &analysis.published {
        write_record(out, &Record::Date(published_record(analysis, published)))?;
    }
    for passage in &analysis.passages {
        write_record(out, &Record::Passage(passage_record(analysis, passage)))?;
        for quote in &passage.quotes {
            write_record(out, &Record::Quote(quote_record(analysis, passage, quote)))?;
        }
        for mention in &passage.mentions {
            let record = MentionRecord {
                entity: &mention.entity,
                kind: mention.kind,
                text: article.text(mention.range.clone()),
                citation: Citation::of(article, mention.range.clone(), Some(passage.paragraph)),
            };
            write_record(out, &Record::Mention(record))?;
        }
        for date in &passage.dates {
            let range = article.file_range(date.range.clone());
            let record = DateRecord {
                value: date.value.to_string(),
                text: article.text(date.range.clone()),
                role: "mentioned",
                doc: &article.doc,
                path: &article.path,
                place: Place::at(article, date.range.start),
                start: Some(range.start),
                end: Some(range.end),
            };
            write_record(out, &Record::Date(record))?;
        }
    }
    Ok(())
}

/// The record of an article's publication date: as written where the body
/// holds it (`date 2025-08-15`), else as the metadata gave it.
fn published_record<'a>(analysis: &'a Analysis, published: &'a Published) -> DateRecord<'a> {
    let article = &analysis.article;
    let span = published.span.clone();
    let written = span
        .clone()
        .and_then(|s| article.body.text_range(s))
        .map(|r| article.text(r));
    let text = written.or(article.published.as_deref()).unwrap_or_default();
    DateRecord {
        value: published.value.to_string(),
        text,
        role: "published",
        doc: &article.doc,
        path: &article.path,
        place: Place::in_file(article, span.as_ref().map_or(0, |s| s.start)),
        start: span.as_ref().map(|s| s.start),
        end: span.as_ref().map(|s| s.end),
    }
}

/// The record of a quotation found by analysis.
pub fn quote_record<'a>(
    analysis: &'a Analysis,
    passage: &Passage,
    quote: &'a Quote,
) -> QuoteRecord<'a> {
    let article = &analysis.article;
    let speaker_range = quote
        .speaker
        .as_ref()
        .and_then(|s| s.mention.clone())
        .map(|m| article.file_range(m));
    QuoteRecord {
        speaker: quote.speaker.as_ref().map(|s| s.name.as_str()),
        text: article.text(quote.inner.clone()),
        kind: quote.kind,
        citation: Citation::of(article, quote.inner.clone(), Some(passage.paragraph)),
        speaker_start: speaker_range.as_ref().map(|r| r.start),
        speaker_end: speaker_range.map(|r| r.end),
        published: analysis.published.as_ref().map(|p| p.value.to_string()),
        dates: iso(&analysis.passage_dates(passage)),
    }
}

fn iso(dates: &[Timex]) -> Vec<String> {
    dates.iter().map(Timex::to_string).collect()
}

/// The provenance record of a passage.
pub fn passage_record<'a>(analysis: &'a Analysis, passage: &Passage) -> PassageRecord<'a> {
    let article = &analysis.article;
    PassageRecord {
        citation: Citation::of(article, passage.range.clone(), Some(passage.paragraph)),
        heading: passage.heading,
        text: analysis.text(passage),
    }
}
