//! Property tests: any text, and any bytes, go through ingest and the whole
//! analysis without a panic, and everything analysis reports points inside
//! the text on character boundaries.

mod common;

use common::analysis::analyze_all;
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
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        for format in [Format::Text, Format::Html, Format::Jsonl] {
            analyze_all(&bytes, format);
        }
    }
}
