//! Any bytes read as a PDF or a Word file and analyzed: no panic, however
//! damaged, and ranges inside the text (the property tests' check). The
//! first byte picks the format. Seeds: `fuzz/seeds/documents/`, written by
//! `DOSSIER_FUZZ_SEEDS=fuzz/seeds/documents cargo test --test documents`.
#![no_main]

use dossier::ingest::Format;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/analysis.rs"]
mod analysis;

fuzz_target!(|data: &[u8]| {
    if let Some((&first, bytes)) = data.split_first() {
        let format = if first % 2 == 0 { Format::Pdf } else { Format::Docx };
        analysis::analyze_all(bytes, format);
    }
});
