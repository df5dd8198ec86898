//! The JSON API: each endpoint answers one JSON object holding the same
//! records as the CLI's `--json` output. Anything wrong with a request is
//! a 4xx with `{"error": "..."}`, worded as the CLI would word it.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use super::Shared;
use crate::analyze::{DateValue, EntityKind};
use crate::error::Error;
use crate::render::json::Record;
use crate::search::{parse_date_argument, DateRange, Filters, Searcher};

/// The longest query, claim or name a request may send, in bytes.
pub const MAX_QUERY_BYTES: usize = 4096;
/// The most results one request returns; a larger `n` is cut to this.
pub const MAX_RESULTS: usize = 100;
/// How deep `offset` may page.
const MAX_OFFSET: usize = 10_000;
/// How long a request waits for a turn before it is told to come back.
const WAIT_FOR_TURN: Duration = Duration::from_secs(10);
/// How long one search may run.
const SEARCH_TIME_LIMIT: Duration = Duration::from_secs(10);

/// The API's routes, under `/api`.
pub(super) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/search", get(search))
        .route("/quotes", get(quotes))
        .route("/check", get(check))
        .route("/entities", get(entities))
        .route("/speakers", get(speakers))
        .route("/dates", get(dates))
        .route("/article", get(article))
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "no such endpoint") })
}

/// An error answer: a status and the message.
#[derive(Debug)]
pub(super) struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }

    fn bad(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        let status = match error {
            Error::Query(_) | Error::Argument { .. } | Error::BadInput { .. } => {
                StatusCode::BAD_REQUEST
            }
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError::new(status, error.to_string())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::bad(rejection.body_text())
    }
}

type Answer = Result<Json<Value>, ApiError>;

/// A request's query string read into [`Params`]. One that does not parse
/// (an unknown parameter, `n=abc`) is a 400 whose message names it.
struct ApiParams(Params);

impl<S: Send + Sync> FromRequestParts<S> for ApiParams {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Query(params) = Query::<Params>::from_request_parts(parts, state).await?;
        Ok(ApiParams(params))
    }
}

/// A listing's answer: its records under `key`, the number of matches in
/// all, and the notes for the user.
fn listing<'a>(
    key: &str,
    records: impl Iterator<Item = Record<'a>>,
    total: usize,
    notes: &[String],
) -> Answer {
    let records: Vec<Record<'_>> = records.collect();
    Ok(Json(
        json!({ key: records, "total": total, "notes": notes }),
    ))
}

/// The filters every listing takes; empty values count as absent.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Params {
    q: Option<String>,
    claim: Option<String>,
    n: Option<usize>,
    offset: Option<usize>,
    speaker: Option<String>,
    person: Option<String>,
    org: Option<String>,
    place: Option<String>,
    from: Option<String>,
    to: Option<String>,
    published_from: Option<String>,
    published_to: Option<String>,
    facets: Option<bool>,
    #[serde(rename = "type")]
    kind: Option<String>,
    by: Option<String>,
    doc: Option<String>,
}

impl Params {
    /// `q`, checked for length; `None` when absent or blank.
    fn query(&self) -> Result<Option<&str>, ApiError> {
        text_param("q", self.q.as_deref())
    }

    fn limit(&self, default: usize) -> usize {
        self.n.unwrap_or(default).min(MAX_RESULTS)
    }

    fn filters(&self) -> Result<Filters, ApiError> {
        let name = |param: &'static str, value: &Option<String>| {
            text_param(param, value.as_deref()).map(|v| v.map(str::to_owned))
        };
        Ok(Filters {
            speaker: name("speaker", &self.speaker)?,
            person: name("person", &self.person)?,
            org: name("org", &self.org)?,
            place: name("place", &self.place)?,
            dates: DateRange {
                from: date_param("from", &self.from)?,
                to: date_param("to", &self.to)?,
            },
            published: DateRange {
                from: date_param("published_from", &self.published_from)?,
                to: date_param("published_to", &self.published_to)?,
            },
        })
    }
}

/// A text parameter: `None` when absent or blank, an error past the limit.
fn text_param<'a>(name: &str, value: Option<&'a str>) -> Result<Option<&'a str>, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) if v.len() > MAX_QUERY_BYTES => Err(ApiError::new(
            StatusCode::URI_TOO_LONG,
            format!(
                "{name} is {} bytes long; the limit is {MAX_QUERY_BYTES}",
                v.len()
            ),
        )),
        other => Ok(other),
    }
}

fn date_param(name: &str, value: &Option<String>) -> Result<Option<DateValue>, ApiError> {
    match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => parse_date_argument(v)
            .map(Some)
            .map_err(|message| ApiError::bad(format!("invalid {name}: {message}"))),
    }
}

