// SPDX-License-Identifier: MIT
// config.toml: every key optional, every problem located.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "errors.hpp"
#include "files.hpp"
#include "config_file.hpp"
#include "text.hpp"
#include "toml_reader.hpp"

namespace backcare {
namespace {

using toml_reader::TableReader;

constexpr std::size_t max_config_bytes = std::size_t{64} * 1024;

template <class T, class F> void read_setting(Setting<T>& s, const std::string& file, F&& reader) {
    if (auto v = reader()) s = {*v, "config " + file};
}

std::optional<int> bounded(TableReader& r, const char* key, long long lo, long long hi) {
    auto v = r.integer(key, false);
    if (v && (*v < lo || *v > hi)) {
        r.error(r.pos(key), fmt::format("'{}' must be from {} to {}", key, lo, hi));
        return std::nullopt;
    }
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

void read_numbers(TableReader& r, Config& c, const std::string& file) {
    read_setting(c.minutes, file, [&] { return bounded(r, "minutes", min_minutes, max_minutes); });
    read_setting(c.level, file, [&] { return bounded(r, "level", 1, 3); });
    read_setting(c.weekly_target, file, [&] { return bounded(r, "weekly_target", 1, 100); });
    read_setting(c.daily_target, file, [&] { return bounded(r, "daily_target", 1, 20); });
}

// What a routine is for and where: goal, equipment, place.
void read_routine(TableReader& r, Config& c, const std::string& file) {
    if (auto s = r.string("goal", false)) {
        if (*s == "balanced")
            c.goal = {std::nullopt, "config " + file};
        else if (auto g = parse_enum<Goal>(*s))
            c.goal = {*g, "config " + file};
        else
            r.error(r.pos("goal"), fmt::format("'goal' has unknown value '{}'; expected balanced, flexibility, strength or posture", *s));
    }
    if (r.has("equipment")) c.equipment = {r.list_of<Equipment>("equipment", false), "config " + file};
    read_setting(c.place, file, [&]() -> std::optional<Place> {
        auto s = r.string("place", false);
        if (!s) return std::nullopt;
        if (auto p = parse_place(*s)) return p;
        r.error(r.pos("place"), fmt::format("'place' has unknown value '{}'; expected desk, floor or any", *s));
        return std::nullopt;
    });
}

// Exercise ids, each well formed (whether the catalogue has them is for the planner to say).
std::optional<std::vector<std::string>> read_ids(TableReader& r, const char* key) {
    if (!r.has(key)) return std::nullopt;
    auto ids = r.strings(key, false);
    for (const auto& id : ids)
        if (!valid_exercise_id(id)) {
            r.error(r.pos(key), fmt::format("'{}' has '{}', which is not an exercise id (lowercase letters, digits and hyphens)", key, clip(printable(id), 40)));
            return std::nullopt;
        }
    if (ids.size() > 40) {
        r.error(r.pos(key), fmt::format("'{}' has more than 40 ids", key));
        return std::nullopt;
    }
    return ids;
}

void read_lists(TableReader& r, Config& c, const std::string& file) {
    read_setting(c.include, file, [&] { return read_ids(r, "include"); });
    read_setting(c.exclude, file, [&] { return read_ids(r, "exclude"); });
}

// [profile.NAME] tables: each read as the top level's plan options are, and
// kept only where given.
void read_profiles(TableReader& r, Config& c, const std::string& file, const toml_reader::Positions& positions,
                   std::vector<Diagnostic>& problems) {
    if (const toml::value* table = r.raw("profile")) {
        if (table->is_string()) {
            r.error(r.pos("profile"), "'profile' is the table of profiles ([profile.NAME]); name the one to use with default_profile = \"NAME\"");
        } else if (!table->is_table()) {
            r.error(r.pos("profile"), "'profile' must be a table of profiles, each [profile.NAME]");
        } else {
            TableReader all(*table, positions, problems, "profile");
            for (const auto& [name, value] : table->as_table()) {
                (void)all.raw(name);
                if (name == no_profile) {
                    all.error(all.pos(name), fmt::format("a profile cannot be named '{}': --profile {} means no profile", no_profile, no_profile));
                    continue;
                }
                if (!valid_profile_name(name)) {
                    all.error(all.pos(name), fmt::format("profile name '{}' must be 2 to 40 lowercase letters, digits and hyphens",
                                                         clip(printable(name), 40)));
                    continue;
                }
                if (!value.is_table()) {
                    all.error(all.pos(name), fmt::format("profile '{}' must be a table ([profile.{}])", name, name));
                    continue;
                }
                if (c.profiles.size() >= max_profiles) {
                    all.error(all.pos(name), fmt::format("more than {} profiles", max_profiles));
                    break;
                }
                TableReader pr(value, positions, problems, "profile." + name);
                Config own;
                read_routine(pr, own, file);
                read_setting(own.minutes, file, [&] { return bounded(pr, "minutes", min_minutes, max_minutes); });
                read_setting(own.level, file, [&] { return bounded(pr, "level", 1, 3); });
                read_lists(pr, own, file);
                pr.finish();
                auto given = [](const auto& setting) {
                    using T = std::decay_t<decltype(setting.value)>;
                    return setting.source == "default" ? std::optional<T>() : std::optional<T>(setting.value);
                };
                c.profiles[name] = Profile{given(own.goal), given(own.minutes), given(own.equipment), given(own.place),
                                           given(own.level), given(own.include), given(own.exclude)};
            }
            all.finish();
        }
    }
    if (auto name = r.string("default_profile", false)) {
        if (*name != no_profile && !c.profiles.count(*name))
            r.error(r.pos("default_profile"), fmt::format("'default_profile' names no profile '{}'{}", clip(printable(*name), 40),
                                                          c.profiles.empty() ? "; add a [profile.NAME] table" : ""));
        else
            c.profile = {*name, "default_profile in " + file};
    }
}

// When sessions are due and how weeks count: active hours and days, week start.
void read_schedule(TableReader& r, Config& c, const std::string& file) {
    read_setting(c.active_hours, file, [&]() -> std::optional<ActiveHours> {
        auto s = r.string("active_hours", false);
        if (!s) return std::nullopt;
        if (auto h = parse_active_hours(*s)) return h;
        r.error(r.pos("active_hours"), fmt::format("'active_hours' must be two different times like \"09:00-18:00\" (or \"22:00-06:00\" overnight), not '{}'", *s));
        return std::nullopt;
    });
    if (r.has("active_days")) {
        std::vector<int> days;
        for (const auto& s : r.strings("active_days", false)) {
            if (auto d = parse_weekday(s))
                days.push_back(*d);
            else
                r.error(r.pos("active_days"), fmt::format("'active_days' has unknown day '{}'; expected mon, tue, wed, thu, fri, sat or sun", s));
        }
        c.active_days = {days, "config " + file};
    }
    read_setting(c.week_start, file, [&]() -> std::optional<int> {
        auto s = r.string("week_start", false);
        if (!s) return std::nullopt;
        if (auto d = parse_weekday(*s); d && (*d == 0 || *d == 1)) return d;
        r.error(r.pos("week_start"), fmt::format("'week_start' must be \"monday\" or \"sunday\", not '{}'", *s));
        return std::nullopt;
    });
}

// The first problem in the file, with a count of the others.
void refuse(std::vector<Diagnostic>& problems) {
    if (problems.empty()) return;
    std::stable_sort(problems.begin(), problems.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair{a.where.line, a.where.column} < std::pair{b.where.line, b.where.column};
    });
    const Diagnostic& first = problems.front();
    auto detail = first.snippet();
    if (problems.size() > 1) detail.push_back(fmt::format("({} more problem{} in this file)", problems.size() - 1, plural_suffix(problems.size() - 1)));
    throw DataError(first.headline(), std::move(detail));
}

}  // namespace

Config parse_config(std::string_view text, const std::string& file) {
    std::vector<Diagnostic> problems;
    Config c;
    if (auto root = toml_reader::parse(text, file, problems)) {
        const toml_reader::Positions positions;
        TableReader r(*root, positions, problems);
        read_routine(r, c, file);
        read_numbers(r, c, file);
        read_lists(r, c, file);
        read_schedule(r, c, file);
        read_profiles(r, c, file, positions, problems);
        r.finish();
    }
    refuse(problems);
    return c;
}

Config load_config(const std::filesystem::path& path, bool required) {
    if (path_kind(path, "read the config file") == PathKind::absent) {
        if (required) throw IoError(fmt::format("config file {} does not exist", path.string()));
        return Config{};
    }
    // A regular file of a bounded size: never a FIFO that blocks or a device that never ends.
    return parse_config(read_small_file(path, max_config_bytes, "the config file"), path.string());
}

}  // namespace backcare
