// SPDX-License-Identifier: MIT
// Checks shared by the JSON and CSV session readers (see session_fields.hpp).
#include "session_fields.hpp"

#include <fmt/format.h>

#include "errors.hpp"
#include "session_entry.hpp"

namespace backcare::fields {

int in_range(long long value, std::string_view key) {
    if (value < -1000000 || value > 1000000) throw UsageError(fmt::format("'{}' is out of range", key));
    return static_cast<int>(value);
}

std::optional<int> in_range(const std::optional<long long>& value, std::string_view key) {
    if (!value) return std::nullopt;
    return in_range(*value, key);
}

std::string exercise_id(std::string id) {
    if (id.empty()) throw UsageError("an entry has no 'exercise'");
    return id;
}

const Exercise* name_entry(Entry& e, const std::optional<std::string>& name, const Catalogue& catalogue) {
    const Exercise* known = catalogue.find(e.exercise_id);
    e.exercise_name = name.value_or(known ? known->name : "");
    // History keeps exercises that are no longer in the catalogue, by name.
    if (e.exercise_name.empty()) catalogue.get(e.exercise_id);
    return known;
}

void set_side(ReadEntry& read, const std::optional<std::string>& side, const Exercise* known) {
    const auto parsed = side ? parse_side(*side) : known ? side_of(known->laterality) : Side::both;
    read.entry.side = parsed.value_or(Side::both);
    read.side_known = parsed.has_value();
}

EntryStatus entry_status(const std::optional<std::string>& status) {
    if (!status) return EntryStatus::done;
    const auto parsed = parse_entry_status(*status);
    if (!parsed) throw UsageError("'status' must be done or skipped");
    return *parsed;
}

std::optional<SkipReason> skip_reason(const std::optional<std::string>& reason, EntryStatus status) {
    if (!reason || reason->empty()) return std::nullopt;
    const auto parsed = parse_skip_reason(*reason);
    if (!parsed) throw UsageError(fmt::format("'skip_reason' must be {}, or empty", skip_reason_names()));
    if (status != EntryStatus::skipped) throw UsageError("'skip_reason' goes only with a skipped entry ('status' skipped)");
    return parsed;
}

void set_started(Session& s, std::string_view started) {
    if (started.empty()) throw UsageError("'started' is missing (e.g. \"2026-11-23T18:30:00+01:00\")");
    const auto parsed = parse_started(started);
    if (!parsed)
        throw UsageError(fmt::format("'started' is not a date and time like 2026-11-23T18:30:00+01:00: '{}'",
                                     started.substr(0, 40)));
    s.started = parsed->first;
    s.utc_offset = parsed->second;
}

void check_date(const Session& s, std::string_view date) {
    if (!date.empty() && date != s.local_date())
        throw UsageError(fmt::format("'date' {} is not the date of 'started' ({})", date.substr(0, 12), s.local_date()));
}

PlanGoal goal(std::string_view name) {
    if (name == "balanced") return std::nullopt;
    const auto g = parse_enum<Goal>(name);
    if (!g) throw UsageError("'goal' must be flexibility, strength, posture, balanced or null");
    return g;
}

Origin origin(std::string_view name) {
    const auto o = parse_origin(name);
    if (!o) throw UsageError("'origin' must be typed, plan, import or guided");
    return *o;
}

void check_read_session(const Session& s, std::optional<std::size_t> unknown_side) {
    if (!unknown_side || s.entries.size() > 100) return check_session(s);  // more than 100 throws before any entry
    // The checks before the side's: all of the entries before it, and the
    // dose of its own entry (its load and planned dose came after the side).
    Session before = s;
    before.entries.resize(*unknown_side + 1);
    before.entries.back().load.clear();
    before.entries.back().planned.reset();
    check_session(before);
    throw UsageError(fmt::format("{}: side must be both, each, left or right", before.entries.back().exercise_id));
}

void finish_session(Session& s, std::optional<int> duration, std::optional<std::size_t> unknown_side,
                    const Catalogue& catalogue) {
    // The identity of a session read without a uuid counts a duration only
    // when given: an estimate follows the catalogue, which may change.
    s.duration = duration.value_or(-1);
    if (s.uuid.empty()) s.uuid = content_uuid(s);
    s.duration = duration ? *duration : estimate_session_seconds(s.entries, catalogue);
    check_read_session(s, unknown_side);
}

}  // namespace backcare::fields
