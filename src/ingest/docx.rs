//! Word files (`.docx`): a zip of XML. The paragraphs of
//! `word/document.xml` in order, headings from their styles, title and
//! creation date from `docProps/core.xml`; cited by paragraph.
//!
//! Every part is read with a bound on its unpacked size, so that a zip
//! bomb is refused before it fills memory.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::article::{Article, Extracted, Paragraph};
use super::offsets::LineIndex;
use super::FileArticles;

/// The most bytes one part of the file may unpack to.
const MAX_PART: u64 = 64 << 20;

/// Reads a `.docx` file as one article.
pub fn read(bytes: &[u8], path: &str) -> FileArticles {
    match read_parts(bytes) {
        Ok((document, core)) => article(path, &document, core.as_deref()),
        Err(reason) => FileArticles::refused(reason),
    }
}

/// The document part, and the core properties when there are some.
fn read_parts(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("damaged Word file: {e}"))?;
    let document = part(&mut zip, "word/document.xml")?
        .ok_or("damaged Word file: it has no word/document.xml")?;
    let core = part(&mut zip, "docProps/core.xml")?;
    Ok((document, core))
}

/// One part of the zip as text, read to at most [`MAX_PART`] bytes.
fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
    let entry = match zip.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("damaged Word file: {e}")),
    };
    let too_large = || {
        format!(
            "Word file part {name} unpacks to more than {} MiB: refused",
            MAX_PART >> 20
        )
    };
    if entry.size() > MAX_PART {
        return Err(too_large());
    }
    let mut text = String::new();
    entry
        .take(MAX_PART + 1)
        .read_to_string(&mut text)
        .map_err(|e| format!("damaged Word file ({name}): {e}"))?;
    if text.len() as u64 > MAX_PART {
        return Err(too_large());
    }
    Ok(Some(text))
}

/// A paragraph of the document: its text and whether its style is a
/// heading or title.
struct Block {
    text: String,
    heading: bool,
}

/// The paragraphs of `word/document.xml`.
fn blocks(xml: &str) -> Result<Vec<Block>, String> {
    let mut reader = Reader::from_str(xml);
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let mut in_text = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("damaged Word file: {e}"))?;
        let opens = matches!(event, Event::Start(_));
        match event {
            Event::Start(tag) | Event::Empty(tag) => match tag.local_name().as_ref() {
                b"p" => {
                    current = Some(Block {
                        text: String::new(),
                        heading: false,
                    })
                }
                b"pStyle" => {
                    let style = tag
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == b"val")
                        .map(|a| String::from_utf8_lossy(&a.value).to_lowercase());
                    if let (Some(block), Some(style)) = (current.as_mut(), style) {
                        block.heading = style.starts_with("heading") || style == "title";
                    }
                }
                b"t" => in_text = opens,
                b"tab" | b"br" | b"cr" => {
                    if let Some(block) = current.as_mut() {
                        block.text.push(' ');
                    }
                }
                _ => {}
            },
            // References (`&amp;`) come as events of their own.
            Event::Text(text) if in_text => {
                if let (Some(block), Ok(text)) = (current.as_mut(), text.decode()) {
                    block.text.push_str(&text);
                }
            }
            Event::GeneralRef(reference) if in_text => {
                if let (Some(block), Some(text)) = (current.as_mut(), referenced(&reference)) {
                    block.text.push_str(&text);
                }
            }
            Event::End(tag) => match tag.local_name().as_ref() {
                b"t" => in_text = false,
                b"p" => blocks.extend(current.take()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(blocks)
}

/// The text of a character or predefined entity reference (`&#233;`, `&amp;`).
fn referenced(reference: &quick_xml::events::BytesRef<'_>) -> Option<String> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return Some(c.to_string());
    }
    let name = reference.decode().ok()?;
    quick_xml::escape::resolve_predefined_entity(&name).map(str::to_owned)
}

/// `dc:title` and the day of `dcterms:created` from the core properties.
fn core_properties(xml: &str) -> (Option<String>, Option<String>) {
    let mut reader = Reader::from_str(xml);
    let (mut title, mut created, mut field) = (None, None, None);
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(tag) => field = Some(tag.local_name().as_ref().to_vec()),
            Event::Text(text) => {
                let value = text
                    .decode()
                    .map(|t| t.trim().to_owned())
                    .unwrap_or_default();
                match field.as_deref() {
                    Some(b"title") if !value.is_empty() => title = Some(value),
                    Some(b"created")
                        if super::metadata::is_iso_date(value.get(..10).unwrap_or("")) =>
                    {
                        created = value.get(..10).map(str::to_owned)
                    }
                    _ => {}
                }
            }
            Event::End(_) => field = None,
            Event::Eof => break,
            _ => {}
        }
    }
    (title, created)
}

fn article(path: &str, document: &str, core: Option<&str>) -> FileArticles {
    let blocks = match blocks(document) {
        Ok(blocks) => blocks,
        Err(reason) => return FileArticles::refused(reason),
    };
    let mut text = String::new();
    let mut paragraphs = Vec::new();
    for block in blocks {
        let words = block.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if words.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&words);
        paragraphs.push(Paragraph {
            range: start..text.len(),
            heading: block.heading,
        });
    }
    if paragraphs.is_empty() {
        return FileArticles::refused("Word file without text".into());
    }
    let (title, published) = core.map(core_properties).unwrap_or_default();
    let document = Extracted {
        title,
        published,
        text,
        paragraphs,
        lines: LineIndex::Paragraphs,
    };
    let article = Article::extracted(path, document);
    FileArticles::one(article, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_headings_and_escapes_come_out_of_the_xml() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Harbour &amp; Dues</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">The mayor said </w:t></w:r><w:r><w:t>"no".</w:t></w:r></w:p>
            <w:p></w:p>
        </w:body></w:document>"#;
        let blocks = blocks(xml).expect("parsed");
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0].text, "Harbour & Dues");
        assert!(blocks[0].heading);
        assert_eq!(blocks[1].text, "The mayor said \"no\".");
        assert!(!blocks[1].heading);
    }

    #[test]
    fn a_file_that_is_no_zip_is_refused_with_a_reason() {
        let read = read(b"PK\x03\x04 broken", "x.docx");
        assert!(read.articles.is_empty());
        assert!(read.refused.unwrap_or_default().contains("Word file"));
    }
}
