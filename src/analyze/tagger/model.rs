//! The tagger's weights, how they are stored, and Viterbi decoding.
//!
//! A model is a table from feature key to one weight per label, and a
//! matrix of label-to-label transition weights. On disk each weight is an
//! `i16` scaled by one factor, which keeps the committed file small, and
//! the features are sorted by key.
//!
//! - [`Model`], for training: `f32` weights looked up by key in a hash map
//!   whose hasher passes the key through, since keys are hashes already.
//! - [`Packed`], for tagging: the committed bytes read in place, a key
//!   found among the few that share its top 16 bits (keys are hashes, so
//!   evenly spread). Unpacking them into a `Model` cost a sixth of
//!   `dossier check`; this index costs a thirtieth of that.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The labels: outside, then begin and inside for person, organisation,
/// place and other names (nationalities, events, products).
pub const LABELS: usize = 9;

/// Label number of "outside any name".
pub const OUTSIDE: usize = 0;

/// Weights of one feature, one per label.
pub type Weights = [f32; LABELS];

const MAGIC: &[u8; 8] = b"DSNER\x001\x00";

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Feature key → its row in the weight table.
pub type KeyMap = HashMap<u64, u32, BuildHasherDefault<PassThrough>>;

/// A trained model.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    /// Feature key → row of `weights`.
    pub rows: KeyMap,
    /// One row of label weights per feature.
    pub weights: Vec<Weights>,
    /// `transitions[from][to]`; row `LABELS` is the start of a sentence.
    pub transitions: [[f32; LABELS]; LABELS + 1],
}

/// The kind of name a label belongs to (0 for outside, 1 to 4).
pub fn kind_of(label: usize) -> usize {
    label.div_ceil(2)
}

/// True for an inside label, which must follow its kind's begin or inside.
pub fn is_inside(label: usize) -> bool {
    label != OUTSIDE && label % 2 == 0
}

/// True when `to` may follow `from` (`None` at a sentence's start).
pub fn allowed(from: Option<usize>, to: usize) -> bool {
    !is_inside(to) || from.is_some_and(|f| f != OUTSIDE && kind_of(f) == kind_of(to))
}

/// The labels that may come before `to`: its own begin and inside for an
/// inside label, any for the others.
fn predecessors(to: usize) -> &'static [usize] {
    const ANY: [usize; LABELS] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    const AFTER: [[usize; 2]; 4] = [[1, 2], [3, 4], [5, 6], [7, 8]];
    if is_inside(to) {
        &AFTER[to / 2 - 1]
    } else {
        &ANY
    }
}

/// What tagging needs of a model: the weights of feature keys and the
/// transitions between labels.
pub trait Scores {
    /// Adds the weights of `keys` into `scores`.
    fn add_scores(&self, keys: &[u64], scores: &mut Weights);

    /// `transitions[from][to]`; row `LABELS` is the start of a sentence.
    fn transitions(&self) -> &[[f32; LABELS]; LABELS + 1];

    /// The best label sequence for per-token label scores. Only the
    /// back pointers are kept for every token; the scores of the best
    /// paths roll over two rows.
    fn viterbi(&self, emissions: &[Weights]) -> Vec<usize> {
        let transitions = self.transitions();
        let n = emissions.len();
        if n == 0 {
            return Vec::new();
        }
        let mut previous = [f32::NEG_INFINITY; LABELS];
        for (to, score) in previous.iter_mut().enumerate() {
            if allowed(None, to) {
                *score = transitions[LABELS][to] + emissions[0][to];
            }
        }
        let mut back = vec![[0u8; LABELS]; n];
        for i in 1..n {
            let mut current = [f32::NEG_INFINITY; LABELS];
            for (to, score) in current.iter_mut().enumerate() {
                let mut top = f32::NEG_INFINITY;
                let mut arg = 0;
                for &from in predecessors(to) {
                    let candidate = previous[from] + transitions[from][to];
                    if candidate > top {
                        top = candidate;
                        arg = from;
                    }
                }
                *score = top + emissions[i][to];
                back[i][to] = arg as u8;
            }
            previous = current;
        }
        let mut label = (0..LABELS)
            .max_by(|&a, &b| previous[a].total_cmp(&previous[b]))
            .unwrap_or(OUTSIDE);
        let mut labels = vec![OUTSIDE; n];
        for i in (0..n).rev() {
            labels[i] = label;
            label = usize::from(back[i][label]);
        }
        labels
    }
}

