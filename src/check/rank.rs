//! How close together a passage holds a claim's words: the share of the
//! claim's terms (stemmed, stop words out) found within one window of the
//! passage.

use std::collections::{HashMap, HashSet};

use tantivy::tokenizer::TextAnalyzer;

/// The terms of a text, in order, as the index's analyzer makes them.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

/// The largest share of the claim's distinct terms that one window of the
/// passage holds; the window is twice as long as the claim, at least ten
/// terms, so that a paraphrase may reorder and pad.
pub fn proximity(claim: &HashSet<String>, passage: &[String]) -> f64 {
    if claim.is_empty() {
        return 0.0;
    }
    let window = (2 * claim.len()).max(10);
    let mut inside: HashMap<&str, usize> = HashMap::new();
    let mut best = 0;
    for (i, term) in passage.iter().enumerate() {
        if claim.contains(term) {
            *inside.entry(term).or_default() += 1;
        }
        if i >= window {
            let leaving = passage[i - window].as_str();
            if let Some(count) = inside.get_mut(leaving) {
                *count -= 1;
                if *count == 0 {
                    inside.remove(leaving);
                }
            }
        }
        best = best.max(inside.len());
    }
    best as f64 / claim.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_close_together_count_more_than_words_apart() {
        let mut analyzer = crate::index::tokenizer::analyzer();
        let mut terms = |text: &str| terms(&mut analyzer, text);
        let claim: HashSet<String> = terms("consumer confidence rose in December")
            .into_iter()
            .collect();
        let close = terms("Consumer confidence in December rose sharply, a survey showed.");
        let mut far = terms("Consumer groups met.");
        far.extend(terms(&"filler words here ".repeat(10)));
        far.extend(terms("Confidence rose in December."));
        assert_eq!(proximity(&claim, &close), 1.0);
        assert!(proximity(&claim, &far) < 1.0);
        assert_eq!(proximity(&HashSet::new(), &close), 0.0);
    }
}
