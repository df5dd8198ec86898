//! What each command does: glue from parsed arguments to the library and
//! the renderers.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use termcolor::{BufferedStandardStream, WriteColor};

use dossier::analyze::EntityKind;
use dossier::check::CheckResults;
use dossier::index::{self, IndexOptions};
use dossier::render;
use dossier::search::{Filters, QuoteResults, SearchResults, Searcher};
use dossier::{analyze, ingest, Error};

use crate::{Found, DEFAULT_CORPUS};

pub(crate) fn index_paths(
    dir: &Path,
    paths: &[PathBuf],
    rebuild: bool,
    memory_mib: usize,
) -> anyhow::Result<bool> {
    let options = IndexOptions {
        rebuild,
        progress: std::io::stderr().is_terminal(),
        memory: memory_mib.saturating_mul(1 << 20),
    };
    let report = index::update(dir, paths, &options)?;
    let mut stderr = std::io::stderr().lock();
    for warning in &report.warnings {
        writeln!(stderr, "dossier: warning: {warning}")?;
    }
    render::human::write_index_summary(&mut stderr, &report)?;
    Ok(report.skipped.is_empty())
}

/// Builds the index from the default corpus when there is none yet, so a
/// new user's first search just works.
fn ensure_index(dir: &Path) -> anyhow::Result<()> {
    if index::exists(dir) || !Path::new(DEFAULT_CORPUS).is_dir() {
        return Ok(());
    }
    eprintln!(
        "dossier: no index in {}; building it from {DEFAULT_CORPUS}/ first",
        dir.display()
    );
    let memory = index::DEFAULT_MEMORY_MIB;
    index_paths(dir, &[PathBuf::from(DEFAULT_CORPUS)], false, memory).map(|_| ())
}

/// Where a reading command reads and what it prints to: the index, and
/// standard output as text or as JSON Lines.
pub(crate) struct Reader<'a> {
    pub(crate) index: &'a Path,
    pub(crate) json: bool,
    pub(crate) out: &'a mut BufferedStandardStream,
}

impl Reader<'_> {
    /// The index, built from the default corpus first if there is none.
    fn searcher(&self) -> anyhow::Result<Searcher> {
        open_searcher(self.index)
    }

    /// Prints a command's notes (on standard error), then its answer as
    /// JSON Lines or for people, and says whether it found any.
    fn report<T: Answer + ?Sized>(
        &mut self,
        answer: &T,
        as_json: JsonWriter<T>,
        as_text: HumanWriter<T>,
    ) -> anyhow::Result<Found> {
        print_notes(answer.notes())?;
        let written = if self.json {
            as_json(self.out, answer)
        } else {
            as_text(self.out, answer)
        };
        written.map_err(Error::Output)?;
        Ok(found(answer.found_any()))
    }
}

pub(crate) fn search(
    reader: &mut Reader<'_>,
    query: &str,
    filters: &Filters,
    (limit, facets): (usize, bool),
) -> anyhow::Result<Found> {
    let results = reader.searcher()?.search(query, limit, filters, facets)?;
    let (json, text) = (render::json::write_results, render::human::write_results);
    reader.report(&results, json, text)
}

pub(crate) fn quotes(
    reader: &mut Reader<'_>,
    query: &str,
    filters: &Filters,
    limit: usize,
) -> anyhow::Result<Found> {
    let results = reader.searcher()?.quotes(optional(query), limit, filters)?;
    let (json, text) = (render::json::write_quotes, render::human::write_quotes);
    reader.report(&results, json, text)
}

pub(crate) fn check(
    reader: &mut Reader<'_>,
    claim: &str,
    filters: &Filters,
    limit: usize,
) -> anyhow::Result<Found> {
    let results = dossier::check::check(&reader.searcher()?, claim, limit, filters)?;
    reader.report(&results, render::json::write_checks, render::write_checks)
}

pub(crate) fn entities(
    reader: &mut Reader<'_>,
    kind: Option<EntityKind>,
    query: &str,
    limit: usize,
) -> anyhow::Result<Found> {
    let entities = reader.searcher()?.entities(kind, optional(query), limit)?;
    let (json, text) = (render::json::write_entities, render::human::write_entities);
    reader.report(entities.as_slice(), json, text)
}

pub(crate) fn dates(
    reader: &mut Reader<'_>,
    query: &str,
    by_month: bool,
    filters: &Filters,
) -> anyhow::Result<Found> {
    let counts = reader
        .searcher()?
        .dates(optional(query), by_month, filters)?;
    let (json, text) = (render::json::write_dates, render::human::write_dates);
    reader.report(counts.as_slice(), json, text)
}

