//! `dossier quotes`, `dossier speakers`, `--speaker` and `--facets`
//! through the real binary.

mod common;

use common::{of_type, Workspace};

#[test]
fn quotes_of_a_speaker_in_any_spelling() {
    let workspace = Workspace::with_seeds();
    let lines = workspace.json(&["quotes", "--speaker", "sudani"]);
    let quotes = of_type(&lines, "quote");
    assert_eq!(quotes.len(), 3, "{quotes:?}");
    let names: std::collections::HashSet<&str> = quotes
        .iter()
        .filter_map(|q| q["speaker"].as_str())
        .collect();
    assert_eq!(names.len(), 1, "one speaker, one name: {names:?}");
    for quote in &quotes {
        for field in ["text", "kind", "doc", "path", "line", "start", "end"] {
            assert!(!quote[field].is_null(), "{field} missing in {quote}");
        }
    }
    let full = workspace.json(&["quotes", "--speaker", "Mohammed Shia’ al-Sudani"]);
    assert_eq!(
        of_type(&full, "quote").len(),
        3,
        "the full name matches the same speaker"
    );
}

#[test]
fn quotes_are_ranked_by_a_query_over_their_text() {
    let workspace = Workspace::with_seeds();
    let lines = workspace.json(&["quotes", "self-defense"]);
    let quotes = of_type(&lines, "quote");
    assert!(!quotes.is_empty());
    assert_eq!(quotes[0]["speaker"], "Gideon Sa'ar");
    assert!(quotes[0]["text"]
        .as_str()
        .is_some_and(|t| t.contains("self-defense")));
}

#[test]
fn without_a_query_quotes_come_in_document_order() {
    let workspace = Workspace::with_seeds();
    let lines = workspace.json(&["quotes", "--speaker", "Al-Jazaeri"]);
    let quotes = of_type(&lines, "quote");
    assert_eq!(quotes.len(), 6);
    let starts: Vec<u64> = quotes
        .iter()
        .map(|q| q["start"].as_u64().expect("start"))
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
}

#[test]
fn speakers_list_counts_and_variants() {
    let workspace = Workspace::with_seeds();
    let lines = workspace.json(&["speakers"]);
    let speakers = of_type(&lines, "speaker");
    let jazaeri = speakers
        .iter()
        .find(|s| s["name"] == "Salam Al-Jazaeri")
        .expect("Al-Jazaeri is a speaker");
    assert_eq!(jazaeri["count"], 6);
    let variants: Vec<&str> = jazaeri["variants"]
        .as_array()
        .expect("variants")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(variants.contains(&"Al-Jazaeri"), "{variants:?}");
    let sudanis = speakers
        .iter()
        .filter(|s| s["name"].as_str().is_some_and(|n| n.contains("Sudani")))
        .count();
    assert_eq!(sudanis, 1, "al-Sudani is one speaker");
}

#[test]
fn search_filters_and_counts_by_speaker() {
    let workspace = Workspace::with_seeds();
    let lines = workspace.json(&["search", "Iraq", "--speaker", "Sa'ar", "--facets"]);
    let hits = of_type(&lines, "hit");
    assert!(!hits.is_empty());
    for hit in &hits {
        let speakers: Vec<&str> = hit["speakers"]
            .as_array()
            .expect("speakers")
            .iter()
            .filter_map(|s| s.as_str())
            .collect();
        assert!(speakers.contains(&"Gideon Sa'ar"), "{speakers:?}");
        assert!(hit["quotes"].as_array().is_some_and(|q| !q.is_empty()));
    }
    let facets = of_type(&lines, "facet");
    assert_eq!(facets[0]["field"], "speaker");
    assert_eq!(facets[0]["value"], "Gideon Sa'ar");
    assert_eq!(facets[0]["count"].as_u64(), Some(hits.len() as u64));
    assert_eq!(
        workspace
            .run(&["search", "Iraq", "--speaker", "Nobody Atall"])
            .code(),
        1
    );
}

