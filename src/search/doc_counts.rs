//! Counting keys (entities, years, months) over matching documents, each
//! key at most once per document, for the collectors of facets.

use tantivy::DocId;

/// Counts of keys `0..n`, each counted at most once per document. The
/// vectors start as zeros, which the allocator gives without writing, so a
/// query that matches little touches few of their pages.
pub(super) struct DocCounts {
    counts: Vec<u32>,
    /// The document (plus one) each key was last counted for: a passage
    /// that names `US` and `United States`, or two days of one month,
    /// counts once.
    last_counted: Vec<DocId>,
    /// The keys counted, in the order first met.
    counted: Vec<u32>,
}

impl DocCounts {
    /// Counts of `keys` keys, all zero.
    pub(super) fn new(keys: usize) -> Self {
        DocCounts {
            counts: vec![0; keys],
            last_counted: vec![0; keys],
            counted: Vec::new(),
        }
    }

    /// Counts `key` for `doc`, unless it was counted for `doc` already;
    /// a key out of range is passed over.
    pub(super) fn add(&mut self, key: usize, doc: DocId) {
        let stamp = doc + 1;
        if let (Some(last), Some(count)) =
            (self.last_counted.get_mut(key), self.counts.get_mut(key))
        {
            if *last != stamp {
                *last = stamp;
                if *count == 0 {
                    self.counted.push(key as u32);
                }
                *count += 1;
            }
        }
    }

    /// Each key counted, in the order first met, with its count.
    pub(super) fn counted(&self) -> impl Iterator<Item = (u32, u64)> + '_ {
        self.counted
            .iter()
            .map(|&key| (key, u64::from(self.counts[key as usize])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_counts_once_per_document_in_the_order_first_met() {
        let mut counts = DocCounts::new(4);
        for (key, doc) in [(2, 0), (2, 0), (1, 0), (2, 5), (9, 5), (1, 7)] {
            counts.add(key, doc);
        }
        assert_eq!(counts.counted().collect::<Vec<_>>(), [(2, 2), (1, 2)]);
    }
}
