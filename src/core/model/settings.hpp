// SPDX-License-Identifier: MIT
#pragma once
// Settings from the config file, and the request a plan is built from.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exercise.hpp"

namespace backcare {

enum class Place { any, desk, floor };
std::string_view name_of(Place);
std::optional<Place> parse_place(std::string_view);

// A plan's goal: one of the three, or nullopt for "balanced" (a mix of all).
using PlanGoal = std::optional<Goal>;
std::string_view name_of_goal(const PlanGoal&);
// Throws UsageError naming the option and the accepted values.
PlanGoal parse_plan_goal(std::string_view text, std::string_view option);
Place parse_place_option(std::string_view text, std::string_view option);
std::vector<Equipment> parse_equipment_option(std::string_view text, std::string_view option);
// A whole number in [lo, hi], or UsageError "OPTION must be a whole number from lo to hi, not 'x'".
long long parse_number_option(std::string_view text, std::string_view option, long long lo, long long hi);

inline constexpr int min_minutes = 1;
inline constexpr int max_minutes = 90;

// Minutes since midnight, [start, end).
struct ActiveHours {
    int start = 9 * 60;
    int end = 18 * 60;
    // Whether a minute of the day (0 to 1439) is inside; "22:00-06:00" runs overnight.
    bool contains(int minute) const {
        return start < end ? minute >= start && minute < end : minute >= start || minute < end;
    }
    friend bool operator==(const ActiveHours&, const ActiveHours&) = default;
};
std::optional<ActiveHours> parse_active_hours(std::string_view);  // "09:00-18:00", or "22:00-06:00" overnight
std::string format_active_hours(const ActiveHours&);

// Each setting remembers where its value came from, for `backcare config`.
template <class T> struct Setting {
    T value;
    std::string source = "default";
};

// A named set of plan options, [profile.NAME] in config.toml: each one it
// gives is laid over the config's own (the flags still come first).
struct Profile {
    std::optional<PlanGoal> goal;
    std::optional<int> minutes;
    std::optional<std::vector<Equipment>> equipment;
    std::optional<Place> place;
    std::optional<int> level;
    std::optional<std::vector<std::string>> include;
    std::optional<std::vector<std::string>> exclude;
};
inline constexpr std::size_t max_profiles = 50;
// "none" means no profile; a profile's name is written as an exercise id.
inline constexpr std::string_view no_profile = "none";
bool valid_profile_name(std::string_view);

struct Config {
    Setting<PlanGoal> goal{std::nullopt};
    Setting<int> minutes{10};
    Setting<std::vector<Equipment>> equipment{{}};
    Setting<Place> place{Place::any};
    Setting<int> level{1};
    Setting<std::vector<std::string>> include{{}};  // exercise ids always in a routine
    Setting<std::vector<std::string>> exclude{{}};  // and never
    Setting<std::string> profile{""};               // the profile in force; "" none
    std::map<std::string, Profile> profiles;
    Setting<int> weekly_target{5};  // sessions per week
    Setting<int> daily_target{1};   // sessions per day, for `due`
    Setting<ActiveHours> active_hours{{}};
    Setting<std::vector<int>> active_days{{1, 2, 3, 4, 5}};  // 0 = Sunday … 6 = Saturday
    Setting<int> week_start{1};                               // 1 = Monday, 0 = Sunday
};

// The config with the named profile laid over it (each value's source then
// "profile NAME, SOURCE"); the profile named "none", or "", leaves it as it
// is. Throws UsageError for a name with no profile, saying what names it
// (source: "--profile", "BACKCARE_PROFILE", "default_profile in FILE").
Config with_profile(Config, const std::string& name, const std::string& source);

std::string_view weekday_name(int day);  // "mon"…
std::optional<int> parse_weekday(std::string_view);


}  // namespace backcare

#include <variant>

namespace backcare {

// One row of `backcare config`: a setting's name, value and where it came from.
struct SettingRow {
    std::string name;
    std::variant<std::string, int, std::vector<std::string>> value;
    std::string source;
    std::string text() const;  // the value as shown in text output
};
std::vector<SettingRow> describe(const Config&);
// A profile's options, as rows (source: "profile NAME").
std::vector<SettingRow> describe(const std::string& name, const Profile&);

}  // namespace backcare
