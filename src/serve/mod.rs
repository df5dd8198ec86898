//! `dossier serve`: the search page and a JSON API over one index.
//!
//! - `api`: the endpoints, their parameters and their error answers.
//! - `page`: the page itself, HTML, script and style compiled into the
//!   binary; nothing is fetched from the network or read from disk.
//!
//! Every search runs on tokio's blocking pool under a bound on concurrent
//! searches and a time limit. A watcher reopens the index when another
//! process (`dossier index`) commits to it, so the page sees new articles
//! without a restart.

mod api;
mod page;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use axum::routing::get;
use axum::Router;
use tokio::sync::Semaphore;

use crate::error::{Error, Result};
use crate::search::Searcher;

/// How often the watcher looks for a new commit.
const RELOAD_EVERY: Duration = Duration::from_millis(500);

/// Searches that may run at once; more wait for a turn.
const CONCURRENT_SEARCHES: usize = 8;

/// The index being served, reopened on every new commit.
struct Shared {
    dir: PathBuf,
    searcher: RwLock<Arc<Searcher>>,
    /// Turns for searches; a turn is held until its search has finished,
    /// even when the request gave up waiting for it.
    permits: Arc<Semaphore>,
}

impl Shared {
    /// The searcher of the latest commit seen.
    fn searcher(&self) -> Arc<Searcher> {
        match self.searcher.read() {
            Ok(searcher) => Arc::clone(&searcher),
            // A panic while swapping cannot leave a half-written Arc.
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn replace(&self, searcher: Searcher) {
        let mut slot = match self.searcher.write() {
            Ok(slot) => slot,
            Err(poisoned) => poisoned.into_inner(),
        };
        *slot = Arc::new(searcher);
    }
}

/// Serves the index in `dir` on `bind` until Ctrl-C. `listening` is told
/// the address actually bound (port 0 picks a free one) once requests
/// can be answered.
pub fn serve(dir: &Path, bind: SocketAddr, listening: impl FnOnce(SocketAddr)) -> Result<()> {
    let searcher = Searcher::open(dir)?;
    let shared = Arc::new(Shared {
        dir: dir.to_path_buf(),
        searcher: RwLock::new(Arc::new(searcher)),
        permits: Arc::new(Semaphore::new(CONCURRENT_SEARCHES)),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::io(dir, e))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .map_err(|e| bind_error(bind, e))?;
        let bound = listener.local_addr().map_err(|e| bind_error(bind, e))?;
        tokio::spawn(watch_commits(Arc::clone(&shared)));
        listening(bound);
        axum::serve(listener, router(shared))
            .with_graceful_shutdown(async {
                // Without a signal handler the server runs until killed.
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| bind_error(bound, e))
    })
}

fn bind_error(bind: SocketAddr, error: std::io::Error) -> Error {
    Error::Argument {
        argument: "--bind".into(),
        message: format!("{bind}: {error}"),
    }
}

/// The routes: the page and its assets, and the API.
fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/app.js", get(page::script))
        .route("/style.css", get(page::style))
        .nest("/api", api::routes())
        .fallback(page::not_found)
        .with_state(shared)
}

/// Reopens the index whenever its last commit changes. A commit caught
/// half-written fails to open; the old searcher stays until the next look.
async fn watch_commits(shared: Arc<Shared>) {
    let mut seen = commit_stamp(&shared.dir);
    loop {
        tokio::time::sleep(RELOAD_EVERY).await;
        let now = commit_stamp(&shared.dir);
        if now == seen {
            continue;
        }
        let dir = shared.dir.clone();
        let reopened = tokio::task::spawn_blocking(move || Searcher::open(&dir)).await;
        if let Ok(Ok(searcher)) = reopened {
            shared.replace(searcher);
            seen = now;
        }
    }
}

/// What changes with every commit: the modification times of tantivy's
/// `meta.json` and of the entity table written beside it.
fn commit_stamp(dir: &Path) -> Vec<Option<SystemTime>> {
    [crate::index::META_FILE, crate::index::TABLE_FILE]
        .iter()
        .map(|file| {
            std::fs::metadata(dir.join(file))
                .and_then(|m| m.modified())
                .ok()
        })
        .collect()
}

/// True when `bind` is reachable from other machines, not only this one.
pub fn is_public(bind: SocketAddr) -> bool {
    !bind.ip().is_loopback()
}
