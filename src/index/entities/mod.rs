//! The entity table: every person, organisation and place of the index,
//! resolved once per commit, and what every reader looks names up in.
//!
//! Passages carry the ids of their names as written (`name_ids`,
//! `speaker_ids`: hashes of their encoded paths, see [`name_id`]). The table maps
//! those ids to entities, each with one canonical name, one kind, its
//! spellings and its counts. It is a pure function of the passages in the
//! commit, so an incremental run and a rebuild of the same files give the
//! same table.
//!
//! - `ids`: reads each segment's name paths and which documents hold
//!   them, on every core.
//! - `usage`: counts what the live passages hold, in pieces of documents
//!   read side by side (`passages` keeps them, and visits them article by
//!   article).
//! - `build`: gathers the names of a commit, groups them with
//!   [`crate::resolve`] and counts each entity.
//!
//! The table is written next to the index as [`TABLE_FILE`], stamped with
//! the commit's opstamp. A reader whose commit has no table (a run stopped
//! between the commit and the table) builds it in memory instead, so a
//! table never describes other passages than the ones searched.
//!
//! [`name_id`]: super::documents::name_id

mod build;
mod docs;
mod file;
mod ids;
mod passages;
mod usage;

use std::path::Path;

use tantivy::directory::{Directory, MmapDirectory, OwnedBytes};
use tantivy::DocId;

use crate::analyze::{name_words, EntityKind};
use crate::error::{Error, Result};
use crate::resolve::Source;

pub use build::build;
pub use docs::DocEntities;
use file::{Layout, Parts, Row};

/// The table's file in the index directory.
pub const TABLE_FILE: &str = "entities.bin";

/// One entity, as read from the table. Its text is checked as UTF-8 only
/// when asked for, so that counting entities reads numbers alone.
#[derive(Debug, Clone, Copy)]
pub struct Entity<'t> {
    row: Row,
    name: &'t [u8],
    variants: &'t [u8],
    keys: &'t [u8],
}

/// Text of the table; a damaged part reads as nothing.
fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or("")
}

impl<'t> Entity<'t> {
    /// The id as shown to users, 16 hex digits: a hash of kind, canonical
    /// name and first member value.
    pub fn id_text(&self) -> String {
        format!("{:016x}", self.row.id)
    }

    /// Canonical name.
    pub fn name(&self) -> &'t str {
        text(self.name)
    }

    /// Its one kind.
    pub fn kind(&self) -> EntityKind {
        self.row.kind
    }

    /// Passages that name it or quote it.
    pub fn passages(&self) -> u64 {
        u64::from(self.row.passages)
    }

    /// Articles that name it or quote it.
    pub fn articles(&self) -> u64 {
        u64::from(self.row.articles)
    }

    /// Quotations attributed to it.
    pub fn quotes(&self) -> u64 {
        u64::from(self.row.quotes)
    }

    /// Every spelling as written, most used first, with its passages.
    pub fn variants(&self) -> impl Iterator<Item = (&'t str, u64)> {
        text(self.variants).lines().filter_map(|line| {
            let (spelling, count) = line.rsplit_once('\t')?;
            Some((spelling, count.parse().unwrap_or(0)))
        })
    }

    /// True when the folded words of a query appear, in order and
    /// together, in the name or one of its spellings.
    fn matches(&self, wanted: &[String]) -> bool {
        // Most entities lack the words altogether: a byte search says so
        // before any line is split.
        let keys = self.keys;
        let present = |word: &String| {
            keys.windows(word.len().max(1))
                .any(|w| w == word.as_bytes())
        };
        if !wanted.iter().all(present) {
            return false;
        }
        text(keys).lines().any(|key| {
            let words: Vec<&str> = key.split(' ').collect();
            wanted.len() <= words.len() && words.windows(wanted.len()).any(|w| w == wanted)
        })
    }
}

/// Which ids an entity is looked up by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdSpace {
    /// Names in passages (`name_ids`).
    Mentions,
    /// Speakers of quotations (`speaker_ids`).
    Speakers,
}

/// The entities of one commit, read in place from the table's bytes.
pub struct EntityTable {
    bytes: OwnedBytes,
    layout: Layout,
}

/// The id of a name as its article resolved it, from one source.
pub fn value_id(source: Source, value: &str) -> u64 {
    let tag: &[u8] = match source {
        Source::Person => b"p",
        Source::Org => b"o",
        Source::Place => b"l",
        Source::Speaker => b"s",
    };
    xxhash_rust::xxh3::xxh3_64_with_seed(value.as_bytes(), u64::from(tag[0]))
}

impl EntityTable {
    fn from_parts(parts: &Parts) -> EntityTable {
        let bytes = OwnedBytes::new(file::encode(parts));
        let layout = file::layout(&bytes).unwrap_or_default();
        EntityTable { bytes, layout }
    }

    /// How many entities there are.
    pub fn len(&self) -> usize {
        self.layout.rows.len() / file::ROW_BYTES
    }

