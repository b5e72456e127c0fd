// SPDX-License-Identifier: MIT
// Reading sessions from an export (JSON Lines or CSV) one at a time, and
// ahead on a second thread, so that memory does not grow with the input.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <istream>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "catalogue.hpp"
#include "errors.hpp"
#include "session.hpp"
#include "session_csv.hpp"

namespace backcare {

// The longest line of JSON Lines, or record of CSV, a reader takes.
inline constexpr std::size_t max_record_bytes = std::size_t{1} << 20;

// Reads sessions one at a time from JSON Lines or CSV (told apart by the
// first character). next() throws DataError "LABEL:LINE: problem" for a bad
// record. In CSV, the rows of a session are consecutive and share its uuid;
// a row without one is a session.
class SessionReader {
public:
    SessionReader(std::istream&, std::string label, const Catalogue&);
    std::optional<Session> next();
    // Refuses, as a bad record, a session that starts after this instant
    // (seconds since the epoch): a date typed wrong, not a session done.
    void refuse_after(std::int64_t latest) { latest_ = latest; }

private:
    DataError fail(int line, const std::string& why) const;
    void skip_byte_order_mark();
    void read_header();
    std::optional<Session> next_json();
    std::optional<Session> next_csv();
    bool read_row();
    void check_start(const Session&, int line) const;

    std::istream& in_;
    std::string label_;
    const Catalogue& catalogue_;
    int line_ = 1;
    std::optional<CsvColumns> columns_;  // CSV only
    bool pending_ = false;  // a row read ahead that starts the next session
    std::vector<std::string> pending_fields_;
    int pending_line_ = 0;
    std::set<std::string> uuids_seen_;  // a session's rows must be consecutive
    std::optional<std::int64_t> latest_;
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

}  // namespace backcare
