//! Finds quotations: spans of text between quotation marks.
//!
//! Real copy mixes straight and curly marks and even pairs them wrongly
//! (`"strong reactions”`), so a mark's role comes from where it stands, not
//! from its shape alone: a mark at the start of a word opens, a mark at the
//! end of a word closes. Single marks quote only inside a double quotation
//! (`'new Syria'`), since elsewhere they are apostrophes.

use std::ops::Range;

/// A quotation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted text, without its marks.
    pub inner: Range<usize>,
    /// The quoted text with its marks.
    pub outer: Range<usize>,
    /// False when the text ended before a closing mark (a quotation that
    /// runs on into the next paragraph, or a stray mark).
    pub closed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

const DOUBLE_MARKS: [char; 6] = ['"', '“', '”', '„', '«', '»'];

/// The double-quoted spans of `text`, outermost only, in order.
pub fn find(text: &str) -> Vec<Quotation> {
    let mut quotations = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (at, mark) in text
        .char_indices()
        .filter(|(_, c)| DOUBLE_MARKS.contains(c))
    {
        let after = at + mark.len_utf8();
        match (role(text, at, mark), open) {
            (Role::Open, None) => open = Some((at, after)),
            (Role::Close, Some((start, inner_start))) => {
                quotations.push(Quotation {
                    inner: inner_start..at,
                    outer: start..after,
                    closed: true,
                });
                open = None;
            }
            // A second opening mark while one is open: the first never closed
            // (news style reopens a quotation in each paragraph it spans).
            (Role::Open, Some(_)) => open = Some((at, after)),
            (Role::Close, None) => {}
        }
    }
    if let Some((start, inner_start)) = open {
        let end = text.trim_end().len().max(inner_start);
        if text[inner_start..end].chars().any(char::is_alphanumeric) {
            quotations.push(Quotation {
                inner: inner_start..end,
                outer: start..end,
                closed: false,
            });
        }
    }
    quotations.retain(|q| text[q.inner.clone()].chars().any(char::is_alphanumeric));
    quotations
}

/// Whether the mark at `at` opens or closes a quotation.
fn role(text: &str, at: usize, mark: char) -> Role {
    let before = text[..at].chars().next_back();
    let after = text[at + mark.len_utf8()..].chars().next();
    // `like, 'Oh, this is important,' " Magel said`: a single mark and a
    // space before the double one close both.
    let closes_inner = text[..at].trim_end_matches(' ').ends_with(['\'', '’']);
    let space_before =
        !closes_inner && before.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    let space_after = after.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–".contains(c));
    match (space_before, space_after) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        // Glued on both sides or free on both: trust the shape of the mark.
        _ if matches!(mark, '“' | '„' | '«') => Role::Open,
        _ if matches!(mark, '”' | '»') => Role::Close,
        (false, false) => Role::Close,
        (true, true) => Role::Open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|q| &text[q.inner]).collect()
    }

    #[test]
    fn curly_and_straight_marks_and_mismatched_pairs() {
        assert_eq!(inner("said “yes” and \"no\""), ["yes", "no"]);
        assert_eq!(
            inner("called for \"strong reactions” by"),
            ["strong reactions"]
        );
        assert_eq!(
            inner("as well as “clear messages to Iraq.\""),
            ["clear messages to Iraq."]
        );
    }

    #[test]
    fn inner_single_quotes_stay_inside() {
        assert_eq!(
            inner("suggested that \"Iraq is moving towards the 'new Syria'.\""),
            ["Iraq is moving towards the 'new Syria'."]
        );
    }

    #[test]
    fn a_single_mark_and_a_space_close_both() {
        assert_eq!(
            inner("\"treat it like, 'Oh, this is important,' \" Magel said. \"But you\""),
            ["treat it like, 'Oh, this is important,' ", "But you"]
        );
    }

    #[test]
    fn an_unclosed_quotation_runs_to_the_end() {
        let found = find("\"Iraq does not possess enough. However, there is more.");
        assert_eq!(found.len(), 1);
        assert!(!found[0].closed);
    }

    #[test]
    fn marks_of_inches_and_empty_quotes_are_not_quotations() {
        assert!(inner("a 5\" screen").is_empty());
        assert!(inner("an empty \"\" pair").is_empty());
    }
}
