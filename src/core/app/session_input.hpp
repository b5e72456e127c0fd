// SPDX-License-Identifier: MIT
// Sessions read from a file or standard input, for `log -` and `import`: the
// one place that says how far in the future a session may start, and how a
// whole input is checked or stored.
#pragma once
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "journal.hpp"
#include "clock.hpp"
#include "session_reader.hpp"

namespace backcare {

// A session may start up to a day after now: clocks differ, and a session
// logged just past midnight in one time zone is tomorrow in another. Later
// than that is a date typed wrong, not a session done.
inline constexpr std::chrono::seconds future_slack{86400};

// Makes the reader refuse, as a bad record, a session that starts after now plus the slack.
void refuse_future_sessions(SessionReader&, Instant now);

// A file named on the command line, open for reading; IoError for a
// directory or a file that cannot be read.
std::ifstream open_input_file(const std::string& name);

// Reads every session of the input, storing nothing; how many there were.
std::size_t count_sessions(SessionReader&);

// Stores every session of the input in the log at database, in one
// transaction (see Journal::store); read_ahead parses on a second thread,
// which suits a file but not a pipe (see ReadAhead). Returns how many were
// added and how many were already present.
std::pair<std::size_t, std::size_t> import_sessions(const std::filesystem::path& database, SessionReader&,
                                                    bool read_ahead, const JournalOptions& = {});

}  // namespace backcare
