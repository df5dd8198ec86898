//! `dossier export`: CSV that a CSV reader reads back as the `--json`
//! output, NDJSON equal to the search's hits, and Quickwit and OpenSearch
//! folders whose every document fits the mapping exported beside it;
//! completion scripts and the manual page.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use common::{of_type, Workspace};
use serde_json::Value;

/// An article whose passages hold commas, quotation marks and a line
/// break, as a spreadsheet must keep them.
const AWKWARD: &str = "date 2024-03-05\n\nQuarry, \"inc.\"\n\n\
    The mayor said \"no, never\", and left; the quarry, he added, stays shut.\n\
    A second line of the same paragraph, with a comma.\n";

fn workspace() -> Workspace {
    indexed().0
}

/// The workspace, indexed, and how many passages the index holds.
fn indexed() -> (Workspace, usize) {
    let workspace = Workspace::with_seeds();
    workspace.write("seeds/awkward.txt", AWKWARD);
    let run = workspace.run(&["index", "seeds"]);
    assert_eq!(run.code(), 0);
    let stderr = run.stderr();
    let passages = stderr
        .split("index holds ")
        .nth(1)
        .and_then(|rest| rest.split(", ").nth(1))
        .and_then(|p| p.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no passage count in: {stderr}"));
    (workspace, passages)
}

fn read(workspace: &Workspace, relative: &str) -> String {
    std::fs::read_to_string(workspace.path().join(relative)).expect("exported file")
}

/// Every passage of the index, as `--json` hits keyed by doc and start.
fn all_hits(workspace: &Workspace, query: &str) -> BTreeMap<(String, u64), Value> {
    let lines = workspace.json(&["search", query, "-n", "100000"]);
    of_type(&lines, "hit")
        .into_iter()
        .map(|hit| {
            let key = (
                hit["doc"].as_str().unwrap_or_default().to_owned(),
                hit["start"].as_u64().unwrap_or_default(),
            );
            (key, hit.clone())
        })
        .collect()
}

#[test]
fn csv_reads_back_as_the_json_output() {
    let workspace = workspace();
    let run = workspace.run(&["export", "quarry OR sudani", "-o", "out.csv"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let hits = all_hits(&workspace, "quarry OR sudani");
    let csv_text = read(&workspace, "out.csv");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(
        header.iter().take(7).collect::<Vec<_>>().join(","),
        "doc,path,line,title,published,source,text"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), hits.len());
    let texts: BTreeSet<&str> = rows.iter().map(|r| &r[6]).collect();
    let expected: BTreeSet<&str> = hits.values().filter_map(|h| h["text"].as_str()).collect();
    assert_eq!(texts, expected);
    // The awkward passage kept its quotation marks, commas and line break.
    assert!(
        texts
            .iter()
            .any(|t| t.contains("\"no, never\", and left;") && t.contains('\n')),
        "{texts:?}"
    );
    assert!(rows.iter().any(|r| &r[4] == "2024-03-05"));
}

#[test]
fn ndjson_of_a_query_equals_the_search_hits() {
    let workspace = workspace();
    let run = workspace.run(&[
        "export", "militias", "--format", "ndjson", "--place", "Iraq",
    ]);
    assert_eq!(run.code(), 0);
    let exported = run.json();
    assert!(exported.iter().all(|r| r["type"] == "hit"));
    let lines = workspace.json(&["search", "militias", "--place", "Iraq", "-n", "1000"]);
    let searched = of_type(&lines, "hit");
    let key = |r: &Value| (r["doc"].to_string(), r["start"].as_u64());
    let a: BTreeSet<_> = exported.iter().map(key).collect();
    let b: BTreeSet<_> = searched.iter().map(|r| key(r)).collect();
    assert!(!a.is_empty());
    assert_eq!(a, b);
    // Quotations and entities export too.
    let quotes = workspace.run(&[
        "export",
        "--what",
        "quotes",
        "--format",
        "ndjson",
        "--speaker",
        "sudani",
    ]);
    let quotes = quotes.json();
    assert!(!quotes.is_empty() && quotes.iter().all(|q| q["type"] == "quote"));
    let entities = workspace.run(&["export", "--what", "entities", "--format", "csv"]);
    assert!(entities
        .stdout()
        .starts_with("id,name,kind,variants,passages\n"));
}

/// Checks one archive document against declared field types.
fn check_document(document: &Value, declared: &BTreeMap<String, String>) {
    let object = document.as_object().expect("a JSON object");
    for (name, value) in object {
        let kind = declared
            .get(name)
            .unwrap_or_else(|| panic!("undeclared field {name}"));
        let fits = match kind.as_str() {
            "keyword" | "text" => value.is_string(),
            "keywords" => value
                .as_array()
                .is_some_and(|values| values.iter().all(Value::is_string)),
            "integer" => value.is_u64(),
            "boolean" => value.is_boolean(),
            "date" => value
                .as_str()
                .is_some_and(|v| v.len() == 20 && v.ends_with("T00:00:00Z")),
            other => panic!("unknown kind {other}"),
        };
        assert!(fits, "{name} = {value} is not a {kind}");
    }
    for required in ["id", "doc", "path", "text"] {
        assert!(object.contains_key(required), "{required} missing");
    }
}

#[test]
fn a_quickwit_folder_whose_documents_fit_its_config() {
    let (workspace, passages_indexed) = indexed();
    let run = workspace.run(&["export", "--format", "quickwit", "-o", "qw"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let config: serde_yaml::Value =
        serde_yaml::from_str(&read(&workspace, "qw/index-config.yaml")).expect("YAML");
    let mapping = &config["doc_mapping"];
    assert_eq!(mapping["mode"].as_str(), Some("strict"));
    assert_eq!(mapping["timestamp_field"].as_str(), Some("published"));
    let mut declared = BTreeMap::new();
    for field in mapping["field_mappings"].as_sequence().expect("fields") {
        let name = field["name"].as_str().expect("name").to_owned();
        let kind = match (field["type"].as_str(), field["tokenizer"].as_str()) {
            (Some("text"), Some("raw")) => "keyword",
            (Some("array<text>"), Some("raw")) => "keywords",
            (Some("text"), _) => "text",
            (Some("u64"), _) => "integer",
            (Some("bool"), _) => "boolean",
            (Some("datetime"), _) => "date",
            other => panic!("unexpected type {other:?}"),
        };
        if kind == "keyword" || kind == "keywords" {
            assert_eq!(
                field["fast"].as_bool(),
                Some(true),
                "{name} counts as a facet"
            );
        }
        declared.insert(name, kind.to_owned());
    }
    assert_eq!(declared["published"], "date");
    let defaults = config["search_settings"]["default_search_fields"]
        .as_sequence()
        .expect("default search fields");
    assert!(defaults
        .iter()
        .all(|f| declared.contains_key(f.as_str().unwrap_or("?"))));

    let passages = read(&workspace, "qw/passages.ndjson");
    let documents: Vec<Value> = passages
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    for document in &documents {
        check_document(document, &declared);
    }
    // Every passage of the index, once, with its text.
    assert_eq!(documents.len(), passages_indexed);
    let hits = all_hits(&workspace, "the OR a OR of OR quarry OR Iraq");
    let ids: BTreeSet<&str> = documents.iter().filter_map(|d| d["id"].as_str()).collect();
    assert_eq!(ids.len(), documents.len(), "ids are unique");
    let dated = documents
        .iter()
        .find(|d| d["doc"] == "seeds/awkward.txt")
        .expect("awkward");
    assert_eq!(dated["published"], "2024-03-05T00:00:00Z");
    for ((doc, start), hit) in hits.iter().take(20) {
        let id = format!("{doc}#{start}");
        let document = documents
            .iter()
            .find(|d| d["id"] == id.as_str())
            .expect("exported");
        assert_eq!(document["text"], hit["text"]);
    }
    assert!(read(&workspace, "qw/README.md").contains("quickwit index ingest --index dossier"));
}

#[test]
fn an_opensearch_bulk_file_alternates_actions_and_documents() {
    let workspace = workspace();
    let run = workspace.run(&["export", "sudani", "--format", "opensearch", "-o", "os"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let mapping: Value = serde_json::from_str(&read(&workspace, "os/mapping.json")).expect("JSON");
    assert_eq!(mapping["mappings"]["dynamic"], "strict");
    let declared: BTreeMap<String, String> = mapping["mappings"]["properties"]
        .as_object()
        .expect("properties")
        .iter()
        .map(|(name, m)| {
            let kind = match m["type"].as_str() {
                Some("keyword") if ["id", "doc", "path", "source"].contains(&name.as_str()) => {
                    "keyword"
                }
                Some("keyword") => "keywords",
                Some("text") => "text",
                Some("long") => "integer",
                Some("boolean") => "boolean",
                Some("date") => "date",
                other => panic!("unexpected type {other:?}"),
            };
            (name.clone(), kind.to_owned())
        })
        .collect();
    let lines: Vec<Value> = read(&workspace, "os/bulk.ndjson")
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len() % 2, 0);
    let lines_found = workspace.json(&["search", "sudani", "-n", "1000"]);
    let searched = of_type(&lines_found, "hit");
    assert_eq!(lines.len() / 2, searched.len());
    for pair in lines.chunks(2) {
        let action = &pair[0]["index"];
        assert_eq!(action["_index"], "dossier");
        assert_eq!(action["_id"], pair[1]["id"]);
        check_document(&pair[1], &declared);
    }
    // Exporting again gives the same ids: the archive is updated, not doubled.
    workspace.run(&["export", "sudani", "--format", "opensearch", "-o", "again"]);
    assert_eq!(
        read(&workspace, "again/bulk.ndjson"),
        read(&workspace, "os/bulk.ndjson")
    );
}

#[test]
fn completions_for_each_shell_and_a_manual_page_that_renders() {
    let workspace = Workspace::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = workspace.run(&["completions", shell]);
        assert_eq!(run.code(), 0, "{shell}");
        assert!(
            run.stdout().contains("export"),
            "{shell} completes subcommands"
        );
    }
    let run = workspace.run(&["man"]);
    assert_eq!(run.code(), 0);
    workspace.write("dossier.1", &run.stdout());
    let rendered = Command::new("man")
        .args(["-l", "dossier.1"])
        .current_dir(workspace.path())
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .output();
    match rendered {
        Ok(output) => {
            let text = String::from_utf8_lossy(&output.stdout);
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            assert!(text.contains("NAME") && text.contains("dossier"), "{text}");
        }
        Err(error) => panic!("`man` is needed to check the manual page: {error}"),
    }
    let bad = workspace.run(&["export", "--format", "quickwit", "--what", "entities"]);
    assert_eq!(bad.code(), 2);
    assert!(bad.stderr().contains("--what"), "{}", bad.stderr());
}
