//! Splits a paragraph into tokens (words, punctuation, and whole quotations
//! as single tokens) and groups them into sentences.
//!
//! Treating a quotation as one opaque token is what lets attribution read
//! `"..., strikes," he said, warning that "..."` as one sentence whose frame
//! is `QUOTE , he said , warning that QUOTE`, whatever the quotes contain.

use std::ops::Range;

use super::quotations::Quotation;
use super::wordlists::is_dotted_abbreviation;
use crate::text::{is_apostrophe, is_word_char};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A word: letters and digits, with inner apostrophes, hyphens and
    /// abbreviation dots (`al-Sudani`, `Sa'ar`, `U.S.`).
    Word,
    /// One punctuation character.
    Punct(char),
    /// A whole quotation, by its index in the paragraph's quotation list.
    Quote(usize),
}

/// A token with its byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Byte range in the text.
    pub range: Range<usize>,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.clone()]
    }

    /// True for a word starting with an upper-case letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.kind == TokenKind::Word
            && self
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// True for the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }
}

/// Tokens of `text`; quotations (ranges into `text`) become single tokens.
pub fn tokenize(text: &str, quotations: &[Quotation]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut at = 0;
    let mut next_quote = 0;
    while at < text.len() {
        if let Some(q) = quotations.get(next_quote).filter(|q| q.outer.start <= at) {
            tokens.push(Token {
                kind: TokenKind::Quote(next_quote),
                range: q.outer.clone(),
            });
            at = q.outer.end.max(at + 1);
            next_quote += 1;
            continue;
        }
        let limit = quotations
            .get(next_quote)
            .map_or(text.len(), |q| q.outer.start);
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        if c.is_alphanumeric() {
            let end = word_end(text, at, limit);
            tokens.push(Token {
                kind: TokenKind::Word,
                range: at..end,
            });
            at = end;
        } else {
            if !c.is_whitespace() {
                tokens.push(Token {
                    kind: TokenKind::Punct(c),
                    range: at..at + c.len_utf8(),
                });
            }
            at += c.len_utf8();
        }
    }
    tokens
}

/// The tokens `tokenize(text, quotations)` gives, made from `plain`, the
/// tokens of `text` without quotations: each quotation's tokens become
/// one. A paragraph is then split into words once for the tagger, the
/// date reader and attribution. `None` when a token runs across a
/// quotation's edge (a mark glued into mojibake, `Â«`), which only
/// tokenizing again reads as `tokenize` does.
pub fn with_quotations(plain: &[Token], quotations: &[Quotation]) -> Option<Vec<Token>> {
    let mut tokens = Vec::with_capacity(plain.len());
    let mut quotes = quotations.iter().enumerate().peekable();
    let mut skip_before = 0;
    for token in plain {
        if token.range.start < skip_before {
            if token.range.end > skip_before {
                return None;
            }
            continue;
        }
        if let Some((index, quote)) = quotes.next_if(|(_, q)| q.outer.start <= token.range.start) {
            if quote.outer.start != token.range.start {
                return None;
            }
            tokens.push(Token {
                kind: TokenKind::Quote(index),
                range: quote.outer.clone(),
            });
            skip_before = quote.outer.end;
            if token.range.end > skip_before {
                return None;
            }
            continue;
        }
        if quotes
            .peek()
            .is_some_and(|(_, q)| q.outer.start < token.range.end)
        {
            return None;
        }
        tokens.push(token.clone());
    }
    quotes.next().is_none().then_some(tokens)
}

/// The tokens of `plain` (tokens of a text) that lie inside `range`, in
/// the offsets of `text[range]`: what `tokenize(&text[range], &[])`
/// gives, or `None` when a token runs across the range's edge.
pub fn tokens_within(plain: &[Token], range: &Range<usize>) -> Option<Vec<Token>> {
    let first = plain.partition_point(|t| t.range.end <= range.start);
    let mut tokens = Vec::new();
    for token in plain[first..]
        .iter()
        .take_while(|t| t.range.start < range.end)
    {
        if token.range.start < range.start || token.range.end > range.end {
            return None;
        }
        tokens.push(Token {
            kind: token.kind,
            range: token.range.start - range.start..token.range.end - range.start,
        });
    }
    Some(tokens)
}

fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut at = start;
    let mut previous = ' ';
    while at < limit {
        // ASCII letters and digits, most of any word, belong to it
        // whatever comes before them; other characters are decoded.
        if bytes[at].is_ascii_alphanumeric() {
            previous = char::from(bytes[at]);
            at += 1;
            end = at;
            continue;
        }
        let Some(c) = text[at..limit].chars().next() else {
            break;
        };
        let next_at = at + c.len_utf8();
        let next = text[next_at..limit].chars().next();
        if is_word_char(previous, c) {
            end = next_at;
            previous = c;
        } else if (c == '-' || is_apostrophe(c)) && next.is_some_and(char::is_alphanumeric) {
            // an inner hyphen or apostrophe: the word goes on after it
        } else if c == '.'
            && is_initialism(&text[start..at])
            && next.is_some_and(char::is_uppercase)
        {
            // U.S., U.N.
        } else if c == '.' && is_initialism(&text[start..at]) && text[start..at].contains('.') {
            return next_at; // the final dot of U.S.
        } else {
            break;
        }
        at = next_at;
    }
    end
}

/// `U`, `U.S`: single upper-case letters joined by dots.
fn is_initialism(word: &str) -> bool {
    word.split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase))
}

