// SPDX-License-Identifier: MIT
// Reading sessions from the log: one by number or uuid, the most recent, all
// of them as a stream, and what planning needs (what was done last, how many
// today).
#include <algorithm>
#include <cstdint>
#include <set>
#include <sqlite3.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "errors.hpp"
#include "journal.hpp"
#include "journal_impl.hpp"
#include "text.hpp"

namespace backcare {
namespace {

using journal_detail::guarded;

std::optional<int> optional_int(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getInt();
}

}  // namespace

namespace journal_detail {

Session read_session(SQLite::Statement& q) {
    Session s;
    s.id = q.getColumn(0).getInt64();
    s.uuid = q.getColumn(1).getString();
    s.started = q.getColumn(2).getInt64();
    s.utc_offset = q.getColumn(3).getInt();
    s.duration = q.getColumn(4).getInt();
    if (!q.getColumn(5).isNull()) s.goal = parse_enum<Goal>(q.getColumn(5).getString());
    s.pain_before = optional_int(q.getColumn(6));
    s.pain_after = optional_int(q.getColumn(7));
    s.note = q.getColumn(8).getString();
    s.origin = parse_origin(q.getColumn(9).getString()).value_or(Origin::typed);
    return s;
}

Entry read_entry(SQLite::Statement& q, int first) {
    Entry e;
    e.exercise_id = q.getColumn(first).getString();
    e.exercise_name = q.getColumn(first + 1).getString();
    e.sets = q.getColumn(first + 2).getInt();
    e.reps = q.getColumn(first + 3).getInt();
    e.hold = q.getColumn(first + 4).getInt();
    e.side = parse_side(q.getColumn(first + 5).getString()).value_or(Side::both);
    e.load = q.getColumn(first + 6).getString();
    e.status = parse_entry_status(q.getColumn(first + 7).getString()).value_or(EntryStatus::done);
    if (!q.getColumn(first + 8).isNull() && !q.getColumn(first + 9).isNull() && !q.getColumn(first + 10).isNull())
        e.planned = PlannedDose{q.getColumn(first + 8).getInt(), q.getColumn(first + 9).getInt(), q.getColumn(first + 10).getInt()};
    if (!q.getColumn(first + 11).isNull() && e.status == EntryStatus::skipped)
        e.skip_reason = parse_skip_reason(q.getColumn(first + 11).getString());
    return e;
}

std::string entry_columns_in(SQLite::Database& db) {
    std::set<std::string> have;
    SQLite::Statement info(db, "SELECT name FROM pragma_table_info('entry')");
    while (info.executeStep()) have.insert(info.getColumn(0).getString());
    std::string out;
    for (const std::string& column : split_list(entry_columns)) {
        if (!out.empty()) out += ", ";
        out += have.count(column) ? column : "NULL";
    }
    return out;
}

}  // namespace journal_detail

using journal_detail::entry_columns;
using journal_detail::read_entry;
using journal_detail::read_session;
using journal_detail::session_columns;

void Journal::load_entries(Session& s) const {
    SQLite::Statement q(*db_, fmt::format("SELECT {} FROM entry WHERE session_id = ? ORDER BY position", entry_columns));
    q.bind(1, static_cast<int64_t>(s.id));
    while (q.executeStep()) s.entries.push_back(read_entry(q, 0));
}

namespace {

std::optional<Session> first_of(SQLite::Statement& q, const std::string& key) {
    if (!q.executeStep()) return std::nullopt;
    Session s = read_session(q);
    if (q.executeStep()) throw UsageError(fmt::format("'{}' is the start of more than one uuid; give more of it", key));
    return s;
}

std::string described(const Session& s) {
    const std::string started = format_started(s);
    return fmt::format("session {} of {} {}", s.id, started.substr(0, 10), started.substr(11, 5));
}

}  // namespace

std::optional<Session> Journal::find(const std::string& id_or_uuid) const {
    const std::string key = lowercase(id_or_uuid);
    return guarded(shown_, [&]() -> std::optional<Session> {
        // '#12' is a number only; digits alone may be either, and must then be only one.
        const bool marked = key.size() > 1 && key.front() == '#';
        const std::string digits = marked ? key.substr(1) : key;
        const bool numeric = !digits.empty() && digits.size() < 19 && digits.find_first_not_of("0123456789") == std::string::npos;
        const bool uuid_like = !marked && key.size() >= 8 && key.size() <= 36 &&
                               key.find_first_not_of("0123456789abcdef-") == std::string::npos;
        if (!numeric && !uuid_like) {
            if (marked || key.size() < 8)
                throw UsageError(fmt::format("'{}' is neither a session number nor 8 or more characters of a uuid", printable(key)));
            return std::nullopt;
        }
        std::optional<Session> by_number, by_uuid;
        if (numeric) {
            SQLite::Statement q(*db_, fmt::format("SELECT {} FROM session WHERE id = ?", session_columns));
            q.bind(1, static_cast<int64_t>(std::stoll(digits)));
            by_number = first_of(q, key);
        }
        if (uuid_like) {
            SQLite::Statement q(*db_, fmt::format("SELECT {} FROM session WHERE substr(uuid, 1, ?2) = ?1 LIMIT 2", session_columns));
            q.bind(1, key);
            q.bind(2, static_cast<int>(key.size()));
            by_uuid = first_of(q, key);
        }
        if (by_number && by_uuid && by_number->id != by_uuid->id)
            throw UsageError(fmt::format("'{}' is both {} and the start of the uuid of {} ({}); write '#{}' for the number, "
                                         "or more of the uuid",
                                         key, described(*by_number), described(*by_uuid), by_uuid->uuid, by_number->id));
        std::optional<Session> found = by_number ? std::move(by_number) : std::move(by_uuid);
        if (found) load_entries(*found);
        return found;
    });
}

std::vector<Session> Journal::recent(std::size_t limit, std::optional<Date> since) const {
    return guarded(shown_, [&] {
        std::vector<Session> out;
        SQLite::Statement q(*db_, fmt::format("SELECT {} FROM session WHERE local_date >= ? ORDER BY started DESC, id DESC LIMIT ?",
                                              session_columns));
        q.bind(1, since ? format_date(*since) : std::string("0000-00-00"));
        q.bind(2, static_cast<int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
        while (q.executeStep()) out.push_back(read_session(q));
        for (auto& s : out) load_entries(s);
        return out;
    });
}

void Journal::each(const std::function<void(const Session&)>& visit, std::optional<Date> since) const {
    guarded(shown_, [&] {
        // One pass over a join, so memory holds one session at a time.
        SQLite::Statement q(*db_, fmt::format("SELECT s.id, s.uuid, s.started, s.utc_offset, s.duration, s.goal, s.pain_before, "
                                              "s.pain_after, s.note, s.origin, {} FROM session s {} JOIN entry e ON e.session_id = s.id "
                                              "{}ORDER BY s.started, s.id, e.position",
                                              "e.exercise_id, e.exercise_name, e.sets, e.reps, e.hold, e.side, e.load, e.status, "
                                              "e.planned_sets, e.planned_reps, e.planned_hold, e.skip_reason",
                                              // In order of start, unsorted: a recent part through the
                                              // start's index from a day before the date (no offset is
                                              // that large), then by the date where it was logged.
                                              since ? "INDEXED BY session_started CROSS" : "",
                                              since ? "WHERE s.started >= ? AND s.local_date >= ? " : ""));
        if (since) {
            q.bind(1, static_cast<std::int64_t>(std::chrono::sys_seconds(*since).time_since_epoch().count()) - 24 * 3600);
            q.bind(2, format_date(*since));
        }
        std::optional<Session> current;
        while (q.executeStep()) {
            const std::int64_t id = q.getColumn(0).getInt64();
            if (current && current->id != id) {
                visit(*current);
                current.reset();
            }
            if (!current) current = read_session(q);
            current->entries.push_back(read_entry(q, 10));
        }
        if (current) visit(*current);
        return 0;
    });
}

namespace {

LastDone last_day_of(SQLite::Database& db, std::optional<Date> since, bool skipped_too) {
    LastDone out;
    // From the sessions of the period (the local_date index), then their entries (the primary key).
    // CROSS JOIN keeps that order: without statistics SQLite would scan every entry.
    SQLite::Statement q(db, fmt::format("SELECT e.exercise_id, max(s.local_date) FROM session s CROSS JOIN entry e ON e.session_id = s.id "
                                        "WHERE s.local_date >= ?{} GROUP BY e.exercise_id",
                                        skipped_too ? "" : " AND e.status = 'done'"));
    q.bind(1, since ? format_date(*since) : std::string("0000-01-01"));
    while (q.executeStep())
        if (auto d = parse_date(q.getColumn(1).getString())) out.emplace(q.getColumn(0).getString(), *d);
    return out;
}

}  // namespace

LastDone Journal::last_done(std::optional<Date> since) const {
    return guarded(shown_, [&] { return last_day_of(*db_, since, false); });
}

LastDone Journal::last_offered(std::optional<Date> since) const {
    return guarded(shown_, [&] { return last_day_of(*db_, since, true); });
}

int Journal::sessions_on(Date day) const {
    return guarded(shown_, [&] {
        SQLite::Statement q(*db_, "SELECT count(*) FROM session WHERE local_date = ?");
        q.bind(1, format_date(day));
        q.executeStep();
        return q.getColumn(0).getInt();
    });
}

std::size_t Journal::count() const {
    return guarded(shown_, [&] { return static_cast<std::size_t>(db_->execAndGet("SELECT count(*) FROM session").getInt64()); });
}

int Journal::total_changes() const { return sqlite3_total_changes(db_->getHandle()); }

void Journal::read_together(const std::function<void()>& read) const {
    guarded(shown_, [&] {
        SQLite::Transaction t(*db_, SQLite::TransactionBehavior::DEFERRED);
        // A deferred transaction takes its shared lock at the first read; take it now.
        db_->execAndGet("SELECT count(*) FROM sqlite_master");
        read();
        t.commit();
        return 0;
    });
}

}  // namespace backcare
