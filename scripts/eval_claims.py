#!/usr/bin/env python3
"""Measure how well dossier finds the passage that states a claim.

Usage: scripts/eval_claims.py [CLAIMS_TSV] [--index DIR] [--corpus DIR]
                              [--dossier PATH] [--command search|check]
                              [--min-recall R] [--show N]

Each row of claims.tsv (../shared/dev/claims/) gives a claim in other words
than its article's, the article's `id` in news.jsonl and a `needle`: a
verbatim piece of the paragraph that states it. A hit is the target when
its article is that one and its passage holds the needle (spaces folded).

The same passages (as `dossier analyze` cuts them) are loaded into SQLite
FTS5 (porter stemmer, title and body) and queried with the claim's words
OR-ed, ranked by bm25: the baseline, measured in the same run. Reports
recall@1 and MRR@10 for both. With --min-recall the script exits 1 when
dossier's recall@1 is below it (the CI guard). With --command check it
also reports the verdicts of `dossier check` on the claims whose target
ranks first.

The index is built in DIR (default: a temporary folder) from --corpus (the
folder holding news.jsonl and the seeds) unless DIR already holds one.
"""

import argparse
import csv
import itertools
import json
import os
import re
import sqlite3
import subprocess
import sys
import statistics
import tempfile
import time


def fold(text):
    return re.sub(r"\s+", " ", text).strip().lower()


