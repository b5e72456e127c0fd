// SPDX-License-Identifier: MIT
// What the files of the log layer share and nothing outside it may use: how
// SQLite's errors become backcare's, the schema checks that both opening
// and migrating need, and a write's turn (the writers' queue, the check
// that the log is sound, the transaction, the backups that follow). Only
// files in src/core/log/ include this header.
#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include "files.hpp"
#include "journal.hpp"

namespace backcare::journal_detail {

// SQLite's error as backcare's typed one, naming the log at path.
[[noreturn]] void translate(const SQLite::Exception&, const std::filesystem::path&);

// Runs f with SQLite's errors translated: every public entry of the layer goes through here.
template <class F> auto guarded(const std::filesystem::path& path, F&& f) {
    try {
        return f();
    } catch (const SQLite::Exception& e) {
        translate(e, path);
    }
}

int pragma_int(SQLite::Database&, const char* name);

// A session's row and an entry's, read from a statement that selects these columns (entry's from `first` on).
inline constexpr const char* session_columns = "id, uuid, started, utc_offset, duration, goal, pain_before, pain_after, note, origin";
inline constexpr const char* entry_columns =
    "exercise_id, exercise_name, sets, reps, hold, side, load, status, planned_sets, planned_reps, planned_hold, skip_reason";
// entry_columns as a log of any schema has them (NULL for those it lacks):
// for reading a damaged log or a backup made before a migration.
std::string entry_columns_in(SQLite::Database&);
Session read_session(SQLite::Statement&);
Entry read_entry(SQLite::Statement&, int first);
// Throws unless the file is a backcare log we can read (or an empty SQLite
// file); returns its schema version (0 for an empty file).
int check_ours(SQLite::Database&, const std::filesystem::path&);
// The same from the file's first 100 bytes, before SQLite opens it (and
// makes its companions beside it): refuses what is no SQLite database,
// another program's database, or a newer backcare's log.
void check_header(const std::filesystem::path& file, const std::filesystem::path& shown);
// Brings the schema up to date; call inside an IMMEDIATE transaction, with
// foreign keys off (a table rebuilt must not take its rows' entries with it).
void migrate(SQLite::Database&, const std::filesystem::path&);

// "the log PATH is damaged (WHY); ..., with the way out: check, recover and
// the newest backup (or that there is none yet).
std::string damaged_message(const std::filesystem::path& log, const std::string& why);
// Who holds the log for writing, for a message: "backcare log (pid 4242)" from
// the writers' lock file, else the program holding SQLite's write lock
// ("sqlite3 (pid 99)"), else "another program".
std::string holder_of(const std::filesystem::path& log);

// A file as it was when last seen whole: a write that finds the log as the
// last backcare write left it need not check every page of it again.
struct FileStamp {
    std::uint64_t device = 0, inode = 0;
    std::int64_t size = 0, mtime_ns = 0;
    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};
std::optional<FileStamp> stamp_of(const std::filesystem::path&);

// The writers' queue: PATH.lock, held with flock for one write. Writers wait
// for it in the kernel's queue rather than polling SQLite, up to the busy
// timeout (telling `waiting` after a second). The file also names who holds
// it and keeps the stamp of the log as the last write left it.
class WriterLock {
public:
    WriterLock(const std::filesystem::path& file, const std::filesystem::path& shown, const JournalOptions&);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;
    const std::optional<FileStamp>& verified() const { return verified_; }
    // What the log is now, known sound: kept in the lock file for the next writer.
    void record(const std::optional<FileStamp>&);

private:
    Fd fd_;
    std::string holder_;  // "4242 backcare log"
    std::optional<FileStamp> verified_;
};
std::filesystem::path lock_file(const std::filesystem::path& log);
// Where a new log is built before it is moved into place: "PATH.new-<random>".
std::filesystem::path building_name(const std::filesystem::path& log);

// Whether SQLite finds the log sound: nullopt when it does, else what is
// wrong (the first of PRAGMA quick_check's findings, or SQLite's error).
std::optional<std::string> quick_check_problem(SQLite::Database&);

// One write to the log: the writer lock; the log checked sound when it is
// not as the last write left it (else DataError, nothing written); the
// journal mode; one IMMEDIATE transaction (begun at once, or by begin()
// for a caller that reads first). commit() commits, copies the write-ahead
// log back into the file, records the file's stamp and, about once a week,
// backs the log up. Destroyed without commit, it rolls back.
class WriteTurn {
public:
    WriteTurn(SQLite::Database&, const std::filesystem::path& file, const std::filesystem::path& shown,
              const JournalOptions&, bool backups, bool begin_now = true);
    ~WriteTurn();
    WriteTurn(const WriteTurn&) = delete;
    WriteTurn& operator=(const WriteTurn&) = delete;
    void begin();
    void commit();

private:
    SQLite::Database& db_;
    const std::filesystem::path& file_;
    const std::filesystem::path& shown_;
    const JournalOptions& options_;
    bool backups_;
    WriterLock lock_;
    bool open_ = false;
};

// "2026-12-07T142500Z": an instant in a file name (backups, recovered logs).
std::string name_stamp(std::chrono::system_clock::time_point);

// Backups beside the log (backups/NAME-YYYY-MM-DDTHHMMSSZ.db): one before
// every migration, one a week after a write. Errors are warnings: a backup
// never makes a write fail.
void backup_before_migration(SQLite::Database&, const std::filesystem::path& log, int from_schema, const JournalOptions&);
void weekly_backup(SQLite::Database&, const std::filesystem::path& log, const JournalOptions&);

}  // namespace backcare::journal_detail
