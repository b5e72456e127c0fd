#include "session_io.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "errors.hpp"
#include "text.hpp"

namespace backcare {

const char* const session_csv_header =
    "uuid,started,date,duration_seconds,goal,pain_before,pain_after,note,origin,position,exercise,name,sets,reps,"
    "hold_seconds,side,load,status,planned_sets,planned_reps,planned_hold";

namespace {

using Json = nlohmann::ordered_json;

std::string side_for(const Exercise& e) { return e.laterality == Laterality::each_side ? "each" : "both"; }

Dose dose_of(const Entry& e) {
    Dose d;
    d.sets = e.sets;
    d.reps = e.reps;
    d.hold = e.hold;
    d.load = e.load;
    d.per_side = e.side == "each";
    return d;
}

Json entry_json(const Entry& e) {
    Json j{{"exercise", e.exercise_id}, {"name", e.exercise_name}, {"sets", e.sets},
           {"reps", e.reps},            {"hold_seconds", e.hold},   {"side", e.side},
           {"load", e.load},            {"status", e.status == EntryStatus::skipped ? "skipped" : "done"}};
    if (e.planned) j["planned"] = Json{{"sets", e.planned->sets}, {"reps", e.planned->reps}, {"hold_seconds", e.planned->hold}};
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

std::optional<int> optional_int(const Json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    if (!j.at(key).is_number_integer()) throw UsageError(fmt::format("'{}' must be a whole number", key));
    const auto v = j.at(key).get<long long>();
    if (v < -1000000 || v > 1000000) throw UsageError(fmt::format("'{}' is out of range", key));
    return static_cast<int>(v);
}

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
    auto value = [&](const char* key, int fallback) {
        if (!p.contains(key) || p.at(key).is_null()) return fallback;
        if (!p.at(key).is_number_integer()) throw UsageError(fmt::format("'planned.{}' must be a whole number", key));
        const auto v = p.at(key).get<long long>();
        if (v < -1000000 || v > 1000000) throw UsageError(fmt::format("'planned.{}' is out of range", key));
        return static_cast<int>(v);
    };
    return PlannedDose{value("sets", 1), value("reps", 0), value("hold_seconds", 0)};
}

Entry entry_from_json(const Json& j, const Catalogue& catalogue) {
    if (j.is_string()) return parse_item(j.get<std::string>(), catalogue);
    if (!j.is_object()) throw UsageError("an entry must be an object or a string such as \"cat-cow:10\"");
    check_keys(j, {"exercise", "name", "sets", "reps", "hold_seconds", "side", "load", "status", "planned"}, "an entry");
    Entry e;
    e.exercise_id = get<std::string>(j, "exercise", "");
    if (e.exercise_id.empty()) throw UsageError("an entry has no 'exercise'");
    const Exercise* known = catalogue.find(e.exercise_id);
    e.exercise_name = get<std::string>(j, "name", known ? known->name : "");
    // History keeps exercises that are no longer in the catalogue, by name.
    if (e.exercise_name.empty()) catalogue.get(e.exercise_id);
    e.sets = optional_int(j, "sets").value_or(1);
    e.reps = optional_int(j, "reps").value_or(0);
    e.hold = optional_int(j, "hold_seconds").value_or(0);
    e.side = get<std::string>(j, "side", known ? side_for(*known) : "both");
    e.load = get<std::string>(j, "load", "");
    const auto status = get<std::string>(j, "status", "done");
    if (status != "done" && status != "skipped") throw UsageError("'status' must be done or skipped");
    e.status = status == "skipped" ? EntryStatus::skipped : EntryStatus::done;
    e.planned = planned_from_json(j);
    return e;
}

// RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled.
std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Reads one CSV record, which may span lines inside quotes; counts lines.
bool read_csv_record(std::istream& in, std::vector<std::string>& fields, int& line) {
    fields.clear();
    std::string field;
    bool quoted = false, any = false, after_quote = false;
    for (int c; (c = in.get()) != EOF;) {
        any = true;
        if (quoted) {
            if (c == '"') {
                if (in.peek() == '"') {
                    field += '"';
                    in.get();
                } else {
                    quoted = false;
                    after_quote = true;
                }
            } else {
                if (c == '\n') ++line;
                field += static_cast<char>(c);
            }
            continue;
        }
        if (c == '"' && field.empty() && !after_quote) {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
            after_quote = false;
        } else if (c == '\n') {
            ++line;
            if (!field.empty() && field.back() == '\r') field.pop_back();
            fields.push_back(std::move(field));
            return true;
        } else if (after_quote && c != '\r') {
            throw UsageError("text after a closing quote");
        } else {
            field += static_cast<char>(c);
        }
    }
    if (quoted) throw UsageError("a quoted field is not closed");
    if (!any) return false;
    fields.push_back(std::move(field));
    return true;
}

const std::vector<std::string>& csv_columns() {
    static const std::vector<std::string> columns = split_list(session_csv_header);
    return columns;
}

std::string started_text(const Session& s) { return format_started(s); }

}  // namespace

Entry parse_item(std::string_view item, const Catalogue& catalogue) {
    const auto colon = item.find(':');
    const std::string id(item.substr(0, colon));
    const Exercise& exercise = catalogue.get(id);
    Entry e;
    e.exercise_id = exercise.id;
    e.exercise_name = exercise.name;
    e.side = side_for(exercise);
    const Dose d = colon == std::string_view::npos ? dose_at_level(exercise, 1) : parse_dose(item.substr(colon + 1));
    e.sets = d.sets;
    e.reps = d.reps;
    e.hold = d.hold;
    e.load = d.load;
    return e;
}

std::string format_item(const Entry& e) { return e.exercise_id + ":" + format_dose(dose_of(e)); }

int estimate_session_seconds(const std::vector<Entry>& entries, const Catalogue& catalogue) {
    int total = 0;
    for (const Entry& e : entries) {
        if (e.status == EntryStatus::skipped) continue;
        Dose d = dose_of(e);
        if (const Exercise* known = catalogue.find(e.exercise_id)) d.tempo = known->dose.tempo;
        d.rest = 0;
        total += estimate_seconds(d) + 10;
    }
    return std::min(total, 24 * 3600);
}

PlanGoal main_goal(const std::vector<Entry>& entries, const Catalogue& catalogue) {
    std::map<Goal, int> votes;
    for (const Entry& e : entries)
        if (const Exercise* known = catalogue.find(e.exercise_id))
            for (Goal g : known->goals) ++votes[g];
    PlanGoal best;
    int best_votes = 0;
    bool tie = false;
    for (const auto& [g, n] : votes) {
        if (n > best_votes) {
            best = g;
            best_votes = n;
            tie = false;
        } else if (n == best_votes) {
            tie = true;
        }
    }
    // A goal every entry shares; otherwise the session was balanced.
    if (tie || best_votes < static_cast<int>(entries.size())) return std::nullopt;
    return best;
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
            e.side = d.at("per_side").get<bool>() ? "each" : "both";
            check_entry(e);
            out.entries.push_back(std::move(e));
        }
        out.seconds = j.at("total_seconds").get<int>();
    } catch (const nlohmann::json::exception&) {
        throw DataError("the remembered plan is damaged; run 'backcare plan' again");
    } catch (const Error&) {
        throw DataError("the remembered plan is damaged; run 'backcare plan' again");
    }
    if (out.entries.empty()) throw DataError("the remembered plan has no exercises; run 'backcare plan' again");
    return out;
}

