// SPDX-License-Identifier: MIT
#pragma once
// The log of sessions: one SQLite file, private, versioned, and written only
// in IMMEDIATE transactions so that cron and a person can write at once.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "files.hpp"
#include "log_health.hpp"
#include "session.hpp"
#include "stats.hpp"

namespace SQLite {
class Database;
}

namespace backcare {

struct BusyWait;

inline constexpr int journal_schema = 4;
inline constexpr std::int32_t journal_application_id = 0x42434152;  // "BCAR"
inline constexpr int busy_timeout_ms = 60000;  // the default wait for another writer

// How a log is opened. The defaults are backcare's; tests shorten the wait.
struct JournalOptions {
    // How long a write waits for its turn (other writers, or another program
    // holding the log) before giving up as Busy.
    std::chrono::milliseconds busy_timeout{busy_timeout_ms};
    // Told, once, when a write has waited a second for its turn; with who
    // holds the log ("backcare log (pid 4242)"). For a person at a terminal.
    std::function<void(const std::string& holder)> waiting;
    // Warnings about the log's files (a mode tightened, a backup not made).
    Warn warn;
    // What this process is, for the writer lock ("backcare log").
    std::string command = "backcare";
    // The clock for backups' names and the weekly one; the system's when unset.
    std::optional<std::chrono::system_clock::time_point> now;
};

struct AddResult {
    std::vector<Session> added;   // as stored, with their ids
    std::vector<std::string> present;  // uuids that were already in the log
};

using SessionSource = std::function<std::optional<Session>()>;
using OnAdded = std::function<void(const Session&)>;

class Journal final : public StatsSource {
public:
    // An existing log for reading; nullopt when the file does not exist (an
    // empty log: reading creates nothing). Refuses a file that is not a
    // backcare log, or is from a newer backcare, leaving it untouched.
    static std::optional<Journal> open_existing(const std::filesystem::path&, const JournalOptions& = {});
    // The log for writing, created (directory 0700, file 0600) when missing.
    static Journal open_for_writing(const std::filesystem::path&, const JournalOptions& = {});

    Journal(Journal&&) noexcept;
    Journal& operator=(Journal&&) noexcept;
    ~Journal() override;

    // All or nothing, in one transaction; a uuid already present is skipped,
    // so retrying or re-importing never duplicates.
    AddResult add(const std::vector<Session>&);
    // The same for a stream: stores what next() gives until nullopt, in one
    // transaction; any exception from next() stores nothing. Calls on_added
    // (when given) with each stored session and its new id, before the
    // commit. Returns how many were added and how many were already present.
    std::pair<std::size_t, std::size_t> add_each(const SessionSource& next, const OnAdded& on_added = {});
    // add_each on the log at path. A missing log is created only once the
    // whole stream has been stored without error (it is built beside its
    // place and moved there); an existing one takes the stream as it comes.
    static std::pair<std::size_t, std::size_t> store(const std::filesystem::path&, const SessionSource& next,
                                                     const OnAdded& on_added = {}, const JournalOptions& = {});
    // Removes the most recently logged session; nullopt when the log is empty.
    std::optional<Session> remove_last();
    // Removes a session found as find() finds it; nullopt when there is none.
    std::optional<Session> remove(const std::string& id_or_uuid);

    // A session by its number in this log ("12", or "#12" to say it is a
    // number) or its uuid (or a unique uuid prefix of 8 or more characters,
    // any case); nullopt when there is none. Digits that are both a number
    // and the start of another session's uuid are refused (UsageError naming
    // both), as is a uuid prefix that more than one session has. Numbers are
    // never reused: a session removed keeps its number from every new one.
    std::optional<Session> find(const std::string& id_or_uuid) const;
    // Newest first by start.
    std::vector<Session> recent(std::size_t limit, std::optional<Date> since) const;
    // Every session, oldest first, one at a time (memory does not grow with the log).
    void each(const std::function<void(const Session&)>&, std::optional<Date> since = std::nullopt) const;
    // The last day each exercise was done, looking back to since (all time without it).
    LastDone last_done(std::optional<Date> since = std::nullopt) const;
    // The last day each exercise was done or skipped: what the planner ranks
    // by, so that an exercise skipped yesterday is not first again today.
    LastDone last_offered(std::optional<Date> since = std::nullopt) const;
    int sessions_on(Date local_day) const;
    std::size_t count() const override;

    // Runs read inside one read transaction: every query in it sees the same
    // log, whatever is written meanwhile (writers wait for it to end).
    void read_together(const std::function<void()>& read) const;

    // What `backcare stats` reads (see stats.hpp).
    std::optional<Date> first_day(const StatsFilter&, Date from, Date to) const override;
    void each_row(Date from, Date to, const StatsFilter&, const std::function<void(const StatsRow&)>&) const override;
    std::string exercise_name(std::int64_t session, const std::string& exercise_id) const override;
    void each_active_day(Date to, const StatsFilter&, const std::function<void(Date)>&) const override;
    std::vector<ExerciseTime> exercise_times(Date from, Date to, const StatsFilter&) const override;
    std::vector<ScoredSession> pain_scores(Date from, Date to) const override;
    // Changes made through this connection (read-only commands must leave it 0).
    int total_changes() const;
    const std::filesystem::path& path() const { return path_; }

private:
    Journal(std::unique_ptr<SQLite::Database>, std::unique_ptr<BusyWait>, std::filesystem::path file,
            std::filesystem::path shown, JournalOptions, bool backups);
    // The log at file, named shown in messages (a new log is built under
    // another name); backups only for a log in its place.
    static Journal open_writer(const std::filesystem::path& file, const std::filesystem::path& shown, const JournalOptions&,
                               bool backups);
    static void bring_up_to_date(SQLite::Database&, const std::filesystem::path& file, const std::filesystem::path& shown,
                                 const JournalOptions&);
    void load_entries(Session&) const;

    std::unique_ptr<SQLite::Database> db_;
    std::unique_ptr<BusyWait> busy_;
    std::filesystem::path path_;   // the file
    std::filesystem::path shown_;  // its name in messages
    JournalOptions options_;
    bool backups_ = true;
};

// Backups of the log at path: in backups/ beside it, newest first; with
// count_sessions, each one opened to count its sessions.
std::filesystem::path backup_directory(const std::filesystem::path& log);
std::vector<BackupInfo> list_backups(const std::filesystem::path& log, bool count_sessions);

// Everything `backcare check` says of the log at path: what it is, whether
// SQLite finds it whole (PRAGMA integrity_check), and its backups. Opens it
// read-only; a log that is not there is reported as such.
LogHealth check_log(const std::filesystem::path&, const JournalOptions& = {});

// Every session that can be read whole from the log at from (a copy of it,
// with its first page rebuilt when that is what is damaged), stored in a new
// log at to (by default NAME-recovered-STAMP.db beside it); from is never
// written. with_backup also takes, from the newest backup that can be read,
// the sessions the salvage did not find. NoResult when nothing could be
// read; UsageError when to exists.
Salvage recover_log(const std::filesystem::path& from, const std::optional<std::filesystem::path>& to,
                    const JournalOptions& = {}, bool with_backup = false);

// For tests and for `backcare config`: the schema version of a log file, or
// nullopt when it has none yet.
std::optional<int> journal_version(const std::filesystem::path&);

// For migration tests: creates an empty log at an earlier schema version
// (1 to journal_schema), as that version of backcare would have made it.
void create_journal_at_version(const std::filesystem::path&, int version);

}  // namespace backcare
