//! The word clusters the tagger reads (`data/clusters.tsv`): k-means
//! clusters of word vectors learned from unlabelled news by
//! `scripts/make_clusters.py` (in the place of Brown clusters),
//! looked up by binary search over the file's sorted lines.

use std::sync::OnceLock;

/// The text of `data/clusters.tsv`.
pub(super) const CLUSTERS_TEXT: &str = include_str!("../data/clusters.tsv");

/// The lines of `data/clusters.tsv` after its `#` header: one word a
/// line, sorted by word (`scripts/make_clusters.py` writes them so, and a
/// test checks it).
fn cluster_lines() -> &'static str {
    static START: OnceLock<usize> = OnceLock::new();
    let start = *START.get_or_init(|| {
        let mut at = 0;
        while CLUSTERS_TEXT[at..].starts_with('#') {
            at += CLUSTERS_TEXT[at..]
                .find('\n')
                .map_or(CLUSTERS_TEXT.len() - at, |n| n + 1);
        }
        at
    });
    &CLUSTERS_TEXT[start..]
}

/// The lines of the clusters file, each with its word, and where each
/// bucket of words starts: `starts[k]` is the first line whose word's
/// first two bytes make bucket `k` or a later one, so that a search looks
/// only among the few words that begin alike.
struct Clusters {
    lines: Vec<(&'static str, &'static str)>,
    starts: Vec<u32>,
}

/// The bucket of a word: its first two bytes. Sorted words have buckets
/// in order, so each bucket's words are one run of the sorted lines.
fn bucket(word: &str) -> usize {
    let bytes = word.as_bytes();
    usize::from(bytes.first().copied().unwrap_or(0)) << 8
        | usize::from(bytes.get(1).copied().unwrap_or(0))
}

/// The clusters file's lines, split once with `memchr`: splitting them
/// with `str::lines` and checking each cost as much as analysing a short
/// text (`dossier check` reads one claim a run), and finding each line's
/// word at every step of the search cost 2% of indexing.
fn clusters() -> &'static Clusters {
    static CLUSTERS: OnceLock<Clusters> = OnceLock::new();
    CLUSTERS.get_or_init(|| {
        let text = cluster_lines();
        let mut start = 0;
        let mut lines = Vec::with_capacity(text.len() / 16);
        let mut starts = Vec::with_capacity((1 << 16) + 1);
        for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
            if end > start {
                let line = &text[start..end];
                let word = word_of(line);
                while starts.len() <= bucket(word) {
                    starts.push(lines.len() as u32);
                }
                lines.push((word, line));
            }
            start = end + 1;
        }
        starts.resize((1 << 16) + 1, lines.len() as u32);
        Clusters { lines, starts }
    })
}

/// The line of the clusters file about `word`, by binary search among the
/// words of its bucket.
pub(super) fn cluster_line(word: &str) -> Option<&'static str> {
    let Clusters { lines, starts } = clusters();
    let k = bucket(word);
    let run = &lines[starts[k] as usize..starts[k + 1] as usize];
    let at = run.binary_search_by(|(own, _)| (*own).cmp(word)).ok()?;
    Some(run[at].1)
}

/// The word a line of the clusters file is about.
pub(super) fn word_of(line: &str) -> &str {
    line.split('\t').next().unwrap_or_default()
}

/// The coarse, fine and finest clusters of a word, `u16::MAX` for a word
/// the clusters do not know.
pub(super) fn cluster_of(word: &str) -> (u16, u16, u16) {
    const UNKNOWN: (u16, u16, u16) = (u16::MAX, u16::MAX, u16::MAX);
    let Some(line) = cluster_line(word) else {
        return UNKNOWN;
    };
    let mut fields = line.split('\t').skip(1).map(|f| f.parse().ok());
    match (fields.next(), fields.next(), fields.next()) {
        (Some(Some(coarse)), Some(Some(fine)), Some(Some(finest))) => (coarse, fine, finest),
        _ => UNKNOWN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clusters_file_is_sorted_by_word_for_binary_search() {
        let lines: Vec<&str> = cluster_lines().lines().collect();
        assert!(lines.len() > 1000);
        assert!(lines.iter().all(|l| l.contains('\t')));
        assert!(lines.is_sorted_by(|a, b| word_of(a) < word_of(b)));
        for line in [lines[0], lines[lines.len() / 3], lines[lines.len() - 1]] {
            assert_eq!(cluster_line(word_of(line)), Some(line));
        }
        let accented = lines
            .iter()
            .find(|l| !l.is_ascii())
            .expect("a word with accents");
        assert_eq!(cluster_line(word_of(accented)), Some(*accented));
        assert_eq!(cluster_line("not-a-word-anyone-writes"), None);
        assert_eq!(cluster_line(""), None);
    }
}