/// Runs `work` on the blocking pool once a turn is free, within the time
/// limit; a server too busy to start it in time says so with a 503.
async fn run<T, F>(shared: &Arc<Shared>, work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Searcher) -> crate::Result<T> + Send + 'static,
{
    let busy = || ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "too many searches at once");
    let turn = tokio::time::timeout(WAIT_FOR_TURN, Arc::clone(&shared.permits).acquire_owned())
        .await
        .map_err(|_| busy())?
        .map_err(|_| busy())?;
    let searcher = shared.searcher();
    let task = tokio::task::spawn_blocking(move || {
        let result = work(&searcher);
        drop(turn);
        result
    });
    match tokio::time::timeout(SEARCH_TIME_LIMIT, task).await {
        Err(_) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "the search took longer than {} s; narrow it",
                SEARCH_TIME_LIMIT.as_secs()
            ),
        )),
        Ok(Err(_)) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the search failed",
        )),
        Ok(Ok(result)) => Ok(result?),
    }
}

async fn search(State(shared): State<Arc<Shared>>, ApiParams(params): ApiParams) -> Answer {
    let query = params
        .query()?
        .ok_or_else(|| ApiError::bad("q is required: the words to search for"))?
        .to_owned();
    let filters = params.filters()?;
    let offset = params.offset.unwrap_or(0).min(MAX_OFFSET);
    let limit = params.limit(10);
    let facets = params.facets.unwrap_or(false);
    let started = Instant::now();
    let results = run(&shared, move |s| {
        s.search(&query, offset + limit, &filters, facets)
    })
    .await?;
    let hits: Vec<Record> = results.hits.iter().skip(offset).map(Record::Hit).collect();
    let mut by_field: BTreeMap<&str, Vec<&crate::search::FacetCount>> = BTreeMap::new();
    for facet in &results.facets {
        by_field.entry(facet.field).or_default().push(facet);
    }
    Ok(Json(json!({
        "hits": hits,
        "total": results.total,
        "offset": offset,
        "facets": by_field,
        "notes": results.notes,
        "elapsed_ms": started.elapsed().as_secs_f64() * 1000.0,
    })))
}

async fn quotes(State(shared): State<Arc<Shared>>, ApiParams(params): ApiParams) -> Answer {
    let query = params.query()?.map(str::to_owned);
    let filters = params.filters()?;
    let limit = params.limit(20);
    let results = run(&shared, move |s| {
        s.quotes(query.as_deref(), limit, &filters)
    })
    .await?;
    let quotes = results.hits.iter().map(Record::QuoteHit);
    listing("quotes", quotes, results.total, &results.notes)
}

async fn check(State(shared): State<Arc<Shared>>, ApiParams(params): ApiParams) -> Answer {
    let claim = text_param("claim", params.claim.as_deref())?
        .ok_or_else(|| ApiError::bad("claim is required: the claim to check"))?
        .to_owned();
    let limit = params.limit(5);
    let filters = params.filters()?;
    let results = run(&shared, move |s| {
        crate::check::check(s, &claim, limit, &filters)
    })
    .await?;
    let hits = results.hits.iter().map(Record::CheckedHit);
    listing("hits", hits, results.total, &results.notes)
}

async fn entities(State(shared): State<Arc<Shared>>, ApiParams(params): ApiParams) -> Answer {
    let kind = match params.kind.as_deref().filter(|k| !k.is_empty()) {
        None => None,
        Some("person") => Some(EntityKind::Person),
        Some("org") => Some(EntityKind::Org),
        Some("place") => Some(EntityKind::Place),
        Some(other) => {
            return Err(ApiError::bad(format!(
                "invalid type {other:?}: use person, org or place"
            )))
        }
    };
    let query = params.query()?.map(str::to_owned);
    let limit = params.limit(50);
    let entities = run(&shared, move |s| s.entities(kind, query.as_deref(), limit)).await?;
    let records: Vec<Record> = entities.iter().map(Record::Entity).collect();
    Ok(Json(json!({ "entities": records })))
}

async fn speakers(State(shared): State<Arc<Shared>>, ApiParams(params): ApiParams) -> Answer {
    let limit = params.limit(MAX_RESULTS);
    let speakers = run(&shared, |s| s.speakers()).await?;
    let records: Vec<Record> = speakers.iter().take(limit).map(Record::Speaker).collect();
    Ok(Json(
        json!({ "speakers": records, "total": speakers.len() }),
    ))
}

async fn dates(State(shared): State<Arc<Shared>>, ApiParams(params): ApiParams) -> Answer {
    let by_month = match params.by.as_deref() {
        None | Some("") | Some("year") => false,
        Some("month") => true,
        Some(other) => {
            return Err(ApiError::bad(format!(
                "invalid by {other:?}: use month or year"
            )))
        }
    };
    let query = params.query()?.map(str::to_owned);
    let filters = params.filters()?;
    let counts = run(&shared, move |s| {
        s.dates(query.as_deref(), by_month, &filters)
    })
    .await?;
    let records: Vec<Record> = counts.iter().map(Record::DateCount).collect();
    Ok(Json(json!({ "dates": records })))
}

async fn article(State(shared): State<Arc<Shared>>, ApiParams(params): ApiParams) -> Answer {
    let doc = text_param("doc", params.doc.as_deref())?
        .ok_or_else(|| ApiError::bad("doc is required: an article id from a hit"))?
        .to_owned();
    let wanted = doc.clone();
    match run(&shared, move |s| s.article(&wanted)).await? {
        Some(article) => Ok(Json(json!({ "article": article }))),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no article with id {doc:?} in the index"),
        )),
    }
}
