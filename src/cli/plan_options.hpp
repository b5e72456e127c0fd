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

// For help: each plan option of every subcommand of root (plan, go) shows
// the default in force, and where it comes from.
void show_plan_defaults(CLI::App& root, const Config& in_force);
// The settings a plan would start from, for help: the config read (nullopt:
// unreadable, so the built-in defaults) with its profile laid over it, the
// one --profile names (flag_profile), else BACKCARE_PROFILE's, else its
// default_profile. Never throws.
Config plan_config(const std::optional<Config>& config, const std::optional<std::string>& flag_profile, const Environment&);

// The request from the flags, over the configuration (see backcare::plan_request).
PlanRequest plan_request(const PlanOptions&, Context&);

}  // namespace backcare::cli
