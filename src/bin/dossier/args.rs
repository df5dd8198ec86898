//! The command line as clap reads it: commands, their arguments, and the
//! library types they turn into.

use std::path::PathBuf;

use clap::builder::RangedU64ValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};

use dossier::analyze::{DateValue, EntityKind};
use dossier::render::ColorWhen;
use dossier::search::{parse_date_argument, DateRange, Filters};

use crate::commands;

/// Search folders of news articles and policy analyses by passage.
#[derive(Parser)]
#[command(name = "dossier", version, about, max_term_width = 100)]
pub(crate) struct Cli {
    /// Index directory.
    #[arg(long, global = true, env = "DOSSIER_INDEX", default_value = "index")]
    pub(crate) index: PathBuf,
    /// When to colour output.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub(crate) color: Color,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
        #[arg(long, default_value_t = dossier::index::DEFAULT_MEMORY_MIB, value_name = "MIB")]
        memory: usize,
    },
    /// Search passages: words, "phrases", "phrase"~N, +must, -not, OR, field:value.
    Search(commands::SearchArgs),
    /// Find the passages that state a claim, and whether their numbers, dates and names agree.
    Check(commands::CheckArgs),
    /// List quotations with their speakers, ranked by QUERY over the quoted text.
    Quotes(commands::QuotesArgs),
    /// List people, organisations and places with how many passages name them.
    Entities(commands::EntitiesArgs),
    /// Count passages per year or month of their dates, as a histogram.
    Dates(commands::DatesArgs),
    /// List speakers with their number of quotations and the spellings seen.
    Speakers {
        #[command(flatten)]
        output: OutputArgs,
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
        #[command(flatten)]
        output: OutputArgs,
    },
}

/// The most results a command prints: a larger `-n` is refused.
const MAX_RESULTS: u64 = 100_000;

/// Reads `-n`, which clap refuses past [`MAX_RESULTS`].
pub(crate) fn limit() -> RangedU64ValueParser<usize> {
    RangedU64ValueParser::new().range(0..=MAX_RESULTS)
}

/// How a command prints its results; one flag for every command.
#[derive(Args)]
pub(crate) struct OutputArgs {
    /// Print JSON Lines instead of text.
    #[arg(long)]
    pub(crate) json: bool,
}

/// Filters shared by `search` and `quotes`; names match in any spelling
/// (`sudani` matches al-Sudani, a full name matches that one entity).
#[derive(Args)]
pub(crate) struct FilterArgs {
    /// Only where this speaker is quoted.
    #[arg(long, value_name = "NAME")]
    pub(crate) speaker: Option<String>,
    /// Only where this person is named.
    #[arg(long, value_name = "NAME")]
    pub(crate) person: Option<String>,
    /// Only where this organisation is named.
    #[arg(long, value_name = "NAME")]
    pub(crate) org: Option<String>,
    /// Only where this place is named.
    #[arg(long, value_name = "NAME")]
    pub(crate) place: Option<String>,
    #[command(flatten)]
    pub(crate) dates: DateArgs,
}

/// Date filters: YYYY, YYYY-MM or YYYY-MM-DD, inclusive at that precision.
#[derive(Args)]
pub(crate) struct DateArgs {
    /// Only passages with a date (mentioned or published) on or after DATE.
    #[arg(long, value_name = "DATE", value_parser = parse_date_argument)]
    pub(crate) from: Option<DateValue>,
    /// Only passages with a date (mentioned or published) on or before DATE.
    #[arg(long, value_name = "DATE", value_parser = parse_date_argument)]
    pub(crate) to: Option<DateValue>,
    /// Only articles published on or after DATE.
    #[arg(long, value_name = "DATE", value_parser = parse_date_argument)]
    pub(crate) published_from: Option<DateValue>,
    /// Only articles published on or before DATE.
    #[arg(long, value_name = "DATE", value_parser = parse_date_argument)]
    pub(crate) published_to: Option<DateValue>,
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
pub(crate) enum PeriodArg {
    Year,
    Month,
}

/// `--format` of `dossier export`.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum FormatArg {
    Csv,
    Ndjson,
    Quickwit,
    Opensearch,
}

/// `--what` of `dossier export`.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum WhatArg {
    Passages,
    Quotes,
    Entities,
}

/// `--type` of `dossier entities`.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum KindArg {
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
pub(crate) enum Color {
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
