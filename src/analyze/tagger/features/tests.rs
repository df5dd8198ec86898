//! Unit tests of `features.rs`, kept apart so that the module reads as code.

use super::*;

#[test]
fn shapes_class_characters_and_cap_runs() {
    assert_eq!(shape("Clinton", false), xxh3_64(b"Xxxxx"));
    assert_eq!(shape("U.S.", false), xxh3_64(b"X.X."));
    assert_eq!(shape("1996-08-30", true), xxh3_64(b"d-d-d"));
}

#[test]
fn headlines_in_capitals_are_shouted() {
    assert!(is_shouted(&["TRUMP", "SAYS", "TALKS", "GO", "ON"]));
    assert!(is_shouted(&[
        "Militias", "Target", "US", "Bases", "in", "Syria"
    ]));
    assert!(!is_shouted(&["Trump", "says", "the", "EU", "waits"]));
}

#[test]
fn headline_words_take_their_running_case() {
    let mut lower = String::new();
    assert_eq!(running_case("Target", &mut lower), "target");
    assert_eq!(running_case("SAYS", &mut lower), "says");
    assert_eq!(running_case("Israel", &mut lower), "Israel");
}

#[test]
fn known_places_mark_their_first_and_later_words() {
    let words = ["in", "New", "York", "and", "Paris"];
    let mut lower = String::new();
    let known: Vec<Word> = words.iter().map(|w| Word::of(w, &mut lower)).collect();
    assert_eq!(place_positions(&words, &known), [0, 1, 2, 0, 1]);
}

#[test]
fn every_token_gets_the_same_number_of_keys_give_or_take_affixes() {
    let features = sentence_features(&["Peter", "Blackburn", "said", "."]);
    assert_eq!(features.len(), 4);
    assert!(features.iter().all(|f| f.len() > 20));
    assert_eq!(features[0].last().copied(), Some(document_feature(0)));
    assert_ne!(features[0][1], features[1][1]);
}
