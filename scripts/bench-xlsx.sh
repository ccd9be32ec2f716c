#!/usr/bin/env bash
# Times `maturity batch` (release build) on the same synthetic respondents as CSV and as an
# Excel workbook (scripts/csv-to-xlsx.py), each into a fresh database, and checks that both
# store the same rows. Prints wall time, rows per second and peak memory (GNU time).
# Usage: scripts/bench-xlsx.sh [SIZES...]   (default: 1000 10000 50000; 50,000 is Microsoft
# Forms' cap on responses)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(1000 10000 50000)
[ -x /usr/bin/time ] || { echo "GNU time is needed (apt-get install time)"; exit 1; }
swift build -c release --product maturity >/dev/null
bin=.build/release/maturity
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%10s %8s %8s %10s %10s %10s %10s %10s\n' respondents csv_MB xlsx_MB csv_s xlsx_s xlsx_rows/s csv_peak_MB xlsx_peak_MB
for n in "${sizes[@]}"; do
  "$bin" sample --count "$n" --seed 1 -o "$work/s.csv"
  python3 scripts/csv-to-xlsx.py "$work/s.csv" "$work/s.xlsx"
  results=()
  for file in s.csv s.xlsx; do
    rm -f "$work/b.db"*
    /usr/bin/time -o "$work/time" -f "%e %M" "$bin" batch "$work/$file" --db "$work/b.db" --json >"$work/out.json" 2>"$work/err" || {
      echo "maturity batch $file failed:"; tail -5 "$work/err"; exit 1; }
    stored=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totals"]["stored"])' "$work/out.json")
    [ "$stored" -eq "$n" ] || { echo "$file: $stored stored, $n expected"; exit 1; }
    results+=("$(tail -1 "$work/time")")
  done
  read -r csv_s csv_kb <<<"${results[0]}"
  read -r xlsx_s xlsx_kb <<<"${results[1]}"
  printf '%10d %8.1f %8.1f %10.2f %10.2f %10.0f %10.0f %10.0f\n' "$n" \
    "$(echo "$(stat -c %s "$work/s.csv") / 1048576" | bc -l)" "$(echo "$(stat -c %s "$work/s.xlsx") / 1048576" | bc -l)" \
    "$csv_s" "$xlsx_s" "$(echo "$n / $xlsx_s" | bc -l)" "$(echo "$csv_kb / 1024" | bc -l)" "$(echo "$xlsx_kb / 1024" | bc -l)"
done
