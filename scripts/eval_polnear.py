#!/usr/bin/env python3
"""Measure dossier's quotations and speakers on PolNeAR (Newell et al., 2018).

Usage: scripts/eval_polnear.py [POLNEAR_DIR] [--split dev|train] [--dossier PATH] [--show N]

POLNEAR_DIR holds attributions.jsonl and text/ (default ../shared/dev/polnear).
Gold: attribution relations whose content has quotation marks (direct and
mixed quotes). For each we check:

- quote recall: a gold quote's content overlaps one of dossier's quotations;
- precision of attributed quotes: dossier's quotations that have a speaker
  and overlap a gold quote, out of all dossier's quotations with a speaker;
- speaker accuracy: for gold quotes matched by an attributed quotation and
  whose gold source is a name (not a pronoun or a description), dossier's
  speaker contains the source's family name.
"""

import argparse
import json
import os
import subprocess
import sys
import unicodedata
from collections import defaultdict

PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "who", "his", "her", "their"}
TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "retired", "president",
          "house", "speaker", "senator", "secretary", "minister", "the", "former", "vice", "chairman",
          "rev", "judge", "mayor", "state", "attorney", "general", "democratic", "republican", "gop"}


def fold(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    for mark in "'’‘`-":
        text = text.replace(mark, " " if mark == "-" else "")
    return " ".join(text.lower().split())


def family_name(source):
    """The last capitalized word of a source that names someone, else None."""
    head = source.split("(")[0].split(",")[0].split(" of ")[0].replace("’s", "").replace("'s", "")
    words = [w.strip(".") for w in head.split()]
    if not words or words[0].lower() in PRONOUNS:
        return None
    if words[0].lower() in {"a", "an", "the", "this", "that", "these", "those", "many", "some", "one"}:
        return None
    names = [w for w in words if w[:1].isupper() and w.lower() not in TITLES]
    return fold(names[-1]) if names else None


def load_gold(directory, split):
    gold = defaultdict(list)
    with open(os.path.join(directory, "attributions.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["compartment"] != split or not r["content_has_quote_marks"]:
                continue
            spans = [tuple(s) for c in r["content"] for s in c["spans"]]
            source = " ".join(s["text"] for s in r.get("source", []))
            gold[r["doc"]].append({"spans": spans, "source": source})
    return gold


def dossier_quotes(dossier, directory, docs):
    """Quotations per document, as character ranges (gold offsets are code points)."""
    paths = [os.path.join(directory, "text", d + ".txt") for d in sorted(docs)]
    out = subprocess.run([dossier, "analyze", "--json", *paths], capture_output=True, check=True)
    quotes = defaultdict(list)
    chars_of = {}
    for line in out.stdout.decode("utf-8").splitlines():
        r = json.loads(line)
        if r["type"] != "quote":
            continue
        doc = os.path.basename(r["path"])[:-4]
        if doc not in chars_of:
            data = open(r["path"], "rb").read()
            chars_of[doc] = data
        data = chars_of[doc]
        start = len(data[: r["start"]].decode("utf-8", "replace"))
        end = start + len(data[r["start"] : r["end"]].decode("utf-8", "replace"))
        quotes[doc].append({"range": (start, end), "speaker": r["speaker"], "text": r["text"]})
    return quotes


def overlaps(a, spans):
    return any(a[0] < e and s < a[1] for s, e in spans)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", nargs="?", default="../shared/dev/polnear")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--dossier", default="target/release/dossier")
    parser.add_argument("--show", type=int, default=0, help="print N speaker errors")
    parser.add_argument("--min-f1", type=float, default=0.0, help="fail below this quote F1 (percent)")
    parser.add_argument("--min-speaker-accuracy", type=float, default=0.0, help="fail below this (percent)")
    args = parser.parse_args()
    if not os.path.isdir(args.directory):
        sys.exit(f"eval_polnear: no PolNeAR data in {args.directory}")

    gold = load_gold(args.directory, args.split)
    ours = dossier_quotes(args.dossier, args.directory, gold.keys())

    found = matched_named = right_named = 0
    total = sum(len(g) for g in gold.values())
    errors = []
    attributed = attributed_right = 0
    for doc, relations in gold.items():
        quotes = ours.get(doc, [])
        for relation in relations:
            hits = [q for q in quotes if overlaps(q["range"], relation["spans"])]
            found += bool(hits)
            name = family_name(relation["source"])
            with_speaker = [q for q in hits if q["speaker"]]
            if name and with_speaker:
                matched_named += 1
                if any(name in fold(q["speaker"]) for q in with_speaker):
                    right_named += 1
                else:
                    errors.append((doc, relation["source"], with_speaker[0]["speaker"], with_speaker[0]["text"][:70]))
        spans = [s for r in relations for s in r["spans"]]
        for q in quotes:
            if q["speaker"]:
                attributed += 1
                attributed_right += overlaps(q["range"], spans)

    recall = found / total if total else 0.0
    precision = attributed_right / attributed if attributed else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = right_named / matched_named if matched_named else 0.0
    print(f"PolNeAR {args.split}: {total} gold quotes in {len(gold)} articles")
    print(f"quote recall            {recall:6.1%}  ({found}/{total})")
    print(f"attributed precision    {precision:6.1%}  ({attributed_right}/{attributed})")
    print(f"quote F1                {f1:6.1%}")
    print(f"speaker accuracy        {accuracy:6.1%}  ({right_named}/{matched_named} gold quotes with a named source)")
    for doc, source, speaker, text in errors[: args.show]:
        print(f"  {doc}: gold {source!r} ours {speaker!r}: {text}")
    if f1 * 100 < args.min_f1 or accuracy * 100 < args.min_speaker_accuracy:
        sys.exit(f"eval_polnear: below the floor (F1 {args.min_f1}%, speaker accuracy {args.min_speaker_accuracy}%)")


if __name__ == "__main__":
    main()
