//! Brings an index up to date with the files under some paths.
//!
//! Only new or changed files are read and analyzed; passages of files that
//! were deleted are removed. The manifest of indexed files goes into the
//! same commit as the passages (as its payload), so a run that is killed
//! leaves the last commit, passages and manifest together, as it was.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use tantivy::directory::MmapDirectory;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexSettings, IndexWriter, TantivyError, Term};

use super::add_file::{FileIndexer, Outcome};
use super::manifest::{FileRecord, Manifest};
use super::schema::{self, Fields};
use super::{exists, integrity, manifest, register_tokenizer, write_entity_table};
use crate::error::{Error, Result};
use crate::ingest::{self, walk, FoundFile};

/// How to run an index update.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Drop everything and index from scratch.
    pub rebuild: bool,
    /// Show a progress bar (on a terminal).
    pub progress: bool,
    /// Memory budget in bytes for the whole run.
    pub memory: usize,
}

impl IndexOptions {
    /// The largest article read within the memory budget: a text, Markdown
    /// or HTML file, or a line of a `.jsonl` file.
    pub fn max_article_bytes(&self) -> u64 {
        (self.memory / MEMORY_PER_ARTICLE_BYTE) as u64
    }
}

/// The memory budget of an index run unless told otherwise, in MiB.
pub const DEFAULT_MEMORY_MIB: usize = 1024;

/// Lines of a streamed `.jsonl` file are analyzed this many bytes at a time:
/// enough to keep every core busy, small beside the writer's memory.
pub(super) const STREAM_BATCH_BYTES: usize = 4 << 20;

/// tantivy's writer gets this fraction of the memory budget. It uses several
/// times what it is given: indexing 1 GB of `.jsonl` peaked at 1.38 GiB with
/// a quarter of 1 GiB, and at 0.71 GiB with an eighth.
const WRITER_SHARE: usize = 8;

/// About how many bytes of memory one byte of an article takes while it is
/// analyzed whole and held as documents: a 129 MiB text file peaked at
/// 2.0 GiB. A larger article than the budget over this is refused. `.jsonl`
/// files are always read in batches of lines, as their articles add up:
/// 100 MB of 180-byte articles read whole peaked at 1.35 GiB.
const MEMORY_PER_ARTICLE_BYTE: usize = 16;

impl Default for IndexOptions {
    fn default() -> Self {
        IndexOptions {
            rebuild: false,
            progress: false,
            memory: DEFAULT_MEMORY_MIB << 20,
        }
    }
}

/// A file that was not indexed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The path as shown to the user.
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

/// What an update did.
#[derive(Debug, Default)]
pub struct IndexReport {
    /// Files read and indexed in this run.
    pub files_indexed: usize,
    /// Files found unchanged since the last run.
    pub files_unchanged: usize,
    /// Files whose passages were removed because the file is gone.
    pub files_removed: usize,
    /// Articles indexed in this run.
    pub articles: usize,
    /// Passages indexed in this run.
    pub passages: usize,
    /// Articles in the index after the run.
    pub total_articles: usize,
    /// Passages in the index after the run.
    pub total_passages: usize,
    /// Files that could not be indexed.
    pub skipped: Vec<Skipped>,
    /// Parts of files that were repaired or left out (broken lines, bad bytes).
    pub warnings: Vec<String>,
    /// Wall time of the run.
    pub elapsed: Duration,
}

/// Tantivy needs at least this much heap per writer thread.
const MIN_WRITER_HEAP: usize = 20 << 20;

