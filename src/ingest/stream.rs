//! Reads a `.jsonl` file in batches of whole lines, so that memory stays
//! bounded whatever the file's size and however many articles it holds.
//! Wire and archive dumps come as one `.jsonl` file of gigabytes; every
//! other format is one article a file and is read whole.
//!
//! Each batch is read like a small `.jsonl` file that starts at its line and
//! byte offset in the real one, so passages still cite the right line and
//! offsets. The content hash is computed from the same bytes as they pass,
//! so the record of the file describes exactly what was indexed.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use xxhash_rust::xxh3::Xxh3;

use super::{encoding, jsonl, snapshot_time, Article};
use crate::error::{Error, Result};

/// What identifies the content of a file as it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    /// Bytes read.
    pub len: u64,
    /// Content hash of those bytes (as [`super::content_hash`] of them all).
    pub hash: u64,
    /// The file's modification time when opened (see [`super::Snapshot`]).
    pub modified: u64,
}

/// What streaming a file read, besides its articles.
#[derive(Debug)]
pub struct Streamed {
    /// What was read.
    pub fingerprint: Fingerprint,
    /// Lines that could not be read, each with its number.
    pub warnings: Vec<String>,
}

/// Hands the articles of `path` to `each` in batches of whole lines of
/// about `batch_bytes`. A line longer than `max_line_bytes` is skipped with
/// a warning. The inner error is the reason a file is not text, as
/// [`super::parse`] would refuse it.
pub fn stream_jsonl(
    path: &Path,
    display: &str,
    (batch_bytes, max_line_bytes): (usize, usize),
    mut each: impl FnMut(Vec<Article>) -> Result<()>,
) -> Result<std::result::Result<Streamed, String>> {
    let io = |e: std::io::Error| Error::io(path, e);
    let file = File::open(path).map_err(io)?;
    let modified = snapshot_time(&file.metadata().map_err(io)?);
    let mut reader = BufReader::with_capacity(1 << 20, file);
    if let Some(kind) = encoding::binary_kind(reader.fill_buf().map_err(io)?) {
        return Ok(Err(format!("not text: {kind}")));
    }
    let mut hasher = Xxh3::new();
    let mut warnings = Vec::new();
    let mut batch = Batch::starting_at(1, 0);
    let mut line = 0;
    let mut offset = 0;
    loop {
        let line_start = batch.bytes.len();
        let (read, whole) =
            read_line_capped(&mut reader, &mut batch.bytes, max_line_bytes, &mut hasher)
                .map_err(io)?;
        if read == 0 {
            break;
        }
        line += 1;
        offset += read;
        if !whole {
            batch.bytes.truncate(line_start);
            warnings.push(format!(
                "{display}:{line}: a line of {} MiB is too large for the memory budget; skipped",
                read >> 20
            ));
        }
        if !whole || batch.bytes.len() >= batch_bytes {
            batch.flush(display, &mut warnings, &mut each)?;
            batch = Batch::starting_at(line + 1, offset);
        }
    }
    batch.flush(display, &mut warnings, &mut each)?;
    Ok(Ok(Streamed {
        fingerprint: Fingerprint {
            len: offset as u64,
            hash: hasher.digest(),
            modified,
        },
        warnings,
    }))
}

/// The fingerprint of a file, read in chunks and not kept: for a file too
/// large to hold, whether it changed since it was indexed.
pub fn fingerprint(path: &Path) -> std::io::Result<Fingerprint> {
    let mut file = File::open(path)?;
    let modified = snapshot_time(&file.metadata()?);
    let mut hasher = Xxh3::new();
    let mut buffer = vec![0; 1 << 20];
    let mut len = 0;
    loop {
        match file.read(&mut buffer)? {
            0 => {
                let hash = hasher.digest();
                return Ok(Fingerprint {
                    len,
                    hash,
                    modified,
                });
            }
            n => {
                hasher.update(&buffer[..n]);
                len += n as u64;
            }
        }
    }
}

/// Whole lines read but not yet handed on, and where they start in the file.
struct Batch {
    bytes: Vec<u8>,
    first_line: usize,
    first_offset: usize,
}

impl Batch {
    fn starting_at(first_line: usize, first_offset: usize) -> Self {
        Batch {
            bytes: Vec::new(),
            first_line,
            first_offset,
        }
    }

    fn flush(
        &mut self,
        display: &str,
        warnings: &mut Vec<String>,
        each: &mut impl FnMut(Vec<Article>) -> Result<()>,
    ) -> Result<()> {
        if self.bytes.is_empty() {
            return Ok(());
        }
        let read = jsonl::read_at(&self.bytes, display, self.first_line, self.first_offset);
        warnings.extend(read.warnings);
        self.bytes.clear();
        each(read.articles)
    }
}

/// Appends the next line (with its newline) to `out` and hashes it. A line
/// longer than `cap` is read to its end but not kept: returns the bytes
/// read and whether the line was kept whole.
fn read_line_capped(
    reader: &mut impl BufRead,
    out: &mut Vec<u8>,
    cap: usize,
    hasher: &mut Xxh3,
) -> std::io::Result<(usize, bool)> {
    let start = out.len();
    let mut read = 0;
    let mut whole = true;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(end) => (&available[..=end], true),
            None => (available, false),
        };
        hasher.update(chunk);
        if whole && out.len() - start + chunk.len() <= cap {
            out.extend_from_slice(chunk);
        } else if whole {
            out.truncate(start);
            whole = false;
        }
        let used = chunk.len();
        read += used;
        reader.consume(used);
        if done {
            break;
        }
    }
    Ok((read, whole))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_read_to_its_end_but_not_kept() {
        let text = b"short\nthis line is long\nend";
        let mut reader = BufReader::with_capacity(4, &text[..]);
        let mut out = Vec::new();
        let mut hasher = Xxh3::new();
        let mut lines = Vec::new();
        loop {
            let before = out.len();
            let (read, whole) =
                read_line_capped(&mut reader, &mut out, 8, &mut hasher).expect("reading a slice");
            if read == 0 {
                break;
            }
            lines.push((read, whole, out[before..].to_vec()));
        }
        assert_eq!(
            lines,
            [
                (6, true, b"short\n".to_vec()),
                (18, false, Vec::new()),
                (3, true, b"end".to_vec())
            ]
        );
        assert_eq!(hasher.digest(), xxhash_rust::xxh3::xxh3_64(text));
    }
}
