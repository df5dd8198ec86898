//! The record of what is indexed: one entry per file, with what identifies
//! its content. It is stored as the tantivy commit payload, so it is
//! committed atomically with the passages it describes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::schema::SCHEMA_VERSION;

/// Bumped whenever analysis changes what it produces, so that the next
/// `dossier index` re-reads every file.
pub const ANALYZER_VERSION: u32 = 4;

/// What one commit of the index contains.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    /// The schema version the index was written with.
    pub schema: u32,
    /// The analyzer version its passages were made with.
    pub analyzer: u32,
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
            files: BTreeMap::new(),
        }
    }
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

    /// True when passages were made by this version of dossier.
    pub fn is_current(&self) -> bool {
        self.schema == SCHEMA_VERSION && self.analyzer == ANALYZER_VERSION
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
