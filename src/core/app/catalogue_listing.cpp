// SPDX-License-Identifier: MIT
// `backcare catalogue list` and `lint`.
#include "catalogue_listing.hpp"

#include <algorithm>

#include "errors.hpp"

namespace backcare {

PlanRequest list_filter(const ListQuery& q) {
    std::optional<Goal> goal;
    if (q.goal) {
        goal = parse_plan_goal(*q.goal, "--goal");
        if (!goal) throw UsageError("--goal: 'balanced' is not an exercise's goal; expected flexibility, strength or posture");
    }
    PlanRequest filter;
    filter.goal = goal;
    filter.level = q.level ? static_cast<int>(parse_number_option(*q.level, "--level", 1, 3)) : 3;
    filter.place = q.place ? parse_place_option(*q.place, "--place") : Place::any;
    // Without --equipment, everything; with it, what can be done with that.
    if (q.equipment)
        filter.equipment = parse_equipment_option(*q.equipment, "--equipment");
    else
        filter.equipment = {all_values<Equipment>().begin(), all_values<Equipment>().end()};
    return filter;
}

std::vector<const Exercise*> exercises_fitting(const Catalogue& catalogue, const PlanRequest& filter) {
    std::vector<const Exercise*> shown;
    for (const Exercise& e : catalogue.exercises())
        if (fits(e, filter)) shown.push_back(&e);
    std::sort(shown.begin(), shown.end(), [](const Exercise* a, const Exercise* b) { return a->id < b->id; });
    return shown;
}

LintReport lint_catalogue_files(const std::vector<std::string>& names, const Catalogue& base) {
    LintReport report;
    std::vector<ParsedFile> files;
    for (const auto& name : names) {
        files.push_back(read_catalogue_file(name));
        report.problems.insert(report.problems.end(), files.back().diagnostics.begin(), files.back().diagnostics.end());
        report.exercises += files.back().exercises.size();
    }
    const auto across = cross_check(files, base);
    report.problems.insert(report.problems.end(), across.begin(), across.end());
    report.files = files.size();
    return report;
}

}  // namespace backcare
