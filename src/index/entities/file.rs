//! The table's bytes: fixed-size records a search reads in place, from a
//! memory map, without decoding the whole table first.
//!
//! All numbers are little-endian. After a header (magic, version, the
//! commit's opstamp, and the length of each section) come:
//! - three sorted id maps (`mentions`, `speakers`, `values`), each record
//!   an id (`u64`) and an entity index (`u32`);
//! - one record of [`ROW_BYTES`] per entity;
//! - the entities' text, one after the other (see [`Row`]);
//! - each passage's entities, by segment and document (see `docs.rs`).

use crate::analyze::EntityKind;

/// Starts every table file.
const MAGIC: &[u8; 8] = b"DOSSENT\0";
/// Bumped when the layout or the grouping rules change.
pub const VERSION: u32 = 10;
/// Magic, version, padding, opstamp, six section lengths.
const HEADER_BYTES: usize = 8 + 4 + 4 + 8 + 6 * 8;
/// One id map record.
pub const PAIR_BYTES: usize = 12;
/// One entity record.
pub const ROW_BYTES: usize = 36;

/// One entity's numbers, and where its text ends in the text section: the
/// name, then one `spelling\tpassages` line per spelling, then one line of
/// folded words per spelling for matching filters. It starts where the
/// previous entity's ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub id: u64,
    pub kind: EntityKind,
    pub passages: u32,
    pub articles: u32,
    pub quotes: u32,
    pub name_end: u32,
    pub variants_end: u32,
    pub end: u32,
}

/// Everything a table holds, before it is laid out.
#[derive(Debug, Default)]
pub struct Parts {
    pub opstamp: u64,
    pub rows: Vec<Row>,
    pub text: String,
    pub mentions: Vec<(u64, u32)>,
    pub speakers: Vec<(u64, u32)>,
    pub values: Vec<(u64, u32)>,
    /// The section of each passage's entities, encoded.
    pub docs: Vec<u8>,
}

/// Where each section lies in the bytes of a table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub opstamp: u64,
    pub mentions: std::ops::Range<usize>,
    pub speakers: std::ops::Range<usize>,
    pub values: std::ops::Range<usize>,
    pub rows: std::ops::Range<usize>,
    pub text: std::ops::Range<usize>,
    pub docs: std::ops::Range<usize>,
}

/// The bytes of a table.
pub fn encode(parts: &Parts) -> Vec<u8> {
    let pairs = |p: &[(u64, u32)]| p.len() * PAIR_BYTES;
    let mut bytes = Vec::with_capacity(
        HEADER_BYTES
            + pairs(&parts.mentions)
            + pairs(&parts.speakers)
            + pairs(&parts.values)
            + parts.rows.len() * ROW_BYTES
            + parts.text.len()
            + parts.docs.len(),
    );
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&VERSION.to_le_bytes());
    bytes.extend_from_slice(&0u32.to_le_bytes());
    bytes.extend_from_slice(&parts.opstamp.to_le_bytes());
    for len in [
        pairs(&parts.mentions),
        pairs(&parts.speakers),
        pairs(&parts.values),
        parts.rows.len() * ROW_BYTES,
        parts.text.len(),
        parts.docs.len(),
    ] {
        bytes.extend_from_slice(&(len as u64).to_le_bytes());
    }
    for map in [&parts.mentions, &parts.speakers, &parts.values] {
        for (id, entity) in map.iter() {
            bytes.extend_from_slice(&id.to_le_bytes());
            bytes.extend_from_slice(&entity.to_le_bytes());
        }
    }
    for row in &parts.rows {
        bytes.extend_from_slice(&row.id.to_le_bytes());
        for n in [
            row.passages,
            row.articles,
            row.quotes,
            row.name_end,
            row.variants_end,
            row.end,
        ] {
            bytes.extend_from_slice(&n.to_le_bytes());
        }
        bytes.extend_from_slice(&[kind_byte(row.kind), 0, 0, 0]);
    }
    bytes.extend_from_slice(parts.text.as_bytes());
    bytes.extend_from_slice(&parts.docs);
    bytes
}

