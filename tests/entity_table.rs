//! The entity table: one entity per real-world name, the same whichever
//! way the index was built, and the one source of names for every reader.

mod common;

use common::{of_type, Workspace};
use serde_json::Value;

/// Articles whose names resolve across each other: a bare `Clinton` is
/// ambiguous while both Clintons are in the index.
const HILLARY: &str = "Campaign\n\nHillary Clinton spoke to voters in Iowa on Monday.\n";
const BILL: &str = "Archive\n\nBill Clinton visited Ohio in 1996.\n";
const BARE: &str = "Debate\n\nClinton said the race in Iowa was close, according to aides.\n";
const UN_BEFORE: &str = "Geneva\n\nThe United Nations met in Geneva.\n";
const UN_AFTER: &str = "Geneva\n\nThe United Nations (UN) met in Geneva. The UN agreed.\n";
const LATER: &str = "Later\n\nThe UN sent envoys to Iowa, Hillary Clinton said.\n";

/// What readers show of the entities: the entity list, the speakers, and
/// the facets of a search.
fn readings(workspace: &Workspace) -> (Vec<Value>, Vec<Value>, Vec<Value>) {
    let entities = workspace.json(&["entities", "-n", "10000"]);
    let speakers = workspace.json(&["speakers"]);
    let search = workspace.json(&["search", "Iowa OR Geneva OR Iraq", "--facets"]);
    let facets = of_type(&search, "facet").into_iter().cloned().collect();
    (entities, speakers, facets)
}

fn entity<'a>(entities: &'a [Value], name: &str) -> Option<&'a Value> {
    entities.iter().find(|e| e["name"] == name)
}

#[test]
fn an_incremental_index_gives_the_same_table_as_a_rebuild() {
    let later = Workspace::with_seeds();
    later.write("seeds/hillary.txt", HILLARY);
    later.write("seeds/bill.txt", BILL);
    later.write("seeds/bare.txt", BARE);
    later.write("seeds/un.txt", UN_BEFORE);
    later.run(&["index"]).ok();
    let before = later.json(&["entities", "-n", "10000"]);
    // A file deleted, one changed, one added; then an incremental run.
    std::fs::remove_file(later.path().join("seeds/bill.txt")).expect("delete");
    later.write("seeds/un.txt", UN_AFTER);
    later.write("seeds/later.txt", LATER);
    later.run(&["index"]).ok();

    let once = Workspace::with_seeds();
    for (file, text) in [
        ("hillary", HILLARY),
        ("bare", BARE),
        ("un", UN_AFTER),
        ("later", LATER),
    ] {
        once.write(&format!("seeds/{file}.txt"), text);
    }
    once.run(&["index", "--rebuild"]).ok();
    assert_eq!(readings(&later), readings(&once));

    // The run changed the grouping, not only the counts: with Bill gone, a
    // bare `Clinton` is Hillary Clinton's.
    let clinton = |entities: &[Value]| {
        entity(entities, "Hillary Clinton")
            .and_then(|e| e["variants"].as_array().cloned())
            .unwrap_or_default()
            .contains(&Value::from("Clinton"))
    };
    assert!(
        !clinton(&before),
        "Clinton is ambiguous beside Bill Clinton"
    );
    assert!(entity(&before, "Clinton").is_some(), "and stays apart");
    let (after, _, _) = readings(&later);
    assert!(clinton(&after), "Clinton joins Hillary Clinton");
    assert!(entity(&after, "Bill Clinton").is_none());
}

#[test]
fn an_entity_counts_each_article_once_however_many_passages_name_it() {
    let workspace = Workspace::with_seeds();
    let two_passages = "Port\n\nShips from Chile arrived.\n\nChile exports copper.\n";
    workspace.write("seeds/port.txt", two_passages);
    workspace.write(
        "seeds/trade.txt",
        "Trade\n\nTalks with Chile opened on Monday.\n",
    );
    workspace.run(&["index"]).ok();
    let entities = workspace.json(&["entities", "-n", "10000"]);
    let chile = entity(&entities, "Chile").expect("Chile is an entity");
    assert_eq!(chile["passages"].as_u64(), Some(3), "{chile}");
    assert_eq!(chile["articles"].as_u64(), Some(2), "{chile}");
}

