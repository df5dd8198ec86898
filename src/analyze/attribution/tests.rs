//! Attribution on paragraphs written for each rule: most are in
//! `cases.txt`, the ones that check more than a speaker are here.

use super::*;
use crate::analyze::quotations::{find, Quotation};
use crate::analyze::test_cases;

fn speakers(paragraphs: &[&str]) -> Vec<(String, Option<String>, QuoteKind)> {
    let text = paragraphs.join("\n");
    let mut ranges = Vec::new();
    let mut at = 0;
    for p in paragraphs {
        ranges.push(at..at + p.len());
        at += p.len() + 1;
    }
    let quotations: Vec<Vec<Quotation>> = ranges
        .iter()
        .map(|r| {
            find(&text[r.clone()])
                .into_iter()
                .map(|q| Quotation {
                    inner: q.inner.start + r.start..q.inner.end + r.start,
                    outer: q.outer.start + r.start..q.outer.end + r.start,
                    closed: q.closed,
                })
                .collect()
        })
        .collect();
    attribute(&crate::analyze::reading::read(
        &text,
        &ranges,
        &[],
        &quotations,
    ))
    .into_iter()
    .flatten()
    .map(|q| (text[q.inner].to_owned(), q.speaker.map(|s| s.name), q.kind))
    .collect()
}

/// The speaker of the quotation starting with `quote_start`, which must
/// have been found (so that `None` means no speaker, not no quotation).
fn speaker_of(found: &[(String, Option<String>, QuoteKind)], quote_start: &str) -> Option<String> {
    let quote = found.iter().find(|(q, _, _)| q.starts_with(quote_start));
    let Some((_, speaker, _)) = quote else {
        panic!("no quotation starts with {quote_start:?} in {found:?}");
    };
    speaker.clone()
}

