//! The entity table: every person, organisation and place of the index,
//! resolved once per commit, and what every reader looks names up in.
//!
//! Passages carry the ids of their names as written (`name_ids`,
//! `speaker_ids`: hashes of facet values, see [`facet_id`]). The table maps
//! those ids to entities, each with one canonical name, one kind, its
//! spellings and its counts. It is a pure function of the passages in the
//! commit, so an incremental run and a rebuild of the same files give the
//! same table.
//!
//! - `build`: reads the names of a commit and groups them with
//!   [`crate::resolve`].
//!
//! The table is written next to the index as [`TABLE_FILE`], stamped with
//! the commit's opstamp. A reader whose commit has no table (a run stopped
//! between the commit and the table) builds it in memory instead, so a
//! table never describes other passages than the ones searched.
//!
//! [`facet_id`]: super::documents::facet_id

mod build;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::analyze::name_words;
use crate::analyze::EntityKind;
use crate::error::{Error, Result};
use crate::resolve::Source;

pub use build::build;

/// The table's file in the index directory.
pub const TABLE_FILE: &str = "entities.bin";

/// Bumped when the table's layout or the grouping rules change.
const TABLE_VERSION: u32 = 1;

/// What the table keeps of one entity besides its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Row {
    id: u64,
    kind: EntityKind,
    passages: u64,
    articles: u64,
    quotes: u64,
    /// Where its text ends in [`EntityTable::text`]: the name, then one
    /// `spelling\tpassages` line per spelling, then one line of folded words
    /// per spelling for matching filters. It starts where the previous
    /// entity's ends.
    name_end: u32,
    variants_end: u32,
    end: u32,
}

/// One entity, as read from the table.
#[derive(Debug, Clone, Copy)]
pub struct Entity<'t> {
    row: &'t Row,
    name: &'t str,
    variants: &'t str,
    keys: &'t str,
}

impl<'t> Entity<'t> {
    /// Stable id: a hash of kind, canonical name and first member value.
    pub fn id(&self) -> u64 {
        self.row.id
    }

    /// The id as shown to users: 16 hex digits.
    pub fn id_text(&self) -> String {
        format!("{:016x}", self.row.id)
    }

