//! What the live passages of a commit hold: per name id, value and
//! article, the passages and articles that hold it, read from each
//! document's names (`ids`). The table's counts come from here. Pieces of
//! documents are read on every core and put together in order, so that
//! the counts are those of one pass.

use std::ops::Range;

use rayon::prelude::*;
use tantivy::DocId;

use super::build::{Dictionary, Draft, Map, Slot, NONE};
use super::docs::{DocLists, DocValues};
use super::ids::SegmentIds;
use crate::index::schema::QUOTE;

/// The slots of a document's term ordinals, given each ordinal's slot.
fn slots_at<'a>(ords: &'a [u32], slots: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    ords.iter()
        .filter_map(|&o| slots.get(o as usize).copied())
        .filter(|&s| s != NONE)
}

/// Numbers articles 0, 1, 2, ... in the order first met. Consecutive
/// passages mostly share their article, so the last one is checked first.
#[derive(Default)]
struct ArticleNumbers {
    numbers: Map<u32>,
    last: Option<(u64, u32)>,
    /// The ids, by number.
    ids: Vec<u64>,
}

impl ArticleNumbers {
    fn number(&mut self, article_id: u64) -> u32 {
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

/// Passage numbers, each article's passages together (see
/// [`Passages::by_article`]).
struct ArticleOrder(Vec<u32>);

/// Per live passage, its article and a list of indices (values or
/// slots), in one buffer rather than a vector each (a 10x index holds two
/// million).
#[derive(Default)]
struct Passages {
    articles: Vec<u32>,
    ends: Vec<u32>,
    items: Vec<u32>,
}

impl Passages {
    /// Room for `passages` passages listing `items` items in all.
    fn with_capacity(passages: usize, items: usize) -> Passages {
        Passages {
            articles: Vec::with_capacity(passages),
            ends: Vec::with_capacity(passages),
            items: Vec::with_capacity(items),
        }
    }

    /// Lists the passages of `later` after these, their articles renumbered
    /// by `numbers`.
    fn append(&mut self, later: &Passages, numbers: &[u32]) {
        let offset = self.items.len() as u32;
        self.articles
            .extend(later.articles.iter().map(|&a| numbers[a as usize]));
        self.items.extend_from_slice(&later.items);
        self.ends.extend(later.ends.iter().map(|&end| end + offset));
    }

    fn push(&mut self, article: u32, items: &[u32]) {
        self.articles.push(article);
        self.items.extend_from_slice(items);
        self.ends.push(self.items.len() as u32);
    }

    fn get(&self, passage: usize) -> (u32, &[u32]) {
        let start = match passage {
            0 => 0,
            _ => self.ends[passage - 1] as usize,
        };
        let end = self.ends[passage] as usize;
        (self.articles[passage], &self.items[start..end])
    }

    /// The passages in an order that keeps each article's passages
    /// together, so that the last article met per index tells whether an
    /// article was counted (a set of pairs took most of a 10x build).
    /// Articles are numbered 0, 1, 2, ... as first met, so their passages
    /// came together exactly when the numbers never go down; otherwise
    /// they are put in place by counting each article's passages (a
    /// comparison sort of a 10x index's passages took a twentieth of a
    /// commit).
    fn by_article(&self) -> ArticleOrder {
        if self.articles.is_sorted() {
            return ArticleOrder((0..self.articles.len() as u32).collect());
        }
        let count = self.articles.iter().max().map_or(0, |&a| a as usize + 1);
        let mut next = vec![0u32; count + 1];
        for &article in &self.articles {
            next[article as usize + 1] += 1;
        }
        for a in 1..next.len() {
            next[a] += next[a - 1];
        }
        let mut order = vec![0u32; self.articles.len()];
        for (passage, &article) in (0u32..).zip(&self.articles) {
            let at = &mut next[article as usize];
            order[*at as usize] = passage;
            *at += 1;
        }
        ArticleOrder(order)
    }

    /// The passages in `order`, with their articles.
    fn in_order<'a>(&'a self, order: &'a ArticleOrder) -> impl Iterator<Item = (u32, &'a [u32])> {
        order.0.iter().map(|&p| self.get(p as usize))
    }

    /// Per index below `len`: the articles of the passages listing it.
    fn articles_per_index(&self, order: &ArticleOrder, len: usize) -> Vec<u64> {
        let mut counts = vec![0; len];
        let mut last = vec![u32::MAX; len];
        for (article, items) in self.in_order(order) {
            for &i in items {
                if last[i as usize] != article {
                    last[i as usize] = article;
                    counts[i as usize] += 1;
                }
            }
        }
        counts
    }
}

/// What the live documents of a commit hold.
pub(super) struct Usage {
    /// Per value: passages and articles that hold it.
    pub(super) value_passages: Vec<u64>,
    pub(super) value_articles: Vec<u64>,
    /// Per slot: passages that hold its id.
    pub(super) id_passages: Vec<u64>,
    /// Per slot: articles that hold its id.
    pub(super) id_articles: Vec<u64>,
    /// Per speaker's slot: quotations attributed to it.
    pub(super) id_quotes: Vec<u64>,
    /// Per live passage: its article and the values it holds.
    passages: Passages,
    /// Per live passage: its article and the slots of its ids.
    slot_passages: Passages,
    /// The live passages, article by article.
    order: ArticleOrder,
    /// Per live passage, by segment and document: the values of its names
    /// and of its speakers.
    pub(super) docs: DocValues,
}

/// What a run of one segment's live documents holds; pieces are read side
/// by side and put together in order.
#[derive(Default)]
struct Piece {
    /// Its articles, numbered as first met in the piece.
    articles: ArticleNumbers,
    /// Per passage: its article and the values it holds, each once.
    passages: Passages,
    /// Per passage: its article and the slots of its ids.
    slot_passages: Passages,
    /// The slots of the speakers of its quotations.
    quoted: Vec<u32>,
    /// Per passage: the values of its names and of its speakers.
    docs: DocLists,
}

/// Each slot of a segment's name and speaker ordinals.
struct SegmentSlots {
    names: Vec<u32>,
    speakers: Vec<u32>,
}

impl Piece {
    fn read(
        segment: &SegmentIds,
        slots: &SegmentSlots,
        dictionary: &Dictionary,
        docs: Range<DocId>,
    ) -> Piece {
        // Vectors sized once: one grown by doubling copies itself and
        // touches fresh memory each time, which the kernel must zero.
        let (passages, names) = (docs.len(), segment.names.count_in(&docs));
        let items = names + segment.speakers.count_in(&docs);
        let mut piece = Piece {
            passages: Passages::with_capacity(passages, items),
            slot_passages: Passages::with_capacity(passages, items),
            docs: DocLists::with_capacity(passages, items),
            ..Piece::default()
        };
        // The passage that last listed each value, so that a passage lists
        // a value once without sorting its values.
        let mut listed_by = vec![u32::MAX; dictionary.values.len()];
        let (mut values, mut held) = (Vec::new(), Vec::new());
        let (mut names, mut speakers) = (Vec::new(), Vec::new());
        let reader = segment.reader;
        for doc in docs.filter(|&doc| !reader.is_deleted(doc)) {
            if segment.record.first(doc) == Some(QUOTE) {
                let quoted = slots_at(segment.speakers.ords_of(doc), &slots.speakers);
                piece.quoted.extend(quoted);
                continue;
            }
            let passage = piece.passages.articles.len() as u32;
            let article = piece.articles.number(segment.articles.of(doc));
            held.clear();
            held.extend(slots_at(segment.names.ords_of(doc), &slots.names));
            held.extend(slots_at(segment.speakers.ords_of(doc), &slots.speakers));
            piece.slot_passages.push(article, &held);
            names.clear();
            speakers.clear();
            values.clear();
            for &slot in &held {
                let Slot { value, speaker, .. } = dictionary.slots[slot as usize];
                if speaker { &mut speakers } else { &mut names }.push(value);
                if listed_by[value as usize] != passage {
                    listed_by[value as usize] = passage;
                    values.push(value);
                }
            }
            piece.docs.push(doc, &names, &speakers);
            piece.passages.push(article, &values);
        }
        piece
    }
}

/// Cuts each segment into pieces of at most `docs_per_piece` documents:
/// (segment, documents), in order.
fn pieces_of(segments: &[SegmentIds], docs_per_piece: DocId) -> Vec<(usize, Range<DocId>)> {
    let mut pieces = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        let max_doc = segment.reader.max_doc();
        let mut start = 0;
        while start < max_doc {
            let end = max_doc.min(start.saturating_add(docs_per_piece.max(1)));
            pieces.push((i, start..end));
            start = end;
        }
    }
    pieces
}

