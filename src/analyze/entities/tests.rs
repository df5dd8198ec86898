//! Unit tests of `entities.rs`, kept apart so that the module reads as code.

use super::aliases::republic_of;
use super::found::pair_of_places;
use super::*;
use crate::analyze::analyze;
use crate::ingest::{parse, Format};

/// (text as written, entity, kind) of every mention in `text`.
pub(in crate::analyze) fn tagged(text: &str) -> Vec<(String, String, &'static str)> {
    let article = parse(text.as_bytes(), "a.txt", Format::Text)
        .articles
        .remove(0);
    let analysis = analyze(article);
    analysis
        .passages
        .iter()
        .flat_map(|p| &p.mentions)
        .map(|m| {
            let written = analysis.article.text(m.range.clone()).to_owned();
            (written, m.entity.clone(), m.kind.as_str())
        })
        .collect()
}

/// Asserts that each (text as written, kind) is among `tags`.
fn assert_has(tags: &[(String, String, &str)], expect: &[(&str, &str)]) {
    for (written, kind) in expect {
        assert!(has(tags, written, kind), "{written} as {kind}: {tags:?}");
    }
}

pub(in crate::analyze) fn has(tags: &[(String, String, &str)], written: &str, kind: &str) -> bool {
    tags.iter().any(|(w, _, k)| w == written && *k == kind)
}

#[test]
fn a_surname_alone_is_the_person_named_in_full_before() {
    let tags = tagged(
        "Results\n\nHillary Clinton spoke in Ohio on Monday. Later, Clinton \
         flew to Washington.\n",
    );
    assert_has(&tags, &[("Hillary Clinton", "person"), ("Ohio", "place")]);
    let clinton = tags.iter().find(|(w, _, _)| w == "Clinton");
    assert_eq!(
        clinton.map(|(_, entity, kind)| (entity.as_str(), *kind)),
        Some(("Hillary Clinton", "person")),
        "{tags:?}"
    );
    assert!(!tags.iter().any(|(w, _, _)| w == "Later"), "{tags:?}");
}

#[test]
fn names_joined_by_an_ampersand_are_one_organisation() {
    let tags = tagged(
        "Prices\n\n\"We are seeing evidence that inflation is moving higher,\" said \
         Ken Kim, an analyst at Stone & McCarthy Research.\n",
    );
    assert!(has(&tags, "Stone & McCarthy Research", "org"), "{tags:?}");
    let tags = tagged("Comedy\n\nThe show starring Matt Lucas & David Walliams returned.\n");
    assert!(
        !tags.iter().any(|(w, _, _)| w.contains('&')),
        "two people stay two: {tags:?}"
    );
}

#[test]
fn a_likeness_is_no_part_of_the_name() {
    let tags = tagged("Visit\n\nMany on China’s Twitter-like Weibo applauded the guest's grace.\n");
    assert!(tags.iter().any(|(w, _, _)| w == "Weibo"), "{tags:?}");
    assert!(!tags.iter().any(|(w, _, _)| w.contains("like")), "{tags:?}");
}

#[test]
fn lists_of_names_count_even_in_a_line_without_lower_case() {
    let tags = tagged("Scorers\n\nRomania - Cosmin Contra ( 31st ) , Mihai Tararache ( 75th )\n");
    assert_has(
        &tags,
        &[("Cosmin Contra", "person"), ("Mihai Tararache", "person")],
    );
}

#[test]
fn descriptions_days_and_events_stay_out_of_names() {
    let tags = tagged(
        "Report\n\nThe American Dennis Mitchell beat A. Okafor on Friday at the \
         Hong Kong Open, and Coach Berti Vogts watched. South Koreans cheered.\n",
    );
    assert_has(
        &tags,
        &[
            ("Dennis Mitchell", "person"),
            ("A. Okafor", "person"),
            ("Berti Vogts", "person"),
        ],
    );
    let written: Vec<&str> = tags.iter().map(|(w, _, _)| w.as_str()).collect();
    assert!(
        !written
            .iter()
            .any(|w| w.contains("Open") || w.contains("Korean")),
        "{tags:?}"
    );
}

#[test]
fn a_bracketed_acronym_must_match_the_name() {
    let tags = tagged("Results\n\nTim Okafor ( U.S. ) beat Doug Flachs ( Canada ) 6-3.\n");
    assert_has(&tags, &[("Tim Okafor", "person"), ("U.S.", "place")]);
}

