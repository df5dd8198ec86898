//! The entity tagger: a linear-chain model, trained on annotated news,
//! that labels each word of a sentence as the beginning or inside of a
//! person, organisation, place or other name, or as outside any.
//!
//! - `features`: what the model sees of each word, hashed.
//! - `model`: the weights, their file format, and Viterbi decoding.
//! - `scorer`: fast scores for the committed model, summed word by word.
//! - `spans`: labels to names, without the brackets and lower-case words
//!   the model sometimes carries into them.
//! - `words`: sentences cut into the words the model reads, and names
//!   trimmed to their words.
//! - `train`: the averaged structured perceptron that learns them.
//!
//! An article is tagged in two passes. The first labels each sentence on
//! its own; the second adds, for every word, the kind the first pass gave
//! it most often anywhere in the article. That is what keeps `Clinton` a
//! person in paragraph 9 when paragraph 1 says `Hillary Clinton`.
//!
//! The model, `data/ner.model`, is embedded in the binary; `scripts/train_ner.sh`
//! makes it again from CoNLL-2003 and the word clusters.

mod clusters;
mod features;
mod model;
mod scorer;
mod spans;
pub mod train;
mod words;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::OnceLock;

use xxhash_rust::xxh3::Xxh3;

use crate::analyze::lexer::Token;
use features::{document_feature, TokenFeatures};
pub use features::{lower_key, sentence_features};
use model::{kind_of, PassThrough, Weights, OUTSIDE};
pub use model::{Model, Packed, Scores, LABELS};
pub use spans::spans;
use spans::without_stray_words;
use words::{is_mojibake, sentences_of_tokens, trimmed, without_titles};
pub use words::{paragraph_sentences, Sentence};

/// The finest word cluster of `word` as written (`data/clusters.tsv`),
/// if the clusters know it: words used alike in news share one.
pub fn finest_cluster(word: &str) -> Option<u16> {
    let (_, _, finest) = clusters::cluster_of(word);
    (finest != u16::MAX).then_some(finest)
}

/// What the tagger says a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameLabel {
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A place.
    Place,
    /// Another kind of name: a nationality, an event, a product.
    Other,
}

impl NameLabel {
    fn of_kind(kind: usize) -> Option<NameLabel> {
        match kind {
            1 => Some(NameLabel::Person),
            2 => Some(NameLabel::Org),
            3 => Some(NameLabel::Place),
            4 => Some(NameLabel::Other),
            _ => None,
        }
    }

    /// The label of a CoNLL type (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn from_conll(kind: &str) -> Option<NameLabel> {
        match kind {
            "PER" => Some(NameLabel::Person),
            "ORG" => Some(NameLabel::Org),
            "LOC" => Some(NameLabel::Place),
            "MISC" => Some(NameLabel::Other),
            _ => None,
        }
    }

    /// The begin label's number; the inside label is the next one.
    pub fn begin(self) -> usize {
        match self {
            NameLabel::Person => 1,
            NameLabel::Org => 3,
            NameLabel::Place => 5,
            NameLabel::Other => 7,
        }
    }
}

/// A name the tagger found: a byte range of the text it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    /// Byte range: in the paragraph, as [`tag_article`] gives it; in the
    /// article's body, as the reading keeps it.
    pub range: Range<usize>,
    /// What it names.
    pub label: NameLabel,
}

/// The committed model, read in place.
pub fn committed_model() -> &'static Packed<'static> {
    static MODEL: OnceLock<Packed<'static>> = OnceLock::new();
    // The model is part of the binary; a test reads it, so an empty model
    // here means a build from a damaged checkout, which tags nothing.
    MODEL.get_or_init(|| Packed::new(MODEL_BYTES).unwrap_or_default())
}

const MODEL_BYTES: &[u8] = include_bytes!("../data/ner.model");

/// An identifier of the committed model and of the data its features
/// read (clusters, places), recorded in each index so that an index
/// analysed with other ones is analysed again.
pub fn model_id() -> u64 {
    let mut hasher = Xxh3::new();
    hasher.update(MODEL_BYTES);
    hasher.update(clusters::CLUSTERS_TEXT.as_bytes());
    hasher.update(crate::analyze::places::PLACES_TEXT.as_bytes());
    hasher.digest()
}

