//! The words the tagger reads: a paragraph cut into sentences of tokens
//! as CoNLL writes them (a possessive a token of its own, an
//! abbreviation's dot kept in its word), and a tagged name trimmed to its
//! words.

use std::ops::Range;

use crate::analyze::lexer::{sentences, tokenize, Token};
use crate::analyze::places::{is_demonym, is_known_place};
use crate::analyze::wordlists::is_dotted_abbreviation;
use crate::analyze::wordlists::{is_person_role, is_title_word};
use crate::text::{is_apostrophe, possessive_apostrophe};

/// A sentence to tag: its words (punctuation included) and their ranges.
pub struct Sentence<'a> {
    /// Each token's text.
    pub words: Vec<&'a str>,
    /// Each token's byte range.
    pub ranges: Vec<Range<usize>>,
}

/// The sentences of a paragraph, as the tagger reads them. A possessive
/// is a token of its own, as in the training data: `Germany's` reads as
/// `Germany` `'s`, and so does CoNLL's `Germany 's`.
pub fn paragraph_sentences(text: &str) -> Vec<Sentence<'_>> {
    sentences_of_tokens(text, &tokenize(text, &[]))
}

/// [`paragraph_sentences`] of a paragraph already tokenized (without its
/// quotations).
pub fn sentences_of_tokens<'a>(text: &'a str, tokens: &[Token]) -> Vec<Sentence<'a>> {
    sentences(text, tokens)
        .into_iter()
        .map(|s| {
            let mut sentence = Sentence {
                words: Vec::with_capacity(s.len()),
                ranges: Vec::with_capacity(s.len()),
            };
            for token in &tokens[s] {
                let range = token.range.clone();
                let word = &text[range.clone()];
                let glued_s = word == "s"
                    && sentence
                        .words
                        .last()
                        .is_some_and(|w| w.chars().all(is_apostrophe))
                    && sentence.ranges.last().is_some_and(|r| r.end == range.start);
                if transliteration_mark(&sentence, word, &range, text)
                    || abbreviation_dot(&sentence, word, &range)
                {
                    if let (Some(last), Some(r)) =
                        (sentence.words.last_mut(), sentence.ranges.last_mut())
                    {
                        r.end = range.end;
                        *last = &text[r.clone()];
                    }
                    continue;
                }
                if glued_s {
                    let apostrophe = sentence.ranges.pop().map_or(range.start, |r| r.start);
                    sentence.words.pop();
                    sentence.words.push(&text[apostrophe..range.end]);
                    sentence.ranges.push(apostrophe..range.end);
                    continue;
                }
                match possessive_apostrophe(word) {
                    Some(at) => {
                        let split = range.start + at;
                        sentence.words.push(&text[range.start..split]);
                        sentence.ranges.push(range.start..split);
                        sentence.words.push(&text[split..range.end]);
                        sentence.ranges.push(split..range.end);
                    }
                    None => {
                        sentence.words.push(word);
                        sentence.ranges.push(range);
                    }
                }
            }
            sentence
        })
        .filter(|s| !s.words.is_empty())
        .collect()
}

/// A transliteration's word-final apostrophe (`Shia' al-Sudani`): glued to
/// a capitalized word and followed by a space and another name word. It
/// belongs to the word, not to a quotation.
fn transliteration_mark(
    sentence: &Sentence<'_>,
    word: &str,
    range: &Range<usize>,
    text: &str,
) -> bool {
    if !word.chars().all(is_apostrophe) {
        return false;
    }
    let glued = sentence.ranges.last().is_some_and(|r| r.end == range.start);
    let after_name = sentence
        .words
        .last()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let next_word = text[range.end..]
        .strip_prefix(' ')
        .and_then(|rest| rest.split(' ').next());
    let next_is_name = next_word.is_some_and(|w| {
        w.split('-')
            .any(|part| part.chars().next().is_some_and(char::is_uppercase))
    });
    glued && after_name && next_is_name
}

/// The dot of an abbreviation (`Inc.`, `Jr.`, `J.`), glued to it: part
/// of the word, as CoNLL writes it, so that a dot is never inside a name.
fn abbreviation_dot(sentence: &Sentence<'_>, word: &str, range: &Range<usize>) -> bool {
    let glued = sentence.ranges.last().is_some_and(|r| r.end == range.start);
    if word != "." || !glued {
        return false;
    }
    sentence.words.last().is_some_and(|w| is_abbreviation(w))
}

