//! Which of a few terms each of some articles holds anywhere, in its
//! title or any passage: the context a claim checker weighs, since a
//! paragraph states a figure while the article's title or first paragraph
//! names whom it is about.
//!
//! Read from the postings, not the stored text: the articles' passages are
//! found by their `doc` term, and each term's postings are advanced over
//! them in document order.

use std::collections::{BTreeMap, HashMap};

use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, TermQuery, TermSetQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, SegmentReader, Term};

use super::Searcher;
use crate::error::Result;
use crate::index;
use crate::index::schema::PASSAGE;
use crate::index::ArticleIds;

/// The most terms one call can ask about: each is a bit of a `u64`.
pub const MAX_TERMS: usize = 64;

/// What [`Searcher::article_terms`] finds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleTerms {
    /// For each article id ([`index::article_id`]), bit `i` is set when
    /// the article holds term `i`.
    pub held: HashMap<u64, u64>,
    /// Each term's inverse document frequency in the `text` field, as
    /// BM25 weighs it: a rare term says more.
    pub idf: Vec<f64>,
}

impl ArticleTerms {
    /// True when the article `doc` holds every term of `terms` (a mask of
    /// term bits).
    pub fn holds_all(&self, doc: &str, terms: u64) -> bool {
        let held = self.held.get(&index::article_id(doc)).copied().unwrap_or(0);
        held & terms == terms
    }

    /// The share of the weight of some terms (`of`, a mask of term bits)
    /// that the article `doc` holds.
    pub fn share(&self, doc: &str, of: u64) -> f64 {
        let weight = |mask: u64| -> f64 {
            (0..self.idf.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| self.idf[i])
                .sum()
        };
        let total = weight(of);
        let held = self.held.get(&index::article_id(doc)).copied().unwrap_or(0);
        match total > 0.0 {
            true => weight(held & of) / total,
            false => 0.0,
        }
    }
}

impl Searcher {
    /// Which of `terms` (as the index's analyzer writes them; at most
    /// [`MAX_TERMS`], the rest ignored) each of the articles `docs` holds
    /// in its title or text.
    pub fn article_terms(&self, docs: &[&str], terms: &[String]) -> Result<ArticleTerms> {
        let terms = &terms[..terms.len().min(MAX_TERMS)];
        let fields = self.fields();
        let searcher = self.reader.searcher();
        let idf = terms
            .iter()
            .map(|t| {
                let df = searcher.doc_freq(&Term::from_field_text(fields.text, t))?;
                Ok(idf(searcher.num_docs(), df))
            })
            .collect::<Result<Vec<f64>>>()?;
        let of_articles = TermSetQuery::new(
            docs.iter()
                .map(|doc| Term::from_field_text(fields.doc, doc)),
        );
        let passages = TermQuery::new(
            Term::from_field_u64(fields.record, PASSAGE),
            IndexRecordOption::Basic,
        );
        let articles = BooleanQuery::intersection(vec![Box::new(of_articles), Box::new(passages)]);
        let mut by_segment: BTreeMap<u32, Vec<DocId>> = BTreeMap::new();
        for address in searcher.search(&articles, &DocSetCollector)? {
            by_segment
                .entry(address.segment_ord)
                .or_default()
                .push(address.doc_id);
        }
        let mut held = HashMap::new();
        for (segment, mut passages) in by_segment {
            passages.sort_unstable();
            let reader = searcher.segment_reader(segment);
            self.mark_terms(reader, &passages, terms, &mut held)?;
        }
        Ok(ArticleTerms { held, idf })
    }

    /// Sets, in `held`, the bit of each term that one of `passages` (in
    /// ascending order) holds, under the passage's article.
    fn mark_terms(
        &self,
        reader: &SegmentReader,
        passages: &[DocId],
        terms: &[String],
        held: &mut HashMap<u64, u64>,
    ) -> Result<()> {
        let fields = self.fields();
        let article_of = ArticleIds::of_docs(reader, passages)?;
        for field in [fields.text, fields.title] {
            let inverted = reader.inverted_index(field)?;
            for (bit, term) in terms.iter().enumerate() {
                let term = Term::from_field_text(field, term);
                let Some(mut postings) = inverted
                    .read_postings(&term, IndexRecordOption::Basic)
                    .map_err(tantivy::TantivyError::from)?
                else {
                    continue;
                };
                // Postings only move forward: a passage below the current
                // posting does not hold the term.
                for (doc, article) in passages.iter().zip(&article_of) {
                    if postings.doc() <= *doc && postings.seek(*doc) == *doc {
                        *held.entry(*article).or_default() |= 1 << bit;
                    }
                }
            }
        }
        Ok(())
    }
}

/// BM25's inverse document frequency.
fn idf(docs: u64, with_term: u64) -> f64 {
    let (n, df) = (docs as f64, with_term as f64);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_terms_weigh_more_than_common_ones() {
        assert!(idf(1000, 1) > idf(1000, 500));
        assert!(idf(1000, 500) > idf(1000, 1000));
    }

    #[test]
    fn the_share_is_the_held_terms_weight_over_all() {
        let doc = "a.txt";
        let terms = ArticleTerms {
            held: HashMap::from([(index::article_id(doc), 0b101)]),
            idf: vec![1.0, 2.0, 3.0],
        };
        assert!((terms.share(doc, 0b111) - 4.0 / 6.0).abs() < 1e-9);
        assert!((terms.share(doc, 0b011) - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(terms.share("b.txt", 0b111), 0.0);
        assert!(terms.holds_all(doc, 0b100));
        assert!(!terms.holds_all(doc, 0b110));
    }
}
