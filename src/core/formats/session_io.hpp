#pragma once
// Sessions in and out: JSON (one object per line), CSV (one row per entry),
// and typed items such as "cat-cow:10".
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <map>
#include <set>
#include <optional>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "errors.hpp"
#include "session.hpp"
#include "style.hpp"

namespace backcare {

inline constexpr int session_json_schema = 1;

// "cat-cow:10", "band-rows:2x12@red", or just "cat-cow" for the level-1 dose.
// Throws UsageError for an unknown id (naming the nearest) or a bad dose.
Entry parse_item(std::string_view item, const Catalogue&);
std::string format_item(const Entry&);  // "band-rows:2x12@red"

// Estimated seconds for entries done as logged (skipped ones count nothing).
int estimate_session_seconds(const std::vector<Entry>&, const Catalogue&);
// The goal most entries share; nullopt when mixed.
PlanGoal main_goal(const std::vector<Entry>&, const Catalogue&);

// The exercises of a remembered plan (last-plan.json), as planned.
struct PlannedSession {
    PlanGoal goal;
    std::vector<Entry> entries;
    int seconds = 0;
};
PlannedSession read_plan_json(std::string_view text);

// One line of JSON; with_id adds this log's number for the session.
std::string session_json(const Session&, bool with_id);
// Parses one JSON object. Missing uuid: content_uuid(), so reading the same
// line twice gives the same session. A uuid in capitals is lowercased. Missing
// duration: estimated. Entries may be objects or item strings. Throws
// UsageError describing the problem (the caller adds where).
Session parse_session_json(std::string_view line, const Catalogue&);

// The CSV header and one row per entry; RFC 4180 quoting.
extern const char* const session_csv_header;
void write_session_csv(std::ostream&, const Session&);

// Reads sessions one at a time from JSON Lines or CSV (told apart by the
// first character), so memory does not grow with the input. next() throws
// DataError "LABEL:LINE: problem" for a bad record. In CSV, the rows of a
// session are consecutive and share its uuid; a row without one is a session.
class SessionReader {
public:
    SessionReader(std::istream&, std::string label, const Catalogue&);
    std::optional<Session> next();
    // Refuses, as a bad record, a session that starts after this instant
    // (seconds since the epoch): a date typed wrong, not a session done.
    void refuse_after(std::int64_t latest) { latest_ = latest; }

private:
    DataError fail(int line, const std::string& why) const;

    std::istream& in_;
    std::string label_;
    const Catalogue& catalogue_;
    int line_ = 1;
    bool csv_ = false;
    std::map<std::string, std::size_t> column_;
    std::size_t columns_ = 0;
    bool pending_ = false;  // a row read ahead that starts the next session
    std::vector<std::string> pending_fields_;
    int pending_line_ = 0;
    std::set<std::string> uuids_seen_;  // a session's rows must be consecutive
    std::optional<std::int64_t> latest_;
    void check_start(const Session&, int line) const;
};

// A SessionReader's next() run ahead on a second thread, so that parsing the
// coming sessions overlaps with storing the last ones. For a file: closing
// it waits for the reader to finish its current record, which on a pipe
// could be forever. The reader must not be used elsewhere meanwhile; its
// errors come out of next() in their place in the stream.
class ReadAhead {
public:
    explicit ReadAhead(SessionReader&, std::size_t depth = 512);
    ~ReadAhead();
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;
    std::optional<Session> next();

private:
    void run();

    SessionReader& reader_;
    const std::size_t depth_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Session> ready_;
    bool finished_ = false;  // the reader gave its last session, or failed
    bool stopping_ = false;  // the consumer has gone
    std::exception_ptr error_;
    std::thread thread_;
};

// All sessions of an input at once (for small inputs and tests).
std::vector<Session> read_sessions(std::istream&, const std::string& label, const Catalogue&);

// For history and log: "12  2026-11-23 18:30  8 min  pain 3→2  cat-cow:10, childs-pose:30s".
void render_session_line(std::ostream&, const Session&, const Style&);
void render_session_tsv(std::ostream&, const Session&);
void render_session_text(std::ostream&, const Session&, const Style&);

}  // namespace backcare