/// Sentences as ranges of token indices. A sentence ends at `.`, `!` or `?`
/// followed by a capitalized word or a quotation, unless the dot belongs to
/// an abbreviation (`Mr.`, `Gen.`). Punctuation inside a quotation does not
/// end the sentence around it: in `"Why?" Clinton said.` the attribution
/// belongs to the quotation. A quotation woven into its sentence that ends
/// with the sentence's stop (`Trump said she "caused death." Sanders ...`)
/// does end it.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        let next_starts_sentence = tokens
            .get(i + 1)
            .is_some_and(|n| n.is_capitalized(text) || matches!(n.kind, TokenKind::Quote(_)));
        // A dot glued to the next word (`N.Y.`, `e.g`) is not a full stop.
        let glued = tokens
            .get(i + 1)
            .is_some_and(|n| n.range.start == tokens[i].range.end);
        let stop = match tokens[i].kind {
            TokenKind::Punct('.' | '!' | '?') => !after_abbreviation(text, tokens, i),
            TokenKind::Quote(_) => i > start && ends_with_stop(tokens[i].text(text)),
            _ => false,
        };
        let ends = stop && next_starts_sentence && !glued;
        if ends {
            sentences.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences
}

/// A quotation whose words end with `.`, `!` or `?` inside the marks.
fn ends_with_stop(quotation: &str) -> bool {
    quotation
        .trim_end_matches(['"', '\'', '”', '’', '»', '“'])
        .ends_with(['.', '!', '?'])
}

fn after_abbreviation(text: &str, tokens: &[Token], dot: usize) -> bool {
    let Some(previous) = dot.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    let word = previous.text(text).to_lowercase();
    previous.kind == TokenKind::Word
        && previous.range.end == tokens[dot].range.start
        && (is_dotted_abbreviation(&word)
            || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::quotations::find;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, &[]).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_keep_inner_hyphens_apostrophes_and_initialism_dots() {
        assert_eq!(
            words("al-Dabbagh, Na'im and the U.S. forces."),
            [
                "al-Dabbagh",
                ",",
                "Na'im",
                "and",
                "the",
                "U.S.",
                "forces",
                "."
            ]
        );
        assert_eq!(words("Yusuf’ al-Dabbagh"), ["Yusuf", "’", "al-Dabbagh"]);
    }

    /// Tokens made once without quotations and merged equal tokens made
    /// with them, and the words inside each quotation equal its own
    /// tokens; where a mark is glued into a word, merging declines.
    fn assert_merged_tokens_equal_tokenized(text: &str) {
        let quotations = find(text);
        let plain = tokenize(text, &[]);
        if let Some(merged) = with_quotations(&plain, &quotations) {
            assert_eq!(merged, tokenize(text, &quotations), "{text:?}");
        }
        for q in &quotations {
            if let Some(inside) = tokens_within(&plain, &q.inner) {
                assert_eq!(inside, tokenize(&text[q.inner.clone()], &[]), "{text:?}");
            }
        }
    }

    #[test]
    fn quotations_merged_into_plain_tokens_are_the_quotation_tokens() {
        for text in [
            "\"It is ready,\" he said. “We are ready” and «prêts».",
            "He called it “U.S.-led” and “al-Sudani’s” plan.",
            "An “unclosed quotation at the end",
            "Glued“quote”words and \"\" empty ones.",
        ] {
            assert_merged_tokens_equal_tokenized(text);
            let plain = tokenize(text, &[]);
            assert!(with_quotations(&plain, &find(text)).is_some(), "{text:?}");
        }
        // `Â«` is mojibake, one word; the quotation's mark is inside it.
        let glued = "the FranÂ«word» plan";
        assert!(!find(glued).is_empty());
        assert_eq!(with_quotations(&tokenize(glued, &[]), &find(glued)), None);
    }

    proptest::proptest! {
        #[test]
        fn merging_agrees_with_tokenizing_on_any_text(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Ali", " al-Sudani", "’s", " U.S.", " 2,000", ". ", ", ", " ", "-",
                    "\"", "“", "”", "«", "»", "'", "’", "Â", "§",
                ]),
                0..24,
            )
        ) {
            assert_merged_tokens_equal_tokenized(&pieces.concat());
        }
    }

    /// The sentences of `text`, as text.
    fn sentence_texts(text: &str) -> Vec<String> {
        let tokens = tokenize(text, &find(text));
        sentences(text, &tokens)
            .into_iter()
            .map(|s| text[tokens[s.start].range.start..tokens[s.end - 1].range.end].to_owned())
            .collect()
    }

    #[test]
    fn quotations_are_single_tokens_and_sentences_do_not_break_inside() {
        let text =
            "\"It is ready. We are ready,\" he said. Mr. Smith agreed. \"Why?\" Jones asked.";
        let tokens = tokenize(text, &find(text));
        assert_eq!(tokens[0].kind, TokenKind::Quote(0));
        assert_eq!(
            sentence_texts(text),
            [
                "\"It is ready. We are ready,\" he said.",
                "Mr. Smith agreed.",
                "\"Why?\" Jones asked."
            ]
        );
    }

    #[test]
    fn a_woven_quotation_that_ends_its_sentence_ends_it() {
        let text = "Lee said Kim \"lied.\" Park called Lee \"weak.\" \"No.\" Kim said.";
        assert_eq!(
            sentence_texts(text),
            [
                "Lee said Kim \"lied.\"",
                "Park called Lee \"weak.\"",
                "\"No.\" Kim said."
            ]
        );
    }
}
