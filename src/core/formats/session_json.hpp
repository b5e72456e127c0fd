// SPDX-License-Identifier: MIT
// Sessions as JSON: one object per line in exports and `--format json`, and
// the exercises of the remembered plan (last-plan.json).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"
#include "session.hpp"

namespace backcare {

// 2: "schema" in every object, "number" for the session's number (was "id"),
// "id" for an entry's exercise (was "exercise"), "goal" "balanced" (was null).
inline constexpr int session_json_schema = 2;

// One line of JSON; with_id adds this log's number for the session.
std::string session_json(const Session&, bool with_id);
// What log --format json prints: the session, and "pain_warning" (null, or
// {"date", "reason", "message"} when it is painful: pain.hpp).
std::string logged_session_json(const Session&, bool with_id);
// Parses one JSON object. Missing uuid: content_uuid(), so reading the same
// line twice gives the same session. A uuid in capitals is lowercased. Missing
// duration: estimated. Entries may be objects or item strings. Throws
// UsageError describing the problem (the caller adds where).
Session parse_session_json(std::string_view line, const Catalogue&);

// The exercises of a remembered plan (last-plan.json), as planned.
struct PlannedSession {
    PlanGoal goal;
    std::vector<Entry> entries;
    int seconds = 0;
    std::optional<std::int64_t> created;  // when it was made (UTC seconds), when the plan says
};
PlannedSession read_plan_json(std::string_view text);

}  // namespace backcare
