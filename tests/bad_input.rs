//! What dossier does with input that is not clean UTF-8 text or a sound
//! query: it reads what it can, says what it skipped and why, exits with a
//! code scripts can tell apart, and never panics.

mod common;

use std::path::Path;

use common::{of_type, Workspace};

#[test]
fn binary_files_are_skipped_with_the_reason_and_exit_code_3() {
    let workspace = Workspace::new();
    workspace.write("good.txt", "Harbour report\n\nThe harbour reopened.\n");
    workspace.write_bytes(Path::new("scan.txt"), b"%PDF-1.4\n\x00\x01binary");
    workspace.write_bytes(Path::new("photo.md"), b"\x89PNG\r\n\x1a\n\x00\x00");
    workspace.write_bytes(Path::new("blob.txt"), b"abc\x00\x00\x00def");
    workspace.write("empty.txt", "");
    let run = workspace.run(&["index", "."]);
    assert_eq!(run.code(), 3, "{}", run.stderr());
    let stderr = run.stderr();
    for expected in [
        "scan.txt (not text: a PDF document)",
        "photo.md (not text: a PNG image)",
        "blob.txt (not text: binary data)",
        "empty.txt (empty file)",
        "skipped 4",
    ] {
        assert!(stderr.contains(expected), "{expected} in {stderr}");
    }
    let hits = workspace.json(&["search", "harbour"]);
    assert_eq!(of_type(&hits, "hit").len(), 2, "the good file is indexed");
}

#[test]
fn a_file_too_large_for_the_memory_budget_is_refused_with_a_message() {
    let workspace = Workspace::new();
    workspace.write("small.txt", "Harbour report\n\nThe harbour reopened.\n");
    let paragraph = "The harbour council met again and talked at length.\n\n";
    workspace.write(
        "big.txt",
        &paragraph.repeat(2 * 1024 * 1024 / paragraph.len() + 1),
    );
    // 8 MiB of budget reads files of at most 1 MiB.
    let run = workspace.run(&["index", ".", "--memory", "8"]);
    assert_eq!(run.code(), 3, "{}", run.stderr());
    assert!(
        run.stderr().contains(
            "big.txt (too large: 2 MiB, and files of at most 1 MiB fit the memory budget"
        ),
        "{}",
        run.stderr()
    );
    let hits = workspace.json(&["search", "reopened"]);
    assert_eq!(of_type(&hits, "hit").len(), 1);
}

#[test]
fn utf16_and_windows_1252_are_read_as_text() {
    let workspace = Workspace::new();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Harbour notes\n\nThe café reopened.\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    workspace.write_bytes(Path::new("utf16.txt"), &utf16);
    workspace.write_bytes(
        Path::new("cp1252.txt"),
        b"Old notes\n\nThe caf\xE9 \x93reopened\x94 today.\n",
    );
    let run = workspace.run(&["index", "."]).ok();
    assert!(
        run.stderr()
            .contains("cp1252.txt: not UTF-8; read as Windows-1252"),
        "{}",
        run.stderr()
    );
    let lines = workspace.json(&["search", "café"]);
    let mut texts: Vec<&str> = of_type(&lines, "hit")
        .iter()
        .filter_map(|h| h["text"].as_str())
        .collect();
    texts.sort_unstable();
    assert_eq!(
        texts,
        [
            "The café reopened.",
            "The caf\u{e9} \u{201c}reopened\u{201d} today."
        ]
    );
    // Offsets still point into the file: the UTF-16 passage starts after
    // the mark and two lines of two-byte units.
    let utf16_hit = of_type(&lines, "hit")
        .into_iter()
        .find(|h| h["path"] == "utf16.txt")
        .map(|h| h["start"].as_u64());
    assert_eq!(
        utf16_hit,
        Some(Some(2 + 2 * "Harbour notes\n\n".len() as u64))
    );
}

#[test]
fn no_query_makes_dossier_panic() {
    let workspace = Workspace::with_seeds();
    let long = "militias ".repeat(12_000); // about 100 KB
    let cases: Vec<Vec<&str>> = vec![
        vec!["search", ""],
        vec!["search", &long],
        vec!["search", "\"unbalanced"],
        vec!["search", "(iraq"],
        vec!["search", "nofield:iraq"],
        vec!["search", "iraq", "-n", "0"],
        vec!["search", "iraq", "-n", "18446744073709551615"],
        vec!["search", "iraq", "--from", "2024-13"],
        vec!["search", "iraq", "--speaker", "  "],
        vec!["quotes", "\"", "--json"],
        vec!["entities", "(", "--json"],
        vec!["dates", "title:", "--json"],
        vec!["dates", "--by", "week"],
    ];
    for args in cases {
        let run = workspace.run(&args);
        assert!(
            matches!(run.code(), 0..=2),
            "{args:?} gave {}: {}",
            run.code(),
            run.stderr()
        );
        assert!(
            !run.stderr().contains("panicked"),
            "{args:?}: {}",
            run.stderr()
        );
        if args.contains(&"--json") {
            for line in run.stdout().lines() {
                serde_json::from_str::<serde_json::Value>(line).expect("a JSON line");
            }
        }
    }
}
