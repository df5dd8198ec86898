//! Marks the words of a passage that the query matched, by running the
//! passage through the same analyzer as the index and comparing terms.

use std::collections::HashSet;
use std::sync::Mutex;

use tantivy::query::Query;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use crate::index::tokenizer::analyzer;

/// The terms a query looks for, as analyzed text.
pub type Terms = HashSet<String>;

/// The text terms of a parsed query, whatever field they target.
pub fn query_terms(query: &dyn Query) -> Terms {
    let mut terms = Terms::new();
    query.query_terms(&mut |term, _| {
        if let Some(text) = term.value().as_str() {
            terms.insert(text.to_owned());
        }
    });
    terms
}

/// Finds matched words in passages.
pub struct Highlighter {
    analyzer: Mutex<TextAnalyzer>,
}

impl Default for Highlighter {
    fn default() -> Self {
        Self::new()
    }
}

impl Highlighter {
    /// A highlighter using dossier's analyzer.
    pub fn new() -> Self {
        Highlighter {
            analyzer: Mutex::new(analyzer()),
        }
    }

    /// Byte ranges of `text` whose terms are in `terms`, in order.
    pub fn ranges(&self, text: &str, terms: &Terms) -> Vec<[usize; 2]> {
        if terms.is_empty() {
            return Vec::new();
        }
        let mut analyzer = match self.analyzer.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        let mut stream = analyzer.token_stream(text);
        let mut ranges = Vec::new();
        while let Some(token) = stream.next() {
            if terms.contains(&token.text) {
                ranges.push([token.offset_from, token.offset_to]);
            }
        }
        ranges
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_terms_mark_the_words_as_written() {
        let terms: Terms = ["jamaat".to_owned(), "stabil".to_owned()].into();
        let text = "The Jama’at and the National Stabilisation Council";
        let ranges = Highlighter::new().ranges(text, &terms);
        let words: Vec<&str> = ranges.iter().map(|[s, e]| &text[*s..*e]).collect();
        assert_eq!(words, ["Jama’at", "Stabilisation"]);
    }
}