std::string session_json(const Session& s, bool with_id) {
    Json entries = Json::array();
    for (const Entry& e : s.entries) entries.push_back(entry_json(e));
    Json out;
    if (with_id) out["id"] = s.id;
    out["uuid"] = s.uuid;
    out["started"] = started_text(s);
    out["date"] = s.local_date();
    out["duration_seconds"] = s.duration;
    out["goal"] = s.goal ? Json(std::string(name_of(*s.goal))) : Json(nullptr);
    out["pain_before"] = s.pain_before ? Json(*s.pain_before) : Json(nullptr);
    out["pain_after"] = s.pain_after ? Json(*s.pain_after) : Json(nullptr);
    out["note"] = s.note;
    out["origin"] = std::string(name_of(s.origin));
    out["entries"] = entries;
    return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Session parse_session_json(std::string_view line, const Catalogue& catalogue) {
    Json j;
    try {
        j = Json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
        throw UsageError(fmt::format("not valid JSON (at byte {})", e.byte));
    }
    if (!j.is_object()) throw UsageError("a session must be a JSON object");
    check_keys(j, {"id", "uuid", "started", "date", "duration_seconds", "goal", "pain_before", "pain_after", "note", "origin", "entries"},
               "a session");
    Session s;
    s.uuid = lowercase(get<std::string>(j, "uuid", ""));
    const auto started = get<std::string>(j, "started", "");
    if (started.empty()) throw UsageError("'started' is missing (e.g. \"2026-11-23T18:30:00+01:00\")");
    const auto parsed = parse_started(started);
    if (!parsed) throw UsageError(fmt::format("'started' is not a date and time like 2026-11-23T18:30:00+01:00: '{}'", started.substr(0, 40)));
    s.started = parsed->first;
    s.utc_offset = parsed->second;
    if (auto date = get<std::string>(j, "date", ""); !date.empty() && date != s.local_date())
        throw UsageError(fmt::format("'date' {} is not the date of 'started' ({})", date.substr(0, 12), s.local_date()));
    const auto goal = get<std::string>(j, "goal", "balanced");
    if (goal != "balanced") {
        s.goal = parse_enum<Goal>(goal);
        if (!s.goal) throw UsageError("'goal' must be flexibility, strength, posture, balanced or null");
    }
    s.pain_before = optional_int(j, "pain_before");
    s.pain_after = optional_int(j, "pain_after");
    s.note = get<std::string>(j, "note", "");
    const auto origin = get<std::string>(j, "origin", "import");
    s.origin = parse_origin(origin).value_or(Origin::import);
    if (!parse_origin(origin)) throw UsageError("'origin' must be typed, plan, import or guided");
    if (!j.contains("entries") || !j.at("entries").is_array()) throw UsageError("'entries' must be an array");
    for (const auto& e : j.at("entries")) s.entries.push_back(entry_from_json(e, catalogue));
    if (auto d = optional_int(j, "duration_seconds"))
        s.duration = *d;
    else
        s.duration = estimate_session_seconds(s.entries, catalogue);
    if (s.uuid.empty()) s.uuid = content_uuid(s);
    check_session(s);
    return s;
}

void write_session_csv(std::ostream& out, const Session& s) {
    const std::string head = fmt::format(
        "{},{},{},{},{},{},{},{},{}", s.uuid, started_text(s), s.local_date(), s.duration,
        s.goal ? std::string(name_of(*s.goal)) : "", s.pain_before ? std::to_string(*s.pain_before) : "",
        s.pain_after ? std::to_string(*s.pain_after) : "", csv_field(s.note), name_of(s.origin));
    int position = 0;
    for (const Entry& e : s.entries)
        out << head << ',' << ++position << ',' << csv_field(e.exercise_id) << ',' << csv_field(e.exercise_name) << ','
            << e.sets << ',' << e.reps << ',' << e.hold << ',' << e.side << ',' << csv_field(e.load) << ','
            << (e.status == EntryStatus::skipped ? "skipped" : "done") << ','
            << (e.planned ? fmt::format("{},{},{}", e.planned->sets, e.planned->reps, e.planned->hold) : ",,") << "\r\n";
}

SessionReader::SessionReader(std::istream& in, std::string label, const Catalogue& catalogue)
    : in_(in), label_(std::move(label)), catalogue_(catalogue) {
    // A byte order mark, as spreadsheets write at the start of "CSV UTF-8".
    if (in_.peek() == 0xEF) {
        char bom[3] = {};
        in_.read(bom, 3);
        if (std::string_view(bom, static_cast<std::size_t>(in_.gcount())) != "\xEF\xBB\xBF")
            throw fail(1, "the input is not UTF-8 text");
    }
    // Skip leading blank space to see what kind of input this is.
    while (in_.peek() == ' ' || in_.peek() == '\n' || in_.peek() == '\r' || in_.peek() == '\t')
        if (in_.get() == '\n') ++line_;
    if (in_.peek() == EOF) return;
    csv_ = in_.peek() != '{';
    if (!csv_) return;
    std::vector<std::string> header;
    try {
        read_csv_record(in_, header, line_);
    } catch (const Error& e) {
        throw fail(1, e.what());
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (std::find(csv_columns().begin(), csv_columns().end(), header[i]) == csv_columns().end())
            throw fail(1, fmt::format("unknown column '{}' (expected the header of 'backcare export --format csv')",
                                      header[i].substr(0, 40)));
        column_[header[i]] = i;
    }
    columns_ = header.size();
    for (const char* required : {"started", "exercise"})
        if (!column_.count(required)) throw fail(1, fmt::format("the header has no '{}' column", required));
}

DataError SessionReader::fail(int line, const std::string& why) const {
    return DataError(fmt::format("{}:{}: {}", label_, line, why));
}

void SessionReader::check_start(const Session& s, int line) const {
    if (latest_ && s.started > *latest_)
        throw fail(line, fmt::format("the session starts in the future ({})", format_started(s)));
}

std::optional<Session> SessionReader::next() {
    if (!csv_) {
        for (std::string text; std::getline(in_, text);) {
            const int at = line_++;
            if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
            Session s;
            try {
                s = parse_session_json(text, catalogue_);
            } catch (const Error& e) {
                throw fail(at, e.what());
            }
            check_start(s, at);
            return s;
        }
        return std::nullopt;
    }
    // CSV: a row is one entry; consecutive rows with the same uuid make one session.
    std::optional<Session> session;
    std::string uuid;
    bool estimate = false;  // no duration column: estimated from every entry, as for JSON
    int first_line = 0;
    for (;;) {
        if (!pending_) {
            pending_line_ = line_;
            try {
                if (!read_csv_record(in_, pending_fields_, line_)) break;
            } catch (const Error& e) {
                throw fail(pending_line_, e.what());
            }
            if (pending_fields_.size() == 1 && pending_fields_[0].empty()) continue;
            pending_ = true;
        }
        const int at = pending_line_;
        try {
            if (pending_fields_.size() != columns_)
                throw UsageError(fmt::format("{} fields where the header has {}", pending_fields_.size(), columns_));
            auto field = [&](const char* name) -> std::string {
                auto it = column_.find(name);
                return it == column_.end() ? std::string() : pending_fields_[it->second];
            };
            const std::string row_uuid = field("uuid");
            if (session && (row_uuid.empty() || row_uuid != uuid)) break;  // the next session's first row
            Json entry;
            entry["exercise"] = field("exercise");
            auto number = [&](const char* name, Json& into) {
                const std::string v = field(name);
                if (v.empty()) return;
                try {
                    std::size_t used = 0;
                    const long long n = std::stoll(v, &used);
                    if (used != v.size()) throw std::invalid_argument(v);
                    into[name] = n;
                } catch (const std::logic_error&) {
                    throw UsageError(fmt::format("'{}' must be a whole number", name));
                }
            };
            for (const char* key : {"name", "side", "load", "status"})
                if (!field(key).empty()) entry[key] = field(key);
            for (const char* key : {"sets", "reps", "hold_seconds"}) number(key, entry);
            // The planned dose: empty columns (or none, in an older export) when typed without a plan.
            Json planned = Json::object();
            for (const auto& [column, key] : {std::pair{"planned_sets", "sets"}, std::pair{"planned_reps", "reps"},
                                              std::pair{"planned_hold", "hold_seconds"}}) {
                Json one;
                number(column, one);
                if (one.contains(column)) planned[key] = one.at(column);
            }
            if (!planned.empty()) entry["planned"] = planned;
            pending_ = false;
            if (session) {
                session->entries.push_back(entry_from_json(entry, catalogue_));
                check_session(*session);
                continue;
            }
            Json head;
            if (!row_uuid.empty()) head["uuid"] = row_uuid;
            for (const char* key : {"started", "date", "goal", "note", "origin"})
                if (!field(key).empty()) head[key] = field(key);
            for (const char* key : {"duration_seconds", "pain_before", "pain_after"}) number(key, head);
            head["entries"] = Json::array({entry});
            if (!row_uuid.empty() && !uuids_seen_.insert(row_uuid).second)
                throw UsageError(fmt::format("session {} again: the rows of one session must be together", row_uuid));
            session = parse_session_json(head.dump(), catalogue_);
            first_line = at;
            estimate = field("duration_seconds").empty();
            uuid = row_uuid;
            if (uuid.empty()) break;  // no uuid: the row is a session of its own
        } catch (const Error& e) {
            throw fail(at, e.what());
        }
    }
    if (session && estimate && session->entries.size() > 1) {
        session->duration = estimate_session_seconds(session->entries, catalogue_);
        check_session(*session);
    }
    if (session) check_start(*session, first_line);
    return session;
}

ReadAhead::ReadAhead(SessionReader& reader, std::size_t depth)
    : reader_(reader), depth_(depth), thread_([this] { run(); }) {}

ReadAhead::~ReadAhead() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void ReadAhead::run() {
    for (;;) {
        std::optional<Session> s;
        std::exception_ptr error;
        try {
            s = reader_.next();
        } catch (...) {
            error = std::current_exception();
        }
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopping_ || ready_.size() < depth_; });
        if (stopping_) return;
        if (error || !s) {
            error_ = error;
            finished_ = true;
            changed_.notify_all();
            return;
        }
        ready_.push_back(std::move(*s));
        if (ready_.size() == 1) changed_.notify_all();  // the consumer may be waiting for one
    }
}

