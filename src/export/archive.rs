//! Passages for an archive beyond one machine: Quickwit (tantivy across
//! nodes) or OpenSearch. One table, [`ARCHIVE_FIELDS`], declares the
//! fields; both mappings and every document are made from it, so they
//! cannot disagree.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use serde_json::{json, Map, Value};

use super::{Export, Format};
use crate::error::{Error, Result};
use crate::search::{Hit, Searcher};

/// The index name both archives are given.
pub const INDEX_NAME: &str = "dossier";

/// How an archive field is indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// One exact value, for filters and terms aggregations.
    Keyword,
    /// Several exact values.
    Keywords,
    /// Words, searchable with positions for phrases.
    Text,
    /// A whole number.
    Integer,
    /// True or false.
    Boolean,
    /// A date and time (RFC 3339).
    Date,
}

/// A field of the archive document.
#[derive(Debug, Clone, Copy)]
pub struct ArchiveField {
    /// Its name in the documents and mappings.
    pub name: &'static str,
    /// How it is indexed.
    pub kind: FieldType,
}

const fn field(name: &'static str, kind: FieldType) -> ArchiveField {
    ArchiveField { name, kind }
}

/// Every field an archive document may hold.
pub const ARCHIVE_FIELDS: [ArchiveField; 16] = [
    field("id", FieldType::Keyword),
    field("doc", FieldType::Keyword),
    field("path", FieldType::Keyword),
    field("line", FieldType::Integer),
    field("page", FieldType::Integer),
    field("paragraph", FieldType::Integer),
    field("title", FieldType::Text),
    field("text", FieldType::Text),
    field("heading", FieldType::Boolean),
    field("published", FieldType::Date),
    field("source", FieldType::Keyword),
    field("speakers", FieldType::Keywords),
    field("people", FieldType::Keywords),
    field("organisations", FieldType::Keywords),
    field("places", FieldType::Keywords),
    field("dates", FieldType::Keywords),
];

/// The field Quickwit orders and prunes splits by.
const TIMESTAMP_FIELD: &str = "published";

/// The stable id of a passage: its article and where it starts in the
/// file, so that exporting again replaces rather than duplicates.
fn passage_id(hit: &Hit) -> String {
    format!("{}#{}", hit.citation.doc, hit.citation.start)
}

/// `2023`, `2023-10` or `2023-10-04` as RFC 3339, at the first day.
fn timestamp(published: &str) -> String {
    let mut parts = published.splitn(3, '-');
    let year = parts.next().unwrap_or("1970");
    let month = parts.next().unwrap_or("01");
    let day = parts.next().unwrap_or("01");
    format!("{year}-{month}-{day}T00:00:00Z")
}

/// The archive document of a passage.
pub fn document(hit: &Hit) -> Map<String, Value> {
    let names = |kind: &str| -> Vec<&str> {
        hit.entities
            .iter()
            .filter(|e| e.kind.as_str() == kind)
            .map(|e| e.name.as_str())
            .collect()
    };
    let mut document = Map::new();
    let mut put = |name: &str, value: Value| {
        document.insert(name.to_owned(), value);
    };
    put("id", json!(passage_id(hit)));
    put("doc", json!(hit.citation.doc));
    put("path", json!(hit.citation.path));
    if let Some(line) = hit.citation.line {
        put("line", json!(line));
    }
    if let Some(page) = hit.citation.page {
        put("page", json!(page));
    }
    put("paragraph", json!(hit.citation.paragraph));
    put("title", json!(hit.title));
    put("text", json!(hit.text));
    put("heading", json!(hit.heading));
    if let Some(published) = &hit.published {
        put("published", json!(timestamp(published)));
    }
    if let Some(source) = &hit.source {
        put("source", json!(source));
    }
    put("speakers", json!(hit.speakers));
    put("people", json!(names("person")));
    put("organisations", json!(names("org")));
    put("places", json!(names("place")));
    put("dates", json!(hit.dates));
    document
}

