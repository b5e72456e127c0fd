// backcare stats: progress over a period, for people and for scripts.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "errors.hpp"
#include "render.hpp"
#include "text.hpp"

namespace backcare::cli {
namespace {

struct StatsOptions {
    std::optional<std::string> since, until, by, exercise, goal;
    std::string format = "text";
};

// An exercise named by --exercise must be in the log or the catalogue.
void check_exercise(const std::string& id, const Journal* journal, Context& ctx) {
    const auto done = journal ? journal->last_done() : LastDone{};
    if (done.contains(id)) return;
    const Catalogue catalogue = ctx.catalogue();
    if (catalogue.find(id)) return;
    std::vector<std::string> known;
    for (const auto& [logged, _] : done) known.push_back(logged);
    for (const auto& e : catalogue.exercises())
        if (!done.contains(e.id)) known.push_back(e.id);
    const auto near = nearest(id, known);
    throw UsageError(fmt::format("--exercise: no exercise '{}' in the log or the catalogue{}", id,
                                 near.empty() ? " (see 'backcare catalogue list')" : fmt::format("; did you mean {}?", join_or(near))));
}

int run_stats(const StatsOptions& o, Context& ctx) {
    const Config config = ctx.config();
    const Date today = local_date(ctx.now);
    StatsRequest rq;
    rq.today = today;
    rq.week_start = config.week_start.value;
    rq.weekly_target = config.weekly_target.value;
    if (o.by) {
        const auto by = parse_period(*o.by);
        if (!by) throw UsageError(fmt::format("--by must be day, week or month, not '{}'", *o.by));
        rq.by = *by;
    }
    rq.until = o.until ? std::min(parse_until(*o.until, today, "--until"), today) : today;
    rq.all = o.since && *o.since == "all";
    rq.since = o.since ? parse_since(*o.since, today, "--since") : default_since(rq.until, rq.week_start);
    if (o.since && rq.since > rq.until)
        throw UsageError(o.until ? fmt::format("--since {} is after --until {}: nothing can be in between", *o.since, *o.until)
                                 : fmt::format("--since {} is after today ({})", *o.since, format_date(today)));
    if (o.goal) rq.filter.goal = parse_plan_goal(*o.goal, "--goal");
    const auto journal = ctx.journal();
    if (o.exercise) {
        rq.filter.exercise = lowercase(*o.exercise);
        check_exercise(*rq.filter.exercise, journal ? &*journal : nullptr, ctx);
    }

    struct Empty final : StatsSource {
        std::size_t count() const override { return 0; }
        std::optional<Date> first_day(const StatsFilter&, Date, Date) const override { return std::nullopt; }
        void each_row(Date, Date, const StatsFilter&, const std::function<void(const StatsRow&)>&) const override {}
        std::string exercise_name(std::int64_t, const std::string& id) const override { return id; }
        void each_active_day(Date, const StatsFilter&, const std::function<void(Date)>&) const override {}
        std::vector<ExerciseTime> exercise_times(Date, Date, const StatsFilter&) const override { return {}; }
    } empty;
    Stats stats;
    if (journal)
        journal->read_together([&] { stats = compute_stats(*journal, rq); });
    else
        stats = compute_stats(empty, rq);
    if (o.format == "json")
        ctx.out << stats_json(stats);
    else if (o.format == "csv")
        render_stats_csv(ctx.out, stats);
    else
        render_stats_text(ctx.out, stats, ctx.style, ctx.quiet);
    return 0;
}

}  // namespace

std::vector<Command> setup_stats(CLI::App& app) {
    auto o = std::make_shared<StatsOptions>();
    auto* sub = app.add_subcommand("stats", "Progress: weeks against the target, streaks, a heat map, exercises, adherence and pain");
    sub->add_option("--since", o->since, "From this date or period: 2026-11-01, 7d, 4w, 3m, 1y, all (default: 12 weeks)")
        ->type_name("WHEN");
    sub->add_option("--until", o->until, "Up to and including this date (default: today)")->type_name("WHEN");
    sub->add_option("--by", o->by, "The table's periods: day, week or month (default: week)")->type_name("PERIOD");
    sub->add_option("-e,--exercise", o->exercise, "One exercise's history and progression")->type_name("ID");
    sub->add_option("-g,--goal", o->goal, "Only sessions with this goal: flexibility|strength|posture|balanced")->type_name("GOAL");
    sub->add_option("-f,--format", o->format, "Output: text, json or csv (one row per period)")
        ->check(CLI::IsMember({"text", "json", "csv"}))
        ->type_name("FORMAT");
    sub->footer("Days are local calendar days where each session was logged; weeks start on week_start and are "
                "measured against weekly_target (see 'backcare config'). Adherence: the weeks that met it (a week not "
                "yet over counts once it is met), and each entry against the dose planned for it ('backcare log --plan' "
                "keeps it): full, reduced, skipped or unplanned. Pain warnings: pain after a session of 7/10 or "
                "more in the last 14 days, or a rise of 2 points over two weeks.");
    return {{sub, [o](Context& ctx) { return run_stats(*o, ctx); }}};
}

}  // namespace backcare::cli
