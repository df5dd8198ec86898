//! Each passage's entities, by segment and document: the table's last
//! section, which facet counts read instead of looking every name id of
//! every matching passage up in the id maps.
//!
//! A long query matches most of the index, and the ids of its passages are
//! tens of thousands of distinct hashes: looking each up cost more than the
//! search itself. The table is built from every live passage anyway, so it
//! also writes, per passage, the entities it names and the entities it
//! quotes, each once.
//!
//! The section, little-endian: a `u32` count of segments; per segment a
//! header of [`SEGMENT_HEADER_BYTES`] (its id as 32 ASCII hex digits, its
//! `max_doc`, its number of listed entities, and where its lists start in
//! the section); then per segment `2 * max_doc + 1` offsets and the
//! entities. Document `d` names `entities[offsets[2d]..offsets[2d + 1]]`
//! and quotes `entities[offsets[2d + 1]..offsets[2d + 2]]`.

use std::ops::Range;

use rayon::prelude::*;

use tantivy::directory::OwnedBytes;
use tantivy::DocId;

use super::file::{u32_at, u64_at};
use super::IdSpace;

/// A segment's header in the section.
const SEGMENT_HEADER_BYTES: usize = 32 + 4 + 4 + 8;

/// The values (indices into the names the table groups) of each live
/// passage, gathered while the table is built, before the names are grouped
/// into entities.
#[derive(Debug, Default)]
pub(super) struct DocValues {
    segments: Vec<SegmentValues>,
}

#[derive(Debug)]
struct SegmentValues {
    id: String,
    max_doc: u32,
    /// The passages, in pieces of increasing documents (kept apart rather
    /// than copied end to end).
    pieces: Vec<DocLists>,
}

/// The values of some passages of one segment, in increasing order of
/// document.
#[derive(Debug, Default)]
pub(super) struct DocLists {
    /// The passages listed, in increasing order.
    docs: Vec<DocId>,
    /// Per passage listed, where its names and then its speakers end in
    /// `values`.
    ends: Vec<(u32, u32)>,
    values: Vec<u32>,
}

impl DocLists {
    /// Room for `docs` passages holding `values` values in all.
    pub(super) fn with_capacity(docs: usize, values: usize) -> DocLists {
        DocLists {
            docs: Vec::with_capacity(docs),
            ends: Vec::with_capacity(docs),
            values: Vec::with_capacity(values),
        }
    }

    /// Lists passage `doc`, after those listed, with the values of the
    /// names it holds and of the speakers it quotes.
    pub(super) fn push(&mut self, doc: DocId, names: &[u32], speakers: &[u32]) {
        self.docs.push(doc);
        self.values.extend_from_slice(names);
        let names_end = self.values.len() as u32;
        self.values.extend_from_slice(speakers);
        self.ends.push((names_end, self.values.len() as u32));
    }

    /// Each passage listed, with the values of its names and speakers.
    fn passages(&self) -> impl Iterator<Item = (DocId, &[u32], &[u32])> {
        let values = &self.values;
        let slice = |from: u32, to: u32| values.get(from as usize..to as usize).unwrap_or(&[]);
        self.docs
            .iter()
            .zip(&self.ends)
            .scan(0, move |start, (&doc, &(names_end, end))| {
                let names = slice(*start, names_end);
                *start = end;
                Some((doc, names, slice(names_end, end)))
            })
    }
}

impl DocValues {
    /// Adds the segment `id`, with `max_doc` documents, whose passages are
    /// listed in `pieces`, in order.
    pub(super) fn push_segment(&mut self, id: String, max_doc: u32, pieces: Vec<DocLists>) {
        self.segments.push(SegmentValues {
            id,
            max_doc,
            pieces,
        });
    }

    /// The section's bytes, each value turned into its entity
    /// (`entity_of_value`; `none` for a name no entity holds), each entity
    /// once per passage and list.
    pub(super) fn encode(&self, entity_of_value: &[u32], none: u32) -> Vec<u8> {
        // By segment id, not in the order a reader lists them (tantivy's
        // order can differ between processes), so that a table is the same
        // bytes whoever builds it.
        let mut segments: Vec<&SegmentValues> = self.segments.iter().collect();
        segments.sort_by(|a, b| a.id.cmp(&b.id));
        let lists: Vec<(Vec<u32>, Vec<u32>)> = segments
            .par_iter()
            .map(|s| s.lists(entity_of_value, none))
            .collect();
        let numbers: usize = lists.iter().map(|(o, e)| o.len() + e.len()).sum();
        let mut bytes =
            Vec::with_capacity(4 + self.segments.len() * SEGMENT_HEADER_BYTES + 4 * numbers);
        bytes.extend_from_slice(&(self.segments.len() as u32).to_le_bytes());
        let mut start = 4 + self.segments.len() * SEGMENT_HEADER_BYTES;
        for (segment, (offsets, entities)) in segments.iter().zip(&lists) {
            let mut id = [b'0'; 32];
            let written = segment.id.as_bytes();
            id[..written.len().min(32)].copy_from_slice(&written[..written.len().min(32)]);
            bytes.extend_from_slice(&id);
            bytes.extend_from_slice(&segment.max_doc.to_le_bytes());
            bytes.extend_from_slice(&(entities.len() as u32).to_le_bytes());
            bytes.extend_from_slice(&(start as u64).to_le_bytes());
            start += 4 * (offsets.len() + entities.len());
        }
        for (offsets, entities) in &lists {
            for n in offsets.iter().chain(entities) {
                bytes.extend_from_slice(&n.to_le_bytes());
            }
        }
        bytes
    }
}

