//! Unit tests of `numbers.rs`, kept apart so that the module reads as code.

use super::*;

fn values(text: &str) -> Vec<(f64, Unit)> {
    find(text)
        .into_iter()
        .map(|n| ((n.value * 1000.0).round() / 1000.0, n.unit))
        .collect()
}

#[test]
fn numbers_in_words_and_digits_read_alike() {
    use Unit::*;
    assert_eq!(values("five hundred people"), [(500.0, Count)]);
    assert_eq!(values("some 500 people"), [(500.0, Count)]);
    assert_eq!(values("half a million"), [(500_000.0, Count)]);
    assert_eq!(values("by half a percent"), [(0.5, Percent)]);
    assert_eq!(values("0.5 million"), [(500_000.0, Count)]);
    assert_eq!(values("500,000 visitors"), [(500_000.0, Count)]);
    let dollars = Money(Currency::Dollar);
    assert_eq!(values("$4bn"), [(4e9, dollars)]);
    assert_eq!(values("4 billion dollars"), [(4e9, dollars)]);
    assert_eq!(values("4 bln dlrs"), [(4e9, dollars)]);
    assert_eq!(values("£60 million"), [(6e7, Money(Currency::Pound))]);
    assert_eq!(
        values("€3 and 3 yen"),
        [(3.0, Money(Currency::Euro)), (3.0, Money(Currency::Yen))]
    );
    assert_eq!(values("25 percent, 25 pct and 25%"), [(25.0, Percent); 3]);
    assert_eq!(values("a quarter of them"), [(25.0, Percent)]);
    assert_eq!(values("one-fifth of the stock"), [(20.0, Percent)]);
    assert_eq!(values("one in four"), [(25.0, Percent)]);
    assert_eq!(values("1 in 4"), [(25.0, Percent)]);
    assert_eq!(
        values("the 10th churchman, the tenth prelate"),
        [(10.0, Count); 2]
    );
    assert_eq!(values("two weeks"), [(2.0, Count)]);
    assert_eq!(values("twenty five"), [(25.0, Count)]);
    assert_eq!(values("two hundred fifty"), [(250.0, Count)]);
    assert_eq!(
        values("two thousand five hundred and twelve"),
        [(2512.0, Count)]
    );
    assert_eq!(values("two hundred and fifty"), [(250.0, Count)]);
    assert_eq!(values("five hundred and Smith"), [(500.0, Count)]);
    assert_eq!(values("five thousand million"), [(5e9, Count)]);
    assert_eq!(values("in 2000 twelve people died"), [(12.0, Count)]);
    assert_eq!(
        values("100 ten-year bonds"),
        [(100.0, Count), (10.0, Count)]
    );
    assert!(values("it passed the 2000 mark").is_empty());
    assert_eq!(values("1.9 billion stg"), [(1.9e9, Money(Currency::Pound))]);
    assert_eq!(
        values("$4 million two weeks ago"),
        [(4e6, Money(Currency::Dollar)), (2.0, Count)]
    );
    assert_eq!(values("$40 a barrel"), [(40.0, Money(Currency::Dollar))]);
    assert!(values("a man").is_empty());
    assert!(values("on 13 June, October 7, 2023 and in 1987").is_empty());
    assert!(values("on 16-17 Feb, or February 16").is_empty());
    assert_eq!(values("killed 5 people in March"), [(5.0, Unit::Count)]);
    assert!(values("a year and a half").is_empty());
    assert_eq!(values("MS-13 arrests up 83%"), [(83.0, Unit::Percent)]);
    assert!(values("an F-16 and Covid-19").is_empty());
    assert_eq!(values("a 5-3 vote"), [(5.0, Count), (3.0, Count)]);
}

#[test]
fn rounded_numbers_agree_with_near_ones() {
    let claim = &find("about 170 people")[0];
    assert!(claim.approximate);
    assert!(agree(claim, &find("172")[0]));
    assert!(!agree(&find("170")[0], &find("172")[0]));
    assert!(!agree(&find("15%")[0], &find("15 dollars")[0]));
    assert!(agree(&find("2.7%")[0], &find("2.7 percent")[0]));
    assert!(!agree(&find("£60 million")[0], &find("$60 million")[0]));
    assert!(agree(&find("£60 million")[0], &find("60 mln stg")[0]));
    assert!(agree(&find("60 million")[0], &find("$60 million")[0]));
}
