//! The date reader on sentences written for each rule: most are in
//! `cases.txt`; the value type and calendar arithmetic are tested here.

use super::*;
use crate::analyze::test_cases;

fn found(text: &str, published: Option<&str>) -> Vec<(String, String)> {
    let mut context = Context::new(published.and_then(DateValue::parse));
    find(text, &mut context)
        .into_iter()
        .map(|d| (text[d.range].to_owned(), d.value.to_string()))
        .collect()
}

#[test]
fn every_case_finds_its_dates_and_no_other() {
    let cases = test_cases::read(include_str!("cases.txt"));
    assert!(cases.len() >= 27);
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let (published, text) = case.lines.split_first().expect("a date and a text");
            let published = published
                .strip_prefix("published: ")
                .expect("published: DATE");
            let got = found(&text.join(" "), Some(published).filter(|d| *d != "none"));
            let want: Vec<(String, String)> = case
                .expect
                .iter()
                .map(|(words, value)| ((*words).to_owned(), (*value).to_owned()))
                .collect();
            (got != want).then(|| format!("{}: got {got:?}", case.name))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn iso_values_parse_and_print_alike() {
    for text in ["2024", "2024-02", "2024-02-29"] {
        assert_eq!(
            DateValue::parse(text).map(|d| d.to_string()).as_deref(),
            Some(text)
        );
    }
    for bad in ["2024-13", "2023-02-29", "24", "2024-1", "2024-01-01x", ""] {
        assert_eq!(DateValue::parse(bad), None, "{bad}");
    }
    let day = DateValue::parse("2024-03-01").map(|d| d.days());
    assert_eq!(
        day,
        Some(day_number(2024, 3, 1)..day_number(2024, 3, 1) + 1)
    );
    assert_eq!(day_number(1970, 1, 1), 0);
}

#[test]
fn datelines_date_wire_copy() {
    let paragraph = "WASHINGTON, Oct 4 (Reuters) - The Senate voted in 2024.";
    let (range, value) = dateline(paragraph, paragraph).expect("a dateline");
    assert_eq!(&paragraph[range], "Oct 4");
    assert_eq!(value.to_string(), "2024-10-04");
    assert_eq!(dateline("Washington, Oct 4 - text", "2024"), None);
}

#[test]
fn the_present_is_the_month_of_publication() {
    let mut context = Context::new(DateValue::parse("1998-04-10"));
    let now = find("It is now.", &mut context);
    assert_eq!(
        now.first().and_then(|d| d.value.days()),
        DateValue::parse("1998-04").map(|m| m.days()),
        "the present is the month of publication"
    );
}

#[test]
fn periods_cover_their_days() {
    let days = |t: Timex| t.days().map(|d| (d.end - d.start, d.start));
    let q3 = Timex::Quarter {
        year: 1998,
        quarter: 3,
    };
    assert_eq!(days(q3), Some((92, day_number(1998, 7, 1))));
    let winter = Timex::Season {
        year: 1997,
        season: Season::Winter,
    };
    assert_eq!(days(winter), Some((90, day_number(1997, 12, 1))));
    let week = Timex::Week {
        year: 2020,
        week: 53,
        weekend: false,
    };
    assert_eq!(days(week), Some((7, day_number(2020, 12, 28))));
    assert_eq!(
        days(Timex::Decade(199)),
        Some((3652, day_number(1990, 1, 1)))
    );
    assert_eq!(Timex::Past.days(), None);
    // ISO weeks: 2021-01-03 (a Sunday) is in 2020's week 53.
    assert_eq!(value::iso_week(day_number(2021, 1, 3)), Some((2020, 53)));
    assert_eq!(value::iso_week(day_number(2021, 1, 4)), Some((2021, 1)));
    assert_eq!(value::iso_week(day_number(1998, 3, 4)), Some((1998, 10)));
}

proptest::proptest! {
    /// The date reader's words, cut from the lexer's tokens, are the words
    /// `text::words` splits everywhere else.
    #[test]
    fn words_from_tokens_are_the_words_dossier_splits(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "March", " 2", "nd", " third-quarter", " year’s", "'s", " U.S.", " it’s",
                " 1,000", " 3.5", " '90s", "-", ".", " ", "’", "Ã", "§", "e\u{301}", "S",
            ]),
            0..20,
        )
    ) {
        let text = pieces.concat();
        let ours: Vec<_> = words(&text).into_iter().map(|w| w.range).collect();
        let everywhere: Vec<_> = crate::text::words(&text).map(|w| w.range).collect();
        proptest::prop_assert_eq!(ours, everywhere, "{:?}", text);
    }
}
