// SPDX-License-Identifier: MIT
// `backcare history`, `undo` and `delete`: which sessions to show, and taking
// one out of the log. Undoing in a log that does not exist yet says so, and
// leaves no empty log behind.
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "clock.hpp"
#include "journal.hpp"
#include "session.hpp"

namespace backcare {

// The options of `history`, as typed.
struct HistoryQuery {
    std::string limit = "10";  // 0: every session
    std::optional<std::string> since;
};

struct HistoryRange {
    std::size_t limit = 10;  // SIZE_MAX: every session
    std::optional<Date> since;
};
// UsageError for an option that cannot be read.
HistoryRange history_range(const HistoryQuery&, Date today);

// Newest first; an absent log has none.
std::vector<Session> history(const HistoryRange&, const std::optional<Journal>&);
// What to say when history finds nothing: that nothing is logged yet, or
// that nothing is in the period asked for (and how many sessions are outside it).
std::string nothing_in_history(const HistoryRange&, const std::optional<Journal>&);

// Removes the most recently logged session and gives it; NoResult when there is none.
Session undo_last(const std::filesystem::path& database, const JournalOptions& = {});
// Removes a session by its number or (a unique prefix of) its uuid and gives
// it; NoResult when there is none.
Session delete_session(const std::filesystem::path& database, const std::string& id, const JournalOptions& = {});

}  // namespace backcare
