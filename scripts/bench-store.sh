#!/usr/bin/env bash
# Times scoring and storing: N x `maturity score --save` into a fresh database, then
# `export --format long` and `rescore --all` over them (release build). Run by hand.
# Usage: scripts/bench-store.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-100}
swift build -c release --product maturity >/dev/null
binary=$(swift build -c release --show-bin-path)/maturity
work=$(mktemp -d)
export MATURITY_DB="$work/bench.sqlite"
ms() { echo $(( ($2 - $1) / 1000000 )); }
start=$(date +%s%N)
for i in $(seq "$runs"); do
  "$binary" score --answers questionnaires/examples/advanced-pme.json --save --company "Bench $i" >/dev/null 2>&1
done
saved=$(date +%s%N)
"$binary" export --format long -o "$work/long.csv" 2>/dev/null
exported=$(date +%s%N)
"$binary" rescore --all >/dev/null
rescored=$(date +%s%N)
echo "score --save: $(( $(ms "$start" "$saved") / runs )) ms per assessment over $runs (process start included)"
echo "export --format long: $(ms "$saved" "$exported") ms for $runs assessments ($(($(wc -l < "$work/long.csv") - 1)) rows)"
echo "rescore --all: $(ms "$exported" "$rescored") ms for $runs assessments"
echo "database: $(du -k "$MATURITY_DB" | cut -f1) KiB"
rm -rf "$work"
