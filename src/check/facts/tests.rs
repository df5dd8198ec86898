//! Unit tests of `facts.rs`, kept apart so that the module reads as code.

use super::*;

#[test]
fn a_direction_agrees_when_the_passage_goes_that_way_anywhere() {
    let text = "a slight rise will emerge; they predicted a 0.5 pct fall in exports";
    let check = direction_check("dip", Direction::Down, text).expect("a direction");
    assert_eq!(check.agrees, Some(true));
    assert_eq!(check.passage.as_deref(), Some("fall"));
    let check = direction_check("jumped", Direction::Up, "sales fell").expect("one");
    assert_eq!(check.agrees, Some(false));
    assert!(direction_check("rose", Direction::Up, "sales were flat").is_none());
}

#[test]
fn a_differing_date_is_shown_beside_the_nearest_of_the_passage() {
    let month = |text| DateValue::parse(text).expect("a date");
    let dates = ["2005-12-14", "2004-11-05", "2005-01-01"].map(str::to_owned);
    // `2005-01-01` is the day after December 2004; `2004-11-05` 26 days
    // before it.
    let check = date_check("last December", month("2004-12"), &dates, None);
    assert_eq!(check.agrees, Some(false));
    assert_eq!(check.passage.as_deref(), Some("2005-01-01"));
    let agreeing = date_check("December 2005", month("2005-12"), &dates, None);
    assert_eq!(agreeing.agrees, Some(true));
    assert_eq!(agreeing.passage.as_deref(), Some("2005-12-14"));
    let unstated = date_check("1999", month("1999"), &[], None);
    assert_eq!(unstated.agrees, None);
}

#[test]
fn the_publication_date_agrees_but_never_differs() {
    let june = DateValue::parse("2025-06").expect("a month");
    let published = ["2025-08-15".to_owned()];
    let check = date_check("in June", june, &published, Some("2025-08-15"));
    assert_eq!(check.agrees, None, "{check:?}");
    let august = DateValue::parse("2025-08").expect("a month");
    let check = date_check("in August", august, &published, Some("2025-08-15"));
    assert_eq!(check.agrees, Some(true));
}

#[test]
fn a_relative_date_is_no_figure_of_the_claim() {
    let claim = Claim::read("Profits rose by 15% two years ago");
    let figures: Vec<f64> = claim.numbers.iter().map(|n| n.value).collect();
    assert_eq!(figures, [15.0]);
    let published = Some("2010-03-01");
    let dates = claim.dates_as_of(published);
    assert_eq!(dates.len(), 1, "{dates:?}");
    assert_eq!(dates[0].0, "two years ago");
}

#[test]
fn days_apart_is_the_gap_between_ranges() {
    assert_eq!(days_apart(&(0..10), &(5..20)), 0);
    assert_eq!(days_apart(&(0..10), &(10..20)), 1);
    assert_eq!(days_apart(&(30..40), &(0..10)), 21);
}