/// The commit a table's bytes describe, if they are a table of this
/// version at all.
pub fn opstamp(bytes: &[u8]) -> Option<u64> {
    if bytes.get(..8)? != MAGIC || u32_at(bytes, 8)? != VERSION {
        return None;
    }
    u64_at(bytes, 16)
}

/// Where the sections lie; `None` when the bytes are not a whole table.
pub fn layout(bytes: &[u8]) -> Option<Layout> {
    let opstamp = opstamp(bytes)?;
    let mut start = HEADER_BYTES;
    let mut section = |i: usize| -> Option<std::ops::Range<usize>> {
        let len = usize::try_from(u64_at(bytes, 24 + 8 * i)?).ok()?;
        let range = start..start.checked_add(len)?;
        start = range.end;
        Some(range)
    };
    let sections: Vec<std::ops::Range<usize>> = (0..6).map(&mut section).collect::<Option<_>>()?;
    let [mentions, speakers, values, rows, text, docs] = <[_; 6]>::try_from(sections).ok()?;
    let layout = Layout {
        opstamp,
        mentions,
        speakers,
        values,
        rows,
        text,
        docs,
    };
    let whole = start == bytes.len()
        && [&layout.mentions, &layout.speakers, &layout.values]
            .iter()
            .all(|r| r.len() % PAIR_BYTES == 0)
        && layout.rows.len() % ROW_BYTES == 0;
    whole.then_some(layout)
}

/// The entity of `id` in a sorted id map. Ids are hashes, spread evenly
/// over the u64s, so the search starts where `id` would stand and widens
/// from there: a few probes instead of a binary search's twenty. Keys
/// spread any other way are still found, with more steps.
pub fn find(map: &[u8], id: u64) -> Option<u32> {
    let n = map.len() / PAIR_BYTES;
    let key = |i: usize| u64_at(map, i * PAIR_BYTES);
    if n == 0 {
        return None;
    }
    let guess = ((u128::from(id) * n as u128) >> 64) as usize;
    let (mut low, mut high) = if key(guess)? < id {
        widen_right(guess, n, |i| key(i).map(|k| k < id))?
    } else {
        widen_left(guess, |i| key(i).map(|k| k >= id))?
    };
    while low < high {
        let middle = (low + high) / 2;
        match key(middle)?.cmp(&id) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return u32_at(map, middle * PAIR_BYTES + 8),
        }
    }
    None
}

/// The range after `from` (whose key is below the one sought) that holds
/// the first key not `below` it, found by doubling steps.
fn widen_right(
    from: usize,
    n: usize,
    below: impl Fn(usize) -> Option<bool>,
) -> Option<(usize, usize)> {
    let (mut low, mut step) = (from + 1, 1);
    loop {
        let probe = from + step;
        if probe >= n {
            return Some((low, n));
        }
        if !below(probe)? {
            return Some((low, probe + 1));
        }
        low = probe + 1;
        step *= 2;
    }
}

/// The range up to `from` (whose key is not below the one sought) that
/// holds the first key `at_least` it, found by doubling steps.
fn widen_left(from: usize, at_least: impl Fn(usize) -> Option<bool>) -> Option<(usize, usize)> {
    let (mut high, mut step) = (from + 1, 1);
    loop {
        let Some(probe) = from.checked_sub(step) else {
            return Some((0, high));
        };
        if !at_least(probe)? {
            return Some((probe + 1, high));
        }
        high = probe + 1;
        step *= 2;
    }
}

/// Every (id, entity) of an id map.
pub fn pairs(map: &[u8]) -> impl Iterator<Item = (u64, u32)> + '_ {
    map.chunks_exact(PAIR_BYTES)
        .filter_map(|pair| Some((u64_at(pair, 0)?, u32_at(pair, 8)?)))
}