/// Brings the index in `dir` up to date with the files under `roots`.
pub fn update(dir: &Path, roots: &[PathBuf], options: &IndexOptions) -> Result<IndexReport> {
    let started = Instant::now();
    for root in roots {
        std::fs::metadata(root).map_err(|e| Error::io(root, e))?;
    }
    let index = open_or_create(dir, options.rebuild)?;
    let fields = schema::lookup(&index.schema()).ok_or_else(|| Error::IncompatibleIndex {
        path: dir.to_path_buf(),
        reason: "its fields are not dossier's".into(),
    })?;
    let mut writer = open_writer(&index, dir, options.memory)?;
    let mut manifest = manifest(&index)?;
    let mut report = IndexReport::default();
    let mut changed = false;
    if options.rebuild || !manifest.is_current() {
        writer.delete_all_documents()?;
        manifest = Manifest::default();
        changed = true;
    }
    changed |= remove_deleted(&writer, &fields, &mut manifest, &mut report);

    let found = walk(roots);
    report.skipped.extend(
        found
            .errors
            .into_iter()
            .map(|(path, reason)| Skipped { path, reason }),
    );
    let plan = plan(found.files, &manifest, &mut report);
    let progress = progress_bar(options.progress, plan.iter().map(|p| p.len).sum());
    let indexer = FileIndexer {
        writer: &writer,
        fields: &fields,
        max_bytes: options.max_article_bytes(),
    };
    let outcomes: Vec<Outcome> = plan
        .par_iter()
        .map(|planned| {
            let outcome = indexer.index(planned);
            progress.inc(planned.len);
            outcome
        })
        .collect::<Result<_>>()?;
    progress.finish_and_clear();
    changed |= apply(outcomes, &mut manifest, &mut report);

    if changed {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&manifest.to_payload());
        prepared.commit()?;
    }
    writer.wait_merging_threads()?;
    write_entity_table(&index, &fields, dir)?;
    // Check what was just written while it is in memory, so that the
    // first search need not read the whole index to trust it.
    let metas = index.load_metas()?;
    integrity::check(&index, dir, &metas).map_err(|reason| Error::IncompatibleIndex {
        path: dir.to_path_buf(),
        reason,
    })?;
    report.total_articles = manifest.articles();
    report.total_passages = manifest.passages();
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The docstore's block: what one stored passage read decompresses.
const DOCSTORE_BLOCK_BYTES: usize = 16_384;

fn open_or_create(dir: &Path, rebuild: bool) -> Result<Index> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    if exists(dir) {
        match crate::index::open(dir) {
            Ok(open) => return Ok(open.index),
            Err(Error::IncompatibleIndex { .. }) if rebuild => remove_index_files(dir)?,
            Err(e) => return Err(e),
        }
    }
    let directory =
        MmapDirectory::open(dir).map_err(|e| Error::io(dir, std::io::Error::other(e)))?;
    let (schema, _) = schema::build();
    // zstd's default level on blocks of 16 KiB, chosen by measurement
    // (docs/speed.md, "The document store"): larger blocks or level 9 save
    // 2-6 MB of news.jsonl's 85 MB, but slow every hit read or the run.
    let settings = IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor::default()),
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..IndexSettings::default()
    };
    let index = Index::create(directory, schema, settings)?;
    register_tokenizer(&index);
    Ok(index)
}

/// Removes an index dossier cannot read, keeping files that are not the
/// index's own (the README and `.gitignore` of the default `index/`).
fn remove_index_files(dir: &Path) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let is_index_file = name == "meta.json"
            || name == ".managed.json"
            || name.starts_with(super::TABLE_FILE)
            || name.starts_with(integrity::CHECKED_FILE.trim_end_matches(".json"))
            || name.ends_with(".lock")
            || name.split('.').next().is_some_and(|stem| {
                stem.len() == 32 && stem.chars().all(|c| c.is_ascii_hexdigit())
            });
        if is_index_file && path.is_file() {
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        }
    }
    Ok(())
}

/// True when the file indexed under `path` (a canonical path) is surely no
/// longer there: not found, a folder on its way replaced by a file, or the
/// path now a link to another file, which is indexed under that file's own
/// canonical path. Any other error (permissions) leaves it be.
fn is_gone(path: &Path) -> bool {
    match std::fs::canonicalize(path) {
        Ok(canonical) => canonical != path,
        Err(e) => matches!(
            e.kind(),
            std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
        ),
    }
}

