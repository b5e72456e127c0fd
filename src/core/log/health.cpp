// SPDX-License-Identifier: MIT
// The log's health: backups (one before every migration, one a week after a
// write, a few kept), what a damaged log's messages point at, and the
// whole check behind `backcare check`.
#include <algorithm>
#include <chrono>
#include <sqlite3.h>
#include <sys/stat.h>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "errors.hpp"
#include "journal.hpp"
#include "journal_impl.hpp"
#include "text.hpp"

namespace backcare {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::system_clock;

constexpr std::size_t weekly_kept = 4;
constexpr std::size_t migration_kept = 2;
constexpr auto backup_interval = std::chrono::days{7};

}  // namespace

// "2026-12-07T142500Z", as backup names carry it.
std::string journal_detail::name_stamp(Clock::time_point t) {
    const auto secs = std::chrono::floor<std::chrono::seconds>(t);
    const auto day = std::chrono::floor<std::chrono::days>(secs);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{secs - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}{:02}{:02}Z", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()), hms.hours().count(), hms.minutes().count(), hms.seconds().count());
}

namespace {

// The time a name stamp stands for; nullopt when it is not one.
std::optional<Clock::time_point> parse_name_stamp(std::string_view s) {
    if (s.size() != 18 || s[10] != 'T' || s[17] != 'Z') return std::nullopt;
    const auto started = parse_started(fmt::format("{}T{}:{}:{}Z", s.substr(0, 10), s.substr(11, 2), s.substr(13, 2), s.substr(15, 2)));
    if (!started) return std::nullopt;
    return Clock::time_point{std::chrono::seconds{started->first}};
}

// A backup's facts from its name: LOG-STAMP.db or LOG-STAMP-before-schema-N.db.
std::optional<BackupInfo> parse_backup_name(const fs::path& file, std::string_view stem) {
    const std::string name = file.filename().string();
    if (name.size() < stem.size() + 22 || name.compare(0, stem.size() + 1, std::string(stem) + "-") != 0 ||
        !name.ends_with(".db"))
        return std::nullopt;
    const std::string_view rest = std::string_view(name).substr(stem.size() + 1, name.size() - stem.size() - 4);
    const auto when = parse_name_stamp(rest.substr(0, 18));
    if (!when) return std::nullopt;
    BackupInfo b;
    b.file = file;
    b.taken = fmt::format("{}T{}:{}:{}Z", rest.substr(0, 10), rest.substr(11, 2), rest.substr(13, 2), rest.substr(15, 2));
    const std::string_view tail = rest.substr(18);
    if (tail.empty())
        b.reason = "weekly";
    else if (tail.starts_with("-before-schema-"))
        b.reason = fmt::format("before schema {}", tail.substr(15));
    else
        return std::nullopt;
    return b;
}

Clock::time_point now_of(const JournalOptions& options) { return options.now.value_or(Clock::now()); }

void prune(const fs::path& log) {
    std::size_t weekly = 0, migration = 0;
    for (const BackupInfo& b : list_backups(log, false)) {
        const bool keep = b.reason == "weekly" ? ++weekly <= weekly_kept : ++migration <= migration_kept;
        if (!keep) {
            std::error_code ignored;
            fs::remove(b.file, ignored);
        }
    }
}

// Copies the log, as this connection sees it, to backups/NAME-STAMP[SUFFIX].db.
void make_backup(SQLite::Database& db, const fs::path& log, std::string_view suffix, const JournalOptions& options) {
    const fs::path dir = backup_directory(log);
    make_private_dirs(dir, options.warn);
    const fs::path target = dir / fmt::format("{}-{}{}.db", log.stem().string(), journal_detail::name_stamp(now_of(options)), suffix);
    if (path_kind(target, "write the backup") != PathKind::absent) return;  // one this second already
    const fs::path tmp = temporary_name(target);
    try {
        create_new_file(tmp, 0600);
        {
            SQLite::Database copy(tmp, SQLite::OPEN_READWRITE);
            SQLite::Backup backup(copy, db);
            if (backup.executeStep(-1) != SQLITE_DONE) throw IoError("the log changed while it was copied");
            // A backup is a plain file: no write-ahead log beside it.
            copy.exec("PRAGMA journal_mode = DELETE");
        }
        if (::rename(tmp.c_str(), target.c_str()) != 0) throw_path_error("write the backup", target, errno);
        sync_directory(dir);
    } catch (...) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        fs::remove(tmp.string() + "-journal", ignored);
        throw;
    }
    prune(log);
}