/// A person's name without the titles and roles in front of it, which
/// mark it as a person's but are not part of it (`Mr Blair`, `Prime
/// Minister X`); a people or a place goes with a title that follows it
/// (`Iraqi Prime Minister X`). The last word always stays.
pub fn without_titles(sentence: &Sentence<'_>, range: Range<usize>) -> Range<usize> {
    let Some(first) = sentence.ranges.iter().position(|r| r.start == range.start) else {
        return range;
    };
    let last = sentence
        .ranges
        .iter()
        .rposition(|r| r.end <= range.end)
        .unwrap_or(first);
    let is_title = |t: usize| {
        let word = sentence.words[t].trim_end_matches('.');
        is_title_word(word) || is_person_role(word)
    };
    let mut start = first;
    while start < last {
        let word = sentence.words[start];
        let qualifies_title = (is_demonym(word) || is_known_place(word)) && is_title(start + 1);
        if !(is_title(start) || qualifies_title) {
            break;
        }
        start += 1;
    }
    sentence.ranges[start].start..range.end
}

/// A tagged range without punctuation or a possessive at its edges
/// (`“Clinton`, `Trump.`, `Obama’s`), keeping an abbreviation's dot
/// (`Corp.`); `None` if nothing is left.
pub fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let name = &text[range.clone()];
    let start = range.start + name.find(char::is_alphanumeric)?;
    let mut end = range.end;
    loop {
        let name = &text[start..end];
        let stem = name.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let stem = match possessive_apostrophe(stem) {
            Some(at) => &stem[..at],
            None => stem,
        };
        let stem = match stem.strip_suffix('.') {
            Some(before) if !is_abbreviation(before) => before,
            _ => stem,
        };
        if stem.len() == name.len() {
            break;
        }
        end = start + stem.len();
    }
    (end > start).then_some(start..end)
}

/// Text decoded with the wrong encoding (`Âþµº`): symbols of Latin-1 in
/// a name. It names nothing. A no-break space between words and the
/// acute accent used as an apostrophe (`O´Brien`) are not such symbols.
pub fn is_mojibake(name: &str) -> bool {
    name.chars()
        .any(|c| (('\u{a1}'..='\u{bf}').contains(&c) && c != '\u{b4}') || c == '\u{fffd}')
}

/// True when a word ends in an abbreviation that keeps its dot.
fn is_abbreviation(text: &str) -> bool {
    let last = text
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let initial = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
    initial || is_dotted_abbreviation(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_in_front_of_a_name_are_not_part_of_it() {
        let text = "Mr Blair met Iraqi Prime Minister Karim al-Dabbagh and Paris Hilton";
        let sentence = &paragraph_sentences(text)[0];
        let name = |from: &str, to: &str| {
            let start = text.find(from).unwrap_or(0);
            let end = text.find(to).map_or(0, |i| i + to.len());
            &text[without_titles(sentence, start..end)]
        };
        assert_eq!(name("Mr", "Blair"), "Blair");
        assert_eq!(name("Iraqi", "al-Dabbagh"), "Karim al-Dabbagh");
        assert_eq!(name("Paris", "Hilton"), "Paris Hilton");
    }

    #[test]
    fn garbled_names_are_mojibake_but_spaces_and_acute_apostrophes_are_not() {
        assert!(is_mojibake("°®Âþµº"));
        assert!(!is_mojibake("Jama´at Nasr"));
        assert!(!is_mojibake("Hillary\u{a0}Clinton"));
    }

    #[test]
    fn possessives_are_tokens_of_their_own() {
        let sentences = paragraph_sentences("Iraq’s army and Germany 's envoy");
        assert_eq!(
            sentences[0].words,
            ["Iraq", "’s", "army", "and", "Germany", "'s", "envoy"]
        );
        assert_eq!(sentences[0].ranges[1], 4..8);
    }

    #[test]
    fn a_transliteration_mark_stays_in_its_word() {
        let sentences = paragraph_sentences("Karim Yusuf' al-Dabbagh said 'no' to Iraq.");
        assert_eq!(sentences[0].words[..3], ["Karim", "Yusuf'", "al-Dabbagh"]);
        assert!(sentences[0].words.contains(&"'"));
    }

    #[test]
    fn names_are_trimmed_of_punctuation_and_possessives_but_not_abbreviations() {
        let text = "“Clinton. Obama’s Acme Corp. (U.S.)";
        let trim = |from: usize, to: usize| trimmed(text, from..to).map(|r| &text[r]);
        assert_eq!(trim(0, 11), Some("Clinton"));
        assert_eq!(trim(12, 21), Some("Obama"));
        assert_eq!(trim(22, 32), Some("Acme Corp."));
        assert_eq!(trim(33, 39), Some("U.S."));
        assert_eq!(trim(33, 34), None);
    }

    #[test]
    fn abbreviation_dots_stay_in_their_word() {
        let sentences = paragraph_sentences("Acme Inc. and J. Smith Jr. left.");
        assert_eq!(
            sentences[0].words,
            ["Acme", "Inc.", "and", "J.", "Smith", "Jr.", "left", "."]
        );
    }
}
