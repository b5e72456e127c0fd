#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The cost of `backcare stats` over ten years, in one run:
#  - `backcare stats --since all` and `--since all --by week` on a 10-year log
#    (3 sessions a day of 4 exercises: 10,956 sessions, 43,824 entries) and on
#    a large one (250,000 sessions, 1,000,000 entries, over the same ten
#    years), against the sqlite3 shell running the same aggregates as SQL on
#    the same file (target: <= 1.3x); after checking, untimed, that the SQL
#    and `stats --format json` agree;
#  - Timewarrior's `timew summary` over the same ten years, holding the
#    10-year log's sessions as intervals (target: backcare >= 20x faster);
#  - peak memory of both stats commands on the large log (target: <= 20 MB).
# The logs end on 2026-11-30 and BACKCARE_NOW pins today to 2026-12-01, so
# every run covers the same period.
# Usage: tests/bench/stats.sh [path/to/backcare]   (needs hyperfine, sqlite3, python3, GNU time, timew)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(realpath "${1:-build/src/backcare}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data TZ=UTC
export BACKCARE_NOW=2026-12-01T12:00:00 TIMEWARRIORDB=$work/timew
today=2026-12-01
small=10956   # 3 a day from 2016-12-01 to 2026-11-30 (3,652 days)
large=250000  # ~68 a day over the same days

echo "== logs: generated and imported"
python3 "$here/gen_stats.py" "$small" > "$work/10y.jsonl"
python3 "$here/gen_stats.py" "$large" > "$work/large.jsonl"
for log in 10y large; do
  "$bin" --db "$work/$log.db" import -q "$work/$log.jsonl"
  sqlite3 "$work/$log.db" "SELECT printf('%-6s %7d sessions %8d entries, %s to %s, %.1f MB', '$log',
    (SELECT count(*) FROM session), (SELECT count(*) FROM entry), min(local_date), max(local_date),
    (SELECT page_count * page_size FROM pragma_page_count, pragma_page_size) / 1e6) FROM session"
done

