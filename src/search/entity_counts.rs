//! Counting entities over the documents a query matches: a collector that
//! reads each document's entities from the entity table's lists (built at
//! each commit from the same passages), counting each entity once per
//! document.

use std::sync::Arc;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::doc_counts::DocCounts;
use crate::analyze::EntityKind;
use crate::index::{DocEntities, Entity, EntityTable, IdSpace};

/// Matching documents per entity counted at least once: `(entity, count)`,
/// the entity by its place in the table.
#[derive(Debug, Default)]
pub struct Counts(Vec<(u32, u64)>);

impl Counts {
    /// Each entity counted at least once, with its count.
    pub fn counted(&self) -> impl Iterator<Item = (u32, u64)> + '_ {
        self.0.iter().copied()
    }
}

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

impl Collector for EntityCounter {
    type Fruit = Counts;
    type Child = SegmentEntityCounter;

    fn requires_scoring(&self) -> bool {
        false
    }

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentEntityCounter> {
        // The table is built from the very segments searched (its opstamp
        // is the commit's), so a segment it does not list is a damaged
        // table, not one to count as naming nobody.
        let id = reader.segment_id().uuid_string();
        let lists = self
            .table
            .doc_entities(&id, reader.max_doc())
            .ok_or_else(|| {
                tantivy::TantivyError::InternalError(format!(
                    "the entity table lists no passages of segment {id}: run `dossier index --rebuild`"
                ))
            })?;
        Ok(SegmentEntityCounter {
            lists,
            space: self.space,
            counts: DocCounts::new(self.table.len()),
        })
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        if fruits.len() < 2 {
            return Ok(fruits.into_iter().next().unwrap_or_default());
        }
        let mut totals = vec![0u64; self.table.len()];
        let mut order = Vec::new();
        for (entity, count) in fruits.iter().flat_map(Counts::counted) {
            if let Some(total) = totals.get_mut(entity as usize) {
                if *total == 0 {
                    order.push(entity);
                }
                *total += count;
            }
        }
        Ok(Counts(
            order.into_iter().map(|e| (e, totals[e as usize])).collect(),
        ))
    }
}

/// The counter of one segment: each matching passage's entities, as the
/// table lists them.
pub struct SegmentEntityCounter {
    lists: DocEntities,
    space: IdSpace,
    counts: DocCounts,
}

impl SegmentCollector for SegmentEntityCounter {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for entity in self.lists.of(doc, self.space) {
            self.counts.add(entity as usize, doc);
        }
    }

    fn harvest(self) -> Counts {
        Counts(self.counts.counted().collect())
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
        .filter(|&(e, _)| table.kind(e).is_some_and(|kind| kinds.contains(&kind)))
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
    let mut facets: Vec<FacetCount> = top(table, speakers.counted(), &all, limit)
        .into_iter()
        .map(|counted| facet("speaker", counted))
        .collect();
    // The counts are read once and split by kind, not once per kind: a
    // long query counts tens of thousands of entities.
    let mut of_kind: [Vec<(u32, u64)>; 3] = Default::default();
    for (entity, count) in mentions.counted() {
        if let Some(i) = table
            .kind(entity)
            .and_then(|kind| all.iter().position(|&k| k == kind))
        {
            of_kind[i].push((entity, count));
        }
    }
    for (kind, counted) in all.into_iter().zip(of_kind) {
        facets.extend(
            top(table, counted, &[kind], limit)
                .into_iter()
                .map(|counted| facet(kind.as_str(), counted)),
        );
    }
    facets
}
