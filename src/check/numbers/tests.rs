//! Unit tests of `numbers.rs`, kept apart so that the module reads as code.

use super::*;

fn values(text: &str) -> Vec<(f64, Unit)> {
    find(text)
        .into_iter()
        .map(|n| ((n.value * 1000.0).round() / 1000.0, n.unit))
        .collect()
}

/// Texts and the numbers read in them, one a line: `text => value unit`,
/// several separated by `;`, none after a bare `=>`.
const READINGS: &str = "
five hundred people                     => 500.0 count
some 500 people                         => 500.0 count
half a million                          => 500000.0 count
by half a percent                       => 0.5 percent
0.5 million                             => 500000.0 count
500,000 visitors                        => 500000.0 count
$4bn                                    => 4e9 dollar
4 billion dollars                       => 4e9 dollar
4 bln dlrs                              => 4e9 dollar
£60 million                             => 6e7 pound
€3 and 3 yen                            => 3.0 euro; 3.0 yen
25 percent, 25 pct and 25%              => 25.0 percent; 25.0 percent; 25.0 percent
a quarter of them                       => 25.0 percent
one-fifth of the stock                  => 20.0 percent
one in four                             => 25.0 percent
1 in 4                                  => 25.0 percent
the 10th churchman, the tenth prelate   => 10.0 count; 10.0 count
two weeks                               => 2.0 count
twenty five                             => 25.0 count
two hundred fifty                       => 250.0 count
two thousand five hundred and twelve    => 2512.0 count
two hundred and fifty                   => 250.0 count
five hundred and Smith                  => 500.0 count
five thousand million                   => 5e9 count
in 2000 twelve people died              => 12.0 count
100 ten-year bonds                      => 100.0 count; 10.0 count
it passed the 2000 mark                 =>
1.9 billion stg                         => 1.9e9 pound
$4 million two weeks ago                => 4e6 dollar; 2.0 count
$40 a barrel                            => 40.0 dollar
a man                                   =>
on 13 June, October 7, 2023 and in 1987 =>
on 16-17 Feb, or February 16            =>
killed 5 people in March                => 5.0 count
a year and a half                       =>
MS-13 arrests up 83%                    => 83.0 percent
an F-16 and Covid-19                    =>
a 5-3 vote                              => 5.0 count; 3.0 count
";

/// The unit a word of [`READINGS`] names.
fn unit_named(word: &str) -> Unit {
    match word {
        "count" => Unit::Count,
        "percent" => Unit::Percent,
        "dollar" => Unit::Money(Currency::Dollar),
        "pound" => Unit::Money(Currency::Pound),
        "euro" => Unit::Money(Currency::Euro),
        "yen" => Unit::Money(Currency::Yen),
        other => panic!("no unit {other:?}"),
    }
}

#[test]
fn numbers_in_words_and_digits_read_alike() {
    let mut wrong = Vec::new();
    for line in READINGS.lines().filter(|l| !l.trim().is_empty()) {
        let (text, readings) = line.split_once(" =>").expect("text => readings");
        let text = text.trim_end();
        let expected: Vec<(f64, Unit)> = readings
            .split(';')
            .filter(|r| !r.trim().is_empty())
            .map(|r| {
                let (value, unit) = r.trim().split_once(' ').expect("value unit");
                (value.parse().expect("a number"), unit_named(unit))
            })
            .collect();
        let got = values(text);
        if got != expected {
            wrong.push(format!("{text}: {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
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
