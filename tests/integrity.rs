//! Killing `dossier index` (SIGKILL) at any moment leaves the last
//! committed index searchable, and the next run ends with exactly the
//! passages of an uninterrupted run. A second `dossier index` on an index
//! in use stops at once with a message, and searches meanwhile answer from
//! the last commit. Files rewritten, emptied and deleted while a run reads
//! them are caught up by the next run. A damaged index, or one of another
//! version, is refused with a message to rebuild.

mod common;

use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{holdings, of_type, Workspace};

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
            !search.stderr().contains("panicked") && !search.stderr().contains("rebuild"),
            "kill {kill}: {}",
            search.stderr()
        );
        let (code, stderr) = finish(index(&workspace, &dir));
        assert_eq!(code, 0, "kill {kill}: {stderr}");
        assert_eq!(holdings(&stderr), expected, "kill {kill}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_second_run_stops_at_once_and_searches_answer_from_the_last_commit() {
    let workspace = Workspace::new();
    corpus(&workspace);
    workspace
        .run(&["--index", "shared", "index", "corpus/feed.jsonl"])
        .ok();
    let mut first = index(&workspace, "shared");
    // Wait until the first run holds the writer's lock. The lock file stays
    // from the run before, so what counts is that the run has it open.
    let waited = Instant::now();
    while !holds_open(first.id(), ".tantivy-writer.lock")
        && waited.elapsed() < Duration::from_secs(10)
    {
        if first.try_wait().ok().flatten().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(
        holds_open(first.id(), ".tantivy-writer.lock"),
        "the first run took the lock"
    );
    let second = workspace.run(&["--index", "shared", "index", "corpus"]);
    let feed_during = workspace.json(&["--index", "shared", "search", "feed"]);
    let harbour_during = workspace.run(&["--index", "shared", "search", "harbour"]);
    let first_ran_throughout = first.try_wait().ok().flatten().is_none();
    let (code, stderr) = finish(first);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        first_ran_throughout,
        "the corpus is too small: the first run ended before the second"
    );
    assert_eq!(second.code(), 2, "{}", second.stderr());
    assert!(second.stderr().contains("in use"), "{}", second.stderr());
    // While the first run worked, searches saw the feed of the last commit
    // and none of the reports it had not committed yet.
    assert_eq!(of_type(&feed_during, "summary")[0]["total"], 500);
    assert_eq!(harbour_during.code(), 1, "{}", harbour_during.stdout());
}

/// True when process `pid` has a file named `name` open (Linux's `/proc`).
#[cfg(target_os = "linux")]
fn holds_open(pid: u32, name: &str) -> bool {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .into_iter()
        .flatten()
        .filter_map(|fd| std::fs::read_link(fd.ok()?.path()).ok())
        .any(|target| target.file_name().is_some_and(|n| n == name))
}

/// Version `version` of corpus file `i`. Versions of one file differ in
/// their words but not always in length or passage count: only a check of
/// the content tells a rewritten file from an unchanged one.
fn rewritten(i: usize, version: usize) -> String {
    let paragraphs: String = (0..1 + version % 3)
        .map(|p| {
            format!(
                "Version {}, paragraph {p}: the ferry to Port {i} runs again.\n\n",
                version % 10
            )
        })
        .collect();
    format!("Report {i}\n\n{paragraphs}")
}

