//! The sets names are joined into, and the rule that picks which set a
//! short form or an acronym joins.

use super::{Name, DOMINANT_SHARE};
use std::collections::BTreeMap;

/// Among the entities of some names, the one to join: the only one, or
/// the one with [`DOMINANT_SHARE`] of their articles.
pub(super) fn dominant(sets: &mut DisjointSets, candidates: &[usize]) -> Option<usize> {
    let mut roots: BTreeMap<usize, u64> = BTreeMap::new();
    for &c in candidates {
        let root = sets.root(c);
        roots.insert(root, sets.articles[root]);
    }
    let total: u64 = roots.values().sum();
    let (&root, &top) = roots
        .iter()
        .max_by_key(|(r, a)| (**a, std::cmp::Reverse(**r)))?;
    let alone = roots.len() == 1;
    (alone || top as f64 >= DOMINANT_SHARE * total as f64).then_some(root)
}

/// Union–find over name indices; the root of a set is its smallest index,
/// so that the grouping does not depend on the order of joins.
pub(super) struct DisjointSets {
    parent: Vec<usize>,
    /// Per root: the articles of its names, summed.
    articles: Vec<u64>,
}

impl DisjointSets {
    pub(super) fn new(names: &[&Name]) -> Self {
        DisjointSets {
            parent: (0..names.len()).collect(),
            articles: names.iter().map(|n| n.articles).collect(),
        }
    }

    pub(super) fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    pub(super) fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a == b {
            return;
        }
        let (low, high) = (a.min(b), a.max(b));
        self.parent[high] = low;
        self.articles[low] += self.articles[high];
    }
}
