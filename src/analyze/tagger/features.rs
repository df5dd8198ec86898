//! The features of the entity tagger: what it knows of each token and its
//! neighbours, hashed to 64-bit keys so that no string is built per token.
//!
//! Each feature is a template number mixed with a value's hash: the word,
//! its lower case, shape, prefixes and suffixes; the same of its neighbours;
//! the word clusters learned from unlabelled news (`data/clusters.tsv`);
//! the place list; the general word lists (titles, roles, organisation
//! words, peoples); whether the sentence is a headline in capitals; and,
//! in the second pass, the kind the same word was given elsewhere in the
//! article.

use xxhash_rust::xxh3::xxh3_64;

use super::clusters::{cluster_line, cluster_of, word_of};
use crate::analyze::places::{is_demonym, is_known_place};
use crate::analyze::wordlists::{
    is_geographic_word, is_group_role, is_org_word, is_person_role, is_title_head,
};

/// The feature keys of one token; the last slot is the article-wide one.
pub type TokenFeatures = Vec<u64>;

/// Template of the article-wide feature, kept apart so that the first pass
/// can leave it out and the second put it in.
const DOCUMENT_TEMPLATE: u64 = 64;

/// Mixes a template number into a value's hash (splitmix64's finaliser),
/// so that the same word under two templates gives two keys.
fn mix(template: u64, value: u64) -> u64 {
    let mut z = value ^ template.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// What is known of one word on its own, before its neighbours are
/// looked at: the same wherever the word stands, so worked out once.
#[derive(Clone, Copy, Default)]
pub struct Word {
    word: u64,
    /// Hash of the word in lower case; also the article-wide key.
    pub lower: u64,
    shape: u64,
    short_shape: u64,
    coarse: u64,
    fine: u64,
    finest: u64,
    /// The fine cluster of the word in lower case: what a capitalized
    /// word is when it is not a name (`Later`, `SAYS`).
    lower_fine: u64,
    /// Prefixes then suffixes of one to four characters, shorter than the
    /// word itself (0 where there is none).
    affixes: [u64; 8],
    capitalized: bool,
    /// In the list of places, on its own.
    place: bool,
    /// Bits of the word lists that hold it (see `Word::of`).
    lists: u64,
}

/// A word list's test, taking a lower-case word.
type WordList = fn(&str) -> bool;

const LIST_ORG_WORD: u64 = 1;
const LIST_PERSON_ROLE: u64 = 2;
const LIST_GROUP_ROLE: u64 = 4;
const LIST_TITLE: u64 = 8;
const LIST_GEOGRAPHIC: u64 = 16;
const LIST_DEMONYM: u64 = 32;

/// The neighbours of the edges of a sentence, which are not there.
pub const EDGE: Word = Word {
    word: 1,
    lower: 1,
    shape: 1,
    short_shape: 1,
    coarse: 1,
    fine: 1,
    finest: 1,
    lower_fine: 1,
    affixes: [0; 8],
    capitalized: false,
    place: false,
    lists: 0,
};

/// Where a word stands relative to the token being labelled.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Role {
    /// The token itself.
    Itself,
    /// One before.
    Previous,
    /// One after.
    Next,
    /// Two before.
    SecondPrevious,
    /// Two after.
    SecondNext,
}

/// The roles, in the order of a word's cached sums.
pub const ROLES: [Role; 5] = [
    Role::Itself,
    Role::Previous,
    Role::Next,
    Role::SecondPrevious,
    Role::SecondNext,
];

/// `Xxxx`, `XX`, `X.X.`, `dddd-dd-dd`: each character's class, a run
/// capped at four (at one for the short shape), so that long words of one
/// shape share it.
fn shape(word: &str, short: bool) -> u64 {
    let mut out = [0u8; 24];
    let mut len = 0;
    let mut run = 0;
    let mut last = 0u8;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'o'
        };
        run = if class == last { run + 1 } else { 1 };
        last = class;
        let limit = if short { 1 } else { 4 };
        if run <= limit && len < out.len() {
            out[len] = class;
            len += 1;
        }
    }
    xxh3_64(&out[..len])
}

impl Word {
    /// What is known of `word`; `lower` is a buffer to reuse.
    pub fn of(word: &str, lower: &mut String) -> Word {
        let lower_hash = lower_key(word, lower);
        let (coarse, fine, finest) = cluster_of(word);
        let (_, lower_fine, _) = cluster_of(lower);
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        let mut lists = 0;
        if word.chars().next().is_some_and(char::is_alphabetic) {
            let checks: [(WordList, u64); 5] = [
                (is_org_word, LIST_ORG_WORD),
                (is_person_role, LIST_PERSON_ROLE),
                (is_group_role, LIST_GROUP_ROLE),
                (is_title_head, LIST_TITLE),
                (is_geographic_word, LIST_GEOGRAPHIC),
            ];
            for (check, bit) in checks {
                if check(lower) {
                    lists |= bit;
                }
            }
            if capitalized && is_demonym(word) {
                lists |= LIST_DEMONYM;
            }
        }
        Word {
            word: xxh3_64(word.as_bytes()),
            lower: lower_hash,
            shape: shape(word, false),
            short_shape: shape(word, true),
            coarse: u64::from(coarse) + 2,
            fine: u64::from(fine) + 2,
            finest: u64::from(finest) + 2,
            lower_fine: u64::from(lower_fine) + 2,
            affixes: affixes(lower),
            capitalized,
            place: capitalized && is_known_place(word),
            lists,
        }
    }