    /// Canonical name.
    pub fn name(&self) -> &'t str {
        self.name
    }

    /// Its one kind.
    pub fn kind(&self) -> EntityKind {
        self.row.kind
    }

    /// Passages that name it or quote it.
    pub fn passages(&self) -> u64 {
        self.row.passages
    }

    /// Articles that name it or quote it.
    pub fn articles(&self) -> u64 {
        self.row.articles
    }

    /// Quotations attributed to it.
    pub fn quotes(&self) -> u64 {
        self.row.quotes
    }

    /// Every spelling as written, most used first, with its passages.
    pub fn variants(&self) -> impl Iterator<Item = (&'t str, u64)> {
        self.variants.lines().filter_map(|line| {
            let (spelling, count) = line.rsplit_once('\t')?;
            Some((spelling, count.parse().unwrap_or(0)))
        })
    }

    /// True when the folded words of a query appear, in order and
    /// together, in the name or one of its spellings.
    fn matches(&self, wanted: &[String]) -> bool {
        self.keys.lines().any(|key| {
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

/// The entities of one commit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityTable {
    version: u32,
    /// The commit the table describes.
    opstamp: u64,
    rows: Vec<Row>,
    /// The text of every entity, one after the other: one allocation to
    /// read rather than several per entity.
    text: String,
    /// (name id, entity index), sorted.
    mentions: Vec<(u64, u32)>,
    /// (speaker id, entity index), sorted.
    speakers: Vec<(u64, u32)>,
    /// (value id, entity index), sorted: see [`value_id`].
    values: Vec<(u64, u32)>,
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

fn lookup(pairs: &[(u64, u32)], id: u64) -> Option<u32> {
    pairs
        .binary_search_by_key(&id, |&(i, _)| i)
        .ok()
        .map(|at| pairs[at].1)
}

impl EntityTable {
    /// How many entities there are.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the index names nobody.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Every entity, with its index.
    pub fn entities(&self) -> impl Iterator<Item = (u32, Entity<'_>)> {
        (0..self.rows.len() as u32).filter_map(|i| Some((i, self.get(i)?)))
    }

    /// The entity at an index given by a lookup.
    pub fn get(&self, index: u32) -> Option<Entity<'_>> {
        let i = index as usize;
        let row = self.rows.get(i)?;
        let start = match i {
            0 => 0,
            _ => self.rows[i - 1].end as usize,
        };
        let text = |from: u32, to: u32| self.text.get(from as usize..to as usize).unwrap_or("");
        Some(Entity {
            row,
            name: self.text.get(start..row.name_end as usize).unwrap_or(""),
            variants: text(row.name_end, row.variants_end),
            keys: text(row.variants_end, row.end),
        })
    }

    /// The entity of a name or speaker id.
    pub fn of_id(&self, space: IdSpace, id: u64) -> Option<u32> {
        match space {
            IdSpace::Mentions => lookup(&self.mentions, id),
            IdSpace::Speakers => lookup(&self.speakers, id),
        }
    }

    /// The entity of a name as its article resolved it.
    pub fn of_value(&self, source: Source, value: &str) -> Option<Entity<'_>> {
        lookup(&self.values, value_id(source, value)).and_then(|i| self.get(i))
    }

    /// Entities, of the given kinds, whose name or a spelling contains the
    /// folded words of `query` in order (`sudani`, `u.s.`, `pmf`).
    pub fn matching(&self, kinds: &[EntityKind], query: &str) -> Vec<u32> {
        let wanted = name_words(query);
        if wanted.is_empty() {
            return Vec::new();
        }
        self.entities()
            .filter(|(_, entity)| kinds.contains(&entity.kind()) && entity.matches(&wanted))
            .map(|(i, _)| i)
            .collect()
    }

    /// Every id of some entities, in one id space.
    pub fn ids_of(&self, space: IdSpace, entities: &[u32]) -> Vec<u64> {
        let entities: std::collections::HashSet<u32> = entities.iter().copied().collect();
        let pairs = match space {
            IdSpace::Mentions => &self.mentions,
            IdSpace::Speakers => &self.speakers,
        };
        pairs
            .iter()
            .filter(|(_, e)| entities.contains(e))
            .map(|&(id, _)| id)
            .collect()
    }

    /// Reads the table of the commit `opstamp` from `dir`; `None` when
    /// there is none, or it describes another commit or version.
    pub fn load(dir: &Path, opstamp: u64) -> Option<EntityTable> {
        let bytes = std::fs::read(dir.join(TABLE_FILE)).ok()?;
        let table: EntityTable = postcard::from_bytes(&bytes).ok()?;
        (table.version == TABLE_VERSION && table.opstamp == opstamp).then_some(table)
    }

    /// True when `dir` holds the table of commit `opstamp`; reads only
    /// the start of the file.
    pub fn is_saved(dir: &Path, opstamp: u64) -> bool {
        let Ok(bytes) = std::fs::read(dir.join(TABLE_FILE)) else {
            return false;
        };
        matches!(
            postcard::take_from_bytes::<(u32, u64)>(&bytes),
            Ok(((TABLE_VERSION, stamp), _)) if stamp == opstamp
        )
    }

    /// Writes the table into `dir`, whole or not at all.
    pub fn save(&self, dir: &Path) -> Result<()> {
        let bytes = postcard::to_allocvec(self).map_err(|e| Error::Io {
            path: dir.join(TABLE_FILE),
            source: std::io::Error::other(e),
        })?;
        let temporary = dir.join(format!("{TABLE_FILE}.tmp"));
        std::fs::write(&temporary, bytes).map_err(|e| Error::io(&temporary, e))?;
        let path = dir.join(TABLE_FILE);
        std::fs::rename(&temporary, &path).map_err(|e| Error::io(&path, e))
    }

    /// The commit the table describes.
    pub fn opstamp(&self) -> u64 {
        self.opstamp
    }
}
