//! Training: an averaged structured perceptron (Collins 2002) over the
//! features of `features`, with Viterbi decoding under the BIO constraints.
//!
//! The article-wide feature needs first-pass labels of the training
//! articles that are as wrong as they will be on unseen text, so they come
//! from two local models, each trained on the other half of the articles
//! (jackknifing). The final model sees that feature left out on a share of
//! sentences, as the first pass leaves it out at run time.

use std::collections::HashMap;
use std::ops::Range;

use super::features::{document_feature, hide_word, restore_word, TokenFeatures, HIDDEN};
use super::model::{allowed, Model, Scores, LABELS};
use super::{decode_document, document_values, local_scores, spans, NameLabel};

/// One training sentence: its words, their features and gold labels.
pub struct Example {
    /// The lower-case key of each word, punctuation included.
    pub lowers: Vec<u64>,
    /// Byte ranges of the words, for comparing spans.
    pub ranges: Vec<Range<usize>>,
    /// The features of each word, the article-wide slot last.
    pub features: Vec<TokenFeatures>,
    /// The gold label of each word.
    pub gold: Vec<usize>,
}

/// The sentences of one article.
pub type Document = Vec<Example>;

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Passes over the training data for the final model.
    pub epochs: usize,
    /// Passes for each of the two first-pass models.
    pub jackknife_epochs: usize,
    /// Share of sentences that see the article-wide feature left out.
    pub absent_share: f64,
    /// Share of tokens whose own word is hidden from the model in a pass,
    /// so that it learns what to make of words it has never seen.
    pub word_dropout: f64,
    /// Final models trained on different shuffles and averaged, which
    /// steadies the result.
    pub runs: usize,
    /// Seed of the shuffling.
    pub seed: u64,
}

/// A perceptron being trained: current weights and their running sums for
/// the average.
struct Learner {
    model: Model,
    /// Running sums for the average, in `f64`: over a million updates
    /// weighted by their step, `f32` would lose the small ones.
    sums: Vec<[f64; LABELS]>,
    transition_sums: [[f64; LABELS]; LABELS + 1],
    step: f64,
}

impl Learner {
    fn new() -> Self {
        Learner {
            model: Model::default(),
            sums: Vec::new(),
            transition_sums: [[0.0; LABELS]; LABELS + 1],
            step: 1.0,
        }
    }

    fn bump(&mut self, key: u64, label: usize, by: f32) {
        if key == HIDDEN {
            return;
        }
        let weights = &mut self.model.weights;
        let next = weights.len() as u32;
        let row = *self.model.rows.entry(key).or_insert(next) as usize;
        if row == weights.len() {
            weights.push([0.0; LABELS]);
            self.sums.push([0.0; LABELS]);
        }
        weights[row][label] += by;
        self.sums[row][label] += f64::from(by) * self.step;
    }

    fn bump_transition(&mut self, from: Option<usize>, to: usize, by: f32) {
        let from = from.unwrap_or(LABELS);
        self.model.transitions[from][to] += by;
        self.transition_sums[from][to] += f64::from(by) * self.step;
    }

    /// Decodes one sentence and moves the weights towards its gold labels.
    fn learn(&mut self, features: &[TokenFeatures], gold: &[usize]) {
        let predicted = self.model.viterbi(&local_scores(&self.model, features));
        if predicted != gold {
            for (i, keys) in features.iter().enumerate() {
                if predicted[i] != gold[i] {
                    for &key in keys {
                        self.bump(key, gold[i], 1.0);
                        self.bump(key, predicted[i], -1.0);
                    }
                }
                let before = |labels: &[usize]| i.checked_sub(1).map(|p| labels[p]);
                self.bump_transition(before(gold), gold[i], 1.0);
                self.bump_transition(before(&predicted), predicted[i], -1.0);
            }
        }
        self.step += 1.0;
    }

    /// The averaged weights, with features whose weights all round to
    /// nothing dropped.
    fn averaged(&self, prune_below: f32) -> Model {
        let mut model = Model::default();
        let mut rows: Vec<(u64, u32)> = self.model.rows.iter().map(|(k, r)| (*k, *r)).collect();
        rows.sort_unstable();
        for (key, row) in rows {
            let (w, s) = (&self.model.weights[row as usize], &self.sums[row as usize]);
            let mut averaged = [0f32; LABELS];
            for l in 0..LABELS {
                averaged[l] = (f64::from(w[l]) - s[l] / self.step) as f32;
            }
            if averaged.iter().any(|a| a.abs() >= prune_below) {
                model.rows.insert(key, model.weights.len() as u32);
                model.weights.push(averaged);
            }
        }
        for (from, row) in model.transitions.iter_mut().enumerate() {
            for (to, t) in row.iter_mut().enumerate() {
                let sum = self.transition_sums[from][to];
                *t = (f64::from(self.model.transitions[from][to]) - sum / self.step) as f32;
                if from < LABELS && !allowed(Some(from), to) {
                    *t = -1e4;
                }
            }
        }
        model
    }
}

/// A small deterministic generator for shuffling (xorshift64*).
struct Shuffler(u64);

impl Shuffler {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }

    fn chance(&mut self, share: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= share
    }
}