/// The kind of the entity at index `i` of the rows section, read alone:
/// facets ask it of every entity a query counts.
pub fn kind_at(rows: &[u8], i: usize) -> Option<EntityKind> {
    let at = i.checked_mul(ROW_BYTES)?.checked_add(32)?;
    byte_kind(*rows.get(at)?)
}

/// The row at index `i` of the rows section.
pub fn row(rows: &[u8], i: usize) -> Option<Row> {
    let at = i.checked_mul(ROW_BYTES)?;
    let record = rows.get(at..at + ROW_BYTES)?;
    let n = |k: usize| u32_at(record, 8 + 4 * k);
    Some(Row {
        id: u64_at(record, 0)?,
        passages: n(0)?,
        articles: n(1)?,
        quotes: n(2)?,
        name_end: n(3)?,
        variants_end: n(4)?,
        end: n(5)?,
        kind: byte_kind(*record.get(32)?)?,
    })
}

fn kind_byte(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Org => 1,
        EntityKind::Place => 2,
    }
}

fn byte_kind(byte: u8) -> Option<EntityKind> {
    match byte {
        0 => Some(EntityKind::Person),
        1 => Some(EntityKind::Org),
        2 => Some(EntityKind::Place),
        _ => None,
    }
}

pub(super) fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

pub(super) fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts() -> Parts {
        Parts {
            opstamp: 7,
            rows: vec![Row {
                id: 99,
                kind: EntityKind::Place,
                passages: 3,
                articles: 2,
                quotes: 0,
                name_end: 4,
                variants_end: 11,
                end: 16,
            }],
            text: "Iraq\nIraq\t3\niraq\n".into(),
            mentions: vec![(5, 0), (9, 0)],
            speakers: Vec::new(),
            values: vec![(1, 0)],
            docs: vec![1, 2, 3],
        }
    }

    #[test]
    fn a_table_reads_back_what_was_written() {
        let parts = parts();
        let bytes = encode(&parts);
        let layout = layout(&bytes).expect("a whole table");
        assert_eq!(layout.opstamp, 7);
        assert_eq!(find(&bytes[layout.mentions.clone()], 9), Some(0));
        assert_eq!(find(&bytes[layout.mentions.clone()], 6), None);
        assert_eq!(row(&bytes[layout.rows.clone()], 0), Some(parts.rows[0]));
        assert_eq!(row(&bytes[layout.rows.clone()], 1), None);
        assert_eq!(&bytes[layout.text], parts.text.as_bytes());
        assert_eq!(&bytes[layout.docs], &parts.docs[..]);
    }

    #[test]
    fn every_id_of_a_map_is_found_however_its_keys_spread() {
        let spread = |i: u64| xxhash_rust::xxh3::xxh3_64(&i.to_le_bytes());
        let bunched = |i: u64| 1_000 + 3 * i;
        for key_of in [&spread as &dyn Fn(u64) -> u64, &bunched] {
            let mut pairs: Vec<(u64, u32)> = (0..2_000).map(|i| (key_of(i), i as u32)).collect();
            pairs.sort_unstable();
            let map: Vec<u8> = pairs
                .iter()
                .flat_map(|(id, e)| id.to_le_bytes().into_iter().chain(e.to_le_bytes()))
                .collect();
            for &(id, entity) in &pairs {
                assert_eq!(find(&map, id), Some(entity), "{id}");
                assert_eq!(find(&map, id.wrapping_add(1)), None, "{id} + 1");
            }
            assert_eq!(find(&map, 0), None);
            assert_eq!(find(&map, u64::MAX), None);
        }
        assert_eq!(find(&[], 5), None);
    }

    #[test]
    fn cut_or_foreign_bytes_are_no_table() {
        let bytes = encode(&parts());
        assert!(layout(&bytes[..bytes.len() - 1]).is_none());
        assert!(layout(b"DOSSENT").is_none());
        assert!(layout(&[]).is_none());
        let mut other = bytes.clone();
        other[8] = 99;
        assert!(layout(&other).is_none());
    }
}
