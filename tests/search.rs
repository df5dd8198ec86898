//! `dossier index` and `dossier search` on temporary corpora, through the
//! real binary.

mod common;

use common::{of_type, Workspace};
use serde::Deserialize;

/// A `hit` line, parsed back with serde: the JSON format is a contract.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Hit {
    #[serde(rename = "type")]
    kind: String,
    doc: String,
    path: String,
    line: usize,
    paragraph: usize,
    start: usize,
    end: usize,
    title: String,
    published: Option<String>,
    #[serde(default)]
    source: Option<String>,
    dates: Vec<String>,
    score: f32,
    heading: bool,
    text: String,
    highlights: Vec<[usize; 2]>,
    speakers: Vec<String>,
    quotes: Vec<serde_json::Value>,
    entities: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Summary {
    #[serde(rename = "type")]
    kind: String,
    total: usize,
    shown: usize,
    /// Present and a number; its value is the machine's.
    #[serde(rename = "elapsed_ms")]
    _elapsed_ms: f64,
}

fn hits(workspace: &Workspace, query: &str) -> (Vec<Hit>, Summary) {
    let run = workspace.run(&["search", query, "-n", "50", "--json"]);
    let stdout = run.stdout();
    let mut lines: Vec<&str> = stdout.lines().collect();
    let summary: Summary =
        serde_json::from_str(lines.pop().expect("a summary line")).expect("summary");
    let hits: Vec<Hit> = lines
        .iter()
        .map(|l| serde_json::from_str(l).expect("hit"))
        .collect();
    assert_eq!(summary.kind, "summary");
    assert_eq!(summary.shown, hits.len());
    assert!(
        hits.windows(2).all(|w| w[0].score >= w[1].score),
        "hits are ranked best first"
    );
    (hits, summary)
}

fn highlighted(hit: &Hit) -> Vec<&str> {
    hit.highlights
        .iter()
        .map(|[s, e]| &hit.text[*s..*e])
        .collect()
}

#[test]
fn the_first_search_builds_the_index_from_seeds() {
    let workspace = Workspace::with_seeds();
    let run = workspace
        .run(&["search", "Popular", "Mobilization", "Forces"])
        .ok();
    assert!(
        run.stderr().contains("building it from seeds/"),
        "{}",
        run.stderr()
    );
    assert!(run.stdout().contains("Popular Mobilization Forces"));
    assert!(workspace.path().join("index/meta.json").is_file());
    let again = workspace
        .run(&["search", "Popular Mobilization Forces"])
        .ok();
    assert!(
        !again.stderr().contains("building"),
        "built twice: {}",
        again.stderr()
    );
}

#[test]
fn folding_finds_spelling_variants() {
    let workspace = Workspace::with_seeds();
    let cases = [
        ("kataib", ["Kata’ib", "Kataib"].as_slice()),
        ("sudani", ["al-Sudani", "Al-Sudani", "Sudani"].as_slice()),
        ("mobilization", ["Mobilisation", "Mobilization"].as_slice()),
    ];
    for (query, variants) in cases {
        let (hits, _) = hits(&workspace, query);
        let words: Vec<&str> = hits.iter().flat_map(highlighted).collect();
        for variant in variants {
            let bare = variant.rsplit('-').next().expect("word");
            assert!(
                words.contains(&bare) || words.contains(variant),
                "`{query}` did not highlight {variant}: {words:?}"
            );
        }
    }
}

#[test]
fn hits_cite_the_line_that_holds_the_matched_words() {
    let workspace = Workspace::with_seeds();
    let (hits, summary) = hits(&workspace, "Salam Al-Jazaeri preparedness");
    assert!(summary.total >= hits.len() && !hits.is_empty());
    for hit in &hits {
        assert_eq!(hit.kind, "hit");
        assert!(hit.score > 0.0 && !hit.heading);
        assert_eq!(
            hit.speakers.is_empty(),
            hit.quotes.iter().all(|q| q["speaker"].is_null())
        );
        assert!(hit
            .entities
            .iter()
            .all(|e| e["name"].is_string() && e["kind"].is_string()));
        let file = std::fs::read_to_string(workspace.path().join(&hit.path)).expect("hit file");
        assert_eq!(
            &file[hit.start..hit.end],
            hit.text,
            "byte range of {}:{}",
            hit.path,
            hit.line
        );
        let line = file.lines().nth(hit.line - 1).expect("line exists");
        for word in highlighted(hit) {
            assert!(
                line.contains(word),
                "{}:{} lacks {word}",
                hit.path,
                hit.line
            );
        }
    }
}

