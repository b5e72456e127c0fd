// SPDX-License-Identifier: MIT
// The options that choose a routine (`plan` and `go`), as typed, and the
// request they make over the settings.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "clock.hpp"
#include "planner.hpp"
#include "settings.hpp"

namespace backcare {

struct PlanChoices {
    std::optional<std::string> goal, minutes, equipment, place, level, seed;
};

// Each choice given overrides its setting; the seed is the day's unless
// given, so a day's plans agree. The choices are checked before the settings
// are read (config is called only then), so a typo in an option is reported
// as such even when the config file has a problem too.
PlanRequest plan_request(const PlanChoices&, const std::function<Config()>& config, Date today);

}  // namespace backcare
