// SPDX-License-Identifier: MIT
// What the process's surroundings decide for every command: the clock (which
// BACKCARE_NOW pins for tests), how output looks on this terminal, and the
// exercise ids the completion scripts offer. The cli asks the terminal; the
// rules are here.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"
#include "settings.hpp"
#include "clock.hpp"
#include "paths.hpp"
#include "style.hpp"

namespace backcare {

// The instant commands take as now: BACKCARE_NOW when set and not empty
// (UsageError when it cannot be read), else the system's clock (seconds
// since the epoch, as time() gives them). Either is refused outside the
// supported range (clock.hpp), before anything is read or stored.
Instant now_from(const Environment&, std::int64_t system_seconds);

// When TZ names no time zone the C library quietly keeps UTC: the warning
// to give then ("TZ 'Europe/Berln' names no time zone ..."), else nullopt.
// A POSIX rule ("CET-1CEST"), a zone file under TZDIR or the system's
// zoneinfo, or UTC itself are time zones.
std::optional<std::string> time_zone_problem(const Environment&);

// What the process knows of standard output.
struct Terminal {
    bool is_terminal = false;
    std::size_t columns = 0;  // as the terminal reports it; 0: unknown
    bool utf8 = false;        // the locale's character set
};

// Colour for --color (auto: on a terminal, unless NO_COLOR is set or TERM
// is dumb); the width from the terminal, else COLUMNS (20 to 1000), else 80.
Style output_style(std::string_view color, const Terminal&, const Environment&);

// The ids of the built-in exercises and the person's own; a catalogue
// directory that cannot be read leaves the built-in ones. Never throws:
// completion is never an error.
std::vector<std::string> exercise_ids(const Environment&, const Catalogue& builtin);
// The dose notation of that exercise's level-1 dose ("10x5s"); nullopt for
// an id in neither. Never throws.
std::optional<std::string> exercise_dose(const Environment&, const Catalogue& builtin, const std::string& id);

// The config file's settings (the one --config names, else where
// BACKCARE_CONFIG or XDG put it), for help and completion; nullopt when it
// cannot be read. Never throws.
std::optional<Config> readable_config(const Environment&, const std::optional<std::filesystem::path>& config_flag);
// The names of the config's profiles, for completion. Never throws.
std::vector<std::string> profile_names(const Environment&, const std::optional<std::filesystem::path>& config_flag = std::nullopt);

}  // namespace backcare
