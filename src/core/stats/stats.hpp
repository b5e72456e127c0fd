// SPDX-License-Identifier: MIT
#pragma once
// Progress summaries for `backcare stats`, computed in one streaming pass over
// the log's entries into per-day and per-exercise totals, so memory grows with
// the days and exercises in the period, never with the rows.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "clock.hpp"
#include "pain.hpp"
#include "session.hpp"
#include "settings.hpp"

namespace backcare {

// An exact quotient of whole numbers (an average is sum / count), so that
// rounding follows one rule exactly, 4.35 as well as 4.25, where binary
// floating point holds 4.35 a little below it.
struct Fraction {
    long long num = 0;
    long long den = 1;  // above 0
    explicit operator double() const { return static_cast<double>(num) / static_cast<double>(den); }
};
// num / den; nullopt when den is 0 (nothing to average).
std::optional<Fraction> ratio(long long num, long long den);
Fraction operator-(const Fraction& a, const Fraction& b);
// The one rounding rule of stats' output (text, JSON and CSV): the value
// times 10^places rounded half away from zero, computed in whole numbers.
long long round_scaled(const Fraction&, int places);
// The value so rounded, as text ("4.3", "-1.1", "13" with no places; never "-0.0").
std::string format_decimal(const Fraction&, int places);
// The value so rounded, as the double nearest it, for JSON (which writes it back as that decimal).
double rounded(const Fraction&, int places);

// 2: "pain_warning", the one rule's warning as plan gives it (was "warnings", two rules).
inline constexpr int stats_json_schema = 2;
inline constexpr int heatmap_weeks = 12;
// A day's shade in the heat map by its seconds (not rounded minutes): 0 none,
// 1 under 5 minutes, 2 from 5 to under 10, 3 from 10 to under 20, 4 20 or more.
int heat_level(long long seconds);

// Which sessions count: all, one goal (a nullopt PlanGoal is "balanced", a
// session logged without a goal), and/or those that include one exercise.
struct StatsFilter {
    std::optional<PlanGoal> goal;
    std::optional<std::string> exercise;
};

// The sessions of one local calendar day (or of a period).
struct DayTotals {
    Date day{};
    int sessions = 0;
    int done = 0;     // entries done (with an exercise filter: of that exercise)
    int skipped = 0;  // entries skipped
    long long seconds = 0;  // the sessions' durations (with an exercise filter: its entries' entry_seconds)
    int pain_before_sum = 0, pain_before_n = 0;
    int pain_after_sum = 0, pain_after_n = 0;
    int pain_after_max = -1;  // -1: none recorded

