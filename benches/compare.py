#!/usr/bin/env python3
"""Runs the side-by-side measurements for benches/compare.sh and writes the report.

Every tool gets the same data: dossier indexes the corpus itself (analysis
included); tantivy-cli and SQLite FTS5 get the passages dossier cuts, as
plain documents (`id`, `title`, `body`); ripgrep searches the corpus
written as one file an article. Times are process start to printed
results, measured with hyperfine; peak memory with /usr/bin/time -v.
"""

import argparse
import csv
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import time

import breakdown

# The fixed query list: (name, dossier/tantivy query, FTS5 query, ripgrep arguments).
QUERIES = [
    ("term", "tariffs", "tariffs", ["-e", "tariffs"]),
    ("name", "merkel", "merkel", ["-e", "merkel"]),
    ("phrase", '"prime minister"', '"prime minister"', ["-e", "prime minister"]),
    ("five words", "central bank raises interest rates",
     "central OR bank OR raises OR interest OR rates",
     ["-e", "central", "-e", "bank", "-e", "raises", "-e", "interest", "-e", "rates"]),
    ("pasted claim",
     "the president said the new tax plan would cut rates for middle class families and raise taxes on the wealthy",
     None, None),
]

TANTIVY_SCHEMA = [
    {"name": "id", "type": "text", "options": {"indexing": None, "stored": True}},
    {"name": "title", "type": "text", "options": {
        "indexing": {"record": "position", "fieldnorms": True, "tokenizer": "en_stem"}, "stored": True}},
    {"name": "body", "type": "text", "options": {
        "indexing": {"record": "position", "fieldnorms": True, "tokenizer": "en_stem"}, "stored": True}},
]


def words_of(query):
    return re.findall(r"[a-z0-9]+", query.lower())


def fts_query(query):
    return " OR ".join(words_of(query))


