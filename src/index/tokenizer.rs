//! How text becomes search terms, at index time and at query time alike.
//!
//! Words are runs of letters and digits. An apostrophe inside a word joins
//! it (`Kata’ib` and `Kataib` are one term) and a possessive `’s` is dropped
//! (`Iraq’s` is `Iraq`); hyphens split (`al-Sudani` holds `sudani`). Terms
//! are then lower-cased, stripped of diacritics, rid of the most common
//! English function words, spelled the American way (`Mobilisation` is
//! `mobilization`) and stemmed (Snowball English).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, StopWordFilter, TextAnalyzer, Token,
    TokenFilter, TokenStream, Tokenizer,
};
use xxhash_rust::xxh3::Xxh3;

use crate::text::{american_spelling, words, Words};

/// The name the analyzer is registered under in the index.
pub const TOKENIZER_NAME: &str = "dossier";

/// Longer tokens are noise (URLs, base64) and are not indexed.
const MAX_TOKEN_BYTES: usize = 40;

/// Lucene's English stop words. Dropping them keeps a pasted sentence from
/// matching every passage on `the` and `of`; phrase queries still work
/// because the remaining words keep their positions.
const STOP_WORDS: [&str; 33] = [
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with",
];

/// The full analyzer chain used by every text field.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(StopWordFilter::remove(STOP_WORDS.map(String::from)))
        .filter(AmericanSpelling)
        .filter(CachedStemmer::default())
        .build()
}

/// Splits text into words as [`crate::text::words`] does, as tantivy
/// tokens.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

/// The token stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    words: Words<'a>,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.token.reset();
        WordTokenStream {
            words: words(text),
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(range) = self.words.next_into(&mut self.token.text) else {
            return false;
        };
        self.token.offset_from = range.start;
        self.token.offset_to = range.end;
        self.token.position = self.token.position.wrapping_add(1);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Rewrites British spellings to American ones, so both find each other.
///
/// Applied alike to documents and queries, so an over-eager rewrite
/// (`promise` to `promize`) is harmless: both sides get the same term.
#[derive(Clone)]
pub struct AmericanSpelling;

impl TokenFilter for AmericanSpelling {
    type Tokenizer<T: Tokenizer> = AmericanSpellingFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> AmericanSpellingFilter<T> {
        AmericanSpellingFilter { inner: tokenizer }
    }
}

/// The tokenizer built by [`AmericanSpelling`].
#[derive(Clone)]
pub struct AmericanSpellingFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for AmericanSpellingFilter<T> {
    type TokenStream<'a> = AmericanSpellingStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        AmericanSpellingStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`AmericanSpellingFilter`].
pub struct AmericanSpellingStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for AmericanSpellingStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        if let Some(american) = american_spelling(&self.tail.token().text) {
            self.tail.token_mut().text = american;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Word forms a [`CachedStemmer`] remembers before it starts afresh: a
/// year of news has a few hundred thousand, and this bounds the memory.
const STEM_CACHE_WORDS: usize = 200_000;

/// Word form → its stem.
type Stems = HashMap<String, String, BuildHasherDefault<Xxh3>>;

/// Snowball English stemming, as tantivy's `Stemmer` does it, remembering
/// each word form's stem: news repeats its words, and stemming each token
/// anew was 15% of indexing's instructions.
#[derive(Clone, Default)]
pub struct CachedStemmer {
    stems: Stems,
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            stems: self.stems,
        }
    }
}

/// The tokenizer built by [`CachedStemmer`].
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    stems: Stems,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stems: &mut self.stems,
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<'a, T> {
    tail: T,
    stems: &'a mut Stems,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let text = &mut self.tail.token_mut().text;
        if let Some(stem) = self.stems.get(text.as_str()) {
            text.clone_from(stem);
            return true;
        }
        let stem = frostem::Stemmer::new(frostem::Algorithm::English)
            .stem(text)
            .into_owned();
        if self.stems.len() >= STEM_CACHE_WORDS {
            self.stems.clear();
        }
        self.stems
            .insert(std::mem::replace(text, stem.clone()), stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut analyzer = analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    #[test]
    fn apostrophes_join_words_and_possessives_drop() {
        assert_eq!(terms("Jama’at"), terms("Jamaat"));
        assert_eq!(terms("Jama'at Ba‘athi"), terms("jamaat baathi"));
        assert_eq!(terms("Al-Dabbagh’s"), ["al", "dabbagh"]);
        assert_eq!(terms("Iraq's"), terms("Iraq"));
    }

    #[test]
    fn case_diacritics_and_spelling_fold() {
        assert_eq!(terms("Stabilisation"), terms("stabilization"));
        assert_eq!(terms("Défence colour"), terms("defense color"));
        assert_eq!(terms("emphasised"), terms("emphasized"));
        assert_eq!(terms("four hour"), ["four", "hour"]);
        assert_eq!(terms("the rule of law"), ["rule", "law"]);
    }

    #[test]
    fn stems_are_tantivys_whether_remembered_or_not() {
        let mut tantivys = TextAnalyzer::builder(WordTokenizer::default())
            .filter(LowerCaser)
            .filter(tantivy::tokenizer::Stemmer::new(
                tantivy::tokenizer::Language::English,
            ))
            .build();
        let text = "Running runs ran generously; generous runners running again";
        let mut expected = Vec::new();
        let mut stream = tantivys.token_stream(text);
        while let Some(token) = stream.next() {
            expected.push(token.text.clone());
        }
        // Twice through one analyzer: the second time from its memory.
        let mut ours = TextAnalyzer::builder(WordTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer::default())
            .build();
        for _ in 0..2 {
            let mut got = Vec::new();
            let mut stream = ours.token_stream(text);
            while let Some(token) = stream.next() {
                got.push(token.text.clone());
            }
            assert_eq!(got, expected);
        }
        assert_eq!(expected[0], "run");
    }

    #[test]
    fn offsets_cover_the_word_as_written() {
        let mut analyzer = analyzer();
        let text = "the Jama’at’s men";
        let mut stream = analyzer.token_stream(text);
        let mut spans = Vec::new();
        while let Some(token) = stream.next() {
            spans.push(&text[token.offset_from..token.offset_to]);
        }
        assert_eq!(spans, ["Jama’at", "men"], "`the` is a stop word");
    }
}