#[test]
fn entities_carry_ids_and_every_reader_names_them_alike() {
    let workspace = Workspace::with_seeds();
    let entities = workspace.json(&["entities", "-n", "10000"]);
    for e in of_type(&entities, "entity") {
        for field in ["id", "name", "kind", "variants", "passages", "count"] {
            assert!(!e[field].is_null(), "{field} in {e}");
        }
    }
    let search = workspace.json(&["search", "Sudani", "--facets", "-n", "50"]);
    let facets = of_type(&search, "facet");
    let facet_id = |field: &str, value: &str| {
        facets
            .iter()
            .find(|f| f["field"] == field && f["value"] == value)
            .map(|f| f["id"].clone())
    };
    // A speaker is the person entity the passages name.
    let sudani = "Mohammed Shia al-Sudani";
    let id = facet_id("person", sudani).expect("a person facet");
    assert_eq!(facet_id("speaker", sudani), Some(id.clone()));
    assert_eq!(entity(&entities, sudani).map(|e| e["id"].clone()), Some(id));
    let speakers = workspace.json(&["speakers"]);
    assert!(speakers
        .iter()
        .any(|s| s["name"] == sudani && s["id"].is_string()));

    // A plain hit and a filtered hit name the passage's entities alike.
    let plain = workspace.json(&["search", "dissolution", "-n", "5"]);
    let filtered = workspace.json(&["search", "dissolution", "--person", "sudani", "-n", "5"]);
    let names = |lines: &[Value]| -> Vec<Value> {
        of_type(lines, "hit")
            .iter()
            .filter(|h| h["line"] == of_type(&filtered, "hit")[0]["line"])
            .map(|h| h["entities"].clone())
            .collect()
    };
    assert!(!of_type(&filtered, "hit").is_empty());
    assert_eq!(names(&plain), names(&filtered));
    for hit in of_type(&plain, "hit") {
        for e in hit["entities"].as_array().into_iter().flatten() {
            assert!(e["id"].is_string() && e["name"].is_string(), "{e}");
        }
    }
}

#[test]
fn each_facet_counts_the_matching_passages_that_name_or_quote_it() {
    let workspace = Workspace::with_seeds();
    let search = workspace.json(&[
        "search",
        "Iraq OR militia OR attacks OR said",
        "--facets",
        "-n",
        "100000",
    ]);
    let hits = of_type(&search, "hit");
    let summary = of_type(&search, "summary");
    assert_eq!(Some(hits.len() as u64), summary[0]["total"].as_u64());
    let facets = of_type(&search, "facet");
    let mut checked = 0;
    for facet in facets.iter().filter(|f| f["field"] != "date") {
        let naming = |hit: &&&Value| match facet["field"].as_str() {
            Some("speaker") => hit["speakers"]
                .as_array()
                .is_some_and(|s| s.iter().any(|s| *s == facet["value"])),
            _ => hit["entities"]
                .as_array()
                .is_some_and(|e| e.iter().any(|e| e["id"] == facet["id"])),
        };
        let passages = hits.iter().filter(naming).count() as u64;
        assert_eq!(facet["count"].as_u64(), Some(passages), "{facet}");
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} facets");
}

#[test]
fn filters_match_any_spelling_and_say_when_they_match_several() {
    let workspace = Workspace::with_seeds();
    let total = |args: &[&str]| {
        let lines = workspace.json(args);
        of_type(&lines, "summary")[0]["total"].as_u64().unwrap_or(0)
    };
    let spelled_out = total(&["search", "Iraq", "--place", "United States"]);
    assert!(spelled_out > 0);
    assert_eq!(total(&["search", "Iraq", "--place", "u.s."]), spelled_out);
    assert_eq!(total(&["search", "Iraq", "--place", "US"]), spelled_out);

    let run = workspace.run(&["search", "Iraq", "--org", "kata'ib"]);
    assert_eq!(run.code(), 0);
    assert!(
        run.stderr().contains("--org kata'ib matches") && run.stderr().contains("entities:"),
        "{}",
        run.stderr()
    );
    let one = workspace.run(&["search", "Iraq", "--place", "united states"]);
    assert!(!one.stderr().contains("matches"), "{}", one.stderr());
}

#[test]
fn a_missing_or_damaged_table_is_built_again() {
    let workspace = Workspace::with_seeds();
    let first = workspace.json(&["entities", "-n", "10000"]);
    let table = workspace.path().join("index/entities.bin");
    let whole = std::fs::read(&table).expect("the index writes its table");
    std::fs::write(&table, &whole[..whole.len() / 2]).expect("cut the table");
    assert_eq!(workspace.json(&["entities", "-n", "10000"]), first);
    std::fs::remove_file(&table).expect("remove the table");
    assert_eq!(workspace.json(&["entities", "-n", "10000"]), first);
    workspace.run(&["index"]).ok();
    let again = std::fs::read(&table).expect("written again");
    assert!(again == whole, "{}", first_difference(&whole, &again));
}

/// Where two tables differ: the header's numbers of each and the first
/// byte that differs, with the section it falls in (the layout of
/// `src/index/entities/file.rs`), rather than two dumps of every byte.
fn first_difference(before: &[u8], after: &[u8]) -> String {
    let header = |bytes: &[u8]| -> Vec<u64> {
        (0..7)
            .filter_map(|i| bytes.get(16 + 8 * i..24 + 8 * i))
            .map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default()))
            .collect()
    };
    let at = before
        .iter()
        .zip(after)
        .position(|(a, b)| a != b)
        .unwrap_or(before.len().min(after.len()));
    let names = ["mentions", "speakers", "values", "rows", "text", "docs"];
    let lengths = header(before);
    let mut end = 16 + 8 * 7;
    let mut section = "header";
    for (name, len) in names.iter().zip(lengths.iter().skip(1)) {
        if at < end {
            break;
        }
        section = name;
        end += *len as usize;
    }
    format!(
        "tables differ at byte {at} ({section}); opstamp and section lengths \
         before {:?}, after {:?}; sizes {} and {}",
        lengths,
        header(after),
        before.len(),
        after.len()
    )
}
