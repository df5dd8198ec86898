//! Stage 1, ingest: finds article files and reads them into [`Article`]s.
//!
//! Each format has its reader (`plain`, `html`, `jsonl`, `pdf`, `docx`);
//! the text formats split the text into paragraphs (`paragraphs`), read
//! the opening for headline, date line and outlet (`metadata`), and keep a
//! map from the decoded text back to file offsets (`offsets`) so that
//! every passage can be cited by line. A PDF's pages are joined into
//! paragraphs by `pages` and cited by page; a Word file by paragraph.

mod article;
mod docx;
mod encoding;
mod html;
mod jsonl;
mod metadata;
pub mod offsets;
mod pages;
mod paragraphs;
mod pdf;
mod plain;
mod stream;
mod walk;

use std::path::Path;

pub use article::{locator, Article, Paragraph};
pub use metadata::is_iso_date;
pub use stream::{fingerprint, stream_jsonl, Fingerprint, Streamed};
pub use walk::{display_path, walk, FoundFile, Walk};

use crate::error::{Error, Result};

/// The file formats dossier reads, chosen by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`: plain text.
    Text,
    /// `.md`, `.markdown`: Markdown, with `#` headings.
    Markdown,
    /// `.html`, `.htm`: the page's visible text.
    Html,
    /// `.jsonl`: one article a line.
    Jsonl,
    /// `.pdf`: the text layer, cited by page.
    Pdf,
    /// `.docx`: a Word file, cited by paragraph.
    Docx,
}

impl Format {
    /// The format of a file, or `None` when dossier does not read it.
    pub fn of(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

/// The articles read from one file, and warnings about parts that could
/// not be read (each naming the file, and the line where it helps).
#[derive(Debug, Default)]
pub struct FileArticles {
    /// Articles in file order.
    pub articles: Vec<Article>,
    /// What was skipped or repaired, for the user.
    pub warnings: Vec<String>,
    /// Why the whole file was not read as text (`a PDF document`), if so.
    pub refused: Option<String>,
}

impl FileArticles {
    /// A file that is one article, with a note on how it was decoded.
    fn one(article: Article, note: Option<&str>) -> Self {
        let warnings = note
            .map(|note| format!("{}: {note}", article.path))
            .into_iter()
            .collect();
        FileArticles {
            articles: vec![article],
            warnings,
            refused: None,
        }
    }

    /// A file not read, and why.
    fn refused(reason: String) -> Self {
        FileArticles {
            refused: Some(reason),
            ..FileArticles::default()
        }
    }
}

/// A file's bytes as read in one go, or why they were not read.
#[derive(Debug)]
pub enum Snapshot {
    /// The bytes, and the modification time (nanoseconds since the epoch)
    /// the file had when it was opened: a change while it is read moves the
    /// time past this one, so the next run reads the file again.
    Read {
        /// The file's content.
        bytes: Vec<u8>,
        /// Its modification time when opened, or 0 when that time is too
        /// recent to trust (see `RACY_WINDOW`).
        modified: u64,
    },
    /// The file is larger than the limit (it may have grown since it was
    /// found); `len` is its size, or the limit plus one if it grew.
    TooLarge {
        /// Its size in bytes.
        len: u64,
    },
}

/// Reads a file of at most `max_bytes`, never holding more than that, even
/// when the file grows while it is read.
pub fn snapshot(path: &Path, max_bytes: u64) -> std::io::Result<Snapshot> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let metadata = file.metadata()?;
    if metadata.len() > max_bytes {
        return Ok(Snapshot::TooLarge {
            len: metadata.len(),
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let len = bytes.len() as u64;
    if len > max_bytes {
        return Ok(Snapshot::TooLarge { len });
    }
    Ok(Snapshot::Read {
        bytes,
        modified: snapshot_time(&metadata),
    })
}

/// The content hash that tells whether a file changed since it was indexed.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The modification time to record for a file being read: 0 when it is too
/// recent to trust.
fn snapshot_time(metadata: &std::fs::Metadata) -> u64 {
    let modified = modified_nanos(metadata);
    if is_recent(modified) {
        0
    } else {
        modified
    }
}

/// File times move in clock ticks of some milliseconds, so a file written
/// again within the tick of the version read keeps its time, and with the
/// same length would look unchanged. As git does for its index, a time this
/// recent is not recorded, and the next run compares the content instead.
const RACY_WINDOW: std::time::Duration = std::time::Duration::from_secs(2);

fn is_recent(modified_nanos: u64) -> bool {
    let now = nanos_since_epoch(std::time::SystemTime::now());
    now.saturating_sub(modified_nanos) < RACY_WINDOW.as_nanos() as u64
}

/// A file's modification time in nanoseconds since the epoch (0 if the
/// system does not tell).
pub fn modified_nanos(metadata: &std::fs::Metadata) -> u64 {
    metadata.modified().map_or(0, nanos_since_epoch)
}

fn nanos_since_epoch(time: std::time::SystemTime) -> u64 {
    time.duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// Reads a file from disk.
pub fn read_file(path: &Path, display: &str, format: Format) -> Result<FileArticles> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(parse(&bytes, display, format))
}

/// Reads articles from the bytes of a file shown as `display`.
pub fn parse(bytes: &[u8], display: &str, format: Format) -> FileArticles {
    match format {
        Format::Pdf => pdf::read(bytes, display),
        Format::Docx => docx::read(bytes, display),
        Format::Text | Format::Markdown | Format::Html | Format::Jsonl => {
            parse_text(bytes, display, format)
        }
    }
}

/// Reads a text format, refusing a file that is no text.
fn parse_text(bytes: &[u8], display: &str, format: Format) -> FileArticles {
    if let Some(kind) = encoding::binary_kind(bytes) {
        return FileArticles {
            refused: Some(format!("not text: {kind}")),
            ..FileArticles::default()
        };
    }
    match format {
        Format::Text | Format::Markdown => plain::read(bytes, display),
        Format::Html => html::read(bytes, display),
        Format::Jsonl => jsonl::read(bytes, display),
        Format::Pdf => pdf::read(bytes, display),
        Format::Docx => docx::read(bytes, display),
    }
}
