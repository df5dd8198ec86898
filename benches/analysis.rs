//! Criterion benchmarks: reading and analyzing articles per MB, and
//! queries on a prepared index of the seed corpus.
//!
//! `cargo bench --bench analysis` measures; CI runs `-- --test` so the
//! benches keep compiling and running.

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dossier::index::{update, IndexOptions};
use dossier::ingest::{parse, Format};
use dossier::search::Searcher;

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
    group.bench_function("ingest+analyze seeds", |b| {
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

fn queries(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    update(dir.path(), &[seeds], &IndexOptions::default()).expect("index seeds");
    let searcher = Searcher::open(dir.path()).expect("open index");
    let mut group = c.benchmark_group("search");
    for (name, query) in [
        ("term", "militias"),
        ("phrase", "\"Popular Mobilization Forces\""),
        ("five words", "Iraqi prime minister rejects demands"),
        (
            "pasted claim",
            "Israel sent a letter to the UN Security Council urging action against Iran-backed militias that use Iraqi territory to attack it",
        ),
    ] {
        group.bench_function(name, |b| b.iter(|| searcher.search(query, 10, &Default::default(), false).expect("search").total));
    }
    group.finish();
}

criterion_group!(benches, analysis, queries);
criterion_main!(benches);
