//! One speaker, one name: groups the speaker names of the whole index.
//!
//! Each article resolves its speakers to the fullest form it gives. Across
//! articles, names that fold to the same words (case, diacritics,
//! apostrophes, hyphens, particles) are one speaker, and a short form
//! (`Sudani`) joins the one longer name it can be short for, when there is
//! exactly one. The table is built when searching, from the names in the
//! index, so indexing an article later groups exactly as indexing all at once.

use std::collections::{BTreeSet, HashMap};

use crate::analyze::{is_short_form, name_words};

/// A speaker: every raw name that stands for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerGroup {
    /// The canonical name: the fullest spelling, the most used among equals.
    pub name: String,
    /// The names as stored in the index, per article.
    pub raw: BTreeSet<String>,
    /// Folded words of the canonical name.
    words: Vec<String>,
}

/// All speakers of an index.
#[derive(Debug, Default)]
pub struct SpeakerTable {
    groups: Vec<SpeakerGroup>,
    by_raw: HashMap<String, usize>,
}

impl SpeakerTable {
    /// Groups raw speaker names, each with how often it occurs (to choose
    /// the canonical spelling among equals).
    pub fn build(names: impl IntoIterator<Item = (String, u64)>) -> Self {
        let mut by_key: HashMap<Vec<String>, Vec<(String, u64)>> = HashMap::new();
        for (name, count) in names {
            let words = name_words(&name);
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
        for key in &keys {
            let same_last = key
                .last()
                .and_then(|l| by_last.get(l.as_str()))
                .map_or(&[][..], Vec::as_slice);
            let target = longer_form(key, same_last)
                .and_then(|full| root.get(&full).cloned().or(Some(full)));
            root.insert(key.clone(), target.unwrap_or_else(|| key.clone()));
        }
        let mut members: HashMap<Vec<String>, Vec<(String, u64)>> = HashMap::new();
        for key in &keys {
            let names = by_key.remove(key).unwrap_or_default();
            members.entry(root[key].clone()).or_default().extend(names);
        }
        let mut table = SpeakerTable::default();
        let mut roots: Vec<_> = members.into_iter().collect();
        roots.sort_by(|a, b| a.0.cmp(&b.0));
        for (words, names) in roots {
            let name = canonical(&names);
            let raw: BTreeSet<String> = names.into_iter().map(|(n, _)| n).collect();
            for r in &raw {
                table.by_raw.insert(r.clone(), table.groups.len());
            }
            table.groups.push(SpeakerGroup { name, raw, words });
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
    pub fn group_of(&self, raw: &str) -> Option<&SpeakerGroup> {
        self.by_raw.get(raw).map(|&g| &self.groups[g])
    }

    /// Speakers matching what a user typed: its folded words appear, in
    /// order and together, in the canonical name or one of its spellings.
    /// `sudani` matches every al-Sudani; a full name matches that speaker.
    pub fn matching(&self, query: &str) -> Vec<&SpeakerGroup> {
        let wanted = name_words(query);
        if wanted.is_empty() {
            return Vec::new();
        }
        self.groups
            .iter()
            .filter(|g| {
                contains_run(&g.words, &wanted)
                    || g.raw.iter().any(|r| contains_run(&name_words(r), &wanted))
            })
            .collect()
    }

    /// Every speaker.
    pub fn groups(&self) -> &[SpeakerGroup] {
        &self.groups
    }
}

/// The one longest name `key` can be short for, if exactly one.
fn longer_form(key: &[String], keys: &[Vec<String>]) -> Option<Vec<String>> {
    let short: Vec<&str> = key.iter().map(String::as_str).collect();
    let longer: Vec<&Vec<String>> = keys
        .iter()
        .filter(|k| k.len() > key.len())
        .filter(|k| is_short_form(&short, &k.iter().map(String::as_str).collect::<Vec<_>>()))
        .collect();
    let maximal: Vec<&&Vec<String>> = longer
        .iter()
        .filter(|k| {
            let own: Vec<&str> = k.iter().map(String::as_str).collect();
            !longer.iter().any(|o| {
                o.len() > k.len()
                    && is_short_form(&own, &o.iter().map(String::as_str).collect::<Vec<_>>())
            })
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

fn contains_run(words: &[String], run: &[String]) -> bool {
    run.len() <= words.len() && words.windows(run.len()).any(|w| w == run)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(names: &[(&str, u64)]) -> SpeakerTable {
        SpeakerTable::build(names.iter().map(|(n, c)| (n.to_string(), *c)))
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
