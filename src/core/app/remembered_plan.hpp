#pragma once
// The last plan shown, kept in the state directory for `log --plan` and
// `go --last`. Written and read only here.
#include <filesystem>
#include <string>

#include "clock.hpp"
#include "planner.hpp"
#include "session_json.hpp"

namespace backcare {

// Saves the plan (its JSON form, as `plan --format json` prints it) so that
// the next `log --plan` or `go --last` can find it.
void remember_plan(const std::filesystem::path& file, const std::string& plan_json_text);

// The remembered plan; NoResult when there is none, DataError when it cannot be read.
PlannedSession remembered_plan(const std::filesystem::path& file);

// The remembered plan as a routine to run, at the doses it was planned with.
// DataError when it names an exercise the catalogue no longer has.
Routine remembered_routine(const std::filesystem::path& file, const Catalogue&);

}  // namespace backcare
