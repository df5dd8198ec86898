//! One entity, one name: groups the names of speakers, people,
//! organisations and places across the whole index.
//!
//! Each article resolves its names to the fullest form it gives. Across
//! articles, names of people that fold to the same words (case, diacritics,
//! apostrophes, hyphens, particles) are one person, and a short form
//! (`Sudani`) joins the one longer name it can be short for, when there is
//! exactly one. Names of organisations and places are one when their
//! spelling skeletons match (`Kata'ib`, `Kataeb`; `Mobilisation`). The
//! table is built when searching, from the names in the index, so indexing
//! an article later groups exactly as indexing all at once.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::analyze::{is_short_form, name_words, skeleton};

/// How names are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// People and speakers: folded words, and short forms of full names.
    People,
    /// Organisations and places: spelling skeletons only.
    Spelling,
}

/// A speaker: every raw name that stands for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameGroup {
    /// The canonical name: the fullest spelling, the most used among equals.
    pub name: String,
    /// The names as stored in the index, per article.
    pub raw: BTreeSet<String>,
    /// Folded words of the canonical name.
    words: Vec<String>,
}

/// All speakers of an index.
#[derive(Debug)]
pub struct NameTable {
    grouping: Grouping,
    groups: Vec<NameGroup>,
    by_raw: HashMap<String, usize>,
}

impl Default for NameTable {
    fn default() -> Self {
        NameTable {
            grouping: Grouping::People,
            groups: Vec::new(),
            by_raw: HashMap::new(),
        }
    }
}

/// The words a name is grouped and matched by.
pub fn key_words(grouping: Grouping, name: &str) -> Vec<String> {
    match grouping {
        Grouping::People => name_words(name),
        Grouping::Spelling => skeleton(name)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect(),
    }
}

impl NameTable {
    /// Groups raw speaker names, each with how often it occurs (to choose
    /// the canonical spelling among equals).
    pub fn build(names: impl IntoIterator<Item = (String, u64)>) -> Self {
        Self::build_as(Grouping::People, names)
    }

    /// Groups raw names as `grouping` says.
    pub fn build_as(grouping: Grouping, names: impl IntoIterator<Item = (String, u64)>) -> Self {
        let key = |name: &str| key_words(grouping, name);
        let mut by_key: HashMap<Vec<String>, Vec<(String, u64)>> = HashMap::new();
        for (name, count) in names {
            let words = key(&name);
            if !words.is_empty() {
                by_key.entry(words).or_default().push((name, count));
            }
        }
        let mut keys: Vec<Vec<String>> = by_key.keys().cloned().collect();
        keys.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        let mut root: HashMap<Vec<String>, Vec<String>> = HashMap::new();
        // Only names with the same family name can be forms of each other.
        let mut by_last: HashMap<&str, Vec<Vec<String>>> = HashMap::new();
        for key in &keys {
            if let Some(last) = key.last() {
                by_last.entry(last.as_str()).or_default().push(key.clone());
            }
        }
        for key in keys.iter().filter(|_| grouping == Grouping::People) {
            let same_last = key
                .last()
                .and_then(|l| by_last.get(l.as_str()))
                .map_or(&[][..], Vec::as_slice);
            let target = longer_form(key, same_last)
                .and_then(|full| root.get(&full).cloned().or(Some(full)));
            root.insert(key.clone(), target.unwrap_or_else(|| key.clone()));
        }
        for key in &keys {
            root.entry(key.clone()).or_insert_with(|| key.clone());
        }
        if grouping == Grouping::Spelling {
            join_acronyms(&by_key, &mut root);
        }
        let mut members: HashMap<Vec<String>, Vec<(String, u64)>> = HashMap::new();
        for key in &keys {
            let names = by_key.remove(key).unwrap_or_default();
            members.entry(root[key].clone()).or_default().extend(names);
        }
        let mut table = NameTable {
            grouping,
            ..NameTable::default()
        };
        let mut roots: Vec<_> = members.into_iter().collect();
        roots.sort_by(|a, b| a.0.cmp(&b.0));
        for (words, names) in roots {
            let name = canonical(&names);
            let raw: BTreeSet<String> = names.into_iter().map(|(n, _)| n).collect();
            for r in &raw {
                table.by_raw.insert(r.clone(), table.groups.len());
            }
            table.groups.push(NameGroup { name, raw, words });
        }
        table
    }

    /// The canonical name of a raw speaker name.
    pub fn canonical<'a>(&'a self, raw: &'a str) -> &'a str {
        self.by_raw
            .get(raw)
            .map_or(raw, |&g| self.groups[g].name.as_str())
    }

    /// The group of a raw speaker name.
    pub fn group_of(&self, raw: &str) -> Option<&NameGroup> {
        self.by_raw.get(raw).map(|&g| &self.groups[g])
    }

    /// Speakers matching what a user typed: its folded words appear, in
    /// order and together, in the canonical name or one of its spellings.
    /// `sudani` matches every al-Sudani; a full name matches that speaker.
    pub fn matching(&self, query: &str) -> Vec<&NameGroup> {
        let wanted = key_words(self.grouping, query);
        if wanted.is_empty() {
            return Vec::new();
        }
        self.groups
            .iter()
            .filter(|g| {
                contains_run(&g.words, &wanted)
                    || g.raw
                        .iter()
                        .any(|r| contains_run(&key_words(self.grouping, r), &wanted))
            })
            .collect()
    }

