// SPDX-License-Identifier: MIT
// Opening the log: refusing a file that is not a backcare log (or is from a
// newer backcare, or belongs to someone else), creating a new one private,
// and bringing an older one up to date, with a backup first, before
// anything reads or writes it.
#include <chrono>
#include <sqlite3.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "errors.hpp"
#include "files.hpp"
#include "journal.hpp"
#include "journal_impl.hpp"
#include "text.hpp"

namespace backcare {

namespace fs = std::filesystem;
using journal_detail::check_header;
using journal_detail::check_ours;
using journal_detail::guarded;

// How long a connection waits for another program's write lock, telling
// `waiting` once after a second. Owned by the journal, so that its address
// outlives the connection that calls it.
struct BusyWait {
    std::chrono::milliseconds timeout;
    std::function<void(const std::string&)> waiting;
    fs::path shown;
    std::chrono::steady_clock::time_point start;
    bool told = false;
};

namespace {

extern "C" int on_busy(void* context, int count) {
    auto& w = *static_cast<BusyWait*>(context);
    const auto now = std::chrono::steady_clock::now();
    if (count == 0) w.start = now;
    const auto waited = now - w.start;
    if (waited >= w.timeout) return 0;
    if (!w.told && waited >= std::chrono::seconds(1) && w.waiting) {
        w.told = true;
        w.waiting(journal_detail::holder_of(w.shown));
    }
    const auto step = std::chrono::milliseconds(count < 20 ? 1 + count : 25);
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(step, w.timeout - waited));
    return 1;
}

// The companions SQLite keeps beside a log in WAL mode, and the writers' lock.
void secure_companions(const fs::path& path, const Warn& warn) {
    for (const char* suffix : {"-wal", "-shm", ".lock"}) {
        const fs::path companion = path.string() + suffix;
        struct stat st {};
        if (::lstat(companion.c_str(), &st) == 0) secure_private_file(companion, "the log's file", warn);
    }
}

// The log as a file that is there, before SQLite opens it: a regular file
// of this user's that looks like a backcare log from its header.
void refuse_foreign(const fs::path& file, const fs::path& shown) {
    refuse_foreign_file(file, "the log");
    journal_detail::check_header(file, shown);
}

// Once SQLite has found it a backcare log: private, with its companions.
void make_private(const fs::path& file, const Warn& warn) {
    secure_private_file(file, "the log", warn);
    secure_companions(file, warn);
}

void refuse_unwritable(const fs::path& path) {
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    // SQLite would only say "read-only"; name what cannot be written.
    if (::access(dir.c_str(), W_OK) != 0)
        throw IoError(fmt::format("cannot write the log {}: its directory {} cannot be written ({})", path.string(),
                                  dir.string(), error_text(errno)));
    if (::access(path.c_str(), W_OK) != 0 && errno != ENOENT)
        throw IoError(fmt::format("cannot write the log {}: {}", path.string(), error_text(errno)));
}

std::unique_ptr<SQLite::Database> connect(const fs::path& file, BusyWait& busy) {
    // Read-write without create (a new log is created beforehand, exclusively):
    // SQLite falls back to read-only for a write-protected file.
    auto db = std::make_unique<SQLite::Database>(file, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    sqlite3_busy_handler(db->getHandle(), on_busy, &busy);
    db->exec("PRAGMA foreign_keys = ON");
    // A session reported as saved survives a power cut.
    db->exec("PRAGMA synchronous = FULL");
    return db;
}

// The schema version, read in one read transaction, so that a log being
// created meanwhile is seen before or after, never half-way (marked but
// without tables).
int schema_version(SQLite::Database& db, const fs::path& shown) {
    SQLite::Transaction read(db, SQLite::TransactionBehavior::DEFERRED);
    const int version = check_ours(db, shown);
    read.commit();
    return version;
}

}  // namespace

void journal_detail::translate(const SQLite::Exception& e, const fs::path& path) {
    const std::string where = path.string();
    switch (e.getErrorCode()) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw Busy(fmt::format("the log {} is busy: {} is writing to it; nothing was changed, try again later", where,
                                   holder_of(path)));
        case SQLITE_NOTADB: {
            check_header(path, path);  // words it when it can
            throw DataError(fmt::format("{} is not a backcare log: SQLite cannot read it; it was left as it was", where));
        }
        case SQLITE_CORRUPT: throw DataError(damaged_message(path, "SQLite reports damage"));
        case SQLITE_READONLY:
            throw IoError(fmt::format("cannot write the log {}: it, or its directory, cannot be written", where));
        case SQLITE_CANTOPEN: throw IoError(fmt::format("cannot open the log {}: {}", where, e.getErrorStr()));
        case SQLITE_FULL: throw IoError(fmt::format("cannot write the log {}: the disk is full; nothing was changed", where));
        case SQLITE_IOERR:
        case SQLITE_PERM: throw IoError(fmt::format("cannot read or write the log {}: {}", where, e.getErrorStr()));
        default: throw IoError(fmt::format("the log {}: {}", where, e.getErrorStr()));
    }
}

