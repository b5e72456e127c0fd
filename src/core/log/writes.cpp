// SPDX-License-Identifier: MIT
// Writing to the log: adding sessions (a list or a stream, all or nothing,
// never twice the same uuid), creating a new log only once a whole stream is
// in, and removing sessions. Every write is one turn (journal_impl.hpp):
// the writers' queue, the log checked sound, one IMMEDIATE transaction.
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "errors.hpp"
#include "files.hpp"
#include "journal.hpp"
#include "journal_impl.hpp"

namespace backcare {
namespace {

namespace fs = std::filesystem;
using journal_detail::guarded;

// Prepared once per transaction and reused for every session.
class Inserter {
public:
    explicit Inserter(SQLite::Database& db)
        : db_(db),
          present_(db, "SELECT 1 FROM session WHERE uuid = ?"),
          session_(db, "INSERT INTO session (uuid, started, utc_offset, duration, goal, pain_before, pain_after, note, origin) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          entry_(db, "INSERT INTO entry (session_id, position, exercise_id, exercise_name, sets, reps, hold, side, load, status, "
                     "planned_sets, planned_reps, planned_hold, skip_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {}

    // The new row's id, or 0 when the uuid was already there.
    std::int64_t insert(const Session& s) {
        check_session(s);
        // Looked up first rather than left to a conflict: an insert that
        // conflicts would still use up a number of AUTOINCREMENT's.
        if (stored(s.uuid) || stored_before_2(s)) return 0;
        session_.bind(1, s.uuid);
        session_.bind(2, static_cast<int64_t>(s.started));
        session_.bind(3, s.utc_offset);
        session_.bind(4, s.duration);
        if (s.goal) session_.bindNoCopy(5, name_of(*s.goal).data()); else session_.bind(5);
        if (s.pain_before) session_.bind(6, *s.pain_before); else session_.bind(6);
        if (s.pain_after) session_.bind(7, *s.pain_after); else session_.bind(7);
        session_.bindNoCopy(8, s.note);
        session_.bindNoCopy(9, name_of(s.origin).data());
        session_.exec();
        session_.reset();
        const std::int64_t id = db_.getLastInsertRowid();
        int position = 0;
        for (const Entry& e : s.entries) {
            entry_.bind(1, static_cast<int64_t>(id));
            entry_.bind(2, ++position);
            entry_.bindNoCopy(3, e.exercise_id);
            entry_.bindNoCopy(4, e.exercise_name);
            entry_.bind(5, e.sets);
            entry_.bind(6, e.reps);
            entry_.bind(7, e.hold);
            entry_.bindNoCopy(8, name_of(e.side).data());
            entry_.bindNoCopy(9, e.load);
            entry_.bindNoCopy(10, name_of(e.status).data());
            if (e.planned) {
                entry_.bind(11, e.planned->sets);
                entry_.bind(12, e.planned->reps);
                entry_.bind(13, e.planned->hold);
            } else {
                entry_.bind(11);
                entry_.bind(12);
                entry_.bind(13);
            }
            if (e.skip_reason) entry_.bindNoCopy(14, name_of(*e.skip_reason).data()); else entry_.bind(14);
            entry_.exec();
            entry_.reset();
        }
        return id;
    }

private:
    bool stored(const std::string& uuid) {
        present_.bind(1, uuid);
        const bool present = present_.executeStep();
        present_.reset();
        return present;
    }

    // A session read without a uuid (its own is derived: version 8) that an
    // earlier backcare stored under the uuid it derived then, from the start
    // and the entries alone: the same session if it holds the same.
    bool stored_before_2(const Session& s) {
        if (s.uuid.size() != 36 || s.uuid[14] != '8') return false;
        SQLite::Statement q(db_, fmt::format("SELECT {} FROM session WHERE uuid = ?", journal_detail::session_columns));
        q.bind(1, content_uuid_before_2(s));
        if (!q.executeStep()) return false;
        Session t = journal_detail::read_session(q);
        SQLite::Statement e(db_, fmt::format("SELECT {} FROM entry WHERE session_id = ? ORDER BY position", journal_detail::entry_columns));
        e.bind(1, static_cast<int64_t>(t.id));
        while (e.executeStep()) t.entries.push_back(journal_detail::read_entry(e, 0));
        const auto same_entry = [](Entry a, const Entry& b) {
            a.exercise_name = b.exercise_name;  // the catalogue's, not the session's
            return a == b;
        };
        return t.started == s.started && t.utc_offset == s.utc_offset && t.goal == s.goal && t.pain_before == s.pain_before &&
               t.pain_after == s.pain_after && t.note == s.note && t.origin == s.origin &&
               std::equal(t.entries.begin(), t.entries.end(), s.entries.begin(), s.entries.end(), same_entry);
    }

    SQLite::Database& db_;
    SQLite::Statement present_;
    SQLite::Statement session_;
    SQLite::Statement entry_;
};

void delete_session(SQLite::Database& db, std::int64_t id) {
    SQLite::Statement del(db, "DELETE FROM session WHERE id = ?");
    del.bind(1, static_cast<int64_t>(id));
    del.exec();
}

// The directories above a new file that do not exist yet, deepest first.
std::vector<fs::path> missing_dirs(const fs::path& file) {
    std::vector<fs::path> dirs;
    for (fs::path dir = file.parent_path(); !dir.empty() && path_kind(dir, "create the directory") == PathKind::absent;
         dir = dir.parent_path()) {
        dirs.push_back(dir);
        if (dir == dir.parent_path()) break;
    }
    return dirs;
}

constexpr std::array<const char*, 5> companions{"", "-journal", "-wal", "-shm", ".lock"};

// A log being built, removed with its companions and the directories made
// for it (when still empty) unless it was moved into place.
struct Unfinished {
    const fs::path& file;
    const std::vector<fs::path>& dirs;
    bool keep = false;
    ~Unfinished() {
        std::error_code ignored;
        for (const char* suffix : companions)
            if (!keep || std::string_view(suffix) != "") fs::remove(file.string() + suffix, ignored);
        if (keep) return;
        for (const auto& dir : dirs) fs::remove(dir, ignored);  // deepest first; only if empty
    }
};

// Never over a log another backcare created meanwhile: renameat2 with
// RENAME_NOREPLACE, or a hard link where the file system lacks it.
bool move_without_replacing(const fs::path& from, const fs::path& to) {
    int moved = ::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE);
    if (moved != 0 && (errno == EINVAL || errno == ENOSYS) && (moved = ::link(from.c_str(), to.c_str())) == 0)
        ::unlink(from.c_str());
    return moved == 0;
}

void move_into_place(const fs::path& building, const fs::path& path) {
    if (move_without_replacing(building, path)) {
        // The lock file keeps the stamp of the log as built (the rename keeps
        // its inode), so that the next write need not check it all again.
        if (!move_without_replacing(journal_detail::lock_file(building), journal_detail::lock_file(path)))
            ::unlink(journal_detail::lock_file(building).c_str());
        return;
    }
    if (errno == EEXIST)
        throw Busy(fmt::format("the log {} was created by another backcare meanwhile; nothing was stored, try again",
                               path.string()));
    throw_path_error("create the log", path, errno);
}

}  // namespace

fs::path journal_detail::building_name(const fs::path& log) {
    const std::string name = temporary_name(log).string();
    return log.string() + ".new-" + name.substr(name.rfind('-') + 1);
}

AddResult Journal::add(const std::vector<Session>& sessions) {
    for (const auto& s : sessions) check_session(s);
    return guarded(shown_, [&] {
        AddResult result;
        journal_detail::WriteTurn turn(*db_, path_, shown_, options_, backups_);
        Inserter inserter(*db_);
        for (const Session& s : sessions) {
            if (const auto id = inserter.insert(s)) {
                result.added.push_back(s);
                result.added.back().id = id;
            } else {
                result.present.push_back(s.uuid);
            }
        }
        turn.commit();
        return result;
    });
}

std::pair<std::size_t, std::size_t> Journal::add_each(const SessionSource& next, const OnAdded& on_added) {
    return guarded(shown_, [&] {
        std::size_t added = 0, present = 0;
        journal_detail::WriteTurn turn(*db_, path_, shown_, options_, backups_);
        // A large import touches many index pages; a bigger cache for this transaction only.
        db_->exec("PRAGMA cache_size = -32768");
        Inserter inserter(*db_);
        while (auto s = next()) {
            if (const auto id = inserter.insert(*s)) {
                ++added;
                if (on_added) {
                    s->id = id;
                    on_added(*s);
                }
            } else {
                ++present;
            }
        }
        turn.commit();
        return std::pair{added, present};
    });
}

std::pair<std::size_t, std::size_t> Journal::store(const fs::path& path, const SessionSource& next,
                                                   const OnAdded& on_added, const JournalOptions& options) {
    if (path_kind(path, "write the log") != PathKind::absent) return open_for_writing(path, options).add_each(next, on_added);
    // A new log is built beside its place and moved there once complete: a
    // refused or interrupted batch leaves no log behind, and a large first
    // import streams like any other.
    const std::vector<fs::path> new_dirs = missing_dirs(path);
    if (path.has_parent_path()) make_private_dirs(path.parent_path(), options.warn);
    const fs::path building = journal_detail::building_name(path);
    Unfinished unfinished{building, new_dirs};
    const RemoveOnSignal on_signal(building, new_dirs);  // Ctrl-C leaves nothing behind either
    std::pair<std::size_t, std::size_t> counts;
    {
        Journal built = open_writer(building, path, options, false);
        counts = built.add_each(next, on_added);
        // All of it in the file itself, so that nothing but the file moves into place.
        guarded(path, [&] { return built.db_->execAndGet("PRAGMA wal_checkpoint(TRUNCATE)").getInt(); });
    }
    move_into_place(building, path);
    unfinished.keep = true;
    sync_directory(path.parent_path().empty() ? fs::path(".") : path.parent_path());
    return counts;
}

std::optional<Session> Journal::remove_last() {
    return guarded(shown_, [&]() -> std::optional<Session> {
        journal_detail::WriteTurn turn(*db_, path_, shown_, options_, backups_);
        SQLite::Statement q(*db_, "SELECT max(id) FROM session");
        q.executeStep();
        if (q.getColumn(0).isNull()) return std::nullopt;
        auto s = find(std::to_string(q.getColumn(0).getInt64()));
        delete_session(*db_, s->id);
        turn.commit();
        return s;
    });
}

std::optional<Session> Journal::remove(const std::string& key) {
    return guarded(shown_, [&]() -> std::optional<Session> {
        journal_detail::WriteTurn turn(*db_, path_, shown_, options_, backups_);
        auto s = find(key);
        if (!s) return std::nullopt;
        delete_session(*db_, s->id);
        turn.commit();
        return s;
    });
}

}  // namespace backcare
