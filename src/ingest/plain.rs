//! Plain text and Markdown files: the text is the article.

use super::article::Article;
use super::encoding::decode;
use super::metadata::read_opening;
use super::offsets::LineIndex;
use super::paragraphs::split;
use super::FileArticles;

/// Reads a `.txt` or `.md` file as one article.
pub fn read(bytes: &[u8], path: &str) -> FileArticles {
    let decoded = decode(bytes);
    let body = decoded.text;
    let mut paragraphs = split(body.as_str());
    let opening = read_opening(body.as_str(), &mut paragraphs);
    let published_span = opening
        .published_span
        .map(|span| body.file_offset(span.start)..body.file_end(span.end));
    let article = Article {
        doc: path.to_owned(),
        path: path.to_owned(),
        title: opening.title,
        source: opening.source,
        url: None,
        published: opening.published,
        published_span,
        body,
        paragraphs,
        lines: LineIndex::of(bytes),
    };
    FileArticles::one(article, decoded.note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_not_text_but_offsets_still_count_it() {
        let file = b"\xEF\xBB\xBFHeadline\nBody sentence here.";
        let article = &read(file, "a.txt").articles[0];
        assert_eq!(article.title, "Headline");
        let body = &article.paragraphs[1];
        let range = article.file_range(body.range.clone());
        assert_eq!(&file[range], b"Body sentence here.");
    }
}
