// SPDX-License-Identifier: MIT
#include "routines.hpp"

#include "progression.hpp"

namespace backcare {

std::vector<Session> recent_sessions(const std::optional<Journal>& journal, Date today) {
    std::vector<Session> recent;
    if (journal) journal->each([&](const Session& s) { recent.push_back(s); }, today - std::chrono::days{progression_memory_days});
    return recent;
}

std::optional<PainWarning> pain_warning_on(const std::optional<Journal>& journal, Date today) {
    if (!journal) return std::nullopt;
    return pain_warning(journal->pain_scores(today - std::chrono::days{pain_look_back_days - 1}, today), today);
}

Routine plan_for(const Catalogue& catalogue, const PlanRequest& request, const std::optional<Journal>& journal, Date today) {
    if (!journal) return plan_routine(catalogue, request, LastDone{}, today);
    // Skipped counts as offered: an exercise skipped yesterday is not first again today.
    return plan_routine(catalogue, request, journal->last_offered(today - std::chrono::days{planner_memory_days}), today,
                        recent_sessions(journal, today));
}

}  // namespace backcare
