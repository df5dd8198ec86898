//! How a file's bytes become text: binary files are refused, byte-order
//! marks are honoured (UTF-8, UTF-16), UTF-8 is read as it is, and text
//! that is not UTF-8 at all is read as Windows-1252, the usual encoding of
//! older Western text. Every decoded character keeps its file offset.

use super::offsets::MappedText;

/// How many leading bytes are looked at to tell binary data from text.
const SNIFF_BYTES: usize = 8 * 1024;

/// File signatures of formats that are not text.
const SIGNATURES: [(&[u8], &str); 9] = [
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"\x7FELF", "an executable"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"7z\xBC\xAF", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
];

/// Decoded text, and a note for the user when it was not plain UTF-8.
pub struct Decoded {
    /// The text with its map back to file offsets.
    pub text: MappedText,
    /// What was done to read it, when anything was.
    pub note: Option<&'static str>,
}

/// Why a file is not text, if it is not (`a PDF document`, `binary data`).
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, kind)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    (utf16_order(bytes).is_none() && head.contains(&0)).then_some("binary data")
}

/// Decodes a text file: UTF-16 after its byte-order mark, UTF-8 (without
/// its mark), else Windows-1252 when no byte is UTF-8 beyond ASCII, else
/// UTF-8 with invalid bytes replaced.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(big_endian) = utf16_order(bytes) {
        return Decoded {
            text: decode_utf16(&bytes[2..], 2, big_endian),
            note: None,
        };
    }
    let start = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let bytes = &bytes[start..];
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: MappedText::verbatim(text.to_owned(), start),
            note: None,
        };
    }
    let utf8_beyond_ascii = bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii());
    if utf8_beyond_ascii {
        return Decoded {
            text: decode_utf8_lossy(bytes, start),
            note: Some("not valid UTF-8; invalid bytes were replaced"),
        };
    }
    Decoded {
        text: decode_windows_1252(bytes, start),
        note: Some("not UTF-8; read as Windows-1252"),
    }
}

/// `Some(true)` for a UTF-16 big-endian mark, `Some(false)` for little-endian.
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    match bytes.get(..2)? {
        [0xFE, 0xFF] => Some(true),
        [0xFF, 0xFE] => Some(false),
        _ => None,
    }
}

fn decode_utf16(bytes: &[u8], file_offset: usize, big_endian: bool) -> MappedText {
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut text = MappedText::new();
    let mut at = file_offset;
    let mut buffer = [0u8; 4];
    for decoded in char::decode_utf16(units) {
        let c = decoded.unwrap_or(char::REPLACEMENT_CHARACTER);
        text.push(c.encode_utf8(&mut buffer), at);
        at += c.len_utf16() * 2;
    }
    text
}

/// UTF-8 with each invalid sequence replaced by U+FFFD, offsets kept exact.
fn decode_utf8_lossy(bytes: &[u8], file_offset: usize) -> MappedText {
    let mut mapped = MappedText::new();
    let mut at = file_offset;
    for chunk in bytes.utf8_chunks() {
        mapped.push(chunk.valid(), at);
        at += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            mapped.push("\u{FFFD}", at);
            at += chunk.invalid().len();
        }
    }
    mapped
}

fn decode_windows_1252(bytes: &[u8], file_offset: usize) -> MappedText {
    let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let mut text = MappedText::new();
    let mut buffer = [0u8; 4];
    // One byte a character in Windows-1252.
    for (i, c) in decoded.chars().enumerate() {
        text.push(c.encode_utf8(&mut buffer), file_offset + i);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_files_are_told_apart_from_text() {
        assert_eq!(binary_kind(b"%PDF-1.4\n..."), Some("a PDF document"));
        assert_eq!(binary_kind(b"abc\0def"), Some("binary data"));
        assert_eq!(binary_kind("Jama’at text".as_bytes()), None);
        assert_eq!(binary_kind(b"\xFF\xFEa\0b\0"), None, "UTF-16 text has NULs");
    }

    #[test]
    fn utf16_is_read_after_its_mark_with_offsets() {
        let decoded = decode(b"\xFF\xFEH\0i\0 \0\xE9\0");
        assert_eq!(decoded.text.as_str(), "Hi é");
        assert_eq!(decoded.text.file_offset(3), 8, "é is the fourth code unit");
        let decoded = decode(b"\xFE\xFF\0H\0i");
        assert_eq!(decoded.text.as_str(), "Hi");
    }

    #[test]
    fn text_that_is_not_utf8_is_windows_1252() {
        let decoded = decode(b"Caf\xE9 \x93quoted\x94");
        assert_eq!(decoded.text.as_str(), "Café “quoted”");
        assert_eq!(decoded.note, Some("not UTF-8; read as Windows-1252"));
        assert_eq!(decoded.text.file_offset("Café “".len()), 6);
    }

    #[test]
    fn invalid_utf8_is_replaced_without_shifting_offsets() {
        let text = decode_utf8_lossy(b"ab\xffcd", 100);
        assert_eq!(text.as_str(), "ab\u{FFFD}cd");
        assert_eq!(text.file_offset(5), 103);
    }

    #[test]
    fn utf8_with_a_bad_byte_stays_utf8() {
        let mut bytes = "Jama’at é".as_bytes().to_vec();
        bytes.push(0xFF);
        let decoded = decode(&bytes);
        assert!(decoded.text.as_str().starts_with("Jama’at é"));
        assert_eq!(
            decoded.note,
            Some("not valid UTF-8; invalid bytes were replaced")
        );
        let with_mark = decode(b"\xEF\xBB\xBFplain");
        assert_eq!(
            (with_mark.text.as_str(), with_mark.text.file_offset(0)),
            ("plain", 3)
        );
    }
}