    /// The keys of the features this word gives the token it stands in
    /// `role` to.
    pub fn keys(&self, role: Role, out: &mut Vec<u64>) {
        match role {
            Role::Itself => {
                out.extend([
                    mix(0, 0),
                    mix(1, self.word),
                    mix(2, self.lower),
                    mix(3, self.shape),
                    mix(4, self.short_shape),
                    mix(21, self.coarse),
                    mix(22, self.fine),
                    mix(31, self.lists),
                    mix(36, self.lower_fine),
                    mix(38, self.finest),
                ]);
                for (n, &affix) in self.affixes.iter().enumerate() {
                    if affix != 0 {
                        out.push(mix(5 + n as u64, affix));
                    }
                }
            }
            Role::Previous => out.extend([
                mix(13, self.lower),
                mix(17, self.short_shape),
                mix(23, self.fine),
                mix(32, self.lists),
            ]),
            Role::Next => out.extend([
                mix(14, self.lower),
                mix(18, self.short_shape),
                mix(24, self.fine),
                mix(33, self.lists),
            ]),
            Role::SecondPrevious => out.extend([mix(15, self.lower), mix(25, self.coarse)]),
            Role::SecondNext => out.extend([mix(16, self.lower), mix(26, self.coarse)]),
        }
    }
}

/// How a word of a headline would be written in running text: in lower
/// case when the clusters know it so (`Target`, `SAYS`), else as it is
/// (`Israel`, `LEICESTERSHIRE`). Headlines are read through this, in
/// training and at run time alike.
pub fn running_case<'a>(word: &'a str, lower: &mut String) -> &'a str {
    lower.clear();
    lower.extend(word.chars().flat_map(char::to_lowercase));
    if lower == word {
        return word;
    }
    cluster_line(lower).map_or(word, word_of)
}

/// A key that stands for a feature hidden in training; it is never
/// learned and never matches at run time.
pub const HIDDEN: u64 = 0;

/// Where a token's own word and lower-case word are among its keys:
/// [`Word::keys`] puts them second and third.
const WORD_SLOTS: [usize; 2] = [1, 2];

/// Hides a token's own word from the model, as for a word never seen;
/// returns the keys to put back.
pub fn hide_word(keys: &mut [u64]) -> [u64; 2] {
    WORD_SLOTS.map(|slot| std::mem::replace(&mut keys[slot], HIDDEN))
}

/// Puts back the keys [`hide_word`] hid.
pub fn restore_word(keys: &mut [u64], words: [u64; 2]) {
    for (slot, key) in WORD_SLOTS.into_iter().zip(words) {
        keys[slot] = key;
    }
}

/// The lower-case key of a word, as the article-wide feature counts it.
pub fn lower_key(word: &str, lower: &mut String) -> u64 {
    lower.clear();
    lower.extend(word.chars().flat_map(char::to_lowercase));
    xxh3_64(lower.as_bytes())
}

/// Hashes of the prefixes and then the suffixes of one to four characters
/// that are shorter than the word.
fn affixes(lower: &str) -> [u64; 8] {
    let mut out = [0u64; 8];
    let bounds: Vec<usize> = lower.char_indices().map(|(i, _)| i).skip(1).collect();
    for n in 1..=4 {
        if let Some(&end) = bounds.get(n - 1) {
            out[n - 1] = xxh3_64(&lower.as_bytes()[..end]);
        }
        if let Some(&start) = bounds.len().checked_sub(n).and_then(|k| bounds.get(k)) {
            out[3 + n] = xxh3_64(&lower.as_bytes()[start..]);
        }
    }
    out
}

/// True when most words of a sentence are in capitals, or all its longer
/// words are capitalized: a headline or a wire line (`TRUMP SAYS ...`,
/// `Militias Target US Bases`), whose capitals say nothing about names.
pub fn is_shouted(words: &[&str]) -> bool {
    // Counted in one pass over words of two letters or more, without
    // collecting them: this runs for every sentence of every article.
    let (mut letters, mut shouted, mut capitalized) = (0, 0, 0);
    for word in words {
        if word.chars().filter(|c| c.is_alphabetic()).nth(1).is_none() {
            continue;
        }
        letters += 1;
        if !word.chars().any(char::is_lowercase) {
            shouted += 1;
        }
        if word.len() <= 3 || word.chars().next().is_some_and(|c| !c.is_lowercase()) {
            capitalized += 1;
        }
    }
    // A sentence ending in a full stop is running text, however many of
    // its words are names (`The Tarvan Security Council and the ... met.`).
    let stops = words.last().is_some_and(|w| *w == ".");
    let title_case = letters >= 4 && !stops && capitalized == letters;
    title_case || (letters >= 2 && shouted * 3 >= letters * 2)
}

