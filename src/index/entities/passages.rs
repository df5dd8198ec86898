//! Each live passage's article and names while the table is counted: kept
//! in the pieces they were read in, and visited article by article.

use super::build::Map;

/// Numbers articles 0, 1, 2, ... in the order first met. Consecutive
/// passages mostly share their article, so the last one is checked first.
#[derive(Default)]
pub(super) struct ArticleNumbers {
    numbers: Map<u32>,
    last: Option<(u64, u32)>,
    /// The ids, by number.
    pub(super) ids: Vec<u64>,
}

impl ArticleNumbers {
    pub(super) fn number(&mut self, article_id: u64) -> u32 {
        match self.last {
            Some((id, number)) if id == article_id => number,
            _ => {
                let next = self.numbers.len() as u32;
                let number = *self.numbers.entry(article_id).or_insert(next);
                if number == next {
                    self.ids.push(article_id);
                }
                self.last = Some((article_id, number));
                number
            }
        }
    }
}

/// Some passages, each with its article and a list of indices (values or
/// slots), in one buffer rather than a vector each.
#[derive(Default)]
pub(super) struct Passages {
    articles: Vec<u32>,
    ends: Vec<u32>,
    items: Vec<u32>,
}

impl Passages {
    /// Room for `passages` passages listing `items` items in all.
    pub(super) fn with_capacity(passages: usize, items: usize) -> Passages {
        Passages {
            articles: Vec::with_capacity(passages),
            ends: Vec::with_capacity(passages),
            items: Vec::with_capacity(items),
        }
    }

    /// How many passages are listed.
    pub(super) fn len(&self) -> usize {
        self.articles.len()
    }

    pub(super) fn push(&mut self, article: u32, items: &[u32]) {
        self.articles.push(article);
        self.items.extend_from_slice(items);
        self.ends.push(self.items.len() as u32);
    }

    /// Gives each article the number `numbers` has for it: one number for
    /// each article these passages were numbered with.
    pub(super) fn renumber(&mut self, numbers: &[u32]) {
        for article in &mut self.articles {
            *article = numbers[*article as usize];
        }
    }

    fn get(&self, passage: usize) -> (u32, &[u32]) {
        let start = match passage {
            0 => 0,
            _ => self.ends[passage - 1] as usize,
        };
        let end = self.ends[passage] as usize;
        (self.articles[passage], &self.items[start..end])
    }
}

/// Passage numbers, each article's passages together (see
/// [`PassageLists::by_article`]).
pub(super) enum ArticleOrder {
    /// As read: articles came together.
    AsRead(u32),
    /// Sorted by article.
    Sorted(Vec<u32>),
}

impl ArticleOrder {
    fn passages(&self) -> impl Iterator<Item = u32> + '_ {
        let (read, sorted) = match self {
            ArticleOrder::AsRead(count) => (0..*count, &[][..]),
            ArticleOrder::Sorted(order) => (0..0, &order[..]),
        };
        read.chain(sorted.iter().copied())
    }
}

/// Every live passage of a commit, in the pieces read side by side: the
/// pieces of a 10x index hold two million passages, which copying end to
/// end would take as much fresh memory again.
pub(super) struct PassageLists {
    pieces: Vec<Passages>,
    /// The number of the first passage of each piece.
    starts: Vec<u32>,
}

impl PassageLists {
    /// The passages of `pieces`, in order, their articles numbered over
    /// them all.
    pub(super) fn new(pieces: Vec<Passages>) -> PassageLists {
        let starts = pieces
            .iter()
            .scan(0u32, |next, piece| {
                let start = *next;
                *next += piece.len() as u32;
                Some(start)
            })
            .collect();
        PassageLists { pieces, starts }
    }