/// Tags the names of an article's paragraphs, each given with its tokens
/// (without quotations), each list in paragraph byte offsets. A heading
/// is read as a headline, whose capitals say nothing about names, however
/// short it is.
pub fn tag_article(paragraphs: &[(&str, &[Token])], headings: &[bool]) -> Vec<Vec<Tagged>> {
    let sentences: Vec<Vec<Sentence<'_>>> = paragraphs
        .iter()
        .map(|(text, tokens)| sentences_of_tokens(text, tokens))
        .collect();
    let (scores, lowers): (Vec<Vec<Weights>>, Vec<Vec<u64>>) = sentences
        .iter()
        .zip(headings.iter().copied().chain(std::iter::repeat(false)))
        .flat_map(|(paragraph, heading)| paragraph.iter().map(move |s| (s, heading)))
        .map(|(s, heading)| scorer::sentence_scores(&s.words, heading))
        .unzip();
    let mut labels = decode_document(committed_model(), scores, &lowers);
    if sentences.last().is_some_and(|p| is_sign_off(p)) {
        // The sign-off is the article's last sentence: its labels are last.
        if let Some(sign_off) = labels.last_mut() {
            sign_off.fill(OUTSIDE);
        }
    }
    let mut labels = labels.into_iter();
    sentences
        .iter()
        .zip(paragraphs)
        .map(|(paragraph, (paragraph_text, _))| {
            paragraph
                .iter()
                .zip(labels.by_ref())
                .flat_map(|(sentence, mut labels)| {
                    without_stray_words(&sentence.words, &mut labels);
                    spans(&labels, &sentence.ranges)
                        .into_iter()
                        .map(move |tagged| match tagged.label {
                            NameLabel::Person => Tagged {
                                range: without_titles(sentence, tagged.range),
                                ..tagged
                            },
                            _ => tagged,
                        })
                })
                .filter_map(|tagged| {
                    let range = trimmed(paragraph_text, tagged.range)?;
                    let garbled = is_mojibake(&paragraph_text[range.clone()]);
                    (!garbled).then_some(Tagged { range, ..tagged })
                })
                .collect()
        })
        .collect()
}

