// SPDX-License-Identifier: MIT
#pragma once
// Helpers for the session-log tests (log, history, undo, delete, export,
// import, due and the reliability tests): processes started outside
// Home::run (in parallel, with a chosen umask, killed part-way), a look into
// the SQLite file, and small parsers for what backcare prints.
#include <sys/types.h>

#include <cstdint>
#include <csignal>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness.hpp"

namespace e2e::logs {

using e2e::Proc;
using e2e::run;

using Json = nlohmann::json;

// Joins anything streamable into a string (avoids `"literal" + std::string`,
// which GCC 12 misreports under -Wrestrict at -O3).
template <class... T> std::string str(const T&... parts) {
    std::ostringstream s;
    (s << ... << parts);
    return s.str();
}

// The log file of a Home: HOME/data/backcare/backcare.db.
std::filesystem::path db_path(const Home&);


// The environment Home gives its runs (HOME, XDG_*, TZ=UTC, LC_ALL,
// BACKCARE_NOW pinned, PATH), with changes: a value replaces or adds, and a
// name in unset is removed.
std::vector<std::string> home_env(const Home&, const std::map<std::string, std::string>& set = {},
                                  const std::vector<std::string>& unset = {});
Proc proc(const Home&, std::vector<std::string> args, const std::map<std::string, std::string>& set = {});


// A child started in the background, stdout and stderr into files, stdin
// from /dev/null.
class Child {
public:
    Child(const Proc&, const std::filesystem::path& out, const std::filesystem::path& err);
    ~Child();  // kills and reaps it if still running
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    pid_t pid() const { return pid_; }
    // Whether it has ended (reaps it if so).
    bool done();
    void kill(int signal = SIGKILL);  // only while not reaped
    int wait();   // exit status, or 128 + signal
private:
    pid_t pid_ = -1;
    bool reaped_ = false;
    int status_ = -1;
};

// File facts, to show that something was left as it was.
struct FileState {
    bool exists = false;
    std::string bytes;
    std::int64_t mtime_ns = 0;
    unsigned mode = 0;
    friend bool operator==(const FileState&, const FileState&) = default;
};
FileState file_state(const std::filesystem::path&);
unsigned mode_of(const std::filesystem::path&);  // permission bits, 0 when missing

// Queries through SQLiteCpp, read-only.
std::int64_t count_sessions(const std::filesystem::path& db);
std::int64_t count_where(const std::filesystem::path& db, const std::string& sql_condition, const std::string& bound);
std::int64_t scalar(const std::filesystem::path& db, const std::string& query);
std::string integrity_check(const std::filesystem::path& db);
// Runs statements on a database, read-write and creating it (for fixtures).
void sql(const std::filesystem::path& db, const std::string& statements);

// Parsers for backcare's outputs.
std::vector<Json> json_lines(const std::string& text);          // export jsonl
std::vector<std::vector<std::string>> csv_records(const std::string& text);  // RFC 4180
// The words of a message, split on spaces, quotes, brackets, commas and
// semicolons: to show that a typed value is not repeated in it.
std::vector<std::string> words(const std::string& text);

// A lowercase version-4 UUID built from two numbers, for generated sessions.
std::string uuid_for(std::uint32_t a, std::uint64_t b);

// Seconds since the epoch of "2026-11-23T09:58:50+00:00" (or Z); -1 when unreadable.
std::int64_t epoch_of(const std::string& started);

// The sessions `history --format json` shows, newest first: all of them
// unless extra has its own --limit.
Json history_json(const Home&, const std::vector<std::string>& extra = {});

// One line of `log --format json` as the session stored (as history and
// export show it): its "pain_warning", which must be there, taken off.
Json stored_session(const std::string& line);

}  // namespace e2e::logs
