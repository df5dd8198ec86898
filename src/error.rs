//! The crate's one error type.
//!
//! Every error names what the user can act on: the file, the argument or the
//! index directory. The binary maps any of them to exit code 2.

use std::path::PathBuf;

/// Everything that can go wrong in dossier.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder that failed.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A file was read but its content could not be used.
    #[error("{path}: {message}")]
    BadInput {
        /// The offending file, with `:line` when known.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// The query could not be parsed.
    #[error("invalid query: {0}")]
    Query(String),
    /// A command-line argument has a value dossier cannot use.
    #[error("invalid argument {argument}: {message}")]
    Argument {
        /// The argument, as the user wrote it (`--from`, `-n`).
        argument: String,
        /// Why its value is rejected.
        message: String,
    },
    /// No index exists where one was expected.
    #[error("no index in {0}: run `dossier index PATH` first")]
    NoIndex(PathBuf),
    /// The index exists but was written by another version or is damaged.
    #[error("the index in {path} cannot be used ({reason}): run `dossier index --rebuild`")]
    IncompatibleIndex {
        /// The index directory.
        path: PathBuf,
        /// What was found instead of what was expected.
        reason: String,
    },
    /// Another process is writing to the index.
    #[error(
        "the index in {0} is in use by another `dossier index`; try again when it has finished"
    )]
    IndexLocked(PathBuf),
    /// An error from the search engine itself.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// Writing results failed (a closed pipe is handled by the caller).
    #[error("cannot write output: {0}")]
    Output(#[source] std::io::Error),
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// True when the error is a closed output pipe, which ends the program quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