#[test]
fn a_date_glued_to_the_first_sentence_is_metadata_not_text() {
    let workspace = Workspace::with_seeds();
    let (hits, _) = hits(&workspace, "decapitation");
    let first = hits
        .iter()
        .find(|h| h.path.ends_with("001_11262eb2b51e0817.txt") && h.line == 1)
        .expect("line 1");
    assert_eq!(first.published.as_deref(), Some("2025-08-15"));
    assert_eq!(first.dates, ["2025-08-15"]);
    assert!(first.text.starts_with("Fears over"), "{}", first.text);
}

#[test]
fn phrases_need_adjacent_words_and_slop_loosens_them() {
    let workspace = Workspace::new();
    workspace.write(
        "a.txt",
        "The ministry of defence said the plan was final.\n",
    );
    workspace.write(
        "b.txt",
        "The defence of the ministry was weak, they said.\n",
    );
    workspace.run(&["index", "."]).ok();
    let (exact, _) = hits(&workspace, "\"ministry of defence\"");
    assert_eq!(
        exact.iter().map(|h| h.path.as_str()).collect::<Vec<_>>(),
        ["a.txt"]
    );
    let (loose, _) = hits(&workspace, "\"defence ministry\"~3");
    assert_eq!(loose.len(), 2);
    let (none, _) = hits(&workspace, "\"plan ministry\"");
    assert!(none.is_empty());
}

#[test]
fn boolean_operators_and_fields() {
    let workspace = Workspace::with_seeds();
    let (with, _) = hits(&workspace, "+sudani +blinken");
    assert!(!with.is_empty());
    assert!(with
        .iter()
        .all(|h| h.text.contains("Blinken") && h.text.contains("Sudani")));
    let (without, _) = hits(&workspace, "+sudani -blinken");
    assert!(without.iter().all(|h| !h.text.contains("Blinken")));
    let (either, _) = hits(&workspace, "Blinken OR Netanyahu");
    assert!(
        either.iter().any(|h| h.text.contains("Blinken"))
            && either.iter().any(|h| h.text.contains("Netanyahu"))
    );
    let (titled, _) = hits(&workspace, "title:tightrope");
    assert!(titled.iter().all(|h| h.title.contains("tightrope")));
}

#[test]
fn quotation_documents_never_come_back_as_passages() {
    // Each quotation is also indexed as a document of its own, which a
    // search of passages must never return: a word said inside a quotation
    // finds its passage once, and so does a `doc:` query, which reads a
    // field that quotation documents share.
    let workspace = Workspace::with_seeds();
    let (said, summary) = hits(&workspace, "unacceptable dictates");
    assert_eq!((said.len(), summary.total), (1, 1), "{said:?}");
    let doc = &said[0].doc;
    let (article, summary) = hits(&workspace, &format!("doc:\"{doc}\""));
    assert_eq!(summary.total, article.len());
    assert!(article.len() > 5, "{}", article.len());
    assert!(article.iter().all(|h| &h.doc == doc && !h.title.is_empty()));
    let mut starts: Vec<usize> = article.iter().map(|h| h.start).collect();
    starts.sort_unstable();
    starts.dedup();
    assert_eq!(starts.len(), article.len(), "one hit per passage");
}

#[test]
fn a_pasted_claim_in_other_words_finds_its_passage_near_the_top() {
    let workspace = Workspace::with_seeds();
    let claim = "Israel complained to the UN Security Council in a letter that Iraq lets Iran-backed militias use its territory to attack";
    let (hits, _) = hits(&workspace, claim);
    let rank = hits
        .iter()
        .position(|h| h.path.ends_with("004_c1822db4511ca380.txt") && h.line == 14);
    assert!(rank.is_some_and(|r| r < 3), "rank {rank:?}");
}

