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
    workspace.write("empty.jsonl", "");
    let run = workspace.run(&["index", "."]);
    assert_eq!(run.code(), 3, "{}", run.stderr());
    let stderr = run.stderr();
    for expected in [
        "scan.txt (not text: a PDF document)",
        "photo.md (not text: a PNG image)",
        "blob.txt (not text: binary data)",
        "empty.txt (empty file)",
        "empty.jsonl (empty file)",
        "skipped 5",
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
    // 8 MiB of budget reads articles of at most 512 KiB.
    let run = workspace.run(&["index", ".", "--memory", "8"]);
    assert_eq!(run.code(), 3, "{}", run.stderr());
    assert!(
        run.stderr().contains(
            "big.txt (too large: 2 MiB, and such files of at most 512 KiB fit the memory budget"
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

#[test]
fn a_result_limit_past_the_most_is_refused_naming_the_argument() {
    let workspace = Workspace::new();
    for command in ["search", "check", "quotes", "entities"] {
        let run = workspace.run(&[command, "iraq", "-n", "100001"]);
        assert_eq!(run.code(), 2, "{command}: {}", run.stderr());
        assert!(
            run.stderr()
                .contains("'--max <LIMIT>': 100001 is not in 0..=100000"),
            "{command}: {}",
            run.stderr()
        );
    }
}

#[test]
fn damaged_articles_are_read_as_far_as_they_can_be() {
    let workspace = Workspace::new();
    let huge_body = "The albatross circled. ".repeat(100_000); // 2.3 MB
    let feed = [
        r#"{"id": "a", "title": "Good", "body": "The walrus spoke."}"#.to_owned(),
        "{broken".to_owned(),
        r#"{"id": "b", "title": "No body"}"#.to_owned(),
        r#"{"id": "c", "title": ["x"], "body": 5}"#.to_owned(),
        "[1, 2]".to_owned(),
        r#"{"id": "d", "title": 7, "date": 17, "body": "The heron flew."}"#.to_owned(),
        format!(r#"{{"id": "e", "title": "Huge", "body": "{huge_body}"}}"#),
    ]
    .join("\n");
    workspace.write("feed.jsonl", &feed);
    workspace.write(
        "bad.html",
        "<html><body><p>The <b>ibis <i>waded</p><div>unclosed <span>tags &amp &bogus; \
         &#99999999; and an egret</div><p",
    );
    workspace.write_bytes(
        Path::new("lossy.txt"),
        b"Notes\n\nThe caf\xC3\xA9 and \xFF bytes of a kestrel.\n",
    );
    workspace.write("mojibake.txt", "Notes\n\nThe town of °®Âþµº was named.\n");
    workspace.write("blank.txt", "  \n\n\t\n");
    workspace.write(
        "punctuation.txt",
        &format!(
            "!!! ??? ...\n\n{}\n\n\u{201c}Never closes, said the flamingo\n\n\
             \"Also open, said the pelican\n",
            "\"".repeat(5000)
        ),
    );
    workspace.write(
        "scripts.txt",
        "تقرير\n\nقال رئيس الوزراء محمد السوداني إن \"الحكومة مستعدة\".\n\nשלום עולם, wrote the stork.\n",
    );

    let run = workspace.run(&["index", "."]);
    assert_eq!(run.code(), 3, "{}", run.stderr());
    let stderr = run.stderr();
    for expected in [
        "feed.jsonl:2: not valid JSON",
        "feed.jsonl:3: no `body` or `text` field",
        "feed.jsonl:4: `body` is not a string",
        "feed.jsonl:5: not a JSON object",
        "lossy.txt: not valid UTF-8; invalid bytes were replaced",
        "blank.txt (no text found)",
        "skipped 1",
    ] {
        assert!(stderr.contains(expected), "{expected} in {stderr}");
    }

    let text_of = |word: &str| -> String {
        let lines = workspace.json(&["search", word]);
        let hits = of_type(&lines, "hit");
        assert_eq!(hits.len(), 1, "{word}: {lines:?}");
        hits[0]["text"].as_str().unwrap_or_default().to_owned()
    };
    assert_eq!(text_of("walrus"), "The walrus spoke.");
    assert_eq!(text_of("heron"), "The heron flew.");
    assert!(text_of("egret").ends_with("and an egret"));
    assert_eq!(
        text_of("kestrel"),
        "The café and \u{FFFD} bytes of a kestrel."
    );
    assert_eq!(text_of("°®Âþµº"), "The town of °®Âþµº was named.");
    assert_eq!(
        text_of("flamingo"),
        "\u{201c}Never closes, said the flamingo"
    );
    assert_eq!(text_of("pelican"), "\"Also open, said the pelican");
    assert_eq!(text_of("stork"), "שלום עולם, wrote the stork.");

    // Arabic is found by its words, and highlights fall on them.
    let lines = workspace.json(&["search", "السوداني"]);
    let hit = &of_type(&lines, "hit")[0];
    let text = hit["text"].as_str().unwrap_or_default();
    let highlight = &hit["highlights"][0];
    let (from, to) = (highlight[0].as_u64(), highlight[1].as_u64());
    let span = from
        .zip(to)
        .and_then(|(from, to)| text.get(from as usize..to as usize));
    assert_eq!(span, Some("السوداني"));

    let albatross = workspace.json(&["search", "albatross", "-n", "10000"]);
    assert!(
        of_type(&albatross, "hit").len() > 2_000,
        "the huge field is cut into passages"
    );
}

#[cfg(unix)]
#[test]
fn links_loops_and_file_names_that_are_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::symlink;

    let workspace = Workspace::new();
    workspace.write("news/good.txt", "Notes\n\nThe harbour reopened.\n");
    workspace.write_bytes(
        Path::new(OsStr::from_bytes(b"news/caf\xE9.txt")),
        b"Notes\n\nThe pangolin ran.\n",
    );
    let root = workspace.path().join("news");
    symlink(&root, root.join("loop")).expect("a link loop");
    symlink(root.join("missing.txt"), root.join("dangling.txt")).expect("a dangling link");

    let first = workspace.run(&["index", "news"]);
    assert_eq!(first.code(), 3, "{}", first.stderr());
    for expected in [
        "news/loop (symbolic link loop, not followed)",
        "news/dangling.txt (No such file or directory",
        "indexed 2 articles",
    ] {
        assert!(
            first.stderr().contains(expected),
            "{expected} in {}",
            first.stderr()
        );
    }
    // The file whose name is not UTF-8 is shown with a replacement
    // character, in valid JSON, and is not read again by the next run.
    let lines = workspace.json(&["search", "pangolin"]);
    assert_eq!(of_type(&lines, "hit")[0]["path"], "news/caf\u{FFFD}.txt");
    let second = workspace.run(&["index", "news"]);
    assert!(
        second.stderr().contains("from 0 files") && second.stderr().contains("2 files unchanged"),
        "{}",
        second.stderr()
    );
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_skipped_and_keep_what_was_indexed() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::os::unix::process::CommandExt;

    let workspace = Workspace::new();
    workspace.write("news/open.txt", "Notes\n\nThe harbour reopened.\n");
    workspace.write("news/secret.txt", "Notes\n\nThe vault report on otters.\n");
    workspace.write(
        "news/locked/inner.txt",
        "Notes\n\nThe inner report on beavers.\n",
    );
    let set_mode = |relative: &str, mode: u32| {
        let path = workspace.path().join(relative);
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    // Root reads every file whatever its mode, so as root dossier runs as
    // `nobody`, which must be able to write the index in the workspace.
    let root = workspace.path().metadata().expect("workspace").uid() == 0;
    set_mode("", 0o777);
    let index = || {
        let mut command = workspace.command(&["index", "news"]);
        if root {
            command.uid(65534).gid(65534);
        }
        common::Run::of(&mut command)
    };
    index().ok();

    // The file changes and can no longer be read; the folder is locked.
    workspace.write("news/secret.txt", "Notes\n\nThe vault report on seals.\n");
    set_mode("news/secret.txt", 0o000);
    set_mode("news/locked", 0o000);
    let run = index();
    set_mode("news/locked", 0o755);
    assert_eq!(run.code(), 3, "{}", run.stderr());
    for expected in [
        "news/secret.txt (Permission denied",
        "news/locked (Permission denied",
    ] {
        assert!(
            run.stderr().contains(expected),
            "{expected} in {}",
            run.stderr()
        );
    }
    // Nothing indexed before is lost: the old text of the unreadable file
    // and the files of the locked folder are still found.
    for (word, hits) in [("otters", 1), ("seals", 0), ("beavers", 1), ("harbour", 1)] {
        let lines = workspace.json(&["search", word]);
        assert_eq!(of_type(&lines, "hit").len(), hits, "{word}");
    }
}
