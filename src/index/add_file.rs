//! Reads, analyses and adds the documents of one planned file to the
//! writer, and says what came of it: indexed, only touched, skipped with a
//! reason, or emptied.

use rayon::prelude::*;
use tantivy::{IndexWriter, Term};

use super::documents::{passage_document, quote_document};
use super::manifest::FileRecord;
use super::schema::Fields;
use super::writer::{Planned, Skipped, STREAM_BATCH_BYTES};
use crate::analyze::{analyze, Analysis};
use crate::error::Result;
use crate::ingest::{self, Fingerprint, Format, FoundFile, Snapshot};

/// What happened to one planned file.
pub(super) enum Outcome {
    Indexed {
        key: String,
        record: FileRecord,
        warnings: Vec<String>,
    },
    /// Same content as indexed, only its modification time moved.
    Touched {
        key: String,
        record: FileRecord,
    },
    Skipped(Skipped, Vec<String>),
    /// Indexed before, and holds no text now: its passages were deleted.
    Emptied {
        key: String,
        skipped: Skipped,
        warnings: Vec<String>,
    },
}

/// Adds planned files to one writer.
pub(super) struct FileIndexer<'a> {
    pub(super) writer: &'a IndexWriter,
    pub(super) fields: &'a Fields,
    /// The most bytes one article (or one file read whole) may hold.
    pub(super) max_bytes: u64,
}

impl FileIndexer<'_> {
    /// Reads, analyses and adds `planned`, replacing what it held before.
    pub(super) fn index(&self, planned: &Planned) -> Result<Outcome> {
        let file = &planned.file;
        if file.format == Format::Jsonl {
            return self.index_streamed(planned);
        }
        let max_bytes = self.max_bytes;
        let (bytes, modified) = match ingest::snapshot(&file.path, max_bytes) {
            Ok(Snapshot::Read { bytes, modified }) => (bytes, modified),
            Ok(Snapshot::TooLarge { len }) => {
                let reason = format!(
                    "too large: {}, and such files of at most {} fit the memory budget; \
                 raise --memory or split the file",
                    size(len),
                    size(max_bytes)
                );
                return Ok(Outcome::skipped(file, reason, Vec::new()));
            }
            Err(e) => return Ok(Outcome::skipped(file, e.to_string(), Vec::new())),
        };
        // Length and time as read, not as planned: the file may have changed
        // in between, and the record must describe what the index holds.
        let fingerprint = Fingerprint {
            len: bytes.len() as u64,
            hash: ingest::content_hash(&bytes),
            modified,
        };
        if let Some(touched) = touched(planned, fingerprint) {
            return Ok(touched);
        }
        let read = ingest::parse(&bytes, &file.display, file.format);
        if let Some(reason) = read.refused {
            return Ok(Outcome::skipped(file, reason, read.warnings));
        }
        let analyses: Vec<Analysis> = read.articles.into_par_iter().map(analyze).collect();
        let passages: usize = analyses.iter().map(|a| a.passages.len()).sum();
        if passages == 0 {
            let reason = if bytes.is_empty() {
                "empty file"
            } else {
                "no text found"
            };
            return Ok(self.emptied(planned, reason, read.warnings));
        }
        if planned.previous.is_some() {
            self.delete(planned);
        }
        self.add_documents(&planned.key, &analyses)?;
        Ok(indexed(
            planned,
            fingerprint,
            (analyses.len(), passages),
            read.warnings,
        ))
    }

    /// Indexes a `.jsonl` file batch by batch, whatever its size. Its old
    /// passages are deleted once the file is read as text. A read error halfway
    /// fails the whole run, before its commit, so nothing indexed is lost.
    fn index_streamed(&self, planned: &Planned) -> Result<Outcome> {
        let file = &planned.file;
        // A file indexed before is hashed first, so that one whose time
        // alone moved is not analysed again; a new one is read once, the
        // stream hashing it as it goes.
        if planned.previous.is_some() {
            match ingest::fingerprint(&file.path) {
                Ok(fingerprint) => {
                    if let Some(touched) = touched(planned, fingerprint) {
                        return Ok(touched);
                    }
                }
                Err(e) => return Ok(Outcome::skipped(file, e.to_string(), Vec::new())),
            }
        }
        let mut counts = (0, 0);
        let mut replacing = planned.previous.is_some();
        // Lines longer than an article may be are skipped; a later run with a
        // larger `--memory` reads them only with `--rebuild`, as the content
        // has not changed.
        let max_line_bytes = usize::try_from(self.max_bytes).unwrap_or(usize::MAX);
        let sizes = (max_line_bytes.min(STREAM_BATCH_BYTES), max_line_bytes);
        let streamed = ingest::stream_jsonl(&file.path, &file.display, sizes, |articles| {
            if replacing {
                self.delete(planned);
                replacing = false;
            }
            let analyses: Vec<Analysis> = articles.into_par_iter().map(analyze).collect();
            counts.0 += analyses.len();
            counts.1 += self.add_documents(&planned.key, &analyses)?;
            Ok(())
        })?;
        match streamed {
            Ok(streamed) if counts.1 > 0 => Ok(indexed(
                planned,
                streamed.fingerprint,
                counts,
                streamed.warnings,
            )),
            Ok(streamed) => {
                let reason = if streamed.fingerprint.len == 0 {
                    "empty file"
                } else {
                    "no text found"
                };
                Ok(self.emptied(planned, reason, streamed.warnings))
            }
            Err(reason) => Ok(Outcome::skipped(file, reason, Vec::new())),
        }
    }

    /// The outcome for a file that holds no text (any more): its old passages,
    /// if any, go, as a fresh index would not have them.
    fn emptied(&self, planned: &Planned, reason: &str, warnings: Vec<String>) -> Outcome {
        let skipped = Skipped {
            path: planned.file.display.clone(),
            reason: reason.to_owned(),
        };
        if planned.previous.is_none() {
            return Outcome::Skipped(skipped, warnings);
        }
        self.delete(planned);
        Outcome::Emptied {
            key: planned.key.clone(),
            skipped,
            warnings,
        }
    }

    /// Deletes the passages that `planned` held.
    fn delete(&self, planned: &Planned) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.file, &planned.key));
    }

    /// Adds the passage and quotation documents of `analyses`; returns the
    /// number of passages.
    fn add_documents(&self, key: &str, analyses: &[Analysis]) -> Result<usize> {
        let (writer, fields) = (self.writer, self.fields);
        let mut passages = 0;
        for analysis in analyses {
            for passage in &analysis.passages {
                writer.add_document(passage_document(fields, key, analysis, passage))?;
                for quote in &passage.quotes {
                    writer.add_document(quote_document(fields, key, analysis, passage, quote))?;
                }
                passages += 1;
            }
        }
        Ok(passages)
    }
}

