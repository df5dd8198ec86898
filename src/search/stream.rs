//! Every match of a query, one at a time, for exports: no top-k, no
//! scores, and memory bounded by one segment's matching document ids.

use tantivy::query::{EnableScoring, Query};
use tantivy::{DocId, TantivyDocument};

use super::{highlight, Filters, Hit, QuoteHit, Searcher};
use crate::error::{Error, Result};
use crate::index::schema::{PASSAGE, QUOTE};

/// Stored documents read ahead per segment: exports read them in order.
const STORE_BLOCKS_CACHED: usize = 16;

/// A record that [`Searcher::each`] streams: a passage or a quotation.
pub trait Streamed: Sized {
    /// The record type of its documents in the index.
    const RECORD: u64;

    /// The record of a stored document, without a score or highlights.
    fn read(searcher: &Searcher, document: &TantivyDocument) -> Self;
}

impl Streamed for Hit {
    const RECORD: u64 = PASSAGE;

    fn read(searcher: &Searcher, document: &TantivyDocument) -> Self {
        searcher.hit(document, 0.0, &highlight::Terms::default())
    }
}

impl Streamed for QuoteHit {
    const RECORD: u64 = QUOTE;

    fn read(searcher: &Searcher, document: &TantivyDocument) -> Self {
        searcher.quote_hit(document, None)
    }
}

impl Searcher {
    /// How many passages match `query` (all without one) and `filters`.
    pub fn count_passages(&self, query: Option<&str>, filters: &Filters) -> Result<usize> {
        let (restricted, _) = self.restrict(query, PASSAGE, filters)?;
        Ok(self
            .reader
            .searcher()
            .search(restricted.as_ref(), &tantivy::collector::Count)?)
    }

    /// Calls `each` with every record of type `T` (a passage [`Hit`] or a
    /// [`QuoteHit`]) matching `query` (all without one) and `filters`, in
    /// index order, and returns how many there were.
    pub fn each<T: Streamed>(
        &self,
        query: Option<&str>,
        filters: &Filters,
        mut each: impl FnMut(T) -> Result<()>,
    ) -> Result<u64> {
        let (restricted, _) = self.restrict(query, T::RECORD, filters)?;
        self.each_match(restricted.as_ref(), |document| {
            each(T::read(self, document))
        })
    }

    /// Reads every live document matching `query`, segment by segment.
    fn each_match(
        &self,
        query: &dyn Query,
        mut each: impl FnMut(&TantivyDocument) -> Result<()>,
    ) -> Result<u64> {
        let searcher = self.reader.searcher();
        let weight = query.weight(EnableScoring::disabled_from_searcher(&searcher))?;
        let mut seen = 0;
        for segment in searcher.segment_readers() {
            let mut docs: Vec<DocId> = Vec::new();
            weight.for_each_no_score(segment, &mut |batch| docs.extend_from_slice(batch))?;
            let alive = segment.alive_bitset();
            let store = segment
                .get_store_reader(STORE_BLOCKS_CACHED)
                .map_err(|e| Error::Tantivy(e.into()))?;
            for doc in docs {
                if alive.is_some_and(|bits| !bits.is_alive(doc)) {
                    continue;
                }
                let document: TantivyDocument = store.get(doc)?;
                each(&document)?;
                seen += 1;
            }
        }
        Ok(seen)
    }
}
