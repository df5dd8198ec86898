//! Output for people, in the style of ripgrep: `path:line`, then the
//! passage with matched words highlighted (colour only when asked or on a
//! terminal), long passages cut to the part around the matches.

use std::io::Write;

use termcolor::{Color, ColorSpec, WriteColor};

use super::snippet;
use crate::analyze::Analysis;
use crate::search::{
    Citation, DateCount, EntityCount, Hit, QuoteResults, SearchResults, SpeakerCount,
};

/// Passages longer than this are shown as a snippet around the matches.
const SNIPPET_BYTES: usize = 360;

fn spec(color: Color, bold: bool) -> ColorSpec {
    let mut spec = ColorSpec::new();
    spec.set_fg(Some(color)).set_bold(bold);
    spec
}

/// Writes `path:line` as ripgrep does: magenta path, green line number.
fn write_location(
    out: &mut dyn WriteColor,
    path: &str,
    line: impl std::fmt::Display,
) -> std::io::Result<()> {
    out.set_color(&spec(Color::Magenta, false))?;
    write!(out, "{path}")?;
    out.reset()?;
    write!(out, ":")?;
    out.set_color(&spec(Color::Green, false))?;
    write!(out, "{line}")?;
    out.reset()
}

fn write_dim(out: &mut dyn WriteColor, text: &str) -> std::io::Result<()> {
    let mut dim = ColorSpec::new();
    dim.set_dimmed(true);
    out.set_color(&dim)?;
    write!(out, "{text}")?;
    out.reset()
}

/// Writes search results, each hit as a location line and its passage.
pub fn write_results(out: &mut dyn WriteColor, results: &SearchResults) -> std::io::Result<()> {
    for (i, hit) in results.hits.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write_hit(out, hit)?;
    }
    let mut fields: Vec<&str> = results.facets.iter().map(|f| f.field).collect();
    fields.dedup();
    if !fields.is_empty() {
        writeln!(out)?;
    }
    for field in fields {
        write!(out, "{field}:")?;
        for facet in results.facets.iter().filter(|f| f.field == field) {
            write!(out, "  {} ({})", facet.value, facet.count)?;
        }
        writeln!(out)?;
    }
    write_footer(
        out,
        results.hits.len(),
        results.total,
        "matching passages",
        results.elapsed,
    )
}

/// `3 of 26 matching passages (2.0 ms)`, dimmed, after the results.
pub(super) fn write_footer(
    out: &mut dyn WriteColor,
    shown: usize,
    total: usize,
    what: &str,
    elapsed: std::time::Duration,
) -> std::io::Result<()> {
    if shown == 0 {
        return Ok(());
    }
    writeln!(out)?;
    write_dim(
        out,
        &format!(
            "{shown} of {total} {what} ({:.1} ms)",
            elapsed.as_secs_f64() * 1000.0
        ),
    )?;
    writeln!(out)
}

pub(super) fn write_hit(out: &mut dyn WriteColor, hit: &Hit) -> std::io::Result<()> {
    write_location(out, &hit.citation.path, hit.citation.locator())?;
    write!(out, "  ")?;
    out.set_color(ColorSpec::new().set_bold(true))?;
    write!(out, "{}", hit.title)?;
    out.reset()?;
    if let Some(published) = &hit.published {
        write!(out, "  ")?;
        out.set_color(&spec(Color::Yellow, false))?;
        write!(out, "{published}")?;
        out.reset()?;
    }
    writeln!(out)?;
    write_highlighted(out, &hit.text, &hit.highlights)?;
    writeln!(out)
}

/// Writes the snippet of `text` with its highlighted ranges in bold red.
fn write_highlighted(
    out: &mut dyn WriteColor,
    text: &str,
    highlights: &[[usize; 2]],
) -> std::io::Result<()> {
    let window = snippet(text, highlights, SNIPPET_BYTES);
    if window.start > 0 {
        write!(out, "…")?;
    }
    let mut at = window.start;
    for &[start, end] in highlights
        .iter()
        .filter(|[s, e]| *s >= window.start && *e <= window.end)
    {
        write!(out, "{}", flat(&text[at..start]))?;
        out.set_color(&spec(Color::Red, true))?;
        write!(out, "{}", &text[start..end])?;
        out.reset()?;
        at = end;
    }
    write!(out, "{}", flat(&text[at..window.end]))?;
    if window.end < text.len() {
        write!(out, "…")?;
    }
    Ok(())
}

/// Writes quotations: the speaker, `path:line` and date, then the quote.
pub fn write_quotes(out: &mut dyn WriteColor, results: &QuoteResults) -> std::io::Result<()> {
    for (i, hit) in results.hits.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        out.set_color(ColorSpec::new().set_bold(true))?;
        write!(
            out,
            "{}",
            hit.speaker.as_deref().unwrap_or("(unattributed)")
        )?;
        out.reset()?;
        write!(out, "  ")?;
        write_location(out, &hit.citation.path, hit.citation.locator())?;
        if let Some(published) = &hit.published {
            write!(out, "  ")?;
            out.set_color(&spec(Color::Yellow, false))?;
            write!(out, "{published}")?;
            out.reset()?;
        }
        writeln!(out, "  ({})", hit.kind.as_str())?;
        writeln!(out, "“{}”", flat(&hit.text))?;
    }
    write_footer(
        out,
        results.hits.len(),
        results.total,
        "quotations",
        results.elapsed,
    )
}

/// Writes speakers with their number of quotations and spellings.
pub fn write_speakers(out: &mut dyn WriteColor, speakers: &[SpeakerCount]) -> std::io::Result<()> {
    for speaker in speakers {
        write_counted_name(out, speaker.count, None, &speaker.name, &speaker.variants)?;
    }
    Ok(())
}

