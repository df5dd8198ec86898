//! Killing `dossier index` (SIGKILL) at any moment leaves the last
//! committed index searchable, and the next run ends with exactly the
//! passages of an uninterrupted run. A second `dossier index` on an index
//! in use stops at once with a message.

mod common;

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{holdings, Workspace};

/// Moments at which a run is killed, spread over its duration.
const KILLS: u32 = 20;

/// A corpus of a few hundred articles, large enough that an index run
/// takes a while: many files, some of them large, and a `.jsonl` feed.
fn corpus(workspace: &Workspace) {
    for i in 0..300 {
        let body: String = (0..12)
            .map(|p| {
                format!(
                    "Paragraph {p} of report {i}: the harbour council of Port {i} met on \
                     13 June 2024. \"We will reopen the harbour,\" said Mayor Lena Okafor{i}.\n\n"
                )
            })
            .collect();
        workspace.write(
            &format!("corpus/a{i:03}.txt"),
            &format!("Report {i}\n\n{body}"),
        );
    }
    let feed: String = (0..500)
        .map(|i| {
            format!(
                "{{\"id\": \"f{i}\", \"title\": \"Feed {i}\", \"date\": \"2025-01-02\", \
                 \"body\": \"The feed item {i} names Minister Ali Hassan{i}.\"}}\n"
            )
        })
        .collect();
    workspace.write("corpus/feed.jsonl", &feed);
}

fn index(workspace: &Workspace, dir: &str) -> Child {
    workspace
        .command(&["--index", dir, "index", "corpus"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start dossier index")
}

fn finish(child: Child) -> (i32, String) {
    let output = child.wait_with_output().expect("dossier index output");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_killed_run_leaves_a_searchable_index_and_the_next_run_completes_it() {
    let workspace = Workspace::new();
    corpus(&workspace);
    let started = Instant::now();
    let (code, stderr) = finish(index(&workspace, "whole"));
    let duration = started.elapsed();
    assert_eq!(code, 0, "{stderr}");
    let expected = holdings(&stderr);
    assert!(expected.contains("articles"), "{stderr}");

    for kill in 0..KILLS {
        let dir = format!("killed{kill}");
        let mut child = index(&workspace, &dir);
        std::thread::sleep(duration * kill / KILLS);
        let _ = child.kill(); // it may have finished already
        let _ = child.wait();
        let search = workspace.run(&["--index", &dir, "search", "harbour"]);
        // Searchable: hits (0) or, killed before the first commit, an
        // empty or absent index (1, or 2 with a message to index).
        assert!(
            matches!(search.code(), 0..=2),
            "kill {kill}: {}",
            search.stderr()
        );
        assert!(
            !search.stderr().contains("panicked"),
            "kill {kill}: {}",
            search.stderr()
        );
        let (code, stderr) = finish(index(&workspace, &dir));
        assert_eq!(code, 0, "kill {kill}: {stderr}");
        assert_eq!(holdings(&stderr), expected, "kill {kill}");
    }
}

#[test]
fn a_second_run_on_an_index_in_use_stops_at_once() {
    let workspace = Workspace::new();
    corpus(&workspace);
    let mut first = index(&workspace, "shared");
    // Wait until the first run holds the writer's lock.
    let lock = workspace.path().join("shared/.tantivy-writer.lock");
    let waited = Instant::now();
    while !lock.exists() && waited.elapsed() < Duration::from_secs(10) {
        if first.try_wait().ok().flatten().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(lock.exists(), "the first run took the lock");
    let second = workspace.run(&["--index", "shared", "index", "corpus"]);
    let first_ran_throughout = first.try_wait().ok().flatten().is_none();
    let (code, stderr) = finish(first);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        first_ran_throughout,
        "the corpus is too small: the first run ended before the second"
    );
    assert_eq!(second.code(), 2, "{}", second.stderr());
    assert!(second.stderr().contains("in use"), "{}", second.stderr());
}
