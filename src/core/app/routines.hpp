// SPDX-License-Identifier: MIT
#pragma once
// Routines for a request, from the log's recent history: which exercises were
// done lately (for variety) and how (for the doses progression gives).
#include <optional>
#include <vector>

#include "clock.hpp"
#include "journal.hpp"
#include "planner.hpp"

namespace backcare {

// The sessions the doses follow: the last progression_memory_days, oldest first.
std::vector<Session> recent_sessions(const std::optional<Journal>&, Date today);

// The pain warning (pain.hpp) in force today; none without a log.
std::optional<PainWarning> pain_warning_on(const std::optional<Journal>&, Date today);

// A routine for the request; an absent log is an empty history.
Routine plan_for(const Catalogue&, const PlanRequest&, const std::optional<Journal>&, Date today);

}  // namespace backcare
