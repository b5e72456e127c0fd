#include "journal.hpp"

#include <array>
#include <sqlite3.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "errors.hpp"
#include "files.hpp"
#include "text.hpp"

namespace backcare {
namespace {

namespace fs = std::filesystem;

// migrations[i] takes a log from schema i to i + 1, inside one transaction.
constexpr std::array<const char*, journal_schema> migrations{
    R"sql(
CREATE TABLE session (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    started     INTEGER NOT NULL,                 -- UTC, seconds since the epoch
    utc_offset  INTEGER NOT NULL,                 -- seconds east of UTC where it was logged
    local_date  TEXT GENERATED ALWAYS AS (date(started + utc_offset, 'unixepoch')) STORED,
    duration    INTEGER NOT NULL CHECK (duration BETWEEN 0 AND 86400),
    goal        TEXT CHECK (goal IN ('flexibility', 'strength', 'posture')),
    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after  INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    note        TEXT NOT NULL DEFAULT '',
    origin      TEXT NOT NULL CHECK (origin IN ('typed', 'plan', 'import', 'guided'))
);
CREATE INDEX session_local_date ON session (local_date);
CREATE INDEX session_started ON session (started);
CREATE TABLE entry (
    session_id    INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    exercise_id   TEXT NOT NULL,
    exercise_name TEXT NOT NULL,
    sets          INTEGER NOT NULL CHECK (sets >= 1),
    reps          INTEGER NOT NULL CHECK (reps >= 0),
    hold          INTEGER NOT NULL CHECK (hold >= 0),
    side          TEXT NOT NULL CHECK (side IN ('both', 'each', 'left', 'right')),
    load          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
    PRIMARY KEY (session_id, position)
) WITHOUT ROWID;
)sql",
    // 2: the dose a plan or guided routine prescribed for an entry; NULL when typed without one.
    R"sql(
ALTER TABLE entry ADD COLUMN planned_sets INTEGER CHECK (planned_sets >= 1);
ALTER TABLE entry ADD COLUMN planned_reps INTEGER CHECK (planned_reps >= 0);
ALTER TABLE entry ADD COLUMN planned_hold INTEGER CHECK (planned_hold >= 0);
)sql",
};

[[noreturn]] void translate(const SQLite::Exception& e, const fs::path& path) {
    const std::string where = path.string();
    switch (e.getErrorCode()) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw Busy(fmt::format("the log {} is busy (another backcare is writing to it); nothing was stored, try again later", where));
        case SQLITE_NOTADB:
            throw DataError(fmt::format("{} is not a backcare log (it is not an SQLite database); it was left as it was", where));
        case SQLITE_CORRUPT:
            throw DataError(fmt::format("the log {} is damaged (SQLite reports corruption); restore it from a backup or an export", where));
        case SQLITE_READONLY:
            throw IoError(fmt::format("cannot write the log {}: it is read-only", where));
        case SQLITE_CANTOPEN:
            throw IoError(fmt::format("cannot open the log {}", where));
        case SQLITE_FULL:
            throw IoError(fmt::format("cannot write the log {}: the disk is full; nothing was stored", where));
        case SQLITE_IOERR:
        case SQLITE_PERM:
            throw IoError(fmt::format("cannot read or write the log {}: {}", where, e.getErrorStr()));
        default:
            throw IoError(fmt::format("the log {}: {}", where, e.getErrorStr()));
    }
}

template <class F> auto guarded(const fs::path& path, F&& f) {
    try {
        return f();
    } catch (const SQLite::Exception& e) {
        translate(e, path);
    }
}

int pragma_int(SQLite::Database& db, const char* name) {
    return db.execAndGet(fmt::format("PRAGMA {}", name)).getInt();
}

