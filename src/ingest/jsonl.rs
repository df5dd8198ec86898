//! JSON Lines: one article a line, with `title`, `body` or `text`, and
//! optional `date`, `id`, `source` and `url`. Other fields are ignored.
//!
//! The body is decoded from its JSON string with a map back to the file, so
//! passages inside it still cite exact byte offsets and the line.

use std::collections::HashMap;

use rayon::prelude::*;
use serde_json::value::RawValue;

use super::article::Article;
use super::metadata::{is_iso_date, read_opening};
use super::offsets::{LineIndex, MappedText};
use super::paragraphs::split;
use super::FileArticles;

/// A line's fields, each as the raw JSON it holds, so that a value's
/// offset in the line can be kept. Only `title`, `body` (or `text`),
/// `date`, `id`, `source` and `url` are read; other fields are ignored.
type Fields<'a> = HashMap<String, &'a RawValue>;

/// One line of the file: its 1-based number, byte offset and content.
struct RawLine<'a> {
    number: usize,
    offset: usize,
    content: &'a [u8],
}

/// Reads every article of a `.jsonl` file; a broken line is a warning naming
/// its line number, and the other lines are still read.
pub fn read(bytes: &[u8], path: &str) -> FileArticles {
    read_at(bytes, path, 1, 0)
}

/// Reads `bytes` as the part of a `.jsonl` file that starts on line
/// `first_line`, at byte `first_offset`.
pub fn read_at(bytes: &[u8], path: &str, first_line: usize, first_offset: usize) -> FileArticles {
    let results: Vec<Result<Option<Article>, String>> = lines(bytes, first_line, first_offset)
        .par_iter()
        .map(|line| read_line(line, path))
        .collect();
    let mut out = FileArticles::default();
    for result in results {
        match result {
            Ok(Some(article)) => out.articles.push(article),
            Ok(None) => {}
            Err(warning) => out.warnings.push(warning),
        }
    }
    out
}

fn lines(bytes: &[u8], first_line: usize, first_offset: usize) -> Vec<RawLine<'_>> {
    let mut offset = first_offset;
    bytes
        .split_inclusive(|&b| b == b'\n')
        .enumerate()
        .map(|(i, content)| {
            let line = RawLine {
                number: first_line + i,
                offset,
                content,
            };
            offset += content.len();
            line
        })
        .filter(|line| !line.content.trim_ascii().is_empty())
        .collect()
}

fn read_line(line: &RawLine<'_>, path: &str) -> Result<Option<Article>, String> {
    let at = |message: String| format!("{path}:{}: {message}", line.number);
    let content =
        std::str::from_utf8(line.content).map_err(|e| at(format!("not valid UTF-8 ({e})")))?;
    // An array or a scalar is no article: say so in plain words rather
    // than in serde's.
    if !content.trim_start().starts_with('{') {
        return Err(at("not a JSON object".into()));
    }
    let fields: Fields<'_> =
        serde_json::from_str(content).map_err(|e| at(format!("not valid JSON: {e}")))?;
    // A `null` field is an absent one, as it was to an `Option` field.
    let field = |name: &str| fields.get(name).copied().filter(|raw| raw.get() != "null");
    let offset_of =
        |raw: &RawValue| line.offset + (raw.get().as_ptr() as usize - content.as_ptr() as usize);
    let Some(body_raw) = field("body").or(field("text")) else {
        return Err(at("no `body` or `text` field".into()));
    };
    let body = decode_string(body_raw.get(), offset_of(body_raw))
        .ok_or_else(|| at("`body` is not a string".into()))?;
    let text_of = |raw: Option<&RawValue>| raw.and_then(|r| scalar_text(r.get()));
    let id = text_of(field("id")).unwrap_or_else(|| line.number.to_string());
    let mut paragraphs = split(body.as_str());
    let opening = read_opening(body.as_str(), &mut paragraphs);
    let date = field("date")
        .and_then(|raw| Some((scalar_text(raw.get())?, offset_of(raw) + 1)))
        .and_then(|(d, at)| {
            d.get(..10)
                .filter(|d| is_iso_date(d))
                .map(|d| (d.to_owned(), at))
        });
    let (published, published_span) = match date {
        Some((d, at)) => (Some(d), Some(at..at + 10)),
        None => (
            opening.published,
            opening
                .published_span
                .map(|s| body.file_offset(s.start)..body.file_end(s.end)),
        ),
    };
    Ok(Some(Article {
        doc: format!("{path}#{id}"),
        path: path.to_owned(),
        title: text_of(field("title"))
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(opening.title),
        source: text_of(field("source")).or(opening.source),
        url: text_of(field("url")),
        published,
        published_span,
        body,
        paragraphs,
        lines: LineIndex::Fixed(line.number),
    }))
}

