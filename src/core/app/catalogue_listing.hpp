// SPDX-License-Identifier: MIT
// `backcare catalogue list` and `lint`: which exercises fit the options as
// typed, and what is wrong with a person's catalogue files.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "diagnostic.hpp"
#include "planner.hpp"

namespace backcare {

// The options of `catalogue list`, as typed.
struct ListQuery {
    std::optional<std::string> goal, equipment, place, level;
};

// What an exercise must fit to be listed: every level up to 3, any place
// and any equipment unless the options narrow them. UsageError for an
// option that cannot be read, and for the goal "balanced", which is a
// plan's goal and no exercise's.
PlanRequest list_filter(const ListQuery&);

// The catalogue's exercises that fit, by id.
std::vector<const Exercise*> exercises_fitting(const Catalogue&, const PlanRequest& filter);

struct LintReport {
    std::vector<Diagnostic> problems;  // each file's in turn, then those across files
    std::size_t files = 0;
    std::size_t exercises = 0;  // read from all the files
};

// Checks the files on their own and against each other and the base
// catalogue (variants may name its exercises). A file that cannot be read is
// a problem, not an error.
LintReport lint_catalogue_files(const std::vector<std::string>& files, const Catalogue& base);

}  // namespace backcare
