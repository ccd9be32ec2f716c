#!/usr/bin/env bash
# Counts the instructions `maturity batch` spends per respondent (valgrind's callgrind, exact
# and repeatable where wall time on a shared machine is not): a dry run (read, check, score,
# plan, build the rows) and a storing run of 2×ROWS respondents, each minus the same run on the
# first ROWS: what one more respondent costs. (A one-row run was the baseline until the second
# worker got its own copy of the questionnaire, parsed in the background by runs of a full
# chunk, which a one-row file never reaches.) The sqlite3 shell's `.import` of the same files is
# the floor. Usage:
#   scripts/count-instructions.sh [ROWS]   (default 2000; needs valgrind and sqlite3)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-2000}
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (apt-get install sqlite3)"; exit 1; }
swift build -c release --product maturity >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Valgrind cannot read Swift's DWARF: count on a copy without it (symbols kept).
strip --strip-debug -o "$work/maturity" .build/release/maturity
"$work/maturity" sample --count "$((2 * rows))" --seed 1 -o "$work/n.csv"
head -$((rows + 1)) "$work/n.csv" > "$work/1.csv"
count() { valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$@" 2>&1 >/dev/null | awk '/Collected/ {print $4}'; }
per_row() { echo $(( ($1 - $2) / rows )); }
dry_n=$(count "$work/maturity" batch "$work/n.csv" --dry-run)
dry_1=$(count "$work/maturity" batch "$work/1.csv" --dry-run)
store_n=$(count "$work/maturity" batch "$work/n.csv" --db "$work/n.db" || true)
store_1=$(count "$work/maturity" batch "$work/1.csv" --db "$work/1.db" || true)
floor_n=$(count sqlite3 "$work/fn.db" ".mode csv" ".import $work/n.csv t")
floor_1=$(count sqlite3 "$work/f1.db" ".mode csv" ".import $work/1.csv t")
dry=$(per_row "$dry_n" "$dry_1")
store=$(per_row "$store_n" "$store_1")
floor=$(per_row "$floor_n" "$floor_1")
printf 'instructions per respondent (%d rows)\n' "$rows"
printf '  read, check, score, plan, build rows: %8d\n' "$dry"
printf '  store (the rest of a storing run):    %8d\n' "$((store - dry))"
printf '  total:                                %8d\n' "$store"
printf '  sqlite3 .import (floor):              %8d\n' "$floor"
printf '  ratio:                                %8.1f×\n' "$(echo "$store / $floor" | bc -l)"
