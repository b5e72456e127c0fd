// backcare plan: build a routine for the goal, time and place at hand.
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "errors.hpp"
#include "files.hpp"
#include "planner.hpp"
#include "render.hpp"

namespace backcare::cli {
namespace {

struct PlanOptions {
    std::optional<std::string> goal, minutes, equipment, place, level, seed;
    std::string format = "text";
    bool no_save = false;
};

template <class T, class F>
T choose(const std::optional<std::string>& flag, const Setting<T>& setting, F&& parse) {
    return flag ? parse(*flag) : setting.value;
}

PlanRequest request_from(const PlanOptions& o, const Config& c, std::chrono::sys_days today) {
    PlanRequest r;
    r.goal = choose(o.goal, c.goal, [](const std::string& s) { return parse_plan_goal(s, "--goal"); });
    r.minutes = choose(o.minutes, c.minutes, [](const std::string& s) {
        return static_cast<int>(parse_number_option(s, "--minutes", min_minutes, max_minutes));
    });
    r.equipment = choose(o.equipment, c.equipment, [](const std::string& s) { return parse_equipment_option(s, "--equipment"); });
    r.place = choose(o.place, c.place, [](const std::string& s) { return parse_place_option(s, "--place"); });
    r.level = choose(o.level, c.level, [](const std::string& s) { return static_cast<int>(parse_number_option(s, "--level", 1, 3)); });
    r.seed = o.seed ? static_cast<std::uint64_t>(parse_number_option(*o.seed, "--seed", 0, 999'999'999'999))
                    : seed_for_day(today);
    return r;
}

int run_plan(const PlanOptions& o, Context& ctx) {
    // Check the flags before reading any file, so a typo is reported as such.
    const auto today = local_date(ctx.now);
    request_from(o, Config{}, today);
    const Config config = ctx.config();
    const PlanRequest request = request_from(o, config, today);
    const Catalogue catalogue = ctx.catalogue();
    const auto journal = ctx.journal();
    const auto since = today - std::chrono::days{planner_memory_days};
    const Routine routine = plan_routine(catalogue, request, journal ? journal->last_done(since) : LastDone{}, today);

    const std::string json = o.no_save && o.format != "json" ? std::string() : plan_json(routine, ctx.now);
    bool remembered = false;
    if (!o.no_save) {
        try {
            write_file_atomically(ctx.paths.last_plan_file(), json, false);
            remembered = true;
        } catch (const Error& e) {
            ctx.warn(std::string("this plan is not remembered for 'log --plan': ") + e.what());
        }
    }
    if (o.format == "json")
        ctx.out << json;
    else if (o.format == "tsv")
        render_plan_tsv(ctx.out, routine);
    else if (o.format == "markdown")
        render_plan_markdown(ctx.out, routine);
    else
        render_plan_text(ctx.out, routine, ctx.style, ctx.quiet, remembered);
    return 0;
}

}  // namespace

std::vector<Command> setup_plan(CLI::App& app) {
    auto o = std::make_shared<PlanOptions>();
    auto* sub = app.add_subcommand("plan", "Build a short routine for your goal, time and place");
    sub->add_option("-g,--goal", o->goal, "flexibility|strength|posture|balanced (default: balanced)")->type_name("GOAL");
    sub->add_option("-m,--minutes", o->minutes, "Time you have, 1 to 90 minutes (default: 10)")->type_name("N");
    sub->add_option("-e,--equipment", o->equipment,
                    "What is at hand, comma-separated: band,wall,chair,mat or none (default: none)")
        ->type_name("LIST");
    sub->add_option("-p,--place", o->place, "desk (seated or standing), floor, or any (default: any)")->type_name("PLACE");
    sub->add_option("-l,--level", o->level, "Difficulty from 1 to 3 (default: 1)")->type_name("N");
    sub->add_option("--seed", o->seed, "Same inputs and seed give the same routine (default: today's date)")->type_name("N");
    sub->add_option("-f,--format", o->format, "Output: text, json, tsv or markdown")
        ->check(CLI::IsMember({"text", "json", "tsv", "markdown"}))
        ->type_name("FORMAT");
    sub->add_flag("--no-save", o->no_save, "Do not remember this plan for 'backcare log --plan'");
    return {{sub, [o](Context& ctx) { return run_plan(*o, ctx); }}};
}

}  // namespace backcare::cli
