// SPDX-License-Identifier: MIT
// backcare plan: build a routine for the goal, time and place at hand.
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "errors.hpp"
#include "first_run.hpp"
#include "remembered_plan.hpp"
#include "routines.hpp"
#include "plan_options.hpp"
#include "plan_render.hpp"

namespace backcare::cli {
namespace {

struct PlanCommandOptions {
    PlanOptions plan;
    std::string format = "text";
    bool no_save = false;
    bool explain = false;
};

int run_plan(const PlanCommandOptions& o, Context& ctx) {
    if (o.explain && o.format != "text" && o.format != "json")
        throw UsageError("--explain goes with the text format (json always has each exercise's why)");
    const PlanRequest request = plan_request(o.plan, ctx);
    const Catalogue catalogue = ctx.catalogue();
    const Routine routine = plan_for(catalogue, request, ctx.journal(), local_date(ctx.now));

    const std::string json = o.no_save && o.format != "json" ? std::string() : plan_json(routine, ctx.now);
    bool remembered = false;
    if (!o.no_save) {
        const auto why_not = remember_plan_or_why_not(ctx.paths.last_plan_file(), json);
        if (why_not) ctx.warn(*why_not);
        remembered = !why_not;
    }
    if (o.format == "json")
        ctx.out << json;
    else if (o.format == "tsv")
        render_plan_tsv(ctx.out, routine);
    else if (o.format == "markdown")
        render_plan_markdown(ctx.out, routine);
    else {
        if (!ctx.quiet) first_routine_safety(ctx);
        render_plan_text(ctx.out, routine, ctx.style, ctx.quiet, remembered, o.explain);
    }
    return 0;
}

}  // namespace

std::vector<Command> setup_plan(CLI::App& app) {
    auto o = std::make_shared<PlanCommandOptions>();
    auto* sub = app.add_subcommand("plan", "Build a short routine for your goal, time and place");
    add_plan_options(*sub, o->plan);
    sub->add_option("-f,--format", o->format, "Output: text, json, tsv or markdown")
        ->check(CLI::IsMember({"text", "json", "tsv", "markdown"}))
        ->type_name("FORMAT");
    sub->add_flag("--no-save", o->no_save, "Do not remember this plan for 'backcare log --plan'");
    sub->add_flag("--explain", o->explain, "Say why each exercise and each dose was chosen");
    return {{sub, [o](Context& ctx) { return run_plan(*o, ctx); }}};
}

}  // namespace backcare::cli
