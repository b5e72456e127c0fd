// SPDX-License-Identifier: MIT
// `backcare history`, `undo` and `delete`.
#include "corrections.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "errors.hpp"
#include "settings.hpp"
#include "text.hpp"

namespace backcare {

HistoryRange history_range(const HistoryQuery& q, Date today) {
    const auto limit = static_cast<std::size_t>(parse_number_option(q.limit, "--limit", 0, 1'000'000'000));
    HistoryRange range;
    range.limit = limit == 0 ? SIZE_MAX : limit;
    if (q.since) range.since = parse_since(*q.since, today, "--since");
    return range;
}

std::vector<Session> history(const HistoryRange& range, const std::optional<Journal>& journal) {
    return journal ? journal->recent(range.limit, range.since) : std::vector<Session>{};
}

std::string nothing_in_history(const HistoryRange& range, const std::optional<Journal>& journal) {
    const std::size_t logged = journal ? journal->count() : 0;
    if (logged == 0 || !range.since) return "No sessions logged yet. Try: backcare plan, then backcare log --plan";
    return fmt::format("No sessions since {} ({} in the log; 'backcare history --since all' shows them)", format_date(*range.since),
                       logged);
}

Session undo_last(const std::filesystem::path& database, const JournalOptions& options) {
    // Opening a log for writing creates it: an absent one is checked for first.
    if (!Journal::open_existing(database, options)) throw NoResult("the log is empty; there is nothing to undo");
    auto removed = Journal::open_for_writing(database, options).remove_last();
    if (!removed) throw NoResult("the log is empty; there is nothing to undo");
    return std::move(*removed);
}

Session delete_session(const std::filesystem::path& database, const std::string& id, const JournalOptions& options) {
    // Found first by reading, so that an id that cannot be one, or names no
    // session, is refused without a write being begun.
    const auto log = Journal::open_existing(database, options);
    if (!log) throw NoResult(fmt::format("no session '{}': the log is empty", printable(id)));
    if (!log->find(id)) throw NoResult(fmt::format("no session '{}' in the log (see 'backcare history')", printable(id)));
    auto removed = Journal::open_for_writing(database, options).remove(id);
    if (!removed) throw NoResult(fmt::format("no session '{}' in the log (see 'backcare history')", id));
    return std::move(*removed);
}

}  // namespace backcare
