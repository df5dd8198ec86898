//! Stored documents back into results: a passage into a [`Hit`], a
//! quotation into a [`QuoteHit`], with names read through the entity
//! table.

use tantivy::schema::Value;
use tantivy::TantivyDocument;

use super::highlight;
use super::{Citation, EntityRef, Hit, QuoteHit, Searcher};
use crate::analyze::{EntityKind, QuoteKind};
use crate::index::{entity_field, Fields, StoredQuote};
use crate::resolve::Source;

impl Searcher {
    /// The canonical name of a speaker as their article resolved them.
    fn speaker_name(&self, value: &str) -> String {
        self.table
            .of_value(Source::Speaker, value)
            .map_or(value, |e| e.name())
            .to_owned()
    }

    pub(super) fn hit(
        &self,
        document: &TantivyDocument,
        score: f32,
        terms: &highlight::Terms,
    ) -> Hit {
        let fields = &self.open.fields;
        let text = text_of(document, fields.text);
        let highlights = self.highlighter.ranges(&text, terms);
        let mut quotes: Vec<StoredQuote> =
            serde_json::from_str(&text_of(document, fields.quotes)).unwrap_or_default();
        for quote in &mut quotes {
            if let Some(speaker) = &mut quote.speaker {
                *speaker = self.speaker_name(speaker);
            }
        }
        let mut speakers: Vec<String> = Vec::new();
        for name in document.get_all(fields.speaker).filter_map(|v| v.as_str()) {
            let canonical = self.speaker_name(name);
            if !speakers.contains(&canonical) {
                speakers.push(canonical);
            }
        }
        Hit {
            citation: citation_of(document, fields),
            title: text_of(document, fields.title),
            published: Some(text_of(document, fields.published)).filter(|p| !p.is_empty()),
            source: Some(text_of(document, fields.source)).filter(|s| !s.is_empty()),
            dates: texts_of(document, fields.dates),
            score,
            heading: number_of(document, fields.heading) == 1,
            text,
            highlights,
            speakers,
            quotes,
            entities: self.entities_of(document),
        }
    }

    /// The entities a document names, as the entity table has them.
    fn entities_of(&self, document: &TantivyDocument) -> Vec<EntityRef> {
        let mut entities: Vec<EntityRef> = Vec::new();
        for (kind, source) in [
            (EntityKind::Person, Source::Person),
            (EntityKind::Org, Source::Org),
            (EntityKind::Place, Source::Place),
        ] {
            for value in document
                .get_all(entity_field(&self.open.fields, kind))
                .filter_map(|v| v.as_str())
            {
                // Wire boilerplate the table leaves out has no entity.
                let Some(entity) = self.table.of_value(source, value) else {
                    continue;
                };
                let id = entity.id_text();
                if !entities.iter().any(|e| e.id == id) {
                    entities.push(EntityRef {
                        id,
                        name: entity.name().to_owned(),
                        kind: entity.kind(),
                    });
                }
            }
        }
        entities
    }

    pub(super) fn quote_hit(&self, document: &TantivyDocument, score: Option<f32>) -> QuoteHit {
        let fields = &self.open.fields;
        QuoteHit {
            speaker: Some(text_of(document, fields.speaker))
                .filter(|name| !name.is_empty())
                .map(|name| self.speaker_name(&name)),
            text: text_of(document, fields.quotation),
            kind: QuoteKind::from_name(&text_of(document, fields.quote_kind)),
            citation: citation_of(document, fields),
            published: Some(text_of(document, fields.published)).filter(|p| !p.is_empty()),
            dates: texts_of(document, fields.dates),
            score,
        }
    }
}

/// Where a stored passage or quotation stands.
fn citation_of(document: &TantivyDocument, fields: &Fields) -> Citation {
    Citation {
        doc: text_of(document, fields.doc),
        path: text_of(document, fields.path),
        line: optional_number(document, fields.line),
        page: optional_number(document, fields.page),
        paragraph: Some(number_of(document, fields.paragraph)),
        start: number_of(document, fields.start),
        end: number_of(document, fields.end),
    }
}

fn text_of(document: &TantivyDocument, field: tantivy::schema::Field) -> String {
    document
        .get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned()
}

fn texts_of(document: &TantivyDocument, field: tantivy::schema::Field) -> Vec<String> {
    document
        .get_all(field)
        .filter_map(|v| v.as_str())
        .map(str::to_owned)
        .collect()
}

fn optional_number(document: &TantivyDocument, field: tantivy::schema::Field) -> Option<u64> {
    document.get_first(field).and_then(|v| v.as_u64())
}

fn number_of(document: &TantivyDocument, field: tantivy::schema::Field) -> u64 {
    document
        .get_first(field)
        .and_then(|v| v.as_u64())
        .unwrap_or_default()
}
