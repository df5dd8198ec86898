#!/usr/bin/env python3
"""Measure dossier's dates on TimeBank and AQUAINT (TempEval-3 training data).

Usage: scripts/eval_timeml.py [TBAQ_JSONL] [--dossier PATH] [--split all|train|dev]
                              [--min-value-f1 PCT] [--show N]

TBAQ_JSONL is tbaq.jsonl (default ../shared/dev/timeml/tbaq.jsonl): one
document a line with `dct` (its date), `text` and `timexes` (type, value,
start and end in code points). Each document is written to a temporary
.txt file opened by a `date YYYY-MM-DD` line (its publication date) and
read with `dossier analyze --json`; its `date` objects (role `mentioned`)
are compared with the gold DATE expressions. TIME, DURATION and SET
expressions are left out of the measure: a date of ours that overlaps
one of them counts neither way.

- detection precision and recall: spans that overlap;
- value accuracy: detected gold dates whose value dossier gives exactly;
- value F1: with a match counting only when its value is right, as
  TempEval-3 reports it (HeidelTime 77.6, SUTime 67.4).

`--split train` takes four documents in five and `--split dev` the fifth
(by position in the file): rules are written from train misses and kept
only when dev agrees. Recall and value accuracy are also given per class
of gold value: absolute (a year written out), relative, quarter/week/
season, decade/century, and vague (PRESENT_REF, PAST_REF, FUTURE_REF).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", default="../shared/dev/timeml/tbaq.jsonl")
    parser.add_argument("--dossier", default="target/release/dossier")
    parser.add_argument("--min-value-f1", type=float, default=0.0,
                        help="exit 1 when value F1 (in percent) is below this: a regression guard")
    parser.add_argument("--show", type=int, default=0, help="print this many misses and wrong values")
    parser.add_argument("--split", choices=["all", "train", "dev"], default="all",
                        help="four documents in five (train), the fifth (dev), or all")
    args = parser.parse_args()
    if not os.path.isfile(args.path):
        sys.exit(f"eval_timeml: no TimeML file at {args.path}")
    docs = [json.loads(line) for line in open(args.path, encoding="utf-8")]
    if args.split != "all":
        docs = [d for i, d in enumerate(docs) if (i % 5 == 4) == (args.split == "dev")]
    ours = {}
    with tempfile.TemporaryDirectory() as tmp:
        prefixes = {}
        for i, doc in enumerate(docs):
            name = f"doc{i:04d}.txt"
            prefix = f"date {doc['dct'][:10]}\n\n"
            prefixes[name] = len(prefix.encode("utf-8"))
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                f.write(prefix + doc["text"])
        out = subprocess.run([args.dossier, "analyze", "--json", tmp], capture_output=True, check=True)
        for line in out.stdout.decode("utf-8").splitlines():
            r = json.loads(line)
            if r["type"] != "date" or r["role"] != "mentioned":
                continue
            name = os.path.basename(r["path"])
            i = int(name[3:7])
            raw = docs[i]["text"].encode("utf-8")
            start = r["start"] - prefixes[name]
            end = r["end"] - prefixes[name]
            cp_start = len(raw[:start].decode("utf-8", "replace"))
            cp_end = cp_start + len(raw[start:end].decode("utf-8", "replace"))
            ours.setdefault(i, []).append((cp_start, cp_end, r["value"], r["text"]))

    gold_n = found = right = ours_n = ours_hit = 0
    misses, wrong, false = [], [], []
    classes = {}
    for i, doc in enumerate(docs):
        gold = [t for t in doc["timexes"] if t["type"] == "DATE"]
        other = [t for t in doc["timexes"] if t["type"] != "DATE"]
        mine = ours.get(i, [])
        for g in gold:
            gold_n += 1
            tally = classes.setdefault(value_class(g), [0, 0, 0])
            tally[0] += 1
            hits = [o for o in mine if o[0] < g["end"] and g["start"] < o[1]]
            if not hits:
                misses.append((g["text"], g["value"], doc["dct"]))
                continue
            found += 1
            tally[1] += 1
            if any(o[2] == g["value"] for o in hits):
                right += 1
                tally[2] += 1
            else:
                wrong.append((g["text"], g["value"], hits[0][3], hits[0][2], doc["dct"]))
        for o in mine:
            if any(o[0] < g["end"] and g["start"] < o[1] for g in gold):
                ours_n += 1
                ours_hit += 1
            elif not any(o[0] < t["end"] and t["start"] < o[1] for t in other):
                ours_n += 1
                false.append((o[3], o[2], doc["dct"]))

    precision = ours_hit / ours_n if ours_n else 0.0
    recall = found / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    value_p = right / ours_n if ours_n else 0.0
    value_r = right / gold_n if gold_n else 0.0
    value_f1 = 2 * value_p * value_r / (value_p + value_r) if value_p + value_r else 0.0
    print(f"TimeML {os.path.basename(args.path)}: {len(docs)} documents, {gold_n} DATE expressions")
    print(f"detection precision  {precision:6.1%}  ({ours_hit}/{ours_n})")
    print(f"detection recall     {recall:6.1%}  ({found}/{gold_n})")
    print(f"detection F1         {f1:6.1%}")
    print(f"value accuracy       {right / found if found else 0:6.1%}  ({right}/{found} detected)")
    print(f"value F1             {value_f1:6.1%}")
    print("per class             gold  recall  value right")
    for name in CLASSES:
        n, hit, ok = classes.get(name, [0, 0, 0])
        if n:
            print(f"  {name:18} {n:6}  {hit / n:6.1%}  {ok / n:6.1%}")
    for title, rows in [("missed", misses), ("wrong value", wrong), ("not a gold date", false)]:
        for row in rows[: args.show]:
            print(f"  {title}: {row}")
    if value_f1 * 100 < args.min_value_f1:
        sys.exit(f"eval_timeml: value F1 {value_f1:.1%} is below {args.min_value_f1}%")


CLASSES = ["absolute", "relative", "quarter/week/season", "decade/century", "vague"]


def value_class(timex):
    """The class of a gold date, from its value and its text."""
    value = timex["value"]
    if value.endswith("_REF"):
        return "vague"
    if re.fullmatch(r"\d{2,3}", value):
        return "decade/century"
    if re.search(r"(Q\d|H\d|W\d|-SU|-SP|-FA|-WI|FY)", value):
        return "quarter/week/season"
    if re.search(r"\d{4}|'\d\d", timex["text"]):
        return "absolute"
    return "relative"


if __name__ == "__main__":
    main()
