//! The check that property tests and the `analyze` fuzz target share: any
//! bytes go through ingest and the whole analysis without a panic, and
//! every range analysis reports lies inside the text on character
//! boundaries. Kept apart from the other helpers so that `fuzz/` can
//! include it by path.

use dossier::analyze::analyze;
use dossier::ingest::{parse, Format};

/// Reads `bytes` as a file of `format` and checks every range analysis gives.
pub fn analyze_all(bytes: &[u8], format: Format) {
    for article in parse(bytes, "case.txt", format).articles {
        let analysis = analyze(article);
        let body = analysis.article.body.as_str();
        let inside = |r: &std::ops::Range<usize>| {
            r.start <= r.end
                && r.end <= body.len()
                && body.is_char_boundary(r.start)
                && body.is_char_boundary(r.end)
        };
        for passage in &analysis.passages {
            assert!(inside(&passage.range), "passage {:?}", passage.range);
            for quote in &passage.quotes {
                assert!(inside(&quote.inner) && inside(&quote.outer), "{quote:?}");
            }
            for mention in &passage.mentions {
                assert!(inside(&mention.range), "{mention:?}");
            }
            for date in &passage.dates {
                assert!(inside(&date.range), "{date:?}");
            }
        }
    }
}
