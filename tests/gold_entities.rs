//! People, organisations and places of the seed articles against
//! `tests/fixtures/seed-entities.tsv`: each listed entity found with its
//! type, and the variants of it that occur collapsed into one value.
//! `tests/fixtures/seed-entities-extra.tsv` lists, by hand, every other
//! entity the seeds name, so that a value outside the gold list can be
//! told apart as a real name the gold omits or a false positive.
//!
//! The tagger does not get every entity right yet; the tests hold the
//! floors it reaches and a ceiling on false positives, and print every
//! miss and every false positive, so that a change can only improve them.

mod common;

use std::collections::{BTreeSet, HashMap, HashSet};

use common::{gold_rows, of_type, Workspace};
use dossier::analyze::fold_name;

/// Entities (out of 61) that must be found with their type and one value
/// of their own. The rules before the trained tagger found 56, having been
/// written on these very articles; the tagger, trained on other news,
/// found 53, and with the entity table's kind voting and grouping 57; with
/// kinds agreed within lists and plural group names 59. That 59 counted
/// `Hezbollah` found inside `Kataib Hezbollah`; once the test checked
/// merges it was 58, and 59 again when a word the tagger was unsure of
/// took the kind of the names of its word cluster (`Hezbollah`, used as
/// `Hamas` is). The tagger takes `Nujaba` for a place and misses `ISIS`.
const FLOOR: usize = 59;

/// Entities of the hand-made extra list (out of 27) that must be found
/// with their type. It misses bases and towns the tagger does not know
/// (`Ain al-Asad`, `Tower 22`, `Sulaymaniyah`), and takes longer names
/// in part (`Global Coalition`, `Israeli Channel`).
const EXTRA_FLOOR: usize = 20;

/// Values that may be neither a listed spelling of a gold or extra entity
/// of that kind: a fragment (`National Security` of `National Security
/// Adviser`), a name split from its entity (`America`), a wrong kind
/// (`Nujaba` as a place), or no entity at all. There were 16 when the
/// extra list was made, and 32 values outside the gold list alone; 14
/// once initials took the kind of the place they stand for (`KRI`) and an
/// organisation quoted spoke under its own value; 13 once `Hezbollah` was
/// no longer a person.
const MAX_FALSE_POSITIVES: usize = 13;

struct GoldEntity {
    canonical: String,
    kind: String,
    variants: Vec<String>,
}

impl GoldEntity {
    /// Every spelling, folded, with the entity's kind.
    fn spellings(&self) -> impl Iterator<Item = (String, &str)> {
        self.variants
            .iter()
            .chain([&self.canonical])
            .map(|v| (fold_name(v), self.kind.as_str()))
    }
}

fn entities_in(file: &str) -> Vec<GoldEntity> {
    gold_rows(file)
        .into_iter()
        .map(|f| GoldEntity {
            canonical: f[0].clone(),
            kind: f[1].clone(),
            variants: f[2].split('|').map(str::to_owned).collect(),
        })
        .collect()
}

/// A value of `dossier entities`: its name, its kind and its spellings.
struct Value {
    name: String,
    kind: String,
    spellings: Vec<String>,
}

/// The values `dossier entities` gives for the seeds.
fn seed_values() -> Vec<Value> {
    let workspace = Workspace::with_seeds();
    let lines = workspace.json(&["entities", "-n", "10000"]);
    of_type(&lines, "entity")
        .into_iter()
        .map(|entity| {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
            let name = text(&entity["name"]);
            let mut spellings: Vec<String> = entity["variants"]
                .as_array()
                .into_iter()
                .flatten()
                .map(text)
                .collect();
            spellings.push(name.clone());
            Value {
                name,
                kind: text(&entity["kind"]),
                spellings,
            }
        })
        .collect()
}

