// SPDX-License-Identifier: MIT
// Sessions to and from CSV rows (see session_csv.hpp).
#include "session_csv.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "errors.hpp"
#include "session_fields.hpp"
#include "text.hpp"

namespace backcare {

const char* const session_csv_header =
    "uuid,started,date,duration_seconds,goal,pain_before,pain_after,note,origin,position,id,name,sets,reps,"
    "hold_seconds,side,load,status,planned_sets,planned_reps,planned_hold_seconds,skip_reason";

namespace {

// Whether a spreadsheet would read text as a formula once one apostrophe is
// taken off it (if it has any): the first character after its apostrophes.
bool formula_like(std::string_view s) {
    const auto first = s.find_first_not_of('\'');
    return first != std::string_view::npos && std::string_view("=+-@\t\r").find(s[first]) != std::string_view::npos;
}

const std::vector<std::string>& csv_columns() {
    static const std::vector<std::string> columns = split_list(session_csv_header);
    return columns;
}

// The text fields a session's first row gives, and those every row gives.
constexpr std::string_view head_text[] = {"uuid", "started", "date", "goal", "note", "origin"};
constexpr std::string_view entry_text[] = {"id", "name", "side", "load", "status", "skip_reason"};

// The names of older exports' columns, read as today's.
std::string canonical_column(const std::string& name) {
    if (name == "exercise") return "id";
    if (name == "planned_hold") return "planned_hold_seconds";
    return name;
}

}  // namespace

std::string csv_field(std::string_view text) {
    std::string s;
    if (formula_like(text)) s += '\'';
    s += text;
    // RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled.
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_text(std::string_view field) {
    if (!field.empty() && field.front() == '\'' && formula_like(field.substr(1))) field.remove_prefix(1);
    return std::string(field);
}

std::string CsvRow::session_fields() const {
    std::string key;
    for (std::string_view column : {"started", "duration_seconds", "goal", "pain_before", "pain_after", "note", "origin"})
        key += fmt::format("{}:{}|", field(column).size(), field(column));
    return key;
}

void write_session_csv(std::ostream& out, const Session& s) {
    const std::string head = fmt::format(
        "{},{},{},{},{},{},{},{},{}", s.uuid, format_started(s), s.local_date(), s.duration,
        s.goal ? std::string(name_of(*s.goal)) : "", s.pain_before ? std::to_string(*s.pain_before) : "",
        s.pain_after ? std::to_string(*s.pain_after) : "", csv_field(s.note), name_of(s.origin));
    int position = 0;
    for (const Entry& e : s.entries)
        out << head << ',' << ++position << ',' << csv_field(e.exercise_id) << ',' << csv_field(e.exercise_name) << ','
            << e.sets << ',' << e.reps << ',' << e.hold << ',' << name_of(e.side) << ',' << csv_field(e.load) << ','
            << name_of(e.status) << ','
            << (e.planned ? fmt::format("{},{},{}", e.planned->sets, e.planned->reps, e.planned->hold) : ",,") << ','
            << (e.skip_reason ? name_of(*e.skip_reason) : "") << "\r\n";
}

bool read_csv_record(std::istream& in, std::vector<std::string>& fields, int& line, std::size_t max_bytes) {
    fields.clear();
    std::string field;
    bool quoted = false, any = false, after_quote = false;
    std::size_t bytes = 0;
    for (int c; (c = in.get()) != EOF;) {
        any = true;
        if (++bytes > max_bytes) throw UsageError(fmt::format("the record is longer than {} KiB", max_bytes / 1024));
        if (quoted) {
            if (c == '"') {
                if (in.peek() == '"') {
                    field += '"';
                    in.get();
                } else {
                    quoted = false;
                    after_quote = true;
                }
            } else {
                if (c == '\n') ++line;
                field += static_cast<char>(c);
            }
            continue;
        }
        if (c == '"' && field.empty() && !after_quote) {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
            after_quote = false;
        } else if (c == '\n') {
            ++line;
            if (!field.empty() && field.back() == '\r') field.pop_back();
            fields.push_back(std::move(field));
            return true;
        } else if (after_quote && c != '\r') {
            throw UsageError("text after a closing quote");
        } else {
            field += static_cast<char>(c);
        }
    }
    if (quoted) throw UsageError("a quoted field is not closed");
    if (!any) return false;
    fields.push_back(std::move(field));
    return true;
}

CsvColumns::CsvColumns(const std::vector<std::string>& header) : size_(header.size()) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string column = canonical_column(header[i]);
        if (std::find(csv_columns().begin(), csv_columns().end(), column) == csv_columns().end())
            throw UsageError(fmt::format("unknown column '{}' (expected the header of 'backcare export --format csv')",
                                         printable(header[i].substr(0, 40))));
        if (!index_.emplace(column, i).second)
            throw UsageError(fmt::format("the column '{}' is in the header twice", column));
    }
    for (const char* required : {"started", "id"})
        if (!index_.count(required)) throw UsageError(fmt::format("the header has no '{}' column (nor 'exercise', as older exports name it)", required));
}