    /// True when the index names nobody.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every entity, with its index.
    pub fn entities(&self) -> impl Iterator<Item = (u32, Entity<'_>)> {
        (0..self.len() as u32).filter_map(|i| Some((i, self.get(i)?)))
    }

    /// The kind of the entity at an index given by a lookup, without
    /// reading its names.
    pub fn kind(&self, index: u32) -> Option<EntityKind> {
        file::kind_at(&self.bytes[self.layout.rows.clone()], index as usize)
    }

    /// The entity at an index given by a lookup.
    pub fn get(&self, index: u32) -> Option<Entity<'_>> {
        let i = index as usize;
        let rows = &self.bytes[self.layout.rows.clone()];
        let row = file::row(rows, i)?;
        let start = match i {
            0 => 0,
            _ => file::row(rows, i - 1)?.end,
        };
        let text = &self.bytes[self.layout.text.clone()];
        let part = |from: u32, to: u32| text.get(from as usize..to as usize).unwrap_or(&[]);
        Some(Entity {
            row,
            name: part(start, row.name_end),
            variants: part(row.name_end, row.variants_end),
            keys: part(row.variants_end, row.end),
        })
    }

    fn map(&self, space: IdSpace) -> &[u8] {
        let range = match space {
            IdSpace::Mentions => self.layout.mentions.clone(),
            IdSpace::Speakers => self.layout.speakers.clone(),
        };
        &self.bytes[range]
    }

    /// Each passage's entities in the segment `id` (as tantivy writes it)
    /// with `max_doc` documents; `None` when the table was built from other
    /// segments.
    pub fn doc_entities(&self, id: &str, max_doc: DocId) -> Option<DocEntities> {
        DocEntities::find(&self.bytes, self.layout.docs.clone(), id, max_doc)
    }

    /// The entity of a name as its article resolved it.
    pub fn of_value(&self, source: Source, value: &str) -> Option<Entity<'_>> {
        let values = &self.bytes[self.layout.values.clone()];
        file::find(values, value_id(source, value)).and_then(|i| self.get(i))
    }

    /// Entities, of the given kinds, whose name or a spelling contains the
    /// folded words of `query` in order (`sudani`, `u.s.`, `pmf`).
    pub fn matching(&self, kinds: &[EntityKind], query: &str) -> Vec<u32> {
        self.matching_each(&[(kinds, query)])
            .pop()
            .unwrap_or_default()
    }

    /// [`EntityTable::matching`] for several queries, in one pass over the
    /// table.
    pub fn matching_each(&self, queries: &[(&[EntityKind], &str)]) -> Vec<Vec<u32>> {
        let wanted: Vec<Vec<String>> = queries.iter().map(|(_, q)| name_words(q)).collect();
        let mut found = vec![Vec::new(); queries.len()];
        if wanted.iter().all(Vec::is_empty) {
            return found;
        }
        for (i, entity) in self.entities() {
            for (q, (kinds, _)) in queries.iter().enumerate() {
                let words = &wanted[q];
                if !words.is_empty() && kinds.contains(&entity.kind()) && entity.matches(words) {
                    found[q].push(i);
                }
            }
        }
        found
    }

    /// Every id of some entities, in one id space.
    pub fn ids_of(&self, space: IdSpace, entities: &[u32]) -> Vec<u64> {
        let entities: std::collections::HashSet<u32> = entities.iter().copied().collect();
        file::pairs(self.map(space))
            .filter(|(_, e)| entities.contains(e))
            .map(|(id, _)| id)
            .collect()
    }

    /// Reads the table of the commit `opstamp` from the index directory
    /// `dir`, in place (memory-mapped by tantivy's directory); `None` when
    /// there is none, or it describes another commit or version, or is cut
    /// short.
    pub fn load(dir: &Path, opstamp: u64) -> Option<EntityTable> {
        // tantivy's own files end in a footer that its managed directory
        // checks; the table has none, so it is read from the plain one.
        let directory = MmapDirectory::open(dir).ok()?;
        let bytes = directory
            .open_read(Path::new(TABLE_FILE))
            .ok()?
            .read_bytes()
            .ok()?;
        let layout = file::layout(&bytes).filter(|l| l.opstamp == opstamp)?;
        Some(EntityTable { bytes, layout })
    }

    /// True when `dir` holds the table of commit `opstamp`.
    pub fn is_saved(dir: &Path, opstamp: u64) -> bool {
        Self::load(dir, opstamp).is_some()
    }

    /// Writes the table into the index directory `dir`, whole or not at
    /// all (written aside, then renamed).
    pub fn save(&self, dir: &Path) -> Result<()> {
        let path = dir.join(TABLE_FILE);
        let directory =
            MmapDirectory::open(dir).map_err(|e| Error::io(&path, std::io::Error::other(e)))?;
        directory
            .atomic_write(Path::new(TABLE_FILE), self.bytes.as_slice())
            .map_err(|e| Error::io(&path, e))
    }
}
