//! PDF reports: the text layer of each page (pdf-extract over lopdf),
//! joined by `pages` into paragraphs, cited by page.
//!
//! What cannot be read is refused with the reason: an encrypted file, a
//! file with no text layer (a scan), a damaged one (the parser's message),
//! or pages whose content would pass the memory budget.

use std::panic::{catch_unwind, AssertUnwindSafe};

use lopdf::{Document, Object};

use super::article::{Article, Extracted};
use super::offsets::LineIndex;
use super::pages::assemble;
use super::FileArticles;

/// The most content, decompressed, that one page may hold before the file
/// is refused: a page of text is some kilobytes; this is a bomb.
const MAX_PAGE_CONTENT: usize = 16 << 20;
/// The most content, decompressed, of the whole document.
const MAX_CONTENT: usize = 256 << 20;

/// Reads a `.pdf` file as one article.
pub fn read(bytes: &[u8], path: &str) -> FileArticles {
    match pages_of(bytes) {
        Ok((pages, info)) => article(path, &pages, info),
        Err(reason) => FileArticles::refused(reason),
    }
}

/// Title and creation date from the document's information dictionary.
#[derive(Default)]
struct Info {
    title: Option<String>,
    created: Option<String>,
}

/// The text of every page, or why there is none.
fn pages_of(bytes: &[u8]) -> Result<(Vec<String>, Info), String> {
    let mut document = guarded(|| Document::load_mem(bytes))
        .and_then(|loaded| loaded.map_err(|e| format!("damaged PDF: {e}")))?;
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err("encrypted PDF: it needs a password to be read".into());
    }
    let info = info_of(&document);
    let page_ids: Vec<(u32, lopdf::ObjectId)> = document.get_pages().into_iter().collect();
    let mut total = 0;
    let mut pages = Vec::with_capacity(page_ids.len());
    for (number, id) in page_ids {
        let size = document.get_page_content(id).map_or(0, |c| c.len());
        total += size;
        if size > MAX_PAGE_CONTENT || total > MAX_CONTENT {
            return Err(format!(
                "PDF page {number} holds more content than the memory budget allows ({} MiB)",
                total >> 20
            ));
        }
        let text = guarded(|| {
            let mut text = String::new();
            let mut output = pdf_extract::PlainTextOutput::new(&mut text);
            pdf_extract::output_doc_page(&document, &mut output, number).map(|()| text)
        })?
        .map_err(|e| format!("damaged PDF (page {number}): {e}"))?;
        pages.push(text);
    }
    if pages.iter().all(|page| page.trim().is_empty()) {
        return Err("no text layer: a scanned PDF needs OCR first".into());
    }
    Ok((pages, info))
}

/// Runs the PDF parser, which may panic on a malformed file, and turns a
/// panic into a reason.
fn guarded<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("the parser failed");
        format!("damaged PDF: {message}")
    })
}

fn info_of(document: &Document) -> Info {
    let dictionary = document
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|id| document.get_dictionary(id));
    let Ok(dictionary) = dictionary else {
        return Info::default();
    };
    let text = |key: &[u8]| -> Option<String> {
        let bytes = dictionary.get(key).ok()?.as_str().ok()?;
        let text = lopdf::decode_text_string(&Object::String(
            bytes.to_vec(),
            lopdf::StringFormat::Literal,
        ))
        .ok()?;
        Some(text.trim().to_owned()).filter(|t| !t.is_empty())
    };
    Info {
        title: text(b"Title"),
        // `D:20240305120000Z` → `2024-03-05`.
        created: text(b"CreationDate").and_then(|d| pdf_date(&d)),
    }
}

/// The ISO day of a PDF date (`D:YYYYMMDD...`).
fn pdf_date(text: &str) -> Option<String> {
    let digits: String = text.trim_start_matches("D:").chars().take(8).collect();
    let valid = digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit());
    valid.then(|| format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..]))
}

fn article(path: &str, pages: &[String], info: Info) -> FileArticles {
    let body = assemble(pages);
    let document = Extracted {
        title: info.title,
        published: info.created,
        text: body.text,
        paragraphs: body.paragraphs,
        lines: LineIndex::Pages(body.page_starts),
    };
    FileArticles::one(Article::extracted(path, document), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_become_iso_days() {
        assert_eq!(pdf_date("D:20240305120000Z").as_deref(), Some("2024-03-05"));
        assert_eq!(pdf_date("2024").as_deref(), None);
    }

    #[test]
    fn garbage_is_refused_with_a_reason_and_no_panic() {
        for bytes in [
            &b"%PDF-1.4 zebra"[..],
            b"%PDF-1.7\n1 0 obj << /Type /Catalog",
            b"",
        ] {
            let read = read(bytes, "x.pdf");
            assert!(read.articles.is_empty());
            let reason = read.refused.unwrap_or_default();
            assert!(reason.contains("PDF"), "{reason}");
        }
    }
}
