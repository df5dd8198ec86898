//! How text becomes search terms, at index time and at query time alike.
//!
//! Words are runs of letters and digits. An apostrophe inside a word joins
//! it (`Kata’ib` and `Kataib` are one term) and a possessive `’s` is dropped
//! (`Iraq’s` is `Iraq`); hyphens split (`al-Sudani` holds `sudani`). Terms
//! are then lower-cased, stripped of diacritics, rid of the most common
//! English function words, spelled the American way (`Mobilisation` is
//! `mobilization`) and stemmed (Snowball English).

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, Stemmer, StopWordFilter,
    TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

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
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Apostrophes that may stand inside a word.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´')
}

/// Splits text into words, joining intra-word apostrophes.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

/// The token stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    text: &'a str,
    at: usize,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.token.reset();
        WordTokenStream {
            text,
            at: 0,
            token: &mut self.token,
        }
    }
}

impl WordTokenStream<'_> {
    fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..)?.chars().next()
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(start) = self.text[self.at..]
            .find(char::is_alphanumeric)
            .map(|i| self.at + i)
        else {
            self.at = self.text.len();
            return false;
        };
        self.token.text.clear();
        let mut at = start;
        let mut end = start;
        while let Some(c) = self.char_at(at) {
            if c.is_alphanumeric() {
                self.token.text.push(c);
                at += c.len_utf8();
                end = at;
                continue;
            }
            if !is_apostrophe(c) {
                break;
            }
            let next_at = at + c.len_utf8();
            match self.char_at(next_at) {
                Some('s' | 'S')
                    if !self.char_at(next_at + 1).is_some_and(char::is_alphanumeric) =>
                {
                    at = next_at + 1; // possessive: the word ends before it
                    break;
                }
                Some(next) if next.is_alphanumeric() => at = next_at,
                _ => break,
            }
        }
        self.at = at.max(end);
        self.token.offset_from = start;
        self.token.offset_to = end;
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

/// Suffix rewrites: (British suffix, American suffix, letters needed before it).
const SUFFIXES: [(&str, &str, usize); 18] = [
    ("isations", "izations", 3),
    ("isation", "ization", 3),
    ("ising", "izing", 4),
    ("ised", "ized", 4),
    ("iser", "izer", 4),
    ("isers", "izers", 4),
    ("ises", "izes", 4),
    ("ise", "ize", 4),
    ("ysing", "yzing", 3),
    ("ysed", "yzed", 3),
    ("yse", "yze", 3),
    ("ours", "ors", 3),
    ("oured", "ored", 3),
    ("ouring", "oring", 3),
    ("ourite", "orite", 3),
    ("our", "or", 3),
    ("tres", "ters", 3),
    ("tre", "ter", 3),
];
/// Whole words whose British form is not a suffix pattern.
const WORDS: [(&str, &str); 8] = [
    ("defence", "defense"),
    ("defences", "defenses"),
    ("offence", "offense"),
    ("offences", "offenses"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("pretence", "pretense"),
    ("programme", "program"),
];

/// The American spelling of a lower-case word, if it differs.
pub fn american_spelling(word: &str) -> Option<String> {
    if let Some((_, american)) = WORDS.iter().find(|(british, _)| *british == word) {
        return Some((*american).to_owned());
    }
    SUFFIXES.iter().find_map(|(british, american, stem)| {
        let base = word.strip_suffix(british)?;
        (base.len() >= *stem && base.is_ascii()).then(|| format!("{base}{american}"))
    })
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
        assert_eq!(terms("Kata’ib"), terms("Kataib"));
        assert_eq!(terms("Kata'ib Sha‘abi"), terms("kataib shaabi"));
        assert_eq!(terms("Al-Sudani’s"), ["al", "sudani"]);
        assert_eq!(terms("Iraq's"), terms("Iraq"));
    }

    #[test]
    fn case_diacritics_and_spelling_fold() {
        assert_eq!(terms("Mobilisation"), terms("mobilization"));
        assert_eq!(terms("Défence colour"), terms("defense color"));
        assert_eq!(terms("emphasised"), terms("emphasized"));
        assert_eq!(terms("four hour"), ["four", "hour"]);
        assert_eq!(terms("the rule of law"), ["rule", "law"]);
    }

    #[test]
    fn offsets_cover_the_word_as_written() {
        let mut analyzer = analyzer();
        let text = "the Kata’ib’s men";
        let mut stream = analyzer.token_stream(text);
        let mut spans = Vec::new();
        while let Some(token) = stream.next() {
            spans.push(&text[token.offset_from..token.offset_to]);
        }
        assert_eq!(spans, ["Kata’ib", "men"], "`the` is a stop word");
    }
}
