//! Dates through the real binary: `--from`/`--to`, `--published-from`/
//! `--published-to`, the date facet, `dossier dates`, and the `dates` of
//! hits and quotes.

mod common;

use common::{of_type, Workspace};

/// Three articles: one published in 2024 that mentions 2019 and October
/// 2023, one published in 2025 that mentions a day, one without a date.
fn corpus() -> Workspace {
    let workspace = Workspace::new();
    workspace.write(
        "a.txt",
        "date 2024-03-01 Harbour report\n\nThe harbour deal was signed in 2019.\n\n\
         Fighting near the harbour resumed in October 2023, officials said.\n",
    );
    workspace.write(
        "b.txt",
        "date 2025-08-15 Harbour vote\n\nOn 13 June the council voted on the harbour. \
         \"The harbour stays open,\" said Mayor Lena Okafor.\n",
    );
    workspace.write("c.txt", "Harbour notes\n\nThe harbour is quiet.\n");
    workspace.run(&["index", "."]).ok();
    workspace
}

fn hit_paths(workspace: &Workspace, args: &[&str]) -> Vec<String> {
    let mut all = vec!["search", "harbour", "-n", "50"];
    all.extend_from_slice(args);
    let lines = workspace.json(&all);
    let mut paths: Vec<String> = of_type(&lines, "hit")
        .iter()
        .map(|h| {
            let path = h["path"].as_str().unwrap_or_default();
            format!("{path}:{}", h["line"])
        })
        .collect();
    paths.sort();
    paths
}

#[test]
fn from_and_to_keep_passages_with_a_date_in_the_range_at_its_precision() {
    let workspace = corpus();
    // October 2023 is inside 2023-10-15..2023-10-20 at month precision.
    assert_eq!(
        hit_paths(&workspace, &["--from", "2023-10-15", "--to", "2023-10-20"]),
        ["a.txt:5"]
    );
    assert_eq!(hit_paths(&workspace, &["--to", "2019"]), ["a.txt:3"]);
    // Every passage of b.txt carries its publication date.
    assert_eq!(
        hit_paths(&workspace, &["--from", "2025-06"]),
        ["b.txt:1", "b.txt:3"]
    );
}

#[test]
fn published_filters_use_the_publication_date_alone() {
    let workspace = corpus();
    assert_eq!(
        hit_paths(
            &workspace,
            &["--published-from", "2024", "--published-to", "2024-12"]
        ),
        ["a.txt:1", "a.txt:3", "a.txt:5"]
    );
    assert!(hit_paths(&workspace, &["--published-to", "2019"]).is_empty());
}

#[test]
fn bad_dates_name_the_argument() {
    let workspace = corpus();
    for args in [
        &["--from", "2024-13"][..],
        &["--to", "yesterday"],
        &["--from", "2024", "--to", "2023"],
    ] {
        let mut all = vec!["search", "harbour"];
        all.extend_from_slice(args);
        let run = workspace.run(&all);
        assert_eq!(run.code(), 2, "{args:?}");
        assert!(run.stderr().contains("--"), "{}", run.stderr());
    }
}

#[test]
fn hits_and_quotes_carry_their_dates() {
    let workspace = corpus();
    let lines = workspace.json(&["search", "council"]);
    let hit = of_type(&lines, "hit")[0];
    assert_eq!(hit["published"], "2025-08-15");
    assert_eq!(
        hit["dates"],
        serde_json::json!(["2025-06-13", "2025-08-15"])
    );
    let lines = workspace.json(&["quotes"]);
    let quote = of_type(&lines, "quote")[0];
    assert_eq!(quote["speaker"], "Lena Okafor");
    assert_eq!(
        quote["dates"],
        serde_json::json!(["2025-06-13", "2025-08-15"])
    );
}

