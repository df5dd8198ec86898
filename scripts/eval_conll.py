#!/usr/bin/env python3
"""Measure dossier's people, organisations and places on CoNLL-2003.

Usage: scripts/eval_conll.py [CONLL_JSONL] [--dossier PATH] [--min-f1 PCT] [--min-person-f1 PCT]

CONLL_JSONL is eng.testa.jsonl (default ../shared/dev/conll2003/eng.testa.jsonl):
one document a line with `text` and `entities` (type, start, end in code
points). Each document is written to a temporary .txt file and read with
`dossier analyze --json`; its `mention` objects are compared with the gold
PER, ORG and LOC spans (MISC is ignored). A mention counts when its span
and type match exactly (the CoNLL convention); the partial column counts
overlapping spans of the right type.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter

TYPES = {"PER": "person", "ORG": "org", "LOC": "place"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", default="../shared/dev/conll2003/eng.testa.jsonl")
    parser.add_argument("--dossier", default="target/release/dossier")
    parser.add_argument("--min-person-f1", type=float, default=0.0,
                        help="exit 1 when person F1 (in percent) is below this: a regression guard")
    parser.add_argument("--min-f1", type=float, default=0.0,
                        help="exit 1 when micro F1 over person, org and place (in percent) is below this")
    args = parser.parse_args()
    if not os.path.isfile(args.path):
        sys.exit(f"eval_conll: no CoNLL file at {args.path}")
    docs = [json.loads(line) for line in open(args.path, encoding="utf-8")]
    gold = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, doc in enumerate(docs):
            name = f"doc{i:04d}.txt"
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                f.write(doc["text"])
            gold[name] = {(e["start"], e["end"], TYPES[e["type"]]) for e in doc["entities"] if e["type"] in TYPES}
        out = subprocess.run([args.dossier, "analyze", "--json", tmp], capture_output=True, check=True)
        ours = {name: set() for name in gold}
        for line in out.stdout.decode("utf-8").splitlines():
            r = json.loads(line)
            if r["type"] != "mention":
                continue
            name = os.path.basename(r["path"])
            data = open(os.path.join(tmp, name), "rb").read()
            start = len(data[: r["start"]].decode("utf-8", "replace"))
            end = start + len(data[r["start"] : r["end"]].decode("utf-8", "replace"))
            ours[name].add((start, end, r["kind"]))

    tp, fp, fn, partial = Counter(), Counter(), Counter(), Counter()
    for name in gold:
        g, o = gold[name], ours[name]
        for span in o:
            (tp if span in g else fp)[span[2]] += 1
        for span in g:
            if span not in o:
                fn[span[2]] += 1
            if any(s < span[1] and span[0] < e and k == span[2] for s, e, k in o):
                partial[span[2]] += 1
    print(f"CoNLL-2003 {os.path.basename(args.path)}: {len(docs)} documents, exact span and type")
    print(f"{'type':8} {'precision':>9} {'recall':>7} {'F1':>6} {'partial recall':>15}")
    totals = Counter()
    f1 = {}
    for kind in ["person", "org", "place"]:
        p = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else 0.0
        r = tp[kind] / (tp[kind] + fn[kind]) if tp[kind] + fn[kind] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1[kind] = f
        gold_n = tp[kind] + fn[kind]
        print(f"{kind:8} {p:9.1%} {r:7.1%} {f:6.1%} {partial[kind] / gold_n if gold_n else 0:15.1%}")
        totals["tp"] += tp[kind]
        totals["fp"] += fp[kind]
        totals["fn"] += fn[kind]
    p = totals["tp"] / (totals["tp"] + totals["fp"]) if totals["tp"] + totals["fp"] else 0.0
    r = totals["tp"] / (totals["tp"] + totals["fn"]) if totals["tp"] + totals["fn"] else 0.0
    micro = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{'all':8} {p:9.1%} {r:7.1%} {micro:6.1%}")
    if micro * 100 < args.min_f1:
        sys.exit(f"eval_conll: micro F1 {micro:.1%} is below {args.min_f1}%")
    if f1["person"] * 100 < args.min_person_f1:
        sys.exit(f"eval_conll: person F1 {f1['person']:.1%} is below {args.min_person_f1}%")


if __name__ == "__main__":
    main()
