#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Times `backcare plan` against `backcare --version` (the bare start-up) in
# one hyperfine run and prints the ratio. Target: plan <= 1.3x start-up.
# Then the same with a 10-year log (10,956 sessions), where plan reads which
# exercises were done in the last two weeks and the sessions of the last 90
# days that its doses follow, against `history --limit 1` (opening that log).
# Usage: tests/bench/plan.sh [path/to/backcare]   (needs: apt-get install hyperfine)
set -euo pipefail
bin=$(realpath "${1:-build/src/backcare}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data

report() {
  python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["mean"]
for x in r:
    print(f"{x['command'].split('/')[-1]:<90} {x['mean']*1000:7.3f} ms ± {x['stddev']*1000:.3f}  ratio {x['mean']/base:.2f}")
PY
}

hyperfine --shell=none --warmup 20 --runs 300 --export-json "$work/times.json" \
  "$bin --version" \
  "$bin plan --no-save" \
  "$bin plan" \
  "$bin plan --goal strength --equipment band,wall --minutes 20 --format json --no-save" >&2

report "$work/times.json"

python3 "$(dirname "$0")/gen_stats.py" 10956 --end "$(date +%F)" > "$work/10y.jsonl"
"$bin" import -q "$work/10y.jsonl"
hyperfine --shell=none --warmup 10 --runs 200 --export-json "$work/log.json" \
  "$bin history --limit 1" \
  "$bin plan --no-save" \
  "$bin plan --no-save --explain" >&2
report "$work/log.json"
