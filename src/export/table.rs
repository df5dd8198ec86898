//! CSV for spreadsheets: a header row, then one row per record, fields
//! quoted by the csv crate wherever they hold commas, quotation marks or
//! line breaks (RFC 4180). Several values in one field are joined with
//! `; `.

use std::io::Write;

use super::{Item, What};
use crate::error::{Error, Result};
use crate::search::Hit;

const PASSAGE_COLUMNS: [&str; 12] = [
    "doc",
    "path",
    "line",
    "title",
    "published",
    "source",
    "text",
    "speakers",
    "people",
    "organisations",
    "places",
    "dates",
];
const QUOTE_COLUMNS: [&str; 7] = [
    "speaker",
    "text",
    "kind",
    "doc",
    "path",
    "line",
    "published",
];
const ENTITY_COLUMNS: [&str; 5] = ["id", "name", "kind", "variants", "passages"];

/// Writes the rows of one kind of record.
pub struct Writer {
    csv: csv::Writer<Box<dyn Write>>,
}

fn csv_error(error: csv::Error) -> Error {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => Error::Output(io),
        other => Error::Output(std::io::Error::other(format!("{other:?}"))),
    }
}

impl Writer {
    /// A writer to `out` that has written the header for `what`.
    pub fn new(out: Box<dyn Write>, what: What) -> Result<Writer> {
        let mut csv = csv::Writer::from_writer(out);
        let header: &[&str] = match what {
            What::Passages => &PASSAGE_COLUMNS,
            What::Quotes => &QUOTE_COLUMNS,
            What::Entities => &ENTITY_COLUMNS,
        };
        csv.write_record(header).map_err(csv_error)?;
        Ok(Writer { csv })
    }

    /// Writes one record's row.
    pub fn write(&mut self, item: Item<'_>) -> Result<()> {
        let row: Vec<String> = match item {
            Item::Passage(hit) => passage_row(hit),
            Item::Quote(quote) => vec![
                quote.speaker.clone().unwrap_or_default(),
                quote.text.clone(),
                quote.kind.as_str().to_owned(),
                quote.citation.doc.clone(),
                quote.citation.path.clone(),
                quote.citation.locator(),
                quote.published.clone().unwrap_or_default(),
            ],
            Item::Entity(entity) => vec![
                entity.id.clone(),
                entity.name.clone(),
                entity.kind.as_str().to_owned(),
                entity.variants.join("; "),
                entity.passages.to_string(),
            ],
        };
        self.csv.write_record(&row).map_err(csv_error)
    }

    /// Flushes what is buffered.
    pub fn finish(mut self) -> Result<()> {
        self.csv.flush().map_err(Error::Output)
    }
}

fn passage_row(hit: &Hit) -> Vec<String> {
    let names = |kind: &str| {
        hit.entities
            .iter()
            .filter(|e| e.kind.as_str() == kind)
            .map(|e| e.name.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    vec![
        hit.citation.doc.clone(),
        hit.citation.path.clone(),
        hit.citation.locator(),
        hit.title.clone(),
        hit.published.clone().unwrap_or_default(),
        hit.source.clone().unwrap_or_default(),
        hit.text.clone(),
        hit.speakers.join("; "),
        names("person"),
        names("org"),
        names("place"),
        hit.dates.join("; "),
    ]
}
