// SPDX-License-Identifier: MIT
// The request that the options choosing a routine make over the settings.
#include "plan_choices.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "errors.hpp"
#include "text.hpp"

namespace backcare {
namespace {

template <class T, class F>
T choose(const std::optional<std::string>& flag, const Setting<T>& setting, F&& parse) {
    return flag ? parse(*flag) : setting.value;
}

// "a,b": exercise ids, each well formed and at most 40 of them.
std::vector<std::string> parse_ids(std::string_view text, std::string_view option) {
    auto ids = split_list(text);
    if (ids.empty()) throw UsageError(fmt::format("{} needs exercise ids, comma-separated", option));
    if (ids.size() > 40) throw UsageError(fmt::format("{} takes at most 40 ids", option));
    for (const auto& id : ids)
        if (!valid_exercise_id(id))
            throw UsageError(fmt::format("{} has '{}', which is not an exercise id (see 'backcare catalogue list')", option,
                                         clip(printable(id), 40)));
    return ids;
}

// Each id once, in the order given.
std::vector<std::string> once_each(std::vector<std::string> ids) {
    std::vector<std::string> out;
    for (auto& id : ids)
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(std::move(id));
    return out;
}

// A list of ids and where it came from: the flag, or the setting's source.
std::pair<std::vector<std::string>, std::string> ids_from(const std::optional<std::string>& flag,
                                                          const Setting<std::vector<std::string>>& setting, const char* option,
                                                          const char* key) {
    if (flag) return {once_each(parse_ids(*flag, option)), option};
    if (setting.source == "default") return {setting.value, option};
    return {once_each(setting.value), fmt::format("{} in {}", key, setting.source)};
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
    std::tie(r.include, r.include_from) = ids_from(o.include, c.include, "--include", "include");
    std::tie(r.exclude, r.exclude_from) = ids_from(o.exclude, c.exclude, "--exclude", "exclude");
    // An id in both lists: the list from the stronger place keeps it (a flag
    // over a profile over the config); from places alike, the planner refuses it.
    auto strength = [](const std::string& from) { return from.rfind("--", 0) == 0 ? 3 : from.find(" in profile ") != std::string::npos ? 2 : 1; };
    const int in = strength(r.include_from), out = strength(r.exclude_from);
    if (in != out) {
        auto& weaker = in > out ? r.exclude : r.include;
        const auto& stronger = in > out ? r.include : r.exclude;
        std::erase_if(weaker, [&](const std::string& id) { return std::find(stronger.begin(), stronger.end(), id) != stronger.end(); });
    }
    r.seed = o.seed ? static_cast<std::uint64_t>(parse_number_option(*o.seed, "--seed", 0, 999'999'999'999))
                    : seed_for_day(today);
    return r;
}

}  // namespace

Config config_in_force(Config c, const std::optional<std::string>& flag_profile, const std::optional<std::string>& env_profile) {
    if (flag_profile && flag_profile->empty()) throw UsageError("--profile needs a name (or none)");
    if (flag_profile) return with_profile(std::move(c), *flag_profile, "--profile");
    if (env_profile && !env_profile->empty()) return with_profile(std::move(c), *env_profile, "BACKCARE_PROFILE");
    const std::string name = c.profile.value, source = c.profile.source;
    return with_profile(std::move(c), name, source);
}

PlanRequest plan_request(const PlanChoices& choices, const std::function<Config()>& config, Date today,
                         const std::optional<std::string>& env_profile) {
    request_from(choices, Config{}, today);
    return request_from(choices, config_in_force(config(), choices.profile, env_profile), today);
}

}  // namespace backcare