#[test]
fn files_changed_while_indexing_are_caught_up_by_the_next_run() {
    let workspace = Workspace::new();
    corpus(&workspace);
    let corpus_dir = workspace.path().join("corpus");
    let stop = Arc::new(AtomicBool::new(false));
    // Rewrites files in place, empties some and deletes and recreates
    // others, until told to stop. Each file is written twice in a row with
    // content of the same length, as an editor saving twice would.
    let mutator = {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut version = 0;
            while !stop.load(Ordering::Relaxed) {
                version += 1;
                let i = version * 37 % 300;
                let path = corpus_dir.join(format!("a{i:03}.txt"));
                if version % 5 == 0 {
                    let _ = std::fs::remove_file(&path);
                } else if version % 7 == 0 {
                    let _ = std::fs::write(&path, "");
                }
                std::fs::write(&path, rewritten(i, version)).expect("rewrite a file");
                std::thread::sleep(Duration::from_micros(300));
                std::fs::write(&path, rewritten(i, version + 3)).expect("rewrite a file");
                std::thread::sleep(Duration::from_micros(300));
            }
        })
    };
    for run in 0..3 {
        let (code, stderr) = finish(index(&workspace, "changing"));
        assert!(matches!(code, 0 | 3), "run {run}: {stderr}");
        assert!(!stderr.contains("panicked"), "run {run}: {stderr}");
    }
    stop.store(true, Ordering::Relaxed);
    mutator.join().expect("the mutator thread");

    let (code, caught_up) = finish(index(&workspace, "changing"));
    assert_eq!(code, 0, "{caught_up}");
    let (code, fresh) = finish(index(&workspace, "fresh"));
    assert_eq!(code, 0, "{fresh}");
    assert_eq!(holdings(&caught_up), holdings(&fresh));
    // The same passages, not only as many.
    let ferries = |dir: &str| {
        let lines = workspace.json(&["--index", dir, "search", "ferry", "-n", "100000"]);
        let mut hits: Vec<String> = of_type(&lines, "hit")
            .iter()
            .map(|h| format!("{} {} {}", h["path"], h["line"], h["text"]))
            .collect();
        hits.sort_unstable();
        hits
    };
    let fresh_ferries = ferries("fresh");
    assert!(!fresh_ferries.is_empty());
    assert_eq!(ferries("changing"), fresh_ferries);
}

/// A way to damage the index in a folder, and its name.
type Damage = (&'static str, fn(&Path));

/// Ways an index gets damaged or outdated, each applied to a copy.
fn damages() -> Vec<Damage> {
    vec![
        ("a flipped byte", |dir| {
            let file = largest(dir, "term");
            let mut bytes = std::fs::read(&file).expect("read");
            let middle = bytes.len() / 2;
            bytes[middle] ^= 0x5a;
            std::fs::write(&file, bytes).expect("write");
        }),
        ("a truncated file", |dir| {
            let file = largest(dir, "store");
            let bytes = std::fs::read(&file).expect("read");
            std::fs::write(&file, &bytes[..bytes.len() / 2]).expect("write");
        }),
        ("a missing file", |dir| {
            std::fs::remove_file(largest(dir, "idx")).expect("remove");
        }),
        ("a garbled meta.json", |dir| {
            std::fs::write(dir.join("meta.json"), "{\"segments\": [").expect("write");
        }),
        ("an older schema version", |dir| {
            edit_meta(dir, |meta| {
                let payload = meta["payload"].as_str().expect("payload").to_owned();
                let mut manifest: serde_json::Value =
                    serde_json::from_str(&payload).expect("manifest");
                manifest["schema"] = serde_json::json!(1);
                meta["payload"] = serde_json::json!(manifest.to_string());
            });
        }),
        ("fields of another program", |dir| {
            edit_meta(dir, |meta| {
                meta["schema"][0]["name"] = serde_json::json!("other")
            });
        }),
    ]
}

fn largest(dir: &Path, extension: &str) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .expect("index folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .max_by_key(|p| p.metadata().map(|m| m.len()).unwrap_or(0))
        .expect("a segment file")
}

fn edit_meta(dir: &Path, change: impl FnOnce(&mut serde_json::Value)) {
    let path = dir.join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("meta.json")).expect("JSON");
    change(&mut meta);
    std::fs::write(&path, meta.to_string()).expect("write meta.json");
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create copy");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy");
    }
}