/// True when the last paragraph of an article ends in a wire sign-off: a
/// last sentence of one capitalized word after the paragraph's text
/// (`... it said. REUTER`). It names the wire, not anything the article
/// is about.
fn is_sign_off(paragraph: &[Sentence<'_>]) -> bool {
    let [.., _, last] = paragraph else {
        return false;
    };
    let words: Vec<&str> = last
        .words
        .iter()
        .copied()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    matches!(words.as_slice(), [word] if word.chars().next().is_some_and(char::is_uppercase))
}

/// The label scores of each token of a sentence from its features, the
/// article-wide one left out: what training and evaluation use.
pub fn local_scores(model: &impl Scores, features: &[TokenFeatures]) -> Vec<Weights> {
    features
        .iter()
        .map(|keys| {
            let mut scores = [0f32; LABELS];
            model.add_scores(keys, &mut scores);
            scores
        })
        .collect()
}

/// Labels the sentences of one document in two passes, from their local
/// scores and the lower-case keys of their words.
pub fn decode_document(
    model: &impl Scores,
    local: Vec<Vec<Weights>>,
    lowers: &[Vec<u64>],
) -> Vec<Vec<usize>> {
    let first: Vec<Vec<usize>> = local.iter().map(|e| model.viterbi(e)).collect();
    let values = document_values(lowers, &first);
    let mut absent = [0f32; LABELS];
    model.add_scores(&[document_feature(0)], &mut absent);
    let by_value: Vec<Weights> = (0..=5)
        .map(|value| {
            let mut scores = [0f32; LABELS];
            model.add_scores(&[document_feature(value)], &mut scores);
            scores
        })
        .collect();
    local
        .into_iter()
        .zip(values)
        .map(|(mut emissions, values)| {
            for (scores, value) in emissions.iter_mut().zip(values) {
                let add = by_value[usize::from(value)];
                for ((s, add), sub) in scores.iter_mut().zip(add).zip(absent) {
                    *s += add - sub;
                }
            }
            model.viterbi(&emissions)
        })
        .collect()
}

/// The article-wide value of a word the first pass never put in a name.
const NEVER_NAMED: u8 = 5;

/// For each word of a document (by its lower-case key), the value of its
/// article-wide feature: the kind (1 to 4) the first pass gave most often
/// to the same word in lower case, 5 when it never made it part of a name.
pub fn document_values(lowers: &[Vec<u64>], labels: &[Vec<usize>]) -> Vec<Vec<u8>> {
    let mut counts: HashMap<u64, [u32; 5], BuildHasherDefault<PassThrough>> = HashMap::default();
    for (sentence, labels) in lowers.iter().zip(labels) {
        for (k, &label) in sentence.iter().zip(labels) {
            counts.entry(*k).or_default()[kind_of(label)] += 1;
        }
    }
    lowers
        .iter()
        .map(|sentence| {
            sentence
                .iter()
                .map(|k| {
                    let c = counts.get(k).copied().unwrap_or_default();
                    (1..5)
                        .filter(|&kind| c[kind] > 0)
                        .max_by_key(|&kind| (c[kind], std::cmp::Reverse(kind)))
                        .map_or(NEVER_NAMED, |kind| kind as u8)
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tags paragraphs of running text.
    fn tag_texts(paragraphs: &[&str]) -> Vec<Vec<Tagged>> {
        let tokens: Vec<Vec<Token>> = paragraphs
            .iter()
            .map(|p| crate::analyze::lexer::tokenize(p, &[]))
            .collect();
        let paragraphs: Vec<(&str, &[Token])> = paragraphs
            .iter()
            .zip(&tokens)
            .map(|(p, t)| (*p, t.as_slice()))
            .collect();
        tag_article(&paragraphs, &vec![false; paragraphs.len()])
    }

    #[test]
    fn the_article_wide_value_is_the_most_frequent_kind() {
        let mut lower = String::new();
        let mut keys = |words: &[&str]| -> Vec<u64> {
            words.iter().map(|w| lower_key(w, &mut lower)).collect()
        };
        let lowers = [
            keys(&["Hillary", "Clinton", "said"]),
            keys(&["CLINTON", "left"]),
        ];
        let values = document_values(&lowers, &[vec![1, 2, 0], vec![3, 0]]);
        // `Clinton`: person once, organisation once; the lower kind wins a tie.
        assert_eq!(values, [vec![1, 1, 5], vec![1, 5]]);
    }

    #[test]
    fn cached_scores_equal_the_sum_of_every_feature() {
        // Running text, then a headline in capitals and one in title case,
        // which are read in their running case.
        let text = "Peter Blackburn of the European Commission told Reuters in Brussels \
                    on Monday that U.S. lamb was safe. EU SAYS BRITISH LAMB SAFE AFTER \
                    TALKS. Militias Target Israel as Tensions Rise";
        let sentences = paragraph_sentences(text);
        assert_eq!(sentences.len(), 3);
        for sentence in sentences {
            let slow = local_scores(committed_model(), &sentence_features(&sentence.words));
            let (fast, _) = scorer::sentence_scores(&sentence.words, false);
            assert_eq!(slow.len(), sentence.words.len());
            assert_eq!(fast.len(), slow.len());
            for (a, b) in slow.iter().flatten().zip(fast.iter().flatten()) {
                assert!((a - b).abs() < 1e-3, "{a} != {b}");
            }
        }
    }

    #[test]
    fn a_wire_sign_off_is_not_a_name() {
        let text = "Noranda said output would rise in Canada. REUTER";
        let found = tag_texts(&[text]);
        assert!(!found[0].iter().any(|t| t.range.start >= 42), "{found:?}");
        // A one-word line of its own is still read (`LONDON`).
        let found = tag_texts(&["Peter Blackburn flew in.", "LONDON"]);
        assert_eq!(found[1].len(), 1, "{found:?}");
    }

    #[test]
    fn no_name_runs_across_a_bracket() {
        let text = "\"We saw (Peter) Holden and (Mark) Lind when they were young,\" he said.";
        let found = tag_texts(&[text]);
        let names: Vec<&str> = found[0].iter().map(|t| &text[t.range.clone()]).collect();
        assert!(names.iter().all(|n| !n.contains([')', '('])), "{names:?}");
        assert!(names.contains(&"Holden"), "{names:?}");
    }

    #[test]
    fn the_committed_model_is_read_whole() {
        // `Packed::new` refuses keys out of order, which would give an
        // empty model here.
        let model = committed_model();
        assert!(model.len() > 10_000, "{} features", model.len());
    }

    #[test]
    fn the_committed_model_finds_a_person_and_a_place() {
        let found = tag_texts(&["Peter Blackburn flew to Paris on Monday."]);
        assert!(
            found[0].contains(&Tagged {
                range: 0..15,
                label: NameLabel::Person
            }),
            "{found:?}"
        );
        assert!(
            found[0].contains(&Tagged {
                range: 24..29,
                label: NameLabel::Place
            }),
            "{found:?}"
        );
    }
}
