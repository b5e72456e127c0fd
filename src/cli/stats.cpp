// SPDX-License-Identifier: MIT
// backcare stats: progress over a period, for people and for scripts.
#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "stats_render.hpp"
#include "stats_query.hpp"

namespace backcare::cli {
namespace {

struct StatsOptions {
    StatsQuery query;
    std::string format = "text";
};

int run_stats(const StatsOptions& o, Context& ctx) {
    const StatsRequest request = stats_request(o.query, ctx.config(), local_date(ctx.now));
    const Stats stats = stats_for(request, ctx.journal(), [&] { return ctx.catalogue(); });
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
    sub->add_option("--since", o->query.since, "From this date or period: 2026-11-01, 7d, 4w, 3m, 1y, all (default: 12 weeks)")
        ->type_name("WHEN");
    sub->add_option("--until", o->query.until, "Up to and including this date (default: today)")->type_name("WHEN");
    sub->add_option("--by", o->query.by, "The table's periods: day, week or month (default: week)")->type_name("PERIOD");
    sub->add_option("-e,--exercise", o->query.exercise, "One exercise's history and progression")->type_name("ID");
    sub->add_option("-g,--goal", o->query.goal, "Only sessions with this goal: flexibility|strength|posture|balanced")->type_name("GOAL");
    sub->add_option("-f,--format", o->format, "Output: text, json or csv (one row per period)")
        ->check(CLI::IsMember({"text", "json", "csv"}))
        ->type_name("FORMAT");
    sub->footer("Days are local calendar days where each session was logged; weeks start on week_start and are "
                "measured against weekly_target (see 'backcare config'). Streaks count the active_days: a day off "
                "neither breaks nor counts, a session on it counts. Adherence: the weeks that met it, from the week of "
                "the first session (a week not yet over counts once it is met), and each entry against the dose "
                "planned for it ('backcare log --plan' "
                "keeps it): full, reduced, skipped or unplanned. The pain warning: after a session with pain of 7/10 "
                "or more after it, or 2 or more above pain before it, until a week and 2 sessions without pain rising "
                "have followed (the same rule in plan, go and due).");
    return {{sub, [o](Context& ctx) { return run_stats(*o, ctx); }}};
}

}  // namespace backcare::cli
