// SPDX-License-Identifier: MIT
// What `backcare stats` reads from the log (the StatsSource of stats.hpp).
// Its pass over every entry of a period is the hot path of stats, so all of
// it goes through one thin statement on SQLite's C interface: SQLiteCpp's
// column objects cost as much as SQLite's own work there (measured, see
// tests/bench/README.md). The connection, and the translation of its errors,
// are the journal's as everywhere else.
#include <memory>
#include <sqlite3.h>
#include <string_view>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "journal.hpp"
#include "journal_impl.hpp"

namespace backcare {
namespace {

using journal_detail::guarded;

// A prepared statement of the connection; its errors are thrown as
// SQLite::Exception, for guarded to translate like any other.
class RawStatement {
public:
    RawStatement(SQLite::Database& db, const std::string& sql) : db_(db.getHandle()) {
        sqlite3_stmt* raw = nullptr;
        check(sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr));
        stmt_.reset(raw);
    }
    // Binds a named parameter when the SQL has it; nullopt binds NULL.
    void bind(const char* name, const std::optional<std::string>& value) {
        const int i = sqlite3_bind_parameter_index(stmt_.get(), name);
        if (i == 0) return;
        check(value ? sqlite3_bind_text(stmt_.get(), i, value->data(), static_cast<int>(value->size()), SQLITE_TRANSIENT)
                    : sqlite3_bind_null(stmt_.get(), i));
    }
    void bind(const char* name, std::int64_t value) {
        if (const int i = sqlite3_bind_parameter_index(stmt_.get(), name)) check(sqlite3_bind_int64(stmt_.get(), i, value));
    }
    void bind(const char* name, Date day) { bind(name, std::optional(format_date(day))); }
    // Binds what session_filter's SQL asks for.
    void bind_filter(const StatsFilter& f) {
        if (f.goal) bind(":goal", *f.goal ? std::optional(std::string(name_of(**f.goal))) : std::nullopt);
        if (f.exercise) bind(":exercise", *f.exercise);
    }
    // Steps to the next row; false at the end.
    bool step() {
        const int rc = sqlite3_step(stmt_.get());
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) check(rc);
        return false;
    }
    std::int64_t int64(int i) const { return sqlite3_column_int64(stmt_.get(), i); }
    int integer(int i) const { return sqlite3_column_int(stmt_.get(), i); }
    bool null(int i) const { return sqlite3_column_type(stmt_.get(), i) == SQLITE_NULL; }
    std::optional<int> optional(int i) const { return null(i) ? std::nullopt : std::optional(integer(i)); }
    std::string_view text(int i) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), i));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), i))) : std::string_view();
    }
    Date date(int i) const { return parse_date(text(i)).value_or(Date{}); }

private:
    void check(int rc) const {
        if (rc != SQLITE_OK) throw SQLite::Exception(sqlite3_errmsg(db_), rc);
    }
    sqlite3* db_;
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt_{nullptr, sqlite3_finalize};
};

// The filter as SQL on session s, with :goal and :exercise bound by bind_filter.
std::string session_filter(const StatsFilter& f) {
    std::string sql;
    if (f.goal) sql += " AND s.goal IS :goal";
    if (f.exercise) sql += " AND EXISTS (SELECT 1 FROM entry x WHERE x.session_id = s.id AND x.exercise_id = :exercise)";
    return sql;
}

// Whether [from, to] holds every session of the log (an empty log too).
bool holds_whole_log(SQLite::Database& db, Date from, Date to) {
    RawStatement bounds(db, "SELECT min(local_date), max(local_date) FROM session");
    bounds.step();
    return bounds.null(0) || (bounds.date(0) >= from && bounds.date(1) <= to);
}

// each_row's two passes in step: the sessions, and their entries, so that a
// session's columns are read once. When the period holds the whole log, both
// are read straight through in session order (no index seeks); otherwise
// through the local_date index.
struct RowPasses {
    bool whole;
    RawStatement sessions, entries;
};

RowPasses row_passes(SQLite::Database& db, Date from, Date to, const StatsFilter& f) {
    const bool whole = holds_whole_log(db, from, to);
    const std::string sessions_sql = "SELECT s.id, s.local_date, s.goal, s.started, s.duration, s.pain_before, s.pain_after "
                                     "FROM session s";
    const std::string entries_sql = "SELECT e.session_id, e.exercise_id, e.sets, e.reps, e.hold, "
                                    "e.side = 'each', e.status = 'done', e.planned_sets, e.planned_reps, e.planned_hold, "
                                    "coalesce(e.skip_reason IN ('time', 'kit'), 0) FROM ";
    const std::string filter = session_filter(f);
    RowPasses p{whole,
                RawStatement(db, whole ? sessions_sql + " WHERE 1" + filter + " ORDER BY s.id"
                                       : sessions_sql + " WHERE s.local_date BETWEEN :from AND :to" + filter +
                                             " ORDER BY s.local_date, s.id"),
                RawStatement(db, whole ? entries_sql + "entry e ORDER BY e.session_id, e.position"
                                       : entries_sql + "session s JOIN entry e ON e.session_id = s.id "
                                                       "WHERE s.local_date BETWEEN :from AND :to" +
                                             filter + " ORDER BY s.local_date, s.id, e.position")};
    for (RawStatement* q : {&p.sessions, &p.entries}) {
        q->bind(":from", from);
        q->bind(":to", to);
        q->bind_filter(f);
    }
    return p;
}

