#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs clang-tidy with the checks in .clang-tidy over the sources in src/, as
# many at once as there are processors, with the compile commands of a build
# tree.
#
#   tests/tidy.sh [BUILD_DIR] [-- RUN-CLANG-TIDY OPTIONS...]
#
# BUILD_DIR defaults to build-sanitize (a clang tree, so its flags and
# precompiled headers are clang's own: cmake --preset sanitize), else build.
# The generated sources (the built-in catalogue) are left out. Prints the
# findings; exits non-zero only if clang-tidy could not check a file.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=
if [[ $# -gt 0 && $1 != -- ]]; then build=$1; shift; fi
[[ ${1:-} == -- ]] && shift
if [[ -z $build ]]; then
    for b in build-sanitize build; do
        if [[ -f $root/$b/compile_commands.json ]]; then build=$root/$b; break; fi
    done
fi
if [[ -z $build || ! -f $build/compile_commands.json ]]; then
    echo "tidy.sh: no compile_commands.json; configure a tree first (cmake --preset sanitize)" >&2
    exit 2
fi
tidy=
for t in run-clang-tidy run-clang-tidy-14; do
    if command -v "$t" >/dev/null; then tidy=$t; break; fi
done
[[ -n $tidy ]] || { echo "tidy.sh: run-clang-tidy not found; apt-get install clang-tidy" >&2; exit 2; }

# The precompiled headers must exist before clang-tidy reads the commands that use them.
cmake --build "$build" --target backcare_cli >/dev/null
exec "$tidy" -p "$build" -j "$(nproc)" -quiet \
    -header-filter="^$root/src/" "$@" "^$root/src/"
