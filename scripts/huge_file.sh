#!/usr/bin/env bash
# What dossier does with files of 1 GB (or SIZE_MB), with the default
# memory budget of 1 GiB:
# - a text file is refused with a message and exit code 3 (text files up to
#   a sixteenth of the budget are read: 64 MiB), and the rest is indexed;
# - a .jsonl file is read in batches and indexed whole;
# and memory stays within the budget in both runs. It takes some minutes
# and needs 2 GB of disk, so it is not part of CI; run by hand:
#   bash scripts/huge_file.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-1024}"

cargo build --release --locked --quiet
dossier="$PWD/target/release/dossier"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/feed"

echo "== writing a ${size_mb} MB article and a small one"
python3 - "$work/corpus/huge.txt" "$size_mb" <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2]) << 20
paragraph = ("The harbour council met again on Monday. \"We will reopen the port,\" "
             "said Mayor Lena Okafor, who spoke in Port Harcourt on 12 June 2024.\n\n")
block = paragraph * 10_000
with open(path, "w") as out:
    out.write("A huge report\n\n")
    written = 0
    while written < size:
        out.write(block)
        written += len(block)
PY
printf 'Small report\n\nThe ferry runs again.\n' > "$work/corpus/small.txt"
# Articles of six paragraphs of the seeds each, about 12 KB, as in a dump.
python3 - "$work/feed/huge.jsonl" "$size_mb" seeds/*.txt <<'PY'
import json, sys
path, size, seeds = sys.argv[1], int(sys.argv[2]) << 20, sys.argv[3:]
paragraphs = [p for s in seeds for p in open(s, encoding="utf-8", errors="replace").read().split("\n\n")
              if len(p) > 80]
with open(path, "w") as out:
    written, i = 0, 0
    while written < size:
        body = "\n\n".join(paragraphs[(7 * i + k) % len(paragraphs)] for k in range(6))
        line = json.dumps({"id": f"n{i}", "title": f"Item {i}", "body": body}) + "\n"
        out.write(line)
        written += len(line)
        i += 1
    out.write(json.dumps({"id": "last", "body": "The closing item names Qwertzu."}) + "\n")
PY

echo "== dossier index (default memory budget)"
set +e
/usr/bin/time -f "peak memory %M KiB, %e s" \
    "$dossier" --index "$work/index" index "$work/corpus" 2> "$work/stderr"
code=$?
set -e
cat "$work/stderr"
peak_kib=$(sed -n 's/^peak memory \([0-9]*\) KiB.*/\1/p' "$work/stderr")

fail() { echo "FAIL: $*" >&2; exit 1; }
[ "$code" -eq 3 ] || fail "exit code $code, expected 3 (some files skipped)"
grep -q "huge.txt (too large" "$work/stderr" || fail "no message naming huge.txt"
"$dossier" --index "$work/index" search ferry > /dev/null || fail "small.txt was not indexed"
[ "$peak_kib" -lt $((1024 * 1024)) ] || fail "peak memory ${peak_kib} KiB is over the 1 GiB budget"
echo "OK: the ${size_mb} MB text file was refused with a message, the rest indexed, peak memory ${peak_kib} KiB"

echo "== dossier index of a ${size_mb} MB .jsonl (default memory budget)"
/usr/bin/time -f "peak memory %M KiB, %e s" \
    "$dossier" --index "$work/feed-index" index "$work/feed" 2> "$work/stderr" ||
    fail "exit code $?: $(cat "$work/stderr")"
cat "$work/stderr"
peak_kib=$(sed -n 's/^peak memory \([0-9]*\) KiB.*/\1/p' "$work/stderr")
"$dossier" --index "$work/feed-index" search qwertzu > /dev/null || fail "the last line was not indexed"
[ "$peak_kib" -lt $((1024 * 1024)) ] || fail "peak memory ${peak_kib} KiB is over the 1 GiB budget"
echo "OK: the ${size_mb} MB .jsonl was indexed whole, peak memory ${peak_kib} KiB"
