// SPDX-License-Identifier: MIT
// Sessions as CSV, one row per entry (RFC 4180 quoting): the header, the
// rows written for an export, and the rows read back, each field checked
// here and converted straight to the session or entry it describes.
#pragma once
#include <cstddef>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"
#include "session.hpp"

namespace backcare {

namespace fields {
struct ReadEntry;  // session_fields.hpp
}

// The CSV header and one row per entry.
extern const char* const session_csv_header;
void write_session_csv(std::ostream&, const Session&);

// A text field as a CSV file holds it (RFC 4180 quoting), neutralised for
// spreadsheets: a value that begins with =, +, -, @, tab or CR (after any
// apostrophes) gets one apostrophe in front, so that it is not run as a
// formula. csv_text reverses it exactly, so that a round trip is exact.
std::string csv_field(std::string_view);
std::string csv_text(std::string_view field);

// Reads one CSV record, which may span lines inside quotes, counting the
// lines it reads; false at the end of the input. Throws UsageError for a
// quote left open, text after a closing quote, or more than max_bytes.
bool read_csv_record(std::istream&, std::vector<std::string>& fields, int& line, std::size_t max_bytes = std::size_t{1} << 20);

// The columns of a CSV input, from its header: those of session_csv_header,
// all or some (an older export has no planned columns). Throws UsageError
// for an unknown column or one missing that is needed.
class CsvColumns {
public:
    explicit CsvColumns(const std::vector<std::string>& header);
    std::size_t size() const { return size_; }
    // The field of a column in a record; empty when the header lacks it.
    std::string_view field(const std::vector<std::string>& record, std::string_view column) const;

private:
    std::map<std::string, std::size_t, std::less<>> index_;
    std::size_t size_ = 0;
};

// One record of a CSV input. A session's first row gives the session with
// its first entry; each following row of the same uuid gives one more entry.
// An empty field is a value not given. Throws UsageError naming the problem.
class CsvRow {
public:
    // Throws when the record's fields do not match the header's.
    CsvRow(const CsvColumns&, const std::vector<std::string>& record);
    std::string_view uuid() const { return field("uuid"); }
    // The fields of the session itself, joined: rows without a uuid that
    // agree on them are one session.
    std::string session_fields() const;
    bool has_duration() const { return !field("duration_seconds").empty(); }
    // uuids_seen: the uuids of the sessions read so far; a session's rows must be together.
    Session session(const Catalogue&, std::set<std::string>& uuids_seen) const;
    // Adds this row's entry to the session its first row began, and checks the session.
    void add_entry(Session&, const Catalogue&) const;

private:
    struct EntryNumbers;
    struct HeadNumbers;
    std::string_view field(std::string_view column) const { return columns_.field(record_, column); }
    std::optional<std::string> given(std::string_view column) const;
    std::optional<long long> number(std::string_view column) const;
    EntryNumbers entry_numbers() const;
    HeadNumbers head_numbers() const;
    void check_text(std::span<const std::string_view> columns) const;
    fields::ReadEntry to_entry(const EntryNumbers&, const Catalogue&) const;

    const CsvColumns& columns_;
    const std::vector<std::string>& record_;
};

}  // namespace backcare
