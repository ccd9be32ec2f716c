#!/usr/bin/env bash
# Times `maturity batch` (release build) on synthetic respondents written by `maturity sample`,
# next to the floor of "read the file and store it": the sqlite3 shell importing the same CSV
# into an empty table (.import). Prints wall time, rows per second, the ratio to sqlite3, peak
# memory (GNU time), and the user and system CPU time of the median run.
# Usage: scripts/bench-batch.sh [SIZES...]   (default: 10000 100000 1000000)
# RUNS=N (default 3): each size is timed N times, sqlite3 and maturity alternating, and the
# median of each is reported (peak memory: the largest); a shared 2-core machine has slow
# spells that one run can fall into.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(10000 100000 1000000)
runs=${RUNS:-3}
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (apt-get install sqlite3)"; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is needed (apt-get install time)"; exit 1; }
swift build -c release --product maturity >/dev/null 2>&1
bin=.build/release/maturity
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The median line of "seconds ..." lines, by seconds.
median() { sort -n | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }'; }

printf '%10s %8s %10s %12s %8s %8s %8s %8s %8s\n' \
  respondents file_MB sqlite3_s maturity_s rows/s ratio peak_MB user_s sys_s
for n in "${sizes[@]}"; do
  "$bin" sample --count "$n" --seed 1 -o "$work/s.csv"
  mb=$(( $(stat -c %s "$work/s.csv") / 1048576 ))
  : > "$work/floors"
  : > "$work/batches"
  for _ in $(seq "$runs"); do
    rm -f "$work/floor.db"
    # Each timed command starts with nothing left to write back from the step before it (the
    # sample file, the floor's database): on two cores that writeback took 0.3 s from the next run.
    sync
    /usr/bin/time -o "$work/time" -f "%e" sqlite3 "$work/floor.db" ".mode csv" ".import $work/s.csv t"
    tail -1 "$work/time" >> "$work/floors"
    rm -f "$work/b.db"*
    sync
    /usr/bin/time -o "$work/time" -f "%e %M %U %S" "$bin" batch "$work/s.csv" --db "$work/b.db" >/dev/null 2>"$work/err" \
      || [ $? -eq 1 ] || { echo "maturity batch failed:"; tail -5 "$work/err"; exit 1; }
    tail -1 "$work/time" >> "$work/batches"
  done
  floor=$(median < "$work/floors")
  read -r seconds _ user sys < <(median < "$work/batches")
  kb=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$work/batches")
  printf '%10d %8d %10.2f %12.2f %8.0f %8.2f %8.0f %8.2f %8.2f\n' "$n" "$mb" "$floor" "$seconds" \
    "$(echo "$n / $seconds" | bc -l)" "$(echo "$seconds / $floor" | bc -l)" "$(echo "$kb / 1024" | bc -l)" "$user" "$sys"
done
