// SPDX-License-Identifier: MIT
// Sessions to and from JSON objects, and the remembered plan read back.
#include "session_json.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "errors.hpp"
#include "pain.hpp"
#include "session_entry.hpp"
#include "session_fields.hpp"
#include "text.hpp"

namespace backcare {
namespace {

using Json = nlohmann::ordered_json;

Json entry_json(const Entry& e) {
    Json j{{"id", e.exercise_id}, {"name", e.exercise_name}, {"sets", e.sets},
           {"reps", e.reps},            {"hold_seconds", e.hold},   {"side", std::string(name_of(e.side))},
           {"load", e.load},            {"status", std::string(name_of(e.status))}};
    if (e.planned) j["planned"] = Json{{"sets", e.planned->sets}, {"reps", e.planned->reps}, {"hold_seconds", e.planned->hold}};
    if (e.skip_reason) j["skip_reason"] = std::string(name_of(*e.skip_reason));
    return j;
}

template <class T> T get(const Json& j, const char* key, const T& fallback) {
    if (!j.contains(key) || j.at(key).is_null()) return fallback;
    try {
        return j.at(key).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw UsageError(fmt::format("'{}' has the wrong type", key));
    }
}

// A text field; nullopt when absent or null.
std::optional<std::string> optional_text(const Json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return get<std::string>(j, key, "");
}

// A whole number, checked for its type and then its range; "what" names it in messages.
std::optional<int> optional_int(const Json& j, const char* key, std::string_view what) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    if (!j.at(key).is_number_integer()) throw UsageError(fmt::format("'{}' must be a whole number", what));
    return fields::in_range(j.at(key).get<long long>(), what);
}

std::optional<int> optional_int(const Json& j, const char* key) { return optional_int(j, key, key); }

void check_keys(const Json& j, std::initializer_list<const char*> known, std::string_view what) {
    for (const auto& item : j.items()) {
        const std::string& key = item.key();
        if (std::find_if(known.begin(), known.end(), [&](const char* k) { return key == k; }) == known.end())
            throw UsageError(fmt::format("unknown key '{}' in {}", key.substr(0, 40), what));
    }
}

// An entry's "planned" object; null or absent: typed without a plan. Its
// bounds are checked with the entry's (check_entry).
std::optional<PlannedDose> planned_from_json(const Json& j) {
    if (!j.contains("planned") || j.at("planned").is_null()) return std::nullopt;
    const Json& p = j.at("planned");
    if (!p.is_object())
        throw UsageError("'planned' must be an object such as {\"sets\": 2, \"reps\": 10, \"hold_seconds\": 0}, or null");
    check_keys(p, {"sets", "reps", "hold_seconds"}, "'planned' (it takes sets, reps and hold_seconds)");
    PlannedDose d;
    d.sets = optional_int(p, "sets", "planned.sets").value_or(1);
    d.reps = optional_int(p, "reps", "planned.reps").value_or(0);
    d.hold = optional_int(p, "hold_seconds", "planned.hold_seconds").value_or(0);
    return d;
}

fields::ReadEntry entry_from_json(const Json& j, const Catalogue& catalogue) {
    if (j.is_string()) return {parse_item(j.get<std::string>(), catalogue)};
    if (!j.is_object()) throw UsageError("an entry must be an object or a string such as \"cat-cow:10\"");
    // "id", as everywhere; "exercise" in exports before schema 2.
    check_keys(j, {"id", "exercise", "name", "sets", "reps", "hold_seconds", "side", "load", "status", "planned", "skip_reason"},
               "an entry");
    if (j.contains("id") && j.contains("exercise")) throw UsageError("an entry has 'id' and 'exercise' (the same, written twice)");
    fields::ReadEntry read;
    Entry& e = read.entry;
    e.exercise_id = fields::exercise_id(get<std::string>(j, j.contains("id") ? "id" : "exercise", ""));
    const Exercise* known = fields::name_entry(e, optional_text(j, "name"), catalogue);
    e.sets = optional_int(j, "sets").value_or(1);
    e.reps = optional_int(j, "reps").value_or(0);
    e.hold = optional_int(j, "hold_seconds").value_or(0);
    fields::set_side(read, optional_text(j, "side"), known);
    e.load = get<std::string>(j, "load", "");
    e.status = fields::entry_status(optional_text(j, "status"));
    e.planned = planned_from_json(j);
    e.skip_reason = fields::skip_reason(optional_text(j, "skip_reason"), e.status);
    return read;
}

Json parse_object(std::string_view line) {
    Json j;
    try {
        j = Json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
        throw UsageError(fmt::format("not valid JSON (at byte {})", e.byte));
    } catch (const nlohmann::json::exception&) {
        // Such as a number too large for any type (out_of_range.406): malformed input all the same.
        throw UsageError("not valid JSON (a number out of range)");
    }
    if (!j.is_object()) throw UsageError("a session must be a JSON object");
    // "number" (this log's, read and not kept), and "id" for it before schema 2.
    check_keys(j, {"schema", "number", "id", "uuid", "started", "date", "duration_seconds", "goal", "pain_before", "pain_after", "note",
                   "origin", "entries"},
               "a session");
    if (j.contains("schema")) {
        const Json& v = j.at("schema");
        if (!v.is_number_integer() || v.get<long long>() < 1)
            throw UsageError("'schema' must be a whole number from 1");
        if (v.get<long long>() > session_json_schema)
            throw UsageError(fmt::format("the session was written by a newer backcare (schema {}; this one reads up to {}); upgrade backcare",
                                         v.get<long long>(), session_json_schema));
    }
    return j;
}

}  // namespace

