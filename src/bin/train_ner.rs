//! Trains dossier's entity tagger on CoNLL-2003 and writes the model that
//! the binary embeds (`src/analyze/data/ner.model`).
//!
//! ```text
//! cargo run --release --bin train-ner -- \
//!     --train ../shared/dev/conll2003/eng.train.jsonl \
//!     --dev ../shared/dev/conll2003/eng.testa.jsonl \
//!     --out src/analyze/data/ner.model
//! ```
//!
//! Each CoNLL document is read as dossier reads an article: every line a
//! paragraph, cut into words and sentences by dossier's own lexer, so that
//! the model learns on the tokens it will see. The gold names (character
//! offsets) are projected onto those tokens as begin and inside labels.
//! `--dev` is only reported, for choosing settings; it is never trained on.

use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::Parser;
use serde::Deserialize;

use dossier::analyze::tagger::train::{evaluate, train, Document, Example, Settings};
use dossier::analyze::tagger::{lower_key, paragraph_sentences, sentence_features, NameLabel};

#[derive(Parser)]
#[command(about = "Train dossier's entity tagger on CoNLL-2003 (JSON Lines)")]
struct Args {
    /// Training documents: eng.train.jsonl.
    #[arg(long)]
    train: PathBuf,
    /// Development documents to report F1 on: eng.testa.jsonl.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    /// Passes for each jackknifed first-pass model.
    #[arg(long, default_value_t = 5)]
    jackknife_epochs: usize,
    /// Share of sentences trained without the article-wide feature.
    #[arg(long, default_value_t = 0.3)]
    absent_share: f64,
    /// Share of tokens whose own word is hidden in each pass.
    #[arg(long, default_value_t = 0.2)]
    word_dropout: f64,
    /// Final models trained on different shuffles and averaged.
    #[arg(long, default_value_t = 5)]
    runs: usize,
}

#[derive(Deserialize)]
struct ConllDocument {
    text: String,
    entities: Vec<ConllEntity>,
}

#[derive(Deserialize)]
struct ConllEntity {
    #[serde(rename = "type")]
    kind: String,
    start: usize,
    end: usize,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut docs = read(&args.train)?;
    eprintln!("{} training documents", docs.len());
    let settings = Settings {
        epochs: args.epochs,
        jackknife_epochs: args.jackknife_epochs,
        absent_share: args.absent_share,
        word_dropout: args.word_dropout,
        runs: args.runs,
        seed: 2003,
    };
    let model = train(&mut docs, settings);
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "{} features, {} bytes written to {}",
        model.weights.len(),
        bytes.len(),
        args.out.display()
    );
    if let Some(dev) = &args.dev {
        let dev_docs = read(dev)?;
        let model =
            dossier::analyze::tagger::Packed::new(&bytes).context("reading the model back")?;
        let counts = evaluate(&model, &dev_docs);
        let total = counts.iter().fold((0, 0, 0), |t, c| {
            (t.0 + c.correct, t.1 + c.found, t.2 + c.gold)
        });
        for (name, c) in ["person", "org", "place"].iter().zip(counts) {
            println!("{name:8} F1 {:.1}", 100.0 * c.f1());
        }
        println!(
            "micro F1 {:.1} over person, org and place ({} found, {} gold)",
            200.0 * total.0 as f64 / (total.1 + total.2) as f64,
            total.1,
            total.2
        );
    }
    Ok(())
}

/// Reads CoNLL documents into training sentences.
fn read(path: &PathBuf) -> anyhow::Result<Vec<Document>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let doc: ConllDocument =
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), n + 1))?;
        docs.push(document(&doc).with_context(|| format!("{}:{}", path.display(), n + 1))?);
    }
    Ok(docs)
}

/// One CoNLL document as labelled sentences.
fn document(doc: &ConllDocument) -> anyhow::Result<Document> {
    // Character offsets → byte offsets.
    let mut bytes: Vec<usize> = doc.text.char_indices().map(|(i, _)| i).collect();
    bytes.push(doc.text.len());
    let mut names = Vec::new();
    for e in &doc.entities {
        let (Some(&start), Some(&end)) = (bytes.get(e.start), bytes.get(e.end)) else {
            bail!("entity {}..{} outside the text", e.start, e.end);
        };
        if let Some(label) = NameLabel::from_conll(&e.kind) {
            names.push((start..end, label));
        }
    }
    let mut examples = Vec::new();
    let mut offset = 0;
    let mut lower = String::new();
    for paragraph in doc.text.split('\n') {
        for sentence in paragraph_sentences(paragraph) {
            let ranges: Vec<_> = sentence
                .ranges
                .iter()
                .map(|r| r.start + offset..r.end + offset)
                .collect();
            let mut gold = vec![0; ranges.len()];
            for (i, r) in ranges.iter().enumerate() {
                if let Some((span, label)) = names.iter().find(|(span, _)| span.contains(&r.start))
                {
                    let begins = i == 0 || !span.contains(&ranges[i - 1].start);
                    gold[i] = label.begin() + usize::from(!begins);
                }
            }
            examples.push(Example {
                features: sentence_features(&sentence.words),
                lowers: sentence
                    .words
                    .iter()
                    .map(|w| lower_key(w, &mut lower))
                    .collect(),
                ranges,
                gold,
            });
        }
        offset += paragraph.len() + 1;
    }
    Ok(examples)
}