    fn articles(&self) -> impl Iterator<Item = u32> + '_ {
        self.pieces.iter().flat_map(|p| p.articles.iter().copied())
    }

    fn get(&self, passage: u32) -> (u32, &[u32]) {
        let piece = self.starts.partition_point(|&s| s <= passage) - 1;
        self.pieces[piece].get((passage - self.starts[piece]) as usize)
    }

    /// The passages in an order that keeps each article's passages
    /// together, so that the last article met per index tells whether an
    /// article was counted (a set of pairs took most of a 10x build).
    /// Articles are numbered 0, 1, 2, ... as first met, so their passages
    /// came together exactly when the numbers never go down; otherwise
    /// they are put in place by counting each article's passages (a
    /// comparison sort of a 10x index's passages took a twentieth of a
    /// commit).
    pub(super) fn by_article(&self) -> ArticleOrder {
        let count = self.articles().count() as u32;
        if self.articles().is_sorted() {
            return ArticleOrder::AsRead(count);
        }
        let articles = self.articles().max().map_or(0, |a| a as usize + 1);
        let mut next = vec![0u32; articles + 1];
        for article in self.articles() {
            next[article as usize + 1] += 1;
        }
        for a in 1..next.len() {
            next[a] += next[a - 1];
        }
        let mut order = vec![0u32; count as usize];
        for (passage, article) in (0u32..).zip(self.articles()) {
            let at = &mut next[article as usize];
            order[*at as usize] = passage;
            *at += 1;
        }
        ArticleOrder::Sorted(order)
    }

    /// The passages in `order`, with their articles.
    pub(super) fn in_order<'a>(
        &'a self,
        order: &'a ArticleOrder,
    ) -> impl Iterator<Item = (u32, &'a [u32])> {
        order.passages().map(|p| self.get(p))
    }

    /// Per index below `len`, each item taken to an index by `index_of`
    /// (or to none): the passages listing it, and their articles, each
    /// counted once.
    pub(super) fn per_index(
        &self,
        order: &ArticleOrder,
        len: usize,
        index_of: impl Fn(u32) -> Option<usize>,
    ) -> (Vec<u64>, Vec<u64>) {
        let (mut passages, mut articles) = (vec![0; len], vec![0; len]);
        let (mut last_passage, mut last_article) = (vec![u32::MAX; len], vec![u32::MAX; len]);
        for (passage, (article, items)) in (0u32..).zip(self.in_order(order)) {
            for i in items.iter().filter_map(|&item| index_of(item)) {
                if last_passage[i] == passage {
                    continue;
                }
                last_passage[i] = passage;
                passages[i] += 1;
                if last_article[i] != article {
                    last_article[i] = article;
                    articles[i] += 1;
                }
            }
        }
        (passages, articles)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Passages of `(article, items)` in pieces.
    fn lists(pieces: &[&[(u32, &[u32])]]) -> PassageLists {
        let pieces = pieces
            .iter()
            .map(|passages| {
                let mut piece = Passages::default();
                for (article, items) in passages.iter() {
                    piece.push(*article, items);
                }
                piece
            })
            .collect();
        PassageLists::new(pieces)
    }

    fn listed(passages: &PassageLists, order: &ArticleOrder) -> Vec<(u32, Vec<u32>)> {
        passages
            .in_order(order)
            .map(|(a, items)| (a, items.to_vec()))
            .collect()
    }

    #[test]
    fn an_article_met_again_after_another_counts_once() {
        let passages = lists(&[&[(0, &[1, 2]), (1, &[1])], &[(0, &[1]), (2, &[2])]]);
        let order = passages.by_article();
        let articles: Vec<u32> = listed(&passages, &order).iter().map(|p| p.0).collect();
        assert_eq!(articles, [0, 0, 1, 2]);
        let same = |item| Some(item as usize);
        assert_eq!(
            passages.per_index(&order, 3, same),
            (vec![0, 3, 2], vec![0, 2, 2])
        );
        // Items taken to one index count once per passage.
        let one = |_| Some(0);
        assert_eq!(passages.per_index(&order, 1, one), (vec![4], vec![3]));
    }

    #[test]
    fn articles_that_come_together_keep_their_order() {
        let passages = lists(&[&[(0, &[0]), (0, &[0, 1])], &[], &[(1, &[1]), (2, &[])]]);
        let order = passages.by_article();
        assert!(matches!(order, ArticleOrder::AsRead(4)));
        let same = |item| Some(item as usize);
        assert_eq!(
            passages.per_index(&order, 2, same),
            (vec![2, 2], vec![1, 2])
        );
        let listed = listed(&passages, &order);
        assert_eq!(listed[1], (0, vec![0, 1]));
        assert_eq!(listed[2], (1, vec![1]));
        assert_eq!(listed[3], (2, vec![]));
    }

    #[test]
    fn articles_are_numbered_as_first_met() {
        let mut numbers = ArticleNumbers::default();
        let ids = [70, 70, 12, 70, 99, 12];
        let got: Vec<u32> = ids.iter().map(|&id| numbers.number(id)).collect();
        assert_eq!(got, vec![0, 0, 1, 0, 2, 1]);
        assert_eq!(numbers.ids, [70, 12, 99]);
    }
}