std::optional<Session> ReadAhead::next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
    if (!ready_.empty()) {
        Session s = std::move(ready_.front());
        ready_.pop_front();
        if (ready_.size() == depth_ / 2) changed_.notify_all();  // wake a full producer in batches
        return s;
    }
    if (error_) std::rethrow_exception(error_);
    return std::nullopt;
}

std::vector<Session> read_sessions(std::istream& in, const std::string& label, const Catalogue& catalogue) {
    SessionReader reader(in, label, catalogue);
    std::vector<Session> out;
    while (auto s = reader.next()) out.push_back(std::move(*s));
    return out;
}

void render_session_line(std::ostream& out, const Session& s, const Style& st) {
    std::vector<std::string> items;
    for (const Entry& e : s.entries) items.push_back(e.status == EntryStatus::skipped ? "(" + e.exercise_id + " skipped)" : format_item(e));
    const std::string started = format_started(s);
    std::string pain;
    if (s.pain_before || s.pain_after)
        pain = fmt::format("pain {}{}{}", s.pain_before ? std::to_string(*s.pain_before) : "?", st.unicode ? "→" : "->",
                           s.pain_after ? std::to_string(*s.pain_after) : "?");
    out << st.bold(fmt::format("{:>5}", s.id)) << "  " << started.substr(0, 10) << ' ' << started.substr(11, 5) << "  "
        << fmt::format("{:>6}", format_seconds(s.duration)) << "  " << fmt::format("{:<10}", pain) << join(items, ", ")
        << '\n';
    if (!s.note.empty()) {
        out << "       " << st.dim(printable(s.note)) << '\n';
    }
}