void read_entry_row(const RawStatement& entries, StatsRow& r) {
    r.exercise_id = entries.text(1);
    r.sets = entries.integer(2);
    r.reps = entries.integer(3);
    r.hold = entries.integer(4);
    r.each_side = entries.integer(5) != 0;
    r.done = entries.integer(6) != 0;
    r.excused = entries.integer(10) != 0;
    if (entries.null(7) || entries.null(8) || entries.null(9))
        r.planned.reset();
    else
        r.planned = PlannedDose{entries.integer(7), entries.integer(8), entries.integer(9)};
}

}  // namespace

std::optional<Date> Journal::first_day(const StatsFilter& f, Date from, Date to) const {
    return guarded(shown_, [&]() -> std::optional<Date> {
        RawStatement q(*db_, "SELECT min(s.local_date) FROM session s WHERE s.local_date BETWEEN :from AND :to" + session_filter(f));
        q.bind(":from", from);
        q.bind(":to", to);
        q.bind_filter(f);
        q.step();
        if (q.null(0)) return std::nullopt;
        return q.date(0);
    });
}

void Journal::each_row(Date from, Date to, const StatsFilter& f, const std::function<void(const StatsRow&)>& visit) const {
    guarded(shown_, [&] {
        RowPasses passes = row_passes(*db_, from, to, f);
        RawStatement& sessions = passes.sessions;
        RawStatement& entries = passes.entries;
        // In the whole-log order, entries of sessions the filter left out are passed over.
        auto before = [&](std::int64_t entry_session, std::int64_t session) { return passes.whole && entry_session < session; };
        StatsRow r;
        std::string date, goal;  // the session's, kept while its entries are stepped through
        bool entry = entries.step();
        while (sessions.step()) {
            r.session = sessions.int64(0);
            date = sessions.text(1);
            goal = sessions.text(2);
            r.local_date = date;
            r.goal = goal;
            r.started = sessions.int64(3);
            r.duration = sessions.integer(4);
            r.pain_before = sessions.optional(5);
            r.pain_after = sessions.optional(6);
            while (entry && before(entries.int64(0), r.session)) entry = entries.step();
            r.has_entry = entry && entries.int64(0) == r.session;
            if (!r.has_entry) {
                visit(r);  // a session without entries still counts
                continue;
            }
            for (; entry && entries.int64(0) == r.session; entry = entries.step()) {
                read_entry_row(entries, r);
                visit(r);
            }
        }
        return 0;
    });
}

std::string Journal::exercise_name(std::int64_t session, const std::string& exercise_id) const {
    return guarded(shown_, [&] {
        RawStatement q(*db_, "SELECT exercise_name FROM entry WHERE session_id = :session AND exercise_id = :exercise LIMIT 1");
        q.bind(":session", session);
        q.bind(":exercise", exercise_id);
        return q.step() ? std::string(q.text(0)) : exercise_id;
    });
}

void Journal::each_active_day(Date to, const StatsFilter& f, const std::function<void(Date)>& visit) const {
    guarded(shown_, [&] {
        RawStatement q(*db_, "SELECT DISTINCT s.local_date FROM session s WHERE s.local_date <= :to" + session_filter(f) +
                                 " ORDER BY s.local_date");
        q.bind(":to", to);
        q.bind_filter(f);
        while (q.step()) visit(q.date(0));
        return 0;
    });
}

std::vector<ExerciseTime> Journal::exercise_times(Date from, Date to, const StatsFilter& f) const {
    return guarded(shown_, [&] {
        std::vector<ExerciseTime> out;
        if (!f.exercise) return out;
        RawStatement q(*db_, fmt::format(
            "SELECT s.started, s.utc_offset, s.local_date, e.sets, e.reps, e.hold, e.side, e.load, e.status "
            "FROM session s JOIN entry e ON e.session_id = s.id "
            "WHERE s.local_date BETWEEN :from AND :to AND e.exercise_id = :exercise{} ORDER BY s.started, s.id, e.position",
            f.goal ? " AND s.goal IS :goal" : ""));
        q.bind(":from", from);
        q.bind(":to", to);
        q.bind_filter(f);
        while (q.step()) {
            Session s;
            s.started = q.int64(0);
            s.utc_offset = q.integer(1);
            ExerciseTime t;
            t.started = format_started(s);
            t.day = q.date(2);
            t.sets = q.integer(3);
            t.reps = q.integer(4);
            t.hold = q.integer(5);
            t.side = parse_side(q.text(6)).value_or(Side::both);
            t.load = q.text(7);
            t.status = parse_entry_status(q.text(8)).value_or(EntryStatus::done);
            out.push_back(std::move(t));
        }
        return out;
    });
}

std::vector<ScoredSession> Journal::pain_scores(Date from, Date to) const {
    return guarded(shown_, [&] {
        std::vector<ScoredSession> out;
        RawStatement q(*db_, "SELECT local_date, pain_before, pain_after FROM session INDEXED BY session_local_date "
                             "WHERE local_date BETWEEN :from AND :to ORDER BY started, id");  // as the planner reads them
        q.bind(":from", from);
        q.bind(":to", to);
        while (q.step())
            if (const auto day = parse_date(q.text(0))) out.push_back({*day, q.optional(1), q.optional(2)});
        return out;
    });
}

}  // namespace backcare
