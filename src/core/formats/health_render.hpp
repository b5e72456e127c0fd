// SPDX-License-Identifier: MIT
// `backcare check` and `backcare recover` for a person (text) and for
// scripts (JSON, check only).
#pragma once
#include <ostream>
#include <string>

#include "log_health.hpp"
#include "style.hpp"

namespace backcare {

void render_log_health(std::ostream&, const LogHealth&, const Style&);
std::string log_health_json(const LogHealth&);
void render_salvage(std::ostream&, const Salvage&, const Style&);

// "12 B", "4.0 KiB", "3.2 MiB".
std::string format_bytes(std::uintmax_t);
// "3, 7-9, 12": numbers in order, runs as ranges.
std::string number_ranges(const std::vector<std::int64_t>&);

}  // namespace backcare