pub(crate) fn speakers(reader: &mut Reader<'_>) -> anyhow::Result<Found> {
    let speakers = reader.searcher()?.speakers()?;
    let (json, text) = (render::json::write_speakers, render::human::write_speakers);
    reader.report(speakers.as_slice(), json, text)
}

pub(crate) fn export_matches(
    dir: &Path,
    export: &dossier::export::Export<'_>,
) -> anyhow::Result<Found> {
    export.check()?;
    let searcher = open_searcher(dir)?;
    let bar = if std::io::stderr().is_terminal() {
        let total = dossier::export::count(&searcher, export)?;
        indicatif::ProgressBar::new(total)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let summary = dossier::export::export(&searcher, export, &|n| {
        if n % 256 == 0 {
            bar.set_position(n);
        }
    })?;
    bar.finish_and_clear();
    eprintln!(
        "dossier: exported {} {} to {}",
        summary.records,
        export.what.noun(),
        summary.written_to
    );
    Ok(found(summary.records > 0))
}

pub(crate) fn serve(dir: &Path, bind: std::net::SocketAddr, open: bool) -> anyhow::Result<Found> {
    ensure_index(dir)?;
    if dossier::serve::is_public(bind) {
        eprintln!("dossier: warning: {bind} is reachable from other machines; anyone who can reach it can search this index");
    }
    dossier::serve::serve(dir, bind, |bound| {
        let url = format!("http://{bound}");
        eprintln!("listening on {url}");
        if open {
            open_in_browser(&url);
        }
    })?;
    Ok(Found::Something)
}

/// Opens `url` with the desktop's browser; says so when there is none.
fn open_in_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(error) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!("dossier: cannot open a browser ({opener}: {error}); open {url} yourself");
    }
}

/// The index in `dir`, built from the default corpus first if there is none.
fn open_searcher(dir: &Path) -> anyhow::Result<Searcher> {
    ensure_index(dir)?;
    Ok(Searcher::open(dir)?)
}

/// Tells the user, on standard error, what a filter matched.
fn print_notes(notes: &[String]) -> anyhow::Result<()> {
    let mut stderr = std::io::stderr().lock();
    for note in notes {
        writeln!(stderr, "dossier: note: {note}")?;
    }
    Ok(())
}

/// A query given as words on the command line, if any.
pub(crate) fn optional(query: &str) -> Option<&str> {
    Some(query).filter(|q| !q.trim().is_empty())
}

type JsonWriter<T> = fn(&mut dyn Write, &T) -> std::io::Result<()>;
type HumanWriter<T> = fn(&mut dyn WriteColor, &T) -> std::io::Result<()>;

/// What a command answered: notes for the user and whether it found any.
trait Answer {
    fn notes(&self) -> &[String] {
        &[]
    }
    fn found_any(&self) -> bool;
}

/// A query's results: hits, with notes on what its filters matched.
macro_rules! ranked_answer {
    ($($results:ty),*) => {$(
        impl Answer for $results {
            fn notes(&self) -> &[String] {
                &self.notes
            }
            fn found_any(&self) -> bool {
                !self.hits.is_empty()
            }
        }
    )*};
}

ranked_answer!(SearchResults, QuoteResults, CheckResults);

/// A listing: entities, speakers, date counts.
impl<T> Answer for [T] {
    fn found_any(&self) -> bool {
        !self.is_empty()
    }
}

fn found(something: bool) -> Found {
    if something {
        Found::Something
    } else {
        Found::Nothing
    }
}

pub(crate) fn analyze_paths(
    paths: &[PathBuf],
    json: bool,
    out: &mut BufferedStandardStream,
) -> anyhow::Result<Found> {
    for path in paths {
        std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    }
    let walk = ingest::walk(paths);
    for (path, reason) in &walk.errors {
        eprintln!("dossier: skipped {path}: {reason}");
    }
    let mut any = false;
    for file in &walk.files {
        let read = match ingest::read_file(&file.path, &file.display, file.format) {
            Ok(read) => read,
            Err(error) => {
                eprintln!("dossier: skipped {error}");
                continue;
            }
        };
        for warning in &read.warnings {
            eprintln!("dossier: warning: {warning}");
        }
        for article in read.articles {
            let analysis = analyze::analyze(article);
            write_analysis(out, &analysis, json).map_err(Error::Output)?;
            any = true;
        }
    }
    Ok(if any {
        Found::Something
    } else {
        Found::Nothing
    })
}

fn write_analysis(
    out: &mut BufferedStandardStream,
    analysis: &analyze::Analysis,
    json: bool,
) -> std::io::Result<()> {
    if json {
        render::json::write_analysis(out, analysis)
    } else {
        render::human::write_analysis(out as &mut dyn WriteColor, analysis)
    }
}
