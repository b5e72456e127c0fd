// SPDX-License-Identifier: MIT
#pragma once
// `backcare stats` in each output format: text for people, JSON and CSV for scripts.
#include <ostream>
#include <string>

#include "stats.hpp"
#include "style.hpp"

namespace backcare {

// quiet drops the friendly line for an empty log.
void render_stats_text(std::ostream&, const Stats&, const Style&, bool quiet);
std::string stats_json(const Stats&);
// One row per period.
void render_stats_csv(std::ostream&, const Stats&);

}  // namespace backcare
