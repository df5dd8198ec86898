//! The search page: one HTML file, one script and one style sheet, compiled
//! into the binary so that the page needs nothing but this server. Article
//! text only ever reaches the page through the API as JSON, and the script
//! puts it in the document as text, never as markup.

use axum::http::{header, StatusCode};
use axum::response::IntoResponse;

const INDEX_HTML: &str = include_str!("page/index.html");
const APP_JS: &str = include_str!("page/app.js");
const STYLE_CSS: &str = include_str!("page/style.css");

/// Headers every asset carries: its type, and a policy that lets the page
/// run only its own script and load only its own resources.
fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
}

/// `/`: the page; its state lives in the query string, read by the script.
pub(super) async fn index() -> impl IntoResponse {
    asset("text/html; charset=utf-8", INDEX_HTML)
}

/// `/app.js`.
pub(super) async fn script() -> impl IntoResponse {
    asset("text/javascript; charset=utf-8", APP_JS)
}

/// `/style.css`.
pub(super) async fn style() -> impl IntoResponse {
    asset("text/css; charset=utf-8", STYLE_CSS)
}

/// Any other path: there are no files to serve, so nothing a client sends
/// reaches the file system.
pub(super) async fn not_found() -> impl IntoResponse {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "not found\n",
    )
}
