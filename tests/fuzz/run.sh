#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs backcare's libFuzzer targets for a bounded time under ASan and UBSan.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
#
# SECONDS is each target's time (default 60); TARGETs are some of catalogue,
# config and dose (default: all three). The targets run side by side, each
# for SECONDS.
#
# Needs clang with libFuzzer and the sanitizer runtimes. On Debian 12, on top
# of the project's build dependencies (cmake, ninja-build, libtoml11-dev,
# libfmt-dev, libcli11-dev, libsqlitecpp-dev, nlohmann-json3-dev, catch2):
#
#   apt-get install -y clang libclang-rt-14-dev
#
# (clang is clang 14 there; libclang-rt-14-dev holds libFuzzer and the ASan
# and UBSan runtimes.)
#
# The fuzzers are built in the sanitize preset's tree, build-sanitize/ (the
# one whose tests run under ASan and UBSan; BACKCARE_FUZZ_BUILD overrides the
# place), configured from that preset if it is not there yet, with
# BACKCARE_FUZZ_JOBS parallel jobs (default 1). Each fuzzer starts from the
# checked-in corpus tests/fuzz/corpus/TARGET/, which it only reads; what it
# generates goes to a temporary directory that is removed at the end
# (BACKCARE_FUZZ_KEEP=1 keeps it). An input that crashes, leaks, hangs (over
# 10 s) or runs out of memory is copied to tests/fuzz/corpus/TARGET/crash-<sha1>,
# where ctest replays it from then on, and the script exits 1 once every
# target has run.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
duration=${1:-60}
shift $(( $# > 0 ? 1 : 0 ))
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(catalogue config dose)
if ! [[ $duration =~ ^[0-9]+$ ]] || (( duration < 1 )); then
    echo "usage: $0 [SECONDS] [catalogue|config|dose...]" >&2
    exit 2
fi
for t in "${targets[@]}"; do
    [[ -d $root/tests/fuzz/corpus/$t ]] || { echo "run.sh: unknown target '$t'" >&2; exit 2; }
done

build=${BACKCARE_FUZZ_BUILD:-$root/build-sanitize}
jobs=${BACKCARE_FUZZ_JOBS:-1}

# Configure once. The compiler of a tree cannot change later, so a tree that
# exists is used as it is (CMake refuses BACKCARE_FUZZ=ON in a tree without
# clang and the sanitizers, and says how to make one).
if [[ ! -f $build/CMakeCache.txt ]]; then
    command -v clang++ >/dev/null || { echo "run.sh: clang++ not found; apt-get install clang libclang-rt-14-dev" >&2; exit 2; }
    (cd "$root" && cmake --preset sanitize -B "$build")
fi
cmake --build "$build" --parallel "$jobs" --target "${targets[@]/#/fuzz_}"

work=$(mktemp -d "${TMPDIR:-/tmp}/backcare-fuzz.XXXXXX")
[[ ${BACKCARE_FUZZ_KEEP:-0} == 1 ]] && echo "run.sh: keeping the working corpora in $work"
# Fuzzers still running when the script ends early (Ctrl-C, an error) are stopped.
cleanup() {
    local pid
    for pid in $(jobs -p); do kill "$pid" 2>/dev/null || true; done
    [[ ${BACKCARE_FUZZ_KEEP:-0} == 1 ]] || rm -rf "$work"
}
trap cleanup EXIT

# A UBSan report stops the run (the code is built with -fno-sanitize-recover)
# and is shown with its stack.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

# One target: libFuzzer for the given time, its log and its findings in $work/TARGET/.
fuzz() {
    local t=$1 dict=()
    mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
    [[ -f $root/tests/fuzz/dict/$t.dict ]] && dict=("-dict=$root/tests/fuzz/dict/$t.dict")
    "$build/tests/fuzz/fuzz_$t" \
        -max_total_time="$duration" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$work/$t/artifacts/" "${dict[@]}" \
        "$work/$t/corpus" "$root/tests/fuzz/corpus/$t" >"$work/$t/log" 2>&1
}

echo "run.sh: fuzzing ${targets[*]} side by side for $duration s"
declare -A pids
for t in "${targets[@]}"; do
    fuzz "$t" &
    pids[$t]=$!
done

failed=()
for t in "${targets[@]}"; do
    seeds=$root/tests/fuzz/corpus/$t
    status=0
    wait "${pids[$t]}" || status=$?

    kept=()
    for artifact in "$work/$t/artifacts"/*; do
        [[ -f $artifact ]] || continue
        case $(basename "$artifact") in
            crash-* | leak-* | timeout-* | oom-*) ;;
            *) continue ;;  # e.g. slow-unit-*: not a failure
        esac
        name=crash-$(sha1sum "$artifact" | cut -c1-40)
        cp "$artifact" "$seeds/$name"
        kept+=("$(basename "$artifact") -> tests/fuzz/corpus/$t/$name")
    done
    if (( status != 0 || ${#kept[@]} > 0 )); then
        failed+=("$t")
        echo "run.sh: $t FAILED (exit status $status); the fuzzer's log ends:"
        tail -n 60 "$work/$t/log"
        for k in "${kept[@]}"; do echo "run.sh: kept $k"; done
    else
        echo "run.sh: $t: no crash in $duration s ($(grep -E '^stat::(number_of_executed_units|new_units_added)' "$work/$t/log" | tr '\n' ' '))"
    fi
done

if (( ${#failed[@]} > 0 )); then
    echo "run.sh: failures in: ${failed[*]}; replay with: ctest -R fuzz (in a normal build tree)"
    exit 1
fi
echo "run.sh: all fuzzers ran ${duration} s each without a crash"
