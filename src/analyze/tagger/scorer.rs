//! Scores sentences for the committed model quickly. A word's features
//! in each role (itself, one or two before or after) do not depend on
//! where it stands, so their weights are summed once per word and kept in
//! a per-thread cache; a token then costs five cached sums and a handful
//! of look-ups for the features that pair it with its neighbours. The
//! scores equal those of summing [`sentence_features`]' keys one by one,
//! which training uses; a test holds the two together.
//!
//! [`sentence_features`]: super::features::sentence_features

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_64;

use super::committed_model;
use super::features::{
    document_feature, is_shouted, running_case, Role, Sentence, Word, EDGE, ROLES, ROLE_OFFSETS,
};
use super::model::{PassThrough, Scores, Weights, LABELS};

/// What is known of a word and the summed weights of its features in
/// each of the [`ROLES`].
struct Cached {
    word: Word,
    sums: [Weights; 5],
}

/// Words seen by this thread, by the hash of their text. Cleared when it
/// grows past `CACHE_LIMIT` words, so that memory stays bounded.
type Cache = HashMap<u64, Cached, BuildHasherDefault<PassThrough>>;

const CACHE_LIMIT: usize = 100_000;

/// Mixed into the key of a word seen in a headline.
const HEADLINE_SALT: u64 = 0x5bd1_e995_5bd1_e995;

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// The sums of the words beyond a sentence's edges, worked out once.
fn edge_sums() -> &'static [Weights; 5] {
    static EDGE_SUMS: OnceLock<[Weights; 5]> = OnceLock::new();
    EDGE_SUMS.get_or_init(|| sums(committed_model(), &EDGE))
}

fn sums(model: &impl Scores, word: &Word) -> [Weights; 5] {
    let mut keys = Vec::with_capacity(16);
    ROLES.map(|role: Role| {
        keys.clear();
        word.keys(role, &mut keys);
        let mut scores = [0f32; LABELS];
        model.add_scores(&keys, &mut scores);
        scores
    })
}

/// A sentence's label scores under the committed model, without the
/// article-wide feature, and the lower-case key of each word for the
/// second pass. A `heading` is read as a headline.
pub fn sentence_scores(words: &[&str], heading: bool) -> (Vec<Weights>, Vec<u64>) {
    let model = committed_model();
    CACHE.with_borrow_mut(|cache| {
        if cache.len() > CACHE_LIMIT {
            cache.clear();
        }
        let mut lower = String::new();
        let mut known = Vec::with_capacity(words.len());
        let mut role_sums = Vec::with_capacity(words.len());
        let shouted = heading || is_shouted(words);
        // A word in a headline is read in its running case: it has an
        // entry of its own, so that the case is worked out once.
        let headline = if shouted { HEADLINE_SALT } else { 0 };
        for &word in words {
            let key = xxh3_64(word.as_bytes()) ^ headline;
            let cached = cache.entry(key).or_insert_with(|| {
                let word = if shouted {
                    running_case(word, &mut lower)
                } else {
                    word
                };
                let word = Word::of(word, &mut lower);
                Cached {
                    sums: sums(model, &word),
                    word,
                }
            });
            known.push(cached.word);
            role_sums.push(cached.sums);
        }
        let edge = edge_sums();
        let lowers = known.iter().map(|w| w.lower).collect();
        let sentence = Sentence::new(words, known, shouted);
        let mut keys = Vec::with_capacity(12);
        let scores = (0..sentence.len())
            .map(|i| {
                let mut scores = [0f32; LABELS];
                for (r, offset) in ROLE_OFFSETS.iter().enumerate() {
                    let sums = i
                        .checked_add_signed(*offset)
                        .and_then(|k| role_sums.get(k))
                        .map_or(&edge[r], |s| &s[r]);
                    for (score, w) in scores.iter_mut().zip(sums) {
                        *score += w;
                    }
                }
                keys.clear();
                sentence.context_keys(i, &mut keys);
                keys.push(document_feature(0));
                model.add_scores(&keys, &mut scores);
                scores
            })
            .collect();
        (scores, lowers)
    })
}
