//! Property tests: any text, and any bytes, go through ingest and the whole
//! analysis without a panic, and everything analysis reports points inside
//! the text on character boundaries.

mod common;

use common::analysis::analyze_all;
use common::documents;
use dossier::ingest::Format;
use proptest::prelude::*;

/// Text made of the characters analysis cares about: letters, quotation
/// marks of every kind, apostrophes, digits, month names, punctuation,
/// newlines and some right-to-left script.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Minister",
        " al-Sudani",
        " said",
        ", ",
        ". ",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "\n",
        "\n\n",
        "# ",
        "October",
        " 7",
        ", 2023",
        " 13 June",
        " 2016",
        " (PMF)",
        " Popular",
        " Mobilization Forces",
        " He added",
        ": ",
        "—",
        "?",
        "!",
        "(",
        ")",
        "Kata'ib",
        " the",
        " Israeli FM",
        " stressed",
        "بغداد",
        " العراق",
        "°®Âþµº",
        "\u{feff}",
        "\r\n",
        " ",
        "x",
    ]);
    prop::collection::vec(pieces, 0..200).prop_map(|p| p.concat())
}

/// A small valid PDF and Word file, for the damage to start from.
static SAMPLE_PDF: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    let page = |text| documents::column(72, 770, &["A Heading", "", text]);
    documents::pdf(
        &[
            page("The port said \"no\" to the plan."),
            page("Fees rose by a third."),
        ],
        "Sample",
        "D:20240101",
    )
});
static SAMPLE_DOCX: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    documents::docx(
        &[
            (Some("Heading1"), "A Heading"),
            (None, "The port said \"no\"."),
        ],
        "Sample",
        "2024-01-01",
    )
});

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn news_like_text_never_panics(text in newsy_text()) {
        analyze_all(text.as_bytes(), Format::Text);
        analyze_all(text.as_bytes(), Format::Markdown);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        analyze_all(text.as_bytes(), Format::Text);
    }

    #[test]
    fn damaged_pdf_and_word_files_never_panic(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16)
    ) {
        for (format, valid) in [(Format::Pdf, &*SAMPLE_PDF), (Format::Docx, &*SAMPLE_DOCX)] {
            let mut bytes = valid.clone();
            for (at, byte) in &flips {
                let i = at.index(bytes.len());
                bytes[i] = *byte;
            }
            analyze_all(&bytes, format);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        for format in [Format::Text, Format::Html, Format::Jsonl] {
            analyze_all(&bytes, format);
        }
    }
}
