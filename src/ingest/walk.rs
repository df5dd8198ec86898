//! Finds the article files under the paths a user gives.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::Format;

/// A file to read, with the path to show for it.
#[derive(Debug, Clone)]
pub struct FoundFile {
    /// The path to open.
    pub path: PathBuf,
    /// The path as the user will see it (`seeds/001.txt`).
    pub display: String,
    /// How to read it.
    pub format: Format,
}

/// What a walk found: readable files, and paths it could not go into.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files with a supported extension, in a stable order.
    pub files: Vec<FoundFile>,
    /// Paths that could not be walked, each with the reason.
    pub errors: Vec<(String, String)>,
}

/// Walks files and folders: hidden entries are skipped, symbolic links are
/// followed but loops are reported rather than followed forever.
pub fn walk(roots: &[PathBuf]) -> Walk {
    let mut found = Walk::default();
    for root in roots {
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.path()));
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    if let Some(format) = Format::of(entry.path()) {
                        found.files.push(FoundFile {
                            display: display_path(entry.path()),
                            path: entry.into_path(),
                            format,
                        });
                    }
                }
                Ok(_) => {}
                Err(error) => {
                    let path = error.path().unwrap_or(root);
                    found
                        .errors
                        .push((display_path(path), walk_error_reason(&error)));
                }
            }
        }
    }
    found
}

fn walk_error_reason(error: &walkdir::Error) -> String {
    if error.loop_ancestor().is_some() {
        "symbolic link loop, not followed".to_owned()
    } else if let Some(io) = error.io_error() {
        io.to_string()
    } else {
        error.to_string()
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// The path as text, without a leading `./`.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    text.strip_prefix("./").unwrap_or(&text).to_owned()
}