def rg_args(query):
    args = []
    for word in words_of(query):
        args += ["-e", word]
    return args


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def say(text):
    print(f"== {text}", flush=True)


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = os.path.abspath(args.work)
        self.dossier = os.path.abspath(args.dossier)
        self.tantivy = os.path.abspath(args.tantivy)
        self.runs = 3 if args.quick else 10
        self.index_runs = 1 if args.quick else 3
        self.results = {}

    def path(self, *parts):
        return os.path.join(self.work, *parts)

    # ---------------------------------------------------------------- data

    def prepare(self, scale):
        """Corpus copies, passages for the peers, one file an article."""
        root = self.path(f"{scale}x")
        done = os.path.join(root, ".prepared")
        if os.path.exists(done):
            return root
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(os.path.join(root, "corpus"))
        os.makedirs(os.path.join(root, "articles"))
        say(f"preparing the {scale}x corpus")
        lines = open(self.args.corpus, encoding="utf-8").read().splitlines()
        for copy in range(scale):
            with open(os.path.join(root, "corpus", f"part{copy:02d}.jsonl"), "w", encoding="utf-8") as out:
                for line in lines:
                    if not line.strip():
                        continue
                    try:
                        article = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    article["id"] = f"{article.get('id', '')}-{copy}"
                    out.write(json.dumps(article, ensure_ascii=False) + "\n")
                    name = re.sub(r"[^A-Za-z0-9_.-]", "_", article["id"])
                    with open(os.path.join(root, "articles", name + ".txt"), "w", encoding="utf-8") as f:
                        f.write((article.get("title") or "") + "\n\n" + (article.get("body") or ""))
        analysis = subprocess.run(
            [self.dossier, "analyze", "--json", os.path.join(root, "corpus")],
            check=True, capture_output=True).stdout.decode("utf-8")
        title = ""
        with open(os.path.join(root, "docs.jsonl"), "w", encoding="utf-8") as docs, \
                open(os.path.join(root, "docs.csv"), "w", encoding="utf-8", newline="") as table:
            rows = csv.writer(table)
            for line in analysis.splitlines():
                record = json.loads(line)
                if record["type"] == "article":
                    title = record["title"]
                elif record["type"] == "passage":
                    doc_id = f"{record['doc']}:{record['line']}"
                    docs.write(json.dumps({"id": doc_id, "title": title, "body": record["text"]},
                                          ensure_ascii=False) + "\n")
                    rows.writerow([doc_id, title, record["text"]])
        open(done, "w").close()
        return root

    # ------------------------------------------------------------ measuring

    def hyperfine(self, name, commands, runs, prepare=None, shell=False):
        """Runs hyperfine on {label: command}; returns {label: stats}."""
        export = self.path(f"{name}.json")
        cmd = ["hyperfine", "--runs", str(runs), "--export-json", export, "--style", "basic"]
        if not shell:
            cmd.append("-N")
        else:
            cmd += ["--warmup", "0"]
        if prepare:
            cmd += ["--prepare", prepare]
        if not prepare and not shell:
            cmd += ["--warmup", "2"]
        labels = list(commands)
        for label in labels:
            cmd += ["-n", label, commands[label]]
        run(cmd, stdout=subprocess.DEVNULL)
        data = json.load(open(export))
        stats = {}
        for label, result in zip(labels, data["results"]):
            times = result["times"]
            stats[label] = {"median": result["median"], "min": min(times), "max": max(times)}
        return stats

    def peak_memory(self, command):
        """Peak resident memory of one run, in MiB."""
        out = subprocess.run(["/usr/bin/time", "-v", "sh", "-c", command],
                             capture_output=True, text=True)
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr)
        return int(match.group(1)) / 1024 if match else float("nan")

    @staticmethod
    def size_of(path):
        total = 0
        for folder, _, files in os.walk(path):
            total += sum(os.path.getsize(os.path.join(folder, f)) for f in files)
        return total

    def index_commands(self, root):
        dossier_index = os.path.join(root, "dossier-index")
        tantivy_index = os.path.join(root, "tantivy-index")
        sqlite_db = os.path.join(root, "fts5.sqlite")
        load = os.path.join(root, "load.sql")
        with open(load, "w") as f:
            f.write(".bail on\n"
                    "CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, title, body, "
                    "tokenize='porter unicode61 remove_diacritics 2');\n"
                    "BEGIN;\n"
                    f".import --csv {os.path.join(root, 'docs.csv')} p\n"
                    "COMMIT;\n")
        meta = json.dumps({"segments": [], "schema": TANTIVY_SCHEMA, "opstamp": 0})
        q = shlex.quote
        return {
            "dossier": (
                f"rm -rf {q(dossier_index)}",
                f"{q(self.dossier)} --index {q(dossier_index)} index {q(os.path.join(root, 'corpus'))}",
                dossier_index,
            ),
            "tantivy-cli": (
                f"rm -rf {q(tantivy_index)} && mkdir -p {q(tantivy_index)} && "
                f"printf '%s' {q(meta)} > {q(os.path.join(tantivy_index, 'meta.json'))}",
                f"{q(self.tantivy)} index -i {q(tantivy_index)} -t 2 < {q(os.path.join(root, 'docs.jsonl'))}",
                tantivy_index,
            ),
            "sqlite3 FTS5": (
                f"rm -f {q(sqlite_db)}",
                f"sqlite3 {q(sqlite_db)} < {q(load)}",
                sqlite_db,
            ),
        }

    def measure_indexing(self, scale, root):
        say(f"indexing at {scale}x")
        commands = self.index_commands(root)
        stats = {}
        for tool, (prepare, command, target) in commands.items():
            timing = self.hyperfine(f"index-{scale}x-{tool.split()[0]}", {tool: command},
                                    self.index_runs, prepare=prepare, shell=True)[tool]
            run(["sh", "-c", prepare])
            timing["memory"] = self.peak_memory(command)
            timing["size"] = self.size_of(target) if os.path.isdir(target) else os.path.getsize(target)
            if tool == "dossier" and scale == 1:
                self.results["parts-1x"] = breakdown.index_parts(target)
            stats[tool] = timing
        self.results[f"index-{scale}x"] = stats
        self.results[f"text-{scale}x"] = os.path.getsize(self.args.corpus) * scale

    def query_commands(self, root, query, fts, rg):
        q = shlex.quote
        dossier = f"{q(self.dossier)} --color never --index {q(os.path.join(root, 'dossier-index'))} search"
        fts = fts if fts is not None else fts_query(query)
        rg = rg if rg is not None else rg_args(query)
        sql = (f"SELECT id, snippet(p, 2, '[', ']', '...', 16) FROM p WHERE p MATCH {q_sql(fts)} "
               "ORDER BY bm25(p) LIMIT 10")
        return {
            "dossier": f"{dossier} -- {q(query)}",
            "dossier --facets": f"{dossier} --facets -- {q(query)}",
            "rg -i": "rg -i " + " ".join(q(a) for a in rg) + f" {q(os.path.join(root, 'articles'))}",
            "sqlite3 FTS5": f"sqlite3 {q(os.path.join(root, 'fts5.sqlite'))} {q(sql)}",
            "tantivy-cli": f"{q(self.tantivy)} search -i {q(os.path.join(root, 'tantivy-index'))} "
                           f"-q {q(query)}",
        }

    def measure_queries(self, scale, root):
        say(f"queries at {scale}x")
        stats = {}
        for name, query, fts, rg in QUERIES:
            commands = self.query_commands(root, query, fts, rg)
            stats[name] = self.hyperfine(f"query-{scale}x-{name.replace(' ', '-')}", commands, self.runs)
        self.results[f"query-{scale}x"] = stats
        first = self.query_commands(root, QUERIES[0][1], QUERIES[0][2], QUERIES[0][3])
        self.results[f"search-memory-{scale}x"] = {
            "dossier": self.peak_memory(first["dossier"]),
            "dossier --facets": self.peak_memory(first["dossier --facets"]),
        }

    def measure_incremental(self, scale, root):
        say(f"adding one article at {scale}x")
        new = os.path.join(root, "corpus", "added.txt")
        index = os.path.join(root, "dossier-index")
        q = shlex.quote
        command = f"{q(self.dossier)} --index {q(index)} index {q(os.path.join(root, 'corpus'))}"
        prepare = f"rm -f {q(new)} && {command} 2>/dev/null"
        add = (f"printf 'date 2026-11-23 A new article\\n\\nThe harbour council voted on tariffs.\\n' > {q(new)} "
               f"&& {command}")
        self.results[f"incremental-{scale}x"] = self.hyperfine(
            f"incremental-{scale}x", {"dossier index (one new article)": add},
            self.index_runs, prepare=prepare, shell=True)

    def measure_profile(self):
        say("a profile of indexing the first 1,000 articles")
        self.results["profile"] = breakdown.profile_indexing(self.dossier, self.args.corpus, self.work)

    # --------------------------------------------------------------- report

    def write(self, out):
        lines = [
            "# Benchmarks",
            "",
            f"Written by `benches/compare.sh {self.args.corpus}` on {time.strftime('%Y-%m-%d')}; "
            "run it again to reproduce (it installs what it lacks). All tools ran in the same run on "
            "the same machine; times are process start to printed output (hyperfine), memory is the "
            "peak resident set (`/usr/bin/time -v`), ratios are the peer's median over dossier's.",
            "",
            "## Machine and tools",
            "",
        ]
        lines += [f"- {line}" for line in machine()]
        commit = self.results.get("commit") or head_commit()
        lines += [f"- {line}" for line in versions(self.dossier, self.tantivy, commit)]
        for scale in (1, 10):
            if f"index-{scale}x" not in self.results:
                continue
            text = self.results[f"text-{scale}x"]
            lines += ["", f"## Indexing, {scale}x ({text / 1e6:.0f} MB of JSON Lines)", "",
                      "| tool | median | min-max | ratio to dossier | peak memory | index size | size / text |",
                      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
            base = self.results[f"index-{scale}x"]["dossier"]["median"]
            for tool, s in self.results[f"index-{scale}x"].items():
                lines.append(f"| {tool} | {s['median']:.2f} s | {s['min']:.2f}-{s['max']:.2f} s | "
                             f"{s['median'] / base:.2f} | {s['memory']:.0f} MiB | {s['size'] / 1e6:.0f} MB | "
                             f"{s['size'] / text:.2f} |")
            lines += ["", f"## Queries, {scale}x", "",
                      "Medians in milliseconds (min-max); the ratio is the peer's median over "
                      "`dossier search` (top 10 with snippets).", "",
                      "| query | dossier | dossier --facets | rg -i | sqlite3 FTS5 | tantivy-cli |",
                      "| --- | ---: | ---: | ---: | ---: | ---: |"]
            for name, query, _, _ in QUERIES:
                s = self.results[f"query-{scale}x"][name]
                base = s["dossier"]["median"]
                cells = []
                for tool in ["dossier", "dossier --facets", "rg -i", "sqlite3 FTS5", "tantivy-cli"]:
                    t = s[tool]
                    ratio = "" if tool == "dossier" else f" ×{t['median'] / base:.1f}"
                    cells.append(f"{t['median'] * 1e3:.1f} ({t['min'] * 1e3:.1f}-{t['max'] * 1e3:.1f}){ratio}")
                lines.append(f"| {name}: `{query[:40]}{'…' if len(query) > 40 else ''}` | " + " | ".join(cells) + " |")
            memory = self.results[f"search-memory-{scale}x"]
            lines += ["", f"Peak memory of a search at {scale}x: {memory['dossier']:.0f} MiB, "
                          f"{memory['dossier --facets']:.0f} MiB with `--facets`."]
            if f"incremental-{scale}x" in self.results:
                s = self.results[f"incremental-{scale}x"]["dossier index (one new article)"]
                lines += ["", f"Adding one article to the {scale}x index (`dossier index` on the folder): "
                              f"median {s['median']:.2f} s ({s['min']:.2f}-{s['max']:.2f} s)."]
        lines += breakdown.report_lines(self.results)
        # benches/serve_load.sh measures the web server apart; keep its section.
        serve_load = os.path.join("target", "serve-load", "report.md")
        if os.path.isfile(serve_load):
            lines += [""] + open(serve_load, encoding="utf-8").read().strip().split("\n")
        lines += ["", "## Targets", ""] + self.targets()
        with open(out, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        json.dump(self.results, open(self.path("results.json"), "w"), indent=1)

    def targets(self):
        out = []
        r = self.results

        def verdict(ok, why=None):
            if ok:
                return "met"
            return "**not met**" + (f": {WHY[why]}" if why else "")

        if "index-1x" in r:
            i = r["index-1x"]
            d, t, s = i["dossier"]["median"], i["tantivy-cli"]["median"], i["sqlite3 FTS5"]["median"]
            out.append(f"- Indexing 1x at most 1.5 × tantivy-cli: {d / t:.2f} × — "
                       f"{verdict(d <= 1.5 * t, 'indexing')}.")
            size = i["dossier"]["size"] / r["text-1x"]
            out.append(f"- Index size at 1x at most 1.2 × the raw text: {size:.2f} × — "
                       f"{verdict(size <= 1.2, 'size')}.")
            out.append(f"- Indexing 1x at most 0.5 × SQLite FTS5: {d / s:.2f} × — "
                       f"{verdict(d <= 0.5 * s, 'indexing')}.")
            peak = max(r[k]["dossier"]["memory"] for k in ("index-1x", "index-10x") if k in r)
            out.append(f"- Peak memory while indexing within the 1 GiB default budget: "
                       f"{peak:.0f} MiB at most — {verdict(peak <= 1024)}.")
        if "query-1x" in r:
            q = r["query-1x"]
            worst = max(s["dossier"]["median"] for s in q.values())
            out.append(f"- Search median at most 10 ms for every query: worst {worst * 1e3:.1f} ms — "
                       f"{verdict(worst <= 0.010)}.")
            rg = min(s["rg -i"]["median"] / s["dossier"]["median"] for s in q.values())
            out.append(f"- At least 20 × faster than `rg -i`: at least {rg:.1f} × — {verdict(rg >= 20)}.")
            sq = min(s["sqlite3 FTS5"]["median"] / s["dossier"]["median"] for s in q.values())
            out.append(f"- Faster than the sqlite3 FTS5 query: at least {sq:.2f} × — "
                       f"{verdict(sq > 1, 'sqlite')}.")
            facets = max(s["dossier --facets"]["median"] for s in q.values())
            out.append(f"- The same 10 ms with `--facets` (not a target of its own): worst median "
                       f"{facets * 1e3:.1f} ms — {verdict(facets <= 0.010, 'facets')}.")
        if "index-10x" in r:
            ratio = r["index-10x"]["dossier"]["median"] / r["index-1x"]["dossier"]["median"]
            out.append(f"- Indexing 10x at most 11 × the 1x time: {ratio:.1f} × — "
                       f"{verdict(ratio <= 11, 'scale-indexing')}.")
            worst = max(r["query-10x"][n]["dossier"]["median"] / r["query-1x"][n]["dossier"]["median"]
                        for n in r["query-10x"])
            out.append(f"- Query medians at 10x at most 3 × the 1x medians: worst {worst:.1f} × — "
                       f"{verdict(worst <= 3, 'scale')}.")
            memory = r["search-memory-10x"]["dossier"]
            out.append(f"- Memory while searching at 10x under 200 MB: {memory:.0f} MiB — "
                       f"{verdict(memory < 200)}.")
            size = r["index-10x"]["dossier"]["size"] / r["text-10x"]
            out.append(f"- Index size at 10x at most 1.2 × the raw text: {size:.2f} × — "
                       f"{verdict(size <= 1.2, 'size')}.")
        if "incremental-10x" in r:
            s = r["incremental-10x"]["dossier index (one new article)"]["median"]
            out.append(f"- Adding one article to the 10x index in under a second: {s:.2f} s — "
                       f"{verdict(s < 1, 'incremental')}.")
        return out


# Why a target is missed, from the profiles (perf record on the same runs).
WHY = {
    "indexing": "dossier reads every passage for quotations, speakers, people, organisations, "
                "places and dates before indexing it (the analysis is about 45% of indexing's "
                "instructions, the tagger half of that; see the profile above), and indexes more: "
                "a document per quotation, entity and date fields and facets, and the entity "
                "table. The peers index the passages as plain text. Both cores are busy (analysis "
                "on rayon, two tantivy writer threads)",
    "scale-indexing": "the ratio of two medians that each move by the machine's noise (9.8, "
                      "11.7 and 7.5 in earlier runs); at 10x tantivy also merges more and larger "
                      "segments, and the entity table is built over ten times the passages",
    "sqlite": "on a rare word a search is a few milliseconds for either; dossier's process "
              "start, index open and snippet highlighting (it re-analyzes the ten passages shown) "
              "cost about as much as SQLite's whole query",
    "facets": "facets count the entities of every matching passage, read from the entity "
              "table's per-passage lists; a long pasted claim matches most of the index, so the "
              "count reads most of its passages",
    "incremental": "each commit builds the entity table again from every live passage (so that "
                   "an incremental run gives the same table as a rebuild), on both cores since "
                   "session 23; on these virtual machines the memory it touches first is often "
                   "slow to get (docs/speed.md, \"The table on both cores\"), and keeping "
                   "per-segment counts across commits would avoid most of it",
    "size": "dossier stores each passage's text, title and provenance, its quotations as JSON, a "
            "document per quotation, entity and date values, positions for phrase queries and "
            "fast fields for ordering; zstd compresses the store. The parts above: the store's "
            "passage text alone compresses to 18 MB at 1x, and the entity table that facets and "
            "filters read is 11 MB (docs/speed.md, \"The document store\")",
    "scale": "a query costs in proportion to the postings it reads; at ten times the passages "
             "the common words of a long query read ten times the postings",
}


def q_sql(text):
    return "'" + text.replace("'", "''") + "'"


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return [f"{os.cpu_count()} cores ({cpu}), {memory} memory, {platform.system()} {platform.release()}"]


def first_line(command):
    try:
        out = subprocess.run(command, capture_output=True, text=True)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def head_commit():
    return first_line(["git", "rev-parse", "--short", "HEAD"])


def versions(dossier, tantivy, commit):
    """The tools' versions, dossier's at the commit that was measured (a
    report written again with --report-only keeps the run's commit)."""
    return [
        f"{first_line([dossier, '--version'])} at commit {commit}",
        first_line(["rg", "--version"]),
        "sqlite3 " + first_line(["sqlite3", "--version"]).split()[0],
        first_line(["cargo", "install", "--list", "--root", os.path.dirname(os.path.dirname(tantivy))]).rstrip(":"),
        first_line(["hyperfine", "--version"]),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--dossier", required=True)
    parser.add_argument("--tantivy", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--quick", action="store_true", help="fewer runs, 1x only")
    parser.add_argument("--skip-10x", action="store_true", help="1x only")
    parser.add_argument("--report-only", action="store_true",
                        help="write the report again from the last run's results.json")
    args = parser.parse_args()
    bench = Bench(args)
    if args.report_only:
        bench.results = json.load(open(bench.path("results.json")))
        bench.write(args.out)
        return 0
    bench.results["commit"] = head_commit()
    scales = [1] if args.quick or args.skip_10x else [1, 10]
    for scale in scales:
        root = bench.prepare(scale)
        bench.measure_indexing(scale, root)
        bench.measure_queries(scale, root)
        bench.measure_incremental(scale, root)
        if scale == 1 and not args.quick:
            bench.measure_profile()
    bench.write(args.out)
    say(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
