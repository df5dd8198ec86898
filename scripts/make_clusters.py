#!/usr/bin/env python3
"""Write src/analyze/data/clusters.tsv: word clusters learnt from unlabelled
news, for use as features of the named-entity tagger.

Usage:
    pip install -r scripts/requirements-train.txt
    scripts/make_clusters.py [--news PATH] [--conll PATH] [--out PATH]

Why: a tagger that has seen "Smith" as a surname should guess the same of
"Zwingmann" if the two words are used alike. Ratinov & Roth (2009) got this
from Brown clusters; here we get it from distributional word vectors and
k-means, which is much faster to compute and similar in effect: words that
appear in the same immediate contexts (first names, surnames, company
names, cities, months, reporting verbs, ...) share a cluster.

Method:
 1. Tokenise like the Rust lexer (src/analyze/lexer.rs): a word is a run of
    letters and digits, keeping inner hyphens and apostrophes followed by a
    letter or digit (al-Sudani, don't) and initialisms with their dots
    (U.S., U.N.). Every other non-space character is a punctuation token.
    Case is kept. Text comes from the news corpus (titles and paragraphs)
    and from the `text` field of the CoNLL-2003 training file (one sentence
    a line); its labels are never read, and the dev/test files are not read.
 2. Vocabulary: words seen at least 3 times, at most the 60,000 most
    frequent.
 3. Context vectors: for each vocabulary word, counts of the lowercased
    token at offsets -2, -1, +1 and +2 (separate dimensions per offset)
    and in a bag of the tokens 3 to 5 away on either side,
    among the most frequent lowercased tokens (punctuation included, since
    "said ," and "( Reuters" are telling). Rarer tokens fall into a few
    shape classes (capitalised, lower-case, number, other), and paragraph
    or sentence edges are a context token of their own.
 4. Positive PMI weighting with context-distribution smoothing (alpha =
    0.75, Levy et al. 2015), randomised truncated SVD, rows scaled by the
    square root of the singular values, then L2-normalised.
 5. k-means at three granularities (k=100, 1000 and 3000) with fixed
    seeds, on two threads (scripts/train_ner.sh sets them), so that the
    output is the same on any machine.

Output: two `#` header lines (how it was made; the columns), then
`word<TAB>c100<TAB>c1000<TAB>c3000` sorted by word. The tagger reads words
as CoNLL writes them (`Inc.` with its dot, a possessive `'s` apart), so a
few of its words are not in the file; they simply have no cluster.
The output is committed, so builds need neither this script nor its
dependencies. Runtime is a few minutes on two cores.
"""

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.cluster import KMeans
from sklearn.utils.extmath import randomized_svd

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NEWS = ROOT / "../shared/corpora/news.jsonl"
DEFAULT_CONLL = ROOT / "../shared/dev/conll2003/eng.train.jsonl"
DEFAULT_OUT = ROOT / "src/analyze/data/clusters.tsv"

APOSTROPHES = "'\u2019\u2018\u02bc\u02bb`\u00b4"  # as index::tokenizer::is_apostrophe
ALNUM = r"[^\W_]"
TOKEN = re.compile(
    rf"[A-Z](?:\.[A-Z])+\.?"  # U.S., U.N.
    rf"|{ALNUM}+(?:[-{APOSTROPHES}]{ALNUM}+)*"  # al-Sudani, don't
    rf"|[^\s\w]|_"  # one punctuation character
)
# Curly quotes count as straight ones when they are context tokens.
QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'"})

