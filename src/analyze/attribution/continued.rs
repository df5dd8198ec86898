//! Quotations with no attribution of their own: news style carries the
//! last speaker on, within a paragraph and into the next.

use std::ops::Range;

use super::{Quote, QuoteKind, Speaker};
use crate::analyze::lexer::TokenKind;
use crate::analyze::names::Mention;
use crate::analyze::reading::{Reading, View};
use crate::analyze::speech_words::{is_verb_companion, reporting_lemma};
use crate::analyze::tagger::NameLabel;
use crate::analyze::wordlists::is_person_role;

/// What a quotation with no attribution of its own may continue: the
/// quotations before it in its paragraph, and the previous paragraph.
pub(super) struct Continued<'a, 'r> {
    /// The quotation's own paragraph.
    pub(super) view: &'a View<'r>,
    pub(super) earlier: &'a [Quote],
    pub(super) previous: Option<(&'a View<'r>, &'a [Quote])>,
    pub(super) reading: &'a Reading<'r>,
}

impl Continued<'_, '_> {
    /// A quotation that opens its sentence continues the speaker of the
    /// quotation before it in the paragraph; one that opens its paragraph
    /// continues the previous paragraph's speaker.
    pub(super) fn speaker(
        &self,
        sentence: Range<usize>,
        q: usize,
        kind: QuoteKind,
    ) -> Option<Speaker> {
        // `Adding, "..."`, `Specifically, "..."`: a sentence that opens
        // with a participle of speech or an adverb and a comma goes on as
        // if it opened with the quotation.
        let after_lead_in = q == sentence.start + 2
            && self.view.tokens[sentence.start].kind == TokenKind::Word
            && {
                let word = self.view.tokens[sentence.start].text(self.view.text);
                (word.ends_with("ing") && reporting_lemma(word).is_some())
                    || is_verb_companion(&word.to_lowercase())
            }
            && self.view.tokens[sentence.start + 1].kind == TokenKind::Punct(',');
        if kind != QuoteKind::Direct || (q != sentence.start && !after_lead_in) {
            return None;
        }
        if let Some(speaker) = self
            .earlier
            .iter()
            .rev()
            .find_map(|quote| quote.speaker.clone())
        {
            return Some(speaker);
        }
        if q != 0 {
            return None;
        }
        let (previous_view, previous_quotes) = self.previous?;
        let open_quote = previous_quotes
            .last()
            .filter(|_| previous_view.quotations.last().is_some_and(|q| !q.closed));
        if let Some(speaker) = open_quote.and_then(|q| q.speaker.clone()) {
            return Some(speaker);
        }
        // `"...," X tells Quorn Daily.` ¶ `"..."`: X goes on, not the
        // name X spoke to.
        self.last_sentence_speaker(previous_view, previous_quotes)
            .or_else(|| self.previous_person(previous_view))
            .or_else(|| previous_quotes.iter().rev().find_map(|q| q.speaker.clone()))
    }

    /// The speaker of a quotation in a paragraph's last sentence.
    fn last_sentence_speaker(&self, view: &View<'_>, quotes: &[Quote]) -> Option<Speaker> {
        let last = view.sentences.last()?;
        let start = view.base + view.tokens.get(last.start)?.range.start;
        quotes
            .iter()
            .rev()
            .take_while(|q| q.outer.start >= start)
            .find_map(|q| q.speaker.clone())
    }

    /// The first person named in a paragraph's last sentence, its subject
    /// more often than the last name is: a name the tagger took for a
    /// person, or one it passed over that has a title or role or two words;
    /// never a place (`his constituents in South Carolina`), an organisation
    /// named as a venue (`The Wall Street Journal`) or no entity at all
    /// (`the Rose Bowl`).
    fn previous_person(&self, view: &View<'_>) -> Option<Speaker> {
        let last = view.mentions.last()?;
        let mention = last.iter().find(|m| {
            let range = view.base + m.range.start..view.base + m.range.end;
            let person_like =
                m.title.is_some() || is_person_role_before(view, m) || m.tokens.len() >= 2;
            !m.role_only
                && !m.doubtful
                && match self.reading.label_at(&range) {
                    Some(label) => label == NameLabel::Person,
                    None => person_like,
                }
        })?;
        Some(Speaker {
            name: view.text[mention.range.clone()].to_owned(),
            mention: Some(view.base + mention.range.start..view.base + mention.range.end),
        })
    }
}

fn is_person_role_before(view: &View<'_>, mention: &Mention) -> bool {
    mention.tokens.start.checked_sub(1).is_some_and(|p| {
        view.tokens[p].kind == TokenKind::Word && is_person_role(view.tokens[p].text(view.text))
    })
}
