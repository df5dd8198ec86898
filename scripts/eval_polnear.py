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
- named-speaker recall, counted from the user's side (`quotes --speaker X`
  must find them all): every gold quote whose source, cut at the first
  comma and before `of` (`Sen. Tom Carper of Delaware`), without a
  possessive or a party-state tag (`R-Wis.`), is a
  name of capitalised words; dossier's quotation lying at least half inside
  its content must have a speaker whose folded words hold the source's
  last capitalised word. Misses are split into no quotation, no speaker
  and another speaker.
"""

import argparse
import json
import os
import re
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


PARTY_TAG = re.compile(r"\b[RDI]-[A-Z][A-Za-z.]*")
PARTICLES = {"of", "de", "del", "la", "le", "van", "von", "bin", "al", "el", "da", "du"}
DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "many", "some", "one"}


INDEFINITE = {"a", "an", "another", "one", "some", "many", "several"}


def is_unnamed(source):
    """True for a source the article does not name: an indefinite
    description (`a senior official`, `another diplomat`)."""
    words = source.split()
    # `A top strategist, John Weaver,`: an apposition names the source.
    return bool(words) and words[0].lower() in INDEFINITE and "," not in source


def named_source(source):
    """The last capitalised word of a source that is a name, else None."""
    head = source.split(",")[0]
    # `Sen. Tom Carper of Delaware`: the person, not the place; but
    # `Speaker of the House Paul Ryan` is a title before the name.
    person, of, _ = head.partition(" of ")
    if of and any(w[:1].isupper() and w.strip(".").lower() not in TITLES for w in person.split()):
        head = person
    head = head.replace("’s", "").replace("'s", "")
    head = re.sub(r"\([^)]*\)", " ", PARTY_TAG.sub(" ", head))
    words = [w.strip(".()") for w in head.split()]
    words = [w for w in words if w]
    if not words or words[0].lower() in PRONOUNS or words[0].lower() in DETERMINERS:
        return None
    if not all(w[:1].isupper() or w.lower() in PARTICLES for w in words):
        return None
    capitals = [w for w in words if w[:1].isupper()]
    return fold(capitals[-1]) if capitals else None


def overlap(a, spans):
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)


def user_side(gold, ours):
    """Named-speaker recall: (right, total, misses by cause, examples)."""
    right = total = 0
    misses = {"no quotation": 0, "no speaker": 0, "another speaker": 0}
    examples = []
    for doc, relations in gold.items():
        quotes = ours.get(doc, [])
        for relation in relations:
            name = named_source(relation["source"])
            if not name:
                continue
            total += 1
            # The quotation lies at least half inside the content (a mixed
            # quote's content also holds the words around the quotation).
            inside = [q for q in quotes
                      if overlap(q["range"], relation["spans"]) * 2 >= q["range"][1] - q["range"][0] > 0]
            best = max(inside, key=lambda q: overlap(q["range"], relation["spans"]), default=None)
            if best is None:
                cause = "no quotation"
            elif not best["speaker"]:
                cause = "no speaker"
            elif all(word in fold(best["speaker"]).split() for word in name.split()):
                right += 1
                continue
            else:
                cause = "another speaker"
            misses[cause] += 1
            examples.append((cause, doc, relation["source"], best["speaker"] if best else None,
                             best["text"][:60] if best else ""))
    return right, total, misses, examples


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
    parser.add_argument("--min-named-recall", type=float, default=0.0,
                        help="fail below this named-speaker recall (percent)")
    parser.add_argument("--show-named", type=int, default=0, help="print N named-speaker misses")
    args = parser.parse_args()
    if not os.path.isdir(args.directory):
        sys.exit(f"eval_polnear: no PolNeAR data in {args.directory}")

    gold = load_gold(args.directory, args.split)
    ours = dossier_quotes(args.dossier, args.directory, gold.keys())

    found = matched_named = right_named = 0
    total = sum(len(g) for g in gold.values())
    errors = []
    attributed = attributed_right = 0
    unnamed = unnamed_named = 0
    for doc, relations in gold.items():
        quotes = ours.get(doc, [])
        for relation in relations:
            hits = [q for q in quotes if overlaps(q["range"], relation["spans"])]
            found += bool(hits)
            if hits and is_unnamed(relation["source"]):
                unnamed += 1
                unnamed_named += any(q["speaker"] for q in hits)
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
    print(f"unnamed sources named   {unnamed_named / max(unnamed, 1):6.1%}  ({unnamed_named}/{unnamed} "
          "quotes of an indefinite source (`an official`) given a speaker; lower is better)")
    for doc, source, speaker, text in errors[: args.show]:
        print(f"  {doc}: gold {source!r} ours {speaker!r}: {text}")
    right, named, misses, examples = user_side(gold, ours)
    named_recall = right / named if named else 0.0
    missed = named - right
    print(f"named-speaker recall    {named_recall:6.1%}  ({right}/{named} quotes of a named source)")
    for cause, n in misses.items():
        share = n / missed if missed else 0.0
        print(f"  missed: {cause:<16} {n:4}  ({share:.0%} of misses)")
    for cause, doc, source, speaker, text in examples[: args.show_named]:
        print(f"  {cause}: {doc}: gold {source!r} ours {speaker!r}: {text}")
    if (f1 * 100 < args.min_f1 or accuracy * 100 < args.min_speaker_accuracy
            or named_recall * 100 < args.min_named_recall):
        sys.exit(f"eval_polnear: below the floor (F1 {args.min_f1}%, speaker accuracy "
                 f"{args.min_speaker_accuracy}%, named-speaker recall {args.min_named_recall}%)")


if __name__ == "__main__":
    main()
