//! The search page in a real browser (headless Chromium), as a person uses
//! it: search, click a facet, remove its chip, open an article, go back;
//! article text holding markup shows as text and never runs; the page fits
//! a phone in dark mode. The test also takes the README's screenshot:
//! `DOSSIER_SCREENSHOT=docs/screenshot.png cargo test --test browser`.

mod common;

use std::path::PathBuf;

use common::browser::{chromium, Browser};
use common::server::Server;
use common::Workspace;
use serde_json::{json, Value};

/// An article whose text carries markup that must never run.
const HOSTILE: &str = "Zanzibarite memo\n\n\
    The zanzibarite envoy wrote <script>window.pwned = 1</script> and \
    <img src=x onerror=\"window.pwned = 2\"> and \
    <a href=\"javascript:window.pwned = 3\">a link</a> &amp; more in a memo.\n";

/// Chromium, or `None` with a message when it is missing. `.ci/run` sets
/// `DOSSIER_REQUIRE_BROWSER`, so that there a missing browser fails.
fn browser_path() -> Option<PathBuf> {
    let path = chromium();
    if path.is_none() {
        assert!(
            std::env::var_os("DOSSIER_REQUIRE_BROWSER").is_none(),
            "DOSSIER_REQUIRE_BROWSER is set and there is no /usr/bin/chromium (or $CHROMIUM)"
        );
        eprintln!("SKIPPED: no Chromium at /usr/bin/chromium or $CHROMIUM; install Debian's `chromium` to run the page test");
    }
    path
}

/// The number of passages the summary line reports.
fn shown_total(browser: &mut Browser) -> u64 {
    let summary = browser.eval("document.getElementById('summary').textContent");
    summary
        .as_str()
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in the summary: {summary}"))
}

fn wait_for_hits(browser: &mut Browser) {
    browser.wait_for(
        "document.body.dataset.ready && document.querySelectorAll('#hits .hit').length > 0",
    );
}

fn server_with_hostile_article() -> (Workspace, Server) {
    let workspace = Workspace::with_seeds();
    workspace.write("seeds/hostile.txt", HOSTILE);
    let server = Server::start(&workspace, "index");
    (workspace, server)
}

#[test]
fn a_facet_narrows_the_results_and_an_article_opens() {
    let Some(path) = browser_path() else { return };
    let (_workspace, server) = server_with_hostile_article();
    let mut browser = Browser::launch(&path, 1280, 900);

    browser.navigate(&server.url("/?q=sudani"));
    wait_for_hits(&mut browser);
    let all = shown_total(&mut browser);
    let facet: Value = browser.eval(
        "(() => { const f = document.querySelector('.facet[data-field=speaker]'); \
         return [f.firstChild.textContent, Number(f.lastChild.textContent)]; })()",
    );
    let expected = facet[1].as_u64().expect("facet count");
    assert!(expected < all, "the facet should narrow: {facet} of {all}");

    browser.click(".facet[data-field=speaker]");
    browser.wait_for("location.search.includes('speaker=') && document.querySelector('.chip[data-filter=speaker]')");
    wait_for_hits(&mut browser);
    assert_eq!(shown_total(&mut browser), expected);
    let chip = browser.eval("document.querySelector('.chip[data-filter=speaker]').textContent");
    assert!(
        chip.as_str()
            .unwrap_or_default()
            .contains(facet[0].as_str().unwrap_or("?")),
        "{chip}"
    );

    // A click on the chip removes the filter again.
    browser.click(".chip[data-filter=speaker]");
    browser.wait_for("!location.search.includes('speaker=') && !document.querySelector('.chip')");
    wait_for_hits(&mut browser);
    assert_eq!(shown_total(&mut browser), all);

    // The article view opens on the passage, and back returns to the hits.
    browser.click("#hits .hit h2 a");
    browser.wait_for("document.querySelector('.article .passage.target')");
    let marked = browser.eval("document.querySelectorAll('.article q.quoted').length");
    assert!(
        marked.as_u64() > Some(0),
        "quotations marked in the article: {marked}"
    );
    assert_eq!(
        browser.eval("new URLSearchParams(location.search).get('tab')"),
        json!("article")
    );
    browser.eval("history.back()");
    wait_for_hits(&mut browser);
    assert_eq!(shown_total(&mut browser), all);

    // A click on the timeline's last bar keeps its month only.
    let month =
        browser.eval("document.querySelector('#timeline rect:last-of-type').dataset.period");
    browser.click("#timeline rect:last-of-type");
    browser.wait_for("document.querySelector('.chip[data-filter=from]')");
    wait_for_hits(&mut browser);
    let params = browser.eval("[...new URLSearchParams(location.search).entries()]");
    assert!(
        params.to_string().contains(&format!("[\"from\",{month}]")),
        "{params}"
    );
    assert!(shown_total(&mut browser) < all);
}

#[test]
fn markup_in_an_article_shows_as_text_and_never_runs() {
    let Some(path) = browser_path() else { return };
    let (_workspace, server) = server_with_hostile_article();
    let mut browser = Browser::launch(&path, 1280, 900);

    browser.navigate(&server.url("/?q=zanzibarite"));
    wait_for_hits(&mut browser);
    for view in ["#hits", ".article"] {
        if view == ".article" {
            browser.click("#hits .hit h2 a");
            browser.wait_for("document.querySelector('.article')");
        }
        let text = browser.eval(&format!("document.querySelector('{view}').textContent"));
        let text = text.as_str().unwrap_or_default();
        assert!(
            text.contains("<script>window.pwned = 1</script>"),
            "{view}: {text}"
        );
        assert!(text.contains("<img src=x onerror="), "{view}: {text}");
        assert!(text.contains("&amp; more"), "{view}: {text}");
        let elements = browser.eval(&format!(
            "document.querySelectorAll('{view} script, {view} img, {view} a[href^=javascript]').length"
        ));
        assert_eq!(elements, json!(0), "{view}");
        assert_eq!(
            browser.eval("window.pwned === undefined"),
            json!(true),
            "{view}"
        );
    }
}

#[test]
fn the_page_fits_a_phone_in_dark_mode_and_the_readme_screenshot_is_taken() {
    let Some(path) = browser_path() else { return };
    let (_workspace, server) = server_with_hostile_article();
    let mut browser = Browser::launch(&path, 1280, 900);

    browser.navigate(&server.url("/?q=sudani%20PMF"));
    wait_for_hits(&mut browser);
    browser.wait_for(
        "document.querySelector('#timeline rect') && document.querySelector('#facets h3')",
    );
    let shot = browser.screenshot();
    assert!(shot.starts_with(b"\x89PNG"), "a PNG");
    if let Some(target) = std::env::var_os("DOSSIER_SCREENSHOT") {
        std::fs::write(&target, &shot).expect("write the screenshot");
    }

    browser.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true }),
    );
    browser.call(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }),
    );
    browser.navigate(&server.url("/?q=sudani"));
    wait_for_hits(&mut browser);
    assert_eq!(
        browser.eval("document.documentElement.scrollWidth <= window.innerWidth"),
        json!(true),
        "nothing wider than a phone"
    );
    let background = browser.eval("getComputedStyle(document.body).backgroundColor");
    assert_ne!(
        background,
        json!("rgb(253, 253, 251)"),
        "dark colours in dark mode"
    );
}
