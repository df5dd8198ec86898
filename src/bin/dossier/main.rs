//! The `dossier` command: argument parsing and glue around the library.
//!
//! Exit codes follow ripgrep: 0 when something was found, 1 when nothing
//! was, 2 on an error. A closed output pipe ends the program quietly.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use termcolor::BufferedStandardStream;

use dossier::analyze::EntityKind;
use dossier::render::ColorWhen;
use dossier::search::Filters;
use dossier::Error;

mod args;
mod commands;

use args::{Cli, Command, FormatArg, OutputArgs, PeriodArg, WhatArg};
use commands::{
    analyze_paths, check, dates, entities, export_matches, index_paths, optional, quotes, search,
    serve, speakers, Reader,
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

/// What a reading command reads and prints to.
fn reader<'a>(
    index: &'a Path,
    output: &OutputArgs,
    out: &'a mut BufferedStandardStream,
) -> Reader<'a> {
    Reader {
        index,
        json: output.json,
        out,
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
            output,
        } => {
            let reader = &mut reader(&cli.index, &output, &mut out);
            search(reader, &query.join(" "), &filters.into(), (limit, facets))?
        }
        Command::Entities {
            kind,
            query,
            limit,
            output,
        } => {
            let reader = &mut reader(&cli.index, &output, &mut out);
            entities(reader, kind.map(EntityKind::from), &query.join(" "), limit)?
        }
        Command::Check {
            claim,
            limit,
            filters,
            output,
        } => {
            let reader = &mut reader(&cli.index, &output, &mut out);
            check(reader, &claim.join(" "), &filters.into(), limit)?
        }
        Command::Quotes {
            query,
            filters,
            limit,
            output,
        } => {
            let reader = &mut reader(&cli.index, &output, &mut out);
            quotes(reader, &query.join(" "), &filters.into(), limit)?
        }
        Command::Dates {
            query,
            by,
            filters,
            output,
        } => {
            let by_month = matches!(by, PeriodArg::Month);
            let reader = &mut reader(&cli.index, &output, &mut out);
            dates(reader, &query.join(" "), by_month, &filters.into())?
        }
        Command::Speakers { output } => speakers(&mut reader(&cli.index, &output, &mut out))?,
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
