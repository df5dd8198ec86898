//! Counting entities over the documents a query matches: a collector that
//! reads each document's name ids from a fast field and maps them through
//! the entity table, counting each entity once per document.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::analyze::EntityKind;
use crate::index::schema::FieldNames;
use crate::index::{Entity, EntityTable, IdSpace};

/// Documents per entity index.
pub type Counts = HashMap<u32, u64>;

/// Counts the entities of matching documents, by names or by speakers.
pub struct EntityCounter {
    table: Arc<EntityTable>,
    space: IdSpace,
}

impl EntityCounter {
    /// A counter of the entities named (`Mentions`) or quoted (`Speakers`).
    pub fn new(table: Arc<EntityTable>, space: IdSpace) -> Self {
        EntityCounter { table, space }
    }
}

/// The counter of one segment.
pub struct SegmentEntityCounter {
    table: Arc<EntityTable>,
    space: IdSpace,
    ids: Column<u64>,
    counts: Counts,
    in_document: Vec<u32>,
}

impl Collector for EntityCounter {
    type Fruit = Counts;
    type Child = SegmentEntityCounter;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentEntityCounter> {
        let field = match self.space {
            IdSpace::Mentions => FieldNames::name_ids,
            IdSpace::Speakers => FieldNames::speaker_ids,
        };
        Ok(SegmentEntityCounter {
            table: Arc::clone(&self.table),
            space: self.space,
            ids: reader.fast_fields().u64(field)?,
            counts: Counts::new(),
            in_document: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut merged = Counts::new();
        for fruit in fruits {
            for (entity, count) in fruit {
                *merged.entry(entity).or_default() += count;
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentEntityCounter {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.in_document.clear();
        for id in self.ids.values_for_doc(doc) {
            if let Some(entity) = self.table.of_id(self.space, id) {
                // A passage names `US` and `United States`: one entity.
                if !self.in_document.contains(&entity) {
                    self.in_document.push(entity);
                    *self.counts.entry(entity).or_default() += 1;
                }
            }
        }
    }

    fn harvest(self) -> Counts {
        self.counts
    }
}

/// An entity with the number of passages naming it and its spellings.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EntityCount {
    /// The entity's id in the index's entity table.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `person`, `org` or `place`.
    pub kind: EntityKind,
    /// Passages matching the query that name it (all of them without one).
    pub count: u64,
    /// Passages of the index that name it or quote it.
    pub passages: u64,
    /// Articles of the index that name it or quote it.
    pub articles: u64,
    /// Every spelling as written, most used first.
    pub variants: Vec<String>,
}

impl EntityCount {
    /// An entity counted `count` times.
    pub fn new(entity: Entity<'_>, count: u64) -> Self {
        EntityCount {
            id: entity.id_text(),
            name: entity.name().to_owned(),
            kind: entity.kind(),
            count,
            passages: entity.passages(),
            articles: entity.articles(),
            variants: entity.variants().map(|(s, _)| s.to_owned()).collect(),
        }
    }
}

/// A speaker with the number of quotations and the spellings seen.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SpeakerCount {
    /// The speaker's entity id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Number of quotations.
    pub count: u64,
    /// Every spelling as written, most used first.
    pub variants: Vec<String>,
}

/// A count of matching passages for one facet value.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FacetCount {
    /// The facet: `speaker`, `person`, `org`, `place` or `date`.
    pub field: &'static str,
    /// The value: a canonical name, or a year or month.
    pub value: String,
    /// The entity's id, for the name facets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// How many matching passages have it.
    pub count: u64,
}

/// The entities counted, most counted first, of the given kinds, at most
/// `limit`. Among equal counts the table's order holds, which is by kind,
/// then name.
pub fn top<'t>(
    table: &'t EntityTable,
    counts: impl IntoIterator<Item = (u32, u64)>,
    kinds: &[EntityKind],
    limit: usize,
) -> Vec<(Entity<'t>, u64)> {
    let mut counted: Vec<(u32, u64)> = counts
        .into_iter()
        .filter(|&(e, _)| table.get(e).is_some_and(|e| kinds.contains(&e.kind())))
        .collect();
    let order = |&(e, count): &(u32, u64)| (std::cmp::Reverse(count), e);
    if limit < counted.len() {
        // Only the best need sorting: a few facet values among thousands.
        counted.select_nth_unstable_by_key(limit, order);
        counted.truncate(limit);
    }
    counted.sort_unstable_by_key(order);
    counted
        .into_iter()
        .filter_map(|(e, count)| Some((table.get(e)?, count)))
        .collect()
}

/// The name facets: the best speakers, people, organisations and places.
pub fn name_facets(
    table: &EntityTable,
    speakers: &Counts,
    mentions: &Counts,
    limit: usize,
) -> Vec<FacetCount> {
    let facet = |field: &'static str, (entity, count): (Entity<'_>, u64)| FacetCount {
        field,
        value: entity.name().to_owned(),
        id: Some(entity.id_text()),
        count,
    };
    let all = [EntityKind::Person, EntityKind::Org, EntityKind::Place];
    let pairs = |counts: &Counts| counts.iter().map(|(&e, &n)| (e, n)).collect::<Vec<_>>();
    let mut facets: Vec<FacetCount> = top(table, pairs(speakers), &all, limit)
        .into_iter()
        .map(|counted| facet("speaker", counted))
        .collect();
    for kind in all {
        facets.extend(
            top(table, pairs(mentions), &[kind], limit)
                .into_iter()
                .map(|counted| facet(kind.as_str(), counted)),
        );
    }
    facets
}