// Throws unless the file is a backcare log we can read (or an empty SQLite
// file); returns its schema version (0 for an empty file).
int check_ours(SQLite::Database& db, const fs::path& path) {
    const int app = pragma_int(db, "application_id");
    const int version = pragma_int(db, "user_version");
    if (app == journal_application_id) {
        if (version > journal_schema)
            throw DataError(fmt::format("the log {} was written by a newer backcare (schema {}; this one knows up to {}); "
                                        "upgrade backcare, it was left as it was",
                                        path.string(), version, journal_schema));
        return version;
    }
    const int tables = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
    if (app == 0 && version == 0 && tables == 0) return 0;
    throw DataError(fmt::format("{} is an SQLite database but not a backcare log; it was left as it was", path.string()));
}

void configure(SQLite::Database& db) {
    db.exec("PRAGMA foreign_keys = ON");
    // A session reported as saved survives a power cut.
    db.exec("PRAGMA synchronous = FULL");
}

void apply_migrations(SQLite::Database& db, int from, int to) {
    for (int version = from; version < to; ++version) {
        db.exec(migrations[static_cast<std::size_t>(version)]);
        db.exec(fmt::format("PRAGMA user_version = {}", version + 1));
    }
}

// Brings the schema up to date; call inside an IMMEDIATE transaction.
void migrate(SQLite::Database& db, const fs::path& path) {
    int version = check_ours(db, path);
    if (version == 0) db.exec(fmt::format("PRAGMA application_id = {}", journal_application_id));
    apply_migrations(db, version, journal_schema);
}

std::optional<int> optional_int(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getInt();
}

constexpr const char* session_columns = "id, uuid, started, utc_offset, duration, goal, pain_before, pain_after, note, origin";

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
    return e;
}

constexpr const char* entry_columns =
    "exercise_id, exercise_name, sets, reps, hold, side, load, status, planned_sets, planned_reps, planned_hold";

}  // namespace

Journal::Journal(std::unique_ptr<SQLite::Database> db, fs::path path) : db_(std::move(db)), path_(std::move(path)) {}
Journal::Journal(Journal&&) noexcept = default;
Journal& Journal::operator=(Journal&&) noexcept = default;
Journal::~Journal() = default;

std::optional<Journal> Journal::open_existing(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw IoError(fmt::format("the log {} is a directory, not a file", path.string()));
    if (!fs::exists(path, ec)) return std::nullopt;
    return guarded(path, [&]() -> std::optional<Journal> {
        // Read-write without create: SQLite then rolls back a journal left by a
        // killed writer, and falls back to read-only for a write-protected file.
        // Reading writes nothing.
        auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX, busy_timeout_ms);
        // One read transaction, so that a log being created meanwhile is
        // seen before or after, never half-way (marked but without tables).
        int version = 0;
        {
            SQLite::Transaction read(*db, SQLite::TransactionBehavior::DEFERRED);
            version = check_ours(*db, path);
            read.commit();
        }
        if (version < journal_schema) {
            // An empty file or an older schema: nothing to read until a write brings it up to date.
            db.reset();
            if (version == 0) return std::nullopt;
            return open_for_writing(path);
        }
        db->exec("PRAGMA foreign_keys = ON");
        return Journal(std::move(db), path);
    });
}

Journal Journal::open_for_writing(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw IoError(fmt::format("the log {} is a directory, not a file", path.string()));
    if (path.has_parent_path()) make_private_dirs(path.parent_path());
    const bool created = !fs::exists(path, ec);
    return guarded(path, [&] {
        auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, busy_timeout_ms);
        // Health data: private whatever the umask. SQLite gives its journal the same mode.
        if (created) ::chmod(path.c_str(), 0600);
        configure(*db);
        {
            SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
            migrate(*db, path);
            tx.commit();
        }
        return Journal(std::move(db), path);
    });
}

