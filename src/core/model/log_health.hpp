// SPDX-License-Identifier: MIT
// What `backcare check` finds in a log and its backups, and what `backcare
// recover` salvaged: plain values, found by the log layer and shown by the
// formats layer.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace backcare {

// A copy of the log, made with SQLite's backup API.
struct BackupInfo {
    std::filesystem::path file;
    std::string taken;   // "2026-12-07T14:25:00Z", from its name
    std::string reason;  // "weekly", or "before schema 3"
    std::uintmax_t bytes = 0;
    std::optional<std::int64_t> sessions;  // nullopt when it cannot be read
};

struct LogHealth {
    std::filesystem::path path;
    bool exists = false;
    std::uintmax_t bytes = 0;
    unsigned mode = 0;                 // permission bits
    std::optional<int> schema;         // nullopt when unreadable
    std::string journal_mode;          // "wal", "delete", ...
    std::optional<std::int64_t> sessions, entries;
    std::optional<std::string> first_day, last_day;  // local dates of the first and last session
    std::vector<std::string> problems;  // what SQLite finds wrong; empty when sound
    std::vector<BackupInfo> backups;    // newest first
    bool sound() const { return exists && problems.empty(); }
};

// What recover made of a damaged log.
struct Salvage {
    std::filesystem::path from, to;
    std::int64_t sessions = 0, entries = 0;  // stored in the new log
    std::vector<std::int64_t> unreadable;    // session numbers found but not readable whole
    std::int64_t invalid = 0;                // read, but not a session backcare would store
    bool header_rebuilt = false;             // the file's first 100 bytes were rebuilt (in the copy)
    std::int64_t from_backup = 0;            // sessions taken from a backup, when asked
    std::optional<std::filesystem::path> backup;  // that backup
};

}  // namespace backcare
