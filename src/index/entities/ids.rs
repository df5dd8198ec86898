//! The name ids of each document of a segment, read from the ids' postings.
//!
//! `name_ids` and `speaker_ids` are indexed so that filters match them; the
//! table needs them the other way round, per document. Turning the postings
//! around once per commit spares a fast column per field (5.1 MB of
//! `news.jsonl`'s index) that nothing else reads.

use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, SegmentReader};

use crate::error::Result;

/// Each document's ids, in increasing order.
pub(super) struct IdsByDoc {
    /// Where document `d`'s ids start in `ids`; one more entry than documents.
    starts: Vec<u32>,
    ids: Vec<u64>,
}

impl IdsByDoc {
    /// Reads every id of `field` in `segment`, deleted documents included
    /// (their ids are never asked for).
    pub(super) fn read(segment: &SegmentReader, field: Field) -> Result<IdsByDoc> {
        let inverted = segment.inverted_index(field)?;
        let mut pairs: Vec<(DocId, u64)> = Vec::new();
        let mut terms = inverted
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while terms.advance() {
            // A u64 term is its value's eight big-endian bytes.
            let Ok(bytes) = <[u8; 8]>::try_from(terms.key()) else {
                continue;
            };
            let id = u64::from_be_bytes(bytes);
            let mut block = inverted
                .read_block_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
                .map_err(tantivy::TantivyError::from)?;
            while !block.docs().is_empty() {
                pairs.extend(block.docs().iter().map(|&doc| (doc, id)));
                block.advance();
            }
        }
        pairs.sort_unstable();
        let max_doc = segment.max_doc() as usize;
        let mut starts = vec![0u32; max_doc + 1];
        for &(doc, _) in &pairs {
            if let Some(count) = starts.get_mut(doc as usize + 1) {
                *count += 1;
            }
        }
        for d in 1..starts.len() {
            starts[d] += starts[d - 1];
        }
        Ok(IdsByDoc {
            starts,
            ids: pairs.into_iter().map(|(_, id)| id).collect(),
        })
    }

    /// The ids of `doc`.
    pub(super) fn of(&self, doc: DocId) -> &[u64] {
        let d = doc as usize;
        match (self.starts.get(d), self.starts.get(d + 1)) {
            (Some(&start), Some(&end)) => self.ids.get(start as usize..end as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}
