//! Labels to names: the spans of a labelled sentence, after taking out
//! the words the model sometimes carries into a name that no name holds.

use std::ops::Range;

use super::model::{is_inside, kind_of, OUTSIDE};
use super::{NameLabel, Tagged};
use crate::analyze::names::{is_letters_after_a_name, particle_prefixed};
use crate::analyze::wordlists::is_name_particle;

/// Labels `OUTSIDE` the words of `words` that cannot be part of the name
/// the model put them in: stray brackets, lower-case words inside a
/// person's name, and the letters after one (`MP`). `labels` holds one
/// label per word.
pub(super) fn without_stray_words(words: &[&str], labels: &mut [usize]) {
    debug_assert_eq!(words.len(), labels.len());
    outside_brackets(words, labels);
    outside_person_names(words, labels);
    outside_letters_after_names(words, labels);
}

/// Takes the letters after a person's name of two words or more out of it
/// (`Paul Boateng MP`, `Ann Lee CEO`), as the name finder does.
fn outside_letters_after_names(words: &[&str], labels: &mut [usize]) {
    let person = |label: usize| NameLabel::of_kind(kind_of(label)) == Some(NameLabel::Person);
    for i in 2..words.len() {
        let last = labels
            .get(i + 1)
            .is_none_or(|&next| !(is_inside(next) && kind_of(next) == kind_of(labels[i])));
        let after_a_name =
            is_inside(labels[i]) && is_inside(labels[i - 1]) && person(labels[i - 2]);
        if person(labels[i]) && after_a_name && last && is_letters_after_a_name(words[i]) {
            labels[i] = OUTSIDE;
        }
    }
}

/// Takes lower-case words out of people's names, but for particles (`de`,
/// `bin`, `al-Haddad`, `d'Ormesson`): the model read `Reed let Lind speak
/// first` as one person, who then stood for both in the article.
fn outside_person_names(words: &[&str], labels: &mut [usize]) {
    for (label, word) in labels.iter_mut().zip(words) {
        let person = NameLabel::of_kind(kind_of(*label)) == Some(NameLabel::Person);
        if person
            && word.chars().next().is_some_and(char::is_lowercase)
            && !is_name_particle(word)
            && !particle_prefixed(word)
        {
            *label = OUTSIDE;
        }
    }
}

/// Takes stray brackets out of names. The model sometimes carries a name
/// across an editor's bracket (`"We saw (Peter) Holden"`, `[Ann] Lind`),
/// which made `Peter) Holden` a spelling of its own. A
/// bracket stays inside a name only as a pair that opens after a word of
/// it (`Rovers ( Z )`, as CoNLL's football tables write a club).
fn outside_brackets(words: &[&str], labels: &mut [usize]) {
    for i in 0..words.len() {
        if labels[i] == OUTSIDE {
            continue;
        }
        let keep = match words[i] {
            "(" | "[" | "{" => {
                let close = closing_bracket(words[i]);
                i > 0
                    && labels[i - 1] != OUTSIDE
                    && (i + 1..words.len())
                        .take_while(|&j| labels[j] != OUTSIDE)
                        .any(|j| words[j] == close)
            }
            ")" | "]" | "}" => (0..i)
                .rev()
                .take_while(|&j| labels[j] != OUTSIDE)
                .any(|j| closing_bracket(words[j]) == words[i]),
            _ => true,
        };
        if !keep {
            labels[i] = OUTSIDE;
        }
    }
}

/// The bracket that closes `open`; `""` for any other token.
fn closing_bracket(open: &str) -> &'static str {
    match open {
        "(" => ")",
        "[" => "]",
        "{" => "}",
        _ => "",
    }
}

/// The names in a labelled sentence, as byte ranges.
pub fn spans(labels: &[usize], ranges: &[Range<usize>]) -> Vec<Tagged> {
    let mut found = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &label) in labels.iter().enumerate() {
        let continues = is_inside(label) && open.is_some_and(|(_, kind)| kind == kind_of(label));
        if continues {
            continue;
        }
        if let Some((start, kind)) = open.take() {
            found.extend(name(start..i, kind, ranges));
        }
        if label != OUTSIDE {
            open = Some((i, kind_of(label)));
        }
    }
    if let Some((start, kind)) = open {
        found.extend(name(start..labels.len(), kind, ranges));
    }
    found
}

fn name(tokens: Range<usize>, kind: usize, ranges: &[Range<usize>]) -> Option<Tagged> {
    Some(Tagged {
        range: ranges[tokens.start].start..ranges[tokens.end - 1].end,
        label: NameLabel::of_kind(kind)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_join_begin_and_inside_of_one_kind() {
        let ranges = vec![0..5, 6..10, 11..15, 16..20];
        // B-PER I-PER B-ORG O
        let found = spans(&[1, 2, 3, 0], &ranges);
        assert_eq!(
            found,
            [
                Tagged {
                    range: 0..10,
                    label: NameLabel::Person
                },
                Tagged {
                    range: 11..15,
                    label: NameLabel::Org
                },
            ]
        );
    }

    #[test]
    fn a_stray_bracket_leaves_the_name_and_a_pair_inside_one_stays() {
        // B-PER I-PER I-PER I-PER: `[Ann] Lind`.
        let mut labels = [1, 2, 2, 2];
        outside_brackets(&["[", "Ann", "]", "Lind"], &mut labels);
        assert_eq!(labels, [OUTSIDE, 2, OUTSIDE, 2]);
        // B-ORG I-ORG I-ORG I-ORG: a club and its town's letter.
        let mut labels = [3, 4, 4, 4];
        outside_brackets(&["Rovers", "(", "Z", ")"], &mut labels);
        assert_eq!(labels, [3, 4, 4, 4]);
    }

    /// The labels that [`without_stray_words`] leaves on `words`.
    fn cleaned<const N: usize>(words: [&str; N], mut labels: [usize; N]) -> [usize; N] {
        without_stray_words(&words, &mut labels);
        labels
    }

    #[test]
    fn a_lower_case_word_leaves_a_person_but_a_particle_stays() {
        // B-PER I-PER I-PER: `Ann let Lind`, `Omar bin Said`.
        assert_eq!(cleaned(["Ann", "let", "Lind"], [1, 2, 2]), [1, OUTSIDE, 2]);
        assert_eq!(cleaned(["Omar", "bin", "Said"], [1, 2, 2]), [1, 2, 2]);
        assert_eq!(cleaned(["Jean", "d'Ormesson"], [1, 2]), [1, 2]);
        // B-ORG I-ORG I-ORG: organisations keep theirs.
        assert_eq!(cleaned(["Bank", "of", "Lisbon"], [3, 4, 4]), [3, 4, 4]);
    }

    #[test]
    fn letters_after_a_person_leave_the_name() {
        // B-PER I-PER I-PER O: `Ann Lind MP said`.
        let labels = cleaned(["Ann", "Lind", "MP", "said"], [1, 2, 2, OUTSIDE]);
        assert_eq!(labels, [1, 2, OUTSIDE, OUTSIDE]);
        // B-PER I-PER: `Lind MP` keeps its two words; B-ORG I-ORG I-ORG:
        // `Acme Foods CEO` is the model's to read.
        assert_eq!(cleaned(["Lind", "MP"], [1, 2]), [1, 2]);
        assert_eq!(cleaned(["Acme", "Foods", "CEO"], [3, 4, 4]), [3, 4, 4]);
    }
}
