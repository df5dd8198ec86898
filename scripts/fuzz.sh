#!/usr/bin/env bash
# Runs every cargo-fuzz target under fuzz/ for SECONDS each (600 by default)
# and prints libFuzzer's last status line. cargo-fuzz needs nightly flags;
# on a stable toolchain RUSTC_BOOTSTRAP=1 allows them. Findings land in
# fuzz/artifacts/TARGET/, and the corpus grows in fuzz/corpus/TARGET/.
#   bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-600}"

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
started="$(mktemp)"
trap 'rm -f "$started"' EXIT
for target in $(cargo fuzz list); do
    echo "== $target for ${seconds}s"
    mkdir -p "corpus/$target"
    # Seed the corpus with the real articles, so the fuzzer starts from news.
    if [ "$target" = analyze ]; then cp ../seeds/* "corpus/$target/" 2>/dev/null || true; fi
    # And the documents from the PDF/DOCX fixtures (fuzz/seeds/documents).
    if [ -d "seeds/$target" ]; then cp "seeds/$target"/* "corpus/$target/"; fi
    cargo fuzz run -O "$target" -- -max_total_time="$seconds" -max_len=65536 2>&1 |
        tee "/tmp/fuzz-$target.log" | grep -E "^(#[0-9]+\s+DONE|Done|==[0-9]+== ERROR|SUMMARY)" || true
    # Crashes, timeouts, out-of-memory and leaks of this run, not older ones.
    findings="$(find "artifacts/$target" -type f -newer "$started" 2>/dev/null || true)"
    if [ -n "$findings" ]; then
        echo "FINDINGS in fuzz/artifacts/$target:" >&2
        echo "$findings" >&2
        exit 1
    fi
done
