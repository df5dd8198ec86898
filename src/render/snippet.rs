//! Picks the part of a long passage worth showing: the window holding the
//! most matched words, cut at word boundaries.

use std::ops::Range;

/// The range of `text` to show in at most about `max_bytes`, chosen to hold
/// as many `highlights` as possible. Short texts are shown whole.
pub fn snippet(text: &str, highlights: &[[usize; 2]], max_bytes: usize) -> Range<usize> {
    if text.len() <= max_bytes {
        return 0..text.len();
    }
    let best_start = highlights
        .iter()
        .map(|&[start, _]| start.saturating_sub(max_bytes / 5))
        .max_by_key(|&start| {
            let covered = highlights
                .iter()
                .filter(|&&[s, e]| s >= start && e <= start + max_bytes)
                .count();
            (covered, std::cmp::Reverse(start))
        })
        .unwrap_or(0);
    let start = word_start_at_or_after(text, best_start);
    let end = word_end_at_or_before(text, (start + max_bytes).min(text.len()));
    start..end.max(start)
}

fn word_start_at_or_after(text: &str, at: usize) -> usize {
    if at == 0 {
        return 0;
    }
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    match text[at..].find(char::is_whitespace) {
        Some(space) => at + space + 1,
        None => at,
    }
}

fn word_end_at_or_before(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let mut at = at;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text[..at].rfind(char::is_whitespace).unwrap_or(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_whole() {
        assert_eq!(snippet("short text", &[], 100), 0..10);
    }

    #[test]
    fn the_window_holds_the_matches_and_cuts_at_words() {
        let text = format!(
            "{} needle here {}",
            "filler ".repeat(100),
            "tail ".repeat(100)
        );
        let at = text.find("needle").unwrap();
        let window = snippet(&text, &[[at, at + 6]], 120);
        assert!(window.start <= at && window.end >= at + 6);
        assert!(window.len() <= 120);
        assert!(
            text[window.clone()].starts_with("filler")
                || text[window.clone()].starts_with("needle")
        );
        assert!(!text[window].ends_with(' '));
    }
}
