use super::*;

/// Names from a table, one a line: its source, the articles that name it,
/// and the name (`person 500 Donald Trump`); `#` starts a comment.
fn names(table: &str) -> Vec<Name> {
    table
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let mut parts = line.splitn(3, ' ');
            let mut part = || parts.next().expect("source, articles and name");
            let source = match part() {
                "person" => Source::Person,
                "org" => Source::Org,
                "place" => Source::Place,
                "speaker" => Source::Speaker,
                other => panic!("no source {other}"),
            };
            let articles = part().parse().expect("a count of articles");
            name(source, part(), articles)
        })
        .collect()
}

fn name(source: Source, value: &str, articles: u64) -> Name {
    Name {
        source,
        value: value.to_owned(),
        passages: articles * 2,
        articles,
        spellings: vec![(
            value.to_owned(),
            Usage {
                articles,
                passages: articles * 2,
            },
        )],
    }
}

/// The groups as (kind, canonical name, member values), for comparing.
fn grouped(names: &[Name]) -> Vec<(&'static str, String, Vec<String>)> {
    resolve(names)
        .into_iter()
        .map(|g| {
            let mut values: Vec<String> =
                g.members.iter().map(|&i| names[i].value.clone()).collect();
            values.sort();
            (g.kind.as_str(), g.name, values)
        })
        .collect()
}

fn group_of<'a>(
    groups: &'a [(&'static str, String, Vec<String>)],
    value: &str,
) -> &'a (&'static str, String, Vec<String>) {
    groups
        .iter()
        .find(|g| g.2.iter().any(|v| v == value))
        .expect("every name is in a group")
}

