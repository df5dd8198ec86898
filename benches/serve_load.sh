#!/usr/bin/env bash
# Load on `dossier serve`: 32 concurrent clients for 20 s against
# /api/search with mixed queries (wrk), over the index of a corpus, with
# the server's memory sampled every second. Writes the figures to
# target/serve-load/report.md and into BENCHMARKS.md.
#
#   benches/serve_load.sh [CORPUS.jsonl] [--duration 20s] [--clients 32]
#
# CORPUS defaults to ../shared/corpora/news.jsonl; its index is kept
# up to date (rebuilt when an older dossier wrote it)
# under target/serve-load/. Installs wrk from Debian when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=../shared/corpora/news.jsonl
duration=20s
clients=32
while [ $# -gt 0 ]; do
    case $1 in
        --duration) duration=$2; shift 2 ;;
        --clients) clients=$2; shift 2 ;;
        *) corpus=$1; shift ;;
    esac
done
[ -f "$corpus" ] || { echo "serve_load.sh: no corpus at $corpus" >&2; exit 2; }
if ! command -v wrk >/dev/null; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get install -y wrk >/dev/null
fi
work=target/serve-load
mkdir -p "$work"
cargo build --release --quiet
dossier=target/release/dossier
# Brought up to date each run: an index an older dossier wrote is rebuilt.
"$dossier" --index "$work/index" index "$corpus" >/dev/null 2>&1 ||
    "$dossier" --index "$work/index" index --rebuild "$corpus" >/dev/null

# Mixed queries: words, phrases, names, filters, facets, long prose.
cat > "$work/queries.lua" <<'LUA'
local paths = {
  "/api/search?q=trump",
  "/api/search?q=oil%20prices&facets=true",
  "/api/search?q=%22federal%20reserve%22",
  "/api/search?q=china%20trade%20tariffs&n=20",
  "/api/search?q=election&place=Iowa",
  "/api/search?q=bank&from=2016&to=2017",
  "/api/search?q=the%20company%20said%20its%20profit%20rose%20in%20the%20third%20quarter",
  "/api/search?q=+market%20-stock&facets=true",
  "/api/search?q=minister&offset=10",
  "/api/search?q=clinton%20campaign&speaker=clinton",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

"$dossier" --index "$work/index" serve --bind 127.0.0.1:0 2> "$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    grep -q "listening on" "$work/server.log" 2>/dev/null && break
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/server.log")
[ -n "$url" ] || { echo "serve_load.sh: the server did not start" >&2; cat "$work/server.log" >&2; exit 2; }

rss() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$server/status"; }
curl -s "$url/api/search?q=warm%20up" >/dev/null
: > "$work/rss.txt"
( while kill -0 $server 2>/dev/null; do rss >> "$work/rss.txt"; sleep 1; done ) &
sampler=$!
wrk -t2 -c"$clients" -d"$duration" --latency -s "$work/queries.lua" "$url" | tee "$work/wrk.txt"
kill $sampler 2>/dev/null || true

rps=$(awk '/^Requests\/sec/ { print $2 }' "$work/wrk.txt")
p50=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")
p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
errors=$(awk '/Non-2xx|Socket errors/ { print }' "$work/wrk.txt" | tr '\n' ' ')
# Resident memory after the first second (the index's mapped pages count).
first=$(sed -n 2p "$work/rss.txt"); last=$(tail -1 "$work/rss.txt"); peak=$(sort -n "$work/rss.txt" | tail -1)
cat > "$work/report.md" <<REPORT
## The web server under load

\`benches/serve_load.sh\`: wrk, $clients concurrent clients for $duration against
\`/api/search\` with ten mixed queries (words, a phrase, filters, facets,
paging, a pasted sentence), over the index of \`$(basename "$corpus")\`, on this
machine's 2 cores with the load generator on the same cores.

| requests/s | p50 | p99 | errors | resident memory, second 1 → end (peak) |
| --- | --- | --- | --- | --- |
| $rps | $p50 | $p99 | ${errors:-none} | $first → $last MiB ($peak MiB) |

Resident memory includes the index pages the searches map in, so it
creeps up as more of the index is read, and the freed memory that the
allocator (mimalloc) keeps for reuse; docs/speed.md says how to trade
it for throughput.
REPORT
python3 - "$work/report.md" <<'PY'
import re, sys
report = open(sys.argv[1], encoding="utf-8").read().strip() + "\n"
text = open("BENCHMARKS.md", encoding="utf-8").read()
text = re.sub(r"## The web server under load\n.*?(?=\n## |\Z)", "", text, flags=re.S).rstrip() + "\n"
if "\n## Targets" in text:
    text = text.replace("\n## Targets", "\n" + report + "\n## Targets", 1)
else:
    text += "\n" + report
open("BENCHMARKS.md", "w", encoding="utf-8").write(text)
PY
cat "$work/report.md"
