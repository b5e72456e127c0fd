// SPDX-License-Identifier: MIT
#include "stats.hpp"

#include <algorithm>
#include <climits>
#include <map>

#include <fmt/format.h>

#include "dose.hpp"
#include "errors.hpp"
#include "text.hpp"

namespace backcare {

using namespace std::chrono;

// Room for products of two long longs (a difference of fractions, a value times 10^places).
__extension__ typedef __int128 Wide;

std::optional<Fraction> ratio(long long num, long long den) {
    if (den == 0) return std::nullopt;
    if (den < 0) {
        num = -num;
        den = -den;
    }
    return Fraction{num, den};
}

Fraction operator-(const Fraction& a, const Fraction& b) {
    Wide num = static_cast<Wide>(a.num) * b.den - static_cast<Wide>(b.num) * a.den;
    Wide den = static_cast<Wide>(a.den) * b.den;
    Wide g = num < 0 ? -num : num, h = den;
    while (h != 0) {
        const Wide t = g % h;
        g = h;
        h = t;
    }
    if (g > 1) {
        num /= g;
        den /= g;
    }
    return Fraction{static_cast<long long>(num), static_cast<long long>(den)};
}

long long round_scaled(const Fraction& f, int places) {
    Wide n = f.num;
    for (int i = 0; i < places; ++i) n *= 10;
    const Wide d = f.den;
    Wide q = n / d;
    const Wide r = n % d;  // the sign of n
    if (2 * (r < 0 ? -r : r) >= d) q += n < 0 ? -1 : 1;
    return static_cast<long long>(q);
}

std::string format_decimal(const Fraction& f, int places) {
    const long long v = round_scaled(f, places);
    long long scale = 1;
    for (int i = 0; i < places; ++i) scale *= 10;
    const unsigned long long a = v < 0 ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    std::string out = v < 0 ? "-" : "";
    out += std::to_string(a / static_cast<unsigned long long>(scale));
    if (places > 0) out += fmt::format(".{:0{}}", a % static_cast<unsigned long long>(scale), places);
    return out;
}

double rounded(const Fraction& f, int places) {
    double scale = 1;
    for (int i = 0; i < places; ++i) scale *= 10;
    return static_cast<double>(round_scaled(f, places)) / scale;
}

void DayTotals::add(const DayTotals& o) {
    sessions += o.sessions;
    done += o.done;
    skipped += o.skipped;
    seconds += o.seconds;
    pain_before_sum += o.pain_before_sum;
    pain_before_n += o.pain_before_n;
    pain_after_sum += o.pain_after_sum;
    pain_after_n += o.pain_after_n;
    pain_after_max = std::max(pain_after_max, o.pain_after_max);
}

std::string_view name_of(Period p) {
    switch (p) {
        case Period::day: return "day";
        case Period::week: return "week";
        case Period::month: return "month";
    }
    return "week";
}

std::optional<Period> parse_period(std::string_view s) {
    for (Period p : {Period::day, Period::week, Period::month})
        if (name_of(p) == s) return p;
    return std::nullopt;
}

Date period_start(Date day, Period p, int week_start) {
    switch (p) {
        case Period::day: return day;
        case Period::week: {
            const int wd = static_cast<int>(weekday{day}.c_encoding());
            return day - days{(wd - week_start + 7) % 7};
        }
        case Period::month: {
            const year_month_day ymd{day};
            return sys_days{ymd.year() / ymd.month() / 1};
        }
    }
    return day;
}

Date next_period(Date start, Period p) {
    switch (p) {
        case Period::day: return start + days{1};
        case Period::week: return start + days{7};
        case Period::month: return sys_days{year_month_day{start} + months{1}};
    }
    return start + days{1};
}

std::vector<PeriodTotals> split(const std::vector<DayTotals>& day_rows, Date from, Date to, Period p, int week_start) {
    std::vector<PeriodTotals> out;
    if (from > to) return out;
    auto row = day_rows.begin();
    while (row != day_rows.end() && row->day < from) ++row;
    for (Date start = period_start(from, p, week_start); start <= to; start = next_period(start, p)) {
        PeriodTotals pt;
        pt.start = std::max(start, from);
        pt.end = std::min(next_period(start, p) - days{1}, to);
        for (; row != day_rows.end() && row->day <= pt.end; ++row) pt.totals.add(*row);
        out.push_back(pt);
    }
    return out;
}

unsigned weekday_mask(const std::vector<int>& days) {
    unsigned mask = 0;
    for (int d : days)
        if (d >= 0 && d < 7) mask |= 1u << d;
    return mask ? mask : every_day;
}

bool counts_day(unsigned mask, Date day) { return (mask >> weekday{day}.c_encoding()) & 1u; }

bool StreakCounter::missed_between(Date a, Date b) const {
    const auto between = (b - a).count() - 1;
    if (between <= 0) return false;
    if (between >= 7) return true;  // a whole week: every active day is in it
    for (Date d = a + days{1}; d < b; d += days{1})
        if (counts_day(days_, d)) return true;
    return false;
}

void StreakCounter::add(Date day) {
    if (day > until_) return;
    if (run_to_ && day <= *run_to_) return;  // a second session on the same day
    if (run_to_ && !missed_between(*run_to_, day)) {
        run_to_ = day;
        ++run_days_;
    } else {
        run_from_ = day;
        run_to_ = day;
        run_days_ = 1;
    }
    if (run_days_ >= best_.longest) {
        best_.longest = run_days_;
        best_.longest_from = run_from_;
        best_.longest_to = run_to_;
    }
}

Streaks StreakCounter::result() const {
    Streaks s = best_;
    if (run_to_ && !missed_between(*run_to_, until_)) {
        s.current = run_days_;
        s.current_from = run_from_;
        s.pending = *run_to_ != until_;
        if (s.pending) {
            Date next = until_;
            while (!counts_day(days_, next)) next += days{1};
            s.next_day = next;
        }
    }
    return s;
}

void DoseCounts::add(DoseClass c) {
    switch (c) {
        case DoseClass::full: ++full; break;
        case DoseClass::reduced: ++reduced; break;
        case DoseClass::skipped: ++skipped; break;
        case DoseClass::unplanned: ++unplanned; break;
    }
}

void DoseCounts::add(const DoseCounts& o) {
    full += o.full;
    reduced += o.reduced;
    skipped += o.skipped;
    excused += o.excused;
    unplanned += o.unplanned;
}

std::optional<Fraction> DoseCounts::full_share() const { return ratio(100LL * full, full + reduced + skipped); }

Adherence week_adherence(const std::vector<PeriodTotals>& weeks, int target, int week_start, Date today,
                         std::optional<Date> first_session) {
    Adherence a;
    a.target = std::max(target, 0);
    if (first_session) a.first_week = period_start(*first_session, Period::week, week_start);
    long long capped = 0;  // sessions of the counted weeks, each week's up to the target
    for (const auto& w : weeks) {
        WeekAdherence wa;
        wa.start = w.start;
        wa.end = w.end;
        wa.sessions = w.totals.sessions;
        const Date first = period_start(w.start, Period::week, week_start);
        // A period that starts at or before the first session holds all of its week that was logged.
        const bool from_start = w.start == first || (first_session && w.start <= *first_session);
        wa.whole = from_start && w.end == first + days{6} && w.end < today;
        wa.logged = !a.first_week || first >= *a.first_week;
        if (a.target > 0) {
            wa.share = ratio(100LL * wa.sessions, a.target);
            wa.met = wa.sessions >= a.target;
            wa.counted = wa.logged && (wa.whole || wa.met);
        }
        if (wa.counted) {
            ++a.weeks_counted;
            if (wa.met) ++a.weeks_met;
            capped += std::min(wa.sessions, a.target);
        }
        a.weeks.push_back(wa);
    }
    if (a.weeks_counted > 0) a.average_share = ratio(100LL * capped, static_cast<long long>(a.target) * a.weeks_counted);
    return a;
}

long long entry_seconds(int sets, int reps, int hold, bool each_side) {
    Dose d;
    d.sets = sets;
    d.reps = reps;
    d.hold = hold;
    d.per_side = each_side;
    return estimate_seconds(d);
}

int heat_level(long long seconds) {
    if (seconds <= 0) return 0;
    return seconds < 300 ? 1 : seconds < 600 ? 2 : seconds < 1200 ? 3 : 4;  // 5, 10 and 20 minutes
}

Date default_since(Date today, int week_start) {
    return period_start(today, Period::week, week_start) - days{7 * (heatmap_weeks - 1)};
}

namespace {

struct ExerciseAcc {
    ExerciseTotals totals;
    DoseCounts doses;
    std::int64_t last_started = INT64_MIN;
    std::int64_t last_session = 0;  // where its name is looked up
    std::int64_t skipped_started = INT64_MIN;
    std::int64_t skipped_session = 0;  // where, for an exercise only skipped
    long long early_reps = 0, late_reps = 0, early_hold = 0, late_hold = 0;
    long long early_n = 0, late_n = 0;
};

// Folds the rows of compute_stats's pass, in whatever order the sessions
// come: days go to their place in [from, to]; a new day string is parsed once.
class Aggregator {
public:
    // middle: the first day of the second half of the logged part of the period.
    Aggregator(Stats& st, Date from, Date to, Date middle)
        : st_(st), from_(from), middle_(middle), days_(static_cast<std::size_t>((to - from).count() + 1)) {}