/// Asserts that each (name, canonical name) is so grouped.
fn assert_canonical(groups: &[(&'static str, String, Vec<String>)], expect: &[(&str, &str)]) {
    for (value, canonical) in expect {
        assert_eq!(group_of(groups, value).1, *canonical, "{value}");
    }
}

/// Asserts that each (name, kind) is so grouped.
fn assert_kinds(groups: &[(&'static str, String, Vec<String>)], expect: &[(&str, &str)]) {
    for (value, kind) in expect {
        assert_eq!(group_of(groups, value).0, *kind, "{value}");
    }
}

/// Asserts that two names are in one group.
fn assert_together(groups: &[(&'static str, String, Vec<String>)], a: &str, b: &str) {
    assert_eq!(group_of(groups, a), group_of(groups, b), "{a} and {b}");
}

/// Asserts that each name is a group of its own.
fn assert_alone(groups: &[(&'static str, String, Vec<String>)], values: &[&str]) {
    for value in values {
        assert_eq!(group_of(groups, value).2, [*value], "{value}");
    }
}

#[test]
fn a_surname_joins_the_dominant_full_name_and_the_kind_is_voted() {
    let names = names(
        "person 500 Donald Trump
        person 70 Donald J. Trump
        person 300 Trump
        org 20 Trump
        person 10 Ivanka Trump
        person 10 George W. Bush
        person 10 George H. W. Bush
        speaker 40 Trump",
    );
    let groups = grouped(&names);
    let trump = group_of(&groups, "Trump");
    assert_eq!(trump.0, "person");
    assert_eq!(trump.1, "Donald Trump");
    assert!(trump.2.contains(&"Donald J. Trump".to_owned()));
    assert_eq!(trump.2.iter().filter(|v| *v == "Trump").count(), 3);
    assert_alone(&groups, &["Ivanka Trump", "George W. Bush"]);
}

#[test]
fn a_surname_shared_by_two_known_people_stays_apart() {
    let names = names(
        "person 300 Hillary Clinton
        person 200 Bill Clinton
        person 100 Clinton
        person 5 Mrs. Clinton
        person 30 Hillary
        person 9 Crooked Hillary
        person 3 Edmund Hillary
        person 3 Bill
        person 200 Bill Gates",
    );
    let groups = grouped(&names);
    assert_eq!(groups.len(), 8);
    assert_eq!(group_of(&groups, "Hillary").1, "Hillary Clinton");
    assert_alone(&groups, &["Bill", "Clinton"]);
    // A woman's honorific keeps the surname from any man's full name; the
    // article that writes `Hillary Clinton` has already resolved its own.
    assert_eq!(group_of(&groups, "Mrs. Clinton").2, ["Mrs. Clinton"]);
}

#[test]
fn acronyms_join_their_expansion_and_nothing_that_only_looks_alike() {
    let names = names(
        "place 300 United States
        place 200 U.S.
        place 100 US
        place 100 U. S
        org 50 United Nations
        org 20 U.N.
        org 30 UN
        org 30 EU
        org 3 EIA
        org 30 European Union
        org 1 ICO Board of Management
        org 5 IBM
        place 90 China
        place 9 Gaza
        place 3 Gaza Strip
        place 9 Jordan
        place 3 Jordan Valley
        place 2 Republic of China
        place 4 East
        org 1 Energy Savings Trust
        org 3 AIDS
        org 1 Approved Destinations Status",
    );
    let groups = grouped(&names);
    let us = group_of(&groups, "US");
    assert_eq!(us.1, "United States");
    assert_eq!(us.2.len(), 4);
    assert_canonical(
        &groups,
        &[
            ("UN", "United Nations"),
            ("EU", "European Union"),
            ("Gaza Strip", "Gaza"),
        ],
    );
    assert_eq!(group_of(&groups, "Jordan Valley").2, ["Jordan Valley"]);
    for alone in [
        "EIA",
        "IBM",
        "ICO Board of Management",
        "Republic of China",
        "East",
        "AIDS",
    ] {
        assert_eq!(group_of(&groups, alone).2, [alone], "{alone}");
    }
}

#[test]
fn an_acronym_joins_only_a_name_of_its_own_kind() {
    let names = names(
        "org 40 Reuters Inc
        place 8 R.I.
        place 30 Rhode Island
        place 90 South Korea
        org 2 SK",
    );
    let groups = grouped(&names);
    assert_eq!(group_of(&groups, "R.I.").1, "Rhode Island");
    assert_alone(&groups, &["Reuters Inc", "SK"]);
}

#[test]
fn canonical_names_drop_titles_and_demonyms_and_prefer_the_common_form() {
    let names = names(
        "person 3 Vermonter Bernie Sanders
        person 40 Bernie Sanders
        person 30 Sanders
        person 2 Justice Brett M. Kavanaugh
        person 10 Brett Kavanaugh
        person 2 Exchequer Gordon Brown
        person 2 SANDERS",
    );
    let groups = grouped(&names);
    assert_canonical(
        &groups,
        &[
            ("Sanders", "Bernie Sanders"),
            ("SANDERS", "Bernie Sanders"),
            ("Brett Kavanaugh", "Brett Kavanaugh"),
            ("Exchequer Gordon Brown", "Gordon Brown"),
        ],
    );
}

#[test]
fn the_order_of_the_names_does_not_change_the_groups() {
    let names = names(
        "person 1 Dabbagh
        person 2 Karim Yusuf al-Dabbagh
        speaker 2 Al-Dabbagh
        org 3 Jama'at Nasr
        org 1 Jamaat Nasr
        org 1 JN",
    );
    let mut reversed = names.clone();
    reversed.reverse();
    let mut a = grouped(&names);
    let mut b = grouped(&reversed);
    a.sort();
    b.sort();
    assert_eq!(a, b);
    assert_eq!(group_of(&a, "Dabbagh").2.len(), 3);
    assert_eq!(group_of(&a, "Jamaat Nasr").2.len(), 3);
}

#[test]
fn a_group_named_in_the_plural_is_an_organisation_with_its_singular() {
    let names = names(
        "place 3 Zarqawites
        person 1 Zarqawite
        place 5 Philippines
        person 1 Philippine",
    );
    let groups = grouped(&names);
    let group = group_of(&groups, "Zarqawite");
    assert_eq!(group.0, "org");
    assert_eq!(group.2, ["Zarqawite", "Zarqawites"]);
    // A place the list knows in the plural stays a place of its own.
    assert_eq!(group_of(&groups, "Philippines").0, "place");
    assert_eq!(group_of(&groups, "Philippines").2, ["Philippines"]);
}

#[test]
fn a_family_in_the_plural_leaves_its_member_a_person_and_a_group_does_not() {
    let names = names(
        "person 500 Donald Trump
        org 40 Trump
        place 2 Trumps
        # A group: its plural is named more than its singular's person.
        place 30 Houthis
        person 3 Houthi",
    );
    let groups = grouped(&names);
    assert_together(&groups, "Trump", "Donald Trump");
    assert_together(&groups, "Houthis", "Houthi");
    assert_kinds(&groups, &[("Trump", "person"), ("Houthis", "org")]);
}

#[test]
fn a_company_short_name_votes_with_its_full_name() {
    let names = names(
        "person 30 Chrysler
        org 40 Chrysler Corp.
        person 1 Walter Chrysler",
    );
    let groups = grouped(&names);
    assert_eq!(group_of(&groups, "Chrysler").0, "org");
    assert_together(&groups, "Chrysler", "Chrysler Corp.");
}

#[test]
fn an_acronym_written_as_a_word_is_the_acronym() {
    let names = names(
        "org 12 AMEX
        org 16 Amex
        org 40 NATO
        org 10 Nato
        place 3 IRAN
        place 90 Iran
        org 2 Amexco Holdings",
    );
    let groups = grouped(&names);
    assert_eq!(group_of(&groups, "AMEX").2, ["AMEX", "Amex"]);
    assert_eq!(group_of(&groups, "Nato").2, ["NATO", "Nato"]);
    assert_eq!(group_of(&groups, "IRAN").2, ["IRAN", "Iran"]);
    assert_eq!(group_of(&groups, "Amexco Holdings").2, ["Amexco Holdings"]);
}

#[test]
fn a_given_name_that_looks_like_a_peoples_adjective_stays_in_the_name() {
    let names = names(
        "person 100 Fidel Castro
        person 30 Raul Castro
        person 50 Castro
        person 10 Julian Castro",
    );
    let groups = grouped(&names);
    assert_alone(&groups, &["Julian Castro", "Castro"]);
}

#[test]
fn a_state_abbreviation_or_a_countrys_other_name_joins_the_place() {
    let names = names(
        "place 100 California
        place 20 Calif
        place 5 Fla.
        place 40 Florida
        place 50 Pennsylvania
        org 30 Pa
        place 60 Virginia
        place 9 VA
        place 300 United Kingdom
        place 200 Britain
        place 9 Burma
        place 40 Myanmar",
    );
    let groups = grouped(&names);
    // A country's other name is the country.
    for (other, country) in [("Britain", "United Kingdom"), ("Burma", "Myanmar")] {
        assert_eq!(group_of(&groups, other).1, country);
    }
    assert_canonical(&groups, &[("Calif", "California"), ("Fla.", "Florida")]);
    // An organisation is no state, and in capitals `VA` is more often
    // Veterans Affairs.
    assert_alone(&groups, &["Pa", "VA"]);
}

#[test]
fn an_organisations_other_name_joins_it_when_of_the_same_kind() {
    let names = names(
        "org 300 Fed
        org 100 Federal Reserve
        org 50 Federal Reserve Board
        org 80 Labour Party
        person 9 Labour
        org 7 FED
        org 40 Republican Party
        org 30 GOP",
    );
    let groups = grouped(&names);
    assert_canonical(
        &groups,
        &[
            ("Fed", "Federal Reserve"),
            ("Federal Reserve Board", "Federal Reserve"),
            ("GOP", "Republican Party"),
        ],
    );
    // In capitals, only as the list writes it (`FED` may be initials);
    // and `Labour` taken for a person is not the party.
    assert_alone(&groups, &["FED", "Labour"]);
}

#[test]
fn a_company_suffix_is_no_initial_of_an_acronym() {
    let names = names(
        "org 300 FBI
        org 67 Federal Bureau of Investigation
        org 24 First Boston Inc
        org 2 Faygo Beverages Inc",
    );
    let groups = grouped(&names);
    assert_eq!(
        group_of(&groups, "FBI").1,
        "Federal Bureau of Investigation"
    );
    assert_eq!(
        group_of(&groups, "First Boston Inc").2,
        ["First Boston Inc"]
    );
}

#[test]
fn an_acronym_joins_the_name_the_articles_spell_it_out_as_before_matching_initials() {
    let mut names = names(
        "org 300 UFTA
        org 40 U.S. Farm Trade Agency
        org 2 Union of Farmers and Traders Association",
    );
    // `U.S. Farm Trade Agency (UFTA)` in its articles, whose initials are
    // not the letters, and the other name, whose are, in one; the first
    // has most of the articles of the two.
    for (value, articles) in [
        ("U.S. Farm Trade Agency", 30),
        ("Union of Farmers and Traders Association", 1),
    ] {
        let holder = names.iter_mut().find(|n| n.value == value).expect("listed");
        holder.spellings.push((
            "UFTA".to_owned(),
            Usage {
                articles,
                passages: articles,
            },
        ));
    }
    let groups = grouped(&names);
    assert_eq!(group_of(&groups, "UFTA").1, "U.S. Farm Trade Agency");
    assert_eq!(
        group_of(&groups, "Union of Farmers and Traders Association").2,
        ["Union of Farmers and Traders Association"]
    );
}

#[test]
fn an_honorific_names_a_person_and_a_womans_keeps_her_apart() {
    let names = names(
        "person 900 Donald Trump
        person 300 Trump
        person 4 Mr. Trump
        place 2 Ms. Trump
        place 3 Mr. Hurt
        org 300 Ford
        org 20 Dr. Ford",
    );
    // An article that wrote only `Dr. Ford` gave it the value `Ford`.
    let mut names = names;
    let mut written_with_title = name(Source::Person, "Ford", 5);
    written_with_title.spellings[0].0 = "Dr. Ford".to_owned();
    names.push(written_with_title);
    let groups = grouped(&names);
    assert_eq!(group_of(&groups, "Mr. Trump").1, "Donald Trump");
    assert_eq!(group_of(&groups, "Ms. Trump").2, ["Ms. Trump"]);
    assert_kinds(&groups, &[("Ms. Trump", "person"), ("Mr. Hurt", "person")]);
    assert_eq!(group_of(&groups, "Dr. Ford").2, ["Dr. Ford", "Ford"]);
    assert_eq!(group_of(&groups, "Dr. Ford").0, "person");
    assert_eq!(groups.iter().filter(|g| g.0 == "org").count(), 1);
}

#[test]
fn a_single_word_in_no_persons_name_takes_its_other_kind_when_a_fair_share_says_so() {
    let names = names(
        "person 30 Quillr
        org 10 Quillr
        person 30 Dana
        org 10 Dana
        person 5 Dana Whitcombe
        person 40 Orvel
        org 2 Orvel
        speaker 10 Varga",
    );
    let groups = grouped(&names);
    // A given name of a known person, and a name its other kind barely
    // claims, stay people.
    // A name only ever quoted as a speaker is a person too.
    let expected = [
        ("Quillr", "org"),
        ("Dana", "person"),
        ("Orvel", "person"),
        ("Varga", "person"),
    ];
    for (value, kind) in expected {
        assert_eq!(group_of(&groups, value).0, kind, "{value}");
    }
}

#[test]
fn a_region_named_with_its_country_is_the_region() {
    let names = names(
        "place 40 Kurdistan Region
        place 5 Kurdistan Region of Iraq
        place 90 Iraq
        place 3 Gulf of Mexico
        place 2 Gulf",
    );
    let groups = grouped(&names);
    assert_eq!(
        group_of(&groups, "Kurdistan Region of Iraq").1,
        "Kurdistan Region"
    );
    // A one-word head is too general to be the place.
    assert_alone(&groups, &["Gulf of Mexico", "Gulf"]);
}

#[test]
fn a_word_the_tagger_was_unsure_of_takes_the_kind_of_names_used_alike() {
    // `Taliban` and `Hamas` share a word cluster of news.
    let unsure = grouped(&names(
        "person 5 Taliban
        place 1 Taliban
        org 4 Hamas",
    ));
    assert_eq!(group_of(&unsure, "Taliban").0, "org");
    // Always a person to the tagger: it stays one.
    let sure = grouped(&names(
        "person 5 Taliban
        org 4 Hamas",
    ));
    assert_eq!(group_of(&sure, "Taliban").0, "person");
    // A name written after a title is a person's, whatever its cluster.
    let mut titled = names(
        "person 5 Taliban
        place 1 Taliban
        org 4 Hamas",
    );
    titled[0]
        .spellings
        .push(("Coach Taliban".to_owned(), Usage::default()));
    assert_eq!(group_of(&grouped(&titled), "Taliban").0, "person");
}