Journal::Journal(std::unique_ptr<SQLite::Database> db, std::unique_ptr<BusyWait> busy, fs::path file, fs::path shown,
                 JournalOptions options, bool backups)
    : db_(std::move(db)),
      busy_(std::move(busy)),
      path_(std::move(file)),
      shown_(std::move(shown)),
      options_(std::move(options)),
      backups_(backups) {}
Journal::Journal(Journal&&) noexcept = default;
Journal& Journal::operator=(Journal&&) noexcept = default;
Journal::~Journal() = default;

std::optional<Journal> Journal::open_existing(const fs::path& path, const JournalOptions& options) {
    switch (path_kind(path, "read the log")) {
        case PathKind::absent: return std::nullopt;
        case PathKind::directory: throw IoError(fmt::format("the log {} is a directory, not a file", path.string()));
        case PathKind::other: throw IoError(fmt::format("the log {} is not a regular file", path.string()));
        case PathKind::regular: break;
    }
    refuse_foreign(path, path);
    return guarded(path, [&]() -> std::optional<Journal> {
        auto busy = std::make_unique<BusyWait>(BusyWait{options.busy_timeout, options.waiting, path, {}, false});
        auto db = connect(path, *busy);
        const int version = schema_version(*db, path);
        make_private(path, options.warn);
        if (version < journal_schema) {
            // An empty file or an older schema: nothing to read until a write brings it up to date.
            db.reset();
            if (version == 0) return std::nullopt;
            return open_for_writing(path, options);
        }
        return Journal(std::move(db), std::move(busy), path, path, options, true);
    });
}

Journal Journal::open_for_writing(const fs::path& path, const JournalOptions& options) {
    return open_writer(path, path, options, true);
}

Journal Journal::open_writer(const fs::path& file, const fs::path& shown, const JournalOptions& options, bool backups) {
    switch (path_kind(file, "write the log")) {
        case PathKind::directory: throw IoError(fmt::format("the log {} is a directory, not a file", shown.string()));
        case PathKind::other: throw IoError(fmt::format("the log {} is not a regular file", shown.string()));
        case PathKind::absent:
            if (file.has_parent_path()) make_private_dirs(file.parent_path(), options.warn);
            try {
                // Health data: private whatever the umask, and never through a planted link.
                create_new_file(file, 0600);
            } catch (const IoError&) {
                if (path_kind(file, "write the log") != PathKind::regular) throw;  // else created meanwhile
            }
            break;
        case PathKind::regular:
            if (file.has_parent_path()) secure_directory(file.parent_path(), options.warn);
            break;
    }
    refuse_foreign(file, shown);
    refuse_unwritable(file);
    return guarded(shown, [&] {
        auto busy = std::make_unique<BusyWait>(BusyWait{options.busy_timeout, options.waiting, shown, {}, false});
        auto db = connect(file, *busy);
        const int version = schema_version(*db, shown);
        make_private(file, options.warn);
        const bool wal = lowercase(db->execAndGet("PRAGMA journal_mode").getString()) == "wal";
        if (!wal || version < journal_schema) bring_up_to_date(*db, file, shown, options);
        return Journal(std::move(db), std::move(busy), file, shown, options, backups);
    });
}

void Journal::bring_up_to_date(SQLite::Database& db, const fs::path& file, const fs::path& shown,
                               const JournalOptions& options) {
    journal_detail::WriteTurn turn(db, file, shown, options, false, false);
    // Before any change, outside a write transaction (SQLite's backup cannot
    // read through one): the backup is the log as it was.
    if (const int version = schema_version(db, shown); version > 0 && version < journal_schema)
        journal_detail::backup_before_migration(db, shown, version, options);
    // A table rebuilt by a migration must not take its rows' entries with it
    // (the setting cannot change inside a transaction).
    db.exec("PRAGMA foreign_keys = OFF");
    turn.begin();
    journal_detail::migrate(db, shown);
    if (db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() != 0)
        throw DataError(journal_detail::damaged_message(shown, "it holds entries of sessions that are not there"));
    turn.commit();
    db.exec("PRAGMA foreign_keys = ON");
}

std::optional<int> journal_version(const fs::path& path) {
    if (path_kind(path, "read the log") == PathKind::absent) return std::nullopt;
    return guarded(path, [&] {
        // Read-write, though it only reads: a read-only connection to a log in
        // WAL mode would leave its -wal and -shm files behind.
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        return std::optional<int>(journal_detail::pragma_int(db, "user_version"));
    });
}

}  // namespace backcare
