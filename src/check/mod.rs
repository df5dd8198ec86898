//! Claim check for fact-checkers: the passages that state a claim, best
//! first, each with the claim's facts marked as agreeing, differing or
//! not stated.
//!
//! - `numbers`: numbers as news writes them, to a value and a unit.
//! - `facts`: a claim's numbers, dates, names and direction of change, and
//!   their checks against a passage.
//! - `rank`: how close together a passage holds the claim's words.
//!
//! Candidates come from the search index (every word optional, ranked by
//! BM25, with the names of the claim's entities and its numbers in digits
//! added to the query); they are ranked again by BM25, proximity, the
//! share of the claim's numbers the passage agrees with, and the share of
//! the claim's terms its article holds ([`Searcher::article_terms`]).

mod facts;
pub mod numbers;
mod rank;

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use serde::Serialize;

pub use facts::{Check, Claim};

use crate::analyze::{abbreviations, initials_words};
use crate::error::{Error, Result};
use crate::search::{plain_words, Filters, Hit, Ranked, Searcher};
use crate::text::fold;

/// Candidates ranked again: enough to hold the target of a paraphrase.
const CANDIDATES: usize = 100;

/// How much each signal adds to the BM25 score (the best candidate's is 1).
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    /// Share of the claim's terms within one window.
    pub proximity: f64,
    /// Share of the claim's numbers the passage agrees with.
    pub numbers: f64,
    /// Share of the claim's names the passage holds.
    pub names: f64,
    /// Share of the claim's terms (weighed by rarity) its article holds.
    pub article: f64,
}

/// The weights `dossier check` uses: among the best on a grid over the dev
/// claims (`scripts/eval_claims.py --command check --tune`, which also
/// reports them chosen on four folds and judged on the fifth). Twice these
/// numbers and article weights score the dev claims alike, but let any
/// agreeing figure outweigh the claim's words
/// (`tests/check.rs::a_claim_with_another_number_differs`). Names
/// add nothing beyond what their words and the query's entity names
/// already do, so their weight is 0; the signal is still reported.
pub const WEIGHTS: Weights = Weights {
    proximity: 0.5,
    numbers: 1.0,
    names: 0.0,
    article: 2.0,
};

/// What a hit's rank is made of, reported so that weights can be tuned.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Signals {
    /// BM25 score over the best candidate's.
    pub bm25: f64,
    /// Share of the claim's terms within one window.
    pub proximity: f64,
    /// Share of the claim's numbers the passage states; a differing one
    /// counts half.
    pub numbers: f64,
    /// Share of the claim's names the passage holds.
    pub names: f64,
    /// Share of the claim's terms, weighed by rarity, that the passage's
    /// article holds in its title or any passage: a paragraph gives the
    /// figure, the article's opening names whom it is about.
    pub article: f64,
}

impl Signals {
    fn score(&self, weights: &Weights) -> f64 {
        self.bm25
            + weights.proximity * self.proximity
            + weights.numbers * self.numbers
            + weights.names * self.names
            + weights.article * self.article
    }
}

/// A passage that may state the claim.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CheckedHit {
    /// The passage, as `search` gives it.
    #[serde(flatten)]
    pub hit: Hit,
    /// Each fact of the claim against the passage.
    pub checks: Vec<Check>,
    /// `supports`, `differs` or `unclear`.
    pub verdict: &'static str,
    /// What its rank is made of.
    pub signals: Signals,
}

/// The passages found for a claim, best first, with the number of
/// candidates weighed.
pub type CheckResults = Ranked<CheckedHit>;

