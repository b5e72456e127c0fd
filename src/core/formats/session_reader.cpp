// SPDX-License-Identifier: MIT
// SessionReader and ReadAhead (see session_reader.hpp).
#include "session_reader.hpp"

#include <fmt/format.h>

#include "session_entry.hpp"
#include "session_json.hpp"

namespace backcare {

SessionReader::SessionReader(std::istream& in, std::string label, const Catalogue& catalogue)
    : in_(in), label_(std::move(label)), catalogue_(catalogue) {
    skip_byte_order_mark();
    // Skip leading blank space to see what kind of input this is.
    while (in_.peek() == ' ' || in_.peek() == '\n' || in_.peek() == '\r' || in_.peek() == '\t')
        if (in_.get() == '\n') ++line_;
    if (in_.peek() == EOF || in_.peek() == '{') return;
    read_header();
}

// A byte order mark, as spreadsheets write at the start of "CSV UTF-8".
void SessionReader::skip_byte_order_mark() {
    if (in_.peek() != 0xEF) return;
    char bom[3] = {};
    in_.read(bom, 3);
    if (std::string_view(bom, static_cast<std::size_t>(in_.gcount())) != "\xEF\xBB\xBF")
        throw fail(1, "the input is not UTF-8 text");
}

void SessionReader::read_header() {
    std::vector<std::string> header;
    try {
        read_csv_record(in_, header, line_);
        columns_.emplace(header);
    } catch (const Error& e) {
        throw fail(1, e.what());
    }
}

DataError SessionReader::fail(int line, const std::string& why) const {
    return DataError(fmt::format("{}:{}: {}", label_, line, why));
}

void SessionReader::check_start(const Session& s, int line) const {
    if (latest_ && s.started > *latest_)
        throw fail(line, fmt::format("the session starts in the future ({})", format_started(s)));
}

std::optional<Session> SessionReader::next() { return columns_ ? next_csv() : next_json(); }

namespace {

// std::getline, but refusing a line longer than max_bytes before it is all in
// memory: a gigabyte on one line is no session.
bool read_line(std::istream& in, std::string& line, std::size_t max_bytes) {
    line.clear();
    std::streambuf* buf = in.rdbuf();
    for (;;) {
        const int c = buf->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            in.setstate(std::ios::eofbit);
            return !line.empty();
        }
        if (c == '\n') return true;
        if (line.size() == max_bytes) throw UsageError(fmt::format("the line is longer than {} KiB", max_bytes / 1024));
        line += static_cast<char>(c);
    }
}

}  // namespace

std::optional<Session> SessionReader::next_json() {
    for (std::string text; ;) {
        const int at = line_;
        try {
            if (!read_line(in_, text, max_record_bytes)) break;
        } catch (const Error& e) {
            throw fail(at, e.what());
        }
        ++line_;
        if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
        Session s;
        try {
            s = parse_session_json(text, catalogue_);
        } catch (const Error& e) {
            throw fail(at, e.what());
        }
        check_start(s, at);
        return s;
    }
    return std::nullopt;
}

// Reads the next record that is not blank into pending_fields_, unless one
// is pending already; false at the end of the input.
bool SessionReader::read_row() {
    while (!pending_) {
        pending_line_ = line_;
        try {
            if (!read_csv_record(in_, pending_fields_, line_)) return false;
        } catch (const Error& e) {
            throw fail(pending_line_, e.what());
        }
        pending_ = !(pending_fields_.size() == 1 && pending_fields_[0].empty());
    }
    return true;
}

// A row is one entry; consecutive rows with the same uuid make one session,
// and so do consecutive rows without one that agree on every field of the
// session (its start, duration, goal, pain, note and origin).
std::optional<Session> SessionReader::next_csv() {
    std::optional<Session> session;
    std::string uuid;       // as the rows spell it
    std::string head;       // the session's own fields, for rows without a uuid
    bool estimate = false;  // no duration given: estimated from every entry, as for JSON
    int first_line = 0;
    while (read_row()) {
        const int at = pending_line_;
        try {
            const CsvRow row(*columns_, pending_fields_);
            if (session && (row.uuid() != uuid || (uuid.empty() && row.session_fields() != head))) break;  // the next session's
            pending_ = false;
            if (session) {
                row.add_entry(*session, catalogue_);
                continue;
            }
            session = row.session(catalogue_, uuids_seen_);
            first_line = at;
            estimate = !row.has_duration();
            uuid = row.uuid();
            head = row.session_fields();
        } catch (const Error& e) {
            throw fail(at, e.what());
        }
    }
    if (!session) return session;
    try {
        // Derived from all of the session's rows, not its first alone.
        if (uuid.empty()) {
            const int duration = session->duration;
            if (estimate) session->duration = -1;
            session->uuid = content_uuid(*session);
            session->duration = duration;
        }
        if (estimate && session->entries.size() > 1) session->duration = estimate_session_seconds(session->entries, catalogue_);
        check_session(*session);
    } catch (const Error& e) {
        throw fail(first_line, e.what());
    }
    check_start(*session, first_line);
    return session;
}

ReadAhead::ReadAhead(SessionReader& reader, std::size_t depth)
    : reader_(reader), depth_(depth), thread_([this] { run(); }) {}

ReadAhead::~ReadAhead() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void ReadAhead::run() {
    for (;;) {
        std::optional<Session> s;
        std::exception_ptr error;
        try {
            s = reader_.next();
        } catch (...) {
            error = std::current_exception();
        }
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopping_ || ready_.size() < depth_; });
        if (stopping_) return;
        if (error || !s) {
            error_ = error;
            finished_ = true;
            changed_.notify_all();
            return;
        }
        ready_.push_back(std::move(*s));
        if (ready_.size() == 1) changed_.notify_all();  // the consumer may be waiting for one
    }
}

std::optional<Session> ReadAhead::next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
    if (!ready_.empty()) {
        Session s = std::move(ready_.front());
        ready_.pop_front();
        if (ready_.size() == depth_ / 2) changed_.notify_all();  // wake a full producer in batches
        return s;
    }
    if (error_) std::rethrow_exception(error_);
    return std::nullopt;
}

std::vector<Session> read_sessions(std::istream& in, const std::string& label, const Catalogue& catalogue) {
    SessionReader reader(in, label, catalogue);
    std::vector<Session> out;
    while (auto s = reader.next()) out.push_back(std::move(*s));
    return out;
}

}  // namespace backcare
