// SPDX-License-Identifier: MIT
#include "plan_options.hpp"

#include <CLI/CLI.hpp>

namespace backcare::cli {

void add_plan_options(CLI::App& sub, PlanOptions& o) {
    sub.add_option("-g,--goal", o.goal, "flexibility|strength|posture|balanced (default: balanced)")->type_name("GOAL");
    sub.add_option("-m,--minutes", o.minutes, "Time you have, 1 to 90 minutes (default: 10)")->type_name("N");
    sub.add_option("-e,--equipment", o.equipment,
                   "What is at hand, comma-separated: band,wall,chair,mat,doorway or none (default: none; a chair and a doorway are taken to be near except with --place floor)")
        ->type_name("LIST");
    sub.add_option("-p,--place", o.place, "desk (seated or standing), floor, or any (default: any)")->type_name("PLACE");
    sub.add_option("-l,--level", o.level, "Difficulty from 1 to 3 (default: 1)")->type_name("N");
    sub.add_option("--seed", o.seed, "Same inputs and seed give the same routine (default: today's date)")->type_name("N");
}

PlanRequest plan_request(const PlanOptions& o, Context& ctx) {
    return backcare::plan_request(o, [&] { return ctx.config(); }, local_date(ctx.now));
}

}  // namespace backcare::cli
