//! Words as dossier reads them everywhere: runs of letters and digits, an
//! apostrophe inside a word joining it (`Kata’ib`), a possessive `’s`
//! dropped (`Iraq’s` is `Iraq`), hyphens splitting (`al-Sudani`).

use std::ops::Range;

/// Apostrophes that may stand inside a word.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´')
}

/// Where the apostrophe of a final possessive `'s` starts in `word`
/// (`Iraq’s`, `IRAQ'S`): any apostrophe, `s` in either case, and a stem
/// before it (`'s` alone is no possessive).
pub fn possessive_apostrophe(word: &str) -> Option<usize> {
    let stem = word.strip_suffix(['s', 'S'])?;
    let mark = stem.chars().next_back().filter(|&c| is_apostrophe(c))?;
    let at = stem.len() - mark.len_utf8();
    (at > 0).then_some(at)
}

/// True when `word` ends in a possessive `'s` (see [`possessive_apostrophe`]).
pub fn is_possessive(word: &str) -> bool {
    possessive_apostrophe(word).is_some()
}

/// Whether `c` belongs to a word after `previous`: a letter or digit; an
/// accent written as a combining mark (`José` decomposed, as macOS files
/// often are); or the second half of a UTF-8 letter read as Latin-1 (`§`
/// in `FranÃ§ois`), mojibake that belongs to the word around it. A
/// non-breaking space (`Â\u{a0}`) still separates words.
pub fn is_word_char(previous: char, c: char) -> bool {
    let mojibake = matches!(previous, 'Ã' | 'Â' | '\u{303}' | '\u{302}')
        && ('\u{80}'..='\u{bf}').contains(&c)
        && c != '\u{a0}';
    c.is_alphanumeric() || is_combining_mark(c) || mojibake
}

/// Combining diacritical marks, in the blocks that Latin text uses.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// A word: its byte range as written and its letters and digits, without
/// the apostrophes (`Kata’ib` is `Kataib`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the text, possessive excluded.
    pub range: Range<usize>,
    /// The word's letters and digits.
    pub text: String,
}

/// The words of a text, in order.
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// The iterator of [`words`].
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl Words<'_> {
    fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..)?.chars().next()
    }

    /// Where the next word starts at or after `at`: ASCII is read byte by
    /// byte, and only other characters are decoded.
    fn next_start(&self, mut at: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii_alphanumeric() {
                return Some(at);
            }
            if b.is_ascii() {
                at += 1;
                continue;
            }
            let c = self.char_at(at)?;
            if c.is_alphanumeric() {
                return Some(at);
            }
            at += c.len_utf8();
        }
        None
    }

    /// The next word's range, writing its letters into `letters`; the
    /// tokenizer reuses one buffer, so nothing is allocated per word.
    pub fn next_into(&mut self, letters: &mut String) -> Option<Range<usize>> {
        let Some(start) = self.next_start(self.at) else {
            self.at = self.text.len();
            return None;
        };
        letters.clear();
        let bytes = self.text.as_bytes();
        let mut at = start;
        let mut end = start;
        let mut previous = ' ';
        loop {
            // Most words are ASCII letters and digits, which belong to a
            // word whatever comes before them.
            if let Some(&b) = bytes.get(at).filter(|b| b.is_ascii_alphanumeric()) {
                letters.push(char::from(b));
                at += 1;
                end = at;
                previous = char::from(b);
                continue;
            }
            let Some(c) = self.char_at(at) else { break };
            if is_word_char(previous, c) {
                letters.push(c);
                at += c.len_utf8();
                end = at;
                previous = c;
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
        Some(start..end)
    }
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let mut text = String::new();
        let range = self.next_into(&mut text)?;
        Some(Word { range, text })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        words(text).map(|w| w.text).collect()
    }

    #[test]
    fn a_possessive_takes_any_apostrophe_and_a_stem() {
        assert_eq!(possessive_apostrophe("Iraq’s"), Some(4));
        assert_eq!(possessive_apostrophe("IRAQ'S"), Some(4));
        assert!(is_possessive("Fox`s") && is_possessive("Sudaniʼs"));
        for word in ["'s", "’s", "its", "Iraqs", "Iraq’", "s"] {
            assert!(!is_possessive(word), "{word}");
        }
    }

    #[test]
    fn apostrophes_join_possessives_drop_and_hyphens_split() {
        assert_eq!(texts("Jama’at Ba‘athi"), ["Jamaat", "Baathi"]);
        assert_eq!(texts("Al-Dabbagh’s men"), ["Al", "Dabbagh", "men"]);
        assert_eq!(texts("'quoted' it's"), ["quoted", "it"]);
        assert_eq!(texts("FranÃ§ois § Ã"), ["FranÃ§ois", "Ã"]);
        assert_eq!(
            texts("Jose\u{301} FranA\u{303}\u{a7}ois"),
            ["Jose\u{301}", "FranA\u{303}\u{a7}ois"]
        );
        let spans: Vec<Range<usize>> = words("the Jama’at’s men").map(|w| w.range).collect();
        assert_eq!(spans, [0..3, 4..13, 18..21]);
    }
}
