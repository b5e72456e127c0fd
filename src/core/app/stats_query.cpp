// SPDX-License-Identifier: MIT
// `backcare stats`: the request from the options, and the summary.
#include "stats_query.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "errors.hpp"
#include "text.hpp"

namespace backcare {
namespace {

// A log with nothing in it, for when there is no log file yet.
struct EmptyLog final : StatsSource {
    std::size_t count() const override { return 0; }
    std::optional<Date> first_day(const StatsFilter&, Date, Date) const override { return std::nullopt; }
    void each_row(Date, Date, const StatsFilter&, const std::function<void(const StatsRow&)>&) const override {}
    std::string exercise_name(std::int64_t, const std::string& id) const override { return id; }
    void each_active_day(Date, const StatsFilter&, const std::function<void(Date)>&) const override {}
    std::vector<ExerciseTime> exercise_times(Date, Date, const StatsFilter&) const override { return {}; }
    std::vector<ScoredSession> pain_scores(Date, Date) const override { return {}; }
};

// An exercise named by --exercise must be in the log or the catalogue: as
// typed (an imported id may have capitals), else in lower case.
std::string known_exercise(const std::string& id, const std::optional<Journal>& journal,
                           const std::function<Catalogue()>& load_catalogue) {
    const auto done = journal ? journal->last_done() : LastDone{};
    if (done.contains(id)) return id;
    const Catalogue catalogue = load_catalogue();
    if (catalogue.find(id)) return id;
    if (std::string lower = lowercase(id); done.contains(lower) || catalogue.find(lower)) return lower;
    std::vector<std::string> known;
    for (const auto& [logged, _] : done) known.push_back(logged);
    for (const auto& e : catalogue.exercises())
        if (!done.contains(e.id)) known.push_back(e.id);
    const auto near = nearest(id, known);
    throw UsageError(fmt::format("--exercise: no exercise '{}' in the log or the catalogue{}", printable(id),
                                 near.empty() ? " (see 'backcare catalogue list')" : fmt::format("; did you mean {}?", join_or(near))));
}

}  // namespace

StatsRequest stats_request(const StatsQuery& q, const Config& config, Date today) {
    StatsRequest rq;
    rq.today = today;
    rq.week_start = config.week_start.value;
    rq.weekly_target = config.weekly_target.value;
    rq.streak_days = weekday_mask(config.active_days.value);
    if (q.by) {
        const auto by = parse_period(*q.by);
        if (!by) throw UsageError(fmt::format("--by must be day, week or month, not '{}'", *q.by));
        rq.by = *by;
    }
    rq.until = q.until ? std::min(parse_until(*q.until, today, "--until"), today) : today;
    rq.all = q.since && *q.since == "all";
    rq.since = q.since ? parse_since(*q.since, today, "--since") : default_since(rq.until, rq.week_start);
    if (q.since) check_period(rq.since, rq.until, *q.since, q.until.value_or(""));
    if (q.goal) rq.filter.goal = parse_plan_goal(*q.goal, "--goal");
    if (q.exercise) rq.filter.exercise = *q.exercise;
    return rq;
}

Stats stats_for(const StatsRequest& request, const std::optional<Journal>& journal, const std::function<Catalogue()>& catalogue) {
    StatsRequest rq = request;
    if (rq.filter.exercise) rq.filter.exercise = known_exercise(*rq.filter.exercise, journal, catalogue);
    Stats stats;
    if (journal)
        journal->read_together([&] { stats = compute_stats(*journal, rq); });
    else
        stats = compute_stats(EmptyLog{}, rq);
    return stats;
}

}  // namespace backcare
