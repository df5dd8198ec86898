"""Where dossier's indexing spends its instructions and its bytes, for
benches/compare.py's report.

- `profile_indexing`: indexes the first articles of the corpus on one
  thread under `valgrind --tool=callgrind` (instructions, not time: these
  machines have no hardware counters and their wall time varies ±40%), and
  keeps the functions of dossier and tantivy with the most instructions,
  counted inclusively (a function with everything it calls).
- `index_parts`: the bytes of an index by part (postings, positions,
  store, ...), from its files' extensions.
"""

import os
import re
import shutil
import subprocess

# What each file extension of a tantivy index holds, and dossier's own table.
PARTS = {
    "store": "document store (stored fields, zstd)",
    "idx": "postings",
    "pos": "positions",
    "term": "term dictionaries",
    "fast": "fast fields (columns)",
    "fieldnorm": "field norms",
    "bin": "entity table (entities.bin)",
}

# A line of `callgrind_annotate --inclusive=yes`: count, share, file:function.
ANNOTATED = re.compile(r"^\s*([\d,]+) \(\s*([\d.]+)%\)\s+(?:\S*?:)?((?:dossier|tantivy)::\S+)")


def index_parts(index_dir):
    """{part: bytes} of the index in `index_dir`, largest first."""
    sizes = {}
    for name in os.listdir(index_dir):
        path = os.path.join(index_dir, name)
        extension = name.rsplit(".", 1)[-1]
        if os.path.isfile(path) and extension in PARTS:
            sizes[PARTS[extension]] = sizes.get(PARTS[extension], 0) + os.path.getsize(path)
    return dict(sorted(sizes.items(), key=lambda item: -item[1]))


def profile_indexing(dossier, corpus, work, articles=1000, top=15):
    """Total instructions of indexing the first `articles` lines of `corpus`
    and the `top` functions of dossier and tantivy, as
    (total, [(function, instructions, percent)]); None without valgrind."""
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        return None
    folder = os.path.join(work, "profile")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "corpus"))
    with open(corpus, encoding="utf-8") as source, \
            open(os.path.join(folder, "corpus", "first.jsonl"), "w", encoding="utf-8") as out:
        for number, line in enumerate(source):
            if number == articles:
                break
            out.write(line)
    output = os.path.join(folder, "callgrind.out")
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={output}", dossier,
         "--index", os.path.join(folder, "index"), "index", os.path.join(folder, "corpus")],
        check=True, capture_output=True, env={**os.environ, "RAYON_NUM_THREADS": "1"})
    annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", output],
                               check=True, capture_output=True, text=True).stdout
    total = int(re.search(r"([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", annotated).group(1).replace(",", ""))
    functions = {}
    for line in annotated.splitlines():
        match = ANNOTATED.match(line)
        if match:
            name = match.group(3).split("<")[0] if match.group(3).startswith("tantivy") else match.group(3)
            count = int(match.group(1).replace(",", ""))
            functions[name] = max(count, functions.get(name, 0))
    ranked = sorted(functions.items(), key=lambda item: -item[1])[:top]
    return total, [(name, count, 100 * count / total) for name, count in ranked]