#[test]
fn dates_are_counted_by_year_and_month() {
    let workspace = corpus();
    let lines = workspace.json(&["dates", "harbour"]);
    let counts: Vec<(String, u64)> = of_type(&lines, "date_count")
        .iter()
        .map(|c| {
            (
                c["period"].as_str().unwrap_or_default().to_owned(),
                c["count"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let expected = [("2019", 1), ("2023", 1), ("2024", 3), ("2025", 2)];
    assert_eq!(counts, expected.map(|(p, c)| (p.to_owned(), c)).to_vec());
    let lines = workspace.json(&["dates", "--by", "month"]);
    let months: Vec<&str> = of_type(&lines, "date_count")
        .iter()
        .filter_map(|c| c["period"].as_str())
        .collect();
    assert_eq!(months, ["2023-10", "2024-03", "2025-06", "2025-08"]);
    let text = workspace.run(&["dates"]).ok().stdout();
    assert!(text.contains("2024") && text.contains('█'), "{text}");
    let facets = workspace.json(&["search", "harbour", "--facets"]);
    let years: Vec<&str> = of_type(&facets, "facet")
        .iter()
        .filter(|f| f["field"] == "date")
        .filter_map(|f| f["value"].as_str())
        .collect();
    assert_eq!(years, ["2019", "2023", "2024", "2025", "2024-03"]);
}

#[test]
fn a_passage_counts_once_for_a_month_or_year_it_names_twice() {
    let workspace = Workspace::new();
    workspace.write(
        "a.txt",
        "Harbour log\n\nThe harbour closed on 3 March 2023, again on 9 March 2023 \
         and once more on 2 May 2023.\n",
    );
    workspace.run(&["index", "."]).ok();
    let counts = |args: &[&str]| -> Vec<(String, u64)> {
        of_type(&workspace.json(args), "date_count")
            .iter()
            .map(|c| {
                (
                    c["period"].as_str().unwrap_or_default().to_owned(),
                    c["count"].as_u64().unwrap_or(0),
                )
            })
            .collect()
    };
    let once = |periods: &[&str]| {
        periods
            .iter()
            .map(|p| (p.to_string(), 1))
            .collect::<Vec<_>>()
    };
    assert_eq!(counts(&["dates", "harbour"]), once(&["2023"]));
    assert_eq!(
        counts(&["dates", "harbour", "--by", "month"]),
        once(&["2023-03", "2023-05"])
    );
}

#[test]
fn analyze_prints_a_date_object_for_every_date() {
    let workspace = corpus();
    let lines = workspace.json(&["analyze", "a.txt"]);
    let dates: Vec<(String, String, String)> = of_type(&lines, "date")
        .iter()
        .map(|d| {
            let field = |k: &str| d[k].as_str().unwrap_or_default().to_owned();
            (field("value"), field("text"), field("role"))
        })
        .collect();
    let expected = [
        ("2024-03-01", "date 2024-03-01", "published"),
        ("2019", "2019", "mentioned"),
        ("2023-10", "October 2023", "mentioned"),
    ];
    assert_eq!(
        dates,
        expected
            .map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()))
            .to_vec()
    );
}

/// An article that names a quarter, a week, a decade and the present, and
/// nothing else dated but its publication date.
fn periods_corpus() -> Workspace {
    let workspace = Workspace::new();
    workspace.write(
        "q.txt",
        "date 1998-03-04 Port results\n\nPort profit rose in the third quarter of 1997.\n\n\
         Port talks resumed last week.\n\nPort traffic doubled in the 1980s.\n\n\
         Port fees are now higher.\n",
    );
    workspace.run(&["index", "."]).ok();
    workspace
}

#[test]
fn periods_are_found_wherever_they_fall() {
    let workspace = periods_corpus();
    let lines = |args: &[&str]| {
        let mut all = vec!["search", "port", "-n", "50"];
        all.extend_from_slice(args);
        let mut found: Vec<String> = of_type(&workspace.json(&all), "hit")
            .iter()
            .map(|h| h["line"].to_string())
            .collect();
        found.sort();
        found
    };
    // A day inside 1997-Q3 finds the quarter, and one outside it does not.
    assert_eq!(
        lines(&["--from", "1997-08-20", "--to", "1997-08-21"]),
        ["3"]
    );
    assert!(lines(&["--from", "1997-10-01", "--to", "1997-12-31"]).is_empty());
    // Last week (1998-W09) is 23 Feb to 1 Mar.
    assert_eq!(
        lines(&["--from", "1998-02-27", "--to", "1998-02-27"]),
        ["5"]
    );
    // The 1980s hold 1985; the present is the month of publication, which
    // every passage carries anyway.
    assert_eq!(lines(&["--from", "1985", "--to", "1985"]), ["7"]);
    let hit = &workspace.json(&["search", "fees"]);
    assert_eq!(
        of_type(hit, "hit")[0]["dates"],
        serde_json::json!(["1998-03-04", "PRESENT_REF"])
    );
}

#[test]
fn periods_are_counted_where_they_fall() {
    let workspace = periods_corpus();
    let counts: Vec<(String, u64)> = of_type(&workspace.json(&["dates", "port"]), "date_count")
        .iter()
        .map(|c| {
            let period = c["period"].as_str().unwrap_or_default().to_owned();
            (period, c["count"].as_u64().unwrap_or(0))
        })
        .collect();
    // The quarter counts under 1997; the decade, wider than a year, under
    // no year; every passage under its publication year.
    assert_eq!(
        counts,
        [("1997".to_owned(), 1), ("1998".to_owned(), 5)].to_vec()
    );
}
