#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes N generated sessions (4 exercises each) spread evenly over the DAYS
days that end on END, for stats.sh: as backcare JSON Lines on standard output,
or with --timew DIR as Timewarrior data files in DIR (one interval per
session, tagged "backcare" and its goal; the YYYY-MM.data lines and tags.data
that `timew track` writes, since timew 1.4 has no import). Unlike
gen_sessions.py the sessions also vary in goal, some entries are skipped and
some pain scores are missing, so that every column `backcare stats` sums is
exercised. Same arguments, same sessions.
Usage: gen_stats.py N [--end 2026-11-30] [--days 3652] [--timew DIR] [> sessions.jsonl]"""
import argparse, collections, datetime, json, os, random, sys, uuid

p = argparse.ArgumentParser()
p.add_argument("n", type=int)
p.add_argument("--end", default="2026-11-30")
p.add_argument("--days", type=int, default=3652)  # 2016-12-01 to 2026-11-30
p.add_argument("--timew", metavar="DIR")
a = p.parse_args()

rng = random.Random(42)
ids = ["cat-cow", "childs-pose", "shoulder-blade-squeeze", "wall-angels", "thoracic-extension", "band-rows",
       "chin-tuck", "doorway-pec-stretch", "thread-the-needle", "open-book", "upper-trap-stretch", "shoulder-rolls"]
goals = ["flexibility", "strength", "posture", "balanced"]
first = datetime.datetime.fromisoformat(a.end).replace(tzinfo=datetime.timezone.utc) - datetime.timedelta(days=a.days - 1)
out = sys.stdout
months = collections.defaultdict(list)  # "2016-12" -> interval lines, for --timew
tags = collections.Counter()
day, k, per_day = -1, 0, 0
for i in range(a.n):
    d = i * a.days // a.n  # session i is the k-th of day d's per_day, spread over 06:00-22:00
    if d != day:
        day, k = d, 0
        per_day = (((d + 1) * a.n + a.days - 1) // a.days) - ((d * a.n + a.days - 1) // a.days)
    slot = 16 * 3600 // per_day
    t = first + datetime.timedelta(days=d, seconds=6 * 3600 + k * slot + (rng.randrange(slot - 900) if slot > 900 else 0))
    k += 1
    duration = 300 + rng.randrange(600)
    goal = rng.choice(goals)
    entries = [{"exercise": e, "sets": rng.randint(1, 3), "reps": rng.choice([0, 8, 10, 12]), "hold_seconds": rng.choice([0, 5, 20, 30])}
               for e in rng.sample(ids, 4)]
    for e in entries:
        if e["reps"] == 0 and e["hold_seconds"] == 0:
            e["reps"] = 10
        if rng.random() < 0.05:
            e["status"] = "skipped"
    session = {"uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
               "started": t.strftime("%Y-%m-%dT%H:%M:%S+00:00"), "duration_seconds": duration, "goal": goal,
               "pain_before": rng.randint(0, 6) if rng.random() < 0.9 else None,
               "pain_after": rng.randint(0, 5) if rng.random() < 0.9 else None, "note": "",
               "origin": "typed", "entries": entries}
    if a.timew:
        end = t + datetime.timedelta(seconds=duration)
        months[t.strftime("%Y-%m")].append(f"inc {t:%Y%m%dT%H%M%SZ} - {end:%Y%m%dT%H%M%SZ} # backcare {goal}\n")
        tags.update(["backcare", goal])
    else:
        out.write(json.dumps(session) + "\n")
if a.timew:
    os.makedirs(a.timew, exist_ok=True)
    for month, lines in months.items():
        with open(os.path.join(a.timew, month + ".data"), "w") as f:
            f.writelines(lines)
    with open(os.path.join(a.timew, "tags.data"), "w") as f:
        f.write("{\n" + ",\n".join(f'  "{tag}":{{"count":{n}}}' for tag, n in sorted(tags.items())) + "\n}")