EDGE = "<edge>"  # paragraph or sentence edge; also pads between text units
SHAPES = ["<Cap>", "<low>", "<num>", "<other>"]
# One block of dimensions per near offset, and one shared by the words 3
# to 5 away on either side, which brings in the topic (clubs, agencies,
# heads of state) without the cost of a block each.
BLOCKS = ((-2,), (-1,), (1,), (2,), (-5, -4, -3, 3, 4, 5))


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def text_units(news_path, conll_path):
    """Yield paragraphs of news (titles included) and CoNLL sentences."""
    with open(news_path, encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if article.get("title"):
                yield article["title"]
            for paragraph in re.split(r"\n\s*\n", article.get("body") or ""):
                if paragraph.strip():
                    yield paragraph
    if conll_path:
        with open(conll_path, encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line)["text"]  # only the text: never the labels
                yield from (s for s in text.split("\n") if s.strip())


def is_word(token):
    return token[0].isalnum()


def tokenize_all(units, pad):
    """One flat token list, text units separated by `pad` EDGE tokens (so
    that no context window spans two units)."""
    edges = [EDGE] * pad
    tokens = list(edges)
    for unit in units:
        tokens.extend(TOKEN.findall(unit))
        tokens.extend(edges)
    return tokens


def shape(token):
    if token[0].isupper():
        return "<Cap>"
    if token[0].isalpha():
        return "<low>"
    if token[0].isdigit():
        return "<num>"
    return "<other>"


def vocabulary(tokens, min_count, max_size):
    counts = Counter(t for t in tokens if t != EDGE and is_word(t))
    words = [w for w, c in counts.most_common(max_size) if c >= min_count]
    return words, counts


def context_vocabulary(tokens, size):
    counts = Counter(t.lower().translate(QUOTES) for t in tokens if t != EDGE)
    return [EDGE] + SHAPES + [c for c, _ in counts.most_common(size)]


def id_arrays(tokens, words, contexts):
    """Per token: its vocabulary id (-1 if none) and its context id."""
    word_id = {w: i for i, w in enumerate(words)}
    context_id = {c: i for i, c in enumerate(contexts)}
    shape_id = {s: context_id[s] for s in SHAPES}
    rows = np.fromiter((word_id.get(t, -1) for t in tokens), dtype=np.int32, count=len(tokens))

    def context_of(t):
        c = context_id.get(t.lower().translate(QUOTES))
        return shape_id[shape(t)] if c is None else c

    cols = np.fromiter((context_of(t) for t in tokens), dtype=np.int32, count=len(tokens))
    return rows, cols


def cooccurrences(rows, cols, n_words, n_contexts, blocks):
    """Sparse counts: word x (block, context), where a block is a set of
    offsets whose contexts share dimensions."""
    n = len(rows)
    parts_r, parts_c = [], []
    for b, offsets in enumerate(blocks):
        for offset in offsets:
            lo, hi = max(0, -offset), min(n, n - offset)
            r = rows[lo:hi]
            c = cols[lo + offset : hi + offset]
            keep = r >= 0
            parts_r.append(r[keep])
            parts_c.append(c[keep] + b * n_contexts)
    r = np.concatenate(parts_r)
    c = np.concatenate(parts_c)
    data = np.ones(len(r), dtype=np.float32)
    shape_ = (n_words, len(blocks) * n_contexts)
    return sp.coo_matrix((data, (r, c)), shape=shape_).tocsr()


def ppmi(counts, alpha):
    """Positive PMI, with context counts raised to `alpha`."""
    counts = counts.tocsr().astype(np.float64)
    word_totals = np.asarray(counts.sum(axis=1)).ravel()
    context_totals = np.asarray(counts.sum(axis=0)).ravel() ** alpha
    context_p = context_totals / context_totals.sum()
    coo = counts.tocoo()
    pmi = np.log(coo.data / (word_totals[coo.row] * context_p[coo.col]))
    keep = pmi > 0
    return sp.csr_matrix(
        (pmi[keep].astype(np.float32), (coo.row[keep], coo.col[keep])), shape=counts.shape
    )


def embed(matrix, dims, seed):
    u, s, _ = randomized_svd(matrix, dims, n_iter=6, random_state=seed)
    vectors = u * np.sqrt(s)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float64)


def cluster(vectors, k, seed):
    model = KMeans(n_clusters=k, n_init=1, max_iter=100, random_state=seed, algorithm="lloyd")
    return model.fit_predict(vectors)


def write(path, words, labels, ks, header):
    lines = [f"# {header}\n", "# word\t" + "\t".join(f"c{k}" for k in ks) + "\n"]
    order = sorted(range(len(words)), key=lambda i: words[i])
    for i in order:
        lines.append(words[i] + "\t" + "\t".join(str(int(l[i])) for l in labels) + "\n")
    Path(path).write_text("".join(lines), encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--news", default=DEFAULT_NEWS, help="news JSONL (title, body)")
    parser.add_argument("--conll", default=DEFAULT_CONLL, help="CoNLL train JSONL ('' to skip)")
    parser.add_argument("--out", default=DEFAULT_OUT, help="clusters TSV to write")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--max-vocab", type=int, default=60000)
    parser.add_argument("--contexts", type=int, default=2000, help="context tokens kept")
    parser.add_argument("--dims", type=int, default=100, help="SVD dimensions")
    parser.add_argument("--ks", default="100,1000,3000", help="cluster counts, comma-separated")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    ks = [int(k) for k in args.ks.split(",")]

    started = time.time()
    tokens = tokenize_all(text_units(args.news, args.conll), pad=max(abs(o) for b in BLOCKS for o in b))
    log(f"{len(tokens):,} tokens")
    words, _ = vocabulary(tokens, args.min_count, args.max_vocab)
    contexts = context_vocabulary(tokens, args.contexts)
    log(f"{len(words):,} words, {len(contexts):,} context tokens")
    rows, cols = id_arrays(tokens, words, contexts)
    del tokens
    counts = cooccurrences(rows, cols, len(words), len(contexts), BLOCKS)
    log(f"co-occurrence matrix {counts.shape}, {counts.nnz:,} non-zero")
    weighted = ppmi(counts, alpha=0.75)
    vectors = embed(weighted, args.dims, args.seed)
    log(f"embedded in {args.dims} dimensions")
    labels = []
    for k in ks:
        labels.append(cluster(vectors, k, args.seed))
        log(f"k-means, k={k}")
    header = (
        f"Word clusters made by scripts/make_clusters.py from news.jsonl and the CoNLL-2003 "
        f"training text (unlabelled): {len(words)} words (count >= {args.min_count}), "
        f"lowercased contexts at offsets -2, -1, 1, 2 and a bag of 3 to 5 away, among the "
        f"{args.contexts} commonest tokens, PPMI, SVD to {args.dims} dims, k-means "
        f"k={','.join(map(str, ks))}, seed {args.seed}."
    )
    write(args.out, words, labels, ks, header)
    log(f"wrote {args.out} in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
