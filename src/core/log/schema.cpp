// SPDX-License-Identifier: MIT
// The log's schema and its migrations: what makes a file a backcare log, and
// how a log of an earlier version is brought up to this one.
#include <array>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "errors.hpp"
#include "journal.hpp"
#include "journal_impl.hpp"

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
    // 3: session numbers are never reused (AUTOINCREMENT), so that a number
    // read from an earlier history never names a newer session. The table is
    // rebuilt, as SQLite's ALTER TABLE cannot add it; foreign keys are off.
    R"sql(
CREATE TABLE session_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    started     INTEGER NOT NULL,
    utc_offset  INTEGER NOT NULL,
    local_date  TEXT GENERATED ALWAYS AS (date(started + utc_offset, 'unixepoch')) STORED,
    duration    INTEGER NOT NULL CHECK (duration BETWEEN 0 AND 86400),
    goal        TEXT CHECK (goal IN ('flexibility', 'strength', 'posture')),
    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after  INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    note        TEXT NOT NULL DEFAULT '',
    origin      TEXT NOT NULL CHECK (origin IN ('typed', 'plan', 'import', 'guided'))
);
INSERT INTO session_new (id, uuid, started, utc_offset, duration, goal, pain_before, pain_after, note, origin)
    SELECT id, uuid, started, utc_offset, duration, goal, pain_before, pain_after, note, origin FROM session;
DROP TABLE session;
ALTER TABLE session_new RENAME TO session;
CREATE INDEX session_local_date ON session (local_date);
CREATE INDEX session_started ON session (started);
)sql",
    // 4: why an exercise was skipped, when the person said; NULL otherwise.
    R"sql(
ALTER TABLE entry ADD COLUMN skip_reason TEXT
    CHECK (skip_reason IS NULL OR (status = 'skipped' AND skip_reason IN ('hurt', 'time', 'kit', 'other')));
)sql",
};

void apply_migrations(SQLite::Database& db, int from, int to) {
    for (int version = from; version < to; ++version) {
        db.exec(migrations[static_cast<std::size_t>(version)]);
        db.exec(fmt::format("PRAGMA user_version = {}", version + 1));
    }
}

}  // namespace

namespace journal_detail {

int pragma_int(SQLite::Database& db, const char* name) {
    return db.execAndGet(fmt::format("PRAGMA {}", name)).getInt();
}

DataError newer_log(const fs::path& path, long long version) {
    return DataError(fmt::format("the log {} was written by a newer backcare (schema {}; this one knows up to {}); "
                                 "upgrade backcare, it was left as it was",
                                 path.string(), version, journal_schema));
}

DataError not_a_log(const fs::path& path) {
    return DataError(fmt::format("{} is an SQLite database but not a backcare log; it was left as it was", path.string()));
}

DataError not_sqlite(const fs::path& path) {
    return DataError(fmt::format("{} is not a backcare log: it is not an SQLite database (if it was your log, its "
                                 "first page is damaged: 'backcare recover' salvages it); it was left as it was",
                                 path.string()));
}

int check_ours(SQLite::Database& db, const fs::path& path) {
    const int app = pragma_int(db, "application_id");
    const int version = pragma_int(db, "user_version");
    if (app == journal_application_id) {
        if (version > journal_schema) throw newer_log(path, version);
        return version;
    }
    const int tables = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
    if (app == 0 && version == 0 && tables == 0) return 0;
    throw not_a_log(path);
}

void check_header(const fs::path& file, const fs::path& shown) {
    const Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (!fd.valid()) throw_path_error("read the log", shown, errno);
    std::string h(100, '\0');
    const ssize_t n = ::pread(fd.get(), h.data(), h.size(), 0);
    if (n < 0) throw_path_error("read the log", shown, errno);
    if (n == 0) return;  // a new, empty log
    if (n < 100 || h.compare(0, 16, std::string("SQLite format 3\0", 16)) != 0) throw not_sqlite(shown);
    auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(h[at + i]);
        return v;
    };
    const std::uint32_t app = be32(68), version = be32(60);
    if (app == static_cast<std::uint32_t>(journal_application_id)) {
        if (version > static_cast<std::uint32_t>(journal_schema)) throw newer_log(shown, version);
    } else if (app != 0) {
        throw not_a_log(shown);
    }
}

void migrate(SQLite::Database& db, const fs::path& path) {
    int version = check_ours(db, path);
    if (version == 0) db.exec(fmt::format("PRAGMA application_id = {}", journal_application_id));
    apply_migrations(db, version, journal_schema);
}

}  // namespace journal_detail

void create_journal_at_version(const fs::path& path, int version) {
    if (version < 1 || version > journal_schema) throw UsageError(fmt::format("no schema version {}", version));
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA synchronous = FULL");
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec(fmt::format("PRAGMA application_id = {}", journal_application_id));
    apply_migrations(db, 0, version);
    tx.commit();
}

}  // namespace backcare
