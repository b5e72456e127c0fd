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

}  // namespace backcare::cli