#[test]
fn exit_codes_are_zero_one_two() {
    let workspace = Workspace::with_seeds();
    assert_eq!(workspace.run(&["search", "militias"]).code(), 0);
    assert_eq!(workspace.run(&["search", "xylophone"]).code(), 1);
    assert_eq!(workspace.run(&["search", "\"unclosed"]).code(), 2);
    assert_eq!(workspace.run(&["index", "no/such/folder"]).code(), 2);
}

#[test]
fn malformed_queries_say_what_is_wrong() {
    let workspace = Workspace::with_seeds();
    workspace.run(&["index"]).ok();
    for (query, expected) in [
        ("\"unbalanced", "unbalanced quotation mark"),
        ("speaker2:sudani", "unknown field `speaker2:`"),
        ("(iraq", "syntax error"),
        ("   ", "empty"),
    ] {
        let run = workspace.run(&["search", query]);
        assert_eq!(run.code(), 2, "{query}");
        assert!(run.stderr().contains(expected), "{query}: {}", run.stderr());
        assert!(!run.stderr().contains("panicked"));
    }
}

#[test]
fn every_format_is_read_with_its_metadata() {
    let workspace = Workspace::new();
    workspace.write(
        "notes/plain.txt",
        "A Plain Headline\n\nThe zebra crossing was repainted.\n",
    );
    workspace.write(
        "notes/page.md",
        "# Markdown Title\n\nThe giraffe statue moved.\n",
    );
    workspace.write(
        "web/page.html",
        "<html><head><title>Site | Page</title><meta property=\"article:published_time\" content=\"2024-02-03\">\
         <script>var pelican = 1;</script></head><body><h1>Html Headline</h1><p>The pelican &amp; the heron.</p></body></html>",
    );
    workspace.write(
        "feed.jsonl",
        "{\"id\":\"x1\",\"title\":\"Feed One\",\"date\":\"2023-05-06\",\"source\":\"Wire\",\"body\":\"The walrus spoke.\\n\\nA second paragraph on walrus tusks.\"}\n\
         {\"id\":\"x2\",\"text\":\"No title here, only the narwhal.\"}\n",
    );
    workspace.write("damaged.pdf", "%PDF-1.4 zebra");
    workspace.write(".hidden/secret.txt", "The zebra hides.");
    let run = workspace.run(&["index", "."]);
    assert_eq!(
        run.code(),
        3,
        "the damaged PDF is skipped: {}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("indexed 5 articles")
            && run.stderr().contains("damaged.pdf (damaged PDF"),
        "{}",
        run.stderr()
    );

    let expect = |query: &str, path: &str, title: &str, line: usize| {
        let (hits, _) = hits(&workspace, query);
        let hit = hits.first().unwrap_or_else(|| panic!("no hit for {query}"));
        assert_eq!(
            (hit.path.as_str(), hit.title.as_str(), hit.line),
            (path, title, line),
            "{query}"
        );
        hit.published.clone()
    };
    expect("zebra", "notes/plain.txt", "A Plain Headline", 3);
    expect("giraffe", "notes/page.md", "Markdown Title", 3);
    assert_eq!(
        expect("pelican", "web/page.html", "Html Headline", 1),
        Some("2024-02-03".into())
    );
    assert_eq!(
        expect("tusks", "feed.jsonl", "Feed One", 1),
        Some("2023-05-06".into())
    );
    let (walrus, _) = hits(&workspace, "tusks");
    assert_eq!(walrus[0].source.as_deref(), Some("Wire"), "the outlet");
    expect(
        "narwhal",
        "feed.jsonl",
        "No title here, only the narwhal.",
        2,
    );
    let (zebras, _) = hits(&workspace, "zebra");
    assert_eq!(
        zebras.len(),
        1,
        "the hidden file and the PDF are not indexed"
    );
    let (walrus, _) = hits(&workspace, "walrus");
    assert!(walrus.iter().all(|h| h.doc == "feed.jsonl#x1"));
    assert_eq!(walrus.iter().map(|h| h.paragraph).max(), Some(2));
    let (scripts, _) = hits(&workspace, "var");
    assert!(scripts.is_empty(), "script text was indexed");
}

