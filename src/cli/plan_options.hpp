#pragma once
// The options that choose a routine, shared by `plan` and `go`.
#include <optional>
#include <string>

#include "context.hpp"
#include "planner.hpp"

namespace CLI {
class App;
}

namespace backcare::cli {

struct PlanOptions {
    std::optional<std::string> goal, minutes, equipment, place, level, seed;
};

void add_plan_options(CLI::App&, PlanOptions&);

// The request from the flags, over the configuration; the flags are checked
// before any file is read, so a typo is reported as such.
PlanRequest plan_request(const PlanOptions&, Context&);

// The sessions the doses follow: the last progression_memory_days, oldest first.
std::vector<Session> recent_sessions(const Context&);

// A routine for the request, from the log's recent history (which exercises
// were done lately, and how, for the doses).
Routine plan_for(const Catalogue&, const PlanRequest&, const Context&);

}  // namespace backcare::cli
