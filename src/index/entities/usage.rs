//! What the live passages of a commit hold: per name id, value and
//! article, the passages and articles that hold it, read from the ids'
//! postings. The table's counts come from here.

use tantivy::Searcher;

use super::build::{Dictionary, Draft, Map, Slot, NONE};
use super::docs::DocValues;
use super::ids::IdsByDoc;
use crate::error::Result;
use crate::index::schema::{FieldNames, Fields, QUOTE};
use crate::index::ArticleIds;

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
}

impl ArticleNumbers {
    fn number(&mut self, article_id: u64) -> u32 {
        match self.last {
            Some((id, number)) if id == article_id => number,
            _ => {
                let next = self.numbers.len() as u32;
                let number = *self.numbers.entry(article_id).or_insert(next);
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
    /// Articles are numbered as first met, so their passages came together
    /// exactly when the numbers never go down; only otherwise are they
    /// sorted.
    fn by_article(&self) -> ArticleOrder {
        let mut order: Vec<u32> = (0..self.articles.len() as u32).collect();
        if !self.articles.is_sorted() {
            order.sort_by_key(|&p| self.articles[p as usize]);
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

impl Usage {
    pub(super) fn count(
        searcher: &Searcher,
        fields: &Fields,
        dictionary: &Dictionary,
    ) -> Result<Usage> {
        let mut usage = Usage {
            value_passages: vec![0; dictionary.values.len()],
            value_articles: Vec::new(),
            id_passages: vec![0; dictionary.slots.len()],
            id_articles: Vec::new(),
            id_quotes: vec![0; dictionary.slots.len()],
            passages: Passages::default(),
            slot_passages: Passages::default(),
            order: ArticleOrder(Vec::new()),
            docs: DocValues::default(),
        };
        let mut articles = ArticleNumbers::default();
        let (mut values, mut held) = (Vec::new(), Vec::new());
        let (mut names, mut speakers) = (Vec::new(), Vec::new());
        for segment in searcher.segment_readers() {
            let id = segment.segment_id().uuid_string();
            usage.docs.start_segment(id, segment.max_doc());
            let fast = segment.fast_fields();
            let record = fast.u64(FieldNames::record)?;
            let name_ids = IdsByDoc::read(segment, fields.name_ids)?;
            let speaker_ids = IdsByDoc::read(segment, fields.speaker_ids)?;
            let name_slots = dictionary.slots_of(name_ids.ids(), false);
            let speaker_slots = dictionary.slots_of(speaker_ids.ids(), true);
            let article_ids = ArticleIds::of_segment(segment)?;
            for doc in segment.doc_ids_alive() {
                if record.first(doc) == Some(QUOTE) {
                    for slot in slots_at(speaker_ids.ords_of(doc), &speaker_slots) {
                        usage.id_quotes[slot as usize] += 1;
                    }
                    continue;
                }
                let article = articles.number(article_ids.of(doc));
                values.clear();
                names.clear();
                speakers.clear();
                held.clear();
                held.extend(slots_at(name_ids.ords_of(doc), &name_slots));
                held.extend(slots_at(speaker_ids.ords_of(doc), &speaker_slots));
                usage.slot_passages.push(article, &held);
                for &slot in &held {
                    usage.id_passages[slot as usize] += 1;
                    let Slot { value, speaker, .. } = dictionary.slots[slot as usize];
                    if speaker { &mut speakers } else { &mut names }.push(value);
                }
                usage.docs.push(doc, &names, &speakers);
                values.extend_from_slice(&names);
                values.extend_from_slice(&speakers);
                values.sort_unstable();
                values.dedup();
                for &v in &values {
                    usage.value_passages[v as usize] += 1;
                }
                usage.passages.push(article, &values);
            }
        }
        // Both lists were pushed passage by passage: one order serves both.
        usage.order = usage.passages.by_article();
        usage.id_articles = usage
            .slot_passages
            .articles_per_index(&usage.order, dictionary.slots.len());
        usage.value_articles = usage
            .passages
            .articles_per_index(&usage.order, dictionary.values.len());
        Ok(usage)
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
