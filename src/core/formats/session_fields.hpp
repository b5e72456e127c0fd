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
// The side an exercise is done on when the record does not say.
std::string default_side(const Exercise* known);
EntryStatus entry_status(std::string_view);

// The head of a session, in the order the fields are checked.
void set_started(Session&, std::string_view started);
void check_date(const Session&, std::string_view date);  // empty: not given
PlanGoal goal(std::string_view);                         // "balanced" when not given
Origin origin(std::string_view);                         // "import" when not given
// Once the entries are in: the duration (estimated when not given), a uuid
// from the content when none was given, and check_session.
void finish_session(Session&, std::optional<int> duration, const Catalogue&);

}  // namespace backcare::fields