namespace {

Json session_object(const Session& s, bool with_id) {
    Json entries = Json::array();
    for (const Entry& e : s.entries) entries.push_back(entry_json(e));
    Json out;
    out["schema"] = session_json_schema;
    if (with_id) out["number"] = s.id;
    out["uuid"] = s.uuid;
    out["started"] = format_started(s);
    out["date"] = s.local_date();
    out["duration_seconds"] = s.duration;
    out["goal"] = std::string(name_of_goal(s.goal));
    out["pain_before"] = s.pain_before ? Json(*s.pain_before) : Json(nullptr);
    out["pain_after"] = s.pain_after ? Json(*s.pain_after) : Json(nullptr);
    out["note"] = s.note;
    out["origin"] = std::string(name_of(s.origin));
    out["entries"] = entries;
    return out;
}

std::string line_of(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

std::string session_json(const Session& s, bool with_id) { return line_of(session_object(s, with_id)); }

std::string logged_session_json(const Session& s, bool with_id) {
    Json out = session_object(s, with_id);
    if (painful(s))
        out["pain_warning"] = Json{{"date", s.local_date()},
                                   {"reason", pain_reason(s.pain_before, s.pain_after)},
                                   {"message", painful_session_message(s.pain_before, s.pain_after)}};
    else
        out["pain_warning"] = nullptr;
    return line_of(out);
}

Session parse_session_json(std::string_view line, const Catalogue& catalogue) {
    const Json j = parse_object(line);
    Session s;
    s.uuid = lowercase(get<std::string>(j, "uuid", ""));
    fields::set_started(s, get<std::string>(j, "started", ""));
    fields::check_date(s, get<std::string>(j, "date", ""));
    s.goal = fields::goal(get<std::string>(j, "goal", "balanced"));
    s.pain_before = optional_int(j, "pain_before");
    s.pain_after = optional_int(j, "pain_after");
    s.note = get<std::string>(j, "note", "");
    s.origin = fields::origin(get<std::string>(j, "origin", "import"));
    if (!j.contains("entries") || !j.at("entries").is_array()) throw UsageError("'entries' must be an array");
    std::optional<std::size_t> unknown_side;
    for (const auto& item : j.at("entries")) {
        fields::ReadEntry read = entry_from_json(item, catalogue);
        if (!read.side_known && !unknown_side) unknown_side = s.entries.size();
        s.entries.push_back(std::move(read.entry));
    }
    fields::finish_session(s, optional_int(j, "duration_seconds"), unknown_side, catalogue);
    return s;
}

PlannedSession read_plan_json(std::string_view text) {
    PlannedSession out;
    try {
        const Json j = Json::parse(text);
        const auto goal = j.at("goal").get<std::string>();
        if (goal != "balanced") {
            out.goal = parse_enum<Goal>(goal);
            if (!out.goal) throw DataError("unknown goal");
        }
        for (const auto& x : j.at("exercises")) {
            Entry e;
            e.exercise_id = x.at("id").get<std::string>();
            e.exercise_name = x.at("name").get<std::string>();
            const auto& d = x.at("dose");
            e.sets = d.at("sets").get<int>();
            e.reps = d.at("reps").get<int>();
            e.hold = d.at("hold_seconds").get<int>();
            // "side" since schema 2; "per_side" in a plan remembered before.
            if (d.contains("side"))
                e.side = parse_side(d.at("side").get<std::string>()).value_or(Side::both);
            else
                e.side = d.at("per_side").get<bool>() ? Side::each : Side::both;
            check_entry(e);
            out.entries.push_back(std::move(e));
        }
        out.seconds = j.at("total_seconds").get<int>();
        // "created" since plan schema 1; a plan without it is simply of no known age.
        if (j.contains("created") && j.at("created").is_string())
            if (const auto created = parse_started(j.at("created").get<std::string>())) out.created = created->first;
    } catch (const nlohmann::json::exception&) {
        throw DataError("the remembered plan is damaged; run 'backcare plan' again");
    } catch (const Error&) {
        throw DataError("the remembered plan is damaged; run 'backcare plan' again");
    }
    if (out.entries.empty()) throw DataError("the remembered plan has no exercises; run 'backcare plan' again");
    return out;
}

}  // namespace backcare
