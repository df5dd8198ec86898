//! Helpers shared by the integration tests: run the real binary in a
//! temporary folder and read its JSON Lines back.

#![allow(dead_code)] // each test binary uses a different subset

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

pub mod analysis;
pub mod browser;
pub mod documents;
pub mod server;

/// A temporary working folder with a corpus in it.
pub struct Workspace {
    pub dir: TempDir,
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Self {
        Workspace {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    /// A workspace holding a copy of the repository's `seeds/`.
    pub fn with_seeds() -> Self {
        let workspace = Self::new();
        let seeds = repo_path("seeds");
        for entry in std::fs::read_dir(&seeds).expect("seeds/") {
            let path = entry.expect("seed entry").path();
            let name = path.file_name().expect("file name");
            workspace.write_bytes(
                &Path::new("seeds").join(name),
                &std::fs::read(&path).expect("seed"),
            );
        }
        workspace
    }

    /// The workspace folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (creating folders) relative to the workspace.
    pub fn write(&self, relative: &str, content: &str) {
        self.write_bytes(Path::new(relative), content.as_bytes());
    }

    pub fn write_bytes(&self, relative: &Path, content: &[u8]) {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("create folders");
        std::fs::write(path, content).expect("write file");
    }

    /// The command `dossier ARGS` in the workspace, not yet run.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
        command
            .args(args)
            .current_dir(self.path())
            .env_remove("DOSSIER_INDEX")
            .env_remove("NO_COLOR");
        command
    }

    /// Runs `dossier ARGS` in the workspace.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::of(&mut self.command(args))
    }

    /// Runs `dossier ARGS --json` and parses every line.
    pub fn json(&self, args: &[&str]) -> Vec<serde_json::Value> {
        let mut with_json = args.to_vec();
        with_json.push("--json");
        self.run(&with_json).json()
    }
}

/// A finished run.
pub struct Run {
    pub output: Output,
}

impl Run {
    /// Runs `command` to its end.
    pub fn of(command: &mut Command) -> Run {
        let output = command.output().expect("run dossier");
        Run { output }
    }

    pub fn code(&self) -> i32 {
        self.output.status.code().expect("exit code")
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    /// Every stdout line parsed as JSON; panics on a line that is not.
    pub fn json(&self) -> Vec<serde_json::Value> {
        self.stdout()
            .lines()
            .map(|line| {
                serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
            })
            .collect()
    }

    /// Asserts success and returns self.
    pub fn ok(self) -> Self {
        assert_eq!(
            self.code(),
            0,
            "stdout: {}\nstderr: {}",
            self.stdout(),
            self.stderr()
        );
        self
    }
}

/// Objects of one `type` from JSON Lines output.
pub fn of_type<'a>(lines: &'a [serde_json::Value], kind: &str) -> Vec<&'a serde_json::Value> {
    lines.iter().filter(|l| l["type"] == kind).collect()
}

/// The data rows of a gold TSV file under `tests/fixtures/`: comments,
/// blank lines and the header row left out, each row split at tabs.
pub fn gold_rows(file: &str) -> Vec<Vec<String>> {
    let path = repo_path(&format!("tests/fixtures/{file}"));
    let text = std::fs::read_to_string(&path).expect("gold file");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

/// The comment lines of a gold TSV file under `tests/fixtures/`.
pub fn gold_comments(file: &str) -> Vec<String> {
    let path = repo_path(&format!("tests/fixtures/{file}"));
    let text = std::fs::read_to_string(&path).expect("gold file");
    text.lines()
        .filter(|l| l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// A path inside the repository.
pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The `N articles, M passages` that a summary line says the index holds.
pub fn holdings(stderr: &str) -> String {
    stderr
        .lines()
        .rev()
        .find_map(|l| l.split("index holds ").nth(1))
        .map(|rest| rest.split(';').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}
