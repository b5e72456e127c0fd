// SPDX-License-Identifier: MIT
#pragma once
// The last plan shown, kept in the state directory for `log --plan` and
// `go --last`. Written and read only here.
#include <filesystem>
#include <optional>
#include <string>

#include "clock.hpp"
#include "planner.hpp"
#include "session_json.hpp"

namespace backcare {

// Saves the plan (its JSON form, as `plan --format json` prints it) so that
// the next `log --plan` or `go --last` can find it.
void remember_plan(const std::filesystem::path& file, const std::string& plan_json_text);
// The same for `plan`, which shows the plan whether or not it could be
// remembered: why it was not comes back as a warning; nullopt when it was.
std::optional<std::string> remember_plan_or_why_not(const std::filesystem::path& file, const std::string& plan_json_text);

// The remembered plan; NoResult when there is none, DataError when it cannot be read.
PlannedSession remembered_plan(const std::filesystem::path& file);

// The remembered plan as a routine to run, at the doses it was planned with.
// DataError when it names an exercise the catalogue no longer has.
Routine remembered_routine(const std::filesystem::path& file, const Catalogue&);

}  // namespace backcare
