//! Index the seed articles into a temporary folder and search them.
//!
//! Run it with `cargo run --example search_seeds -- "your query"`.

use std::path::PathBuf;

use dossier::index::{update, IndexOptions};
use dossier::search::Searcher;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let query = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "Popular Mobilization Forces".into());

    // An index is a folder. A temporary one keeps the example from touching `index/`.
    let dir = tempfile::tempdir()?;
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");

    // `update` walks the paths, reads every article, cuts it into passages
    // and commits them. Run it again and only changed files are re-read.
    let report = update(dir.path(), &[seeds], &IndexOptions::default())?;
    println!(
        "indexed {} articles as {} passages",
        report.articles, report.passages
    );

    // A searcher ranks passages with BM25 over text, title and quotations.
    // Words are folded, so `kataib` finds `Kata’ib` and `mobilisation`
    // finds `Mobilization`.
    let results = Searcher::open(dir.path())?.search(&query, 3, &Default::default(), false)?;
    println!(
        "{} passages match `{query}`; the best {}:",
        results.total,
        results.hits.len()
    );
    for hit in &results.hits {
        // Every hit cites its file and line (a page for a PDF, a paragraph
        // for a Word file), and the byte range of the passage.
        let place =
            dossier::ingest::locator(hit.citation.line, hit.citation.page, hit.citation.paragraph);
        println!(
            "\n{}:{place} (bytes {}..{})",
            hit.citation.path, hit.citation.start, hit.citation.end
        );
        // Highlights are byte ranges into the passage text.
        let words: Vec<&str> = hit
            .highlights
            .iter()
            .map(|[s, e]| &hit.text[*s..*e])
            .collect();
        println!("  matched: {}", words.join(", "));
    }
    Ok(())
}
