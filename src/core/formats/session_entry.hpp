// SPDX-License-Identifier: MIT
// A logged entry in the item notation people type ("band-rows:2x12@red"),
// and what a session's entries tell: their dose, time and shared goal.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"
#include "session.hpp"

namespace backcare {

// "cat-cow:10", "band-rows:2x12@red", or just "cat-cow" for the level-1 dose.
// Throws UsageError for an unknown id (naming the nearest) or a bad dose.
Entry parse_item(std::string_view item, const Catalogue&);
std::string format_item(const Entry&);  // "band-rows:2x12@red"

// The dose an entry records, for the notation and for estimates.
Dose dose_of(const Entry&);

// Estimated seconds for entries done as logged (skipped ones count nothing).
int estimate_session_seconds(const std::vector<Entry>&, const Catalogue&);
// The goal most entries share; nullopt when mixed.
PlanGoal main_goal(const std::vector<Entry>&, const Catalogue&);

}  // namespace backcare
