//! `dossier check`: claims of our own over the seed articles, written in
//! other words than theirs, find the passage that states them, with each
//! number, date and name marked.

mod common;

use common::{of_type, Workspace};
use serde_json::Value;

/// The first passage found for a claim, as JSON.
fn first(workspace: &Workspace, claim: &str) -> Value {
    let lines = workspace.json(&["check", claim]);
    of_type(&lines, "hit")
        .first()
        .map(|hit| (*hit).clone())
        .unwrap_or_else(|| panic!("no passage for {claim}"))
}

fn checks_of<'a>(hit: &'a Value, kind: &str) -> Vec<&'a Value> {
    hit["checks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c["kind"] == kind)
        .collect()
}

#[test]
fn numbers_in_words_find_the_passage_and_agree_with_its_digits() {
    let workspace = Workspace::with_seeds();
    let hit = first(
        &workspace,
        "A drone from Iraq killed two Israeli troops and wounded twenty-four more on the Golan Heights",
    );
    assert!(hit["text"]
        .as_str()
        .is_some_and(|t| t.contains("injured 24 others")));
    let numbers = checks_of(&hit, "number");
    assert_eq!(numbers.len(), 2, "{numbers:?}");
    assert!(numbers.iter().all(|c| c["agrees"] == true), "{numbers:?}");
    assert_eq!(hit["verdict"], "supports");
}

#[test]
fn a_shortened_name_finds_the_full_one() {
    let workspace = Workspace::with_seeds();
    let hit = first(
        &workspace,
        "The PMF umbrella has more than two hundred thousand recruits",
    );
    assert!(hit["text"]
        .as_str()
        .is_some_and(|t| t.contains("200,000 recruits")));
    let numbers = checks_of(&hit, "number");
    assert_eq!(numbers[0]["agrees"], true, "{numbers:?}");
    assert_eq!(numbers[0]["passage"], "over 200,000");
}

#[test]
fn a_name_the_passage_lacks_is_looked_for_in_its_article() {
    let workspace = Workspace::with_seeds();
    let hit = first(
        &workspace,
        "In Iraq the PMF umbrella has more than two hundred thousand recruits, Baghdad officials say",
    );
    assert!(hit["text"]
        .as_str()
        .is_some_and(|t| t.contains("200,000 recruits")));
    let names = checks_of(&hit, "entity");
    let baghdad = names
        .iter()
        .find(|c| c["claim"] == "Baghdad")
        .expect("Baghdad is checked");
    assert!(baghdad["agrees"].is_null());
    assert_eq!(baghdad["in_article"], true);
    let iraq = names.iter().find(|c| c["claim"] == "Iraq").expect("Iraq");
    assert!(
        iraq.get("in_article").is_none(),
        "only for names the passage lacks"
    );
}

#[test]
fn a_claim_with_another_number_differs() {
    let workspace = Workspace::with_seeds();
    let hit = first(
        &workspace,
        "The militias carried out about 300 attacks between October and February",
    );
    assert!(hit["text"]
        .as_str()
        .is_some_and(|t| t.contains("numbering around 170")));
    assert_eq!(hit["verdict"], "differs");
    let number = checks_of(&hit, "number")[0];
    assert_eq!(number["agrees"], false);
    assert_eq!(number["passage"], "around 170");

    let human = workspace.run(&["check", "The militias carried out about 300 attacks"]);
    assert_eq!(human.code(), 0);
    assert!(
        human
            .stdout()
            .contains("≠ number claim about 300, passage around 170"),
        "{}",
        human.stdout()
    );
    assert!(human.stdout().contains("verdict: differs"));
}

#[test]
fn a_claim_with_a_stray_quotation_mark_is_read_as_words() {
    let workspace = Workspace::with_seeds();
    let run = workspace.run(&["check", "Sudani said \"the PMF (is) -legal AND official"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    assert!(run.stdout().contains("verdict:"));
}

#[test]
fn a_claim_without_words_is_an_error() {
    let workspace = Workspace::with_seeds();
    let run = workspace.run(&["check", "--", "?!"]);
    assert_eq!(run.code(), 2);
    assert!(run.stderr().contains("claim"), "{}", run.stderr());
}

#[test]
fn a_claim_that_puts_the_words_on_someone_else_differs() {
    let workspace = Workspace::with_seeds();
    let bureau = "of Asa'ib Ahl al-Haq's political bureau said Iraqis must be fully \
                  prepared to defend state institutions against Israel";
    let wrong = first(&workspace, &format!("Qais al-Khazali {bureau}"));
    assert!(wrong["text"]
        .as_str()
        .is_some_and(|t| t.contains("fully prepared to defend")));
    let names = checks_of(&wrong, "entity");
    let khazali = names
        .iter()
        .find(|c| c["claim"] == "Qais al-Khazali")
        .expect("the claim's speaker is checked");
    assert_eq!(khazali["agrees"], false, "{names:?}");
    assert_eq!(khazali["passage"], "Salam Al-Jazaeri");
    assert_eq!(wrong["verdict"], "differs");

    let right = first(&workspace, &format!("Salam al-Jazaeri {bureau}"));
    assert_eq!(right["verdict"], "supports", "{right}");
}

#[test]
fn a_month_without_a_year_is_read_as_of_the_articles_date() {
    let workspace = Workspace::with_seeds();
    let hit = first(
        &workspace,
        "In June, armed groups linked to the PMF decided against targeting US-led coalition assets in Iraq",
    );
    assert_eq!(hit["published"], "2025-08-15", "{hit}");
    let dates = checks_of(&hit, "date");
    assert_eq!(dates.len(), 1, "{dates:?}");
    assert_eq!(dates[0]["claim"], "June");
    assert_eq!(dates[0]["passage"], "2025-06");
    assert_eq!(dates[0]["agrees"], true);
}

#[test]
fn common_initials_are_no_name_to_check() {
    let workspace = Workspace::new();
    workspace.write(
        "news/words.txt",
        "Markets\n\nThe Riverside exchange listed 53 initial public offerings last year.\n",
    );
    workspace.run(&["index", "news"]).ok();
    let hit = first(&workspace, "The Riverside exchange listed 53 new IPOs");
    let names = checks_of(&hit, "entity");
    assert!(
        names.iter().all(|c| c["claim"] != "IPOs"),
        "IPOs is no organisation: {names:?}"
    );
    assert_eq!(hit["verdict"], "supports", "{hit}");
}

/// The README's example, as printed: the command after `$ ` and the lines
/// after it in the first `text` block of "Checking a claim".
#[test]
fn the_readme_example_is_what_check_prints() {
    let readme = std::fs::read_to_string(common::repo_path("README.md")).expect("README.md");
    let section = readme
        .split("## Checking a claim")
        .nth(1)
        .expect("a Checking a claim section");
    let block = section
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a text block");
    let (command, shown) = block.split_once('\n').expect("a command and its output");
    let claim = command
        .split('"')
        .nth(1)
        .expect("the claim in quotation marks");
    assert!(
        command.starts_with("$ dossier check ") && command.ends_with(" -n 1"),
        "{command}"
    );
    let workspace = Workspace::with_seeds();
    let run = workspace.run(&["check", claim, "-n", "1", "--color", "never"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    let printed = run.stdout();
    assert!(
        printed.starts_with(shown),
        "README:\n{shown}\nprinted:\n{printed}"
    );
}
