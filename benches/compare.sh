#!/usr/bin/env bash
# Measures dossier side by side with ripgrep, SQLite FTS5 and tantivy-cli on
# one corpus, in one run, and writes BENCHMARKS.md.
#
#   benches/compare.sh [CORPUS.jsonl] [--quick] [--skip-10x] [--report-only]
#
# CORPUS defaults to ../shared/corpora/news.jsonl (JSON Lines with `id`,
# `title`, `date`, `body`). Installs what it lacks (hyperfine, ripgrep,
# sqlite3, valgrind and GNU time from Debian; tantivy-cli 0.24 with cargo), builds
# dossier in release mode, then hands over to benches/compare.py, which
# prepares the data under target/compare/, runs the measurements and
# writes the report. --quick: fewer runs and no 10x corpus, to try the
# script; --skip-10x: the 1x measurements only; --report-only: write
# BENCHMARKS.md again from the last run's target/compare/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=../shared/corpora/news.jsonl
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
    corpus=$1
    shift
fi
if [ ! -f "$corpus" ]; then
    echo "compare.sh: no corpus at $corpus" >&2
    exit 2
fi
work=target/compare
mkdir -p "$work"

install_deb() {
    local command=$1 package=$2
    command -v "$command" >/dev/null && return
    echo "== installing $package"
    if [ "$(id -u)" -eq 0 ]; then
        apt-get install -y "$package" >/dev/null
    else
        sudo apt-get install -y "$package" >/dev/null
    fi
}
install_deb hyperfine hyperfine
install_deb rg ripgrep
install_deb sqlite3 sqlite3
install_deb valgrind valgrind
[ -x /usr/bin/time ] || install_deb /usr/bin/time time

tantivy=$work/tools/bin/tantivy
if [ ! -x "$tantivy" ]; then
    echo "== installing tantivy-cli 0.24"
    cargo install tantivy-cli --version '~0.24' --root "$work/tools"
fi

echo "== building dossier"
cargo build --release --locked

python3 benches/compare.py --corpus "$corpus" --work "$work" \
    --dossier target/release/dossier --tantivy "$tantivy" --out BENCHMARKS.md "$@"
