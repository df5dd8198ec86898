//! The `dossier` command: argument parsing and glue around the library.
//!
//! Exit codes follow ripgrep: 0 when something was found, 1 when nothing
//! was, 2 on an error. A closed output pipe ends the program quietly.

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use termcolor::BufferedStandardStream;

use dossier::render::ColorWhen;
use dossier::search::Filters;
use dossier::Error;

mod args;
mod commands;

/// Small allocations are most of what indexing allocates (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use args::{Cli, Command, FormatArg, OutputArgs, WhatArg};
use commands::{
    analyze_paths, check, dates, entities, export_matches, index_paths, optional, quotes, search,
    serve, speakers,
};

/// Whether a command found something (exit 0) or not (exit 1).
pub(crate) enum Found {
    Something,
    Nothing,
    /// `dossier index` indexed what it could but skipped some files.
    Partly,
}

/// Exit code of an index run that skipped or failed on some files.
const SOME_FILES_SKIPPED: u8 = 3;

/// The corpus indexed on first use when no index exists yet.
pub(crate) const DEFAULT_CORPUS: &str = "seeds";

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
        Command::Search(args) => search(&cli.index, &mut out, args)?,
        Command::Entities(args) => entities(&cli.index, &mut out, args)?,
        Command::Check(args) => check(&cli.index, &mut out, args)?,
        Command::Quotes(args) => quotes(&cli.index, &mut out, args)?,
        Command::Dates(args) => dates(&cli.index, &mut out, args)?,
        Command::Speakers { output } => speakers(&cli.index, &mut out, output)?,
        Command::Analyze {
            paths,
            output: OutputArgs { json },
        } => analyze_paths(&paths, json, &mut out)?,
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