    void add(const StatsRow& r) {
        if (r.session != session_ || first_) {
            first_ = false;
            session_ = r.session;
            start_session(r);
        }
        if (!day_totals_ || !r.has_entry || (st_.filter.exercise && r.exercise_id != *st_.filter.exercise)) return;
        (r.done ? day_totals_->done : day_totals_->skipped) += 1;
        if (in_period_) (r.done ? st_.totals.done : st_.totals.skipped) += 1;
        if (st_.filter.exercise && r.done) add_seconds(entry_seconds(r.sets, r.reps, r.hold, r.each_side));
        if (in_period_) add_exercise(r);
    }

    // The days with a session, in order.
    std::vector<DayTotals> days() {
        std::vector<DayTotals> out;
        for (std::size_t i = 0; i < days_.size(); ++i)
            if (days_[i].sessions > 0) {
                out.push_back(days_[i]);
                out.back().day = from_ + std::chrono::days{static_cast<int>(i)};
            }
        return out;
    }

    // The exercises done, and every exercise's doses against the plan (those only skipped too).
    std::vector<ExerciseTotals> exercises(const StatsSource& src, std::vector<ExerciseAdherence>& doses) {
        std::vector<ExerciseTotals> out;
        for (auto& [id, a] : exercises_) {
            auto& t = a.totals;
            t.id = id;
            t.name = src.exercise_name(t.times > 0 ? a.last_session : a.skipped_session, id);
            doses.push_back({id, t.name, a.doses});
            if (t.times == 0) continue;
            t.early_reps = ratio(a.early_reps, a.early_n);
            t.late_reps = ratio(a.late_reps, a.late_n);
            t.early_hold = ratio(a.early_hold, a.early_n);
            t.late_hold = ratio(a.late_hold, a.late_n);
            out.push_back(std::move(t));
        }
        std::stable_sort(out.begin(), out.end(), [](const ExerciseTotals& a, const ExerciseTotals& b) { return a.times > b.times; });
        std::stable_sort(doses.begin(), doses.end(), [](const ExerciseAdherence& a, const ExerciseAdherence& b) {
            return a.doses.entries() > b.doses.entries();
        });
        return out;
    }

private:
    void start_session(const StatsRow& r) {
        if (r.local_date != date_text_) {
            date_text_ = r.local_date;
            day_ = parse_date(r.local_date).value_or(Date{});
            const auto i = (day_ - from_).count();
            day_totals_ = i >= 0 && i < static_cast<long>(days_.size()) ? &days_[static_cast<std::size_t>(i)] : nullptr;
            in_period_ = day_ >= st_.from;
            late_ = day_ >= middle_;
        }
        if (!day_totals_) return;  // outside the pass's days: the log gave more than asked
        DayTotals one;
        one.sessions = 1;
        one.seconds = r.duration;
        if (r.pain_before) {
            one.pain_before_sum = *r.pain_before;
            one.pain_before_n = 1;
        }
        if (r.pain_after) {
            one.pain_after_sum = *r.pain_after;
            one.pain_after_n = 1;
            one.pain_after_max = *r.pain_after;
        }
        // With an exercise filter, its entries bring their own time (add_seconds).
        if (st_.filter.exercise) one.seconds = 0;
        day_totals_->add(one);
        goal_ = nullptr;
        if (!in_period_) {
            add_heat(one.seconds);
            return;
        }
        st_.totals.add(one);
        const PlanGoal goal = r.goal.empty() ? PlanGoal{} : parse_enum<Goal>(r.goal);
        for (auto& g : st_.goals)
            if (g.goal == goal) {
                g.sessions += 1;
                goal_ = &g;
            }
        add_seconds(one.seconds, false);
    }