#[test]
fn an_acronym_after_or_must_match_the_name_too() {
    let tags = tagged(
        "Deals\n\nThe Committee on Foreign Investment in the United States, or CFIUS, \
         reviews deals. CFIUS cleared one in the United States.\n",
    );
    let of = |written: &str| {
        tags.iter()
            .find(|(w, _, _)| w == written)
            .map(|t| t.1.clone())
    };
    assert_ne!(of("CFIUS"), of("United States"), "{tags:?}");
}

#[test]
fn a_name_after_or_that_does_not_close_its_clause_ends_a_list() {
    let tags = tagged(
        "Orders

He could be sent to Laos, China, the Soviet Union, or Europe to fight.          The Pacific Rim Trade Council, or Pactrade, met.
",
    );
    let entity = |written: &str| {
        tags.iter()
            .find(|(w, _, _)| w == written)
            .map(|t| t.1.as_str())
    };
    assert_eq!(entity("Europe"), Some("Europe"), "{tags:?}");
    assert_eq!(
        entity("Pactrade"),
        Some("Pacific Rim Trade Council"),
        "{tags:?}"
    );
}

#[test]
fn spelling_skeletons_join_transliterations_and_british_spelling() {
    assert_eq!(skeleton("Jama’at Nasr"), skeleton("Jamaat Nasr"));
    assert_eq!(
        skeleton("Jamaet Sayf al-Nawras"),
        skeleton("Jamaat Sayf al-Nawras")
    );
    assert_eq!(
        skeleton("National Stabilisation Council"),
        skeleton("National Stabilization Council")
    );
    assert_ne!(skeleton("Iran"), skeleton("Iraq"));
}

#[test]
fn an_acronym_spells_every_word_of_its_name_in_order() {
    assert!(abbreviates("ISIS", "Islamic State"));
    assert!(abbreviates(
        "CFIUS",
        "Committee on Foreign Investment in the United States"
    ));
    assert!(abbreviates(
        "OECD",
        "Organisation for Economic Co-operation and Development"
    ));
    assert!(!abbreviates("AP", "Australia"));
    assert!(!abbreviates("EEA", "European Union"));
    assert!(!abbreviates("US", "Doug Flach"));
}

#[test]
fn a_bracketed_acronym_takes_the_adjective_its_letters_spell_and_keys_keep_acronyms_apart() {
    let tags = tagged(
        "Deal\n\nThe deal does no harm in the European Economic Area (EEA), the 25 \
         European Union (EU) states, or in Orange County, California, or Loudoun County, Virginia.\n",
    );
    let of = |written: &str| {
        tags.iter()
            .find(|(w, _, _)| w == written)
            .map(|t| t.1.clone())
    };
    assert_eq!(
        of("EEA").as_deref(),
        Some("European Economic Area"),
        "{tags:?}"
    );
    assert_ne!(of("EEA"), of("EU"), "{tags:?}");
    assert_ne!(of("Loudoun County"), of("California"), "{tags:?}");
}

#[test]
fn initials_skip_joining_words() {
    assert_eq!(initials("Kurdistan Region of Iraq"), "KRI");
    assert_eq!(initials("Islamic Revolutionary Guard Corps"), "IRGC");
    assert!(is_acronym("NSC") && is_acronym("U.S.") && !is_acronym("Hamas"));
}

#[test]
fn places_come_from_the_list() {
    assert!(is_known_place("Baghdad") && is_known_place("iraq") && is_known_place("Middle East"));
    assert!(!is_known_place("Nasr"));
    assert_eq!(republic_of("Islamic Republic of Iran"), Some("Iran"));
    assert_eq!(republic_of("People's Republic of China"), Some("China"));
    assert_eq!(republic_of("Republic of China"), None);
    assert_eq!(republic_of("Republic of Vietnam"), None);
    assert_eq!(republic_of("Republic of Georgia"), None);
    assert_eq!(republic_of("Republic of Iraq"), Some("Iraq"));
    assert_eq!(republic_of("Democratic People's Republic of Korea"), None);
    assert_eq!(republic_of("Kingdom of Jordan"), Some("Jordan"));
    assert_eq!(pair_of_places("Cairo-Tehran"), Some(("Cairo", "Tehran")));
    assert_eq!(pair_of_places("Guinea-Bissau"), None);
    assert_eq!(pair_of_places("Cairo-Nasr"), None);
}

#[test]
fn an_organisation_named_by_its_head_word_is_the_one_longer_name() {
    let tags = tagged(
        "Talks\n\nThe Northern Fisheries Alliance met in Oslo on Monday. \
         Quotas will fall, the Alliance said on Tuesday.\n",
    );
    let alliance = tags.iter().find(|(written, _, _)| written == "Alliance");
    assert_eq!(
        alliance.map(|(_, entity, _)| entity.as_str()),
        Some("Northern Fisheries Alliance"),
        "{tags:?}"
    );
}