#[test]
fn a_damaged_or_older_index_is_refused_with_a_message_to_rebuild() {
    let workspace = Workspace::with_seeds();
    workspace.run(&["--index", "good", "index", "seeds"]).ok();
    let search = |dir: &str| workspace.run(&["--index", dir, "search", "militias", "--json"]);
    let expected = search("good").ok().json().len();
    for (k, (damage, apply)) in damages().into_iter().enumerate() {
        let dir = format!("damaged{k}");
        copy_folder(&workspace.path().join("good"), &workspace.path().join(&dir));
        apply(&workspace.path().join(&dir));
        for command in [
            vec!["search", "militias"],
            vec!["quotes", "--speaker", "sudani"],
            vec!["entities"],
            vec!["dates"],
            vec!["index", "seeds"],
        ] {
            let mut args = vec!["--index", dir.as_str()];
            args.extend(&command);
            let run = workspace.run(&args);
            assert_eq!(run.code(), 2, "{damage}, {command:?}: {}", run.stderr());
            assert!(
                run.stderr().contains("run `dossier index --rebuild`"),
                "{damage}, {command:?}: {}",
                run.stderr()
            );
            assert!(
                run.stdout().is_empty(),
                "{damage}, {command:?}: {}",
                run.stdout()
            );
        }
        workspace
            .run(&["--index", &dir, "index", "seeds", "--rebuild"])
            .ok();
        assert_eq!(search(&dir).ok().json().len(), expected, "{damage}");
    }
}

#[test]
fn a_file_rewritten_within_one_tick_of_the_clock_is_read_again() {
    let workspace = Workspace::new();
    workspace.write("news/a.txt", "Notes\n\nThe ferry leaves at nine.\n");
    let path = workspace.path().join("news/a.txt");
    let written_at = path.metadata().and_then(|m| m.modified()).expect("mtime");
    workspace.run(&["index", "news"]).ok();
    // Rewritten at once with text of the same length, and a file time that
    // the coarse clock of the file system could have given both versions.
    workspace.write("news/a.txt", "Notes\n\nThe train leaves at nine.\n");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|file| file.set_modified(written_at))
        .expect("set the file time back");
    workspace.run(&["index", "news"]).ok();
    let lines = workspace.json(&["search", "train"]);
    assert_eq!(of_type(&lines, "hit").len(), 1, "the new text is indexed");
}

#[test]
fn a_file_emptied_since_it_was_indexed_loses_its_passages() {
    let workspace = Workspace::new();
    workspace.write("news/a.txt", "Notes\n\nThe ferry leaves at nine.\n");
    workspace.write("news/b.txt", "Notes\n\nThe train leaves at ten.\n");
    workspace.run(&["index", "news"]).ok();
    workspace.write("news/a.txt", "");
    workspace.write("news/b.txt", "   \n\n");
    let run = workspace.run(&["index", "news"]);
    assert_eq!(run.code(), 3, "{}", run.stderr());
    assert!(
        run.stderr().contains("index holds 0 articles, 0 passages"),
        "{}",
        run.stderr()
    );
    for word in ["ferry", "train"] {
        assert_eq!(workspace.run(&["search", word]).code(), 1, "{word}");
    }
}

#[cfg(unix)]
#[test]
fn a_file_replaced_by_a_link_to_the_same_text_is_not_indexed_twice() {
    let workspace = Workspace::new();
    let text = "Notes\n\nThe ferry leaves at nine.\n";
    workspace.write("news/a.txt", text);
    workspace.write("elsewhere/a.txt", text);
    workspace.run(&["index", "news"]).ok();
    let path = workspace.path().join("news/a.txt");
    std::fs::remove_file(&path).expect("remove the file");
    std::os::unix::fs::symlink(workspace.path().join("elsewhere/a.txt"), &path)
        .expect("link to the copy");
    let run = workspace.run(&["index", "news"]);
    assert!(
        run.stderr().contains("1 removed; index holds 1 articles"),
        "{}",
        run.stderr()
    );
    let lines = workspace.json(&["search", "ferry"]);
    assert_eq!(of_type(&lines, "hit").len(), 1, "one passage, not two");
}
