// SPDX-License-Identifier: MIT
// The request that the options choosing a routine make over the settings.
#include "plan_choices.hpp"

namespace backcare {
namespace {

template <class T, class F>
T choose(const std::optional<std::string>& flag, const Setting<T>& setting, F&& parse) {
    return flag ? parse(*flag) : setting.value;
}

PlanRequest request_from(const PlanChoices& o, const Config& c, Date today) {
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

}  // namespace

PlanRequest plan_request(const PlanChoices& choices, const std::function<Config()>& config, Date today) {
    request_from(choices, Config{}, today);
    return request_from(choices, config(), today);
}

}  // namespace backcare
