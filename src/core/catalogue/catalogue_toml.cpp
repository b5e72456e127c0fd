// SPDX-License-Identifier: MIT
// Catalogue files: TOML to Exercise, with every problem located.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "catalogue.hpp"
#include "toml_reader.hpp"

namespace backcare {
namespace {

using toml_reader::TableReader;

ParsedExercise read_exercise(const toml::value& table, const std::string& file, const toml_reader::Positions& positions,
                             std::vector<Diagnostic>& out) {
    ParsedExercise p;
    Exercise& e = p.exercise;
    e.origin = file;
    TableReader r(table, positions, out);
    e.id = r.string("id", true).value_or("");
    p.id_pos = r.pos("id");
    e.name = r.string("name", true).value_or("");
    e.goals = r.list_of<Goal>("goals", true);
    e.kind = r.one_of<Kind>("kind", true).value_or(Kind::mobility);
    e.areas = r.strings("areas", true);
    e.equipment = r.list_of<Equipment>("equipment", true);
    e.position = r.one_of<Position>("position", true).value_or(Position::standing);
    e.desk_friendly = r.boolean("desk_friendly", true).value_or(false);
    e.laterality = r.one_of<Laterality>("laterality", true).value_or(Laterality::both);
    e.level = static_cast<int>(std::clamp<long long>(r.integer("level", true).value_or(1), -1000, 1000));
    e.steps = r.strings("steps", true);
    e.cues = r.strings("cues", true);
    e.benefits = r.strings("benefits", true);
    e.cautions = r.strings("cautions", true);
    e.easier = r.string("easier", false).value_or("");
    p.easier_pos = r.pos("easier");
    e.harder = r.string("harder", false).value_or("");
    p.harder_pos = r.pos("harder");
    e.family = r.string("family", false).value_or("");
    e.source = r.string("source", true).value_or("");

    // Where each dose key is, so that semantic problems point at the field they concern.
    std::map<std::string, SourcePos> dose_keys;
    SourcePos dose_pos = r.table_pos();
    if (const toml::value* dose = r.raw("dose")) {
        dose_pos = r.position_of(*dose);
        if (!dose->is_table()) {
            r.error(dose_pos, "'dose' must be a table ([exercise.dose])");
        } else {
            TableReader d(*dose, positions, out, "dose");
            e.dose.sets = d.range("sets", true).value_or(Range{1, 1});
            e.dose.reps = d.range("reps", false).value_or(Range{});
            e.dose.hold = d.range("hold", false).value_or(Range{});
            e.dose.tempo = static_cast<int>(std::clamp<long long>(d.integer("tempo", false).value_or(3), -1000, 1000));
            e.dose.rest = static_cast<int>(std::clamp<long long>(d.integer("rest", false).value_or(0), -1000, 1000));
            for (const char* key : {"sets", "reps", "hold", "tempo", "rest"}) dose_keys[std::string("dose.") + key] = d.pos(key);
            // A written 0 would otherwise look like an absent range.
            for (const auto& [key, range] : {std::pair{"sets", e.dose.sets}, {"reps", e.dose.reps}, {"hold", e.dose.hold}})
                if (d.has(key) && range == Range{}) d.error(d.pos(key), *dose_range_problem(key, range));
            d.finish();
        }
    } else {
        r.error(r.table_pos(), "missing required table 'dose' ([exercise.dose])");
    }
    for (const auto& problem : validate(e)) {
        // A missing key is already reported as missing.
        if (problem.field.find('.') == std::string::npos && !r.has(problem.field)) continue;
        if (auto it = dose_keys.find(problem.field); it != dose_keys.end())
            r.error(it->second, problem.message);
        else
            r.error(problem.field.rfind("dose", 0) == 0 ? dose_pos : r.pos(problem.field), problem.message);
    }
    r.finish();
    return p;
}

}  // namespace

ParsedFile parse_catalogue(std::string_view text, const std::string& file_name) {
    ParsedFile file;
    file.name = file_name;
    auto root = toml_reader::parse(text, file_name, file.diagnostics);
    if (!root) return file;
    const toml_reader::Positions positions;
    TableReader top(*root, positions, file.diagnostics);
    if (auto schema = top.integer("schema", true); schema && *schema != catalogue_schema)
        top.error(top.pos("schema"), fmt::format("schema {} is not supported; this backcare reads schema {}", *schema,
                                                 catalogue_schema));
    const toml::value* list = top.raw("exercise");
    if (!list) {
        top.error(SourcePos(file_name, 1, 1), "no exercises: add at least one [[exercise]] table");
    } else if (!list->is_array() || (!list->as_array().empty() && !list->as_array().front().is_table())) {
        top.error(top.position_of(*list), "'exercise' must be an array of tables ([[exercise]])");
    } else {
        for (const auto& table : list->as_array()) {
            if (!table.is_table()) continue;
            file.exercises.push_back(read_exercise(table, file_name, positions, file.diagnostics));
        }
    }
    top.finish();
    std::stable_sort(file.diagnostics.begin(), file.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::pair{a.where.line, a.where.column} < std::pair{b.where.line, b.where.column};
    });
    return file;
}

}  // namespace backcare
