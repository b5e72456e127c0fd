// SPDX-License-Identifier: MIT
#include "settings.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>

#include "errors.hpp"
#include "text.hpp"

namespace backcare {
namespace {

constexpr std::array<std::string_view, 7> weekdays{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

std::string quoted_or_empty(std::string_view text) { return text.empty() ? "an empty value" : fmt::format("'{}'", text); }

}  // namespace

std::string_view name_of(Place p) {
    switch (p) {
        case Place::desk: return "desk";
        case Place::floor: return "floor";
        case Place::any: break;
    }
    return "any";
}

std::optional<Place> parse_place(std::string_view s) {
    for (Place p : {Place::any, Place::desk, Place::floor})
        if (name_of(p) == s) return p;
    return std::nullopt;
}

std::string_view name_of_goal(const PlanGoal& g) { return g ? name_of(*g) : "balanced"; }

PlanGoal parse_plan_goal(std::string_view text, std::string_view option) {
    if (text == "balanced") return std::nullopt;
    if (auto g = parse_enum<Goal>(text)) return g;
    throw UsageError(fmt::format("{}: unknown goal {}; expected balanced, flexibility, strength or posture", option,
                                 quoted_or_empty(text)));
}

Place parse_place_option(std::string_view text, std::string_view option) {
    if (auto p = parse_place(text)) return *p;
    throw UsageError(fmt::format("{}: unknown place {}; expected desk, floor or any", option, quoted_or_empty(text)));
}

std::vector<Equipment> parse_equipment_option(std::string_view text, std::string_view option) {
    std::vector<Equipment> out;
    if (text == "none") return out;
    for (const auto& item : split_list(text)) {
        if (item == "none")
            throw UsageError(fmt::format("{}: 'none' means no equipment, and goes alone, not with {}", option, quoted_or_empty(text)));
        auto e = parse_enum<Equipment>(item);
        if (!e) {
            auto names = all_names<Equipment>();
            const auto near = nearest(item, names, 1);
            names.push_back("none");
            throw UsageError(fmt::format("{}: unknown equipment '{}'; expected a comma-separated list of {}{}", option,
                                         item, join_or(names),
                                         near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near.front())));
        }
        if (std::find(out.begin(), out.end(), *e) == out.end()) out.push_back(*e);
    }
    return out;
}

long long parse_number_option(std::string_view text, std::string_view option, long long lo, long long hi) {
    long long value = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (!text.empty() && text.front() == '+') ++first;
    auto [end, ec] = std::from_chars(first, last, value);
    if (text.empty() || ec != std::errc{} || end != last || value < lo || value > hi)
        throw UsageError(
            fmt::format("{} must be a whole number from {} to {}, not {}", option, lo, hi, quoted_or_empty(text)));
    return value;
}

std::optional<ActiveHours> parse_active_hours(std::string_view s) {
    auto minutes = [](std::string_view hm) -> std::optional<int> {
        if (hm.size() != 5 || hm[2] != ':') return std::nullopt;
        int h = 0, m = 0;
        if (std::from_chars(hm.data(), hm.data() + 2, h).ptr != hm.data() + 2) return std::nullopt;
        if (std::from_chars(hm.data() + 3, hm.data() + 5, m).ptr != hm.data() + 5) return std::nullopt;
        if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
        return h * 60 + m;
    };
    const auto dash = s.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    auto a = minutes(s.substr(0, dash));
    auto b = minutes(s.substr(dash + 1));
    if (!a || !b || *a == *b || *a == 24 * 60) return std::nullopt;
    return ActiveHours{*a, *b};
}

std::string format_active_hours(const ActiveHours& h) {
    return fmt::format("{:02}:{:02}-{:02}:{:02}", h.start / 60, h.start % 60, h.end / 60, h.end % 60);
}

std::string_view weekday_name(int day) { return weekdays.at(static_cast<std::size_t>(day % 7)); }

std::optional<int> parse_weekday(std::string_view s) {
    for (std::size_t i = 0; i < weekdays.size(); ++i)
        if (s.substr(0, 3) == weekdays[i] && (s.size() == 3 || s.size() >= 6)) {
            static constexpr std::array<std::string_view, 7> full{"sunday",   "monday", "tuesday", "wednesday",
                                                                  "thursday", "friday", "saturday"};
            if (s.size() == 3 || s == full[i]) return static_cast<int>(i);
        }
    return std::nullopt;
}


}  // namespace backcare

