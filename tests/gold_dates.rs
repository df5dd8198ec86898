//! Dates of the seed articles against `tests/fixtures/seed-dates.tsv`:
//! every listed date found on its line with its ISO value and role, and
//! none made from the counts and names the seeds hold. The gold gives a
//! season by its year (`fall of 2025` = `2025`); the season of that year
//! (`2025-FA`) is as right, being finer, never another year. Dates on lines
//! the gold lists none for are bounded.

mod common;

use common::{gold_rows, of_type, Workspace};

struct GoldDate {
    doc: String,
    line: u64,
    text: String,
    value: String,
    role: String,
}

fn gold() -> Vec<GoldDate> {
    gold_rows("seed-dates.tsv")
        .into_iter()
        .map(|f| GoldDate {
            doc: f[0].clone(),
            line: f[1].parse().expect("a line number"),
            text: f[2].clone(),
            value: f[3].clone(),
            role: f[4].clone(),
        })
        .collect()
}

#[test]
fn every_listed_date_is_found_on_its_line_with_its_value() {
    let gold = gold();
    assert_eq!(gold.len(), 22);
    let workspace = Workspace::with_seeds();
    let lines = workspace.json(&["analyze", "seeds"]);
    let dates = of_type(&lines, "date");
    let mut misses = Vec::new();
    for g in &gold {
        let found = dates.iter().any(|d| {
            d["path"].as_str().is_some_and(|p| p.ends_with(&g.doc))
                && d["line"].as_u64() == Some(g.line)
                && d["value"].as_str().is_some_and(|v| within(v, &g.value))
                && d["role"] == g.role.as_str()
        });
        if !found {
            misses.push(format!("{}:{} {} = {}", g.doc, g.line, g.text, g.value));
        }
    }
    assert!(misses.is_empty(), "missed:\n{}", misses.join("\n"));
}

/// Dates found on lines the gold lists no date for, at most. The gold
/// lists the dates an article states with their year; the 18 beyond it are
/// months without a year (`in November`), the vague present, past and
/// future (`now`, `recently`, `the future`), and `June`, all read on
/// purpose. The bound keeps new false dates from creeping in.
const MAX_DATES_BEYOND_GOLD: usize = 18;

#[test]
fn dates_beyond_the_gold_list_stay_within_a_bound() {
    let gold = gold();
    let workspace = Workspace::with_seeds();
    let lines = workspace.json(&["analyze", "seeds"]);
    let beyond: Vec<String> = of_type(&lines, "date")
        .iter()
        .filter(|d| d["role"] == "mentioned")
        .filter(|d| {
            !gold.iter().any(|g| {
                d["path"].as_str().is_some_and(|p| p.ends_with(&g.doc))
                    && d["line"].as_u64() == Some(g.line)
            })
        })
        .map(|d| format!("{}:{} {} = {}", d["path"], d["line"], d["text"], d["value"]))
        .collect();
    assert!(
        beyond.len() <= MAX_DATES_BEYOND_GOLD,
        "{} dates beyond the gold lines, at most {MAX_DATES_BEYOND_GOLD}:\n{}",
        beyond.len(),
        beyond.join("\n")
    );
}

/// True when `value` is `gold`, or a finer value inside it: `2025-FA`
/// inside `2025`.
fn within(value: &str, gold: &str) -> bool {
    value == gold
        || value
            .strip_prefix(gold)
            .is_some_and(|rest| rest.starts_with('-'))
}

#[test]
fn counts_and_names_in_the_seeds_are_not_dates() {
    let workspace = Workspace::with_seeds();
    let lines = workspace.json(&["analyze", "seeds"]);
    let not_dates = [
        "170",
        "200,000",
        "Tower 22",
        "Channel 14",
        "Qasef-2K",
        "pre-1948",
    ];
    let mut checked = 0;
    for date in of_type(&lines, "date") {
        let path = date["path"].as_str().unwrap_or_default();
        let (Some(start), Some(end)) = (date["start"].as_u64(), date["end"].as_u64()) else {
            continue;
        };
        let file = std::fs::read_to_string(workspace.path().join(path)).expect("seed file");
        for number in not_dates {
            for (at, _) in file.match_indices(number) {
                checked += 1;
                let overlaps = (start as usize) < at + number.len() && at < end as usize;
                assert!(!overlaps, "{path}: {:?} made from {number}", date["text"]);
            }
        }
    }
    assert!(checked > 0, "the seeds hold none of the counts and names");
}
