//! The name ids of each document of a segment, read from the ids' postings.
//!
//! `name_ids` and `speaker_ids` are indexed so that filters match them; the
//! table needs them the other way round, per document. Turning the postings
//! around once per commit spares a fast column per field (5.2 MB of
//! `news.jsonl`'s index) that nothing else reads.

use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, SegmentReader};

use crate::error::Result;

/// Each document's ids, in increasing order.
pub(super) struct IdsByDoc {
    /// Where document `d`'s ids start in `ords`; one more entry than documents.
    starts: Vec<u32>,
    /// Each document's ids as term ordinals, document after document.
    ords: Vec<u32>,
    /// The id of each term ordinal.
    ids: Vec<u64>,
}

impl IdsByDoc {
    /// Reads every id of `field` in `segment`, deleted documents included
    /// (their ids are never asked for). Each posting costs eight bytes while
    /// it is sorted and four once read: a document and its term's ordinal.
    pub(super) fn read(segment: &SegmentReader, field: Field) -> Result<IdsByDoc> {
        let inverted = segment.inverted_index(field)?;
        let mut ids = Vec::new();
        let mut postings: Vec<u64> = Vec::new();
        let mut terms = inverted
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while terms.advance() {
            // A u64 term is its value's eight big-endian bytes.
            let Ok(bytes) = <[u8; 8]>::try_from(terms.key()) else {
                continue;
            };
            let Ok(ord) = u32::try_from(ids.len()) else {
                break;
            };
            ids.push(u64::from_be_bytes(bytes));
            let mut block = inverted
                .read_block_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
                .map_err(tantivy::TantivyError::from)?;
            while !block.docs().is_empty() {
                postings.extend(
                    block
                        .docs()
                        .iter()
                        .map(|&doc| (u64::from(doc) << 32) | u64::from(ord)),
                );
                block.advance();
            }
        }
        postings.sort_unstable();
        let mut starts = vec![0u32; segment.max_doc() as usize + 1];
        for &posting in &postings {
            if let Some(count) = starts.get_mut((posting >> 32) as usize + 1) {
                *count += 1;
            }
        }
        for d in 1..starts.len() {
            starts[d] += starts[d - 1];
        }
        let ords = postings.into_iter().map(|p| p as u32).collect();
        Ok(IdsByDoc { starts, ords, ids })
    }

    /// The id of each term ordinal [`IdsByDoc::ords_of`] gives.
    pub(super) fn ids(&self) -> &[u64] {
        &self.ids
    }

    /// The term ordinals of `doc`'s ids: indices into [`IdsByDoc::ids`].
    pub(super) fn ords_of(&self, doc: DocId) -> &[u32] {
        let d = doc as usize;
        let range = match (self.starts.get(d), self.starts.get(d + 1)) {
            (Some(&start), Some(&end)) => start as usize..end as usize,
            _ => 0..0,
        };
        self.ords.get(range).unwrap_or(&[])
    }
}