/// Writes entities with their kind, number of passages and spellings.
pub fn write_entities(out: &mut dyn WriteColor, entities: &[EntityCount]) -> std::io::Result<()> {
    for entity in entities {
        write_counted_name(
            out,
            entity.count,
            Some(entity.kind.as_str()),
            &entity.name,
            &entity.variants,
        )?;
    }
    Ok(())
}

/// Widest bar of the date histogram, in characters.
const HISTOGRAM_WIDTH: u64 = 50;

/// Writes `2023-10   42  ████████` lines, bars scaled to the largest count.
pub fn write_dates(out: &mut dyn WriteColor, counts: &[DateCount]) -> std::io::Result<()> {
    let most = counts.iter().map(|c| c.count).max().unwrap_or(1).max(1);
    for period in counts {
        let width = (period.count * HISTOGRAM_WIDTH).div_ceil(most) as usize;
        write!(out, "{:<8} {:>6}  ", period.period, period.count)?;
        out.set_color(&spec(Color::Cyan, false))?;
        write!(out, "{}", "█".repeat(width))?;
        out.reset()?;
        writeln!(out)?;
    }
    Ok(())
}

/// `  12  person  Name  (other spellings)`.
fn write_counted_name(
    out: &mut dyn WriteColor,
    count: u64,
    kind: Option<&str>,
    name: &str,
    variants: &[String],
) -> std::io::Result<()> {
    write!(out, "{count:>5}  ")?;
    if let Some(kind) = kind {
        write!(out, "{kind:<7} ")?;
    }
    out.set_color(ColorSpec::new().set_bold(true))?;
    write!(out, "{name}")?;
    out.reset()?;
    let others: Vec<&str> = variants
        .iter()
        .map(String::as_str)
        .filter(|v| *v != name)
        .collect();
    if !others.is_empty() {
        write_dim(out, &format!("  ({})", others.join(", ")))?;
    }
    writeln!(out)
}

/// Hard-wrapped passages print as one line.
fn flat(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\n', '\r']) {
        text.replace("\r\n", " ").replace(['\n', '\r'], " ").into()
    } else {
        text.into()
    }
}

/// Writes what analysis saw in an article: its metadata, then each passage
/// with its line, paragraph number and the start of its text.
pub fn write_analysis(out: &mut dyn WriteColor, analysis: &Analysis) -> std::io::Result<()> {
    let article = &analysis.article;
    out.set_color(&spec(Color::Magenta, false))?;
    write!(out, "{}", article.doc)?;
    out.reset()?;
    writeln!(out)?;
    writeln!(out, "  title:     {}", article.title)?;
    let published = analysis.published.as_ref().map(|p| p.value.to_string());
    for (label, value) in [
        ("published", &published),
        ("source", &article.source),
        ("url", &article.url),
    ] {
        if let Some(value) = value {
            writeln!(out, "  {label:<10} {value}")?;
        }
    }
    writeln!(out, "  passages:  {}", analysis.passages.len())?;
    for passage in &analysis.passages {
        let citation = Citation::of(article, passage.range.clone(), Some(passage.paragraph));
        write!(out, "  ")?;
        write_location(out, &article.path, citation.locator())?;
        let kind = if passage.heading { "heading" } else { "" };
        write!(out, " ¶{:<3} {kind:<8}", passage.paragraph)?;
        let text = analysis.text(passage);
        let preview = snippet(text, &[], 100);
        write!(out, "{}", flat(&text[preview.clone()]))?;
        writeln!(out, "{}", if preview.end < text.len() { "…" } else { "" })?;
        for quote in &passage.quotes {
            write_quote_line(out, analysis, quote)?;
        }
        if !passage.dates.is_empty() {
            let dates: Vec<String> = passage.dates.iter().map(|d| d.value.to_string()).collect();
            writeln!(out, "{:>18}{}", "dates ", dates.join(", "))?;
        }
    }
    Ok(())
}

/// `      quote (direct) Speaker Name: “text…”` under its passage.
fn write_quote_line(
    out: &mut dyn WriteColor,
    analysis: &Analysis,
    quote: &crate::analyze::Quote,
) -> std::io::Result<()> {
    let text = analysis.article.text(quote.inner.clone());
    let preview = snippet(text, &[], 80);
    let more = if preview.end < text.len() { "…" } else { "" };
    write!(out, "{:>18}", format!("quote ({}) ", quote.kind.as_str()))?;
    out.set_color(ColorSpec::new().set_bold(true))?;
    write!(
        out,
        "{}",
        quote
            .speaker
            .as_ref()
            .map_or("(no speaker)", |s| s.name.as_str())
    )?;
    out.reset()?;
    writeln!(out, ": “{}{more}”", flat(&text[preview]))
}

/// Writes the one-line summary of an index run (for standard error).
pub fn write_index_summary(
    out: &mut dyn Write,
    report: &crate::index::IndexReport,
) -> std::io::Result<()> {
    let mut line = format!(
        "indexed {} articles, {} passages from {} files in {:.2}s",
        report.articles,
        report.passages,
        report.files_indexed,
        report.elapsed.as_secs_f64()
    );
    if report.files_unchanged > 0 {
        line += &format!("; {} files unchanged", report.files_unchanged);
    }
    if report.files_removed > 0 {
        line += &format!("; {} removed", report.files_removed);
    }
    line += &format!(
        "; index holds {} articles, {} passages",
        report.total_articles, report.total_passages
    );
    if !report.skipped.is_empty() {
        let reasons: Vec<String> = report
            .skipped
            .iter()
            .map(|s| format!("{} ({})", s.path, s.reason))
            .collect();
        line += &format!("; skipped {}: {}", report.skipped.len(), reasons.join(", "));
    }
    writeln!(out, "{line}")
}
