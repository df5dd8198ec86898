//! Detects a damaged index before it is searched. tantivy trusts its files:
//! a flipped byte in a segment can make a search panic or quietly return
//! wrong passages. Every file of the last commit must therefore exist and
//! match the checksum tantivy wrote in its footer. Damage that keeps a
//! file's size and modification time is not seen once the file has been
//! checked (see below).
//!
//! Reading a whole index to check it costs more than a search, so files
//! already checked are remembered by size and modification time in a file
//! beside the index ([`CHECKED_FILE`]); only a file that changed since, or a
//! new one, is read again. `dossier index` checks what it has just written,
//! so the first search after it is as quick as the next.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexMeta};

use crate::ingest::modified_nanos;

/// The record of checked files, in the index folder.
pub const CHECKED_FILE: &str = ".dossier-checked.json";

/// Size and modification time of each file found intact.
#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Checked {
    files: BTreeMap<String, (u64, u64)>,
}

/// Checks the files of the commit `metas` of `index` in `dir`; the error
/// says which file is missing or damaged.
pub fn check(index: &Index, dir: &Path, metas: &IndexMeta) -> Result<(), String> {
    let record_path = dir.join(CHECKED_FILE);
    let before = read_record(&record_path);
    let mut after = Checked::default();
    for file in committed_files(index, metas) {
        let name = file.to_string_lossy().into_owned();
        let metadata = std::fs::metadata(dir.join(&file))
            .map_err(|e| format!("damaged: {name} cannot be read ({e})"))?;
        let stamp = (metadata.len(), modified_nanos(&metadata));
        if before.files.get(&name) != Some(&stamp) {
            let intact = index
                .directory()
                .validate_checksum(&file)
                .map_err(|e| format!("damaged: {name} cannot be read ({e})"))?;
            if !intact {
                return Err(format!("damaged: {name} does not match its checksum"));
            }
        }
        after.files.insert(name, stamp);
    }
    if after != before {
        // Best effort: an index the user cannot write is checked again
        // next time, which is slower but as safe.
        let _ = write_record(&record_path, &after);
    }
    Ok(())
}

/// The files of the commit that tantivy manages. A segment lists files for
/// every component, but some (deletions) exist only when written.
fn committed_files(index: &Index, metas: &IndexMeta) -> Vec<PathBuf> {
    let managed = index.directory().list_managed_files();
    let mut files: Vec<PathBuf> = metas
        .list_segment_files()
        .into_iter()
        .filter(|file| managed.contains(file))
        .collect();
    files.sort_unstable();
    files
}

fn read_record(path: &Path) -> Checked {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Writes the record through a temporary file and a rename, so that two
/// searches at once never leave half a record.
fn write_record(path: &Path, record: &Checked) -> std::io::Result<()> {
    let temporary = path.with_extension(format!("{}.tmp", std::process::id()));
    std::fs::write(&temporary, serde_json::to_vec(record)?)?;
    std::fs::rename(&temporary, path)
}