impl Usage {
    /// Counts what the live documents of `segments` hold, in pieces of
    /// `docs_per_piece` documents counted side by side.
    pub(super) fn count(
        segments: &[SegmentIds],
        dictionary: &Dictionary,
        docs_per_piece: DocId,
    ) -> Usage {
        let slots: Vec<SegmentSlots> = segments
            .par_iter()
            .map(|s| SegmentSlots {
                names: dictionary.slots_of(s.names.ids(), false),
                speakers: dictionary.slots_of(s.speakers.ids(), true),
            })
            .collect();
        let work = pieces_of(segments, docs_per_piece);
        let mut pieces: Vec<Piece> = work
            .par_iter()
            .map(|(s, docs)| Piece::read(&segments[*s], &slots[*s], dictionary, docs.clone()))
            .collect();
        let passages: usize = pieces.iter().map(|p| p.passages.articles.len()).sum();
        let items = |of: fn(&Piece) -> &Passages| pieces.iter().map(|p| of(p).items.len()).sum();
        let mut usage = Usage {
            value_passages: vec![0; dictionary.values.len()],
            value_articles: Vec::new(),
            id_passages: vec![0; dictionary.slots.len()],
            id_articles: Vec::new(),
            id_quotes: vec![0; dictionary.slots.len()],
            passages: Passages::with_capacity(passages, items(|p| &p.passages)),
            slot_passages: Passages::with_capacity(passages, items(|p| &p.slot_passages)),
            order: ArticleOrder(Vec::new()),
            docs: DocValues::default(),
        };
        // Put together in order, with articles numbered as first met over
        // the whole commit, as if read in one pass.
        let mut articles = ArticleNumbers::default();
        for piece in &pieces {
            let numbers: Vec<u32> = piece
                .articles
                .ids
                .iter()
                .map(|&id| articles.number(id))
                .collect();
            usage.passages.append(&piece.passages, &numbers);
            usage.slot_passages.append(&piece.slot_passages, &numbers);
            for &slot in &piece.quoted {
                usage.id_quotes[slot as usize] += 1;
            }
        }
        let mut lists: Vec<Vec<DocLists>> = segments.iter().map(|_| Vec::new()).collect();
        for ((s, _), piece) in work.iter().zip(&mut pieces) {
            lists[*s].push(std::mem::take(&mut piece.docs));
        }
        for (segment, lists) in segments.iter().zip(lists) {
            let reader = segment.reader;
            let id = reader.segment_id().uuid_string();
            usage.docs.push_segment(id, reader.max_doc(), lists);
        }
        drop(pieces);
        for &slot in &usage.slot_passages.items {
            usage.id_passages[slot as usize] += 1;
        }
        for &value in &usage.passages.items {
            usage.value_passages[value as usize] += 1;
        }
        // Both lists were pushed passage by passage: one order serves both.
        usage.order = usage.passages.by_article();
        usage.id_articles = usage
            .slot_passages
            .articles_per_index(&usage.order, dictionary.slots.len());
        usage.value_articles = usage
            .passages
            .articles_per_index(&usage.order, dictionary.values.len());
        usage
    }