#[test]
fn every_case_gets_its_speakers() {
    let cases = test_cases::read(include_str!("cases.txt"));
    assert!(cases.len() >= 9 && cases.iter().all(|c| !c.expect.is_empty()));
    let mut wrong = Vec::new();
    for case in &cases {
        let found = speakers(&case.lines);
        for &(quote, speaker) in &case.expect {
            let got = speaker_of(&found, quote);
            if got.as_deref() != Some(speaker) {
                wrong.push(format!(
                    "{}: {quote:?} got {got:?}, not {speaker:?}",
                    case.name
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn whole_sentences_quoted_are_direct() {
    let found = speakers(&[
        "\"We are done,\" said Jane Roe, a lawyer for the family.",
        "Minister John Doe said, \"Nothing changes.\"",
    ]);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|(_, _, kind)| *kind == QuoteKind::Direct));
}

#[test]
fn a_place_that_ends_the_paragraph_before_is_no_speaker() {
    let found = speakers(&[
        "In his speech, Harlan said he will tell the doubters among his own \
         Republican voters in South Carolina to \"sit down.\"",
        "\"The answer is to focus on what it means to be a neighbour.\"",
    ]);
    let speaker = speaker_of(&found, "The answer");
    assert_ne!(speaker.as_deref(), Some("South Carolina"));
}

#[test]
fn brackets_that_do_not_match_in_the_sentence_end_the_search() {
    let found = speakers(&[
        "Rep. Gregory Marsh (D-N.Y.) said Ann Lee told them that all “would keep their seats.”",
    ]);
    assert_eq!(found.len(), 1);
    let found = speakers(&["Lee said) it was “fine” (really"]);
    assert_eq!(found.len(), 1);
}

#[test]
fn fragments_are_partial_and_terms_have_no_speaker() {
    let found = speakers(&[
        "The alliance, part of the so-called “Axis of Unity” bloc, held a rally.",
        "Governor Ann Lee urged the council to act “swiftly” on the matter.",
    ]);
    assert_eq!(speaker_of(&found, "Axis of Unity"), None);
    assert_eq!(speaker_of(&found, "swiftly").as_deref(), Some("Ann Lee"));
    assert!(found.iter().all(|(_, _, kind)| *kind == QuoteKind::Partial));
}

#[test]
fn a_programme_named_before_its_guest_is_no_quotation_of_the_guest() {
    let found = speakers(&[
        "Speaking on Channel Nine’s “Talk with Dana Welk,” Omar Haddad said the banks were exposed.",
        "“Like Oakland,” Omar Haddad said, “we will rebuild.”",
    ]);
    assert_eq!(speaker_of(&found, "Talk with Dana Welk"), None);
    assert_eq!(
        speaker_of(&found, "Like Oakland").as_deref(),
        Some("Omar Haddad")
    );
}

#[test]
fn who_heard_or_passed_on_the_words_is_no_speaker() {
    let found = speakers(&[
        "\"Urgency is here now,\" another government official told Reuters.",
        "A spokesman contacted by Reuters said the report was \"a rumour.\"",
        "\"It is sovereignty,\" Reuters quoted a bank official as saying.",
        "Commander Ann Kim quoted by local radio said \"this is not the first time.\"",
        "\"It went well,\" Jane Roe told Reuters.",
    ]);
    assert_eq!(speaker_of(&found, "Urgency"), None);
    assert_eq!(speaker_of(&found, "a rumour"), None);
    assert_eq!(speaker_of(&found, "It is sov"), None);
    assert_eq!(
        speaker_of(&found, "this is not").as_deref(),
        Some("Ann Kim")
    );
    assert_eq!(speaker_of(&found, "It went").as_deref(), Some("Jane Roe"));
}

#[test]
fn an_unnamed_source_is_nobody_named_before() {
    let found = speakers(&[
        "\"It will be like nothing you have seen,\" said Tom Ashgrove, a producer.",
        "\"No comment,\" an official said.",
        "\"The rates will hold,\" a senior Veldish government official said.",
        "\"We just do not know,\" said a Veldish banker.",
        "\"The rates will fall,\" the producer said.",
        "A senior dealer said: \"Nobody is buying.\"",
        "\"We can support things,\" said one Veldish broker.",
    ]);
    assert_eq!(speaker_of(&found, "We can support"), None);
    assert_eq!(speaker_of(&found, "Nobody is buying"), None);
    assert_eq!(speaker_of(&found, "No comment"), None);
    assert_eq!(speaker_of(&found, "The rates will hold"), None);
    assert_eq!(speaker_of(&found, "We just do not"), None);
    assert_eq!(
        speaker_of(&found, "The rates will fall").as_deref(),
        Some("Tom Ashgrove")
    );
}

#[test]
fn an_unnamed_subject_is_nobody_named_before() {
    let found = speakers(&[
        "Senior official Tom Ashgrove said the Veldish offer stood.",
        "\"The offer stands,\" Ashgrove's office said in a statement.",
        "One official who took part in the talks this week described them as \"calm and factual.\"",
        "Chief dealer Ivo Brandt said prices fell.",
        "\"The market is asleep,\" a dealer with a Veldish bank commented.",
    ]);
    assert_eq!(speaker_of(&found, "calm and"), None);
    assert_eq!(speaker_of(&found, "The market"), None);
    assert_eq!(
        speaker_of(&found, "The offer").as_deref(),
        Some("Tom Ashgrove")
    );
}

#[test]
fn a_peoples_adjective_before_a_noun_is_nobody() {
    let found = speakers(&[
        "\"Talks are over,\" the Greek statement said.",
        "Nora Quill spoke first. \"Prices will rise,\" one Japanese refiner said.",
        "Then Marco Cuban spoke. \"We will wait,\" a Mexican staffer in the room said.",
        "Cuban also complained that the rules were \"black and white.\"",
    ]);
    assert_eq!(speaker_of(&found, "Prices will"), None);
    assert_eq!(speaker_of(&found, "We will wait"), None);
    assert_eq!(speaker_of(&found, "Talks are over"), None);
    assert_eq!(
        speaker_of(&found, "black and").as_deref(),
        Some("Marco Cuban")
    );
}

#[test]
fn a_description_gives_way_to_the_name_set_off_after_it() {
    let found = speakers(&[
        "A top adviser, Nora Quill, tells reporters the result will \"settle the race.\"",
        "A senior aide, Mark Dillon, said: \"We will win.\"",
    ]);
    assert_eq!(
        speaker_of(&found, "settle the").as_deref(),
        Some("Nora Quill")
    );
    assert_eq!(
        speaker_of(&found, "We will win").as_deref(),
        Some("Mark Dillon")
    );
}

#[test]
fn a_spokesperson_speaks_for_the_name_before_the_role() {
    let found = speakers(&[
        "\"The track is safe,\" an ORVA spokesman said.",
        "A Harbour Watch spokeswoman said: \"The ferry is late again.\"",
    ]);
    assert_eq!(speaker_of(&found, "The track").as_deref(), Some("ORVA"));
    assert_eq!(
        speaker_of(&found, "The ferry").as_deref(),
        Some("Harbour Watch")
    );
}