/// A JSON string or number as text; `null`, arrays and objects give none.
fn scalar_text(raw: &str) -> Option<String> {
    if raw.starts_with('"') {
        decode_string(raw, 0).map(|m| m.as_str().to_owned())
    } else if raw.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        Some(raw.to_owned())
    } else {
        None
    }
}

/// Decodes a JSON string literal (quotes included) found at `file_offset`.
fn decode_string(raw: &str, file_offset: usize) -> Option<MappedText> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    let base = file_offset + 1;
    let mut text = MappedText::new();
    let mut i = 0;
    while let Some(j) = inner[i..].find('\\').map(|j| i + j) {
        text.push(&inner[i..j], base + i);
        let (decoded, len) = unescape(&inner[j..]);
        let mut buf = [0u8; 4];
        text.push(decoded.encode_utf8(&mut buf), base + j);
        i = j + len;
    }
    text.push(&inner[i..], base + i);
    Some(text)
}

/// The character an escape sequence at the start of `s` stands for, and the
/// escape's length. Input was validated by serde_json, so escapes are whole.
fn unescape(s: &str) -> (char, usize) {
    let hex = |at: usize| {
        s.get(at..at + 4)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    match s.as_bytes().get(1) {
        Some(b'n') => ('\n', 2),
        Some(b't') => ('\t', 2),
        Some(b'r') => ('\r', 2),
        Some(b'b') => ('\u{8}', 2),
        Some(b'f') => ('\u{c}', 2),
        Some(b'u') => match hex(2) {
            Some(high @ 0xD800..=0xDBFF) if s.get(6..8) == Some("\\u") => match hex(8) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    (char::from_u32(c).unwrap_or('\u{FFFD}'), 12)
                }
                _ => ('\u{FFFD}', 6),
            },
            Some(code) => (char::from_u32(code).unwrap_or('\u{FFFD}'), 6),
            None => ('\u{FFFD}', 2),
        },
        Some(&other) => (char::from(other), 2),
        None => ('\\', 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = concat!(
        r#"{"id": "a1", "title": "First", "date": "2017-03-04T00:00:00", "body": "He said \"yes\".\n\nSecond \u00e9t\u00e9 para."}"#,
        "\n",
        "{broken\n",
        "[1, 2]\n",
        r#"{"id": 7, "text": "Only text, no title.", "extra": [1, 2]}"#,
        "\n"
    );

    #[test]
    fn articles_are_read_and_broken_lines_reported_by_number() {
        let out = read(FILE.as_bytes(), "n.jsonl");
        assert_eq!(out.articles.len(), 2);
        assert_eq!(
            out.warnings,
            [
                "n.jsonl:2: not valid JSON: key must be a string at line 1 column 2",
                "n.jsonl:3: not a JSON object"
            ]
        );
        let first = &out.articles[0];
        assert_eq!(first.doc, "n.jsonl#a1");
        assert_eq!(first.title, "First");
        assert_eq!(first.published.as_deref(), Some("2017-03-04"));
        let second = &out.articles[1];
        assert_eq!(second.doc, "n.jsonl#7");
        assert_eq!(second.title, "Only text, no title.");
        assert!(matches!(second.lines, LineIndex::Fixed(4)));
    }

    #[test]
    fn body_offsets_point_at_the_escaped_text_in_the_file() {
        let out = read(FILE.as_bytes(), "n.jsonl");
        let article = &out.articles[0];
        let texts: Vec<&str> = article.paragraph_texts().collect();
        assert_eq!(texts, ["He said \"yes\".", "Second été para."]);
        let range = article.file_range(article.paragraphs[0].range.clone());
        assert_eq!(&FILE[range], r#"He said \"yes\"."#);
        let range = article.file_range(article.paragraphs[1].range.clone());
        assert_eq!(&FILE[range], r"Second \u00e9t\u00e9 para.");
    }

    #[test]
    fn surrogate_pairs_decode_to_one_character() {
        assert_eq!(unescape(r"\ud83d\ude00"), ('😀', 12));
        assert_eq!(unescape(r"\ud83d"), ('\u{FFFD}', 6));
    }
}
