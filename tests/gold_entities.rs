//! People, organisations and places of the seed articles against
//! `tests/fixtures/seed-entities.tsv`: each listed entity found with its
//! type, and the variants of it that occur collapsed into one value.
//!
//! The tagger does not get every entity right yet; the test holds the
//! floor it reaches and a ceiling on values outside the gold lists, and
//! prints every miss and every such value, so that a change can only
//! improve them.

mod common;

use std::collections::{BTreeSet, HashMap, HashSet};

use common::{gold_rows, of_type, Workspace};
use dossier::analyze::fold_name;

/// Entities (out of 61) that must be found with their type and one value.
/// The rules before the trained tagger found 56, having been written on
/// these very articles; the tagger, trained on other news, found 53, and
/// with the entity table's kind voting and grouping 57; with kinds agreed
/// within lists and plural group names 59 (it still takes `Nujaba` for a
/// place and misses `ISIS`).
const FLOOR: usize = 59;

/// Values that may fall outside the gold lists. Most of them are real
/// names the gold does not list (`Haifa`, `United Nations`); the rest are
/// the tagger's false positives, which this bound keeps from growing.
/// It was 36 before missiles (`Arqab cruise missiles`) stopped being
/// people, and 33 before texts (`UN Charter`) stopped being organisations.
const MAX_BEYOND_GOLD: usize = 32;

struct GoldEntity {
    canonical: String,
    kind: String,
    variants: Vec<String>,
}

fn gold() -> Vec<GoldEntity> {
    gold_rows("seed-entities.tsv")
        .into_iter()
        .map(|f| GoldEntity {
            canonical: f[0].clone(),
            kind: f[1].clone(),
            variants: f[2].split('|').map(str::to_owned).collect(),
        })
        .collect()
}

#[test]
fn listed_entities_are_found_with_their_type_as_one_value() {
    let gold = gold();
    assert_eq!(gold.len(), 61);
    let workspace = Workspace::with_seeds();
    let lines = workspace.json(&["entities", "-n", "10000"]);
    let entities = of_type(&lines, "entity");
    // Every spelling (folded) → the values (name, kind) it belongs to.
    let mut values_of: HashMap<String, BTreeSet<(String, String)>> = HashMap::new();
    for entity in &entities {
        let value = (
            entity["name"].as_str().unwrap_or_default().to_owned(),
            entity["kind"].as_str().unwrap_or_default().to_owned(),
        );
        for variant in entity["variants"]
            .as_array()
            .into_iter()
            .flatten()
            .chain([&entity["name"]])
        {
            values_of
                .entry(fold_name(variant.as_str().unwrap_or_default()))
                .or_default()
                .insert(value.clone());
        }
    }
    let mut misses = Vec::new();
    for g in &gold {
        let found: BTreeSet<(String, String)> = g
            .variants
            .iter()
            .chain([&g.canonical])
            .filter_map(|v| values_of.get(&fold_name(v)))
            .flatten()
            .cloned()
            .collect();
        let right_kind: Vec<&(String, String)> =
            found.iter().filter(|(_, kind)| *kind == g.kind).collect();
        match right_kind.as_slice() {
            [_] => {}
            [] => misses.push(format!(
                "{} ({}): found as {:?}",
                g.canonical, g.kind, found
            )),
            split => misses.push(format!(
                "{} ({}): split into {:?}",
                g.canonical, g.kind, split
            )),
        }
    }
    let right = gold.len() - misses.len();
    println!(
        "{right}/{} entities found with their type as one value",
        gold.len()
    );
    println!("{} values in all", entities.len());
    // Values whose name no gold entity lists are counted below.
    for miss in &misses {
        println!("  miss: {miss}");
    }
    let listed: HashSet<String> = gold
        .iter()
        .flat_map(|g| g.variants.iter().chain([&g.canonical]))
        .map(|v| fold_name(v))
        .collect();
    let mut beyond = 0;
    for entity in &entities {
        let name = entity["name"].as_str().unwrap_or_default();
        if !listed.contains(&fold_name(name)) {
            println!("  beyond the gold: {name} ({})", entity["kind"]);
            beyond += 1;
        }
    }
    assert!(
        beyond <= MAX_BEYOND_GOLD,
        "{beyond} values beyond the gold lists, at most {MAX_BEYOND_GOLD} allowed"
    );
    assert!(
        right >= FLOOR,
        "{right}/{} entities right, floor {FLOOR}:\n{}",
        gold.len(),
        misses.join("\n")
    );
}