namespace backcare {

std::string SettingRow::text() const {
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    if (const auto* n = std::get_if<int>(&value)) return std::to_string(*n);
    const auto& list = std::get<std::vector<std::string>>(value);
    return list.empty() ? "none" : join(list, ",");
}

namespace {

std::vector<std::string> equipment_names(const std::vector<Equipment>& list) {
    std::vector<std::string> out;
    for (Equipment e : list) out.emplace_back(name_of(e));
    return out;
}

}  // namespace

bool valid_profile_name(std::string_view name) { return valid_exercise_id(name) && name != no_profile; }

Config with_profile(Config c, const std::string& name, const std::string& source) {
    if (name.empty() || name == no_profile) {
        c.profile = {std::string(no_profile), source};
        return c;
    }
    if (!valid_profile_name(name))
        throw UsageError(fmt::format("{} has '{}', which is not a profile name (2 to 40 lowercase letters, digits and hyphens)", source,
                                     clip(printable(name), 40)));
    const auto it = c.profiles.find(name);
    if (it == c.profiles.end()) {
        std::vector<std::string> names;
        for (const auto& [n, _] : c.profiles) names.push_back(n);
        const auto near = nearest(name, names);
        throw UsageError(fmt::format("{} names no profile '{}'{}", source, name,
                                     !near.empty()   ? fmt::format("; did you mean {}?", join_or(near))
                                     : names.empty() ? "; config.toml has none (add a [profile.NAME] table)"
                                                     : fmt::format("; the profiles are {}", join(names, ", "))));
    }
    const Profile& p = it->second;
    const std::string from = fmt::format("profile {}, {}", name, source);
    auto lay = [&](auto& setting, const auto& value) {
        if (value) setting = {*value, from};
    };
    lay(c.goal, p.goal);
    lay(c.minutes, p.minutes);
    lay(c.equipment, p.equipment);
    lay(c.place, p.place);
    lay(c.level, p.level);
    lay(c.include, p.include);
    lay(c.exclude, p.exclude);
    c.profile = {name, source};
    return c;
}

std::vector<SettingRow> describe(const std::string& name, const Profile& p) {
    std::vector<SettingRow> out;
    const std::string from = "profile " + name;
    if (p.goal) out.push_back({"goal", std::string(name_of_goal(*p.goal)), from});
    if (p.minutes) out.push_back({"minutes", *p.minutes, from});
    if (p.equipment) out.push_back({"equipment", equipment_names(*p.equipment), from});
    if (p.place) out.push_back({"place", std::string(name_of(*p.place)), from});
    if (p.level) out.push_back({"level", *p.level, from});
    if (p.include) out.push_back({"include", *p.include, from});
    if (p.exclude) out.push_back({"exclude", *p.exclude, from});
    return out;
}

std::vector<SettingRow> describe(const Config& c) {
    std::vector<std::string> days;
    for (int d : c.active_days.value) days.emplace_back(weekday_name(d));
    return {
        {"profile", c.profile.value.empty() ? std::string(no_profile) : c.profile.value, c.profile.source},
        {"goal", std::string(name_of_goal(c.goal.value)), c.goal.source},
        {"minutes", c.minutes.value, c.minutes.source},
        {"equipment", equipment_names(c.equipment.value), c.equipment.source},
        {"place", std::string(name_of(c.place.value)), c.place.source},
        {"level", c.level.value, c.level.source},
        {"include", c.include.value, c.include.source},
        {"exclude", c.exclude.value, c.exclude.source},
        {"weekly_target", c.weekly_target.value, c.weekly_target.source},
        {"daily_target", c.daily_target.value, c.daily_target.source},
        {"active_hours", format_active_hours(c.active_hours.value), c.active_hours.source},
        {"active_days", days, c.active_days.source},
        {"week_start", c.week_start.value == 0 ? "sunday" : "monday", c.week_start.source},
    };
}

}  // namespace backcare
