//! Companies as general knowledge: the banks, carmakers, airlines, news
//! organisations and exchanges that news names most, in
//! `data/words/companies.txt`. The entity tagger learned from news of
//! 1996, before most of today's companies; the list tells it that a name
//! it found is a company's.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::names::{fold, folded_entries};

/// The listed names, folded.
fn companies() -> &'static FxHashSet<String> {
    static COMPANIES: OnceLock<FxHashSet<String>> = OnceLock::new();
    COMPANIES.get_or_init(|| folded_entries(include_str!("data/words/companies.txt")))
}

/// True when `name` is a listed company, however it is written (case,
/// accents, apostrophes and a possessive do not count).
pub fn is_known_company(name: &str) -> bool {
    companies().contains(&fold(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_companies_are_known_however_they_are_written() {
        assert!(is_known_company("Goldman Sachs"));
        assert!(is_known_company("GOLDMAN SACHS"));
        assert!(is_known_company("McDonald’s"));
        assert!(is_known_company("AT&T"));
    }

    #[test]
    fn a_part_of_a_name_or_a_surname_is_not_a_company() {
        assert!(!is_known_company("Goldman"));
        assert!(!is_known_company("Ford"));
        assert!(!is_known_company("Twitter Inc"));
    }
}