impl SegmentValues {
    /// The segment's offsets (two per document, and the end) and entities.
    fn lists(&self, entity_of_value: &[u32], none: u32) -> (Vec<u32>, Vec<u32>) {
        let mut offsets = Vec::with_capacity(2 * self.max_doc as usize + 1);
        let values = self.pieces.iter().map(|p| p.values.len()).sum();
        let mut entities: Vec<u32> = Vec::with_capacity(values);
        let mut listed = self.pieces.iter().flat_map(DocLists::passages).peekable();
        for doc in 0..self.max_doc {
            offsets.push(entities.len() as u32);
            if let Some((_, names, speakers)) = listed.next_if(|&(d, _, _)| d == doc) {
                push_entities(names, entity_of_value, none, &mut entities);
                offsets.push(entities.len() as u32);
                push_entities(speakers, entity_of_value, none, &mut entities);
            } else {
                offsets.push(entities.len() as u32);
            }
        }
        offsets.push(entities.len() as u32);
        (offsets, entities)
    }
}

/// Appends the entities of `values` to `entities`, each once.
fn push_entities(values: &[u32], entity_of_value: &[u32], none: u32, entities: &mut Vec<u32>) {
    let from = entities.len();
    entities.extend(
        values
            .iter()
            .filter_map(|&v| entity_of_value.get(v as usize).copied())
            .filter(|&e| e != none),
    );
    entities[from..].sort_unstable();
    let mut kept = from;
    for i in from..entities.len() {
        if kept == from || entities[i] != entities[kept - 1] {
            entities[kept] = entities[i];
            kept += 1;
        }
    }
    entities.truncate(kept);
}

/// One segment's lists, read in place from the table's bytes.
#[derive(Clone)]
pub struct DocEntities {
    offsets: OwnedBytes,
    entities: OwnedBytes,
}

impl DocEntities {
    /// The lists of the segment `id` with `max_doc` documents in the
    /// section `section` of `bytes`, if the table has them.
    pub(super) fn find(
        bytes: &OwnedBytes,
        section: Range<usize>,
        id: &str,
        max_doc: DocId,
    ) -> Option<DocEntities> {
        let base = section.start;
        let section = bytes.slice(section);
        let count = u32_at(&section, 0)? as usize;
        for k in 0..count {
            let header = 4 + k * SEGMENT_HEADER_BYTES;
            let written = section.get(header..header + 32)?;
            if written != id.as_bytes() || u32_at(&section, header + 32)? != max_doc {
                continue;
            }
            let entities = u32_at(&section, header + 36)? as usize;
            let start = usize::try_from(u64_at(&section, header + 40)?).ok()?;
            let offsets_end = start.checked_add(4 * (2 * max_doc as usize + 1))?;
            let end = offsets_end.checked_add(4 * entities)?;
            if end > section.len() {
                return None;
            }
            return Some(DocEntities {
                offsets: bytes.slice(base + start..base + offsets_end),
                entities: bytes.slice(base + offsets_end..base + end),
            });
        }
        None
    }

    /// The entities that document `doc` names (`Mentions`) or quotes
    /// (`Speakers`), each once.
    pub fn of(&self, doc: DocId, space: IdSpace) -> impl Iterator<Item = u32> + '_ {
        let first = 2 * doc as usize + usize::from(space == IdSpace::Speakers);
        let at = |i: usize| u32_at(&self.offsets, 4 * i).map(|n| n as usize);
        let range = match (at(first), at(first + 1)) {
            (Some(from), Some(to)) if from <= to => from..to,
            _ => 0..0,
        };
        range.filter_map(|i| u32_at(&self.entities, 4 * i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_passage_lists_its_entities_once_per_space() {
        const NONE: u32 = u32::MAX;
        // Values 0 and 1 are one entity (7), value 2 is entity 3, value 3
        // belongs to no entity.
        let entity_of_value = [7, 7, 3, NONE];
        let mut values = DocValues::default();
        // Segment a comes in two pieces, read one after the other.
        let (mut first, mut second) = (DocLists::default(), DocLists::default());
        first.push(1, &[0, 1, 2], &[2]);
        second.push(3, &[3], &[0]);
        values.push_segment("a".repeat(32), 4, vec![first, second]);
        let mut only = DocLists::default();
        only.push(0, &[2], &[]);
        values.push_segment("b".repeat(32), 1, vec![only]);
        let bytes = OwnedBytes::new(values.encode(&entity_of_value, NONE));
        let all = 0..bytes.len();
        let a = DocEntities::find(&bytes, all.clone(), &"a".repeat(32), 4).expect("segment a");
        let list = |d: DocId, space| a.of(d, space).collect::<Vec<u32>>();
        assert_eq!(list(0, IdSpace::Mentions), Vec::<u32>::new());
        assert_eq!(list(1, IdSpace::Mentions), [3, 7]);
        assert_eq!(list(1, IdSpace::Speakers), [3]);
        assert_eq!(list(3, IdSpace::Mentions), Vec::<u32>::new());
        assert_eq!(list(3, IdSpace::Speakers), [7]);
        let b = DocEntities::find(&bytes, all.clone(), &"b".repeat(32), 1).expect("segment b");
        assert_eq!(b.of(0, IdSpace::Mentions).collect::<Vec<_>>(), [3]);
        // Another segment, or the same one with other documents, is not there.
        assert!(DocEntities::find(&bytes, all.clone(), &"c".repeat(32), 1).is_none());
        assert!(DocEntities::find(&bytes, all, &"b".repeat(32), 2).is_none());
    }
}
