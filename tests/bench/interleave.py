#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Times commands interleaved: each round runs every command once, in a
shuffled order, so the machine's drift falls on all of them alike. Prints,
for each command, the min and median of its times and of its ratio to the
first command within the same round.

Usage: interleave.py [--rounds N] [--warmup N] NAME=COMMAND ...
(COMMAND is split like a shell would, without a shell.)"""
import argparse
import os
import random
import shlex
import statistics
import subprocess
import sys
import time


def run(argv):
    start = time.perf_counter_ns()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter_ns() - start) / 1e6


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=200)
    p.add_argument("--warmup", type=int, default=10)
    p.add_argument("commands", nargs="+")
    a = p.parse_args()
    named = []
    for c in a.commands:
        name, _, command = c.partition("=")
        named.append((name, shlex.split(command)))
    for _ in range(a.warmup):
        for _, argv in named:
            run(argv)
    times = {name: [] for name, _ in named}
    ratios = {name: [] for name, _ in named}
    rng = random.Random(int(os.environ.get("BENCH_SEED", "1")))
    for _ in range(a.rounds):
        order = list(named)
        rng.shuffle(order)
        this = {name: run(argv) for name, argv in order}
        for name, _ in named:
            times[name].append(this[name])
            ratios[name].append(this[name] / this[named[0][0]])
    print(f"{'command':<44} {'min ms':>8} {'median ms':>10} {'ratio min':>10} {'ratio median':>13}   ({a.rounds} rounds)")
    for name, _ in named:
        t, r = times[name], ratios[name]
        print(f"{name:<44} {min(t):8.2f} {statistics.median(t):10.2f} {min(r):10.2f} {statistics.median(r):13.2f}")


if __name__ == "__main__":
    sys.exit(main())
