#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Times `backcare plan` against `backcare --version` (the bare start-up),
# interleaved (interleave.py: each round runs every command once, shuffled;
# min and median of the ratios within rounds). Target: plan <= 1.3x start-up.
# First with an empty log, then with a config of two profiles and a 10-year
# log (10,956 sessions), where plan also reads the exercises done in the
# last two weeks and the sessions of the last 90 days that its doses follow.
# Usage: tests/bench/plan.sh [path/to/backcare] [rounds]   (needs python3)
set -euo pipefail
bin=$(realpath "${1:-build/src/backcare}")
rounds=${2:-200}
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data
mkdir -p "$XDG_CONFIG_HOME/backcare"
cat > "$XDG_CONFIG_HOME/backcare/config.toml" <<'TOML'
default_profile = "desk"

[profile.desk]
place = "desk"
minutes = 5

[profile.home]
place = "floor"
equipment = ["band", "mat"]
minutes = 20
exclude = ["bird-dog"]
TOML

echo "Empty log:"
python3 "$here/interleave.py" --rounds "$rounds" \
  "--version=$bin --version" \
  "plan --no-save=$bin plan --no-save" \
  "plan --profile home --no-save=$bin plan --profile home --no-save" \
  "plan (saves last-plan.json)=$bin plan"

python3 "$here/gen_stats.py" 10956 --end "$(date +%F)" > "$work/10y.jsonl"
"$bin" import -q "$work/10y.jsonl"
echo
echo "10-year log:"
python3 "$here/interleave.py" --rounds "$rounds" \
  "--version=$bin --version" \
  "history --limit 1=$bin history --limit 1" \
  "plan --no-save=$bin plan --no-save" \
  "plan --profile home --no-save=$bin plan --profile home --no-save" \
  "plan --no-save --explain=$bin plan --no-save --explain"
