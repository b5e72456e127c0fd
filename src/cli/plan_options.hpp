// SPDX-License-Identifier: MIT
#pragma once
// The options that choose a routine, shared by `plan` and `go`.
#include "context.hpp"
#include "plan_choices.hpp"

namespace CLI {
class App;
}

namespace backcare::cli {

using PlanOptions = PlanChoices;

void add_plan_options(CLI::App&, PlanOptions&);

// The request from the flags, over the configuration (see backcare::plan_request).
PlanRequest plan_request(const PlanOptions&, Context&);

}  // namespace backcare::cli
