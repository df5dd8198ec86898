//! HTML pages: visible text in block order, without tags, scripts or styles.
//!
//! A small scanner rather than a full HTML parser, because it keeps the
//! byte offset of every piece of text (so passages cite the file) and
//! tolerates any malformed markup: unknown or unclosed tags are just skipped.

use std::ops::Range;

use super::article::{Article, Paragraph};
use super::encoding::decode;
use super::metadata::{is_iso_date, read_opening};
use super::offsets::{LineIndex, MappedText};
use super::FileArticles;

/// Elements whose content is never text of the article.
const HIDDEN: [&str; 6] = ["script", "style", "noscript", "template", "svg", "iframe"];
/// Elements that start and end a paragraph.
const BLOCKS: [&str; 30] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "article",
    "section",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];
const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/// Reads an `.html` or `.htm` file as one article.
pub fn read(bytes: &[u8], path: &str) -> FileArticles {
    let decoded = decode(bytes);
    let source = decoded.text;
    let mut scanner = Scanner::new(&source);
    scanner.run();
    let Scanner {
        body,
        paragraphs,
        meta,
        ..
    } = scanner;
    let mut paragraphs = paragraphs;
    let opening = read_opening(body.as_str(), &mut paragraphs);
    let title = meta
        .og_title
        .or(meta.first_h1)
        .or(meta.title)
        .unwrap_or(opening.title);
    let article = Article {
        doc: path.to_owned(),
        path: path.to_owned(),
        title,
        source: meta.site_name,
        url: meta.url,
        published: meta.published.map(|(date, _)| date).or(opening.published),
        published_span: meta.published_span,
        body,
        paragraphs,
        lines: LineIndex::of(bytes),
    };
    FileArticles::one(article, decoded.note)
}

#[derive(Default)]
struct PageMeta {
    og_title: Option<String>,
    title: Option<String>,
    first_h1: Option<String>,
    site_name: Option<String>,
    url: Option<String>,
    published: Option<(String, usize)>,
    published_span: Option<Range<usize>>,
}

struct Scanner<'a> {
    source: &'a MappedText,
    html: &'a str,
    pos: usize,
    body: MappedText,
    paragraphs: Vec<Paragraph>,
    paragraph_start: usize,
    in_heading: bool,
    pending_space: bool,
    meta: PageMeta,
}

impl<'a> Scanner<'a> {
    fn new(source: &'a MappedText) -> Self {
        Scanner {
            source,
            html: source.as_str(),
            pos: 0,
            body: MappedText::new(),
            paragraphs: Vec::new(),
            paragraph_start: 0,
            in_heading: false,
            pending_space: false,
            meta: PageMeta::default(),
        }
    }

    fn run(&mut self) {
        while self.pos < self.html.len() {
            let rest = &self.html[self.pos..];
            if rest.starts_with("<!--") {
                self.pos = find_from(self.html, self.pos, "-->").map_or(self.html.len(), |i| i + 3);
            } else if rest.starts_with('<')
                && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
            {
                self.tag();
            } else {
                let end = find_from(self.html, self.pos + 1, "<").unwrap_or(self.html.len());
                self.text(self.pos..end);
                self.pos = end;
            }
        }
        self.end_paragraph();
    }

