//! Quotations with no attribution of their own: news style carries the
//! last speaker on, within a paragraph and into the next.

use std::ops::Range;

use super::{Quote, QuoteKind, Speaker};
use crate::analyze::lexer::TokenKind;
use crate::analyze::names::Mention;
use crate::analyze::reading::{Reading, View};
use crate::analyze::tagger::NameLabel;
use crate::analyze::wordlists::is_person_role;

/// What a quotation with no attribution of its own may continue: the
/// quotations before it in its paragraph, and the previous paragraph.
pub(super) struct Continued<'a, 'r> {
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
        if kind != QuoteKind::Direct || q != sentence.start {
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
        self.previous_person(previous_view)
            .or_else(|| previous_quotes.iter().rev().find_map(|q| q.speaker.clone()))
    }

    /// The last person named in a paragraph's last sentence; never a name
    /// the tagger took for a place (`his constituents in South Carolina`)
    /// or for no entity at all (`the Rose Bowl`).
    fn previous_person(&self, view: &View<'_>) -> Option<Speaker> {
        let last = view.mentions.last()?;
        let mention = last.iter().rev().find(|m| {
            let range = view.base + m.range.start..view.base + m.range.end;
            !m.role_only
                && !m.doubtful
                && !matches!(
                    self.reading.label_at(&range),
                    Some(NameLabel::Place | NameLabel::Other)
                )
                && (m.title.is_some() || is_person_role_before(view, m) || m.tokens.len() >= 2)
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
