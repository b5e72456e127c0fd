// SPDX-License-Identifier: MIT
// The checks and conversions the JSON and CSV readers share, so that a field
// is refused in the same words whichever format it came in. Each reader
// checks the types of what it reads itself, in its own order, and hands the
// values to these in the order a session is built.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "catalogue.hpp"
#include "session.hpp"

namespace backcare::fields {

// Whole numbers in a record are bounded before the session's own checks see
// them: "'sets' is out of range".
int in_range(long long value, std::string_view key);
std::optional<int> in_range(const std::optional<long long>& value, std::string_view key);

// The id of an entry's exercise, which must not be empty.
std::string exercise_id(std::string id);
// Names the entry: as given, else as the catalogue does; an exercise no
// longer in the catalogue needs a name given (else UsageError naming the
// nearest). Returns the catalogue's exercise, or nullptr.
const Exercise* name_entry(Entry&, const std::optional<std::string>& name, const Catalogue&);
// The status given, else done.
EntryStatus entry_status(const std::optional<std::string>&);
// The skip reason given (hurt, time, kit or other), for a skipped entry
// only; nullopt when not given (or empty).
std::optional<SkipReason> skip_reason(const std::optional<std::string>&, EntryStatus);

// An entry as a reader built it. A side that is none of both, each, left
// or right leaves side_known false (and the entry's side both) until
// check_read_session reports it.
struct ReadEntry {
    Entry entry;
    bool side_known = true;
};
// Sets the side given, else the exercise's (both for one no longer in the catalogue).
void set_side(ReadEntry&, const std::optional<std::string>& side, const Exercise* known);

// The head of a session, in the order the fields are checked.
void set_started(Session&, std::string_view started);
void check_date(const Session&, std::string_view date);  // empty: not given
PlanGoal goal(std::string_view);                         // "balanced" when not given
Origin origin(std::string_view);                         // "import" when not given
// check_session, and an unknown side (the first entry's that has one)
// reported where check_session reported it when sides were text: after the
// session's own fields, the entries before it and its own entry's dose.
void check_read_session(const Session&, std::optional<std::size_t> unknown_side);
// Once the entries are in: the duration (estimated when not given), a uuid
// from the content when none was given, and check_read_session.
void finish_session(Session&, std::optional<int> duration, std::optional<std::size_t> unknown_side, const Catalogue&);

}  // namespace backcare::fields
