// SPDX-License-Identifier: MIT
// The clock, the output's look and the completion ids, from the surroundings.
#include "invocation.hpp"
#include "config_file.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "dose.hpp"
#include "errors.hpp"
#include "text.hpp"

namespace backcare {

Instant now_from(const Environment& env, std::int64_t system_seconds) {
    if (auto pinned = env("BACKCARE_NOW"); pinned && !pinned->empty()) {
        if (auto t = parse_iso_seconds(*pinned)) return checked_now(*t, "BACKCARE_NOW");
        throw UsageError(fmt::format("BACKCARE_NOW must look like 2026-11-23T18:30:00, not '{}'", printable(*pinned)));
    }
    return checked_now(system_seconds, "the system clock");
}

namespace {

// A POSIX TZ rule begins with a zone name (three or more letters, or <...>) and an offset.
bool posix_rule(std::string_view tz) {
    std::size_t i = 0;
    if (!tz.empty() && tz[0] == '<') {
        i = tz.find('>');
        if (i == std::string_view::npos) return false;
        ++i;
    } else {
        while (i < tz.size() && ((tz[i] >= 'A' && tz[i] <= 'Z') || (tz[i] >= 'a' && tz[i] <= 'z'))) ++i;
        if (i < 3) return false;
    }
    return i < tz.size() && (tz[i] == '+' || tz[i] == '-' || (tz[i] >= '0' && tz[i] <= '9'));
}

}  // namespace

std::optional<std::string> time_zone_problem(const Environment& env) {
    const auto tz = env("TZ");
    if (!tz || tz->empty()) return std::nullopt;
    std::string_view name = *tz;
    if (name.front() == ':') name.remove_prefix(1);
    if (name.empty() || name == "UTC" || name == "GMT" || posix_rule(name)) return std::nullopt;
    std::error_code ec;
    const std::filesystem::path file(name);
    if (file.is_absolute()) {
        if (std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    } else {
        for (const std::string& dir : {env("TZDIR").value_or(""), std::string("/usr/share/zoneinfo")})
            if (!dir.empty() && std::filesystem::is_regular_file(std::filesystem::path(dir) / file, ec)) return std::nullopt;
    }
    return fmt::format("TZ '{}' names no time zone this system knows; times are shown and stored as UTC", printable(*tz));
}

Style output_style(std::string_view color, const Terminal& terminal, const Environment& env) {
    Style st;
    const auto term = env("TERM");
    const bool no_color = env("NO_COLOR").value_or("") != "";
    if (color == "always")
        st.color = true;
    else if (color == "auto")
        st.color = terminal.is_terminal && !no_color && term.value_or("") != "dumb";
    st.unicode = terminal.utf8;
    st.width = 80;
    if (terminal.is_terminal && terminal.columns > 0) {
        st.width = terminal.columns;
    } else if (auto columns = env("COLUMNS")) {
        try {
            const long c = std::stol(*columns);
            if (c >= 20 && c <= 1000) st.width = static_cast<std::size_t>(c);
        } catch (const std::exception&) {
        }
    }
    return st;
}

namespace {

Catalogue person_catalogue(const Environment& env, const Catalogue& builtin) {
    try {
        return load_catalogue(builtin, Paths(env, std::nullopt, std::nullopt).catalogue_dir());
    } catch (const std::exception&) {
        return builtin;
    }
}

}  // namespace

std::optional<std::string> exercise_dose(const Environment& env, const Catalogue& builtin, const std::string& id) {
    const Catalogue all = person_catalogue(env, builtin);
    const Exercise* e = all.find(id);
    if (!e) return std::nullopt;
    return format_dose(dose_at_level(*e, 1));
}

std::vector<std::string> exercise_ids(const Environment& env, const Catalogue& builtin) {
    std::vector<std::string> ids;
    try {
        const Paths paths(env, std::nullopt, std::nullopt);
        const Catalogue all = load_catalogue(builtin, paths.catalogue_dir());
        for (const auto& e : all.exercises()) ids.push_back(e.id);
    } catch (const std::exception&) {
        ids.clear();
        for (const auto& e : builtin.exercises()) ids.push_back(e.id);
    }
    return ids;
}

std::optional<Config> readable_config(const Environment& env, const std::optional<std::filesystem::path>& config_flag) {
    try {
        const Paths paths(env, config_flag, std::nullopt);
        return load_config(paths.config_file(), paths.config_file_required());
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::vector<std::string> profile_names(const Environment& env, const std::optional<std::filesystem::path>& config_flag) {
    std::vector<std::string> names;
    if (const auto config = readable_config(env, config_flag))
        for (const auto& [name, _] : config->profiles) names.push_back(name);
    return names;
}

}  // namespace backcare
