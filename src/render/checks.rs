//! `dossier check` for people: each passage as `search` shows it, then a
//! line per fact of the claim (`=` agrees, `≠` differs, `?` not stated)
//! and the verdict.

use termcolor::{Color, ColorSpec, WriteColor};

use super::human::{write_footer, write_hit};
use crate::check::{Check, CheckResults};

/// Writes claim check results.
pub fn write_checks(out: &mut dyn WriteColor, results: &CheckResults) -> std::io::Result<()> {
    for (i, checked) in results.hits.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write_hit(out, &checked.hit)?;
        for check in &checked.checks {
            write_check(out, check)?;
        }
        let color = match checked.verdict {
            "supports" => Color::Green,
            "differs" => Color::Red,
            _ => Color::Yellow,
        };
        write!(out, "  verdict: ")?;
        out.set_color(ColorSpec::new().set_fg(Some(color)).set_bold(true))?;
        write!(out, "{}", checked.verdict)?;
        out.reset()?;
        writeln!(out)?;
    }
    write_footer(
        out,
        results.hits.len(),
        results.total,
        "candidate passages",
        results.elapsed,
    )
}

/// `= 51% / 51 percent`, `≠ claim 15%, passage 15 pct`, `? Iowa not in
/// this passage`.
fn write_check(out: &mut dyn WriteColor, check: &Check) -> std::io::Result<()> {
    let (mark, color) = match check.agrees {
        Some(true) => ("=", Color::Green),
        Some(false) => ("≠", Color::Red),
        None => ("?", Color::Yellow),
    };
    write!(out, "  ")?;
    out.set_color(ColorSpec::new().set_fg(Some(color)).set_bold(true))?;
    write!(out, "{mark}")?;
    out.reset()?;
    let passage = check.passage.as_deref().unwrap_or_default();
    match check.agrees {
        Some(true) if check.rounded => {
            writeln!(out, " {} {} / {passage} (rounded)", check.kind, check.claim)
        }
        Some(true) => writeln!(out, " {} {} / {passage}", check.kind, check.claim),
        Some(false) => writeln!(
            out,
            " {} claim {}, passage {passage}",
            check.kind, check.claim
        ),
        None if check.in_article == Some(true) => writeln!(
            out,
            " {} {} not in this passage, named in the article",
            check.kind, check.claim
        ),
        None => writeln!(out, " {} {} not in this passage", check.kind, check.claim),
    }
}
