//! What the live passages of a commit hold: per name id, value and
//! article, the passages and articles that hold it, read from each
//! document's names (`ids`). The table's counts come from here. Pieces of
//! documents are read on every core and put together in order, so that
//! the counts are those of one pass.

use std::ops::Range;

use rayon::prelude::*;
use tantivy::DocId;

use super::build::{Dictionary, Slot, NONE};
use super::docs::{DocLists, DocValues};
use super::ids::SegmentIds;
use super::passages::{ArticleNumbers, ArticleOrder, PassageLists, Passages};
use crate::index::schema::QUOTE;

/// The slots of a document's term ordinals, given each ordinal's slot.
fn slots_at<'a>(ords: &'a [u32], slots: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    ords.iter()
        .filter_map(|&o| slots.get(o as usize).copied())
        .filter(|&s| s != NONE)
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
    /// Per live passage: its article and the slots of its ids.
    passages: PassageLists,
    /// The value of each slot: a passage's values are its slots' values.
    slot_values: Vec<u32>,
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
    /// Per passage: its article and the slots of its ids.
    passages: Passages,
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
            docs: DocLists::with_capacity(passages, items),
            ..Piece::default()
        };
        let mut held = Vec::new();
        let (mut names, mut speakers) = (Vec::new(), Vec::new());
        let reader = segment.reader;
        for doc in docs.filter(|&doc| !reader.is_deleted(doc)) {
            if segment.record.first(doc) == Some(QUOTE) {
                let quoted = slots_at(segment.speakers.ords_of(doc), &slots.speakers);
                piece.quoted.extend(quoted);
                continue;
            }
            let article = piece.articles.number(segment.articles.of(doc));
            held.clear();
            held.extend(slots_at(segment.names.ords_of(doc), &slots.names));
            held.extend(slots_at(segment.speakers.ords_of(doc), &slots.speakers));
            piece.passages.push(article, &held);
            names.clear();
            speakers.clear();
            for &slot in &held {
                let Slot { value, speaker, .. } = dictionary.slots[slot as usize];
                if speaker { &mut speakers } else { &mut names }.push(value);
            }
            piece.docs.push(doc, &names, &speakers);
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

/// The pieces of a commit put together in order, with articles numbered
/// as first met over the whole commit, as if read in one pass.
struct Together {
    passages: PassageLists,
    id_quotes: Vec<u64>,
    docs: DocValues,
}

impl Together {
    /// Puts together `pieces`, read from `work` (segment, documents) of
    /// `segments`, whose names have `slots` slots.
    fn of(
        segments: &[SegmentIds],
        work: &[(usize, Range<DocId>)],
        pieces: Vec<Piece>,
        slots: usize,
    ) -> Together {
        let mut id_quotes = vec![0; slots];
        let mut articles = ArticleNumbers::default();
        let mut lists: Vec<Vec<DocLists>> = segments.iter().map(|_| Vec::new()).collect();
        let mut passages = Vec::new();
        for ((s, _), piece) in work.iter().zip(pieces) {
            let numbers: Vec<u32> = piece
                .articles
                .ids
                .iter()
                .map(|&id| articles.number(id))
                .collect();
            let mut read = piece.passages;
            read.renumber(&numbers);
            passages.push(read);
            for &slot in &piece.quoted {
                id_quotes[slot as usize] += 1;
            }
            lists[*s].push(piece.docs);
        }
        let mut docs = DocValues::default();
        for (segment, lists) in segments.iter().zip(lists) {
            let reader = segment.reader;
            let id = reader.segment_id().uuid_string();
            docs.push_segment(id, reader.max_doc(), lists);
        }
        Together {
            passages: PassageLists::new(passages),
            id_quotes,
            docs,
        }
    }
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
        let pieces: Vec<Piece> = work
            .par_iter()
            .map(|(s, docs)| Piece::read(&segments[*s], &slots[*s], dictionary, docs.clone()))
            .collect();
        let together = Together::of(segments, &work, pieces, dictionary.slots.len());
        let passages = together.passages;
        let order = passages.by_article();
        let slot_values: Vec<u32> = dictionary.slots.iter().map(|slot| slot.value).collect();
        let value_of = |slot: u32| slot_values.get(slot as usize).map(|&v| v as usize);
        let ((id_passages, id_articles), (value_passages, value_articles)) = rayon::join(
            || passages.per_index(&order, slot_values.len(), |slot| Some(slot as usize)),
            || passages.per_index(&order, dictionary.values.len(), value_of),
        );
        Usage {
            value_passages,
            value_articles,
            id_passages,
            id_articles,
            id_quotes: together.id_quotes,
            passages,
            slot_values,
            order,
            docs: together.docs,
        }
    }

    /// True when a live passage holds the slot's id, or a quotation is
    /// attributed to it.
    pub(super) fn is_used(&self, slot: usize) -> bool {
        self.id_passages[slot] + self.id_quotes[slot] > 0
    }

    /// Passages and articles of each of `entities` entities, each counted
    /// once: a passage that names an entity twice, or an article that
    /// names it in two passages, counts it once.
    pub(super) fn count_entities(
        &self,
        entity_of_value: &[u32],
        entities: usize,
    ) -> (Vec<u64>, Vec<u64>) {
        self.passages.per_index(&self.order, entities, |slot| {
            let value = *self.slot_values.get(slot as usize)?;
            let entity = *entity_of_value.get(value as usize)?;
            (entity != NONE).then_some(entity as usize)
        })
    }
}