/// Finds the passages that state `claim`, best first.
pub fn check(
    searcher: &Searcher,
    claim: &str,
    limit: usize,
    filters: &Filters,
) -> Result<CheckResults> {
    let started = Instant::now();
    if !claim.chars().any(char::is_alphanumeric) {
        return Err(Error::Query("the claim has no words to look for".into()));
    }
    let mut facts = Claim::read(claim);
    facts.link(searcher.entity_table());
    let query = expanded_query(&facts);
    let found = searcher.candidates(&query, CANDIDATES, filters)?;
    let mut analyzer = crate::index::tokenizer::analyzer();
    let mut ordered = rank::terms(&mut analyzer, claim);
    let claim_terms: HashSet<String> = ordered.iter().cloned().collect();
    let mut seen = HashSet::new();
    ordered.retain(|t| seen.insert(t.clone()));
    let of_claim = term_bits(&ordered, &ordered);
    // The canonical names' terms are asked too (not weighed in the
    // article's share): an article may name the claim's entity otherwise.
    let mut name_terms = Vec::new();
    for name in &facts.names {
        let written = rank::terms(&mut analyzer, &name.written);
        let canonical = rank::terms(&mut analyzer, name.canonical.as_deref().unwrap_or(""));
        for term in written.iter().chain(&canonical) {
            if seen.insert(term.clone()) {
                ordered.push(term.clone());
            }
        }
        name_terms.push([
            term_bits(&written, &ordered),
            term_bits(&canonical, &ordered),
        ]);
    }
    let docs: HashSet<&str> = found.hits.iter().map(|h| h.citation.doc.as_str()).collect();
    let context = searcher.article_terms(&docs.into_iter().collect::<Vec<_>>(), &ordered)?;
    // Unknown (`None`) for a name none of whose terms could be asked: one
    // past the 64th term of a long claim.
    let in_article = |doc: &str, n: usize| {
        let [written, canonical] = name_terms[n];
        (written != 0).then(|| {
            context.holds_all(doc, written) || (canonical != 0 && context.holds_all(doc, canonical))
        })
    };
    let mut dates_by_publication = HashMap::new();
    let best = found
        .hits
        .first()
        .map_or(1.0, |h| f64::from(h.score).max(1e-9));
    let mut hits: Vec<(f64, CheckedHit)> = found
        .hits
        .into_iter()
        .map(|hit| {
            let published = hit.published.as_deref();
            let dates = dates_by_publication
                .entry(published.map(str::to_owned))
                .or_insert_with(|| facts.dates_as_of(published));
            let mut checks = facts.checks(&hit, dates);
            facts.mark_names_in_article(&mut checks, &hit, |n| in_article(&hit.citation.doc, n));
            let signals = Signals {
                bm25: f64::from(hit.score) / best,
                proximity: rank::proximity(&claim_terms, &rank::terms(&mut analyzer, &hit.text)),
                numbers: stated(&checks, "number"),
                names: stated(&checks, "entity"),
                article: context.share(&hit.citation.doc, of_claim),
            };
            let verdict = facts::verdict(&checks);
            let score = signals.score(&WEIGHTS);
            let checked = CheckedHit {
                hit,
                checks,
                verdict,
                signals,
            };
            (score, checked)
        })
        .collect();
    hits.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total = hits.len();
    let mut shown: Vec<CheckedHit> = hits.into_iter().take(limit).map(|(_, h)| h).collect();
    searcher.mark(shown.iter_mut().map(|c| &mut c.hit), &query)?;
    Ok(CheckResults {
        hits: shown,
        total,
        facets: Vec::new(),
        notes: found.notes,
        elapsed: started.elapsed(),
    })
}

/// The bits of `terms` among the claim's `ordered` terms (see
/// [`crate::search::ArticleTerms`]); a term beyond the 64th is left out.
fn term_bits(terms: &[String], ordered: &[String]) -> u64 {
    terms
        .iter()
        .filter_map(|t| ordered.iter().position(|o| o == t))
        .filter(|&i| i < crate::search::MAX_TERMS)
        .fold(0, |bits, i| bits | 1 << i)
}

/// How much of the claim's facts of a kind a passage states: one for each
/// that agrees, a half for each that differs (a passage that gives another
/// figure for the same thing is as likely the one a fact-checker wants),
/// over their number; 0 without any.
fn stated(checks: &[Check], kind: &str) -> f64 {
    let of_kind: Vec<&Check> = checks.iter().filter(|c| c.kind == kind).collect();
    if of_kind.is_empty() {
        return 0.0;
    }
    let weight = |c: &&Check| match c.agrees {
        Some(true) => 1.0,
        Some(false) => 0.5,
        None => 0.0,
    };
    of_kind.iter().map(weight).sum::<f64>() / of_kind.len() as f64
}

/// The claim's words (never the query language: a claim may hold a stray
/// quotation mark), with what else the index may write for its facts: the
/// words of each named entity's canonical name that the claim lacks (`CDC`
/// brings `Centers for Disease Control`), common initials and their words
/// (`GDP`, `gross domestic product`), and its numbers in digits
/// (`five hundred` brings `500`).
fn expanded_query(facts: &Claim) -> String {
    let mut query = plain_words(&facts.text);
    // Only the words the claim lacks: `West Germany` again would weigh the
    // name twice against the rest of the claim.
    let folded = fold(&facts.text);
    let mut words: HashSet<&str> = folded.split_whitespace().collect();
    let canonicals: Vec<String> = facts
        .names
        .iter()
        .filter_map(|n| n.canonical.as_deref().map(fold))
        .collect();
    for word in canonicals.iter().flat_map(|c| c.split_whitespace()) {
        if words.insert(word) {
            query.push(' ');
            query.push_str(word);
        }
    }
    // Common initials in capitals bring their words (`IPOs` brings
    // `initial public offering`), and the words their initials; stemming
    // takes care of plurals.
    let spaced = format!(" {folded} ");
    let mut related: Vec<&str> = facts
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(initials_words)
        .flat_map(str::split_whitespace)
        .collect();
    related.extend(
        abbreviations()
            .filter(|(_, full)| spaced.contains(&format!(" {full}")))
            .map(|(initials, _)| initials),
    );
    for word in related {
        if words.insert(word) {
            query.push(' ');
            query.push_str(word);
        }
    }
    for number in &facts.numbers {
        if number.value.fract() == 0.0 && number.value < 1e6 {
            query.push_str(&format!(" {}", number.value as u64));
        }
    }
    query
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_initials_and_their_words_ask_for_each_other() {
        let asked = expanded_query(&Claim::read("The exchange listed 53 new IPOs"));
        assert!(asked.ends_with(" initial public offering 53"), "{asked}");
        let asked = expanded_query(&Claim::read("Gross domestic product fell"));
        assert!(asked.ends_with(" gdp"), "{asked}");
        let asked = expanded_query(&Claim::read("The product fell"));
        assert!(!asked.contains("gdp"), "{asked}");
    }
}
