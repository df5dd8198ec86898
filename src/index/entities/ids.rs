//! The names of each document of a segment, read from the postings of the
//! name paths (`entity_names`, `speaker_names`).
//!
//! The table needs names per document, and an index has them per name.
//! Turning the postings around once per commit spares a fast column per
//! field (5.2 MB of `news.jsonl`'s index) that nothing else reads. The
//! paths are read rather than the ids that filters match (`name_ids`,
//! `speaker_ids`): a passage holds the id of each path it holds, so one
//! stream of terms gives both the dictionary's paths and each document's
//! names. A quotation holds name ids without their paths, but the table
//! reads only its speakers, whose paths it holds.

use rayon::prelude::*;
use tantivy::columnar::Column;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::termdict::TermDictionary;
use tantivy::{DocId, InvertedIndexReader, Searcher, SegmentReader};

use crate::error::Result;
use crate::index::documents::name_id;
use crate::index::schema::{FieldNames, Fields};
use crate::index::ArticleIds;

/// What the table reads of one segment, per document: its kind of record,
/// its article and its ids. Each segment is read apart from the others,
/// so that they are read on every core.
pub(super) struct SegmentIds<'s> {
    pub(super) reader: &'s SegmentReader,
    /// Passage or quotation.
    pub(super) record: Column<u64>,
    pub(super) articles: ArticleIds,
    /// `entity_names`.
    pub(super) names: IdsByDoc,
    /// `speaker_names`.
    pub(super) speakers: IdsByDoc,
}

impl<'s> SegmentIds<'s> {
    /// Reads every segment of `searcher`, in its order, each field in runs
    /// of about `terms_per_run` terms.
    pub(super) fn read_all(
        searcher: &'s Searcher,
        fields: &Fields,
        terms_per_run: usize,
    ) -> Result<Vec<SegmentIds<'s>>> {
        searcher
            .segment_readers()
            .par_iter()
            .map(|reader| SegmentIds::read(reader, fields, terms_per_run))
            .collect()
    }

    fn read(
        reader: &'s SegmentReader,
        fields: &Fields,
        terms_per_run: usize,
    ) -> Result<SegmentIds<'s>> {
        // One segment can hold most of an index: its two fields are read
        // side by side.
        let (names, speakers) = rayon::join(
            || IdsByDoc::read(reader, fields.entity_names, terms_per_run),
            || IdsByDoc::read(reader, fields.speaker_names, terms_per_run),
        );
        Ok(SegmentIds {
            reader,
            record: reader.fast_fields().u64(FieldNames::record)?,
            articles: ArticleIds::of_segment(reader)?,
            names: names?,
            speakers: speakers?,
        })
    }
}

/// Marks the end of a term's documents while postings are gathered: no
/// document has this number (tantivy's are below `i32::MAX`).
const TERM_END: DocId = DocId::MAX;

/// Each document's names, in increasing order, and the segment's paths.
pub(super) struct IdsByDoc {
    /// Where document `d`'s names start in `ords`; one more entry than
    /// documents.
    starts: Vec<u32>,
    /// Each document's names as term ordinals, document after document.
    ords: Vec<u32>,
    /// The id of each term ordinal: [`name_id`] of its path.
    ids: Vec<u64>,
    /// Each term's path, one after another.
    paths: String,
    /// Where each term's path ends in `paths`.
    path_ends: Vec<u32>,
}

/// A run of a field's terms, in ordinal order, with their documents.
struct TermRun {
    ids: Vec<u64>,
    paths: String,
    path_ends: Vec<u32>,
    /// Each term's documents, followed by [`TERM_END`].
    docs: Vec<DocId>,
}

impl TermRun {
    /// Reads the terms from `from` (included) to `to` (excluded); `None`
    /// is the dictionary's start or end.
    fn read(
        inverted: &InvertedIndexReader,
        from: Option<&[u8]>,
        to: Option<&[u8]>,
    ) -> Result<TermRun> {
        let dictionary = inverted.terms();
        let mut range = dictionary.range();
        if let Some(from) = from {
            range = range.ge(from);
        }
        if let Some(to) = to {
            range = range.lt(to);
        }
        let mut terms = range.into_stream().map_err(tantivy::TantivyError::from)?;
        let mut run = TermRun {
            ids: Vec::new(),
            paths: String::new(),
            path_ends: Vec::new(),
            docs: Vec::new(),
        };
        let mut infos = Vec::new();
        while terms.advance() {
            let path = String::from_utf8_lossy(terms.key());
            run.ids.push(name_id(&path));
            run.paths.push_str(&path);
            run.path_ends
                .push(u32::try_from(run.paths.len()).unwrap_or(u32::MAX));
            infos.push(terms.value().clone());
        }
        let postings: usize = infos.iter().map(|info| info.doc_freq as usize + 1).sum();
        run.docs.reserve_exact(postings);
        for info in &infos {
            let mut block = inverted
                .read_block_postings_from_terminfo(info, IndexRecordOption::Basic)
                .map_err(tantivy::TantivyError::from)?;
            while !block.docs().is_empty() {
                run.docs.extend_from_slice(block.docs());
                block.advance();
            }
            run.docs.push(TERM_END);
        }
        Ok(run)
    }
}

