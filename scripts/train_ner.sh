#!/usr/bin/env bash
# Regenerates the entity tagger's word clusters and model from ../shared:
#   src/analyze/data/clusters.tsv  (scripts/make_clusters.py, from news.jsonl
#                                   and the CoNLL-2003 training text, unlabelled)
#   src/analyze/data/ner.model     (the train-ner binary, from eng.train;
#                                   eng.testa is only reported)
# Needs Python 3 with the packages of scripts/requirements-train.txt, and
# takes a few minutes on 2 cores. Not part of CI: both files are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}

python3 -m pip install --quiet -r scripts/requirements-train.txt
# k-means and the SVD give the same clusters on any machine only with a
# fixed number of threads.
export OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 MKL_NUM_THREADS=2
python3 scripts/make_clusters.py \
    --news "$shared/corpora/news.jsonl" \
    --conll "$shared/dev/conll2003/eng.train.jsonl" \
    --out src/analyze/data/clusters.tsv
# The clusters are embedded in the trainer too: build it after writing them.
cargo build --release --bin train-ner
target/release/train-ner \
    --train "$shared/dev/conll2003/eng.train.jsonl" \
    --dev "$shared/dev/conll2003/eng.testa.jsonl" \
    --out src/analyze/data/ner.model
echo "now rebuild dossier (cargo build --release) to embed the new model"
