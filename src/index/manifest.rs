//! The record of what is indexed: one entry per file, with what identifies
//! its content. It is stored as the tantivy commit payload, so it is
//! committed atomically with the passages it describes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::schema::SCHEMA_VERSION;
use crate::analyze::tagger::model_id;

/// Bumped whenever analysis changes what it produces, so that the next
/// `dossier index` re-reads every file.
pub const ANALYZER_VERSION: u32 = 71;

/// What one commit of the index contains.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    /// The schema version the index was written with.
    pub schema: u32,
    /// The analyzer version its passages were made with.
    pub analyzer: u32,
    /// The entity tagger's model its passages were tagged with (0 in
    /// indexes made before the tagger, which are analysed again).
    #[serde(default)]
    pub model: u64,
    /// Indexed files by canonical path.
    pub files: BTreeMap<String, FileRecord>,
}

/// An indexed file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FileRecord {
    /// The path shown to users.
    pub display: String,
    /// Size in bytes when indexed.
    pub len: u64,
    /// Modification time in nanoseconds since the epoch, when indexed.
    pub modified: u64,
    /// xxh3 hash of the content.
    pub hash: u64,
    /// Articles read from it.
    pub articles: usize,
    /// Passages indexed from it.
    pub passages: usize,
}

impl Default for Manifest {
    fn default() -> Self {
        Manifest {
            schema: SCHEMA_VERSION,
            analyzer: ANALYZER_VERSION,
            model: model_id(),
            files: BTreeMap::new(),
        }
    }
}

/// Starts the key of a path that is not UTF-8. A Unix path never holds a
/// NUL byte, so no UTF-8 path's key starts with it.
const BYTES_KEY: char = '\0';

/// The manifest key of a file's canonical path: the path itself when it is
/// UTF-8; otherwise NUL and the path's bytes in hex, so that the key turns
/// back into the very same path (a lossy key would name no file, and the
/// file would be dropped and indexed again on every run).
pub fn file_key(path: &Path) -> String {
    match path.to_str() {
        Some(text) => text.to_owned(),
        None => {
            let hex: String = path_bytes(path)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            format!("{BYTES_KEY}{hex}")
        }
    }
}

/// The path a key was made from by [`file_key`].
pub fn key_path(key: &str) -> PathBuf {
    let Some(hex) = key.strip_prefix(BYTES_KEY) else {
        return PathBuf::from(key);
    };
    let bytes: Vec<u8> = (0..hex.len() / 2)
        .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    path_from_bytes(bytes)
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

// Elsewhere paths that are not Unicode are rare; they keep a lossy key.
#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

impl Manifest {
    /// Reads a manifest from a commit payload; `None` if absent or unreadable.
    pub fn from_payload(payload: Option<&str>) -> Option<Manifest> {
        serde_json::from_str(payload?).ok()
    }

    /// The payload text to commit.
    pub fn to_payload(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// True when passages were made by this version of dossier, with
    /// this tagger model.
    pub fn is_current(&self) -> bool {
        self.schema == SCHEMA_VERSION
            && self.analyzer == ANALYZER_VERSION
            && self.model == model_id()
    }

    /// Total passages recorded.
    pub fn passages(&self) -> usize {
        self.files.values().map(|f| f.passages).sum()
    }

    /// Total articles recorded.
    pub fn articles(&self) -> usize {
        self.files.values().map(|f| f.articles).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn keys_turn_back_into_their_paths_even_when_not_utf8() {
        use std::os::unix::ffi::OsStrExt;
        let latin1 = Path::new(std::ffi::OsStr::from_bytes(b"/news/caf\xe9.txt"));
        for path in [Path::new("/news/café.txt"), latin1] {
            assert_eq!(key_path(&file_key(path)), path);
        }
        assert_eq!(file_key(Path::new("/a.txt")), "/a.txt");
        assert!(file_key(latin1).starts_with('\0'));
    }

    #[test]
    fn an_index_tagged_by_another_model_or_none_is_not_current() {
        assert!(Manifest::default().is_current());
        let other = Manifest {
            model: model_id() ^ 1,
            ..Manifest::default()
        };
        assert!(!other.is_current());
        // A manifest written before the tagger has no model field.
        let before =
            format!(r#"{{"schema":{SCHEMA_VERSION},"analyzer":{ANALYZER_VERSION},"files":{{}}}}"#);
        let read = Manifest::from_payload(Some(&before)).expect("reads");
        assert_eq!(read.model, 0);
        assert!(!read.is_current());
    }

    #[test]
    fn manifests_round_trip_through_the_payload() {
        let mut manifest = Manifest::default();
        manifest.files.insert(
            "/a/b.txt".into(),
            FileRecord {
                display: "b.txt".into(),
                len: 3,
                modified: 4,
                hash: u64::MAX,
                articles: 1,
                passages: 2,
            },
        );
        let back = Manifest::from_payload(Some(&manifest.to_payload()));
        assert_eq!(back, Some(manifest));
        assert_eq!(Manifest::from_payload(Some("garbage")), None);
    }
}
