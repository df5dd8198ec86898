//! Any query and filter text, run against an index of the seed articles
//! through every search entry point: an error is fine, a panic is not.
//! The input is split at newlines: query, speaker, person, `--from`,
//! `--to`; the first byte picks facets and the month histogram.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use dossier::index::{update, IndexOptions};
use dossier::search::{parse_date_argument, Filters, Searcher};
use libfuzzer_sys::fuzz_target;

/// The seeds' index, built once per fuzzing process.
fn searcher() -> &'static Searcher {
    static INDEX: OnceLock<(tempfile::TempDir, Searcher)> = OnceLock::new();
    let (_, searcher) = INDEX.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds");
        update(dir.path(), &[seeds], &IndexOptions::default()).expect("index the seeds");
        let searcher = Searcher::open(dir.path()).expect("open the index");
        (dir, searcher)
    });
    searcher
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut parts = text.split('\n');
    let query = parts.next().unwrap_or_default();
    let mut next = || parts.next().filter(|p| !p.is_empty()).map(str::to_owned);
    let mut filters = Filters {
        speaker: next(),
        person: next(),
        ..Filters::default()
    };
    filters.dates.from = next().and_then(|d| parse_date_argument(&d).ok());
    filters.dates.to = next().and_then(|d| parse_date_argument(&d).ok());
    let searcher = searcher();
    let _ = searcher.search(query, 10, &filters, flags & 1 == 1);
    let _ = searcher.quotes(Some(query), 10, &filters);
    let _ = searcher.dates(Some(query), flags & 2 == 2, &filters);
});