    fn tag(&mut self) {
        let end = tag_end(self.html, self.pos);
        // A tag the file never closes runs to the end of the text.
        let closed = self.html.as_bytes().get(end.wrapping_sub(1)) == Some(&b'>');
        let inner_end = if closed { end - 1 } else { end };
        let inner = &self.html[self.pos + 1..inner_end.max(self.pos + 1)];
        let closing = inner.starts_with('/');
        let name_start = usize::from(closing);
        let name: String = inner[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let attrs_offset = self.pos + 1 + name_start + name.len();
        self.pos = end;
        if closing {
            if BLOCKS.contains(&name.as_str()) {
                self.end_paragraph();
            }
            return;
        }
        match name.as_str() {
            "title" => self.meta.title = self.meta.title.take().or(self.element_text("title")),
            "meta" => self.meta_tag(attrs_offset, end),
            "time" => self.time_tag(attrs_offset, end),
            n if HIDDEN.contains(&n) => self.skip_element(n),
            n if BLOCKS.contains(&n) => {
                self.end_paragraph();
                self.in_heading = HEADINGS.contains(&n);
                if n == "h1" && self.meta.first_h1.is_none() {
                    self.meta.first_h1 = self.peek_element_text("h1");
                }
            }
            _ => {}
        }
    }

    fn meta_tag(&mut self, attrs: usize, end: usize) {
        let attrs_text = &self.html[attrs..end];
        let key = attribute(attrs_text, "property").or_else(|| attribute(attrs_text, "name"));
        let Some((content, at)) = attribute(attrs_text, "content") else {
            return;
        };
        let content_offset = attrs + at;
        match key.map(|(k, _)| k.to_ascii_lowercase()).as_deref() {
            Some("article:published_time" | "date" | "pubdate" | "publish-date") => {
                self.set_published(&content, content_offset)
            }
            Some("og:site_name") => self.meta.site_name = Some(content),
            Some("og:url") => self.meta.url = Some(content),
            Some("og:title") => self.meta.og_title = Some(content),
            _ => {}
        }
    }

    fn time_tag(&mut self, attrs: usize, end: usize) {
        if let Some((datetime, at)) = attribute(&self.html[attrs..end], "datetime") {
            if self.meta.published.is_none() {
                self.set_published(&datetime, attrs + at);
            }
        }
    }

    fn set_published(&mut self, value: &str, offset: usize) {
        let Some(date) = value.get(..10).filter(|d| is_iso_date(d)) else {
            return;
        };
        self.meta.published = Some((date.to_owned(), offset));
        let start = self.source.file_offset(offset);
        self.meta.published_span = Some(start..start + 10);
    }

    /// Text of an element that is not part of the body, consuming it.
    fn element_text(&mut self, name: &str) -> Option<String> {
        let text = self.peek_element_text(name);
        self.skip_element(name);
        text
    }

    fn peek_element_text(&self, name: &str) -> Option<String> {
        let end = find_closing(self.html, self.pos, name).unwrap_or(self.html.len());
        let raw = strip_tags(&self.html[self.pos..end]);
        let text = html_escape::decode_html_entities(&raw);
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then_some(text)
    }

    fn skip_element(&mut self, name: &str) {
        let close = find_closing(self.html, self.pos, name);
        self.pos = close.map_or(self.html.len(), |i| tag_end(self.html, i));
    }

    fn text(&mut self, raw: Range<usize>) {
        let mut i = raw.start;
        while i < raw.end {
            let Some(c) = self.html[i..raw.end].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                self.pending_space = true;
                i += c.len_utf8();
            } else if c == '&' {
                i = self.entity(i, raw.end);
            } else {
                let len = self.html[i..raw.end]
                    .find(|c: char| c.is_whitespace() || c == '&')
                    .unwrap_or(raw.end - i);
                self.emit(i..i + len, None);
                i += len;
            }
        }
    }

    fn entity(&mut self, at: usize, end: usize) -> usize {
        // Entity names are short; the window stops on a character boundary
        // (`&` may be followed by any text).
        let mut stop = end.min(at + 12);
        while !self.html.is_char_boundary(stop) {
            stop -= 1;
        }
        let window = &self.html[at..stop];
        let Some(semi) = window.find(';') else {
            self.emit(at..at + 1, None);
            return at + 1;
        };
        let reference = &self.html[at..=at + semi];
        let decoded = html_escape::decode_html_entities(reference).into_owned();
        if decoded.chars().all(char::is_whitespace) {
            self.pending_space = true;
        } else {
            self.emit(at..at + semi + 1, Some(&decoded));
        }
        at + semi + 1
    }

    /// Appends html[range] (or its decoded form) to the current paragraph.
    fn emit(&mut self, range: Range<usize>, decoded: Option<&str>) {
        let file_offset = self.source.file_offset(range.start);
        if self.pending_space && self.body.as_str().len() > self.paragraph_start {
            self.body.push(" ", file_offset.saturating_sub(1));
        }
        self.pending_space = false;
        let piece = decoded.unwrap_or(&self.html[range]);
        self.body.push(piece, file_offset);
    }