std::string_view CsvColumns::field(const std::vector<std::string>& record, std::string_view column) const {
    const auto it = index_.find(column);
    return it == index_.end() ? std::string_view() : std::string_view(record[it->second]);
}

// Whole numbers are checked for their form as the row is read, and for their
// range with the other fields, in the order a session is built.
struct CsvRow::EntryNumbers {
    std::optional<long long> sets, reps, hold, planned_sets, planned_reps, planned_hold;
};
struct CsvRow::HeadNumbers {
    std::optional<long long> duration, pain_before, pain_after;
};

CsvRow::CsvRow(const CsvColumns& columns, const std::vector<std::string>& record) : columns_(columns), record_(record) {
    if (record.size() != columns.size())
        throw UsageError(fmt::format("{} fields where the header has {}", record.size(), columns.size()));
}

std::optional<std::string> CsvRow::given(std::string_view column) const {
    const std::string_view v = field(column);
    if (v.empty()) return std::nullopt;
    return std::string(v);
}

std::optional<long long> CsvRow::number(std::string_view column) const {
    const std::string v(field(column));
    if (v.empty()) return std::nullopt;
    try {
        // stoll, as ever: leading blanks and a sign are accepted, nothing after the digits.
        std::size_t used = 0;
        const long long n = std::stoll(v, &used);
        if (used != v.size()) throw std::invalid_argument(v);
        return n;
    } catch (const std::logic_error&) {
        throw UsageError(fmt::format("'{}' must be a whole number", column));
    }
}

CsvRow::EntryNumbers CsvRow::entry_numbers() const {
    EntryNumbers n;
    n.sets = number("sets");
    n.reps = number("reps");
    n.hold = number("hold_seconds");
    n.planned_sets = number("planned_sets");
    n.planned_reps = number("planned_reps");
    n.planned_hold = number("planned_hold_seconds");
    return n;
}

CsvRow::HeadNumbers CsvRow::head_numbers() const {
    HeadNumbers n;
    n.duration = number("duration_seconds");
    n.pain_before = number("pain_before");
    n.pain_after = number("pain_after");
    return n;
}

void CsvRow::check_text(std::span<const std::string_view> columns) const {
    for (std::string_view column : columns)
        if (!valid_utf8(field(column))) throw UsageError(fmt::format("'{}' is not UTF-8 text", column));
}

fields::ReadEntry CsvRow::to_entry(const EntryNumbers& n, const Catalogue& catalogue) const {
    fields::ReadEntry read;
    Entry& e = read.entry;
    e.exercise_id = fields::exercise_id(csv_text(field("id")));
    const auto name = given("name");
    const Exercise* known = fields::name_entry(e, name ? std::optional(csv_text(*name)) : std::nullopt, catalogue);
    e.sets = fields::in_range(n.sets, "sets").value_or(1);
    e.reps = fields::in_range(n.reps, "reps").value_or(0);
    e.hold = fields::in_range(n.hold, "hold_seconds").value_or(0);
    fields::set_side(read, given("side"), known);
    e.load = csv_text(field("load"));
    e.status = fields::entry_status(given("status"));
    // The planned dose: empty columns (or none, in an older export) when typed without a plan.
    if (n.planned_sets || n.planned_reps || n.planned_hold)
        e.planned = PlannedDose{fields::in_range(n.planned_sets, "planned.sets").value_or(1),
                                fields::in_range(n.planned_reps, "planned.reps").value_or(0),
                                fields::in_range(n.planned_hold, "planned.hold_seconds").value_or(0)};
    e.skip_reason = fields::skip_reason(given("skip_reason"), e.status);
    return read;
}

void CsvRow::add_entry(Session& s, const Catalogue& catalogue) const {
    const EntryNumbers n = entry_numbers();
    check_text(entry_text);
    fields::ReadEntry read = to_entry(n, catalogue);
    s.entries.push_back(std::move(read.entry));
    fields::check_read_session(s, read.side_known ? std::nullopt : std::optional(s.entries.size() - 1));
}

Session CsvRow::session(const Catalogue& catalogue, std::set<std::string>& uuids_seen) const {
    const EntryNumbers entry = entry_numbers();
    const HeadNumbers head = head_numbers();
    if (!uuid().empty() && !uuids_seen.insert(std::string(uuid())).second)
        throw UsageError(fmt::format("session {} again: the rows of one session must be together", uuid()));
    check_text(head_text);
    check_text(entry_text);
    Session s;
    s.uuid = lowercase(uuid());
    fields::set_started(s, field("started"));
    fields::check_date(s, field("date"));
    s.goal = fields::goal(given("goal").value_or("balanced"));
    s.pain_before = fields::in_range(head.pain_before, "pain_before");
    s.pain_after = fields::in_range(head.pain_after, "pain_after");
    s.note = csv_text(field("note"));
    s.origin = fields::origin(given("origin").value_or("import"));
    fields::ReadEntry read = to_entry(entry, catalogue);
    s.entries.push_back(std::move(read.entry));
    fields::finish_session(s, fields::in_range(head.duration, "duration_seconds"),
                           read.side_known ? std::nullopt : std::optional<std::size_t>(0), catalogue);
    return s;
}

}  // namespace backcare