    /// Every group.
    pub fn groups(&self) -> &[NameGroup] {
        &self.groups
    }
}

/// An acronym (`US`) joins the one name whose initials it is (`United States`).
fn join_acronyms(
    by_key: &HashMap<Vec<String>, Vec<(String, u64)>>,
    root: &mut HashMap<Vec<String>, Vec<String>>,
) {
    let initials = |name: &str| -> String {
        name.split([' ', '-'])
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    // Initials → the keys of the names that have them, worked out once.
    let mut by_initials: HashMap<String, HashSet<&Vec<String>>> = HashMap::new();
    for (key, names) in by_key {
        for (name, _) in names.iter().filter(|(n, _)| n.contains(' ')) {
            by_initials.entry(initials(name)).or_default().insert(key);
        }
    }
    for (key, names) in by_key {
        let Some((acronym, _)) = names
            .iter()
            .find(|(n, _)| n.len() >= 2 && n.chars().all(|c| c.is_uppercase() || c == '.'))
        else {
            continue;
        };
        let letters: String = acronym.chars().filter(|c| *c != '.').collect();
        let expansions: Vec<&Vec<String>> = by_initials
            .get(&letters)
            .into_iter()
            .flatten()
            .filter(|other| **other != key)
            .copied()
            .collect();
        if let [only] = expansions.as_slice() {
            let target = root.get(*only).cloned().unwrap_or_else(|| (*only).clone());
            root.insert(key.clone(), target);
        }
    }
}

/// The one longest name `key` can be short for, if exactly one.
fn longer_form(key: &[String], keys: &[Vec<String>]) -> Option<Vec<String>> {
    let longer: Vec<&Vec<String>> = keys
        .iter()
        .filter(|k| k.len() > key.len() && is_short_form(key, k))
        .collect();
    let maximal: Vec<&&Vec<String>> = longer
        .iter()
        .filter(|k| {
            !longer
                .iter()
                .any(|o| o.len() > k.len() && is_short_form(k, o))
        })
        .collect();
    match maximal.as_slice() {
        [only] => Some((**only).clone()),
        _ => None,
    }
}

/// The spelling with the most words, then the most used, then the first.
fn canonical(names: &[(String, u64)]) -> String {
    names
        .iter()
        .max_by(|a, b| {
            let words = |n: &str| n.split_whitespace().count();
            words(&a.0)
                .cmp(&words(&b.0))
                .then(a.1.cmp(&b.1))
                .then_with(|| b.0.cmp(&a.0))
        })
        .map(|(n, _)| n.clone())
        .unwrap_or_default()
}

/// True when the words of `query` appear, in order and together, in `name`.
pub fn name_matches(grouping: Grouping, name: &str, query: &str) -> bool {
    let wanted = key_words(grouping, query);
    !wanted.is_empty() && contains_run(&key_words(grouping, name), &wanted)
}

fn contains_run(words: &[String], run: &[String]) -> bool {
    run.len() <= words.len() && words.windows(run.len()).any(|w| w == run)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(names: &[(&str, u64)]) -> NameTable {
        NameTable::build(names.iter().map(|(n, c)| (n.to_string(), *c)))
    }

    #[test]
    fn spellings_and_short_forms_are_one_speaker() {
        let t = table(&[
            ("Mohammed Shia' al-Sudani", 2),
            ("Mohammed Shia al-Sudani", 5),
            ("Mohammed Shia Al-Sudani", 1),
            ("Al-Sudani", 1),
            ("Sudani", 1),
            ("Gideon Sa'ar", 3),
        ]);
        assert_eq!(t.groups().len(), 2);
        assert_eq!(t.canonical("Sudani"), "Mohammed Shia al-Sudani");
        assert_eq!(
            t.canonical("Al-Sudani"),
            t.canonical("Mohammed Shia' al-Sudani")
        );
        assert_eq!(t.matching("sudani").len(), 1);
        assert_eq!(t.matching("Mohammed Shia’ al-Sudani").len(), 1);
        assert_eq!(t.matching("saar")[0].name, "Gideon Sa'ar");
        assert!(t.matching("al").is_empty());
    }

    #[test]
    fn an_ambiguous_short_form_stays_apart() {
        let t = table(&[("Barack Obama", 3), ("Michelle Obama", 1), ("Obama", 2)]);
        assert_eq!(t.groups().len(), 3);
        assert_eq!(t.canonical("Obama"), "Obama");
        assert_eq!(t.matching("obama").len(), 3);
    }

    #[test]
    fn the_order_names_arrive_in_does_not_matter() {
        let names = [
            ("Sudani", 1),
            ("Mohammed Shia al-Sudani", 2),
            ("Ahmed al-Yasiri", 1),
            ("Al-Yasiri", 2),
        ];
        let mut reversed = names;
        reversed.reverse();
        let a = table(&names);
        let b = table(&reversed);
        assert_eq!(a.groups(), b.groups());
    }
}
