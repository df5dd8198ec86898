use super::*;
use super::*;

fn found(text: &str, published: Option<&str>) -> Vec<(String, String)> {
    let mut context = Context::new(published.and_then(DateValue::parse));
    find(text, &mut context)
        .into_iter()
        .map(|d| (text[d.range].to_owned(), d.value.to_string()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn dates_are_normalized_at_the_precision_written() {
    let text = "On October 7, 2023 and in November 2024, in October of 2022, in 2016, \
                    on 13 June and in the fall of 2025, and on 2025-08-15.";
    assert_eq!(
        found(text, Some("2025-08-15")),
        pairs(&[
            ("October 7, 2023", "2023-10-07"),
            ("November 2024", "2024-11"),
            ("October of 2022", "2022-10"),
            ("2016", "2016"),
            ("13 June", "2025-06-13"),
            ("fall of 2025", "2025"),
            ("2025-08-15", "2025-08-15"),
        ])
    );
}

#[test]
fn a_later_month_in_the_past_is_last_year() {
    assert_eq!(
        found("Militias attacked in November.", Some("2025-08-15")),
        pairs(&[("November", "2024-11")])
    );
    assert_eq!(
        found("Elections will be held in November.", Some("2025-08-15")),
        pairs(&[("November", "2025-11")])
    );
}

#[test]
fn without_a_publication_date_the_last_year_written_serves() {
    assert_eq!(
        found("In 2019 talks began. On 2 July they ended.", None),
        pairs(&[("2019", "2019"), ("2 July", "2019-07-02")])
    );
    assert_eq!(found("On 2 July they ended.", None), pairs(&[]));
}

#[test]
fn relative_dates_count_from_the_publication_date() {
    // 2025-08-15 was a Friday.
    let text = "Yesterday he left; on Tuesday he spoke; last month and next year \
                    were mentioned, as was the vote two years ago.";
    assert_eq!(
        found(text, Some("2025-08-15")),
        pairs(&[
            ("Yesterday", "2025-08-14"),
            ("Tuesday", "2025-08-12"),
            ("last month", "2025-07"),
            ("next year", "2026"),
            ("two years ago", "2023"),
        ])
    );
    assert_eq!(found("Yesterday he left.", None), pairs(&[]));
}

#[test]
fn counts_and_names_are_not_dates() {
    assert_eq!(
        found("from 2014-2016", None),
        pairs(&[("2014", "2014"), ("2016", "2016")])
    );
    let text = "170 attacks, 200,000 recruits, about 2000 troops, 1500 fighters, \
                    Tower 22, Channel 14, a Qasef-2K drone, pre-1948 borders, 2020% and $2024. \
                    Resolution 2085 passed after round 1843 on flight 1907.";
    assert_eq!(found(text, Some("2025-08-15")), pairs(&[]));
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