    fn end_paragraph(&mut self) {
        let end = self.body.as_str().len();
        if end > self.paragraph_start {
            self.paragraphs.push(Paragraph {
                range: self.paragraph_start..end,
                heading: self.in_heading,
            });
            let at = self.source.file_offset(self.pos.min(self.html.len()));
            self.body.push("\n\n", at);
        }
        self.paragraph_start = self.body.as_str().len();
        self.in_heading = false;
        self.pending_space = false;
    }
}

fn find_from(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    haystack.get(from..)?.find(needle).map(|i| from + i)
}

/// The offset just past the `>` that closes the tag starting at `start`,
/// skipping `>` inside quoted attribute values.
fn tag_end(html: &str, start: usize) -> usize {
    let mut quote = None;
    for (i, b) in html.as_bytes()[start..].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(*b),
            (Some(q), _) if q == *b => quote = None,
            (None, b'>') => return start + i + 1,
            _ => {}
        }
    }
    html.len()
}

/// Where `</name` starts, case-insensitively, from `from` on.
fn find_closing(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(i) = find_from(html, at, "</") {
        let candidate = bytes.get(i + 2..i + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(i);
        }
        at = i + 2;
    }
    None
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    while let Some(lt) = find_from(html, i, "<") {
        out.push_str(&html[i..lt]);
        i = tag_end(html, lt);
    }
    out.push_str(&html[i.min(html.len())..]);
    out
}

/// The value of attribute `name` and its offset within `attrs`.
fn attribute(attrs: &str, name: &str) -> Option<(String, usize)> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find_from(&lower, from, name) {
        from = i + name.len();
        let preceded_by_space = i == 0 || lower.as_bytes()[i - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !preceded_by_space || !rest.starts_with('=') {
            continue;
        }
        let value_start = attrs.len() - rest[1..].trim_start().len();
        let value = &attrs[value_start..];
        let (text, offset) = match value.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let end = value[1..].find(q).map_or(value.len(), |e| e + 1);
                (&value[1..end], value_start + 1)
            }
            _ => {
                let end = value
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(value.len());
                (&value[..end], value_start)
            }
        };
        return Some((html_escape::decode_html_entities(text).into_owned(), offset));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Page &amp; Title</title>
<meta property="article:published_time" content="2024-05-02T10:00:00Z">
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><h1>The  Headline</h1><p>First &ldquo;quoted&rdquo; paragraph
 with a <b>bold</b> word.</p><!-- a comment --><div>Second<br>Third</div></body></html>"#;

    #[test]
    fn an_ampersand_before_wide_characters_is_text() {
        let page = "<p>A &ملف بغداد and &amp; more</p>";
        let article = &read(page.as_bytes(), "p.html").articles[0];
        let text = article.text(article.paragraphs[0].range.clone());
        assert_eq!(text, "A &ملف بغداد and & more");
        let unclosed = "<p>Text</p><a href=\"x\" title=بغداد";
        assert_eq!(read(unclosed.as_bytes(), "p.html").articles.len(), 1);
    }

    #[test]
    fn visible_text_is_kept_in_paragraphs() {
        let article = &read(PAGE.as_bytes(), "p.html").articles[0];
        let texts: Vec<&str> = article.paragraph_texts().collect();
        assert_eq!(
            texts,
            [
                "The Headline",
                "First “quoted” paragraph with a bold word.",
                "Second",
                "Third"
            ]
        );
        assert!(article.paragraphs[0].heading);
        assert_eq!(article.title, "The Headline");
        assert_eq!(article.published.as_deref(), Some("2024-05-02"));
    }

    #[test]
    fn text_offsets_point_into_the_file() {
        let article = &read(PAGE.as_bytes(), "p.html").articles[0];
        let range = article.file_range(article.paragraphs[1].range.clone());
        let raw = &PAGE[range];
        assert!(raw.starts_with("First &ldquo;quoted"), "{raw}");
        assert!(raw.ends_with("word."), "{raw}");
        assert_eq!(&PAGE[article.published_span.clone().unwrap()], "2024-05-02");
    }

    #[test]
    fn malformed_markup_does_not_stop_the_text() {
        let article = &read(b"<p>One <i>unclosed <p>Two < three & four <b", "m.html").articles[0];
        let all: Vec<&str> = article.paragraph_texts().collect();
        assert_eq!(all, ["One unclosed", "Two < three & four"]);
    }
}
