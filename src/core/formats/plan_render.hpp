// SPDX-License-Identifier: MIT
#pragma once
// A routine in each output format. Renderers write to a stream and take
// everything they show as parameters.
#include <chrono>
#include <ostream>
#include <string>

#include "catalogue_render.hpp"
#include "planner.hpp"
#include "style.hpp"

namespace backcare {

// 3: "pain_warning" (was "paused"); 2: a dose's "side" ("both" or "each", as sessions say it; was "per_side").
inline constexpr int plan_json_schema = 3;

// remembered: the plan was saved for `log --plan`, which the footer then offers;
// explain: why each exercise and dose was chosen.
void render_plan_text(std::ostream&, const Routine&, const Style&, bool quiet, bool remembered, bool explain = false);
// How the routine was brought to the time asked for ("Filled to about 29:40
// of 30 minutes with 2 more exercises and 5 more sets."), or why it falls
// short; empty when nothing was added.
std::string time_fill_note(const Routine&);
void render_plan_tsv(std::ostream&, const Routine&);
void render_plan_markdown(std::ostream&, const Routine&);
// Also the format of the remembered last plan.
std::string plan_json(const Routine&, std::chrono::system_clock::time_point created);

}  // namespace backcare