void render_session_tsv(std::ostream& out, const Session& s) {
    std::vector<std::string> items;
    for (const Entry& e : s.entries) items.push_back(format_item(e) + (e.status == EntryStatus::skipped ? "!skipped" : ""));
    out << s.id << '\t' << s.uuid << '\t' << format_started(s) << '\t' << s.local_date() << '\t' << s.duration << '\t'
        << (s.goal ? name_of(*s.goal) : "") << '\t' << (s.pain_before ? std::to_string(*s.pain_before) : "") << '\t'
        << (s.pain_after ? std::to_string(*s.pain_after) : "") << '\t' << name_of(s.origin) << '\t' << join(items, ",")
        << '\t' << tsv_field(s.note) << '\n';
}

void render_session_text(std::ostream& out, const Session& s, const Style& st) {
    out << st.bold(fmt::format("Session {}", s.id)) << st.dim(" " + s.uuid) << '\n';
    out << "  " << format_started(s) << st.dot() << format_seconds(s.duration) << st.dot() << name_of(s.origin);
    if (s.pain_before || s.pain_after)
        out << st.dot() << "pain " << (s.pain_before ? std::to_string(*s.pain_before) : "?") << (st.unicode ? " → " : " -> ")
            << (s.pain_after ? std::to_string(*s.pain_after) : "?");
    out << '\n';
    for (const Entry& e : s.entries)
        out << "  " << (e.status == EntryStatus::skipped ? "skipped " : "") << e.exercise_name << "  "
            << describe_dose(dose_of(e), st.unicode) << '\n';
    if (!s.note.empty()) out << "  " << st.dim("note: ") << printable(s.note) << '\n';
}

}  // namespace backcare
