#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SQLite linked statically or dynamically: the start-up cost a person would
# see, measured in one interleaved run. Each round runs every command 50
# times in a row, the commands in a shuffled order; the figures are the
# min and median over the rounds of the time per run, and of the ratio
# dynamic/static within each round (so that drift on a busy machine cancels).
#
#   tests/bench/linking.sh STATIC_BINARY DYNAMIC_BINARY [ROUNDS]
#
# Two such binaries: build once with SQLite from its static archive and once
# from the shared library (see the SQLite lines in CMakeLists.txt), or relink
# one build by hand.
set -euo pipefail
static=${1:?static binary}
dynamic=${2:?dynamic binary}
rounds=${3:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state
python3 "$(dirname "$0")/gen_stats.py" 10956 --end "$(date +%F)" > "$work/10y.jsonl"
"$static" import "$work/10y.jsonl" >/dev/null

commands=("--version" "plan --no-save" "history -n 1")
declare -A times
per_run() {  # microseconds per run of: binary args...
    local t0 t1 i
    t0=$(date +%s%N)
    for ((i = 0; i < 50; i++)); do "$@" >/dev/null; done
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 50000))
}
for ((r = 0; r < rounds; r++)); do
    mapfile -t order < <(for c in "${commands[@]}"; do echo "static|$c"; echo "dynamic|$c"; done | shuf)
    for job in "${order[@]}"; do
        kind=${job%%|*} cmd=${job#*|}
        bin=$static
        [[ $kind == dynamic ]] && bin=$dynamic
        # shellcheck disable=SC2086
        times["$kind|$cmd|$r"]=$(per_run "$bin" $cmd)
    done
done
stat() { sort -n | awk '{ a[NR] = $1 } END { printf "%s %s", a[1], a[int((NR + 1) / 2)] }'; }
printf '%-16s %22s %22s %16s\n' command "static µs min / median" "dynamic µs min / median" "ratio min / median"
for c in "${commands[@]}"; do
    s=$(for ((r = 0; r < rounds; r++)); do echo "${times[static|$c|$r]}"; done | stat)
    d=$(for ((r = 0; r < rounds; r++)); do echo "${times[dynamic|$c|$r]}"; done | stat)
    q=$(for ((r = 0; r < rounds; r++)); do awk -v a="${times[dynamic|$c|$r]}" -v b="${times[static|$c|$r]}" 'BEGIN { printf "%.3f\n", a / b }'; done | stat)
    printf '%-16s %13s / %6s %14s / %6s %9s / %6s\n' "$c" "${s% *}" "${s#* }" "${d% *}" "${d#* }" "${q% *}" "${q#* }"
done