#[test]
fn a_later_article_resolves_like_indexing_all_at_once() {
    let once = Workspace::with_seeds();
    once.write(
        "seeds/extra.txt",
        "Short News\n\n\"We will not move,\" Sudani told reporters on Monday.\n",
    );
    once.run(&["index", "--rebuild"]).ok();
    let later = Workspace::with_seeds();
    later.run(&["index"]).ok();
    later.write(
        "seeds/extra.txt",
        "Short News\n\n\"We will not move,\" Sudani told reporters on Monday.\n",
    );
    later.run(&["index"]).ok();
    let speakers = |w: &Workspace| w.json(&["speakers"]);
    assert_eq!(speakers(&once), speakers(&later));
    let sudani = of_type(&speakers(&later), "speaker")
        .into_iter()
        .find(|s| {
            s["variants"]
                .as_array()
                .is_some_and(|v| v.iter().any(|n| n == "Sudani"))
        })
        .cloned()
        .expect("the short form is a variant of a speaker");
    assert_eq!(sudani["name"], "Mohammed Shia al-Sudani");
    assert_eq!(sudani["count"], 4);
}

#[test]
fn analyze_prints_quotes_with_speaker_offsets() {
    let workspace = Workspace::with_seeds();
    let lines = workspace.json(&["analyze", "seeds/004_c1822db4511ca380.txt"]);
    let quote = of_type(&lines, "quote")
        .into_iter()
        .find(|q| {
            q["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("Israel has the right"))
        })
        .expect("the FM's quote");
    assert_eq!(quote["speaker"], "Gideon Sa'ar");
    assert!(quote["speaker_start"].is_u64() && quote["speaker_end"].is_u64());
}

/// A fragment woven into what a person did is theirs; a place is never a
/// speaker (the tagger's kinds decide both, so the test runs the binary).
#[test]
fn woven_fragments_belong_to_the_person_who_opens_the_sentence() {
    let workspace = Workspace::new();
    workspace.write(
        "budget.txt",
        "Budget fight\n\nSenator Maria Lopez hammered the plan on Monday, calling it a \
         \"train wreck\" for the city.\n\n\"We will win,\" Lopez told supporters in Denver, \
         Colorado.\n",
    );
    let lines = workspace.json(&["analyze", "budget.txt"]);
    let quotes = of_type(&lines, "quote");
    let speaker = |start: &str| {
        quotes
            .iter()
            .find(|q| q["text"].as_str().is_some_and(|t| t.starts_with(start)))
            .map(|q| q["speaker"].clone())
    };
    assert_eq!(
        speaker("train wreck"),
        Some("Maria Lopez".into()),
        "{quotes:?}"
    );
    assert_eq!(
        speaker("We will win"),
        Some("Maria Lopez".into()),
        "{quotes:?}"
    );
}

#[test]
fn an_unattributed_quotation_has_a_null_speaker_in_quotes_as_in_analyze() {
    let workspace = Workspace::new();
    workspace.write(
        "terms.txt",
        "Terms\n\n\"Nobody knows where this ends.\"\n\nThe mayor, Lena Okafor, said \
         \"the port stays open.\"\n",
    );
    workspace.run(&["index", "."]).ok();
    let quotes = workspace.json(&["quotes"]);
    let listed = of_type(&quotes, "quote");
    let analyzed = workspace.json(&["analyze", "terms.txt"]);
    let analyzed = of_type(&analyzed, "quote");
    assert_eq!(listed.len(), 2, "{listed:?}");
    for quote in &listed {
        let same = analyzed
            .iter()
            .find(|a| a["text"] == quote["text"])
            .expect("the same quotation from analyze");
        assert_eq!(quote["speaker"], same["speaker"], "{quote:?}");
    }
    assert!(listed.iter().any(|q| q["speaker"].is_null()), "{listed:?}");
    let text = workspace.run(&["quotes"]).ok().stdout();
    assert!(text.contains("(unattributed)"), "{text}");
}

#[test]
fn quotations_are_filtered_by_the_names_of_their_passage() {
    let workspace = Workspace::with_seeds();
    let passages = workspace.json(&["search", "*", "--org", "pmf", "-n", "1000"]);
    let mut expected: Vec<(String, u64)> = of_type(&passages, "hit")
        .into_iter()
        .flat_map(|hit| {
            let path = hit["path"].as_str().unwrap_or_default().to_owned();
            let quotes = hit["quotes"].as_array().cloned().unwrap_or_default();
            quotes
                .into_iter()
                .map(move |q| (path.clone(), q["start"].as_u64().unwrap_or_default()))
        })
        .collect();
    let lines = workspace.json(&["quotes", "--org", "pmf", "-n", "1000"]);
    let mut got: Vec<(String, u64)> = of_type(&lines, "quote")
        .into_iter()
        .map(|q| {
            let path = q["path"].as_str().unwrap_or_default().to_owned();
            (path, q["start"].as_u64().unwrap_or_default())
        })
        .collect();
    expected.sort();
    got.sort();
    assert!(!got.is_empty());
    assert_eq!(got, expected);
}
