//! Attribution on paragraphs written for each rule.

use super::*;
use crate::analyze::quotations::{find, Quotation};

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

fn speaker_of(found: &[(String, Option<String>, QuoteKind)], quote_start: &str) -> Option<String> {
    found
        .iter()
        .find(|(q, _, _)| q.starts_with(quote_start))
        .and_then(|(_, s, _)| s.clone())
}

/// Each (start of a quotation, its speaker) holds in `found`.
fn assert_speakers(found: &[(String, Option<String>, QuoteKind)], expect: &[(&str, &str)]) {
    for (quote, speaker) in expect {
        assert_eq!(
            speaker_of(found, quote).as_deref(),
            Some(*speaker),
            "{quote}: {found:?}"
        );
    }
}

#[test]
fn verbs_after_and_before_with_appositions() {
    let found = speakers(&[
        "\"We are done,\" said Jane Roe, a lawyer for the family.",
        "Minister John Doe, head of the finance ministry, said, \"Nothing changes.\"",
        "\"Prices will fall,\" Doe told reporters.",
    ]);
    assert_eq!(
        speaker_of(&found, "We are done").as_deref(),
        Some("Jane Roe")
    );
    assert_eq!(
        speaker_of(&found, "Nothing changes").as_deref(),
        Some("John Doe")
    );
    assert_eq!(speaker_of(&found, "Prices").as_deref(), Some("John Doe"));
    assert!(found.iter().all(|(_, _, kind)| *kind == QuoteKind::Direct));
}

