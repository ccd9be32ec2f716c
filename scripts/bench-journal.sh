#!/usr/bin/env bash
# How long SQLite itself takes to write the rows of a batch import, by journal mode: imports
# N synthetic respondents once (release build), then copies their assessment rows into fresh
# files with 16 KiB pages, 2,000 rows a transaction as `maturity batch` writes them, in WAL
# (synchronous NORMAL, as GRDB sets it) and with a rollback journal (synchronous FULL, SQLite's
# default). Usage: scripts/bench-journal.sh [N] [ROUNDS]   (default: 100000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
rounds=${2:-3}
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (apt-get install sqlite3)"; exit 1; }
swift build -c release --product maturity >/dev/null 2>&1
bin=$PWD/.build/release/maturity
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$bin" sample --count "$n" --seed 1 -o s.csv
"$bin" batch s.csv --db source.db >/dev/null 2>&1 || [ $? -eq 1 ]
sqlite3 source.db ".schema assessment" > schema.sql
replay() {
  rm -f r.db r.db-wal r.db-shm r.db-journal
  {
    echo "PRAGMA page_size = 16384; $1"
    echo "ATTACH 'source.db' AS s;"
    cat schema.sql
    for ((start = 0; start < n; start += 2000)); do
      echo "BEGIN; INSERT INTO assessment SELECT * FROM s.assessment WHERE id > $start AND id <= $((start + 2000)); COMMIT;"
    done
  } > replay.sql
  /usr/bin/time -f "%e %U %S" sqlite3 r.db < replay.sql 2>&1 >/dev/null | tail -1
}
printf '%-10s %8s %8s %8s\n' journal wall_s user_s sys_s
for ((round = 0; round < rounds; round++)); do
  printf '%-10s %8s %8s %8s\n' wal $(replay "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
  printf '%-10s %8s %8s %8s\n' rollback $(replay "PRAGMA journal_mode = DELETE;")
done