#[test]
fn reindexing_reads_only_changes_and_forgets_deleted_files() {
    let workspace = Workspace::new();
    workspace.write("c/one.txt", "The first file mentions the lighthouse.\n");
    workspace.write("c/two.txt", "The second file mentions the windmill.\n");
    workspace.write("c/three.txt", "The third file mentions the aqueduct.\n");
    workspace.run(&["index", "c"]).ok();

    let unchanged = workspace.run(&["index", "c"]).ok();
    assert!(
        unchanged.stderr().contains("indexed 0 articles"),
        "{}",
        unchanged.stderr()
    );
    assert!(
        unchanged.stderr().contains("3 files unchanged"),
        "{}",
        unchanged.stderr()
    );

    workspace.write(
        "c/two.txt",
        "The second file now mentions the observatory.\n",
    );
    std::fs::remove_file(workspace.path().join("c/three.txt")).expect("delete");
    let run = workspace.run(&["index", "c"]).ok();
    assert!(
        run.stderr().contains("indexed 1 articles"),
        "{}",
        run.stderr()
    );
    assert!(run.stderr().contains("1 removed"), "{}", run.stderr());
    assert!(
        run.stderr().contains("index holds 2 articles"),
        "{}",
        run.stderr()
    );

    assert_eq!(hits(&workspace, "windmill").0.len(), 0);
    assert_eq!(hits(&workspace, "aqueduct").0.len(), 0);
    assert_eq!(hits(&workspace, "observatory").0.len(), 1);
    assert_eq!(hits(&workspace, "lighthouse").0.len(), 1);

    let rebuilt = workspace.run(&["index", "c", "--rebuild"]).ok();
    assert!(
        rebuilt.stderr().contains("indexed 2 articles"),
        "{}",
        rebuilt.stderr()
    );
    assert_eq!(hits(&workspace, "lighthouse").0.len(), 1);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let workspace = Workspace::with_seeds();
    let piped = workspace.run(&["search", "militias"]).ok();
    assert!(!piped.stdout().contains('\u{1b}'));
    let always = workspace
        .run(&["search", "militias", "--color", "always"])
        .ok();
    assert!(always.stdout().contains("\u{1b}["));
    let never = workspace
        .run(&["search", "militias", "--color", "never"])
        .ok();
    assert!(!never.stdout().contains('\u{1b}'));
}

#[test]
fn long_passages_are_shown_as_a_snippet_around_the_match() {
    let workspace = Workspace::new();
    let filler = "Nothing of note happened on this quiet day in the valley. ".repeat(20);
    workspace.write(
        "long.txt",
        &format!("{filler}Then the avalanche came down. {filler}\n"),
    );
    workspace.run(&["index", "."]).ok();
    let run = workspace.run(&["search", "avalanche"]).ok();
    let passage = run
        .stdout()
        .lines()
        .nth(1)
        .expect("passage line")
        .to_owned();
    assert!(
        passage.contains("avalanche") && passage.starts_with('…') && passage.ends_with('…'),
        "{passage}"
    );
    assert!(passage.len() < 500);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let workspace = Workspace::new();
    let text = "The ferry left the harbour at dawn again. ".repeat(30);
    for i in 0..400 {
        workspace.write(&format!("c/{i}.txt"), &text);
    }
    workspace.run(&["index", "c"]).ok();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["search", "ferry", "-n", "400", "--color", "never"])
        .current_dir(workspace.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // stdout is dropped here: the pipe is closed while dossier still writes.
    let output = child.wait_with_output().expect("wait");
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn json_lines_all_have_a_type() {
    let workspace = Workspace::with_seeds();
    let lines = workspace.json(&["search", "Iraq"]);
    assert!(lines.iter().all(|l| l["type"].is_string()));
    assert_eq!(of_type(&lines, "summary").len(), 1);
    assert_eq!(of_type(&lines, "hit").len(), 10);
}
