//! Stage 5, render: prints results for people (`human`, in the style of
//! ripgrep) or for programs (`json`, JSON Lines with a `type` on each line).

mod checks;
pub mod human;
pub mod json;
mod snippet;

use std::io::IsTerminal;

pub use checks::write_checks;
pub use snippet::snippet;

/// When to use colour, as given by `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorWhen {
    /// Colour when standard output is a terminal and `NO_COLOR` is unset.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorWhen {
    /// The termcolor choice for standard output.
    pub fn choice(self) -> termcolor::ColorChoice {
        let terminal = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        match self {
            ColorWhen::Always => termcolor::ColorChoice::Always,
            ColorWhen::Auto if terminal => termcolor::ColorChoice::Auto,
            _ => termcolor::ColorChoice::Never,
        }
    }
}
