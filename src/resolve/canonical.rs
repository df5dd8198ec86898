//! The name and the kind an entity is shown with.

use std::collections::BTreeMap;

use super::keys::without_lead_in;
use super::{other_name, Name, Source, Usage};
use crate::analyze::{is_acronym, EntityKind};

/// The kind most of an entity's passages give its names.
pub fn kind(names: &[&Name], kinds: &[EntityKind], members: &[usize]) -> EntityKind {
    let mut tally = [0u64; 3];
    for &i in members {
        tally[super::kind_slot(kinds[i])] += names[i].passages.max(1);
    }
    let best = (0..3).rev().max_by_key(|&k| tally[k]).unwrap_or(0);
    [EntityKind::Person, EntityKind::Org, EntityKind::Place][best]
}

/// The canonical name: the most used full form as written, without a
/// leading title, role or demonym. A full form is one that is spelled out
/// (not an acronym) and, for a person, has two words or more. Among full
/// forms, spellings of names the tagger found come before those only
/// speakers have, whose values are less sure; mixed case beats capitals
/// (`TRUMP`); then the most articles win, then passages, then the most
/// words, then the first in alphabetical order.
pub fn name(names: &[&Name], kind: EntityKind, members: &[usize]) -> String {
    let mut forms: BTreeMap<&str, Form> = BTreeMap::new();
    for &i in members {
        let name = names[i];
        // The value counts too: an article may give a name's full form
        // only by inference (`IRI` and `Islamic Resistance` beside each
        // other), never writing it out.
        let value = Usage {
            articles: name.articles,
            passages: name.passages,
        };
        let spellings = name.spellings.iter().map(|(s, n)| (s.as_str(), *n));
        for (spelling, usage) in spellings.chain([(name.value.as_str(), value)]) {
            let text = match kind {
                EntityKind::Person => without_lead_in(spelling.trim()),
                _ => spelling.trim(),
            };
            let form = forms.entry(text).or_default();
            form.tagged |= name.source != Source::Speaker;
            form.usage.articles += usage.articles;
            form.usage.passages += usage.passages;
        }
    }
    forms
        .into_iter()
        .max_by(|a, b| rank(kind, a).cmp(&rank(kind, b)).then_with(|| b.0.cmp(a.0)))
        .map(|(form, _)| form.to_owned())
        .unwrap_or_default()
}

/// A spelling's use across an entity's names.
#[derive(Default)]
struct Form {
    tagged: bool,
    usage: Usage,
}

/// What makes a form a better canonical name, in order of importance.
fn rank(kind: EntityKind, (text, form): &(&str, Form)) -> (bool, bool, bool, Usage, usize) {
    let words = text.split_whitespace().count();
    // An acronym or another name (`Fed`) stands for the name in full.
    let full = !is_acronym(text)
        && other_name(text).is_none()
        && (kind != EntityKind::Person || words >= 2);
    let mixed_case = text.chars().any(char::is_lowercase);
    (full, form.tagged, mixed_case, form.usage, words)
}