# What backcare stats reads (see Journal::count, first_day, each_row and
# each_active_day), as aggregate SQL: the per-day totals (two queries, each in
# local_date index order, so without a sort), per-exercise totals (the first
# and second half split at the same middle day as backcare's; SQLite has no
# hash aggregate, so GROUP BY exercise_id sorts every entry done), and the
# days for the streaks. from and the middle are found here, untimed, as backcare
# binds them; backcare's own min(local_date) is the second query.
write_sql() {  # db out.sql
  local from mid
  IFS='|' read -r from mid < <(sqlite3 "$1" "SELECT min(local_date),
    date(min(local_date), '+' || CAST((julianday('$today') - julianday(min(local_date)) + 1) / 2 AS INTEGER) || ' days') FROM session")
  cat > "$2" <<SQL
SELECT count(*) AS logged FROM session;
SELECT min(local_date) AS first_day FROM session;
SELECT s.local_date AS day, count(*) AS sessions, sum(s.duration) AS seconds,
       sum(s.pain_before) AS before_sum, count(s.pain_before) AS before_n,
       sum(s.pain_after) AS after_sum, count(s.pain_after) AS after_n, max(s.pain_after) AS after_max,
       sum(s.goal = 'flexibility') AS flexibility_n, sum(CASE s.goal WHEN 'flexibility' THEN s.duration END) AS flexibility_s,
       sum(s.goal = 'strength') AS strength_n, sum(CASE s.goal WHEN 'strength' THEN s.duration END) AS strength_s,
       sum(s.goal = 'posture') AS posture_n, sum(CASE s.goal WHEN 'posture' THEN s.duration END) AS posture_s,
       sum(s.goal IS NULL) AS balanced_n, sum(CASE WHEN s.goal IS NULL THEN s.duration END) AS balanced_s
FROM session s WHERE s.local_date BETWEEN '$from' AND '$today' GROUP BY s.local_date ORDER BY s.local_date;
SELECT s.local_date AS entry_day, sum(e.status = 'done') AS done, sum(e.status = 'skipped') AS skipped
FROM session s JOIN entry e ON e.session_id = s.id
WHERE s.local_date BETWEEN '$from' AND '$today' GROUP BY s.local_date ORDER BY s.local_date;
SELECT e.exercise_id AS id, count(*) AS times,
       sum(e.sets * e.reps * (CASE e.side WHEN 'each' THEN 2 ELSE 1 END)) AS reps,
       sum(e.sets * e.hold * max(e.reps, 1) * (CASE e.side WHEN 'each' THEN 2 ELSE 1 END)) AS hold,
       max(s.started) AS last_started, s.local_date AS last_done, e.exercise_name AS name,
       avg(CASE WHEN s.local_date < '$mid' THEN e.reps END) AS early_reps, avg(CASE WHEN s.local_date >= '$mid' THEN e.reps END) AS late_reps,
       avg(CASE WHEN s.local_date < '$mid' THEN e.hold END) AS early_hold, avg(CASE WHEN s.local_date >= '$mid' THEN e.hold END) AS late_hold
FROM session s JOIN entry e ON e.session_id = s.id
WHERE s.local_date BETWEEN '$from' AND '$today' AND e.status = 'done' GROUP BY e.exercise_id ORDER BY times DESC;
SELECT DISTINCT s.local_date AS active_day FROM session s WHERE s.local_date <= '$today' ORDER BY 1;
SQL
  # A reference, not a target: SQLite stepping through the very rows backcare
  # folds when the period holds the whole log (Journal::each_row: the sessions,
  # then their entries, each in session order), counted.
  cat > "${2%.sql}-rows.sql" <<SQL
SELECT count(*) FROM (SELECT s.id, s.local_date, s.goal, s.started, s.duration, s.pain_before, s.pain_after
                      FROM session s ORDER BY s.id);
SELECT count(*) FROM (SELECT e.session_id, e.exercise_id, e.sets, e.reps, e.hold, e.side = 'each', e.status = 'done'
                      FROM entry e ORDER BY e.session_id, e.position);
SQL
}

echo "== check (untimed): sqlite3's aggregates against backcare stats --since all --format json"
for log in 10y large; do
  write_sql "$work/$log.db" "$work/$log.sql"
  sqlite3 -json "$work/$log.db" ".read $work/$log.sql" > "$work/$log.sql.json"
  "$bin" --db "$work/$log.db" stats --since all --format json > "$work/$log.stats.json"
  python3 - "$log" "$work/$log.sql.json" "$work/$log.stats.json" <<'PY'
import json, sys
log, sql_out, stats = sys.argv[1], open(sys.argv[2]).read(), json.load(open(sys.argv[3]))
sets, pos, dec = {}, 0, json.JSONDecoder()
while True:  # sqlite3 -json prints one array per result set; tell them apart by their first column
    while pos < len(sql_out) and sql_out[pos].isspace(): pos += 1
    if pos == len(sql_out): break
    rows, pos = dec.raw_decode(sql_out, pos)
    sets[next(iter(rows[0]))] = rows
days, entry_days, ex = sets["day"], sets["entry_day"], sets["id"]
tot = lambda k, rows=days: sum(r[k] or 0 for r in rows)
t, bad = stats["totals"], []
def agree(what, ours, theirs):
    if ours != theirs: bad.append(f"{what}: sqlite3 {ours} != backcare {theirs}")
agree("logged", sets["logged"][0]["logged"], stats["logged_sessions"])
agree("first day", sets["first_day"][0]["first_day"], stats["since"])
agree("sessions", tot("sessions"), t["sessions"])
agree("entries", tot("done", entry_days) + tot("skipped", entry_days), t["entries"])
agree("done", tot("done", entry_days), t["done"])
agree("skipped", tot("skipped", entry_days), t["skipped"])
agree("seconds", tot("seconds"), t["seconds"])
agree("pain before", round(tot("before_sum") / tot("before_n"), 2), t["pain_before"])
agree("pain after", round(tot("after_sum") / tot("after_n"), 2), t["pain_after"])
agree("pain scores", (tot("before_n"), tot("after_n")), (stats["pain"]["before_scores"], stats["pain"]["after_scores"]))
agree("goals", [(tot(g + "_n"), tot(g + "_s")) for g in ("flexibility", "strength", "posture", "balanced")],
      [(g["sessions"], g["seconds"]) for g in stats["goals"]])
agree("exercises", sorted((e["id"], e["name"], e["times"], e["reps"], e["hold"], e["last_done"]) for e in ex),
      sorted((e["id"], e["name"], e["times"], e["reps"], e["hold_seconds"], e["last_done"]) for e in stats["exercises"]))
agree("progression", sorted((e["id"], round(e[f"early_{m}"], 2), round(e[f"late_{m}"], 2))
                            for e in ex for m in ["reps" if p["progression"]["measure"] == "reps_per_set" else "hold"
                                                 for p in stats["exercises"] if p["id"] == e["id"]]),
      sorted((e["id"], e["progression"]["early"], e["progression"]["late"]) for e in stats["exercises"]))
agree("active days", len(sets["active_day"]), stats["active_days"])
print(f"{log:<6} {'agree' if not bad else 'DISAGREE'}: {t['sessions']} sessions, {t['entries']} entries ({t['done']} done, "
      f"{t['skipped']} skipped), {t['seconds']} s; goals, pain, {len(ex)} exercises' names, times, reps, holds, last days and progression, "
      f"{len(sets['active_day'])} active days")
for b in bad: print("  " + b)
sys.exit(1 if bad else 0)
PY
done

echo "== stats --since all: backcare against sqlite3's aggregates (same file, output to /dev/null)"
for log in 10y large; do
  db=$work/$log.db
  if [ "$log" = 10y ]; then runs=(--warmup 5 --runs 40); else runs=(--warmup 2 --runs 10); fi
  hyperfine --shell=none "${runs[@]}" --export-json "$work/$log.json" \
    "$bin --db $db stats --since all" \
    "$bin --db $db stats --since all --by week" \
    "sqlite3 $db '.read $work/$log.sql'" \
    "sqlite3 $db '.read $work/$log-rows.sql'" >&2
done
python3 - "$work" <<'PY'
import json, sys
names = ["backcare stats --since all", "backcare stats --since all --by week", "sqlite3 aggregates",
         "sqlite3 counting backcare's rows (reference)"]
for log in ("10y", "large"):
    r = json.load(open(f"{sys.argv[1]}/{log}.json"))["results"]
    print(f"{log}:")
    for name, x in zip(names, r):
        print(f"  {name:<45} {x['mean']*1000:8.1f} ms ± {x['stddev']*1000:5.1f}")
PY

echo "== timew summary over the same ten years (10-year log as intervals)"
mkdir -p "$TIMEWARRIORDB"
touch "$TIMEWARRIORDB/timewarrior.cfg"  # an existing database: timew asks nothing
python3 "$here/gen_stats.py" "$small" --timew "$TIMEWARRIORDB/data"
intervals=$(timew export :all < /dev/null | grep -c '"start"')
total=$(timew summary 2016-12-01 - "$today" < /dev/null | awk 'NF == 1 && $1 ~ /^[0-9]+:[0-9][0-9]:[0-9][0-9]$/ { t = $1 } END { print t }')
python3 - "$intervals" "$total" "$work/10y.stats.json" <<'PY'
import json, sys
t = json.load(open(sys.argv[3]))["totals"]
h, m, s = map(int, sys.argv[2].split(":"))
ok = int(sys.argv[1]) == t["sessions"] and h * 3600 + m * 60 + s == t["seconds"]
print(f"timew holds {sys.argv[1]} intervals, summary total {sys.argv[2]} ({h * 3600 + m * 60 + s} s): "
      f"{'the same as' if ok else 'NOT the same as'} backcare's {t['sessions']} sessions, {t['seconds']} s")
sys.exit(0 if ok else 1)
PY
hyperfine --shell=none --warmup 2 --runs 10 --export-json "$work/timew.json" \
  "timew summary 2016-12-01 - $today" >&2

echo "== peak memory (GNU time, max RSS)"
for log in 10y large; do
  /usr/bin/time -f "%M" -o "$work/$log-all.rss" "$bin" --db "$work/$log.db" stats --since all > /dev/null
  /usr/bin/time -f "%M" -o "$work/$log-week.rss" "$bin" --db "$work/$log.db" stats --since all --by week > /dev/null
  echo "$log: stats --since all $(($(cat "$work/$log-all.rss") / 1024)) MiB, --by week $(($(cat "$work/$log-week.rss") / 1024)) MiB"
done

echo "== summary"
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
res = {log: json.load(open(f"{w}/{log}.json"))["results"] for log in ("10y", "large")}
for log in ("10y", "large"):
    r = res[log]
    for i, what in ((0, "stats --since all"), (1, "stats --since all --by week")):
        print(f"{log:<6} {what:<28} {r[i]['mean']*1000:8.1f} ms / sqlite3 {r[2]['mean']*1000:8.1f} ms = "
              f"{r[i]['mean']/r[2]['mean']:.2f} (target <= 1.3); sqlite3 counting the rows {r[3]['mean']*1000:.1f} ms")
tw = json.load(open(f"{w}/timew.json"))["results"][0]["mean"]
print(f"timew summary {tw*1000:.0f} ms / backcare stats --since all {res['10y'][0]['mean']*1000:.1f} ms = "
      f"{tw/res['10y'][0]['mean']:.1f}x (target >= 20x)")
for what in ("all", "week"):
    kib = int(open(f"{w}/large-{what}.rss").read())
    print(f"peak, large log, {'stats --since all' if what == 'all' else 'stats --since all --by week'}: "
          f"{kib/1024:.1f} MiB = {kib*1024/1e6:.1f} MB (target <= 20 MB)")
PY
