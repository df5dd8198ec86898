//! The `dossier` command: argument parsing and glue around the library.
//!
//! Exit codes follow ripgrep: 0 when something was found, 1 when nothing
//! was, 2 on an error. A closed output pipe ends the program quietly.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use termcolor::{BufferedStandardStream, WriteColor};

use dossier::analyze::{DateValue, EntityKind};
use dossier::index::{self, IndexOptions};
use dossier::render::{self, ColorWhen};
use dossier::search::{check_limit, parse_date_argument, DateRange, Filters, Searcher};
use dossier::{analyze, ingest, Error};

/// Search folders of news articles and policy analyses by passage.
#[derive(Parser)]
#[command(name = "dossier", version, about, max_term_width = 100)]
struct Cli {
    /// Index directory.
    #[arg(long, global = true, env = "DOSSIER_INDEX", default_value = "index")]
    index: PathBuf,
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    color: Color,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Index files and folders (.txt, .md, .html, .jsonl); only changes are re-read.
    Index {
        /// Files or folders to index.
        #[arg(default_value = "seeds")]
        paths: Vec<PathBuf>,
        /// Drop the index and build it again from scratch.
        #[arg(long)]
        rebuild: bool,
        /// Memory budget for indexing, in MiB. Articles over a sixteenth of
        /// it (a text, Markdown or HTML file, or a .jsonl line) are skipped.
        #[arg(long, default_value_t = 1024, value_name = "MIB")]
        memory: usize,
    },
    /// Search passages: words, "phrases", "phrase"~N, +must, -not, OR, field:value.
    Search {
        /// The query; several words are joined with spaces.
        #[arg(required = true)]
        query: Vec<String>,
        /// Number of passages to show.
        #[arg(short = 'n', long = "max", default_value_t = 10)]
        limit: usize,
        #[command(flatten)]
        filters: FilterArgs,
        /// Count matching passages per speaker, person, organisation, place and date.
        #[arg(long)]
        facets: bool,
        /// Print JSON Lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Find the passages that state a claim, and whether their numbers, dates and names agree.
    Check {
        /// The claim, in any words; several arguments are joined with spaces.
        #[arg(required = true)]
        claim: Vec<String>,
        /// Number of passages to show.
        #[arg(short = 'n', long = "max", default_value_t = 5)]
        limit: usize,
        #[command(flatten)]
        filters: FilterArgs,
        /// Print JSON Lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List quotations with their speakers, ranked by QUERY over the quoted text.
    Quotes {
        /// Words to look for in the quotations; without it, all in document order.
        query: Vec<String>,
        #[command(flatten)]
        filters: FilterArgs,
        /// Number of quotations to show.
        #[arg(short = 'n', long = "max", default_value_t = 20)]
        limit: usize,
        /// Print JSON Lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List people, organisations and places with how many passages name them.
    Entities {
        /// Only entities of this kind.
        #[arg(long = "type", value_enum, value_name = "TYPE")]
        kind: Option<KindArg>,
        /// Count only in passages matching this query.
        query: Vec<String>,
        /// Number of entities to show.
        #[arg(short = 'n', long = "max", default_value_t = 50)]
        limit: usize,
        /// Print JSON Lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Count passages per year or month of their dates, as a histogram.
    Dates {
        /// Count only passages matching this query.
        query: Vec<String>,
        /// Count per year or per month.
        #[arg(long, value_enum, default_value_t = PeriodArg::Year)]
        by: PeriodArg,
        #[command(flatten)]
        filters: FilterArgs,
        /// Print JSON Lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// List speakers with their number of quotations and the spellings seen.
    Speakers {
        /// Print JSON Lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Export matching passages, quotations or entities: CSV, NDJSON, Quickwit or OpenSearch.
    Export {
        /// Words to search for; without them, everything is exported.
        query: Vec<String>,
        #[command(flatten)]
        filters: FilterArgs,
        /// What to write.
        #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
        format: FormatArg,
        /// What to export (quickwit and opensearch hold passages).
        #[arg(long, value_enum, default_value_t = WhatArg::Passages)]
        what: WhatArg,
        /// The file (csv, ndjson; standard output without one) or folder
        /// (quickwit, opensearch; dossier-quickwit/ or dossier-opensearch/
        /// without one) to write.
        #[arg(short = 'o', long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Print a completion script for a shell.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `dossier man > dossier.1`.
    Man,
    /// Serve the search page and its JSON API from the index.
    Serve {
        /// Address to listen on; loopback unless you mean to share it.
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: std::net::SocketAddr,
        /// Open the page in the default browser once listening.
        #[arg(long)]
        open: bool,
    },
    /// Show what dossier reads in files, without touching any index.
    Analyze {
        /// Files or folders to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print JSON Lines instead of text.
        #[arg(long)]
        json: bool,
    },
}

/// Filters shared by `search` and `quotes`; names match in any spelling
/// (`sudani` matches al-Sudani, a full name matches that one entity).
#[derive(Args)]
struct FilterArgs {
    /// Only where this speaker is quoted.
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,
    /// Only where this person is named.
    #[arg(long, value_name = "NAME")]
    person: Option<String>,
    /// Only where this organisation is named.
    #[arg(long, value_name = "NAME")]
    org: Option<String>,
    /// Only where this place is named.
    #[arg(long, value_name = "NAME")]
    place: Option<String>,
    #[command(flatten)]
    dates: DateArgs,
}

/// Date filters: YYYY, YYYY-MM or YYYY-MM-DD, inclusive at that precision.
#[derive(Args)]
struct DateArgs {
    /// Only passages with a date (mentioned or published) on or after DATE.
    #[arg(long, value_name = "DATE", value_parser = parse_date_argument)]
    from: Option<DateValue>,
    /// Only passages with a date (mentioned or published) on or before DATE.
    #[arg(long, value_name = "DATE", value_parser = parse_date_argument)]
    to: Option<DateValue>,
    /// Only articles published on or after DATE.
    #[arg(long, value_name = "DATE", value_parser = parse_date_argument)]
    published_from: Option<DateValue>,
    /// Only articles published on or before DATE.
    #[arg(long, value_name = "DATE", value_parser = parse_date_argument)]
    published_to: Option<DateValue>,
}

impl From<FilterArgs> for Filters {
    fn from(args: FilterArgs) -> Self {
        Filters {
            speaker: args.speaker,
            person: args.person,
            org: args.org,
            place: args.place,
            dates: DateRange {
                from: args.dates.from,
                to: args.dates.to,
            },
            published: DateRange {
                from: args.dates.published_from,
                to: args.dates.published_to,
            },
        }
    }
}

/// `--by` of `dossier dates`.
#[derive(Clone, Copy, ValueEnum)]
enum PeriodArg {
    Year,
    Month,
}

/// `--format` of `dossier export`.
#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Csv,
    Ndjson,
    Quickwit,
    Opensearch,
}

/// `--what` of `dossier export`.
#[derive(Clone, Copy, ValueEnum)]
enum WhatArg {
    Passages,
    Quotes,
    Entities,
}

/// `--type` of `dossier entities`.
#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    Person,
    Org,
    Place,
}

impl From<KindArg> for EntityKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Person => EntityKind::Person,
            KindArg::Org => EntityKind::Org,
            KindArg::Place => EntityKind::Place,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

impl From<Color> for ColorWhen {
    fn from(color: Color) -> Self {
        match color {
            Color::Auto => ColorWhen::Auto,
            Color::Always => ColorWhen::Always,
            Color::Never => ColorWhen::Never,
        }
    }
}

/// Whether a command found something (exit 0) or not (exit 1).
enum Found {
    Something,
    Nothing,
    /// `dossier index` indexed what it could but skipped some files.
    Partly,
}

/// Exit code of an index run that skipped or failed on some files.
const SOME_FILES_SKIPPED: u8 = 3;

/// The corpus indexed on first use when no index exists yet.
const DEFAULT_CORPUS: &str = "seeds";

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Found::Something) => ExitCode::SUCCESS,
        Ok(Found::Nothing) => ExitCode::from(1),
        Ok(Found::Partly) => ExitCode::from(SOME_FILES_SKIPPED),
        Err(error)
            if error
                .downcast_ref::<Error>()
                .is_some_and(Error::is_broken_pipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("dossier: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<Found> {
    let mut out = BufferedStandardStream::stdout(ColorWhen::from(cli.color).choice());
    let found = match cli.command {
        Command::Index {
            paths,
            rebuild,
            memory,
        } => {
            if index_paths(&cli.index, &paths, rebuild, memory)? {
                Found::Something
            } else {
                Found::Partly
            }
        }
        Command::Search {
            query,
            limit,
            filters,
            facets,
            json,
        } => {
            let filters = Filters::from(filters);
            let options = SearchOptions {
                limit,
                facets,
                json,
            };
            search(&cli.index, &query.join(" "), &filters, &options, &mut out)?
        }
        Command::Entities {
            kind,
            query,
            limit,
            json,
        } => entities(
            &cli.index,
            kind.map(EntityKind::from),
            &query.join(" "),
            limit,
            json,
            &mut out,
        )?,
        Command::Check {
            claim,
            limit,
            filters,
            json,
        } => check(
            &cli.index,
            &claim.join(" "),
            &Filters::from(filters),
            limit,
            json,
            &mut out,
        )?,
        Command::Quotes {
            query,
            filters,
            limit,
            json,
        } => quotes(
            &cli.index,
            &query.join(" "),
            &Filters::from(filters),
            limit,
            json,
            &mut out,
        )?,
        Command::Dates {
            query,
            by,
            filters,
            json,
        } => dates(
            &cli.index,
            &query.join(" "),
            matches!(by, PeriodArg::Month),
            &Filters::from(filters),
            json,
            &mut out,
        )?,
        Command::Speakers { json } => speakers(&cli.index, json, &mut out)?,
        Command::Analyze { paths, json } => analyze_paths(&paths, json, &mut out)?,
        Command::Serve { bind, open } => serve(&cli.index, bind, open)?,
        Command::Export {
            query,
            filters,
            format,
            what,
            output,
        } => {
            let filters = Filters::from(filters);
            let query = query.join(" ");
            let export = dossier::export::Export {
                query: optional(&query),
                filters: &filters,
                format: match format {
                    FormatArg::Csv => dossier::export::Format::Csv,
                    FormatArg::Ndjson => dossier::export::Format::Ndjson,
                    FormatArg::Quickwit => dossier::export::Format::Quickwit,
                    FormatArg::Opensearch => dossier::export::Format::Opensearch,
                },
                what: match what {
                    WhatArg::Passages => dossier::export::What::Passages,
                    WhatArg::Quotes => dossier::export::What::Quotes,
                    WhatArg::Entities => dossier::export::What::Entities,
                },
                output,
            };
            export_matches(&cli.index, &export)?
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "dossier", &mut out);
            Found::Something
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(Error::Output)?;
            Found::Something
        }
    };
    out.flush().map_err(Error::Output)?;
    Ok(found)
}

fn index_paths(
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
    index_paths(dir, &[PathBuf::from(DEFAULT_CORPUS)], false, 1024).map(|_| ())
}

/// How `search` prints.
struct SearchOptions {
    limit: usize,
    facets: bool,
    json: bool,
}

fn search(
    dir: &Path,
    query: &str,
    filters: &Filters,
    options: &SearchOptions,
    out: &mut BufferedStandardStream,
) -> anyhow::Result<Found> {
    let limit = check_limit(options.limit)?;
    let results = open_searcher(dir)?.search(query, limit, filters, options.facets)?;
    print_notes(&results.notes)?;
    print(
        out,
        options.json,
        &results,
        render::json::write_results,
        render::human::write_results,
    )?;
    Ok(found(!results.hits.is_empty()))
}

fn quotes(
    dir: &Path,
    query: &str,
    filters: &Filters,
    limit: usize,
    json: bool,
    out: &mut BufferedStandardStream,
) -> anyhow::Result<Found> {
    let limit = check_limit(limit)?;
    let results = open_searcher(dir)?.quotes(optional(query), limit, filters)?;
    print_notes(&results.notes)?;
    print(
        out,
        json,
        &results,
        render::json::write_quotes,
        render::human::write_quotes,
    )?;
    Ok(found(!results.hits.is_empty()))
}

fn check(
    dir: &Path,
    claim: &str,
    filters: &Filters,
    limit: usize,
    json: bool,
    out: &mut BufferedStandardStream,
) -> anyhow::Result<Found> {
    let limit = check_limit(limit)?;
    let results = dossier::check::check(&open_searcher(dir)?, claim, limit, filters)?;
    print_notes(&results.notes)?;
    print(
        out,
        json,
        &results,
        render::json::write_checks,
        render::write_checks,
    )?;
    Ok(found(!results.hits.is_empty()))
}

fn entities(
    dir: &Path,
    kind: Option<EntityKind>,
    query: &str,
    limit: usize,
    json: bool,
    out: &mut BufferedStandardStream,
) -> anyhow::Result<Found> {
    let limit = check_limit(limit)?;
    let entities = open_searcher(dir)?.entities(kind, optional(query), limit)?;
    print(
        out,
        json,
        entities.as_slice(),
        render::json::write_entities,
        render::human::write_entities,
    )?;
    Ok(found(!entities.is_empty()))
}

fn dates(
    dir: &Path,
    query: &str,
    by_month: bool,
    filters: &Filters,
    json: bool,
    out: &mut BufferedStandardStream,
) -> anyhow::Result<Found> {
    let counts = open_searcher(dir)?.dates(optional(query), by_month, filters)?;
    print(
        out,
        json,
        counts.as_slice(),
        render::json::write_dates,
        render::human::write_dates,
    )?;
    Ok(found(!counts.is_empty()))
}

fn speakers(dir: &Path, json: bool, out: &mut BufferedStandardStream) -> anyhow::Result<Found> {
    let speakers = open_searcher(dir)?.speakers()?;
    print(
        out,
        json,
        speakers.as_slice(),
        render::json::write_speakers,
        render::human::write_speakers,
    )?;
    Ok(found(!speakers.is_empty()))
}

/// Streams an export, with a progress bar on a terminal and a summary line.
fn export_matches(dir: &Path, export: &dossier::export::Export<'_>) -> anyhow::Result<Found> {
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

fn serve(dir: &Path, bind: std::net::SocketAddr, open: bool) -> anyhow::Result<Found> {
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
fn optional(query: &str) -> Option<&str> {
    Some(query).filter(|q| !q.trim().is_empty())
}

type JsonWriter<T> = fn(&mut dyn Write, &T) -> std::io::Result<()>;
type HumanWriter<T> = fn(&mut dyn WriteColor, &T) -> std::io::Result<()>;

/// Prints `value` as JSON Lines or for people.
fn print<T: ?Sized>(
    out: &mut BufferedStandardStream,
    json: bool,
    value: &T,
    as_json: JsonWriter<T>,
    as_text: HumanWriter<T>,
) -> anyhow::Result<()> {
    let written = if json {
        as_json(out, value)
    } else {
        as_text(out, value)
    };
    written.map_err(Error::Output)?;
    Ok(())
}

fn found(something: bool) -> Found {
    if something {
        Found::Something
    } else {
        Found::Nothing
    }
}

fn analyze_paths(
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
