// SPDX-License-Identifier: MIT
// Entries in the item notation, and the time and goal of a session's entries.
#include "session_entry.hpp"

#include <algorithm>
#include <map>

namespace backcare {

Dose dose_of(const Entry& e) {
    Dose d;
    d.sets = e.sets;
    d.reps = e.reps;
    d.hold = e.hold;
    d.load = e.load;
    d.per_side = e.side == Side::each;
    return d;
}

Entry parse_item(std::string_view item, const Catalogue& catalogue) {
    const auto colon = item.find(':');
    const std::string id(item.substr(0, colon));
    const Exercise& exercise = catalogue.get(id);
    Entry e;
    e.exercise_id = exercise.id;
    e.exercise_name = exercise.name;
    e.side = side_of(exercise.laterality);
    const Dose d = colon == std::string_view::npos ? dose_at_level(exercise, 1) : parse_dose(item.substr(colon + 1));
    e.sets = d.sets;
    e.reps = d.reps;
    e.hold = d.hold;
    e.load = d.load;
    return e;
}

std::string format_item(const Entry& e) { return e.exercise_id + ":" + format_dose(dose_of(e)); }

int estimate_session_seconds(const std::vector<Entry>& entries, const Catalogue& catalogue) {
    int total = 0;
    for (const Entry& e : entries) {
        if (e.status == EntryStatus::skipped) continue;
        Dose d = dose_of(e);
        if (const Exercise* known = catalogue.find(e.exercise_id)) d.tempo = known->dose.tempo;
        d.rest = 0;
        total += estimate_seconds(d) + 10;
    }
    return std::min(total, 24 * 3600);
}

PlanGoal main_goal(const std::vector<Entry>& entries, const Catalogue& catalogue) {
    std::map<Goal, int> votes;
    for (const Entry& e : entries)
        if (const Exercise* known = catalogue.find(e.exercise_id))
            for (Goal g : known->goals) ++votes[g];
    PlanGoal best;
    int best_votes = 0;
    bool tie = false;
    for (const auto& [g, n] : votes) {
        if (n > best_votes) {
            best = g;
            best_votes = n;
            tie = false;
        } else if (n == best_votes) {
            tie = true;
        }
    }
    // A goal every entry shares; otherwise the session was balanced.
    if (tie || best_votes < static_cast<int>(entries.size())) return std::nullopt;
    return best;
}

}  // namespace backcare
