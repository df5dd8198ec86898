use super::*;

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

#[test]
fn a_surname_joins_the_dominant_full_name_and_the_kind_is_voted() {
    use Source::*;
    let names = [
        name(Person, "Donald Trump", 500),
        name(Person, "Donald J. Trump", 70),
        name(Person, "Trump", 300),
        name(Org, "Trump", 20),
        name(Person, "Ivanka Trump", 10),
        name(Person, "George W. Bush", 10),
        name(Person, "George H. W. Bush", 10),
        name(Speaker, "Trump", 40),
    ];
    let groups = grouped(&names);
    let trump = group_of(&groups, "Trump");
    assert_eq!(trump.0, "person");
    assert_eq!(trump.1, "Donald Trump");
    assert!(trump.2.contains(&"Donald J. Trump".to_owned()));
    assert_eq!(trump.2.iter().filter(|v| *v == "Trump").count(), 3);
    assert_eq!(group_of(&groups, "Ivanka Trump").1, "Ivanka Trump");
    assert_eq!(group_of(&groups, "George W. Bush").2, ["George W. Bush"]);
}

#[test]
fn a_surname_shared_by_two_known_people_stays_apart() {
    use Source::*;
    let names = [
        name(Person, "Hillary Clinton", 300),
        name(Person, "Bill Clinton", 200),
        name(Person, "Clinton", 100),
        name(Person, "Mrs. Clinton", 5),
        name(Person, "Hillary", 30),
        name(Person, "Crooked Hillary", 9),
        name(Person, "Edmund Hillary", 3),
        name(Person, "Bill", 3),
        name(Person, "Bill Gates", 200),
    ];
    let groups = grouped(&names);
    assert_eq!(groups.len(), 7);
    assert_eq!(group_of(&groups, "Hillary").1, "Hillary Clinton");
    assert_eq!(group_of(&groups, "Bill").2, ["Bill"]);
    assert_eq!(group_of(&groups, "Clinton").2, ["Clinton", "Mrs. Clinton"]);
}

#[test]
fn acronyms_join_their_expansion_and_nothing_that_only_looks_alike() {
    use Source::*;
    let names = [
        name(Place, "United States", 300),
        name(Place, "U.S.", 200),
        name(Place, "US", 100),
        name(Place, "U. S", 100),
        name(Org, "United Nations", 50),
        name(Org, "U.N.", 20),
        name(Org, "UN", 30),
        name(Org, "EU", 30),
        name(Org, "EIA", 3),
        name(Org, "European Union", 30),
        name(Org, "ICO Board of Management", 1),
        name(Org, "IBM", 5),
        name(Place, "China", 90),
        name(Place, "Gaza", 9),
        name(Place, "Gaza Strip", 3),
        name(Place, "Jordan", 9),
        name(Place, "Jordan Valley", 3),
        name(Place, "Republic of China", 2),
        name(Place, "East", 4),
        name(Org, "Energy Savings Trust", 1),
        name(Org, "AIDS", 3),
        name(Org, "Approved Destinations Status", 1),
    ];
    let groups = grouped(&names);
    let us = group_of(&groups, "US");
    assert_eq!(us.1, "United States");
    assert_eq!(us.2.len(), 4);
    assert_eq!(group_of(&groups, "UN").1, "United Nations");
    assert_eq!(group_of(&groups, "EU").1, "European Union");
    assert_eq!(group_of(&groups, "Gaza Strip").1, "Gaza");
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
    use Source::*;
    let names = [
        (Org, "Reuters Inc", 40),
        (Place, "R.I.", 8),
        (Place, "Rhode Island", 30),
        (Place, "South Korea", 90),
        (Org, "SK", 2),
    ]
    .map(|(source, value, articles)| name(source, value, articles));
    let groups = grouped(&names);
    assert_eq!(group_of(&groups, "R.I.").1, "Rhode Island");
    assert_eq!(group_of(&groups, "Reuters Inc").2, ["Reuters Inc"]);
    assert_eq!(group_of(&groups, "SK").2, ["SK"]);
}

#[test]
fn canonical_names_drop_titles_and_demonyms_and_prefer_the_common_form() {
    use Source::*;
    let names = [
        name(Person, "Vermonter Bernie Sanders", 3),
        name(Person, "Bernie Sanders", 40),
        name(Person, "Sanders", 30),
        name(Person, "Justice Brett M. Kavanaugh", 2),
        name(Person, "Brett Kavanaugh", 10),
        name(Person, "Exchequer Gordon Brown", 2),
        name(Person, "SANDERS", 2),
    ];
    let groups = grouped(&names);
    assert_eq!(group_of(&groups, "Sanders").1, "Bernie Sanders");
    assert_eq!(group_of(&groups, "SANDERS").1, "Bernie Sanders");
    assert_eq!(group_of(&groups, "Brett Kavanaugh").1, "Brett Kavanaugh");
    assert_eq!(
        group_of(&groups, "Exchequer Gordon Brown").1,
        "Gordon Brown"
    );
}

#[test]
fn the_order_of_the_names_does_not_change_the_groups() {
    use Source::*;
    let names = vec![
        name(Person, "Dabbagh", 1),
        name(Person, "Karim Yusuf al-Dabbagh", 2),
        name(Speaker, "Al-Dabbagh", 2),
        name(Org, "Jama'at Nasr", 3),
        name(Org, "Jamaat Nasr", 1),
        name(Org, "JN", 1),
    ];
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
    use Source::*;
    let names = [
        name(Place, "Zarqawites", 3),
        name(Person, "Zarqawite", 1),
        name(Place, "Philippines", 5),
        name(Person, "Philippine", 1),
    ];
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
    use Source::*;
    let names = [
        name(Person, "Donald Trump", 500),
        name(Org, "Trump", 40),
        name(Place, "Trumps", 2),
        // A group: its plural is named more than its singular's person.
        name(Place, "Houthis", 30),
        name(Person, "Houthi", 3),
    ];
    let groups = grouped(&names);
    assert_eq!(group_of(&groups, "Trump").0, "person");
    assert_eq!(group_of(&groups, "Trump").1, "Donald Trump");
    assert_eq!(group_of(&groups, "Houthis").0, "org");
    assert!(group_of(&groups, "Houthis")
        .2
        .contains(&"Houthi".to_owned()));
}

#[test]
fn a_company_short_name_votes_with_its_full_name() {
    use Source::*;
    let names = [
        name(Person, "Chrysler", 30),
        name(Org, "Chrysler Corp.", 40),
        name(Person, "Walter Chrysler", 1),
    ];
    let groups = grouped(&names);
    assert_eq!(group_of(&groups, "Chrysler").0, "org");
    assert!(group_of(&groups, "Chrysler")
        .2
        .contains(&"Chrysler Corp.".to_owned()));
}

#[test]
fn an_acronym_written_as_a_word_is_the_acronym() {
    use Source::*;
    let names = [
        name(Org, "AMEX", 12),
        name(Org, "Amex", 16),
        name(Org, "NATO", 40),
        name(Org, "Nato", 10),
        name(Place, "IRAN", 3),
        name(Place, "Iran", 90),
        name(Org, "Amexco Holdings", 2),
    ];
    let groups = grouped(&names);
    assert_eq!(group_of(&groups, "AMEX").2, ["AMEX", "Amex"]);
    assert_eq!(group_of(&groups, "Nato").2, ["NATO", "Nato"]);
    assert_eq!(group_of(&groups, "IRAN").2, ["IRAN", "Iran"]);
    assert_eq!(group_of(&groups, "Amexco Holdings").2, ["Amexco Holdings"]);
}
