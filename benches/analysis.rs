//! Criterion benchmarks: reading and analyzing articles (quotes, entities,
//! dates) per MB, indexing, and queries on a prepared index: a term, a
//! phrase, five words and a pasted 20-word claim, each plain, with facets,
//! with a speaker filter and with a date filter.
//!
//! `cargo bench --bench analysis` measures on the seeds; with
//! `DOSSIER_BENCH_CORPUS=../shared/corpora/news.jsonl` the queries run on an
//! index of that corpus instead. CI runs `-- --test` so the benches keep
//! compiling and running. `benches/compare.sh` measures end to end against
//! other tools.

use std::path::{Path, PathBuf};

use criterion::BatchSize;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier::analyze::DateValue;
use dossier::index::{update, IndexOptions};
use dossier::ingest::{parse, Format};
use dossier::search::{DateRange, Filters, Searcher};

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("seeds/")
        .map(|entry| {
            let path = entry.expect("entry").path();
            let bytes = std::fs::read(&path).expect("seed");
            (path.display().to_string(), bytes)
        })
        .collect();
    files.sort();
    files
}

fn analysis(c: &mut Criterion) {
    let files = seeds();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("ingest+analyze seeds (quotes, entities, dates)", |b| {
        b.iter(|| {
            files
                .iter()
                .flat_map(|(path, bytes)| parse(bytes, path, Format::Text).articles)
                .map(dossier::analyze::analyze)
                .map(|a| a.passages.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn indexing(c: &mut Criterion) {
    let bytes: usize = seeds().iter().map(|(_, b)| b.len()).sum();
    let mut group = c.benchmark_group("indexing");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("index seeds from scratch", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("temporary folder"),
            |dir| {
                update(dir.path(), &[seeds_dir()], &IndexOptions::default())
                    .expect("index seeds")
                    .passages
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn queries(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let corpus = std::env::var_os("DOSSIER_BENCH_CORPUS").map_or_else(seeds_dir, PathBuf::from);
    update(dir.path(), &[corpus], &IndexOptions::default()).expect("index the corpus");
    let searcher = Searcher::open(dir.path()).expect("open index");
    let by_speaker = Filters {
        speaker: Some("sudani".into()),
        ..Filters::default()
    };
    let since_2024 = Filters {
        dates: DateRange {
            from: DateValue::parse("2024"),
            to: None,
        },
        ..Filters::default()
    };
    let mut group = c.benchmark_group("search");
    for (name, query) in [
        ("term", "militias"),
        ("phrase", "\"Popular Mobilization Forces\""),
        ("five words", "Iraqi prime minister rejects demands"),
        (
            "pasted claim",
            "Israel sent a letter to the UN Security Council urging action against \
             Iran-backed militias that use Iraqi territory to attack it",
        ),
    ] {
        for (variant, filters, facets) in [
            ("", &Filters::default(), false),
            (" +facets", &Filters::default(), true),
            (" --speaker", &by_speaker, false),
            (" --from", &since_2024, false),
        ] {
            group.bench_function(format!("{name}{variant}"), |b| {
                b.iter(|| {
                    searcher
                        .search(query, 10, filters, facets)
                        .expect("search")
                        .total
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, analysis, indexing, queries);
criterion_main!(benches);
