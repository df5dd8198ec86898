//! Stage 3, index: writes analyzed passages into a tantivy index on disk,
//! incrementally, and opens it for searching.
//!
//! - `schema`: the fields of a passage document.
//! - `tokenizer`: how text becomes terms (folding, spelling, stemming).
//! - `manifest`: the record of indexed files, committed with the index.
//! - `integrity`: finds missing or damaged files before a search reads them.
//! - `writer`: walks, reads, analyzes and writes what changed.
//! - `articles`: the article each document of a segment belongs to.
//! - `entities`: the entity table of each commit, which every reader uses.

mod add_file;
mod articles;
mod documents;
mod entities;
mod integrity;
pub mod manifest;
pub mod schema;
pub mod tokenizer;
mod writer;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::index::SegmentId;
use tantivy::{Index, IndexMeta};

pub use articles::ArticleIds;
pub use documents::{article_id, entity_field, StoredQuote};
pub use entities::{value_id, DocEntities, Entity, EntityTable, IdSpace, TABLE_FILE};
pub use manifest::Manifest;
pub use schema::Fields;
pub use writer::{update, IndexOptions, IndexReport, Skipped, DEFAULT_MEMORY_MIB};

use crate::error::{Error, Result};

/// The file tantivy writes last on every commit; its presence means an index exists.
pub const META_FILE: &str = "meta.json";

/// True when `dir` holds an index (committed at least once).
pub fn exists(dir: &Path) -> bool {
    dir.join(META_FILE).is_file()
}

/// An opened index with its field handles.
pub struct OpenIndex {
    /// The tantivy index.
    pub index: Index,
    /// Its fields.
    pub fields: Fields,
    /// Where it lives.
    pub dir: PathBuf,
    /// The commit checked when it was opened.
    commit: Commit,
}

/// A commit's opstamp and its segments, each with the opstamp of its
/// deletions: what tells whether a searcher reads that commit.
struct Commit {
    opstamp: u64,
    segments: BTreeMap<SegmentId, Option<u64>>,
}

impl Commit {
    fn of(metas: &IndexMeta) -> Commit {
        Commit {
            opstamp: metas.opstamp,
            segments: metas
                .segments
                .iter()
                .map(|segment| (segment.id(), segment.delete_opstamp()))
                .collect(),
        }
    }
}

/// Opens an existing index, checking that this version of dossier can read it.
pub fn open(dir: &Path) -> Result<OpenIndex> {
    if !exists(dir) {
        return Err(Error::NoIndex(dir.to_path_buf()));
    }
    let incompatible = |reason: String| Error::IncompatibleIndex {
        path: dir.to_path_buf(),
        reason,
    };
    let directory = MmapDirectory::open(dir).map_err(|e| incompatible(e.to_string()))?;
    let index = Index::open(directory).map_err(|e| incompatible(e.to_string()))?;
    let metas = index
        .load_metas()
        .map_err(|e| incompatible(e.to_string()))?;
    match Manifest::from_payload(metas.payload.as_deref()) {
        Some(m) if m.schema == schema::SCHEMA_VERSION => {}
        Some(m) => {
            return Err(incompatible(format!(
                "schema version {}, expected {}",
                m.schema,
                schema::SCHEMA_VERSION
            )))
        }
        // Created, then stopped before its first commit: an empty index.
        None if metas.segments.is_empty() => {}
        None => return Err(incompatible("no dossier record in its last commit".into())),
    }
    // After the version check: an older version's fields differ.
    let fields = schema::lookup(&index.schema())
        .ok_or_else(|| incompatible("its fields are not dossier's".into()))?;
    let checked = check_integrity(&index, dir, metas).map_err(incompatible)?;
    register_tokenizer(&index);
    Ok(OpenIndex {
        index,
        fields,
        dir: dir.to_path_buf(),
        commit: Commit::of(&checked),
    })
}

/// The entity table of the commit a searcher reads: the one written with
/// it, or, if that is missing (a run stopped before writing it), one built
/// now from the same passages.
pub fn entity_table(open: &OpenIndex, searcher: &tantivy::Searcher) -> Result<EntityTable> {
    // The searcher reads the commit checked on opening unless a run
    // committed in between. Reading `meta.json` again would parse the
    // whole schema once more: a twentieth of a short search's instructions.
    let opstamp = if searcher.generation().segments() == &open.commit.segments {
        open.commit.opstamp
    } else {
        searcher.index().load_metas()?.opstamp
    };
    match EntityTable::load(&open.dir, opstamp) {
        Some(table) => Ok(table),
        None => entities::build(searcher, &open.fields, opstamp),
    }
}

/// Writes the entity table of the last commit, unless it is there already.
fn write_entity_table(index: &Index, fields: &Fields, dir: &Path) -> Result<()> {
    let opstamp = index.load_metas()?.opstamp;
    if EntityTable::is_saved(dir, opstamp) {
        return Ok(());
    }
    let reader = index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()?;
    entities::build(&reader.searcher(), fields, opstamp)?.save(dir)
}

/// Checks the files of the last commit, and returns the commit checked. A
/// `dossier index` that commits meanwhile deletes the files of the commit
/// read a moment ago; then the newer commit is checked instead.
fn check_integrity(
    index: &Index,
    dir: &Path,
    mut metas: IndexMeta,
) -> std::result::Result<IndexMeta, String> {
    for _ in 0..3 {
        let Err(reason) = integrity::check(index, dir, &metas) else {
            return Ok(metas);
        };
        match index.load_metas() {
            Ok(newer) if newer.opstamp != metas.opstamp => metas = newer,
            _ => return Err(reason),
        }
    }
    integrity::check(index, dir, &metas).map(|()| metas)
}

/// The manifest of the last commit.
pub fn manifest(index: &Index) -> Result<Manifest> {
    let metas = index.load_metas()?;
    Ok(Manifest::from_payload(metas.payload.as_deref()).unwrap_or_default())
}

fn register_tokenizer(index: &Index) {
    index
        .tokenizers()
        .register(tokenizer::TOKENIZER_NAME, tokenizer::analyzer());
}
