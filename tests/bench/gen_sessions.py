#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes N generated sessions (4 exercises each) as backcare JSON Lines.
Usage: gen_sessions.py N [sessions-per-day] > sessions.jsonl"""
import json, sys, uuid, random, datetime

n = int(sys.argv[1])
per_day = int(sys.argv[2]) if len(sys.argv) > 2 else 3
rng = random.Random(42)
ids = ["cat-cow", "childs-pose", "shoulder-blade-squeeze", "wall-angels", "thoracic-extension", "band-rows",
       "chin-tuck", "doorway-pec-stretch", "thread-the-needle", "open-book", "upper-trap-stretch", "shoulder-rolls"]
start = datetime.datetime(2026, 11, 23, tzinfo=datetime.timezone.utc) - datetime.timedelta(days=n // per_day + 1)
out = sys.stdout
for i in range(n):
    t = start + datetime.timedelta(days=i // per_day, hours=8 + 4 * (i % per_day), minutes=rng.randrange(60))
    entries = [{"exercise": e, "sets": rng.randint(1, 3), "reps": rng.choice([0, 8, 10, 12]), "hold_seconds": rng.choice([0, 5, 20, 30])}
               for e in rng.sample(ids, 4)]
    for e in entries:
        if e["reps"] == 0 and e["hold_seconds"] == 0:
            e["reps"] = 10
    out.write(json.dumps({"uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                          "started": t.strftime("%Y-%m-%dT%H:%M:%S+00:00"), "duration_seconds": 300 + rng.randrange(600),
                          "pain_before": rng.randint(0, 6), "pain_after": rng.randint(0, 5), "note": "",
                          "origin": "typed", "entries": entries}) + "\n")
