// SPDX-License-Identifier: MIT
// Opening the log: refusing a file that is not a backcare log (or is from a
// newer backcare), creating a new one private, and bringing an older one up
// to date before anything reads or writes it.
#include <sqlite3.h>
#include <sys/stat.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "errors.hpp"
#include "files.hpp"
#include "journal.hpp"
#include "journal_impl.hpp"

namespace backcare {

namespace fs = std::filesystem;
using journal_detail::check_ours;
using journal_detail::guarded;

namespace {

int timeout_ms(const JournalOptions& options) { return static_cast<int>(options.busy_timeout.count()); }

}  // namespace

void journal_detail::translate(const SQLite::Exception& e, const fs::path& path) {
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

Journal::Journal(std::unique_ptr<SQLite::Database> db, fs::path path) : db_(std::move(db)), path_(std::move(path)) {}
Journal::Journal(Journal&&) noexcept = default;
Journal& Journal::operator=(Journal&&) noexcept = default;
Journal::~Journal() = default;

std::optional<Journal> Journal::open_existing(const fs::path& path, const JournalOptions& options) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw IoError(fmt::format("the log {} is a directory, not a file", path.string()));
    if (!fs::exists(path, ec)) return std::nullopt;
    return guarded(path, [&]() -> std::optional<Journal> {
        // Read-write without create: SQLite then rolls back a journal left by a
        // killed writer, and falls back to read-only for a write-protected file.
        // Reading writes nothing.
        auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX, timeout_ms(options));
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
            return open_for_writing(path, options);
        }
        db->exec("PRAGMA foreign_keys = ON");
        return Journal(std::move(db), path);
    });
}

Journal Journal::open_for_writing(const fs::path& path, const JournalOptions& options) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw IoError(fmt::format("the log {} is a directory, not a file", path.string()));
    if (path.has_parent_path()) make_private_dirs(path.parent_path());
    const bool created = !fs::exists(path, ec);
    return guarded(path, [&] {
        auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX,
                                                     timeout_ms(options));
        // Health data: private whatever the umask. SQLite gives its journal the same mode.
        if (created) ::chmod(path.c_str(), 0600);
        journal_detail::configure(*db);
        {
            SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
            journal_detail::migrate(*db, path);
            tx.commit();
        }
        return Journal(std::move(db), path);
    });
}

std::optional<int> journal_version(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::nullopt;
    return guarded(path, [&] {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        return std::optional<int>(journal_detail::pragma_int(db, "user_version"));
    });
}

}  // namespace backcare
