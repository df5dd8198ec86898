//! The date reader on sentences written for each rule.

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
            ("fall of 2025", "2025-FA"),
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
fn without_a_publication_date_the_last_full_date_written_serves() {
    assert_eq!(
        found("In March 2019 talks began. On 2 July they ended.", None),
        pairs(&[("March 2019", "2019-03"), ("2 July", "2019-07-02")])
    );
    assert_eq!(found("On 2 July they ended.", None), pairs(&[]));
    // A lone year is no anchor: `the 2003 invasion` says nothing of when
    // a later `October` was.
    assert_eq!(
        found(
            "Since the 2003 invasion, ties have grown. In October they met.",
            None
        ),
        pairs(&[("2003", "2003")])
    );
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

#[test]
fn quarters_and_halves_take_the_year_they_have_begun_in() {
    // Published in the fourth quarter of 1989.
    let text = "Profit rose in the third quarter and in Q2 1988, and will rise in \
                the first half of 1990. Third-quarter sales fell; second-half sales rose.";
    assert_eq!(
        found(text, Some("1989-11-02")),
        pairs(&[
            ("third quarter", "1989-Q3"),
            ("Q2 1988", "1988-Q2"),
            ("first half of 1990", "1990-H1"),
            ("Third-quarter", "1989-Q3"),
            ("second-half", "1989-H2"),
        ])
    );
    // In February, the fourth quarter is last year's.
    assert_eq!(
        found("Sales fell in the fourth quarter.", Some("1990-02-10")),
        pairs(&[("fourth quarter", "1989-Q4")])
    );
}

#[test]
fn the_quarter_and_a_year_earlier_refer_back_to_the_quarter_reported() {
    let text = "Net income rose in the third quarter. The quarter's sales rose 5%. \
                A year earlier, it lost money; in the year-ago period sales were flat.";
    assert_eq!(
        found(text, Some("1989-11-02")),
        pairs(&[
            ("third quarter", "1989-Q3"),
            ("quarter", "1989-Q3"),
            ("A year earlier", "1988-Q3"),
            ("year-ago period", "1988-Q3"),
        ])
    );
    // A quarter forecast is no focus, and `a quarter of` is no date.
    let text = "Sales will rise in the fourth quarter. A year earlier a quarter of them fell.";
    assert_eq!(
        found(text, Some("1989-08-02")),
        pairs(&[("fourth quarter", "1989-Q4"), ("A year earlier", "1988")])
    );
}

#[test]
fn weeks_and_weekends_are_iso_weeks() {
    // 1998-03-04 was a Wednesday of ISO week 10.
    let text = "Talks began last week, go on this week, end next week; \
                they met over the weekend, and will meet this weekend. This Week aired.";
    assert_eq!(
        found(text, Some("1998-03-04")),
        pairs(&[
            ("last week", "1998-W09"),
            ("this week", "1998-W10"),
            ("next week", "1998-W11"),
            ("the weekend", "1998-W09-WE"),
            ("this weekend", "1998-W10-WE"),
        ])
    );
    assert_eq!(
        found("It closed six weeks ago.", Some("1998-03-04")),
        pairs(&[("six weeks ago", "1998-W04")])
    );
}

#[test]
fn seasons_count_from_the_season_of_publication() {
    // Published in spring 1998.
    let text = "Prices rose last summer and this spring, and will fall next winter; \
                in the summer of 1994 they fell. Leaves fall in autumn.";
    assert_eq!(
        found(text, Some("1998-04-10")),
        pairs(&[
            ("last summer", "1997-SU"),
            ("this spring", "1998-SP"),
            ("next winter", "1998-WI"),
            ("summer of 1994", "1994-SU"),
            ("autumn", "1998-FA"),
        ])
    );
    // January's winter is the one that began the year before.
    assert_eq!(
        found("Snow fell this winter.", Some("1998-01-20")),
        pairs(&[("this winter", "1997-WI")])
    );
}

#[test]
fn decades_and_centuries_are_named_by_their_leading_digits() {
    let text = "In the 1990s and the '80s, and in the eighties, as in the 20th \
                century and the twenty-first century; 1990s-era rules.";
    assert_eq!(
        found(text, Some("1998-04-10")),
        pairs(&[
            ("1990s", "199"),
            ("80s", "198"),
            ("eighties", "198"),
            ("20th century", "19"),
            ("twenty-first century", "20"),
            ("1990s", "199"),
        ])
    );
    // Plain counts are none of them.
    assert_eq!(found("He is in his 80s.", None), pairs(&[]));
}

#[test]
fn vague_references_are_the_present_past_and_future() {
    let text = "Prices are now high and currently rising. They fell recently, as in \
                recent years, but have recently been stable; in the future, and in the past, \
                who knows. Now, the past nine months were calm.";
    assert_eq!(
        found(text, Some("1998-04-10")),
        pairs(&[
            ("now", "PRESENT_REF"),
            ("currently", "PRESENT_REF"),
            ("recently", "PAST_REF"),
            ("recent years", "PAST_REF"),
            ("the future", "FUTURE_REF"),
            ("the past", "PAST_REF"),
        ])
    );
    let mut context = Context::new(DateValue::parse("1998-04-10"));
    let now = find("It is now.", &mut context);
    assert_eq!(
        now.first().and_then(|d| d.value.days()),
        DateValue::parse("1998-04").map(|m| m.days()),
        "the present is the month of publication"
    );
}

#[test]
fn spoken_years_and_counted_offsets() {
    let text = "In nineteen ninety-six, in January nineteen ninety-seven, by the year two \
                thousand, two thousand troops came; three months ago, and a decade ago.";
    assert_eq!(
        found(text, Some("1998-04-10")),
        pairs(&[
            ("nineteen ninety-six", "1996"),
            ("January nineteen ninety-seven", "1997-01"),
            ("two thousand", "2000"),
            ("three months ago", "1998-01"),
            ("a decade ago", "1988"),
        ])
    );
}

#[test]
fn a_lone_month_takes_the_year_nearest_the_publication_date() {
    // Published in October 1989: January is the coming one, December this
    // year's, and March this year's.
    let text = "The dividend is payable in January. Talks end in December. Sales rose in March.";
    assert_eq!(
        found(text, Some("1989-10-26")),
        pairs(&[
            ("January", "1990-01"),
            ("December", "1989-12"),
            ("March", "1989-03")
        ])
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

#[test]
fn the_year_reported_on_and_its_end() {
    let text = "Sales for the full year rose, and the first nine months of the year too. \
                Debt was cut at year-end, as the year-end 1985 figure shows, but the end of \
                the year will tell. Prices in the year to February rose, up 3 pct on the \
                year; the past year was calm.";
    assert_eq!(
        found(text, Some("1987-03-02")),
        pairs(&[
            ("the full year", "1987"),
            ("the year", "1987"),
            ("year-end", "1986"),
            ("1985", "1985"),
            ("the end of the year", "1987"),
            ("February", "1987-02"),
            ("the past year", "1986"),
        ])
    );
}

#[test]
fn holidays_and_stretches_without_a_count() {
    let text = "The boy was found Thanksgiving Day, and on Christmas they met; the \
                Christmas tree stood. Last Thanksgiving was quiet. In the past few weeks \
                and in coming months, in the near term, the long-term outlook; several \
                years ago. On New Year's Day it snowed.";
    assert_eq!(
        found(text, Some("2000-01-07")),
        pairs(&[
            ("Thanksgiving Day", "1999-11-25"),
            ("Christmas", "1999-12-25"),
            ("Last Thanksgiving", "1999-11-25"),
            ("the past few weeks", "PAST_REF"),
            ("coming months", "FUTURE_REF"),
            ("the near term", "FUTURE_REF"),
            ("several years ago", "PAST_REF"),
            ("New Year's Day", "2000-01-01"),
        ])
    );
    assert_eq!(
        found("Polls close on Election Day.", Some("1998-10-26")),
        pairs(&[("Election Day", "1998-11-03")])
    );
}

#[test]
fn halves_weekdays_of_today_and_adjectives_in_ed() {
    let text = "Net rose in the first two quarters and in the last half of 1989, not the \
                last half hour. The reduced dividend is payable Jan. 2. The court will \
                rule Thursday, and this coming Sunday.";
    assert_eq!(
        found(text, Some("1989-11-02")),
        pairs(&[
            ("first two quarters", "1989-H1"),
            ("last half of 1989", "1989-H2"),
            ("Jan. 2", "1990-01-02"),
            ("Thursday", "1989-11-02"),
            ("Sunday", "1989-11-05"),
        ])
    );
}