    void add(const DayTotals&);  // sums everything but day
    friend bool operator==(const DayTotals&, const DayTotals&) = default;
};

struct ExerciseTotals {
    std::string id;
    std::string name;  // as it was logged most recently
    int times = 0;     // entries done
    long long reps = 0;  // sets × reps, both sides counted for one-sided work
    long long hold = 0;  // seconds held in all
    Date last{};
    // Average reps per set and hold seconds in the first and second half of the
    // logged part of the period (from its first session to its end).
    std::optional<Fraction> early_reps, late_reps, early_hold, late_hold;
};

// One time an exercise was logged, for `stats --exercise`.
struct ExerciseTime {
    std::string started;  // local, "2026-11-23T18:30:00+01:00"
    Date day{};
    int sets = 1, reps = 0, hold = 0;
    Side side = Side::both;
    std::string load;
    EntryStatus status = EntryStatus::done;
};

enum class Period { day, week, month };
std::string_view name_of(Period);
std::optional<Period> parse_period(std::string_view);

// An entry's time, estimated from its logged dose by estimate_seconds
// (dose.hpp): sets × reps × (3 s a rep + the hold), or sets × the hold, twice
// for each side; rest and getting into position are not logged, so not counted.
// With --exercise, the seconds of days, periods, goals and the heat map are
// the exercise's own time so estimated, not whole sessions' durations.
long long entry_seconds(int sets, int reps, int hold, bool each_side);

// The first day of the period that holds day; weeks start on week_start (0 = Sunday … 6).
Date period_start(Date day, Period, int week_start);
Date next_period(Date start, Period);

struct PeriodTotals {
    Date start{}, end{};  // inclusive; end is clipped to the range
    DayTotals totals;
};
// Every period from the one holding `from` to the one holding `to`, empty
// ones included, each clipped to [from, to]; days must be sorted by day.
std::vector<PeriodTotals> split(const std::vector<DayTotals>& days, Date from, Date to, Period, int week_start);

// The week days a streak counts (active_days), as bits: bit 0 Sunday … bit 6 Saturday.
inline constexpr unsigned every_day = 0x7f;
// The mask of the days given (0 = Sunday … 6); no days at all is every day.
unsigned weekday_mask(const std::vector<int>& days);
bool counts_day(unsigned mask, Date day);

// A streak is a run of days with a session in which no active day is
// missing: a day that is not active neither breaks it nor, without a
// session, counts; a session on such a day counts and joins the days around
// it. Its length is the days with a session in the run.
struct Streaks {
    int current = 0;  // the run that reaches `until` (or an earlier day, when no active day has been missed since)
    std::optional<Date> current_from;
    bool pending = false;  // the current streak ends before until: it is still alive
    // With a pending streak: the day a session keeps it, until itself when it
    // is an active day, else the next active day after it.
    std::optional<Date> next_day;
    int longest = 0;
    std::optional<Date> longest_from, longest_to;  // the most recent of the longest
};
// Folds days with sessions, in increasing order (repeats allowed), up to
// until; constant work per day, whatever the gaps between them.
class StreakCounter {
public:
    explicit StreakCounter(Date until, unsigned days = every_day) : until_(until), days_(days & every_day ? days & every_day : every_day) {}
    void add(Date day);
    Streaks result() const;

private:
    // Whether an active day lies strictly between a and b.
    bool missed_between(Date a, Date b) const;
    Date until_;
    unsigned days_;
    std::optional<Date> run_from_, run_to_;
    int run_days_ = 0;
    Streaks best_;
};

struct PainSummary {
    std::optional<Fraction> before, after;                  // averages over the period
    std::optional<Fraction> early_before, late_before;      // first and second half
    std::optional<Fraction> early_after, late_after;
    int before_n = 0, after_n = 0;
};


struct GoalTotals {
    PlanGoal goal;
    int sessions = 0;
    long long seconds = 0;
};

// Adherence: how the sessions of each week compare with the weekly target,
// and how each entry compares with the dose planned for it.
struct DoseCounts {
    int full = 0, reduced = 0, skipped = 0, unplanned = 0;
    int excused = 0;  // skipped for time or kit: not in the share at full dose
    void add(DoseClass);
    void add(const DoseCounts&);
    int entries() const { return full + reduced + skipped + unplanned + excused; }
    // full / (full + reduced + skipped) as a percentage; nullopt when that is 0 / 0.
    std::optional<Fraction> full_share() const;
};

struct ExerciseAdherence {
    std::string id;
    std::string name;  // as it was logged most recently
    DoseCounts doses;
};

struct WeekAdherence {
    Date start{}, end{};  // as in Stats::weeks: clipped to the period
    int sessions = 0;
    std::optional<Fraction> share;  // sessions / target as a percentage, over 100 too; nullopt without a target
    bool met = false;             // sessions >= target; false without a target
    bool whole = true;            // the period holds all of the week from the log's first session, and it ended before today
    bool logged = true;           // the week is not before the week of the log's first session
    bool counted = false;         // logged, and whole or met already: a week still open counts once it is met
};

struct Adherence {
    int target = 0;  // sessions a week; 0: no target
    std::optional<Date> first_week;  // the start of the week of the log's first session (after the filter)
    std::vector<WeekAdherence> weeks;
    int weeks_counted = 0, weeks_met = 0;
    std::optional<Fraction> average_share;  // over the counted weeks, each capped at 100
    DoseCounts doses;                     // every entry of the period
    std::vector<ExerciseAdherence> exercises;  // most entries first
};

// The weekly part of Adherence from the weeks of a period (split by week).
// Weeks count from the week of the log's first session (first_session):
// those before it are not counted, and that week counts as a whole one.
Adherence week_adherence(const std::vector<PeriodTotals>& weeks, int target, int week_start, Date today,
                         std::optional<Date> first_session = std::nullopt);

// Everything `backcare stats` shows.
struct Stats {
    Date today{}, from{}, to{};  // the period, inclusive; from is never before the first session when --since all
    Period by = Period::week;
    int week_start = 1;
    int weekly_target = 5;
    unsigned streak_days = every_day;  // the active days, as weekday_mask gives them
    StatsFilter filter;
    std::size_t logged = 0;  // sessions in the whole log, whatever the filter