// A backup's failure is a warning: it must never make a write fail.
template <class F> void without_failing(const fs::path& log, const JournalOptions& options, F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        if (options.warn) options.warn(fmt::format("no backup of the log {} was made: {}", log.string(), e.what()));
    }
}

}  // namespace

fs::path backup_directory(const fs::path& log) { return (log.has_parent_path() ? log.parent_path() : fs::path(".")) / "backups"; }

std::vector<BackupInfo> list_backups(const fs::path& log, bool count_sessions) {
    std::vector<BackupInfo> out;
    std::error_code ec;
    const std::string stem = log.stem().string();
    for (const auto& entry : fs::directory_iterator(backup_directory(log), ec)) {
        auto b = parse_backup_name(entry.path(), stem);
        if (!b) continue;
        b->bytes = entry.file_size(ec);
        if (count_sessions) {
            try {
                SQLite::Database copy(b->file, SQLite::OPEN_READONLY);
                b->sessions = copy.execAndGet("SELECT count(*) FROM session").getInt64();
            } catch (const std::exception&) {
                b->sessions.reset();
            }
        }
        out.push_back(std::move(*b));
    }
    std::sort(out.begin(), out.end(), [](const BackupInfo& a, const BackupInfo& b) { return a.taken > b.taken; });
    return out;
}

namespace journal_detail {

std::string damaged_message(const fs::path& log, const std::string& why) {
    const auto backups = list_backups(log, false);
    const std::string backup = backups.empty()
                                   ? "there is no backup of it yet"
                                   : fmt::format("the newest backup is {} ({})", backups.front().file.string(), backups.front().taken);
    return fmt::format("the log {} is damaged ({}); nothing was changed. 'backcare check' shows what is wrong and "
                       "'backcare recover' salvages its sessions into a new log; {}",
                       log.string(), printable(why), backup);
}

void backup_before_migration(SQLite::Database& db, const fs::path& log, int from_schema, const JournalOptions& options) {
    if (from_schema >= journal_schema) return;
    // Named for the schema it is about to be brought to.
    without_failing(log, options, [&] { make_backup(db, log, fmt::format("-before-schema-{}", journal_schema), options); });
}

void weekly_backup(SQLite::Database& db, const fs::path& log, const JournalOptions& options) {
    without_failing(log, options, [&] {
        const auto now = now_of(options);
        for (const BackupInfo& b : list_backups(log, false)) {
            if (b.reason != "weekly") continue;
            const auto started = parse_started(b.taken);
            // The newest weekly one decides; a clock set back makes none.
            if (started && Clock::time_point{std::chrono::seconds{started->first}} > now - backup_interval) return;
            break;
        }
        make_backup(db, log, "", options);
    });
}

}  // namespace journal_detail

LogHealth check_log(const fs::path& path, const JournalOptions& options) {
    LogHealth h;
    h.path = path;
    h.backups = list_backups(path, true);
    if (path_kind(path, "check the log") == PathKind::absent) return h;
    h.exists = true;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        h.bytes = static_cast<std::uintmax_t>(st.st_size);
        h.mode = st.st_mode & 07777;
    }
    secure_private_file(path, "the log", options.warn);
    try {
        // Read-write, though it only reads: a read-only connection would leave
        // the -wal and -shm files of a log in WAL mode behind it.
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        h.journal_mode = lowercase(db.execAndGet("PRAGMA journal_mode").getString());
        const int app = journal_detail::pragma_int(db, "application_id");
        h.schema = journal_detail::pragma_int(db, "user_version");
        if (app != journal_application_id) h.problems.push_back("it is not a backcare log (its application id is not backcare's)");
        SQLite::Statement q(db, "PRAGMA integrity_check(20)");
        while (q.executeStep())
            if (const std::string line = q.getColumn(0).getString(); line != "ok") h.problems.push_back(printable(line));
        if (h.problems.empty()) {
            h.sessions = db.execAndGet("SELECT count(*) FROM session").getInt64();
            h.entries = db.execAndGet("SELECT count(*) FROM entry").getInt64();
            SQLite::Statement days(db, "SELECT min(local_date), max(local_date) FROM session");
            if (days.executeStep() && !days.getColumn(0).isNull()) {
                h.first_day = days.getColumn(0).getString();
                h.last_day = days.getColumn(1).getString();
            }
        }
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED) journal_detail::translate(e, path);
        h.problems.push_back(e.getErrorCode() == SQLITE_NOTADB ? "it is not readable as an SQLite database (its first page is damaged, or it is another kind of file)"
                                                               : printable(e.getErrorStr()));
    }
    return h;
}

}  // namespace backcare