namespace {

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
                                                   const OnAdded& on_added) {
    std::error_code ec;
    if (fs::exists(path, ec)) return open_for_writing(path).add_each(next, on_added);
    // A new log is built beside its place and moved there once complete: a
    // refused or interrupted batch leaves no log behind, and a large first
    // import streams like any other.
    std::vector<fs::path> new_dirs;  // removed again, when still empty, if nothing is stored
    for (fs::path dir = path.parent_path(); !dir.empty() && !fs::exists(dir, ec); dir = dir.parent_path()) {
        new_dirs.push_back(dir);
        if (dir == dir.parent_path()) break;
    }
    if (path.has_parent_path()) make_private_dirs(path.parent_path());
    const fs::path building = path.string() + fmt::format(".new-{}", ::getpid());
    struct Cleanup {
        const fs::path& file;
        const std::vector<fs::path>& dirs;
        bool keep = false;
        ~Cleanup() {
            if (keep) return;
            std::error_code ignored;
            fs::remove(file, ignored);
            fs::remove(file.string() + "-journal", ignored);
            for (const auto& dir : dirs) fs::remove(dir, ignored);  // deepest first; only if empty
        }
    } cleanup{building, new_dirs};
    const RemoveOnSignal on_signal(building);  // Ctrl-C leaves nothing behind either
    fs::remove(building, ec);
    std::pair<std::size_t, std::size_t> counts;
    {
        auto journal = open_for_writing(building);
        counts = journal.add_each(next, on_added);
    }
    // Never over a log another backcare created meanwhile: renameat2 with
    // RENAME_NOREPLACE, or a hard link where the file system lacks it.
    int moved = ::renameat2(AT_FDCWD, building.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE);
    if (moved != 0 && (errno == EINVAL || errno == ENOSYS) && (moved = ::link(building.c_str(), path.c_str())) == 0)
        ::unlink(building.c_str());
    if (moved != 0) {
        if (errno == EEXIST)
            throw Busy(fmt::format("the log {} was created by another backcare meanwhile; nothing was stored, try again",
                                   path.string()));
        throw IoError(fmt::format("cannot create the log {}: {}", path.string(), std::strerror(errno)));
    }
    cleanup.keep = true;
    sync_directory(path.parent_path().empty() ? fs::path(".") : path.parent_path());
    return counts;
}

void Journal::load_entries(Session& s) const {
    SQLite::Statement q(*db_, fmt::format("SELECT {} FROM entry WHERE session_id = ? ORDER BY position", entry_columns));
    q.bind(1, static_cast<int64_t>(s.id));
    while (q.executeStep()) s.entries.push_back(read_entry(q, 0));
}

std::optional<Session> Journal::find(const std::string& id_or_uuid) const {
    const std::string key = lowercase(id_or_uuid);
    return guarded(path_, [&]() -> std::optional<Session> {
        std::string sql = fmt::format("SELECT {} FROM session WHERE ", session_columns);
        const bool numeric = !key.empty() && key.size() < 19 && key.find_first_not_of("0123456789") == std::string::npos;
        if (numeric)
            sql += "id = ?";
        else if (key.size() >= 8 && key.size() <= 36)
            sql += "substr(uuid, 1, ?2) = ?1";
        else if (key.size() < 8)
            throw UsageError(fmt::format("'{}' is neither a session number nor 8 or more characters of a uuid", key));
        else
            return std::nullopt;
        SQLite::Statement q(*db_, sql + " LIMIT 2");
        if (numeric) {
            q.bind(1, static_cast<int64_t>(std::stoll(key)));
        } else {
            q.bind(1, key);
            q.bind(2, static_cast<int>(key.size()));
        }
        if (!q.executeStep()) return std::nullopt;
        Session s = read_session(q);
        if (q.executeStep())
            throw UsageError(fmt::format("'{}' matches more than one session; give more of the uuid", key));
        load_entries(s);
        return s;
    });
}