/// The outcome for a file whose content is what was indexed before, if so:
/// only its record's length and time move.
fn touched(planned: &Planned, fingerprint: Fingerprint) -> Option<Outcome> {
    let previous = planned
        .previous
        .as_ref()
        .filter(|r| r.hash == fingerprint.hash)?;
    let record = FileRecord {
        len: fingerprint.len,
        modified: fingerprint.modified,
        display: planned.file.display.clone(),
        ..previous.clone()
    };
    let key = planned.key.clone();
    Some(Outcome::Touched { key, record })
}

/// The outcome for a file indexed with `(articles, passages)`.
fn indexed(
    planned: &Planned,
    fingerprint: Fingerprint,
    (articles, passages): (usize, usize),
    warnings: Vec<String>,
) -> Outcome {
    let record = FileRecord {
        display: planned.file.display.clone(),
        len: fingerprint.len,
        modified: fingerprint.modified,
        hash: fingerprint.hash,
        articles,
        passages,
    };
    let key = planned.key.clone();
    Outcome::Indexed {
        key,
        record,
        warnings,
    }
}

/// A size in MiB, or KiB below one MiB.
fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{} KiB", bytes >> 10)
    }
}

impl Outcome {
    fn skipped(file: &FoundFile, reason: String, warnings: Vec<String>) -> Outcome {
        let path = file.display.clone();
        Outcome::Skipped(Skipped { path, reason }, warnings)
    }
}
