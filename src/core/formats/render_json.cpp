// SPDX-License-Identifier: MIT
// JSON output of plans and catalogue entries: stable key order, versioned.
#include <ctime>

#include <nlohmann/json.hpp>

#include "catalogue_render.hpp"
#include "config_render.hpp"
#include "pain_json.hpp"
#include "plan_render.hpp"

namespace backcare {
namespace {

using Json = nlohmann::ordered_json;

template <class E> Json names(const std::vector<E>& items) {
    Json out = Json::array();
    for (E e : items) out.push_back(std::string(name_of(e)));
    return out;
}

Json range(const Range& r) {
    if (!r.present()) return nullptr;
    return Json::array({r.min, r.max});
}

Json dose_json(const Dose& d) {
    return Json{{"sets", d.sets},         {"reps", d.reps}, {"hold_seconds", d.hold},
                {"rest_seconds", d.rest}, {"side", std::string(name_of(d.per_side ? Side::each : Side::both))}};
}

Json exercise_object(const Exercise& e) {
    return Json{
        {"id", e.id},
        {"name", e.name},
        {"goals", names(e.goals)},
        {"kind", std::string(name_of(e.kind))},
        {"areas", e.areas},
        {"equipment", names(e.equipment)},
        {"position", std::string(name_of(e.position))},
        {"desk_friendly", e.desk_friendly},
        {"side", std::string(name_of(side_of(e.laterality)))},
        {"level", e.level},
        {"dose",
         {{"sets", range(e.dose.sets)},
          {"reps", range(e.dose.reps)},
          {"hold_seconds", range(e.dose.hold)},
          {"tempo_seconds", e.dose.tempo},
          {"rest_seconds", e.dose.rest}}},
        {"steps", e.steps},
        {"cues", e.cues},
        {"benefits", e.benefits},
        {"cautions", e.cautions},
        {"easier", e.easier.empty() ? Json(nullptr) : Json(e.easier)},
        {"harder", e.harder.empty() ? Json(nullptr) : Json(e.harder)},
        {"family", std::string(e.family_name())},
        {"source", e.source},
        {"origin", e.origin},
    };
}

}  // namespace

Json pain_warning_json(const PainWarning& w) {
    return Json{{"date", format_date(w.day)},
                {"reason", w.reason},
                {"days_since", w.days_since},
                {"good_since", w.good_since},
                {"message", pain_warning_message(w)}};
}

namespace {

std::string iso_utc(std::chrono::system_clock::time_point t) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

std::string plan_json(const Routine& routine, std::chrono::system_clock::time_point created) {
    const PlanRequest& r = routine.request;
    Json items = Json::array();
    for (const auto& item : routine.items)
        items.push_back(Json{{"id", item.exercise.id},
                             {"name", item.exercise.name},
                             {"kind", std::string(name_of(item.exercise.kind))},
                             {"goals", names(item.exercise.goals)},
                             {"position", std::string(name_of(item.exercise.position))},
                             {"dose", dose_json(item.dose)},
                             {"notation", format_dose(item.dose)},
                             {"seconds", item.seconds},
                             {"round", item.round},
                             {"cue", item.exercise.cue()},
                             {"why", Json{{"chosen", item.chosen_because}, {"dose", item.dose_because}}}});
    Json out{{"schema", plan_json_schema},
             {"created", iso_utc(created)},
             {"goal", std::string(name_of_goal(r.goal))},
             {"minutes", r.minutes},
             {"place", std::string(name_of(r.place))},
             {"equipment", names(equipment_at_hand(r))},
             {"level", r.level},
             {"seed", r.seed},
             {"total_seconds", routine.total_seconds()},
             {"pain_warning", routine.pain ? pain_warning_json(*routine.pain) : Json(nullptr)},
             {"fill", Json{{"added_exercises", routine.fill.added_exercises},
                           {"added_sets", routine.fill.added_sets},
                           {"rounds", routine.fill.rounds},
                           {"short_because", routine.fill.short_because.empty() ? Json(nullptr) : Json(routine.fill.short_because)}}},
             {"exercises", items}};
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string catalogue_json(const std::vector<const Exercise*>& list) {
    Json items = Json::array();
    for (const Exercise* e : list) items.push_back(exercise_object(*e));
    return Json{{"schema", catalogue_json_schema}, {"exercises", items}}.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string exercise_json(const Exercise& e) {
    Json out = exercise_object(e);
    out["schema"] = catalogue_json_schema;
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace backcare

namespace backcare {

std::string config_json(const std::vector<SettingRow>& settings, const std::vector<std::pair<std::string, std::vector<SettingRow>>>& profiles,
                        const std::vector<PathRow>& paths) {
    auto value_of = [](const SettingRow& row) {
        Json value;
        std::visit([&](const auto& v) { value = v; }, row.value);
        return value;
    };
    Json s = Json::object();
    for (const auto& row : settings) s[row.name] = Json{{"value", value_of(row)}, {"source", row.source}};
    Json pr = Json::object();
    for (const auto& [name, rows] : profiles) {
        Json one = Json::object();
        for (const auto& row : rows) one[row.name] = value_of(row);
        pr[name] = one;
    }
    Json p = Json::object();
    for (const auto& row : paths) p[row.name] = Json{{"path", row.path}, {"note", row.note}};
    return Json{{"schema", 1}, {"settings", s}, {"profiles", pr}, {"paths", p}}.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace backcare