#[test]
fn two_places_joined_by_a_hyphen_are_two_mentions() {
    let tags = tagged("Talks\n\nThe rift risks a breakdown in Cairo-Tehran relations.\n");
    assert_has(&tags, &[("Cairo", "place"), ("Tehran", "place")]);
    assert!(!tags.iter().any(|(w, _, _)| w.contains('-')), "{tags:?}");
}

#[test]
fn a_name_before_a_made_thing_is_no_person() {
    let tags = tagged(
        "Arms\n\nThe group fired Zelzal cruise missiles and the new \u{201c}Fajr\u{201d} \
         short-range rocket, Ahmad Vahidi said.\n",
    );
    assert!(has(&tags, "Ahmad Vahidi", "person"), "{tags:?}");
    assert!(
        !tags
            .iter()
            .any(|(w, _, k)| (w == "Zelzal" || w == "Fajr") && *k == "person"),
        "{tags:?}"
    );
}

#[test]
fn a_name_headed_by_a_noun_for_a_text_names_the_text() {
    let tags = tagged(
        "Trade\n\nThe Arms Export Control Act and the Treaty of Rome bind Norway, \
         the Nordic Council said under the U.N. Charter. Jude Law, who studied at \
         the Harvard School of Law, agreed.\n",
    );
    assert_has(&tags, &[("Norway", "place"), ("Jude Law", "person")]);
    for text in ["Arms Export Control Act", "Treaty of Rome", "U.N. Charter"] {
        assert!(!tags.iter().any(|(w, _, _)| w == text), "{text}: {tags:?}");
    }
}

#[test]
fn a_company_cut_at_and_before_its_suffix_is_one_organisation() {
    let tags = tagged(
        "Ratings\n\nStandard and Poor's Corp cut the rating. Procter and Gamble Co agreed. \
         Shares of Apple Inc and Alphabet Inc rose. Digital Equipment Corp and Systems \
         Industries Inc said they settled. Talks between Ford and General Motors Corp ended.\n",
    );
    assert_has(
        &tags,
        &[
            ("Apple Inc", "org"),
            ("Alphabet Inc", "org"),
            ("Systems Industries Inc", "org"),
            ("General Motors Corp", "org"),
            ("Standard and Poor's Corp", "org"),
            ("Procter and Gamble Co", "org"),
        ],
    );
}

#[test]
fn a_name_after_an_honorific_is_a_person() {
    let tags = tagged(
        "Hearing\n\nDr. Ford testified on Thursday. Dr. Ford said she was terrified. \
         Ford spoke for an hour, and Ford was questioned. Ford left.\n",
    );
    assert!(has(&tags, "Ford", "person"), "{tags:?}");
    assert!(!has(&tags, "Ford", "org"), "{tags:?}");
}

#[test]
fn initials_defined_in_the_text_take_the_kind_of_the_place_they_stand_for() {
    let found = vec![vec![
        Found::new(0..24, "Kurdistan Region of Iraq", EntityKind::Place),
        Found::new(26..29, "KRI", EntityKind::Org),
        Found::new(31..48, "Kata'ib Hezbollah", EntityKind::Person),
        Found::new(50..52, "KH", EntityKind::Org),
        Found::new(54..79, "Kenya Football Federation", EntityKind::Place),
        Found::new(81..84, "KFF", EntityKind::Org),
    ]];
    let aliases = HashMap::from([
        (name_key("KRI"), "Kurdistan Region of Iraq".to_owned()),
        (name_key("KH"), "Kata'ib Hezbollah".to_owned()),
        (name_key("KFF"), "Kenya Football Federation".to_owned()),
    ]);
    let kinds: Vec<EntityKind> = kinds_of_aliased(found, &aliases)[0]
        .iter()
        .map(|f| f.kind)
        .collect();
    // Initials are never a person's, whatever the name spelled out was
    // tagged, nor a place's when the name is an organisation's.
    use EntityKind::{Org, Person, Place};
    assert_eq!(kinds, [Place, Place, Person, Org, Place, Org]);
}

#[test]
fn a_name_with_an_organisations_word_has_no_surname() {
    let tags = tagged(
        "Results\n\nThe campaign against Hezbollah and Hamas went on. In Baghdad, \
         Kata'ib Hezbollah said it would respond.\n",
    );
    for (written, entity, _) in tags.iter().filter(|(w, _, _)| w == "Hezbollah") {
        assert_eq!(entity, written, "{tags:?}");
    }
}