def read_claims(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def is_target(claim, doc, text):
    return doc.endswith("#" + claim["id"]) and fold(claim["needle"]) in fold(text)


def reciprocal_rank(claim, hits):
    for rank, (doc, text) in enumerate(hits[:10], start=1):
        if is_target(claim, doc, text):
            return 1.0 / rank
    return 0.0


ELAPSED = []


def dossier_hits(dossier, index, command, claim, limit=10):
    started = time.perf_counter()
    out = subprocess.run(
        [dossier, "--index", index, command, claim, "-n", str(limit), "--json"],
        capture_output=True, check=False).stdout.decode("utf-8")
    ELAPSED.append(1000 * (time.perf_counter() - started))
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    return [r for r in records if r.get("type") == "hit"]


def fts5_database(dossier, corpus):
    analysis = subprocess.run([dossier, "analyze", "--json", corpus],
                              capture_output=True, check=True).stdout.decode("utf-8")
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE p USING fts5(doc UNINDEXED, title, body, "
               "tokenize='porter unicode61 remove_diacritics 2')")
    title = ""
    rows = []
    for line in analysis.splitlines():
        record = json.loads(line)
        if record["type"] == "article":
            title = record["title"]
        elif record["type"] == "passage":
            rows.append((record["doc"], title, record["text"]))
    db.executemany("INSERT INTO p VALUES (?, ?, ?)", rows)
    return db


def fts5_hits(db, claim):
    words = re.findall(r"[a-z0-9]+", claim.lower())
    if not words:
        return []
    query = " OR ".join(f'"{w}"' for w in words)
    return db.execute("SELECT doc, body FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT 10",
                      (query,)).fetchall()


GRID = [0.0, 0.25, 0.5, 1.0, 2.0, 4.0]
# The signals weighed beside BM25, in the order of the weights tuned.
SIGNALS = ["proximity", "numbers", "names", "article"]


def rerank(candidates, weights):
    """Reciprocal rank of the target after ordering by the weighted signals."""
    scored = sorted(candidates, key=lambda c: -(c[1]["bm25"] + sum(
        w * c[1][name] for name, w in zip(SIGNALS, weights))))
    for rank, (target, _) in enumerate(scored[:10], start=1):
        if target:
            return 1.0 / rank
    return 0.0


def tune(per_claim):
    """Weights that maximise MRR@10 over `per_claim`, searched on a grid."""
    best = None
    for weights in itertools.product(GRID, repeat=len(SIGNALS)):
        mrr = sum(rerank(c, weights) for c in per_claim) / len(per_claim)
        if best is None or mrr > best[0]:
            best = (mrr, weights)
    return best


def cross_validate(per_claim, folds=5):
    """Recall@1 and MRR@10 of weights chosen on the other folds."""
    ranks = []
    for k in range(folds):
        train = [c for i, c in enumerate(per_claim) if i % folds != k]
        test = [c for i, c in enumerate(per_claim) if i % folds == k]
        _, weights = tune(train)
        ranks.extend(rerank(c, weights) for c in test)
    return ranks


def summary(name, ranks):
    n = len(ranks)
    first = sum(1 for r in ranks if r == 1.0) / n
    mrr = sum(ranks) / n
    print(f"{name:<18} recall@1 {first:.2f}  MRR@10 {mrr:.2f}  ({n} claims)")
    return first, mrr


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.path.join(here, "..", "..", "shared")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", nargs="?", default=os.path.join(shared, "dev", "claims", "claims.tsv"))
    parser.add_argument("--index", default=None)
    parser.add_argument("--corpus", default=None,
                        help="folder with news.jsonl and the seeds (default: made from ../shared)")
    parser.add_argument("--dossier", default=os.path.join(here, "..", "target", "release", "dossier"))
    parser.add_argument("--command", default="search", choices=["search", "check"])
    parser.add_argument("--min-recall", type=float, default=None)
    parser.add_argument("--show", type=int, default=0, help="print N claims dossier misses")
    parser.add_argument("--tune", action="store_true",
                        help="with --command check: choose the re-ranking weights by 5-fold "
                             "cross-validation over the signals of all candidates")
    args = parser.parse_args()

    claims = read_claims(args.claims)
    work = tempfile.mkdtemp(prefix="dossier-claims-")
    corpus = args.corpus
    if corpus is None:
        corpus = os.path.join(work, "corpus")
        os.makedirs(corpus)
        os.symlink(os.path.abspath(os.path.join(shared, "corpora", "news.jsonl")),
                   os.path.join(corpus, "news.jsonl"))
        seeds = os.path.join(here, "..", "seeds")
        for name in os.listdir(seeds):
            os.symlink(os.path.abspath(os.path.join(seeds, name)), os.path.join(corpus, name))
    index = args.index or os.path.join(work, "index")
    if not os.path.exists(os.path.join(index, "meta.json")):
        subprocess.run([args.dossier, "--index", index, "index", corpus],
                       check=True, capture_output=True)

    db = fts5_database(args.dossier, corpus)
    ours, theirs, verdicts, misses = [], [], [], []
    for claim in claims:
        hits = dossier_hits(args.dossier, index, args.command, claim["claim"])
        rank = reciprocal_rank(claim, [(h["doc"], h["text"]) for h in hits])
        ours.append(rank)
        theirs.append(reciprocal_rank(claim, fts5_hits(db, claim["claim"])))
        if rank == 1.0 and "verdict" in hits[0]:
            verdicts.append((claim["verdict"], hits[0]["verdict"]))
        if rank < 1.0:
            misses.append((rank, claim))
    first, _ = summary(f"dossier {args.command}", ours)
    print(f"{'':<18} median {statistics.median(ELAPSED):.1f} ms a claim, process start to output")
    summary("sqlite3 FTS5", theirs)
    if verdicts:
        wrong = sum(1 for gold, v in verdicts if gold == "contradicts")
        caught = sum(1 for gold, v in verdicts if gold == "contradicts" and v == "differs")
        false = sum(1 for gold, v in verdicts if gold == "supports" and v == "differs")
        print(f"verdicts on {len(verdicts)} targets ranked first: {caught} of {wrong} "
              f"contradicting claims marked differs; {false} supporting claims marked differs")
    if args.tune:
        per_claim = []
        for claim in claims:
            hits = dossier_hits(args.dossier, index, "check", claim["claim"], limit=100)
            per_claim.append([(is_target(claim, h["doc"], h["text"]), h["signals"]) for h in hits])
        mrr, weights = tune(per_claim)
        print(f"best weights on all claims ({', '.join(SIGNALS)}): {weights}, MRR@10 {mrr:.2f}")
        summary("5-fold CV", cross_validate(per_claim))
    for rank, claim in misses[:args.show]:
        print(f"  miss (rr {rank:.2f}): {claim['claim']}  [{claim['id']}: {claim['needle']}]")
    if args.min_recall is not None and first < args.min_recall:
        print(f"recall@1 {first:.2f} is below {args.min_recall}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
