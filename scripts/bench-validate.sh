#!/usr/bin/env bash
# Times `maturity validate` on the bundled questionnaire (release build), over N runs.
# Usage: scripts/bench-validate.sh [N]   (run by hand; results go in closing notes, not tests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
swift build -c release --product maturity >/dev/null
binary=$(swift build -c release --show-bin-path)/maturity
start=$(date +%s%N)
for _ in $(seq "$runs"); do "$binary" validate >/dev/null; done
end=$(date +%s%N)
echo "maturity validate (bundled, $(wc -l < questionnaires/ia-generative-pme.yaml) lines): $(( (end - start) / runs / 1000000 )) ms per run over $runs runs"