/// The keys that cut a dictionary into runs of about `terms_per_run`
/// terms.
fn run_bounds(dictionary: &TermDictionary, terms_per_run: usize) -> Result<Vec<Vec<u8>>> {
    let terms = dictionary.num_terms();
    let runs = (terms / terms_per_run.max(1)).max(1);
    (1..runs)
        .map(|i| {
            let mut key = Vec::new();
            let ord = (terms * i / runs) as u64;
            dictionary
                .ord_to_term(ord, &mut key)
                .map_err(tantivy::TantivyError::from)?;
            Ok(key)
        })
        .collect()
}

/// Each document's term ordinals, from the runs' documents term after
/// term: where each document's ordinals start (one more entry than
/// documents), and the ordinals, document after document.
fn by_document(runs: &[TermRun], max_doc: DocId) -> (Vec<u32>, Vec<u32>) {
    let docs = || runs.iter().flat_map(|run| &run.docs).copied();
    let mut starts = vec![0u32; max_doc as usize + 1];
    for doc in docs() {
        if let Some(count) = starts.get_mut(doc as usize + 1) {
            *count += 1;
        }
    }
    for d in 1..starts.len() {
        starts[d] += starts[d - 1];
    }
    // Terms come in ordinal order, so each document's ordinals are put in
    // increasing order.
    let mut next = starts.clone();
    let mut ords = vec![0u32; starts.last().copied().unwrap_or(0) as usize];
    let mut ord = 0u32;
    for doc in docs() {
        if doc == TERM_END {
            ord += 1;
        } else if let Some(at) = next.get_mut(doc as usize) {
            if let Some(slot) = ords.get_mut(*at as usize) {
                *slot = ord;
                *at += 1;
            }
        }
    }
    (starts, ords)
}

impl IdsByDoc {
    /// Reads every path of `field` in `segment`, and which documents hold
    /// it, deleted ones included (their names are never asked for). Runs
    /// of terms are read side by side, their postings decoded once, term
    /// after term; then each document's names are counted and put in
    /// place: cheaper than sorting (document, ordinal) pairs, which cost a
    /// tenth of a commit on a large index.
    fn read(segment: &SegmentReader, field: Field, terms_per_run: usize) -> Result<IdsByDoc> {
        let inverted = segment.inverted_index(field)?;
        let bounds = run_bounds(inverted.terms(), terms_per_run)?;
        let runs: Vec<TermRun> = (0..=bounds.len())
            .into_par_iter()
            .map(|i| {
                let from = i.checked_sub(1).and_then(|b| bounds.get(b));
                TermRun::read(
                    &inverted,
                    from.map(Vec::as_slice),
                    bounds.get(i).map(Vec::as_slice),
                )
            })
            .collect::<Result<_>>()?;
        let (starts, ords) = by_document(&runs, segment.max_doc());
        let mut names = IdsByDoc {
            starts,
            ords,
            ids: Vec::new(),
            paths: String::new(),
            path_ends: Vec::new(),
        };
        for run in runs {
            let offset = u32::try_from(names.paths.len()).unwrap_or(u32::MAX);
            names.ids.extend(run.ids);
            names.paths.push_str(&run.paths);
            names
                .path_ends
                .extend(run.path_ends.iter().map(|end| end.saturating_add(offset)));
        }
        Ok(names)
    }

    /// Each term's id and path, by ordinal.
    pub(super) fn paths(&self) -> impl Iterator<Item = (u64, &str)> {
        let starts = std::iter::once(0).chain(self.path_ends.iter().copied());
        self.ids
            .iter()
            .zip(starts.zip(&self.path_ends))
            .map(|(&id, (start, &end))| {
                (
                    id,
                    self.paths.get(start as usize..end as usize).unwrap_or(""),
                )
            })
    }

    /// The id of each term ordinal [`IdsByDoc::ords_of`] gives.
    pub(super) fn ids(&self) -> &[u64] {
        &self.ids
    }

    /// How many names the documents `docs` hold together.
    pub(super) fn count_in(&self, docs: &std::ops::Range<DocId>) -> usize {
        let at = |d: DocId| self.starts.get(d as usize).copied().unwrap_or_default();
        at(docs.end).saturating_sub(at(docs.start)) as usize
    }

    /// The term ordinals of `doc`'s ids: indices into [`IdsByDoc::ids`].
    pub(super) fn ords_of(&self, doc: DocId) -> &[u32] {
        let d = doc as usize;
        let range = match (self.starts.get(d), self.starts.get(d + 1)) {
            (Some(&start), Some(&end)) => start as usize..end as usize,
            _ => 0..0,
        };
        self.ords.get(range).unwrap_or(&[])
    }
}
