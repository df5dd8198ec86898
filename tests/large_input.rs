//! Inputs far larger than an article: a single line of 50 MB and an
//! article of 100,000 paragraphs. Both must be indexed whole, cut into
//! bounded passages, and searchable down to their last word with the right
//! line. Before analysis was made linear, the first needed 6 GB for every
//! 4 MB of line and the second over three minutes.

mod common;

use common::{of_type, Workspace};

/// The largest passage dossier indexes, as `analyze::MAX_PASSAGE_BYTES`.
const MAX_PASSAGE_BYTES: usize = 1500;

/// A sentence of news prose with a quotation, a name, a place and a date,
/// varied by `i` so that the text is not one sentence repeated.
fn sentence(i: usize) -> String {
    format!(
        "Minister Rana Idris{} told reporters in Port {} on {} March 2024 that \
         \"talks will resume\" after round {i}. ",
        i % 97,
        i % 13,
        1 + i % 28
    )
}

/// The single hit of `word`, which must be in one passage only.
fn only_hit(workspace: &Workspace, word: &str) -> serde_json::Value {
    let lines = workspace.json(&["search", word]);
    let hits = of_type(&lines, "hit");
    assert_eq!(hits.len(), 1, "{word}: {lines:?}");
    hits[0].clone()
}

fn number(value: &serde_json::Value, field: &str) -> u64 {
    value[field]
        .as_u64()
        .unwrap_or_else(|| panic!("{field} in {value}"))
}

#[test]
fn a_single_line_of_50_mb_is_cut_into_bounded_passages() {
    let workspace = Workspace::new();
    let mut line = String::with_capacity(50 * 1024 * 1024 + 200);
    let mut i = 0;
    while line.len() < 50 * 1024 * 1024 {
        line.push_str(&sentence(i));
        i += 1;
    }
    let end_marker_at = line.len();
    line.push_str("The last sentence names Zyxwvut.");
    workspace.write("dump/feed.txt", &line);

    let run = workspace.run(&["index", "dump"]).ok();
    assert!(run.stderr().contains("from 1 files"), "{}", run.stderr());

    let last = only_hit(&workspace, "zyxwvut");
    assert_eq!(number(&last, "line"), 1);
    let (start, end) = (number(&last, "start"), number(&last, "end"));
    assert!(start as usize <= end_marker_at && end as usize == line.len());
    assert!((end - start) as usize <= MAX_PASSAGE_BYTES);

    // Every passage is bounded, and there are as many as 50 MB needs.
    let all = workspace.json(&["search", "resume", "-n", "100000"]);
    let hits = of_type(&all, "hit");
    assert!(hits.len() > 40_000, "{} passages", hits.len());
    for hit in &hits {
        let length = number(hit, "end") - number(hit, "start");
        assert!(length as usize <= MAX_PASSAGE_BYTES, "{hit}");
    }
}

#[test]
fn an_article_of_100_000_paragraphs_is_indexed_whole() {
    let workspace = Workspace::new();
    let mut article = String::from("A very long report\n\n");
    for i in 0..100_000 {
        article.push_str(&sentence(i));
        article.push_str("\n\n");
    }
    article.push_str("Its closing paragraph names Qwertzu.\n");
    workspace.write("long.txt", &article);

    let run = workspace.run(&["index", "."]).ok();
    assert!(
        run.stderr()
            .contains("index holds 1 articles, 100002 passages"),
        "{}",
        run.stderr()
    );
    let last = only_hit(&workspace, "qwertzu");
    // The headline, then two lines a paragraph.
    assert_eq!(number(&last, "line"), 3 + 2 * 100_000);
    assert_eq!(number(&last, "paragraph"), 100_002);
}

#[test]
fn a_jsonl_file_larger_than_the_memory_budget_is_read_in_batches() {
    let workspace = Workspace::new();
    let line =
        |id: &str, body: &str| serde_json::json!({"id": id, "body": body}).to_string() + "\n";
    let mut feed = line("first", "The opening item names Zyxwvut.");
    let mut items = 1;
    while feed.len() < 3 << 20 {
        feed.push_str(&line(&format!("n{items}"), &sentence(items)));
        items += 1;
    }
    // A line larger than a batch, then one more article.
    feed.push_str(&line("huge", &"word ".repeat(300_000)));
    let closing_at = feed.len() + r#"{"body":""#.len();
    feed.push_str(&line("last", "The closing item names Qwertzu."));
    workspace.write("feed.jsonl", &feed);

    // 8 MiB of budget holds articles of 512 KiB: the .jsonl of 4.5 MiB is
    // read in batches of that size, and the line of 1.5 MiB is skipped.
    let run = workspace.run(&["index", ".", "--memory", "8"]).ok();
    let huge_line = items + 1;
    for expected in [
        format!(
            "feed.jsonl:{huge_line}: a line of 1 MiB is too large for the memory budget; skipped"
        ),
        format!("index holds {} articles", items + 1),
    ] {
        assert!(
            run.stderr().contains(&expected),
            "{expected} in {}",
            run.stderr()
        );
    }
    let last = only_hit(&workspace, "qwertzu");
    assert_eq!(last["doc"], "feed.jsonl#last");
    assert_eq!(number(&last, "line"), huge_line as u64 + 1);
    assert_eq!(number(&last, "start"), closing_at as u64);
    let first = only_hit(&workspace, "zyxwvut");
    let body_at = r#"{"body":""#.len() as u64;
    assert_eq!(
        (number(&first, "line"), number(&first, "start")),
        (1, body_at)
    );

    let again = workspace.run(&["index", ".", "--memory", "8"]).ok();
    assert!(
        again.stderr().contains("1 files unchanged"),
        "{}",
        again.stderr()
    );
}
