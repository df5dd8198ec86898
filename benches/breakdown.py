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
    (total, [(function, instructions, percent)]); None without valgrind or
    when it fails, so that the rest of a long run is still reported."""
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        return None
    try:
        return profile(dossier, corpus, work, articles, top)
    except (subprocess.CalledProcessError, OSError, AttributeError, ValueError) as error:
        print(f"breakdown: no profile: {error}")
        return None


def profile(dossier, corpus, work, articles, top):
    """The work of `profile_indexing`, which may raise."""
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
    totals = re.search(r"([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS", annotated)
    total = int(totals.group(1).replace(",", ""))
    functions = {}
    for line in annotated.splitlines():
        match = ANNOTATED.match(line)
        if match:
            name = match.group(3)
            if name.startswith("tantivy"):
                name = name.split("<")[0]
            count = int(match.group(1).replace(",", ""))
            functions[name] = max(count, functions.get(name, 0))
    ranked = sorted(functions.items(), key=lambda item: -item[1])[:top]
    return total, [(name, count, 100 * count / total) for name, count in ranked]


def report_lines(results):
    """The report's sections on the index's parts and the profile, from a
    run's results (what `index_parts` and `profile_indexing` gave)."""
    lines = []
    if "parts-1x" in results:
        lines += ["", "## Where the bytes go, 1x", "",
                  "| part of dossier's index (file sizes) | size |", "| --- | ---: |"]
        lines += [f"| {part} | {size / 1e6:.1f} MB |"
                  for part, size in results["parts-1x"].items()]
    if results.get("profile"):
        total, functions = results["profile"]
        lines += ["", "## Where indexing's instructions go", "",
                  "`dossier index` on the first 1,000 articles of the corpus, one rayon thread, "
                  f"under `valgrind --tool=callgrind`: {total / 1e9:.3f} G instructions. The "
                  "functions of dossier and tantivy with the most, each with all it calls "
                  "(so the rows overlap):", "",
                  "| function | instructions | share |", "| --- | ---: | ---: |"]
        lines += [f"| `{name}` | {count / 1e9:.3f} G | {share:.1f}% |"
                  for name, count, share in functions]
    return lines
