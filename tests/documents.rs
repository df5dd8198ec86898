//! PDF and Word files, made by the tests (`common::documents`), indexed
//! beside HTML in one run: passages cited by page or paragraph, running
//! headers gone, hyphenated words whole, a quotation over a page break
//! attributed, and scans, encrypted files, damaged files and zip bombs
//! refused with their reason.

mod common;

use common::documents::{column, docx, encrypted_pdf, pdf, zip_of, Line};
use common::{of_type, Workspace};

fn header_and_footer(page: usize, mut lines: Vec<Line<'static>>) -> Vec<Line<'static>> {
    let number: &'static str = Box::leak(format!("Page {page} of 8").into_boxed_str());
    lines.push(Line {
        x: 72,
        y: 810,
        text: "Harbour Authority Annual Report",
    });
    lines.push(Line {
        x: 280,
        y: 30,
        text: number,
    });
    lines
}

/// An eight-page report: headers and footers on every page, a heading, a
/// hyphenated line, a table, a page without text (as a scanned image
/// would be), a two-column page, a quotation that runs over from page 6
/// to page 7, and the phrase the search looks for on page 7.
fn report() -> Vec<u8> {
    let mut pages = Vec::new();
    for page in 1..=8 {
        let lines = match page {
            1 => column(
                72,
                770,
                &[
                    "Dredging the Outer Harbour",
                    "",
                    "The board met in March to weigh the govern-",
                    "ment plan for the outer harbour.",
                ],
            ),
            // A table: cells side by side on each row.
            3 => {
                let mut rows = column(72, 770, &["Berth", "North quay", "South quay"]);
                rows.extend(column(250, 770, &["Depth", "12 metres", "9 metres"]));
                rows
            }
            // A page that is an image (a scan): no text at all.
            4 => Vec::new(),
            5 => {
                let mut two = column(72, 770, &["Left column: tonnage rose."]);
                two.extend(column(320, 770, &["Right column: fees fell."]));
                two
            }
            6 => column(
                72,
                770,
                &["Harbour master Ines Okafor said \"the channel will be deepened"],
            ),
            7 => column(
                72,
                770,
                &[
                    "before the winter storms\" at the hearing.",
                    "",
                    "The quarry of basalt near the pier stays closed.",
                ],
            ),
            _ => column(72, 770, &["Routine maintenance continued on schedule."]),
        };
        pages.push(header_and_footer(page, lines));
    }
    pdf(&pages, "Outer Harbour Report", "D:20240305120000Z")
}

/// With `DOSSIER_FUZZ_SEEDS=DIR`, writes the report and the memo there as
/// seeds of the `documents` fuzz target (first byte: 0 PDF, 1 Word).
fn write_fuzz_seeds(workspace: &Workspace) {
    let Some(dir) = std::env::var_os("DOSSIER_FUZZ_SEEDS") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("seed folder");
    for (name, tag, file) in [
        ("report", 0u8, "reports/harbour.pdf"),
        ("memo", 1, "reports/memo.docx"),
    ] {
        let mut seed = vec![tag];
        seed.extend(std::fs::read(workspace.path().join(file)).expect("document"));
        std::fs::write(dir.join(name), seed).expect("seed");
    }
}

#[test]
fn pdf_and_docx_index_beside_html_and_cite_pages_and_paragraphs() {
    let workspace = Workspace::new();
    workspace.write_bytes(std::path::Path::new("reports/harbour.pdf"), &report());
    workspace.write_bytes(
        std::path::Path::new("reports/memo.docx"),
        &docx(
            &[
                (Some("Heading1"), "Ferry Timetable Memo"),
                (None, "The ferry runs hourly from May."),
                (
                    None,
                    "\"We will add a night crossing,\" said Captain Ruth Abara.",
                ),
            ],
            "Ferry Memo",
            "2024-04-02T09:00:00Z",
        ),
    );
    workspace.write(
        "reports/page.html",
        "<html><body><h1>Pier Notes</h1><p>The pier lamps were replaced.</p></body></html>",
    );
    write_fuzz_seeds(&workspace);
    let run = workspace.run(&["index", "reports"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(
        run.stderr().contains("indexed 3 articles"),
        "{}",
        run.stderr()
    );

    // A phrase from page 7 is cited by page, and the line is absent.
    let lines = workspace.json(&["search", "\"quarry of basalt\""]);
    let hits = of_type(&lines, "hit");
    let hit = hits.first().expect("a hit on page 7");
    assert_eq!(hit["page"], 7, "{hit}");
    assert!(hit.get("line").is_none(), "{hit}");
    assert_eq!(hit["title"], "Outer Harbour Report");
    assert_eq!(hit["published"], "2024-03-05");
    let text = workspace.run(&["search", "--color", "never", "\"quarry of basalt\""]);
    assert!(
        text.stdout().contains("reports/harbour.pdf:p7"),
        "{}",
        text.stdout()
    );

    // Running lines are gone, the hyphenated word is whole.
    assert_eq!(
        workspace
            .run(&["search", "\"Harbour Authority Annual Report\""])
            .code(),
        1
    );
    let whole = workspace.json(&["search", "\"government plan\""]);
    assert_eq!(
        of_type(&whole, "hit").first().map(|h| h["page"].clone()),
        Some(1.into())
    );

    // The table's cells are text; the image page holds none, so page 5
    // follows page 3 in the text.
    let table = workspace.json(&["search", "\"North quay\""]);
    assert_eq!(of_type(&table, "hit")[0]["page"], 3);

    // Both columns are read.
    for words in ["tonnage rose", "fees fell"] {
        let found = workspace.json(&["search", &format!("\"{words}\"")]);
        assert_eq!(of_type(&found, "hit")[0]["page"], 5, "{words}");
    }

    // The quotation over the page break is one, with its speaker.
    let quotes = workspace.json(&["quotes", "--speaker", "okafor"]);
    let quote = of_type(&quotes, "quote");
    assert!(
        quote.iter().any(|q| q["text"]
            .as_str()
            .is_some_and(|t| t.contains("deepened before the winter storms"))),
        "{quotes:?}"
    );

    // The Word file: paragraphs cited by number, quotation attributed.
    let quotes = workspace.json(&["quotes", "--speaker", "abara"]);
    let quote = of_type(&quotes, "quote");
    let first = quote.first().expect("the memo's quotation");
    assert_eq!(first["path"], "reports/memo.docx");
    assert_eq!(first["paragraph"], 3);
    assert!(first.get("line").is_none());
    let text = workspace.run(&["search", "--color", "never", "ferry hourly"]);
    assert!(
        text.stdout().contains("reports/memo.docx:¶2"),
        "{}",
        text.stdout()
    );
    let memo = workspace.json(&["search", "ferry hourly"]);
    assert_eq!(of_type(&memo, "hit")[0]["title"], "Ferry Memo");
    assert_eq!(of_type(&memo, "hit")[0]["published"], "2024-04-02");
}

#[test]
fn unreadable_documents_are_reported_with_their_reason() {
    let workspace = Workspace::new();
    let scan = pdf(&[Vec::new(), Vec::new()], "Scan", "D:20240101");
    workspace.write_bytes(std::path::Path::new("in/scan.pdf"), &scan);
    workspace.write_bytes(std::path::Path::new("in/locked.pdf"), &encrypted_pdf());
    workspace.write_bytes(
        std::path::Path::new("in/broken.pdf"),
        b"%PDF-1.7\n1 0 obj << /Type",
    );
    workspace.write_bytes(
        std::path::Path::new("in/broken.docx"),
        b"PK\x03\x04 not a zip",
    );
    // 80 MiB of spaces packs into a small zip: a bomb for a naive reader.
    let bomb = vec![b' '; 80 << 20];
    workspace.write_bytes(
        std::path::Path::new("in/bomb.docx"),
        &zip_of(&[("word/document.xml", &bomb)]),
    );
    workspace.write("in/fine.txt", "Fine\n\nThe lighthouse keeper retired.\n");
    let run = workspace.run(&["index", "in"]);
    let stderr = run.stderr();
    assert_eq!(run.code(), 3, "some files skipped: {stderr}");
    for expected in [
        "in/scan.pdf (no text layer: a scanned PDF needs OCR first)",
        "in/locked.pdf (encrypted PDF",
        "in/broken.pdf (damaged PDF",
        "in/broken.docx (damaged Word file",
        "in/bomb.docx (Word file part word/document.xml unpacks to more than",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    assert!(stderr.contains("indexed 1 articles"), "{stderr}");
}
