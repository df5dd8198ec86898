//! # dossier
//!
//! Full-text search over folders of news articles and policy analyses, for
//! journalists and fact-checkers: which passage says this, and where.
//!
//! Data flows one way through the stages, one module each:
//!
//! 1. [`ingest`]: walks folders and reads `.txt`, `.md`, `.html` and
//!    `.jsonl` files into [`ingest::Article`]s with paragraphs and metadata.
//! 2. [`analyze`]: cuts articles into passages and finds what they contain.
//! 3. [`index`]: writes passages into a tantivy index, incrementally, and
//!    with each commit an entity table that [`resolve`] groups.
//! 4. [`search`]: parses queries and ranks passages.
//! 5. [`render`]: prints hits for people or as JSON Lines.
//!
//! [`text`] holds what every stage reads text with (words, folding,
//! spelling); it depends on nothing else.
//!
//! [`check`] finds the passages that state a claim and checks its facts
//! against them, on top of [`search`]; [`serve`] puts a web page and a
//! JSON API on both, and [`export`] writes matches as CSV, NDJSON, or for
//! Quickwit and OpenSearch.
//!
//! ```no_run
//! use std::path::{Path, PathBuf};
//! use dossier::index::{update, IndexOptions};
//! use dossier::search::Searcher;
//!
//! let dir = Path::new("index");
//! update(dir, &[PathBuf::from("seeds")], &IndexOptions::default())?;
//! let results = Searcher::open(dir)?.search("Popular Mobilization Forces", 10, &Default::default(), false)?;
//! for hit in &results.hits {
//!     let at = &hit.citation;
//!     println!("{}:{} {}", at.path, at.locator(), hit.text);
//! }
//! # Ok::<(), dossier::Error>(())
//! ```

pub mod analyze;
pub mod check;
mod error;
pub mod export;
pub mod index;
pub mod ingest;
pub mod render;
pub mod resolve;
pub mod search;
pub mod serve;
pub mod text;

pub use error::{Error, Result};
