//! A search that reads a large index's segments on several cores.
//!
//! tantivy searches the segments one after another unless it is given a
//! thread pool; with one, each segment's collector runs on a thread of its
//! own. Starting the pool costs a process about two milliseconds on these
//! machines, as much as a short search takes, so a search spreads only
//! when its words have many postings to read (docs/speed.md, "Segments on
//! both cores"), and the pool, once started, serves the process's later
//! searches.

use std::sync::OnceLock;

use tantivy::collector::Collector;
use tantivy::query::{EnableScoring, Query};
use tantivy::{Executor, Searcher, Term};

/// Below this many postings (summed over the query's terms), a search
/// stays on one thread.
const SPREAD_MIN_POSTINGS: u64 = 1_000_000;

/// Runs `query` through `collector`, on every core when the search is
/// large enough to gain from it.
pub(super) fn search<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
) -> tantivy::Result<C::Fruit> {
    search_spread_from(searcher, query, collector, SPREAD_MIN_POSTINGS)
}

/// [`search`], spreading from `min_postings` postings on.
fn search_spread_from<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
    min_postings: u64,
) -> tantivy::Result<C::Fruit> {
    let Some(executor) = pool_for(searcher, query, min_postings) else {
        return searcher.search(query, collector);
    };
    let scoring = if collector.requires_scoring() {
        EnableScoring::enabled_from_searcher(searcher)
    } else {
        EnableScoring::disabled_from_searcher(searcher)
    };
    searcher.search_with_executor(query, collector, executor, scoring)
}

/// The process's search pool, when the query reads at least
/// `min_postings` postings in several segments.
fn pool_for(
    searcher: &Searcher,
    query: &dyn Query,
    min_postings: u64,
) -> Option<&'static Executor> {
    if searcher.segment_readers().len() < 2 || !postings_at_least(searcher, query, min_postings) {
        return None;
    }
    pool()
}

/// One thread per core, started at the first search that spreads and kept
/// for the process, so that a server starts it once, not per request;
/// none on one core. Without a pool a search still runs, on one thread.
fn pool() -> Option<&'static Executor> {
    static POOL: OnceLock<Option<Executor>> = OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        (cores > 1)
            .then(|| Executor::multi_thread(cores, "dossier-search").ok())
            .flatten()
    })
    .as_ref()
}

/// Whether the query's terms have at least `enough` postings in all,
/// counting no further than that.
fn postings_at_least(searcher: &Searcher, query: &dyn Query, enough: u64) -> bool {
    let mut terms: Vec<Term> = Vec::new();
    query.query_terms(&mut |term, _| terms.push(term.clone()));
    let mut postings = 0u64;
    for term in &terms {
        postings += searcher.doc_freq(term).unwrap_or(0);
        if postings >= enough {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::QueryParser;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    use super::*;

    /// A searcher over two segments (three passages with `alpha`, two
    /// with `beta`), and the query `alpha beta`.
    fn two_segments_and_query() -> (Searcher, Box<dyn Query>) {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("a writer");
        for batch in [["alpha beta", "alpha"], ["alpha beta", "gamma"]] {
            for passage in batch {
                writer.add_document(doc!(text => passage)).expect("added");
            }
            writer.commit().expect("committed");
        }
        let query = QueryParser::for_index(&index, vec![text])
            .parse_query("alpha beta")
            .expect("parsed");
        let searcher = index.reader().expect("a reader").searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        (searcher, query)
    }

    #[test]
    fn postings_are_summed_over_terms_and_segments() {
        let (searcher, query) = two_segments_and_query();
        assert!(postings_at_least(&searcher, query.as_ref(), 5));
        assert!(!postings_at_least(&searcher, query.as_ref(), 6));
    }

    #[test]
    fn a_spread_search_finds_what_one_thread_finds() {
        let (searcher, query) = two_segments_and_query();
        let collector = (TopDocs::with_limit(10).order_by_score(), Count);
        let alone = searcher
            .search(query.as_ref(), &collector)
            .expect("searched");
        let spread =
            search_spread_from(&searcher, query.as_ref(), &collector, 1).expect("searched");
        assert_eq!(spread.1, 3);
        assert_eq!(alone.1, spread.1);
        assert_eq!(alone.0, spread.0);
    }
}
