#!/usr/bin/env python3
"""Write src/analyze/data/words/given_names.txt: given names, as the first
word of people's names in CoNLL-2003's training set.

Usage: scripts/make_given_names.py [../shared/dev/conll2003/eng.train]

A word is kept when it opens a person's name of two words or more at least
twice and is tagged MISC (a nationality, `German`) less often than that.
Entity resolution reads the list so that a given name that looks like a
people's adjective (`Julian`, as `Juliaca` is a city; `Herman`) is not
taken for one and cut from the name. The output is committed, so builds
need neither the corpus nor this script.
"""

import collections
import sys

HEADER = """# Given names: words that open a person's name of two words or more at
# least twice in CoNLL-2003's eng.train, and are tagged a nationality or
# other MISC less often. Made by scripts/make_given_names.py; one a line.
"""


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/dev/conll2003/eng.train"
    tokens = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0] == "-DOCSTART-":
                tokens.append(None)
            else:
                tokens.append((parts[0], parts[-1]))
    opens, misc = collections.Counter(), collections.Counter()
    for i, token in enumerate(tokens):
        if token is None:
            continue
        word, tag = token
        if tag.endswith("MISC"):
            misc[word] += 1
        previous = tokens[i - 1] if i > 0 else None
        # IOB1: a name starts at B-PER, or at I-PER after no person.
        starts = tag == "B-PER" or (
            tag == "I-PER" and (previous is None or previous[1] not in ("B-PER", "I-PER"))
        )
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if starts and following is not None and following[1] == "I-PER":
            opens[word] += 1
    names = sorted(
        w.lower() for w, n in opens.items()
        if n >= 2 and w.isalpha() and w[0].isupper() and misc[w] < n
    )
    out = "src/analyze/data/words/given_names.txt"
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEADER + "\n" + "\n".join(names) + "\n")
    print(f"{out}: {len(names)} names")


if __name__ == "__main__":
    main()
