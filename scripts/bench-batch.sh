#!/usr/bin/env bash
# Times `maturity batch` (release build) on synthetic respondents written by `maturity sample`,
# next to the floor of "read the file and store it": the sqlite3 shell importing the same CSV
# into an empty table (.import). Prints wall time, rows per second, the ratio to sqlite3 and
# peak memory (GNU time). Usage: scripts/bench-batch.sh [SIZES...]   (default: 10000 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000 1000000}")
[ $# -eq 0 ] && sizes=(10000 100000 1000000)
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (apt-get install sqlite3)"; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is needed (apt-get install time)"; exit 1; }
swift build -c release --product maturity >/dev/null 2>&1
bin=.build/release/maturity
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%10s %12s %10s %12s %10s %8s %10s\n' respondents file_MB sqlite3_s maturity_s rows/s ratio peak_MB
for n in "${sizes[@]}"; do
  "$bin" sample --count "$n" --seed 1 -o "$work/s.csv"
  mb=$(( $(stat -c %s "$work/s.csv") / 1048576 ))
  rm -f "$work/floor.db"
  # Each timed command starts with nothing left to write back from the step before it (the
  # sample file, the floor's database): on two cores that writeback took 0.3 s from the next run.
  sync
  floor=$( { /usr/bin/time -f %e sqlite3 "$work/floor.db" ".mode csv" ".import $work/s.csv t" ; } 2>&1 | tail -1)
  rm -f "$work/b.db"*
  sync
  /usr/bin/time -o "$work/time" -f "%e %M" "$bin" batch "$work/s.csv" --db "$work/b.db" >/dev/null 2>"$work/err" || [ $? -eq 1 ] || {
    echo "maturity batch failed:"; tail -5 "$work/err"; exit 1; }
  read -r seconds kb < <(tail -1 "$work/time")
  printf '%10d %12d %10.2f %12.2f %10.0f %8.1f %10.0f\n' "$n" "$mb" "$floor" "$seconds" \
    "$(echo "$n / $seconds" | bc -l)" "$(echo "$seconds / $floor" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
done
