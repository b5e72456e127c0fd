// SPDX-License-Identifier: MIT
#include "remembered_plan.hpp"


#include <fmt/format.h>

#include "errors.hpp"
#include "files.hpp"
#include "text.hpp"

namespace backcare {

void remember_plan(const std::filesystem::path& file, const std::string& plan_json_text) {
    write_file_atomically(file, plan_json_text, false);
}

std::optional<std::string> remember_plan_or_why_not(const std::filesystem::path& file, const std::string& plan_json_text) {
    try {
        remember_plan(file, plan_json_text);
        return std::nullopt;
    } catch (const Error& e) {
        return std::string("this plan is not remembered for 'log --plan': ") + e.what();
    }
}

PlannedSession remembered_plan(const std::filesystem::path& file) {
    if (path_kind(file, "read the remembered plan") == PathKind::absent)
        throw NoResult(fmt::format("there is no remembered plan ({}); run 'backcare plan' first", file.string()));
    return read_plan_json(read_small_file(file, std::size_t{1} << 20, "the remembered plan"));
}

Routine remembered_routine(const std::filesystem::path& file, const Catalogue& catalogue) {
    const PlannedSession planned = remembered_plan(file);
    Routine r;
    r.request.goal = planned.goal;
    for (const Entry& entry : planned.entries) {
        const Exercise* e = catalogue.find(entry.exercise_id);
        if (!e)
            throw DataError(fmt::format("the remembered plan names '{}', which is not in the catalogue now; run 'backcare plan' again",
                                        printable(entry.exercise_id)));
        Dose d = dose_at_level(*e, 1);
        d.sets = entry.sets;
        d.reps = entry.reps;
        d.hold = entry.hold;
        r.items.push_back({*e, d, 0, "", "", false});
    }
    return r;
}

}  // namespace backcare
