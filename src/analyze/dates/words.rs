//! The date reader's word lists, kept as data in `data/dates.txt`.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// The lists, one per section of `data/dates.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum List {
    /// `in May`, `since March`.
    BeforeADate,
    /// `about 2000`.
    Count,
    /// `round 1843`, `Resolution 2085`.
    Label,
    /// `will`, `scheduled`.
    Future,
    /// `plan`: future when `to` follows.
    FutureBeforeTo,
    /// `said`, `rose`.
    IrregularPast,
    /// `the latest quarter`.
    Focus,
    /// `has recently`.
    Auxiliary,
    /// `the`, `its`: an `-ed` word after one is an adjective.
    Determiner,
    /// `the year before`: another year than the publication's.
    AnotherYear,
}

impl List {
    #[cfg(test)]
    const ALL: [List; 10] = [
        List::BeforeADate,
        List::Count,
        List::Label,
        List::Future,
        List::FutureBeforeTo,
        List::IrregularPast,
        List::Focus,
        List::Auxiliary,
        List::Determiner,
        List::AnotherYear,
    ];

    fn section(self) -> &'static str {
        match self {
            List::BeforeADate => "before a date",
            List::Count => "count",
            List::Label => "label",
            List::Future => "future",
            List::FutureBeforeTo => "future before to",
            List::IrregularPast => "irregular past",
            List::Focus => "focus",
            List::Auxiliary => "auxiliary",
            List::Determiner => "determiner",
            List::AnotherYear => "another year",
        }
    }
}

const TEXT: &str = include_str!("../data/dates.txt");

/// True when `word` (lower case) is on `list`.
pub(super) fn is_listed(list: List, word: &str) -> bool {
    static SECTIONS: OnceLock<FxHashMap<&'static str, FxHashSet<&'static str>>> = OnceLock::new();
    SECTIONS
        .get_or_init(|| sections(TEXT))
        .get(list.section())
        .is_some_and(|words| words.contains(word))
}

/// The sections of a list file: `[name]` lines, then words; `#` comments.
fn sections(text: &str) -> FxHashMap<&str, FxHashSet<&str>> {
    let mut sections: FxHashMap<&str, FxHashSet<&str>> = FxHashMap::default();
    let mut current = "";
    for line in text.lines().map(str::trim) {
        if line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name;
            continue;
        }
        sections
            .entry(current)
            .or_default()
            .extend(line.split_whitespace());
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_has_its_section_with_lower_case_words() {
        let sections = sections(TEXT);
        for list in List::ALL {
            let words = sections.get(list.section());
            assert!(words.is_some_and(|w| !w.is_empty()), "{list:?}");
            for word in words.into_iter().flatten() {
                assert_eq!(word.to_lowercase(), *word, "{list:?}");
            }
        }
        assert!(is_listed(List::Count, "about") && !is_listed(List::Count, "the"));
    }
}