/// For each token, the position in the longest known place starting at or
/// covering it: 1 for the first word, 2 for later ones, 0 for none.
fn place_positions(words: &[&str], known: &[Word]) -> Vec<u8> {
    let mut positions = vec![0u8; words.len()];
    let joins = |w: &Word, text: &str| w.capitalized || text == "of";
    let mut i = 0;
    while i < words.len() {
        if !known[i].capitalized {
            i += 1;
            continue;
        }
        let run = (i..words.len().min(i + 4))
            .take_while(|&k| joins(&known[k], words[k]))
            .count();
        let longest = (2..=run)
            .rev()
            .find(|&n| is_known_place(&words[i..i + n].join(" ")))
            .or(known[i].place.then_some(1));
        match longest {
            Some(n) => {
                positions[i] = 1;
                positions[i + 1..i + n].fill(2);
                i += n;
            }
            None => i += 1,
        }
    }
    positions
}

/// A sentence's words, as the features see them.
pub struct Sentence<'w> {
    words: &'w [&'w str],
    known: Vec<Word>,
    shouted: bool,
    places: Vec<u8>,
}

impl<'w> Sentence<'w> {
    /// A sentence of `words`, with what is known of each (of its words
    /// in running case, if `shouted`).
    pub fn new(words: &'w [&'w str], known: Vec<Word>, shouted: bool) -> Self {
        Sentence {
            shouted,
            places: place_positions(words, &known),
            words,
            known,
        }
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    /// What is known of the word `offset` tokens from `i`.
    pub fn word_at(&self, i: usize, offset: isize) -> &Word {
        i.checked_add_signed(offset)
            .and_then(|k| self.known.get(k))
            .unwrap_or(&EDGE)
    }

    /// The keys of token `i` that depend on more than one word: pairs of
    /// words, shapes around it, places, the sentence's case.
    pub fn context_keys(&self, i: usize, out: &mut Vec<u64>) {
        let (t, p1, n1) = (self.word_at(i, 0), self.word_at(i, -1), self.word_at(i, 1));
        let shouted = u64::from(self.shouted) << 32;
        out.extend([
            mix(19, p1.lower.rotate_left(7) ^ t.lower),
            mix(20, t.lower.rotate_left(7) ^ n1.lower),
            mix(27, u64::from(self.places[i])),
            mix(28, (u64::from(i == 0) << 32) ^ t.short_shape),
            mix(29, shouted ^ t.lower),
            mix(30, shouted ^ t.short_shape),
            mix(
                34,
                p1.short_shape.rotate_left(5) ^ t.short_shape ^ n1.short_shape.rotate_left(11),
            ),
            mix(
                35,
                u64::from(p1.capitalized) << 1 | u64::from(n1.capitalized),
            ),
            // The word before or after with this one's shape: `militia
            // Xxxx`, `groups like Xxxx`, `Xxxx said`, `the Xxxxs`.
            mix(39, p1.lower.rotate_left(9) ^ t.short_shape),
            mix(40, t.short_shape.rotate_left(9) ^ n1.lower),
        ]);
        debug_assert!(self.words.len() == self.known.len());
    }

    /// Every key of token `i`, the article-wide one left out.
    fn keys(&self, i: usize) -> TokenFeatures {
        let mut keys = Vec::with_capacity(48);
        for (role, offset) in ROLES.iter().zip(ROLE_OFFSETS) {
            self.word_at(i, offset).keys(*role, &mut keys);
        }
        self.context_keys(i, &mut keys);
        keys.push(document_feature(0));
        keys
    }
}

/// The offset of each role from the token being labelled.
pub const ROLE_OFFSETS: [isize; 5] = [0, -1, 1, -2, 2];

/// The features of every token of a sentence, the article-wide one last
/// and left out (its slot holds the "not known" key). Training uses this;
/// the run-time scorer sums the same keys' weights word by word.
pub fn sentence_features(words: &[&str]) -> Vec<TokenFeatures> {
    let mut lower = String::new();
    let shouted = is_shouted(words);
    let known = words
        .iter()
        .map(|&w| {
            let w = if shouted {
                running_case(w, &mut lower)
            } else {
                w
            };
            Word::of(w, &mut lower)
        })
        .collect();
    let sentence = Sentence::new(words, known, shouted);
    (0..sentence.len()).map(|i| sentence.keys(i)).collect()
}

/// The article-wide feature: the kind (1 to 4, 5 for none) that the first
/// pass gave most often to this word anywhere in the article, this mention
/// included; 0 when not
/// known (the first pass).
pub fn document_feature(kind: u8) -> u64 {
    mix(DOCUMENT_TEMPLATE, u64::from(kind) + 1)
}

#[cfg(test)]
mod tests;
