//! `dossier export`: the passages, quotations or entities that match a
//! search, written for somewhere else: a spreadsheet (CSV), a pipeline
//! (NDJSON, the `--json` records), or an archive beyond one machine
//! (Quickwit, OpenSearch), with dossier's analysis in their fields.
//!
//! - `table`: the CSV rows of each kind of record.
//! - `archive`: the passage document of the archives, their one field
//!   table, and the Quickwit and OpenSearch files made from it.
//!
//! Every export streams: one record is read from the index, converted and
//! written at a time (see [`Searcher::each`]).

mod archive;
mod table;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

pub use archive::{ArchiveField, FieldType, ARCHIVE_FIELDS, INDEX_NAME};

use crate::error::{Error, Result};
use crate::render::json::{write_record, Record};
use crate::search::{Filters, Hit, QuoteHit, Searcher};

/// The format an export is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RFC 4180 CSV with a header row.
    Csv,
    /// JSON Lines: the records of `--json`.
    Ndjson,
    /// A folder ready for `quickwit index ingest`.
    Quickwit,
    /// A folder ready for OpenSearch's `_bulk` API.
    Opensearch,
}

/// What an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// Passages.
    Passages,
    /// Quotations with their speakers.
    Quotes,
    /// People, organisations and places with their counts.
    Entities,
}

impl What {
    /// `passages`, `quotations` or `entities`, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            What::Passages => "passages",
            What::Quotes => "quotations",
            What::Entities => "entities",
        }
    }
}

/// An export to make.
#[derive(Debug, Clone)]
pub struct Export<'a> {
    /// The search whose matches are exported; everything without one.
    pub query: Option<&'a str>,
    /// Filters, as for `search`.
    pub filters: &'a Filters,
    /// The format.
    pub format: Format,
    /// What to export.
    pub what: What,
    /// The file (CSV, NDJSON) or folder (Quickwit, OpenSearch) to write;
    /// standard output for a file format without one.
    pub output: Option<PathBuf>,
}

impl Export<'_> {
    /// Refuses what cannot be exported, before anything is read: an
    /// archive export holds passages only.
    pub fn check(&self) -> Result<()> {
        let archive = matches!(self.format, Format::Quickwit | Format::Opensearch);
        if archive && self.what != What::Passages {
            return Err(Error::Argument {
                argument: "--what".into(),
                message: format!(
                    "an archive export holds passages; export {} as csv or ndjson",
                    self.what.noun()
                ),
            });
        }
        Ok(())
    }
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Records written.
    pub records: u64,
    /// Where, as shown to the user (`-` for standard output).
    pub written_to: String,
}

/// Runs an export; `progress` is told of every record written.
pub fn export(searcher: &Searcher, export: &Export<'_>, progress: &dyn Fn(u64)) -> Result<Summary> {
    match export.format {
        Format::Csv | Format::Ndjson => {
            let (out, written_to) = open_output(export.output.as_deref())?;
            let records = write_file(searcher, export, out, progress)?;
            Ok(Summary {
                records,
                written_to,
            })
        }
        Format::Quickwit | Format::Opensearch => {
            export.check()?;
            let default = match export.format {
                Format::Quickwit => "dossier-quickwit",
                _ => "dossier-opensearch",
            };
            let folder = export
                .output
                .clone()
                .unwrap_or_else(|| PathBuf::from(default));
            let records = archive::write(searcher, export, &folder, progress)?;
            Ok(Summary {
                records,
                written_to: folder.display().to_string(),
            })
        }
    }
}

/// How many records an export will write, for a progress bar.
pub fn count(searcher: &Searcher, export: &Export<'_>) -> Result<u64> {
    Ok(match export.what {
        What::Passages => searcher.count_passages(export.query, export.filters)? as u64,
        What::Quotes => searcher.quotes(export.query, 0, export.filters)?.total as u64,
        What::Entities => searcher.entities(None, export.query, usize::MAX)?.len() as u64,
    })
}

/// The file to write, buffered, and its name for the summary.
fn open_output(path: Option<&Path>) -> Result<(Box<dyn Write>, String)> {
    match path {
        None => Ok((Box::new(BufWriter::new(std::io::stdout())), "-".into())),
        Some(path) => {
            let file = File::create(path).map_err(|e| Error::io(path, e))?;
            Ok((Box::new(BufWriter::new(file)), path.display().to_string()))
        }
    }
}

/// Writes a CSV or NDJSON export to `out`.
fn write_file(
    searcher: &Searcher,
    export: &Export<'_>,
    out: Box<dyn Write>,
    progress: &dyn Fn(u64),
) -> Result<u64> {
    let mut written = 0;
    let mut count = || {
        written += 1;
        progress(written);
    };
    match export.format {
        Format::Csv => {
            let mut csv = table::Writer::new(out, export.what)?;
            stream(searcher, export, |record| {
                csv.write(record)?;
                count();
                Ok(())
            })?;
            csv.finish()?;
        }
        _ => {
            let mut out = out;
            stream(searcher, export, |record| {
                write_record(&mut out, &record.as_record()).map_err(Error::Output)?;
                count();
                Ok(())
            })?;
            out.flush().map_err(Error::Output)?;
        }
    }
    Ok(written)
}

/// One exported record, of any kind.
pub enum Item<'a> {
    /// A passage.
    Passage(&'a crate::search::Hit),
    /// A quotation.
    Quote(&'a crate::search::QuoteHit),
    /// An entity.
    Entity(&'a crate::search::EntityCount),
}

impl Item<'_> {
    /// The `--json` record of the item.
    fn as_record(&self) -> Record<'_> {
        match self {
            Item::Passage(hit) => Record::Hit(hit),
            Item::Quote(quote) => Record::QuoteHit(quote),
            Item::Entity(entity) => Record::Entity(entity),
        }
    }
}

/// Calls `each` with every record the export holds, one at a time.
fn stream(
    searcher: &Searcher,
    export: &Export<'_>,
    mut each: impl FnMut(Item<'_>) -> Result<()>,
) -> Result<()> {
    match export.what {
        What::Passages => {
            searcher.each(export.query, export.filters, |hit: Hit| {
                each(Item::Passage(&hit))
            })?;
        }
        What::Quotes => {
            searcher.each(export.query, export.filters, |quote: QuoteHit| {
                each(Item::Quote(&quote))
            })?;
        }
        What::Entities => {
            // The entity list is the table's, already in memory.
            for entity in searcher.entities(None, export.query, usize::MAX)? {
                each(Item::Entity(&entity))?;
            }
        }
    }
    Ok(())
}
