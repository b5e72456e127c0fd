#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The log's costs, in one run:
#  - `backcare log` of one session against the sqlite3 shell inserting one
#    row into the same file (target: <= 1.5x);
#  - `backcare import` of 100,000 generated sessions of 4 exercises
#    (target: >= 50,000 sessions/s);
#  - `backcare export` peak memory at 10,000 and 100,000 sessions (target:
#    it does not grow with the log).
# Usage: tests/bench/log.sh [path/to/backcare]   (needs hyperfine, sqlite3, python3, GNU time)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(realpath "${1:-build/src/backcare}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data TZ=UTC
db=$work/one.db
"$bin" --db "$db" log cat-cow:10 -q

echo "== one session: backcare log vs sqlite3 INSERT (same file, synchronous=FULL)"
hyperfine --shell=none --warmup 10 --runs 200 --export-json "$work/log.json" \
  "$bin --db $db log -q cat-cow:10 childs-pose:30s band-rows:2x12 shoulder-blade-squeeze:10x5s" \
  "sqlite3 $db \"PRAGMA synchronous=FULL; INSERT INTO session (uuid, started, utc_offset, duration, origin) VALUES (lower(hex(randomblob(16))), 1790000000, 0, 300, 'typed')\"" >&2
python3 - "$work/log.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(f"backcare log   {r[0]['mean']*1000:7.2f} ms ± {r[0]['stddev']*1000:.2f}")
print(f"sqlite3 insert {r[1]['mean']*1000:7.2f} ms ± {r[1]['stddev']*1000:.2f}")
print(f"ratio          {r[0]['mean']/r[1]['mean']:.2f}  (target <= 1.5)")
PY

echo "== import and export"
python3 "$here/gen_sessions.py" 100000 > "$work/100k.jsonl"
head -n 10000 "$work/100k.jsonl" > "$work/10k.jsonl"
for n in 10k 100k; do
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/import-$n.rss" "$bin" --db "$work/$n.db" import -q "$work/$n.jsonl"
  end=$(date +%s.%N)
  count=$(wc -l < "$work/$n.jsonl")
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'import {sys.argv[3]:>7} sessions: {s:6.2f} s, {int(sys.argv[3])/s:9.0f} sessions/s (target >= 50000), peak {int(sys.argv[4])/1024:.1f} MiB')" \
    "$start" "$end" "$count" "$(cat "$work/import-$n.rss")"
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/export-$n.rss" "$bin" --db "$work/$n.db" export > "$work/export-$n.jsonl"
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'export {sys.argv[3]:>7} sessions: {s:6.2f} s, peak {int(sys.argv[4])/1024:.1f} MiB')" \
    "$start" "$end" "$count" "$(cat "$work/export-$n.rss")"
done
