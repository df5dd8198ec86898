//! What each command does: glue from parsed arguments to the library and
//! the renderers. The arguments of the reading commands (`search`,
//! `quotes`, `check`, `entities`, `dates`) are declared at the end of this
//! module, the only one that reads their fields; `args.rs` holds the rest
//! of the command line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use termcolor::{BufferedStandardStream, WriteColor};

use dossier::analyze::EntityKind;
use dossier::index::{self, IndexOptions};
use dossier::render;
use dossier::search::{Ranked, Searcher};
use dossier::{analyze, ingest, Error};

use crate::args::{limit, FilterArgs, KindArg, OutputArgs, PeriodArg};
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

/// Standard output, in colour where it is a terminal that wants it.
pub(crate) type Output = BufferedStandardStream;

/// Where a reading command reads and what it prints to: the index, and
/// standard output as text or as JSON Lines.
struct Reader<'a> {
    index: &'a Path,
    json: bool,
    out: &'a mut Output,
}

impl<'a> Reader<'a> {
    fn new(index: &'a Path, output: &OutputArgs, out: &'a mut Output) -> Self {
        Reader {
            index,
            json: output.json,
            out,
        }
    }

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

pub(crate) fn search(index: &Path, out: &mut Output, args: SearchArgs) -> anyhow::Result<Found> {
    let reader = &mut Reader::new(index, &args.output, out);
    let (query, filters) = (args.query.join(" "), args.filters.into());
    let results = reader
        .searcher()?
        .search(&query, args.limit, &filters, args.facets)?;
    let (json, text) = (render::json::write_results, render::human::write_results);
    reader.report(&results, json, text)
}

pub(crate) fn quotes(index: &Path, out: &mut Output, args: QuotesArgs) -> anyhow::Result<Found> {
    let reader = &mut Reader::new(index, &args.output, out);
    let query = args.query.join(" ");
    let results = reader
        .searcher()?
        .quotes(optional(&query), args.limit, &args.filters.into())?;
    let (json, text) = (render::json::write_quotes, render::human::write_quotes);
    reader.report(&results, json, text)
}

pub(crate) fn check(index: &Path, out: &mut Output, args: CheckArgs) -> anyhow::Result<Found> {
    let reader = &mut Reader::new(index, &args.output, out);
    let claim = args.claim.join(" ");
    let filters = args.filters.into();
    let results = dossier::check::check(&reader.searcher()?, &claim, args.limit, &filters)?;
    reader.report(&results, render::json::write_checks, render::write_checks)
}

pub(crate) fn entities(
    index: &Path,
    out: &mut Output,
    args: EntitiesArgs,
) -> anyhow::Result<Found> {
    let reader = &mut Reader::new(index, &args.output, out);
    let (kind, query) = (args.kind.map(EntityKind::from), args.query.join(" "));
    let entities = reader
        .searcher()?
        .entities(kind, optional(&query), args.limit)?;
    let (json, text) = (render::json::write_entities, render::human::write_entities);
    reader.report(entities.as_slice(), json, text)
}

pub(crate) fn dates(index: &Path, out: &mut Output, args: DatesArgs) -> anyhow::Result<Found> {
    let reader = &mut Reader::new(index, &args.output, out);
    let (query, filters) = (args.query.join(" "), args.filters.into());
    let by_month = matches!(args.by, PeriodArg::Month);
    let counts = reader
        .searcher()?
        .dates(optional(&query), by_month, &filters)?;
    let (json, text) = (render::json::write_dates, render::human::write_dates);
    reader.report(counts.as_slice(), json, text)
}

pub(crate) fn speakers(
    index: &Path,
    out: &mut Output,
    output: OutputArgs,
) -> anyhow::Result<Found> {
    let reader = &mut Reader::new(index, &output, out);
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
impl<H> Answer for Ranked<H> {
    fn notes(&self) -> &[String] {
        &self.notes
    }
    fn found_any(&self) -> bool {
        !self.hits.is_empty()
    }
}

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

/// The arguments of `dossier search`.
#[derive(Args)]
pub(crate) struct SearchArgs {
    /// The query; several words are joined with spaces.
    #[arg(required = true)]
    query: Vec<String>,
    /// Number of passages to show.
    #[arg(short = 'n', long = "max", default_value_t = 10, value_parser = limit())]
    limit: usize,
    #[command(flatten)]
    filters: FilterArgs,
    /// Count matching passages per speaker, person, organisation, place and date.
    #[arg(long)]
    facets: bool,
    #[command(flatten)]
    output: OutputArgs,
}

/// The arguments of `dossier quotes`.
#[derive(Args)]
pub(crate) struct QuotesArgs {
    /// Words to look for in the quotations; without it, all in document order.
    query: Vec<String>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Number of quotations to show.
    #[arg(short = 'n', long = "max", default_value_t = 20, value_parser = limit())]
    limit: usize,
    #[command(flatten)]
    output: OutputArgs,
}

/// The arguments of `dossier check`.
#[derive(Args)]
pub(crate) struct CheckArgs {
    /// The claim, in any words; several arguments are joined with spaces.
    #[arg(required = true)]
    claim: Vec<String>,
    /// Number of passages to show.
    #[arg(short = 'n', long = "max", default_value_t = 5, value_parser = limit())]
    limit: usize,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
}

/// The arguments of `dossier entities`.
#[derive(Args)]
pub(crate) struct EntitiesArgs {
    /// Only entities of this kind.
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    kind: Option<KindArg>,
    /// Count only in passages matching this query.
    query: Vec<String>,
    /// Number of entities to show.
    #[arg(short = 'n', long = "max", default_value_t = 50, value_parser = limit())]
    limit: usize,
    #[command(flatten)]
    output: OutputArgs,
}

/// The arguments of `dossier dates`.
#[derive(Args)]
pub(crate) struct DatesArgs {
    /// Count only passages matching this query.
    query: Vec<String>,
    /// Count per year or per month.
    #[arg(long, value_enum, default_value_t = PeriodArg::Year)]
    by: PeriodArg,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
}