    void add_heat(long long seconds) {
        if (day_ >= st_.heat_from) st_.heat_seconds[static_cast<std::size_t>((day_ - st_.heat_from).count())] += seconds;
    }

    // Seconds of the current session: its day (unless already added), the heat map, and in the period the totals and its goal.
    void add_seconds(long long seconds, bool to_day = true) {
        if (to_day) day_totals_->seconds += seconds;
        add_heat(seconds);
        if (!in_period_) return;
        if (to_day) st_.totals.seconds += seconds;
        if (goal_) goal_->seconds += seconds;
    }

    void add_exercise(const StatsRow& r) {
        // The same exercise often follows itself in a routine's position; look up only on a change.
        if (!last_exercise_ || last_exercise_->first != r.exercise_id) {
            auto it = exercises_.find(r.exercise_id);
            if (it == exercises_.end()) it = exercises_.emplace(std::string(r.exercise_id), ExerciseAcc{}).first;
            last_exercise_ = &*it;
        }
        auto& a = last_exercise_->second;
        if (!r.done && r.excused)
            ++a.doses.excused;
        else
            a.doses.add(dose_class(r.done, r.sets, r.reps, r.hold, r.planned));
        if (!r.done) {
            if (r.started >= a.skipped_started) {
                a.skipped_started = r.started;
                a.skipped_session = r.session;
            }
            return;
        }
        auto& t = a.totals;
        const int sides = r.each_side ? 2 : 1;
        t.times += 1;
        t.reps += static_cast<long long>(r.sets) * r.reps * sides;
        t.hold += static_cast<long long>(r.sets) * r.hold * std::max(r.reps, 1) * sides;
        if (r.started >= a.last_started) {
            a.last_started = r.started;
            a.last_session = r.session;
            t.last = day_;
        }
        (late_ ? a.late_reps : a.early_reps) += r.reps;
        (late_ ? a.late_hold : a.early_hold) += r.hold;
        (late_ ? a.late_n : a.early_n) += 1;
    }

