// SPDX-License-Identifier: MIT
#pragma once
// What every command may use, built once in main from the process's
// environment and global options. Commands take it as a parameter.
#include <iosfwd>
#include <optional>
#include <string>

#include "catalogue.hpp"
#include "clock.hpp"
#include "journal.hpp"
#include "paths.hpp"
#include "settings.hpp"
#include "style.hpp"

namespace backcare::cli {

struct GlobalOptions {
    std::optional<std::string> db;
    std::optional<std::string> config;
    std::string color = "auto";
    bool quiet = false;
};

struct Context {
    Environment env;
    Instant now;
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    Style style;  // for out
    Paths paths;
    bool quiet = false;
    JournalOptions journal_options = {};
    // Set once a change is stored (stored()): what it was.
    std::optional<std::string> stored_change = {};

    Config config() const;
    // The built-in exercises with the person's own files laid over them.
    Catalogue catalogue() const;
    void warn(const std::string& message) const;
    // "backcare: note: ..." on stderr, unless --quiet: how an input was read.
    void note(const std::string& message) const;
    // A fresh random UUID for a new session.
    std::string new_uuid() const;
    // The log for reading; nullopt when there is none yet.
    std::optional<Journal> journal() const;
    // Says that a change is stored ("session 12"): from then on, a report
    // that cannot be written (a full disk, a reader gone) is a warning on
    // stderr and the command still succeeds, so that a script that retries
    // on failure never stores it twice.
    void stored(std::string what);
    // Before reading sessions from standard input: when that is a terminal,
    // a line on stderr says what is awaited, so that it does not seem to hang.
    void reading_sessions() const;
};

// Before the first routine ever shown at a terminal (never to a pipe): the
// red flags ('backcare safety'), once.
void first_routine_safety(Context&);

// How the log is opened: BACKCARE_BUSY_TIMEOUT_MS, for tests, shortens the
// wait for another writer (UsageError when it is not 0 to 600000).
JournalOptions read_journal_options(const Environment&);

// Prints an "--name" option's allowed values in help; one place for the lists.
std::string choices(const std::vector<std::string>& names);

}  // namespace backcare::cli