fn open_writer(index: &Index, dir: &Path, memory: usize) -> Result<IndexWriter> {
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4);
    let heap = (memory / WRITER_SHARE).max(MIN_WRITER_HEAP * threads);
    index
        .writer_with_num_threads(threads, heap)
        .map_err(|e| match e {
            TantivyError::LockFailure(..) => Error::IndexLocked(dir.to_path_buf()),
            other => Error::Tantivy(other),
        })
}

/// Removes the passages of files that no longer exist. A file that cannot
/// be looked at (its folder made unreadable) is not gone: it keeps its
/// passages.
fn remove_deleted(
    writer: &IndexWriter,
    fields: &Fields,
    manifest: &mut Manifest,
    report: &mut IndexReport,
) -> bool {
    let gone: Vec<String> = manifest
        .files
        .keys()
        .filter(|key| is_gone(&manifest::key_path(key)))
        .cloned()
        .collect();
    for key in &gone {
        writer.delete_term(Term::from_field_text(fields.file, key));
        manifest.files.remove(key);
    }
    report.files_removed = gone.len();
    !gone.is_empty()
}

/// A file that must be read: new, or changed since it was indexed.
pub(super) struct Planned {
    /// The file as found.
    pub(super) file: FoundFile,
    /// Its key in the manifest and the index (its canonical path).
    pub(super) key: String,
    /// Its size in bytes.
    pub(super) len: u64,
    /// Its record when it was indexed before.
    pub(super) previous: Option<FileRecord>,
}

fn plan(files: Vec<FoundFile>, manifest: &Manifest, report: &mut IndexReport) -> Vec<Planned> {
    let mut seen = HashSet::new();
    let mut planned = Vec::new();
    for file in files {
        let key = match std::fs::canonicalize(&file.path) {
            Ok(path) => manifest::file_key(&path),
            Err(e) => {
                report.skipped.push(Skipped {
                    path: file.display,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        if !seen.insert(key.clone()) {
            continue;
        }
        let metadata = match std::fs::metadata(&file.path) {
            Ok(m) => m,
            Err(e) => {
                report.skipped.push(Skipped {
                    path: file.display,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let modified = ingest::modified_nanos(&metadata);
        let previous = manifest.files.get(&key).cloned();
        let unchanged = previous
            .as_ref()
            .is_some_and(|r| r.len == metadata.len() && r.modified == modified);
        if unchanged {
            report.files_unchanged += 1;
        } else {
            planned.push(Planned {
                file,
                key,
                len: metadata.len(),
                previous,
            });
        }
    }
    planned
}

fn progress_bar(show: bool, total: u64) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} indexing [{bar:30}] {bytes}/{total_bytes} {eta}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

fn apply(outcomes: Vec<Outcome>, manifest: &mut Manifest, report: &mut IndexReport) -> bool {
    let mut changed = false;
    for outcome in outcomes {
        match outcome {
            Outcome::Indexed {
                key,
                record,
                warnings,
            } => {
                report.files_indexed += 1;
                report.articles += record.articles;
                report.passages += record.passages;
                report.warnings.extend(warnings);
                manifest.files.insert(key, record);
                changed = true;
            }
            Outcome::Touched { key, record } => {
                report.files_unchanged += 1;
                manifest.files.insert(key, record);
                changed = true;
            }
            Outcome::Skipped(skipped, warnings) => {
                report.skipped.push(skipped);
                report.warnings.extend(warnings);
            }
            Outcome::Emptied {
                key,
                skipped,
                warnings,
            } => {
                manifest.files.remove(&key);
                report.skipped.push(skipped);
                report.warnings.extend(warnings);
                changed = true;
            }
        }
    }
    changed
}
