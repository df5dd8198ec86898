//! The query language, tantivy's: bare words (any of them; passages with
//! more of them rank first), `"exact phrase"`, `"phrase"~N`, `+must`,
//! `-exclude`, `AND`, `OR`, parentheses and `field:value`.

use tantivy::query::{AllQuery, Query, QueryParser, QueryParserError};
use tantivy::Index;

use crate::error::{Error, Result};
use crate::index::schema::{QUERY_FIELDS, QUOTE};
use crate::index::Fields;
use crate::text::is_apostrophe;

/// Titles repeat on every passage of an article: they count, but less.
const TITLE_BOOST: f32 = 0.4;
/// Quoted speech is already part of the text; a match there counts a little more.
const QUOTE_BOOST: f32 = 0.3;
/// Queries longer than this are refused rather than parsed.
const MAX_QUERY_BYTES: usize = 100_000;

/// Parses user queries against the passage fields, or a quotation's.
pub struct Parser {
    passages: QueryParser,
    quotations: QueryParser,
}

/// A query parsed for one kind of record.
pub struct Parsed {
    /// The query as tantivy runs it.
    pub query: Box<dyn Query>,
    /// True when it reads its kind's own fields alone (no `field:`, no
    /// `*`): passages and quotation documents share no searchable text
    /// field, so it matches no record of the other kind.
    pub one_kind: bool,
}

impl Parser {
    /// A parser searching a passage's text, title and quoted speech by
    /// default, and a quotation's text for quotations.
    pub fn new(index: &Index, fields: &Fields) -> Self {
        let mut passages =
            QueryParser::for_index(index, vec![fields.text, fields.title, fields.quote]);
        passages.set_field_boost(fields.title, TITLE_BOOST);
        passages.set_field_boost(fields.quote, QUOTE_BOOST);
        let quotations = QueryParser::for_index(index, vec![fields.quotation]);
        Parser {
            passages,
            quotations,
        }
    }

    /// Parses a query over passages, with an error that says what is wrong.
    pub fn parse(&self, query: &str) -> Result<Box<dyn Query>> {
        parse_with(&self.passages, query)
    }

    /// Parses a query over records of kind `record` (`PASSAGE` or
    /// [`QUOTE`]); without one, every record matches.
    pub fn parse_for(&self, query: Option<&str>, record: u64) -> Result<Parsed> {
        let Some(query) = query else {
            return Ok(Parsed {
                query: Box::new(AllQuery),
                one_kind: false,
            });
        };
        let parser = match record {
            QUOTE => &self.quotations,
            _ => &self.passages,
        };
        Ok(Parsed {
            query: parse_with(parser, query)?,
            one_kind: !query.contains([':', '*']),
        })
    }
}

/// Parses `query` with `parser`, with an error that says what is wrong.
fn parse_with(parser: &QueryParser, query: &str) -> Result<Box<dyn Query>> {
    if query.trim().is_empty() {
        return Err(Error::Query("the query is empty".into()));
    }
    if query.len() > MAX_QUERY_BYTES {
        return Err(Error::Query(format!(
            "the query is {} bytes long; the limit is {MAX_QUERY_BYTES}",
            query.len()
        )));
    }
    if query.chars().filter(|&c| c == '"').count() % 2 == 1 {
        return Err(Error::Query(
            "unbalanced quotation mark `\"`: close the phrase or remove the mark".into(),
        ));
    }
    let query = match is_prose(query) {
        true => prose(query),
        false => query.to_owned(),
    };
    parser.parse_query(&query).map_err(explain)
}

/// Text to be searched for its words alone, whatever it holds: quotation
/// marks and brackets become spaces, a leading `+` or `-` goes, and
/// `AND`, `OR` and `NOT` are words. A claim pasted into `dossier check` is
/// read this way, so that a stray quotation mark is no syntax error.
pub fn plain_words(text: &str) -> String {
    text.replace(['"', '(', ')'], " ")
        .split_whitespace()
        .map(|word| match word.trim_start_matches(['+', '-']) {
            "AND" | "OR" | "NOT" => word.to_lowercase(),
            "" => String::new(),
            trimmed => trimmed.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A pasted sentence has this many words or more.
const SENTENCE_WORDS: usize = 5;

/// True for a query written as plain words, without quotation marks,
/// brackets, `+`/`-` operators, `AND`/`OR`/`NOT` or a `field:`.
fn is_prose(query: &str) -> bool {
    let operator = |word: &str| {
        word.starts_with(['+', '-'])
            || matches!(word, "AND" | "OR" | "NOT")
            || word
                .split_once(':')
                .is_some_and(|(field, _)| QUERY_FIELDS.contains(&field))
    };
    !query.contains(['"', '(', ')']) && !query.split_whitespace().any(operator)
}

/// Plain words as the query parser should read them. Apostrophes become
/// typographic, as the parser takes `'` for a quotation mark (`Egypt's ...
/// Putin's` would be a phrase). In a sentence, other punctuation is a
/// space: `16-17 Feb` or `NYT/CBS` are words to find, not phrases that must
/// stand together, and a colon is not a field.
fn prose(query: &str) -> String {
    let sentence = query.split_whitespace().count() >= SENTENCE_WORDS;
    query
        .chars()
        .map(|c| match c {
            c if is_apostrophe(c) => '’',
            c if c.is_alphanumeric() || c.is_whitespace() => c,
            '.' | ',' if sentence => c,
            _ if sentence => ' ',
            c => c,
        })
        .collect()
}

fn explain(error: QueryParserError) -> Error {
    let message = match error {
        QueryParserError::FieldDoesNotExist(field) => format!(
            "unknown field `{field}:`; fields are {}. To search for the word, write `{field}\\:`",
            QUERY_FIELDS.join(", ")
        ),
        QueryParserError::SyntaxError(detail) => format!(
            "syntax error ({detail}); check brackets and quotation marks, or put special characters in quotes"
        ),
        QueryParserError::AllButQueryForbidden => {
            "the query only excludes words; add a word to look for".to_owned()
        }
        QueryParserError::FieldNotIndexed(field) => format!("field `{field}` cannot be searched"),
        other => other.to_string(),
    };
    Error::Query(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_read_as_words_and_operators_are_left_alone() {
        assert!(is_prose("Egypt's antiquities chief"));
        assert_eq!(prose("Egypt's chief"), "Egypt’s chief");
        assert_eq!(
            prose("A hearing on 16-17 Feb: NYT/CBS said 2.7%"),
            "A hearing on 16 17 Feb  NYT CBS said 2.7 "
        );
        assert_eq!(prose("MS-13 arrests"), "MS-13 arrests");
        for query in [
            "\"a phrase\"",
            "+must word",
            "iraq -iran",
            "a OR b",
            "title:iraq",
            "(a b)",
        ] {
            assert!(!is_prose(query), "{query}");
        }
    }
}
