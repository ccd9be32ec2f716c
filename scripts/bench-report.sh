#!/usr/bin/env bash
# Times `maturity report` (Markdown and HTML) and a whole piped French interview (release
# build, process start included). Run by hand.
# Usage: scripts/bench-report.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
swift build -c release --product maturity >/dev/null
binary=$(swift build -c release --show-bin-path)/maturity
root=$(pwd)
work=$(mktemp -d)
cd "$work"
export MATURITY_DB="$work/bench.sqlite"
ms() { echo $(( ($2 - $1) / 1000000 )); }
"$binary" score --answers "$root/questionnaires/examples/advanced-pme.json" --save >/dev/null 2>&1
for format in md html; do
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$binary" report 1 --format "$format" >/dev/null; done
  echo "report --format $format: $(( $(ms "$start" "$(date +%s%N)") / runs )) ms per report over $runs"
done
start=$(date +%s%N)
"$binary" interview --lang fr < "$root/Tests/maturityTests/Fixtures/interview-fr.txt" >/dev/null 2>&1
echo "interview, 101 typed lines piped, every answer autosaved: $(ms "$start" "$(date +%s%N)") ms"
cd "$root"
rm -rf "$work"