/// For each of `entities`: `Ok` when one value of its type holds one of
/// its spellings, else why not.
fn judge(entities: &[GoldEntity], values: &[Value]) -> Vec<Result<(), String>> {
    let spelled: HashMap<String, &str> = entities.iter().flat_map(GoldEntity::spellings).collect();
    // Every spelling (folded) → the values (name, kind) it belongs to.
    let mut values_of: HashMap<String, BTreeSet<(&str, &str)>> = HashMap::new();
    for value in values {
        for spelling in &value.spellings {
            values_of
                .entry(fold_name(spelling))
                .or_default()
                .insert((&value.name, &value.kind));
        }
    }
    // A value holding the spelling of another listed entity of its kind
    // merged the two (`Hezbollah` into `Kataib Hezbollah`).
    let merged_into = |(name, kind): &(&str, &str), g: &GoldEntity| {
        let own: HashSet<String> = g.spellings().map(|(spelling, _)| spelling).collect();
        let value = values.iter().find(|v| v.name == *name && v.kind == *kind)?;
        value
            .spellings
            .iter()
            .map(|s| fold_name(s))
            .filter(|s| !own.contains(s))
            .find(|s| spelled.get(s).is_some_and(|k| k == kind))
    };
    let judge_one = |g: &GoldEntity| {
        let found: BTreeSet<(&str, &str)> = g
            .variants
            .iter()
            .chain([&g.canonical])
            .filter_map(|v| values_of.get(&fold_name(v)))
            .flatten()
            .copied()
            .collect();
        let right_kind: Vec<_> = found.iter().filter(|(_, kind)| *kind == g.kind).collect();
        match right_kind.as_slice() {
            [value] => match merged_into(value, g) {
                Some(other) => Err(format!(
                    "{} ({}): merged into {value:?}, which holds `{other}`",
                    g.canonical, g.kind
                )),
                None => Ok(()),
            },
            [] => Err(format!("{} ({}): found as {found:?}", g.canonical, g.kind)),
            split => Err(format!(
                "{} ({}): split into {split:?}",
                g.canonical, g.kind
            )),
        }
    };
    entities.iter().map(judge_one).collect()
}

/// How many of `entities` `values` find with their type as one value of
/// their own, printed with every miss (`what` names them); and the misses.
fn found(entities: &[GoldEntity], values: &[Value], what: &str) -> (usize, Vec<String>) {
    let misses: Vec<String> = judge(entities, values)
        .into_iter()
        .filter_map(Result::err)
        .collect();
    let found = entities.len() - misses.len();
    println!(
        "{found}/{} {what} found with their type as one value",
        entities.len()
    );
    for miss in &misses {
        println!("  miss: {miss}");
    }
    (found, misses)
}

#[test]
fn listed_entities_are_found_with_their_type_as_one_value() {
    let gold = entities_in("seed-entities.tsv");
    assert_eq!(gold.len(), 61);
    let (right, misses) = found(&gold, &seed_values(), "listed entities");
    assert!(
        right >= FLOOR,
        "{right}/{} entities right, floor {FLOOR}:\n{}",
        gold.len(),
        misses.join("\n")
    );
}

#[test]
fn values_beyond_the_lists_are_few() {
    let gold = entities_in("seed-entities.tsv");
    let extra = entities_in("seed-entities-extra.tsv");
    assert_eq!(extra.len(), 27);
    let values = seed_values();

    let (extra_found, _) = found(&extra, &values, "unlisted entities");

    let listed: HashSet<(String, &str)> = gold
        .iter()
        .chain(&extra)
        .flat_map(GoldEntity::spellings)
        .collect();
    let mut beyond_gold = 0;
    let mut false_positives = Vec::new();
    for value in &values {
        let folded = fold_name(&value.name);
        if !gold
            .iter()
            .flat_map(GoldEntity::spellings)
            .any(|(s, _)| s == folded)
        {
            beyond_gold += 1;
        }
        if !listed.contains(&(folded, value.kind.as_str())) {
            false_positives.push(format!("{} ({})", value.name, value.kind));
        }
    }
    println!(
        "{} values; {beyond_gold} outside the gold list; {} false positives:",
        values.len(),
        false_positives.len()
    );
    for value in &false_positives {
        println!("  false positive: {value}");
    }
    assert!(
        false_positives.len() <= MAX_FALSE_POSITIVES,
        "{} false positives, at most {MAX_FALSE_POSITIVES} allowed",
        false_positives.len()
    );
    assert!(
        extra_found >= EXTRA_FLOOR,
        "{extra_found}/{} unlisted entities found, floor {EXTRA_FLOOR}",
        extra.len()
    );
}