    Stats& st_;
    Date from_, middle_;
    std::vector<DayTotals> days_;  // one per day of the pass
    bool first_ = true;
    std::int64_t session_ = 0;
    std::string date_text_;
    Date day_{};
    DayTotals* day_totals_ = nullptr;
    bool in_period_ = false, late_ = false;
    GoalTotals* goal_ = nullptr;  // the current session's, in the period
    std::map<std::string, ExerciseAcc, std::less<>> exercises_;
    std::pair<const std::string, ExerciseAcc>* last_exercise_ = nullptr;
};

// Pain over the period and the two halves of its logged part (split at middle).
PainSummary pain_summary(const DayTotals& totals, const std::vector<DayTotals>& days, Date from, Date middle) {
    DayTotals early, late;
    for (const auto& d : days)
        if (d.day >= from) (d.day < middle ? early : late).add(d);
    PainSummary pain;
    pain.before = ratio(totals.pain_before_sum, totals.pain_before_n);
    pain.after = ratio(totals.pain_after_sum, totals.pain_after_n);
    pain.before_n = totals.pain_before_n;
    pain.after_n = totals.pain_after_n;
    pain.early_before = ratio(early.pain_before_sum, early.pain_before_n);
    pain.late_before = ratio(late.pain_before_sum, late.pain_before_n);
    pain.early_after = ratio(early.pain_after_sum, early.pain_after_n);
    pain.late_after = ratio(late.pain_after_sum, late.pain_after_n);
    return pain;
}

// Streaks look at the whole log up to `to`: the days given when they are all
// of its days with a session, else each such day asked of the source.
Streaks streaks_to(Date to, unsigned active, const StatsSource& src, const StatsFilter& filter,
                   const std::vector<DayTotals>* all_days) {
    StreakCounter streaks(to, active);
    if (all_days) {
        for (const auto& d : *all_days) streaks.add(d.day);
    } else {
        src.each_active_day(to, filter, [&](Date d) { streaks.add(d); });
    }
    return streaks.result();
}

}  // namespace

void check_period(Date since, Date until, std::string_view since_words, std::string_view until_words) {
    if (since <= until) return;
    const std::string from = since_words.empty() ? format_date(since) : std::string(since_words);
    if (!since_words.empty() && until_words.empty())
        throw UsageError(fmt::format("--since {} is after today ({})", from, format_date(until)));
    throw UsageError(fmt::format("--since {} is after --until {}: nothing can be in between", from,
                                 until_words.empty() ? format_date(until) : std::string(until_words)));
}

Stats compute_stats(const StatsSource& src, const StatsRequest& rq) {
    check_period(rq.since, rq.until);
    Stats st;
    st.today = rq.today;
    st.by = rq.by;
    st.week_start = rq.week_start;
    st.weekly_target = rq.weekly_target;
    st.streak_days = rq.streak_days & every_day ? rq.streak_days & every_day : every_day;
    st.filter = rq.filter;
    st.logged = src.count();
    st.to = rq.until;
    st.from = rq.since;
    if (rq.all) {
        const auto first = src.first_day(rq.filter, rq.since, st.to);
        st.from = first ? std::min(*first, st.to) : st.to;
    }
    for (PlanGoal g : {PlanGoal{Goal::flexibility}, PlanGoal{Goal::strength}, PlanGoal{Goal::posture}, PlanGoal{}})
        st.goals.push_back({g, 0, 0});

    // One pass over the entries from the earliest day needed: the period, the
    // heat map and the last three weeks (pain warnings).
    st.heat_from = period_start(st.to, Period::week, rq.week_start) - days{7 * (heatmap_weeks - 1)};
    st.heat_seconds.assign(std::size_t{7} * heatmap_weeks, 0);
    // (Never before the first session: an early --since costs nothing.)
    const Date dawn = sys_days{year{0} / 1 / 1};
    const auto first_logged = src.first_day(rq.filter, dawn, st.to);
    const Date query_from = std::max(std::min({st.from, st.heat_from, st.to - days{20}}), first_logged.value_or(st.to));
    // Halves of the logged part of the period: from its first session.
    const Date logged_from = rq.all ? st.from : src.first_day(rq.filter, st.from, st.to).value_or(st.from);
    const Date middle = logged_from + days{((st.to - logged_from).count() + 1) / 2};
    Aggregator agg(st, query_from, st.to, middle);
    src.each_row(query_from, st.to, rq.filter, [&](const StatsRow& r) { agg.add(r); });
    const std::vector<DayTotals> day_rows = agg.days();  // one per day with a session
    std::vector<ExerciseAdherence> doses;
    st.exercises = agg.exercises(src, doses);
    for (const auto& d : day_rows)
        if (d.day >= st.from) ++st.active_days;

    st.periods = split(day_rows, st.from, st.to, rq.by, rq.week_start);
    st.weeks = rq.by == Period::week ? st.periods : split(day_rows, st.from, st.to, Period::week, rq.week_start);
    for (const auto& w : st.weeks) {
        st.weekly_pain_after.push_back(ratio(w.totals.pain_after_sum, w.totals.pain_after_n));
        st.weekly_pain_before.push_back(ratio(w.totals.pain_before_sum, w.totals.pain_before_n));
    }
    st.adherence = week_adherence(st.weeks, rq.weekly_target, rq.week_start, st.today, first_logged);
    st.adherence.exercises = std::move(doses);
    for (const auto& e : st.adherence.exercises) st.adherence.doses.add(e.doses);

    st.pain = pain_summary(st.totals, day_rows, st.from, middle);
    st.pain_warning = pain_warning(src.pain_scores(st.to - days{pain_look_back_days - 1}, st.to), st.to);
    // The pass began at the first session: its days are every day with one.
    const bool whole_log = !first_logged || *first_logged >= query_from;
    st.streaks = streaks_to(st.to, st.streak_days, src, rq.filter, whole_log ? &day_rows : nullptr);

    if (rq.filter.exercise) st.history = src.exercise_times(st.from, st.to, rq.filter);
    return st;
}

}  // namespace backcare