/// Trains a perceptron on `docs` for `epochs` passes, each token's
/// article-wide slot set from `values` (by article and sentence), or left
/// out on a share of sentences; with no `values`, always left out.
fn perceptron(
    docs: &mut [&mut Document],
    settings: &Settings,
    epochs: usize,
    values: &HashMap<(usize, usize), Vec<u8>>,
    shuffler: &mut Shuffler,
) -> Model {
    let absent_share = if values.is_empty() {
        1.0
    } else {
        settings.absent_share
    };
    let mut learner = Learner::new();
    let mut order: Vec<(usize, usize)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.len()).map(move |s| (d, s)))
        .collect();
    for epoch in 0..epochs {
        shuffler.shuffle(&mut order);
        for &(d, s) in &order {
            let absent = shuffler.chance(absent_share);
            let example = &mut docs[d][s];
            for (t, keys) in example.features.iter_mut().enumerate() {
                let value = if absent { 0 } else { values[&(d, s)][t] };
                if let Some(last) = keys.last_mut() {
                    *last = document_feature(value);
                }
            }
            let mut hidden = Vec::new();
            for (t, keys) in example.features.iter_mut().enumerate() {
                if shuffler.chance(settings.word_dropout) {
                    hidden.push((t, hide_word(keys)));
                }
            }
            learner.learn(&example.features, &example.gold);
            for (t, words) in hidden {
                restore_word(&mut example.features[t], words);
            }
        }
        eprintln!("  epoch {}/{epochs}", epoch + 1);
    }
    learner.averaged(1e-3)
}

/// A training article with its number.
type Numbered<'d> = (usize, &'d mut Document);

/// Trains the model: two jackknifed first-pass models, then the final one.
pub fn train(docs: &mut [Document], settings: Settings) -> Model {
    let mut shuffler = Shuffler(settings.seed.max(1));
    let mut values: HashMap<(usize, usize), Vec<u8>> = HashMap::new();
    for fold in 0..2 {
        eprintln!("first-pass model {} of 2", fold + 1);
        let (mut train_half, held): (Vec<Numbered<'_>>, Vec<Numbered<'_>>) = docs
            .iter_mut()
            .enumerate()
            .partition(|(d, _)| d % 2 != fold);
        let mut refs: Vec<&mut Document> = train_half.iter_mut().map(|(_, d)| &mut **d).collect();
        let local = perceptron(
            &mut refs,
            &settings,
            settings.jackknife_epochs,
            &HashMap::new(),
            &mut shuffler,
        );
        for (d, doc) in held {
            let first: Vec<Vec<usize>> = doc
                .iter()
                .map(|e| local.viterbi(&local_scores(&local, &e.features)))
                .collect();
            let lowers: Vec<Vec<u64>> = doc.iter().map(|e| e.lowers.clone()).collect();
            for (s, v) in document_values(&lowers, &first).into_iter().enumerate() {
                values.insert((d, s), v);
            }
        }
    }
    let mut refs: Vec<&mut Document> = docs.iter_mut().collect();
    let models: Vec<Model> = (0..settings.runs.max(1))
        .map(|run| {
            eprintln!("final model {} of {}", run + 1, settings.runs.max(1));
            perceptron(
                &mut refs,
                &settings,
                settings.epochs,
                &values,
                &mut shuffler,
            )
        })
        .collect();
    average(&models)
}

/// The mean of several models' weights and transitions.
fn average(models: &[Model]) -> Model {
    let mut sum = Model::default();
    let share = 1.0 / models.len().max(1) as f32;
    for model in models {
        for (key, &row) in &model.rows {
            let next = sum.weights.len() as u32;
            let at = *sum.rows.entry(*key).or_insert(next) as usize;
            if at == sum.weights.len() {
                sum.weights.push([0.0; LABELS]);
            }
            for (s, w) in sum.weights[at].iter_mut().zip(model.weights[row as usize]) {
                *s += w * share;
            }
        }
        for (s, t) in sum
            .transitions
            .iter_mut()
            .flatten()
            .zip(model.transitions.iter().flatten())
        {
            *s += t * share;
        }
    }
    sum
}

/// Exact-span counts of one kind of name.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Names found with the right span and kind.
    pub correct: usize,
    /// Names found.
    pub found: usize,
    /// Names in the gold labels.
    pub gold: usize,
}

impl Counts {
    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        if self.found + self.gold == 0 {
            return 0.0;
        }
        2.0 * self.correct as f64 / (self.found + self.gold) as f64
    }
}

/// Tags `docs` as at run time (two passes), but for the clean-up of stray
/// brackets and lower-case words that `tag_article` adds (the examples
/// keep no words), and counts exact spans per kind: person,
/// organisation, place.
pub fn evaluate(model: &impl Scores, docs: &[Document]) -> [Counts; 3] {
    let mut counts = [Counts::default(); 3];
    let kinds = [NameLabel::Person, NameLabel::Org, NameLabel::Place];
    for doc in docs {
        let local = doc
            .iter()
            .map(|e| local_scores(model, &e.features))
            .collect();
        let lowers: Vec<Vec<u64>> = doc.iter().map(|e| e.lowers.clone()).collect();
        let predicted = decode_document(model, local, &lowers);
        for (example, labels) in doc.iter().zip(predicted) {
            let found = spans(&labels, &example.ranges);
            let gold = spans(&example.gold, &example.ranges);
            for (k, kind) in kinds.iter().enumerate() {
                let of = |s: &Vec<super::Tagged>| {
                    s.iter()
                        .filter(|t| t.label == *kind)
                        .map(|t| t.range.clone())
                        .collect::<Vec<_>>()
                };
                let (f, g) = (of(&found), of(&gold));
                counts[k].found += f.len();
                counts[k].gold += g.len();
                counts[k].correct += f.iter().filter(|r| g.contains(r)).count();
            }
        }
    }
    counts
}
