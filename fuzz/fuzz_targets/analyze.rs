//! Any bytes, read as any of the four formats and analyzed: no panic, and
//! every range analysis reports lies inside the text on character
//! boundaries (the check the property tests use). The first byte picks the
//! format.
#![no_main]

use dossier::ingest::Format;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/analysis.rs"]
mod analysis;

const FORMATS: [Format; 4] = [Format::Text, Format::Markdown, Format::Html, Format::Jsonl];

fuzz_target!(|data: &[u8]| {
    if let Some((&first, bytes)) = data.split_first() {
        analysis::analyze_all(bytes, FORMATS[usize::from(first) % FORMATS.len()]);
    }
});
