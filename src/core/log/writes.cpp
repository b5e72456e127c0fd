// SPDX-License-Identifier: MIT
// Writing to the log: adding sessions (a list or a stream, all or nothing,
// never twice the same uuid), creating a new log only once a whole stream is
// in, and removing sessions. Every write is one IMMEDIATE transaction.
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
          session_(db, "INSERT INTO session (uuid, started, utc_offset, duration, goal, pain_before, pain_after, note, origin) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING"),
          entry_(db, "INSERT INTO entry (session_id, position, exercise_id, exercise_name, sets, reps, hold, side, load, status, "
                     "planned_sets, planned_reps, planned_hold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {}

    // The new row's id, or 0 when the uuid was already there.
    std::int64_t insert(const Session& s) {
        check_session(s);
        session_.bind(1, s.uuid);
        session_.bind(2, static_cast<int64_t>(s.started));
        session_.bind(3, s.utc_offset);
        session_.bind(4, s.duration);
        if (s.goal) session_.bindNoCopy(5, name_of(*s.goal).data()); else session_.bind(5);
        if (s.pain_before) session_.bind(6, *s.pain_before); else session_.bind(6);
        if (s.pain_after) session_.bind(7, *s.pain_after); else session_.bind(7);
        session_.bindNoCopy(8, s.note);
        session_.bindNoCopy(9, name_of(s.origin).data());
        const int changed = session_.exec();
        session_.reset();
        if (changed == 0) return 0;
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
            entry_.exec();
            entry_.reset();
        }
        return id;
    }

private:
    SQLite::Database& db_;
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
    std::error_code ec;
    std::vector<fs::path> dirs;
    for (fs::path dir = file.parent_path(); !dir.empty() && !fs::exists(dir, ec); dir = dir.parent_path()) {
        dirs.push_back(dir);
        if (dir == dir.parent_path()) break;
    }
    return dirs;
}

// A log being built, removed with the directories made for it (when still
// empty) unless it was moved into place.
struct Unfinished {
    const fs::path& file;
    const std::vector<fs::path>& dirs;
    bool keep = false;
    ~Unfinished() {
        if (keep) return;
        std::error_code ignored;
        fs::remove(file, ignored);
        fs::remove(file.string() + "-journal", ignored);
        for (const auto& dir : dirs) fs::remove(dir, ignored);  // deepest first; only if empty
    }
};

// Never over a log another backcare created meanwhile: renameat2 with
// RENAME_NOREPLACE, or a hard link where the file system lacks it.
void move_into_place(const fs::path& building, const fs::path& path) {
    int moved = ::renameat2(AT_FDCWD, building.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE);
    if (moved != 0 && (errno == EINVAL || errno == ENOSYS) && (moved = ::link(building.c_str(), path.c_str())) == 0)
        ::unlink(building.c_str());
    if (moved != 0) {
        if (errno == EEXIST)
            throw Busy(fmt::format("the log {} was created by another backcare meanwhile; nothing was stored, try again",
                                   path.string()));
        throw IoError(fmt::format("cannot create the log {}: {}", path.string(), std::strerror(errno)));
    }
}

}  // namespace

AddResult Journal::add(const std::vector<Session>& sessions) {
    for (const auto& s : sessions) check_session(s);
    return guarded(path_, [&] {
        AddResult result;
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        Inserter inserter(*db_);
        for (const Session& s : sessions) {
            if (const auto id = inserter.insert(s)) {
                result.added.push_back(s);
                result.added.back().id = id;
            } else {
                result.present.push_back(s.uuid);
            }
        }
        tx.commit();
        return result;
    });
}

std::pair<std::size_t, std::size_t> Journal::add_each(const SessionSource& next, const OnAdded& on_added) {
    return guarded(path_, [&] {
        std::size_t added = 0, present = 0;
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
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
        tx.commit();
        return std::pair{added, present};
    });
}

std::pair<std::size_t, std::size_t> Journal::store(const fs::path& path, const SessionSource& next,
                                                   const OnAdded& on_added, const JournalOptions& options) {
    std::error_code ec;
    if (fs::exists(path, ec)) return open_for_writing(path, options).add_each(next, on_added);
    // A new log is built beside its place and moved there once complete: a
    // refused or interrupted batch leaves no log behind, and a large first
    // import streams like any other.
    const std::vector<fs::path> new_dirs = missing_dirs(path);
    if (path.has_parent_path()) make_private_dirs(path.parent_path());
    const fs::path building = path.string() + fmt::format(".new-{}", ::getpid());
    Unfinished unfinished{building, new_dirs};
    const RemoveOnSignal on_signal(building);  // Ctrl-C leaves nothing behind either
    fs::remove(building, ec);
    const auto counts = open_for_writing(building, options).add_each(next, on_added);
    move_into_place(building, path);
    unfinished.keep = true;
    sync_directory(path.parent_path().empty() ? fs::path(".") : path.parent_path());
    return counts;
}

std::optional<Session> Journal::remove_last() {
    return guarded(path_, [&]() -> std::optional<Session> {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(*db_, "SELECT max(id) FROM session");
        q.executeStep();
        if (q.getColumn(0).isNull()) return std::nullopt;
        auto s = find(std::to_string(q.getColumn(0).getInt64()));
        delete_session(*db_, s->id);
        tx.commit();
        return s;
    });
}

std::optional<Session> Journal::remove(const std::string& key) {
    return guarded(path_, [&]() -> std::optional<Session> {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        auto s = find(key);
        if (!s) return std::nullopt;
        delete_session(*db_, s->id);
        tx.commit();
        return s;
    });
}

}  // namespace backcare
