//! `dossier serve`: every endpoint over the seeds, filters and facets,
//! bad requests answered with a 4xx and a message, and new commits picked
//! up without a restart.

mod common;

use std::time::{Duration, Instant};

use common::server::Server;
use common::Workspace;
use serde_json::Value;

fn types(records: &Value) -> Vec<&str> {
    records
        .as_array()
        .expect("an array of records")
        .iter()
        .map(|r| r["type"].as_str().unwrap_or_default())
        .collect()
}

#[test]
fn every_endpoint_answers_with_the_cli_records() {
    let workspace = Workspace::with_seeds();
    let server = Server::start(&workspace, "index");

    let (status, search) = server.get_json("/api/search?q=sudani&n=3&facets=true");
    assert_eq!(status, 200, "{search}");
    assert_eq!(types(&search["hits"]), ["hit", "hit", "hit"]);
    let total = search["total"].as_u64().expect("total");
    assert!(total > 3, "{search}");
    let speakers = search["facets"]["speaker"]
        .as_array()
        .expect("speaker facet");
    assert!(!speakers.is_empty(), "{search}");
    assert!(search["elapsed_ms"].as_f64().is_some());
    // The same search from the CLI gives the same first hit.
    let cli = workspace.json(&["search", "sudani", "-n", "1"]);
    assert_eq!(cli[0]["text"], search["hits"][0]["text"]);

    // A speaker facet value, used as a filter, narrows the results to it.
    let speaker = speakers[0]["value"].as_str().expect("facet value");
    let count = speakers[0]["count"].as_u64().expect("facet count");
    let (_, narrowed) = server.get_json(&format!(
        "/api/search?q=sudani&speaker={}",
        speaker.replace(' ', "%20")
    ));
    assert_eq!(narrowed["total"].as_u64(), Some(count), "{narrowed}");

    // Paging: the second page starts where the first ended.
    let (_, page2) = server.get_json("/api/search?q=sudani&n=1&offset=1");
    assert_eq!(page2["hits"][0]["text"], search["hits"][1]["text"]);

    let (status, quotes) = server.get_json("/api/quotes?speaker=sudani&n=50");
    assert_eq!(status, 200);
    let listed = quotes["quotes"].as_array().expect("quotes");
    assert!(!listed.is_empty() && types(&quotes["quotes"]).iter().all(|t| *t == "quote"));
    assert!(listed
        .iter()
        .all(|q| q["speaker"].as_str().unwrap_or_default().contains("Sudani")));

    let (status, check) = server.get_json("/api/check?claim=Sudani%20said%20the%20PMF%20stays");
    assert_eq!(status, 200, "{check}");
    assert!(check["hits"][0]["verdict"].is_string(), "{check}");

    let (_, entities) = server.get_json("/api/entities?type=place&n=5");
    let places = entities["entities"].as_array().expect("entities");
    assert!(!places.is_empty() && places.iter().all(|e| e["kind"] == "place"));

    let (_, all_speakers) = server.get_json("/api/speakers");
    assert!(types(&all_speakers["speakers"]).contains(&"speaker"));

    let (_, dates) = server.get_json("/api/dates?by=month&q=sudani");
    let months = dates["dates"].as_array().expect("dates");
    assert!(months
        .iter()
        .all(|d| d["period"].as_str().is_some_and(|p| p.len() == 7)));

    let doc = search["hits"][0]["doc"].as_str().expect("doc id");
    let (status, article) = server.get_json(&format!("/api/article?doc={doc}"));
    assert_eq!(status, 200, "{article}");
    let passages = article["article"]["passages"].as_array().expect("passages");
    assert!(passages.len() > 3);
    let starts: Vec<u64> = passages
        .iter()
        .filter_map(|p| p["start"].as_u64())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "in file order");
}

#[test]
fn bad_requests_get_a_4xx_with_the_reason() {
    let workspace = Workspace::with_seeds();
    let server = Server::start(&workspace, "index");
    let long_query = format!("/api/search?q={}", "a+".repeat(2_500));
    let cases: [(&str, u16, &str); 12] = [
        ("/api/search?q=%22unbalanced", 400, "quotation mark"),
        ("/api/search?q=x&colour=red", 400, "unknown field"),
        ("/api/search?q=x&n=lots", 400, "n"),
        ("/api/search?q=", 400, "q is required"),
        (&long_query, 414, "limit is 4096"),
        ("/api/search?q=x&from=2023-02-31", 400, "not a date"),
        ("/api/entities?type=planet", 400, "person, org or place"),
        ("/api/dates?by=decade", 400, "month or year"),
        ("/api/article?doc=../../../../etc/passwd", 404, "no article"),
        (
            "/api/article?doc=%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            404,
            "no article",
        ),
        ("/api/article", 400, "doc is required"),
        ("/api/nothing-here", 404, "no such endpoint"),
    ];
    for (path, status, reason) in cases {
        let (got, body) = server.get_json(path);
        let shown = &path[..path.len().min(80)];
        assert_eq!(got, status, "{shown}: {body}");
        let error = body["error"].as_str().unwrap_or_default();
        assert!(error.contains(reason), "{shown}: {error}");
    }
    // A 100 KB query is refused before it reaches dossier.
    let huge = format!("/api/search?q={}", "a".repeat(100_000));
    assert_eq!(server.request("GET", &huge).0, 414);
    // A huge n is cut to the cap, not refused.
    let (status, body) = server.get_json("/api/search?q=the&n=100000000");
    assert_eq!(status, 200);
    assert!(body["hits"].as_array().map_or(0, Vec::len) <= 100);
    // Paths never reach the file system; wrong methods are refused.
    for path in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "//etc/passwd",
    ] {
        let (status, body) = server.request("GET", path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("root:"), "{path}");
    }
    assert_eq!(server.request("POST", "/api/search?q=x").0, 405);
    assert_eq!(server.request("DELETE", "/").0, 405);
}

#[test]
fn nothing_a_client_sends_causes_a_server_error() {
    let workspace = Workspace::with_seeds();
    let server = Server::start(&workspace, "index");
    let odd = [
        "/api/search?q=%FF%FE",
        "/api/search?q=title:",
        "/api/search?q=(((",
        "/api/search?q=*",
        "/api/search?q=x&facets=maybe",
        "/api/search?q=x&offset=-1",
        "/api/search?q=x&speaker=%00",
        "/api/quotes?q=%22",
        "/api/check?claim=%20",
        "/api/check?claim=99999999999999999999999%25",
        "/api/dates?from=0000&to=9999",
        "/api/article?doc=",
        "/api/search?q=x&q=y",
        "/api?",
        "/style.css/..",
    ];
    for path in odd {
        let (status, body) = server.request("GET", path);
        assert!((200..500).contains(&status), "{path}: {status} {body}");
    }
}

#[test]
fn a_new_commit_is_served_without_a_restart() {
    let workspace = Workspace::with_seeds();
    assert_eq!(workspace.run(&["index", "seeds"]).code(), 0);
    let server = Server::start(&workspace, "index");
    let (_, before) = server.get_json("/api/search?q=quokkas");
    assert_eq!(before["total"], 0, "{before}");

    workspace.write(
        "new/quokka.txt",
        "Quokkas\n\nRangers counted 400 quokkas on the island on Monday.\n",
    );
    assert_eq!(workspace.run(&["index", "new"]).code(), 0);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (_, after) = server.get_json("/api/search?q=quokkas");
        if after["total"].as_u64() > Some(0) {
            break;
        }
        assert!(Instant::now() < deadline, "never picked up: {after}");
        std::thread::sleep(Duration::from_millis(200));
    }
}