impl Scores for Model {
    fn add_scores(&self, keys: &[u64], scores: &mut Weights) {
        for key in keys {
            if let Some(&row) = self.rows.get(key) {
                let weights = &self.weights[row as usize];
                for (score, w) in scores.iter_mut().zip(weights) {
                    *score += w;
                }
            }
        }
    }

    fn transitions(&self) -> &[[f32; LABELS]; LABELS + 1] {
        &self.transitions
    }
}

impl Model {
    /// The model as bytes: magic, scale, number of features, transitions
    /// (`f32`), then each feature's key and its weights as scaled `i16`s.
    pub fn to_bytes(&self) -> Vec<u8> {
        let largest = self
            .weights
            .iter()
            .flatten()
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(f32::MIN_POSITIVE);
        let scale = largest / f32::from(i16::MAX);
        let mut out = Vec::with_capacity(24 + self.weights.len() * (8 + 2 * LABELS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(self.weights.len() as u32).to_le_bytes());
        for w in self.transitions.iter().flatten() {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let mut rows: Vec<(&u64, &u32)> = self.rows.iter().collect();
        rows.sort_unstable();
        for (key, &row) in rows {
            out.extend_from_slice(&key.to_le_bytes());
            for w in self.weights[row as usize] {
                out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }
}

/// Bytes of one feature on disk: its key and its weights.
const ROW_BYTES: usize = 8 + 2 * LABELS;

/// A model written by [`Model::to_bytes`], read in place.
#[derive(Debug, Clone, Default)]
pub struct Packed<'a> {
    scale: f32,
    transitions: [[f32; LABELS]; LABELS + 1],
    /// The features, sorted by key, `ROW_BYTES` each.
    rows: &'a [u8],
    /// `starts[b]` is the first row whose key's top 16 bits are `b` or
    /// more; one more entry holds the number of rows.
    starts: Vec<u32>,
}

/// Bits of a key that pick its bucket in [`Packed`].
const BUCKET_BITS: u32 = 16;

impl<'a> Packed<'a> {
    /// Reads the header of a model written by [`Model::to_bytes`]; `None`
    /// if the bytes are not one.
    pub fn new(bytes: &'a [u8]) -> Option<Packed<'a>> {
        let mut reader = Reader(bytes.strip_prefix(MAGIC.as_slice())?);
        let scale = f32::from_le_bytes(reader.take()?);
        let count = u32::from_le_bytes(reader.take()?) as usize;
        let mut transitions = [[0f32; LABELS]; LABELS + 1];
        for w in transitions.iter_mut().flatten() {
            *w = f32::from_le_bytes(reader.take()?);
        }
        // A count that does not match the bytes left is a damaged file.
        if reader.0.len() != count.checked_mul(ROW_BYTES)? {
            return None;
        }
        let mut packed = Packed {
            scale,
            transitions,
            rows: reader.0,
            starts: Vec::new(),
        };
        packed.starts = packed.bucket_starts()?;
        Some(packed)
    }

    /// The first row of each bucket; `None` when the keys are not in
    /// order, as the search needs them.
    fn bucket_starts(&self) -> Option<Vec<u32>> {
        let buckets = 1usize << BUCKET_BITS;
        let mut starts = Vec::with_capacity(buckets + 1);
        let mut previous = None;
        for row in 0..self.len() {
            let key = self.key(row);
            if previous.is_some_and(|p| p >= key) {
                return None;
            }
            previous = Some(key);
            let bucket = (key >> (64 - BUCKET_BITS)) as usize;
            while starts.len() <= bucket {
                starts.push(row as u32);
            }
        }
        starts.resize(buckets + 1, self.len() as u32);
        Some(starts)
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.rows.len() / ROW_BYTES
    }

    /// True for a model without features.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn key(&self, row: usize) -> u64 {
        let at = row * ROW_BYTES;
        let mut key = [0u8; 8];
        key.copy_from_slice(&self.rows[at..at + 8]);
        u64::from_le_bytes(key)
    }

    /// The row of `key`, searched among the rows of its bucket.
    fn row(&self, key: u64) -> Option<usize> {
        let bucket = (key >> (64 - BUCKET_BITS)) as usize;
        let (&start, &end) = (self.starts.get(bucket)?, self.starts.get(bucket + 1)?);
        (start as usize..end as usize).find(|&row| self.key(row) == key)
    }
}

impl Scores for Packed<'_> {
    fn add_scores(&self, keys: &[u64], scores: &mut Weights) {
        for &key in keys {
            let Some(row) = self.row(key) else { continue };
            let weights = &self.rows[row * ROW_BYTES + 8..(row + 1) * ROW_BYTES];
            for (score, w) in scores.iter_mut().zip(weights.chunks_exact(2)) {
                *score += f32::from(i16::from_le_bytes([w[0], w[1]])) * self.scale;
            }
        }
    }

    fn transitions(&self) -> &[[f32; LABELS]; LABELS + 1] {
        &self.transitions
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*head)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_labels_only_follow_their_own_kind() {
        assert!(allowed(Some(1), 2));
        assert!(allowed(Some(2), 2));
        assert!(!allowed(Some(3), 2));
        assert!(!allowed(None, 2));
        assert!(!allowed(Some(OUTSIDE), 4));
        assert!(allowed(Some(OUTSIDE), 3));
    }

    #[test]
    fn predecessors_are_the_allowed_labels() {
        for to in 0..LABELS {
            let expected: Vec<usize> = (0..LABELS).filter(|&f| allowed(Some(f), to)).collect();
            assert_eq!(predecessors(to), expected.as_slice());
        }
    }

    #[test]
    fn viterbi_follows_emissions_within_the_constraints() {
        let model = Model::default();
        let mut inside_first = [0f32; LABELS];
        inside_first[2] = 5.0;
        inside_first[1] = 1.0;
        let mut inside = [0f32; LABELS];
        inside[2] = 5.0;
        // An inside label cannot open a sentence: begin, then inside.
        assert_eq!(model.viterbi(&[inside_first, inside]), [1, 2]);
    }

    #[test]
    fn every_feature_of_the_committed_model_is_found() {
        let model = crate::analyze::tagger::committed_model();
        assert!(model.len() > 10_000);
        assert!((0..model.len()).all(|row| model.row(model.key(row)) == Some(row)));
    }

    #[test]
    fn a_model_survives_its_bytes() {
        let mut model = Model::default();
        // Keys at the edges of buckets, and in the first and last.
        let keys = [42u64, 7, u64::MAX, 1 << 40, (1 << 48) - 1, 1 << 48];
        for (row, key) in keys.into_iter().enumerate() {
            model.rows.insert(key, row as u32);
            let w = row as f32;
            model
                .weights
                .push([1.0, -2.0, 0.5, w, 0.0, 0.0, 0.0, 0.0, 0.25]);
        }
        model.transitions[LABELS][1] = -1.0;
        let bytes = model.to_bytes();
        let read = Packed::new(&bytes).expect("reads back");
        assert_eq!(read.len(), keys.len());
        for keys in [
            &[42u64][..],
            &[7, u64::MAX],
            &[1 << 40, 42, 3],
            &[(1 << 48) - 1, 1 << 48],
        ] {
            let (mut a, mut b) = ([0f32; LABELS], [0f32; LABELS]);
            model.add_scores(keys, &mut a);
            read.add_scores(keys, &mut b);
            for (a, b) in a.iter().zip(b) {
                assert!((a - b).abs() < 1e-3, "{keys:?}: {a} and {b}");
            }
        }
        let mut none = [0f32; LABELS];
        read.add_scores(&[0, 8, 43, u64::MAX - 1, (1 << 48) + 1], &mut none);
        assert_eq!(none, [0f32; LABELS]);
        assert_eq!(read.transitions()[LABELS][1], -1.0);
        assert!(Packed::new(b"not a model").is_none());
        let mut unsorted = bytes.clone();
        let first_key = unsorted.len() - keys.len() * ROW_BYTES;
        unsorted[first_key..first_key + 8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(Packed::new(&unsorted).is_none(), "keys out of order");
        let mut truncated = bytes.clone();
        truncated.pop();
        assert!(Packed::new(&truncated).is_none());
    }
}