    /// True when a live passage holds the slot's id, or a quotation is
    /// attributed to it.
    pub(super) fn is_used(&self, slot: usize) -> bool {
        self.id_passages[slot] + self.id_quotes[slot] > 0
    }

    /// Passages, articles and quotations of each entity, each counted once.
    pub(super) fn count_entities(&self, entity_of_value: &[u32], entities: &mut [Draft]) {
        let mut last_article = vec![u32::MAX; entities.len()];
        let mut in_passage: Vec<u32> = Vec::new();
        for (article, values) in self.passages.in_order(&self.order) {
            in_passage.clear();
            in_passage.extend(
                values
                    .iter()
                    .map(|&v| entity_of_value[v as usize])
                    .filter(|&e| e != NONE),
            );
            in_passage.sort_unstable();
            in_passage.dedup();
            for &e in &in_passage {
                entities[e as usize].row.passages += 1;
                if last_article[e as usize] != article {
                    last_article[e as usize] = article;
                    entities[e as usize].row.articles += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_met_again_after_another_counts_once() {
        let mut passages = Passages::default();
        passages.push(0, &[1, 2]);
        passages.push(1, &[1]);
        passages.push(0, &[1]);
        passages.push(2, &[2]);
        let order = passages.by_article();
        assert_eq!(order.0, vec![0, 2, 1, 3]);
        assert_eq!(passages.articles_per_index(&order, 3), vec![0, 2, 2]);
    }

    #[test]
    fn articles_that_come_together_keep_their_order() {
        let mut passages = Passages::default();
        for (article, items) in [(0, &[0u32][..]), (0, &[0, 1]), (1, &[1]), (2, &[])] {
            passages.push(article, items);
        }
        let order = passages.by_article();
        assert_eq!(order.0, vec![0, 1, 2, 3]);
        assert_eq!(passages.articles_per_index(&order, 2), vec![1, 2]);
        let listed: Vec<(u32, Vec<u32>)> = passages
            .in_order(&order)
            .map(|(a, items)| (a, items.to_vec()))
            .collect();
        assert_eq!(listed[1], (0, vec![0, 1]));
        assert_eq!(listed[3], (2, vec![]));
    }

    #[test]
    fn articles_are_numbered_as_first_met() {
        let mut numbers = ArticleNumbers::default();
        let ids = [70, 70, 12, 70, 99, 12];
        let got: Vec<u32> = ids.iter().map(|&id| numbers.number(id)).collect();
        assert_eq!(got, vec![0, 0, 1, 0, 2, 1]);
    }
}