    DayTotals totals;   // over the period
    int active_days = 0;
    std::vector<PeriodTotals> periods;  // by `by`
    std::vector<PeriodTotals> weeks;    // always by week, for the weekly target
    Streaks streaks;
    Date heat_from{};                   // the first day of the heat map: 12 weeks to the end of to's week
    std::vector<long long> heat_seconds;  // one per day from heat_from, 7 × heatmap_weeks
    std::vector<GoalTotals> goals;      // flexibility, strength, posture, balanced
    std::vector<ExerciseTotals> exercises;  // most done first
    std::vector<ExerciseTime> history;      // with --exercise: each time, oldest first
    PainSummary pain;
    std::vector<std::optional<Fraction>> weekly_pain_after;  // one per entry of weeks
    std::vector<std::optional<Fraction>> weekly_pain_before;
    // The pain warning as of the period's end, by the one rule (pain.hpp),
    // from every session whatever the filter: as plan and due see it.
    std::optional<PainWarning> pain_warning;
    Adherence adherence;
};

// One entry of a logged session, with its session's fields, as the log gives
// them to compute_stats (views valid during the call only).
struct StatsRow {
    std::int64_t session = 0;
    std::string_view local_date;  // "2026-11-23"
    std::string_view goal;        // empty: balanced
    std::int64_t started = 0;
    int duration = 0;
    std::optional<int> pain_before, pain_after;
    bool has_entry = true;  // false for a session without entries
    std::string_view exercise_id;
    int sets = 1, reps = 0, hold = 0;
    bool each_side = false;
    bool done = true;
    bool excused = false;  // skipped for time or kit: it does not count against the exercise
    std::optional<PlannedDose> planned;  // nullopt: logged without a planned dose
};

// What the log gives the summary. Implemented by the journal; tests may fake it.
class StatsSource {
public:
    virtual ~StatsSource() = default;
    virtual std::size_t count() const = 0;
    // The first day with a session in [from, to] (after the filter); nullopt when none.
    virtual std::optional<Date> first_day(const StatsFilter&, Date from, Date to) const = 0;
    // Every entry of the sessions in [from, to] (after the filter); a
    // session's entries come together, the sessions in any order.
    virtual void each_row(Date from, Date to, const StatsFilter&, const std::function<void(const StatsRow&)>&) const = 0;
    // The name an exercise was logged under in a session (names are looked
    // up once per exercise, after the pass, not read with every entry).
    virtual std::string exercise_name(std::int64_t session, const std::string& exercise_id) const = 0;
    // Each distinct day with a session up to `to`, increasing.
    virtual void each_active_day(Date to, const StatsFilter&, const std::function<void(Date)>&) const = 0;
    // With an exercise filter: each time it was logged in [from, to], oldest first.
    virtual std::vector<ExerciseTime> exercise_times(Date from, Date to, const StatsFilter&) const = 0;
    // The pain of every session in [from, to], whatever the filter, oldest first.
    virtual std::vector<ScoredSession> pain_scores(Date from, Date to) const = 0;
};

struct StatsRequest {
    Date today{};
    Date since{}, until{};
    bool all = false;  // since is "all": the period starts at the first session
    Period by = Period::week;
    StatsFilter filter;
    int week_start = 1;
    int weekly_target = 5;
    unsigned streak_days = every_day;  // active_days, for streaks
};
// The default period: the heat map's 12 weeks, to the end of today.
Date default_since(Date today, int week_start);
// Throws UsageError when since is after until, naming them by the words the
// person typed when there are any (since_words empty: by date; until_words
// empty while since_words is not: until is today, as without --until).
void check_period(Date since, Date until, std::string_view since_words = {}, std::string_view until_words = {});
// Throws UsageError when since is after until (check_period).
Stats compute_stats(const StatsSource&, const StatsRequest&);

}  // namespace backcare
