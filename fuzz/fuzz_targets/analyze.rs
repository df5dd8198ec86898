//! Any bytes, read as any of the four formats and analyzed: no panic, and
//! every range analysis reports lies inside the text on character
//! boundaries. The first byte picks the format.
#![no_main]

use dossier::analyze::analyze;
use dossier::ingest::{parse, Format};
use libfuzzer_sys::fuzz_target;

const FORMATS: [Format; 4] = [Format::Text, Format::Markdown, Format::Html, Format::Jsonl];

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let format = FORMATS[usize::from(first) % FORMATS.len()];
    for article in parse(bytes, "fuzz.txt", format).articles {
        let analysis = analyze(article);
        let body = analysis.article.body.as_str();
        let inside = |r: &std::ops::Range<usize>| {
            r.start <= r.end
                && r.end <= body.len()
                && body.is_char_boundary(r.start)
                && body.is_char_boundary(r.end)
        };
        for passage in &analysis.passages {
            assert!(inside(&passage.range));
            assert!(passage.quotes.iter().all(|q| inside(&q.inner) && inside(&q.outer)));
            assert!(passage.mentions.iter().all(|m| inside(&m.range)));
            assert!(passage.dates.iter().all(|d| inside(&d.range)));
        }
    }
});