#[test]
fn pronouns_descriptions_and_continuations() {
    let found = speakers(&[
        "Senior researcher Omar Haddad, an economist at the Central Institute, warned of a crash.",
        "He added, \"The banks are exposed.\"",
        "A study by the Central Institute found losses. \"The figures are stark,\" the study said.",
        "Deputy Foreign Minister Lena Park spoke next. The deputy FM stressed that \"talks must go on.\"",
        "\"We will not wait forever.\"",
    ]);
    assert_eq!(
        speaker_of(&found, "The banks").as_deref(),
        Some("Omar Haddad")
    );
    assert_eq!(
        speaker_of(&found, "The figures").as_deref(),
        Some("Central Institute")
    );
    assert_eq!(
        speaker_of(&found, "talks must").as_deref(),
        Some("Lena Park")
    );
    assert_eq!(
        speaker_of(&found, "We will not").as_deref(),
        Some("Lena Park")
    );
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
fn clause_ends_conjunctions_according_to_and_sentences_before() {
    let found = speakers(&[
        "Governor Tom Reilly said Lopez \"misled voters.\" Mayor Ann Kim called Reilly \"timid.\"",
        "Maria Lopez accused Reilly of \"hiding the costs\" and Kim says he is \"out of touch.\"",
        "According to Daniel Ortiz, \"The budget is short by a third.\"",
        "\"This is fantastic!\" beamed Carla Mendes, a delegate.",
        "Ortiz defended the audit at length. \"We stand by every figure.\"",
        "Both issued a statement, Tom Reilly saying he was \"encouraged\" and Ann Kim calling it \"a start.\"",
        "Reilly, however, interjected by blaming Kim for \"years of delay\" in the council.",
    ]);
    let expect = [
        ("misled voters", "Tom Reilly"),
        ("timid", "Ann Kim"),
        ("hiding the costs", "Maria Lopez"),
        ("out of touch", "Ann Kim"),
        ("The budget is short", "Daniel Ortiz"),
        ("This is fantastic", "Carla Mendes"),
        ("We stand by every figure", "Daniel Ortiz"),
        ("encouraged", "Tom Reilly"),
        ("a start", "Ann Kim"),
        ("years of delay", "Tom Reilly"),
    ];
    assert_speakers(&found, &expect);
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
fn colons_bylines_possessives_and_closing_attributions() {
    let found = speakers(&[
        "As Senator Ruth Ames put it: \"This bill will not pass.\"",
        "When Ames spoke, Governor Paul Dorn fired back: \"It will pass by June.\"",
        "Dorn continued:",
        "\"We have the votes.\"",
        "\"Taxes are theft.\"",
        "- Karl Benton.",
        "Mayor Lisa Crane's \"war on cars\" remark angered drivers.",
        "The plan \"has no chance in the Senate,\" as Ames knows, Dorn added.",
    ]);
    let expect = [
        ("This bill", "Ruth Ames"),
        ("It will pass", "Paul Dorn"),
        ("We have the votes", "Paul Dorn"),
        ("Taxes are theft", "Karl Benton"),
        ("war on cars", "Lisa Crane"),
        ("has no chance", "Paul Dorn"),
    ];
    assert_speakers(&found, &expect);
}

#[test]
fn titled_names_end_before_their_place_and_full_stops_end_sentences() {
    let found = speakers(&[
        "\"We should vote on it,\" said Sen. Tom Harlow of Delaware. \"There is a fair compromise.\"",
        "\"Go home,\" Dan Moss shot back.",
        "\"It is sad,\" Dan Moss told reporters. \"It is the culture.\" Gov. Ann Kim said she would act.",
        "\"We won,\" Maria Lopez said of the Republican front-runner.",
        "\"The winner was the moderator,\" said Jon Petra of Harbor News California.",
        "Speaker Paul D. Rennet of Wisconsin lamented the \"weary\" state of the party.",
        "Ann Kim said that she called Dan Moss to praise what she called \"a fine campaign.\"",
        "Stacy Barker of Columbia, South Carolina says Ruiz will keep \"building what he is building.\"",
        "Critics noted Ann Kim privately saying \"pray for him\" in response.",
        "Bill Marlow stated that the audit \"was not thorough.\" Adding, \"It is always how they count it.\"",
        "Corey Lindqvist went on, taking to Twitter to call Farris \"plainly confused\" for it.",
        "In a statement, Brian Falk, a spokesman for the campaign, said: \"We have complied.\"",
        "Sen. Marco Riva said that once the Senate goes on recess, \"I intend to campaign.\"",
    ]);
    let expect = [
        ("We should vote", "Tom Harlow"),
        ("There is a fair", "Tom Harlow"),
        ("Go home", "Dan Moss"),
        ("It is the culture", "Dan Moss"),
        ("We won", "Maria Lopez"),
        ("The winner", "Jon Petra"),
        ("weary", "Paul D. Rennet"),
        ("a fine campaign", "Ann Kim"),
        ("building what", "Stacy Barker"),
        ("pray for him", "Ann Kim"),
        ("It is always", "Bill Marlow"),
        ("plainly confused", "Corey Lindqvist"),
        ("We have complied", "Brian Falk"),
        ("I intend to campaign", "Marco Riva"),
    ];
    assert_speakers(&found, &expect);
}

#[test]
fn titles_of_shows_and_verbs_after_a_fragment_leave_the_speaker_named_before() {
    let found = speakers(&[
        "On \"Morning Ledger,\" Sen. Dana Welk (Vt.), who lost the runoff to Ortiz, named the tariffs as a cause. \"Farmers have carried this for years.\"",
        "Nina Vorel, the city attorney, wrote in a memo that the flyer “plainly and falsely” implies that Ostrava endorses the plan.",
        "The board may hold off while Treasurer Lee Park  reviews the bids, Tilden said. \"Timing matters ... do we rush it? I would not.\"",
        "“The budget is a fiction,” writes Kevin D. Willard, an analyst at the institute. Willard mocks what he calls the “cosmetic” “cuts” of the plan.",
    ]);
    let expect = [
        ("Farmers have carried", "Dana Welk"),
        ("plainly", "Nina Vorel"),
        ("Timing matters", "Tilden"),
        ("cosmetic", "Kevin D. Willard"),
        ("cuts", "Kevin D. Willard"),
    ];
    assert_speakers(&found, &expect);
}

#[test]
fn nouns_of_speech_after_a_name_and_datelines_name_no_speaker() {
    let found = speakers(&[
        "Nora Quill later posted a Twitter comment of her own, saying, “The bridge opens in May!”",
        "Dallin says his “old ally” Tom Verity ran “a tidy and honest ministry.”",
        "Boston (AFP) – Mayor Nora Quill has criticised the council’s budget, saying that “wishful numbers” will not balance it.",
        "The delay would mean a \"long winter\" for the port, forcing it to borrow twice, said Brad Dunmore, a shipping analyst and consultant.",
        "“The levy is a trespass, in our view, on county powers,” Scott Pruell, the attorney general of Ostland, one of the counties suing the state, said at a hearing.",
        "The vote marks \"a turning point\" for the coalition, said Geert Wildman, leader of the Harbour Party.",
        "Writing the novel, Butler said, let him “hear the sea again,” at last.",
        "“We will keep the base open,” the Pentagon said.",
    ]);
    let expect = [
        ("The bridge opens", "Nora Quill"),
        ("old ally", "Dallin"),
        ("a tidy and honest", "Dallin"),
        ("wishful numbers", "Nora Quill"),
        ("long winter", "Brad Dunmore"),
        ("hear the sea", "Butler"),
        ("The levy is a trespass", "Scott Pruell"),
        ("a turning point", "Geert Wildman"),
        ("We will keep", "Pentagon"),
    ];
    assert_speakers(&found, &expect);
}

#[test]
fn honorific_after_the_quotation_names_its_speaker() {
    let found = speakers(&[
        "John King, a lawyer, spoke first.",
        "Mr. King and Mr. Varga are also taking part in \"Open Doors Day,\" a fair on June 3 that Mr. Varga began. \"It is about getting people in,\" Mr. King added.",
    ]);
    assert_speakers(&found, &[("It is about getting", "John King")]);
}

#[test]
fn a_speaker_of_a_publication_or_with_an_apposition_before_a_colon() {
    let found = speakers(&[
        "George Zorn of The Courier wrote, “Nobody on the council read the report.”",
        "Jeff Bechtel, chairman of Harbour Watch (a residents’ group), tweeted: “The ferry is late again.”",
    ]);
    let expect = [
        ("Nobody on the council", "George Zorn"),
        ("The ferry is late", "Jeff Bechtel"),
    ];
    assert_speakers(&found, &expect);
}