/// Writes the archive folder of an export; returns the passages written.
pub fn write(
    searcher: &Searcher,
    export: &Export<'_>,
    folder: &Path,
    progress: &dyn Fn(u64),
) -> Result<u64> {
    std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    let (data, settings, settings_text) = match export.format {
        Format::Quickwit => ("passages.ndjson", "index-config.yaml", quickwit_config()),
        _ => ("bulk.ndjson", "mapping.json", opensearch_mapping()),
    };
    write_text(&folder.join(settings), &settings_text)?;
    write_text(&folder.join("README.md"), &readme(export.format))?;
    let path = folder.join(data);
    let file = File::create(&path).map_err(|e| Error::io(&path, e))?;
    let mut out = BufWriter::new(file);
    let bulk = export.format == Format::Opensearch;
    let mut written = 0;
    searcher.each(export.query, export.filters, |hit: Hit| {
        let document = document(&hit);
        if bulk {
            let action = json!({ "index": { "_index": INDEX_NAME, "_id": passage_id(&hit) } });
            writeln!(out, "{action}").map_err(|e| Error::io(&path, e))?;
        }
        writeln!(out, "{}", Value::Object(document)).map_err(|e| Error::io(&path, e))?;
        written += 1;
        progress(written);
        Ok(())
    })?;
    out.flush().map_err(|e| Error::io(&path, e))?;
    Ok(written)
}

fn write_text(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| Error::io(path, e))
}

/// Quickwit's index config: raw, fast text for the facets (terms
/// aggregations), positions on the words for phrases, the publication
/// date as the timestamp, and nothing undeclared (`mode: strict`).
pub fn quickwit_config() -> String {
    let mut yaml = format!(
        "# Made by `dossier export --format quickwit`.\nversion: 0.8\nindex_id: {INDEX_NAME}\n\
         doc_mapping:\n  mode: strict\n  field_mappings:\n"
    );
    for field in ARCHIVE_FIELDS {
        yaml.push_str(&format!("    - name: {}\n", field.name));
        let lines: &[&str] = match field.kind {
            FieldType::Keyword => &["type: text", "tokenizer: raw", "fast: true"],
            FieldType::Keywords => &["type: array<text>", "tokenizer: raw", "fast: true"],
            FieldType::Text => &["type: text", "tokenizer: default", "record: position"],
            FieldType::Integer => &["type: u64"],
            FieldType::Boolean => &["type: bool"],
            FieldType::Date => &[
                "type: datetime",
                "input_formats: [rfc3339]",
                "fast: true",
                "fast_precision: seconds",
            ],
        };
        for line in lines {
            yaml.push_str(&format!("      {line}\n"));
        }
    }
    yaml.push_str(&format!(
        "  timestamp_field: {TIMESTAMP_FIELD}\nsearch_settings:\n  default_search_fields: [title, text]\n"
    ));
    yaml
}

/// OpenSearch's index body: keywords for the facets, a date for the
/// publication, and a strict mapping.
pub fn opensearch_mapping() -> String {
    let mut properties = Map::new();
    for field in ARCHIVE_FIELDS {
        let mapping = match field.kind {
            FieldType::Keyword | FieldType::Keywords => json!({ "type": "keyword" }),
            FieldType::Text => json!({ "type": "text" }),
            FieldType::Integer => json!({ "type": "long" }),
            FieldType::Boolean => json!({ "type": "boolean" }),
            FieldType::Date => json!({ "type": "date", "format": "strict_date_optional_time" }),
        };
        properties.insert(field.name.to_owned(), mapping);
    }
    let body = json!({ "mappings": { "dynamic": "strict", "properties": properties } });
    serde_json::to_string_pretty(&body).unwrap_or_default() + "\n"
}

/// The commands that load the folder, and how dossier's queries read there.
fn readme(format: Format) -> String {
    let text = match format {
        Format::Quickwit => include_str!("quickwit.md"),
        _ => include_str!("opensearch.md"),
    };
    text.replace("{index}", INDEX_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_is_timestamped_at_its_first_day() {
        let stamps = ["2023-10-04", "2023-10", "2023"].map(timestamp);
        let first_days = ["2023-10-04", "2023-10-01", "2023-01-01"];
        assert_eq!(stamps, first_days.map(|day| format!("{day}T00:00:00Z")));
    }

    #[test]
    fn both_mappings_declare_every_field_once() {
        let quickwit = quickwit_config();
        let opensearch: Value = serde_json::from_str(&opensearch_mapping()).expect("JSON");
        let properties = opensearch["mappings"]["properties"]
            .as_object()
            .expect("properties");
        assert_eq!(properties.len(), ARCHIVE_FIELDS.len());
        for field in ARCHIVE_FIELDS {
            let declared = format!("    - name: {}\n", field.name);
            assert_eq!(quickwit.matches(&declared).count(), 1, "{}", field.name);
            assert!(properties.contains_key(field.name), "{}", field.name);
        }
    }
}
