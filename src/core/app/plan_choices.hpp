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
    std::optional<std::string> goal, minutes, equipment, place, level, seed, include, exclude, profile;
};

// The settings in force: the config with a profile laid over it, the one
// --profile names, else BACKCARE_PROFILE's (env_profile), else the config's
// default_profile.
Config config_in_force(Config, const std::optional<std::string>& flag_profile, const std::optional<std::string>& env_profile);

// Each choice given overrides its setting (flag > profile > config >
// default); the seed is the day's unless given, so a day's plans agree. The
// choices are checked before the settings are read (config is called only
// then), so a typo in an option is reported as such even when the config
// file has a problem too.
PlanRequest plan_request(const PlanChoices&, const std::function<Config()>& config, Date today,
                         const std::optional<std::string>& env_profile = std::nullopt);

}  // namespace backcare