std::optional<Session> Journal::remove_last() {
    return guarded(path_, [&]() -> std::optional<Session> {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement q(*db_, "SELECT max(id) FROM session");
        q.executeStep();
        if (q.getColumn(0).isNull()) return std::nullopt;
        auto s = find(std::to_string(q.getColumn(0).getInt64()));
        SQLite::Statement del(*db_, "DELETE FROM session WHERE id = ?");
        del.bind(1, static_cast<int64_t>(s->id));
        del.exec();
        tx.commit();
        return s;
    });
}

std::optional<Session> Journal::remove(const std::string& key) {
    return guarded(path_, [&]() -> std::optional<Session> {
        SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
        auto s = find(key);
        if (!s) return std::nullopt;
        SQLite::Statement del(*db_, "DELETE FROM session WHERE id = ?");
        del.bind(1, static_cast<int64_t>(s->id));
        del.exec();
        tx.commit();
        return s;
    });
}

std::vector<Session> Journal::recent(std::size_t limit, std::optional<Date> since) const {
    return guarded(path_, [&] {
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
    guarded(path_, [&] {
        // One pass over a join, so memory holds one session at a time.
        SQLite::Statement q(*db_, fmt::format("SELECT s.id, s.uuid, s.started, s.utc_offset, s.duration, s.goal, s.pain_before, "
                                              "s.pain_after, s.note, s.origin, {} FROM session s {} JOIN entry e ON e.session_id = s.id "
                                              "{}ORDER BY s.started, s.id, e.position",
                                              "e.exercise_id, e.exercise_name, e.sets, e.reps, e.hold, e.side, e.load, e.status, "
                                              "e.planned_sets, e.planned_reps, e.planned_hold",
                                              // The whole log streams in order of start, unsorted; a
                                              // recent part is found by date, then sorted.
                                              since ? "INDEXED BY session_local_date CROSS" : "",
                                              since ? "WHERE s.local_date >= ? " : ""));
        if (since) q.bind(1, format_date(*since));
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

LastDone Journal::last_done(std::optional<Date> since) const {
    return guarded(path_, [&] {
        LastDone out;
        // From the sessions of the period (the local_date index), then their entries (the primary key).
        // CROSS JOIN keeps that order: without statistics SQLite would scan every entry.
        SQLite::Statement q(*db_, "SELECT e.exercise_id, max(s.local_date) FROM session s CROSS JOIN entry e ON e.session_id = s.id "
                                  "WHERE s.local_date >= ? AND e.status = 'done' GROUP BY e.exercise_id");
        q.bind(1, since ? format_date(*since) : std::string("0000-01-01"));
        while (q.executeStep())
            if (auto d = parse_date(q.getColumn(1).getString())) out.emplace(q.getColumn(0).getString(), *d);
        return out;
    });
}

int Journal::sessions_on(Date day) const {
    return guarded(path_, [&] {
        SQLite::Statement q(*db_, "SELECT count(*) FROM session WHERE local_date = ?");
        q.bind(1, format_date(day));
        q.executeStep();
        return q.getColumn(0).getInt();
    });
}

std::size_t Journal::count() const {
    return guarded(path_, [&] { return static_cast<std::size_t>(db_->execAndGet("SELECT count(*) FROM session").getInt64()); });
}

int Journal::total_changes() const { return sqlite3_total_changes(db_->getHandle()); }

std::optional<int> journal_version(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::nullopt;
    return guarded(path, [&] {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        return std::optional<int>(pragma_int(db, "user_version"));
    });
}

void create_journal_at_version(const fs::path& path, int version) {
    if (version < 1 || version > journal_schema) throw UsageError(fmt::format("no schema version {}", version));
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    configure(db);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec(fmt::format("PRAGMA application_id = {}", journal_application_id));
    apply_migrations(db, 0, version);
    tx.commit();
}

}  // namespace backcare

// ---- stats -------------------------------------------------------------------

namespace backcare {
namespace {

// The filter as SQL on session s, with :goal and :exercise bound by bind_filter.
std::string session_filter(const StatsFilter& f) {
    std::string sql;
    if (f.goal) sql += " AND s.goal IS :goal";
    if (f.exercise) sql += " AND EXISTS (SELECT 1 FROM entry x WHERE x.session_id = s.id AND x.exercise_id = :exercise)";
    return sql;
}

void bind_filter(SQLite::Statement& q, const StatsFilter& f) {
    if (f.goal) {
        if (*f.goal)
            q.bind(":goal", std::string(name_of(**f.goal)));
        else
            q.bind(":goal");
    }
    if (f.exercise) q.bind(":exercise", *f.exercise);
}

Date column_date(const SQLite::Column& c) { return parse_date(c.getString()).value_or(Date{}); }

}  // namespace

void Journal::read_together(const std::function<void()>& read) const {
    guarded(path_, [&] {
        SQLite::Transaction t(*db_, SQLite::TransactionBehavior::DEFERRED);
        // A deferred transaction takes its shared lock at the first read; take it now.
        db_->execAndGet("SELECT count(*) FROM sqlite_master");
        read();
        t.commit();
        return 0;
    });
}

std::optional<Date> Journal::first_day(const StatsFilter& f, Date from, Date to) const {
    return guarded(path_, [&]() -> std::optional<Date> {
        SQLite::Statement q(*db_, "SELECT min(s.local_date) FROM session s WHERE s.local_date BETWEEN :from AND :to" + session_filter(f));
        q.bind(":from", format_date(from));
        q.bind(":to", format_date(to));
        bind_filter(q, f);
        q.executeStep();
        if (q.getColumn(0).isNull()) return std::nullopt;
        return column_date(q.getColumn(0));
    });
}

namespace {

// A statement on SQLite's C interface, for the passes over every entry of a
// period: SQLiteCpp's column objects cost as much as SQLite's own work there.
class RawStatement {
public:
    RawStatement(sqlite3* db, const std::string& sql) : db_(db) {
        sqlite3_stmt* raw = nullptr;
        check(sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr));
        stmt_.reset(raw);
    }
    // Binds a named parameter when the SQL has it; nullopt binds NULL.
    void bind(const char* name, const std::optional<std::string>& value) {
        const int i = sqlite3_bind_parameter_index(stmt_.get(), name);
        if (i == 0) return;
        check(value ? sqlite3_bind_text(stmt_.get(), i, value->data(), static_cast<int>(value->size()), SQLITE_TRANSIENT)
                    : sqlite3_bind_null(stmt_.get(), i));
    }
    void bind_filter(Date from, Date to, const StatsFilter& f) {
        bind(":from", format_date(from));
        bind(":to", format_date(to));
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

private:
    void check(int rc) const {
        if (rc != SQLITE_OK) throw SQLite::Exception(sqlite3_errmsg(db_), rc);
    }
    sqlite3* db_;
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt_{nullptr, sqlite3_finalize};
};

}  // namespace

void Journal::each_row(Date from, Date to, const StatsFilter& f, const std::function<void(const StatsRow&)>& visit) const {
    guarded(path_, [&] {
        // Two passes in step: the sessions, and their entries, so that a
        // session's columns are read once. When the period holds the whole
        // log, both are read straight through in session order (no index
        // seeks); otherwise through the local_date index.
        SQLite::Statement bounds(*db_, "SELECT min(local_date), max(local_date) FROM session");
        bounds.executeStep();
        const bool whole = bounds.getColumn(0).isNull() ||
                           (column_date(bounds.getColumn(0)) >= from && column_date(bounds.getColumn(1)) <= to);
        const std::string sessions_sql = "SELECT s.id, s.local_date, s.goal, s.started, s.duration, s.pain_before, s.pain_after "
                                         "FROM session s";
        const std::string entries_sql = "SELECT e.session_id, e.exercise_id, e.sets, e.reps, e.hold, "
                                        "e.side = 'each', e.status = 'done', e.planned_sets, e.planned_reps, e.planned_hold FROM ";
        const std::string filter = session_filter(f);
        RawStatement sessions(db_->getHandle(), whole ? sessions_sql + " WHERE 1" + filter + " ORDER BY s.id"
                                                      : sessions_sql + " WHERE s.local_date BETWEEN :from AND :to" + filter +
                                                            " ORDER BY s.local_date, s.id");
        RawStatement entries(db_->getHandle(), whole ? entries_sql + "entry e ORDER BY e.session_id, e.position"
                                                     : entries_sql + "session s JOIN entry e ON e.session_id = s.id "
                                                                     "WHERE s.local_date BETWEEN :from AND :to" +
                                                           filter + " ORDER BY s.local_date, s.id, e.position");
        sessions.bind_filter(from, to, f);
        entries.bind_filter(from, to, f);
        // In the whole-log order, entries of sessions the filter left out are passed over.
        auto before = [&](std::int64_t entry_session, std::int64_t session) { return whole && entry_session < session; };
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
                r.exercise_id = entries.text(1);
                r.sets = entries.integer(2);
                r.reps = entries.integer(3);
                r.hold = entries.integer(4);
                r.each_side = entries.integer(5) != 0;
                r.done = entries.integer(6) != 0;
                if (entries.null(7) || entries.null(8) || entries.null(9))
                    r.planned.reset();
                else
                    r.planned = PlannedDose{entries.integer(7), entries.integer(8), entries.integer(9)};
                visit(r);
            }
        }
        return 0;
    });
}

std::string Journal::exercise_name(std::int64_t session, const std::string& exercise_id) const {
    return guarded(path_, [&] {
        SQLite::Statement q(*db_, "SELECT exercise_name FROM entry WHERE session_id = ? AND exercise_id = ? LIMIT 1");
        q.bind(1, static_cast<int64_t>(session));
        q.bind(2, exercise_id);
        return q.executeStep() ? q.getColumn(0).getString() : exercise_id;
    });
}

void Journal::each_active_day(Date to, const StatsFilter& f, const std::function<void(Date)>& visit) const {
    guarded(path_, [&] {
        SQLite::Statement q(*db_, "SELECT DISTINCT s.local_date FROM session s WHERE s.local_date <= :to" + session_filter(f) +
                                      " ORDER BY s.local_date");
        q.bind(":to", format_date(to));
        bind_filter(q, f);
        while (q.executeStep()) visit(column_date(q.getColumn(0)));
        return 0;
    });
}

std::vector<ExerciseTime> Journal::exercise_times(Date from, Date to, const StatsFilter& f) const {
    return guarded(path_, [&] {
        std::vector<ExerciseTime> out;
        if (!f.exercise) return out;
        SQLite::Statement q(*db_, fmt::format(
            "SELECT s.started, s.utc_offset, s.local_date, e.sets, e.reps, e.hold, e.side, e.load, e.status "
            "FROM session s JOIN entry e ON e.session_id = s.id "
            "WHERE s.local_date BETWEEN :from AND :to AND e.exercise_id = :exercise{} ORDER BY s.started, s.id, e.position",
            f.goal ? " AND s.goal IS :goal" : ""));
        q.bind(":from", format_date(from));
        q.bind(":to", format_date(to));
        bind_filter(q, f);
        while (q.executeStep()) {
            Session s;
            s.started = q.getColumn(0).getInt64();
            s.utc_offset = q.getColumn(1).getInt();
            ExerciseTime t;
            t.started = format_started(s);
            t.day = column_date(q.getColumn(2));
            t.sets = q.getColumn(3).getInt();
            t.reps = q.getColumn(4).getInt();
            t.hold = q.getColumn(5).getInt();
            t.side = parse_side(q.getColumn(6).getString()).value_or(Side::both);
            t.load = q.getColumn(7).getString();
            t.status = parse_entry_status(q.getColumn(8).getString()).value_or(EntryStatus::done);
            out.push_back(std::move(t));
        }
        return out;
    });
}

}  // namespace backcare
