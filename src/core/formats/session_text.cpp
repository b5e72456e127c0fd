// SPDX-License-Identifier: MIT
// Logged sessions as one line, as a TSV record, and in full (session_text.hpp).
#include "session_text.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "session_entry.hpp"
#include "text.hpp"

namespace backcare {
namespace {

// A skipped entry's reason after a separator ("; kit"), or nothing.
std::string reason_of(const Entry& e, std::string_view separator) {
    return e.skip_reason ? fmt::format("{}{}", separator, name_of(*e.skip_reason)) : std::string();
}

}  // namespace

void render_session_line(std::ostream& out, const Session& s, const Style& st) {
    std::vector<std::string> items;
    for (const Entry& e : s.entries)
        items.push_back(printable(e.status == EntryStatus::skipped ? fmt::format("({} skipped{})", e.exercise_id, reason_of(e, ": "))
                                                                   : format_item(e)));
    const std::string started = format_started(s);
    std::string pain;
    if (s.pain_before || s.pain_after)
        pain = fmt::format("pain {}{}{}", s.pain_before ? std::to_string(*s.pain_before) : "?", st.unicode ? "→" : "->",
                           s.pain_after ? std::to_string(*s.pain_after) : "?");
    out << st.bold(fmt::format("{:>5}", s.id)) << "  " << started.substr(0, 10) << ' ' << started.substr(11, 5) << "  "
        << fmt::format("{:>6}", format_seconds(s.duration)) << "  " << fmt::format("{:<10}", pain) << join(items, ", ")
        << '\n';
    if (!s.note.empty()) {
        out << "       " << st.dim(printable(s.note)) << '\n';
    }
}

void render_session_tsv(std::ostream& out, const Session& s) {
    std::vector<std::string> items;
    for (const Entry& e : s.entries)
        items.push_back(format_item(e) + (e.status == EntryStatus::skipped ? "!skipped" + reason_of(e, ":") : ""));
    // Every text field through the escaper: a record is one line, its fields split only at tabs.
    out << s.id << '\t' << tsv_field(s.uuid) << '\t' << format_started(s) << '\t' << s.local_date() << '\t' << s.duration << '\t'
        << (s.goal ? name_of(*s.goal) : "") << '\t' << (s.pain_before ? std::to_string(*s.pain_before) : "") << '\t'
        << (s.pain_after ? std::to_string(*s.pain_after) : "") << '\t' << name_of(s.origin) << '\t' << tsv_field(join(items, ","))
        << '\t' << tsv_field(s.note) << '\n';
}

void render_session_text(std::ostream& out, const Session& s, const Style& st) {
    // A session not stored (a dry run) has no number yet.
    out << st.bold(s.id ? fmt::format("Session {}", s.id) : std::string("New session")) << st.dim(fmt::format(" {}", printable(s.uuid)))
        << '\n';
    out << "  " << format_started(s) << st.dot() << format_seconds(s.duration) << st.dot() << name_of(s.origin);
    if (s.pain_before || s.pain_after)
        out << st.dot() << "pain " << (s.pain_before ? std::to_string(*s.pain_before) : "?") << (st.unicode ? " → " : " -> ")
            << (s.pain_after ? std::to_string(*s.pain_after) : "?");
    out << '\n';
    for (const Entry& e : s.entries)
        out << "  " << (e.status == EntryStatus::skipped ? fmt::format("skipped{} ", e.skip_reason ? " (" + reason_of(e, "") + ")" : "") : "")
            << printable(e.exercise_name) << "  "
            << printable(describe_dose(dose_of(e), st.unicode)) << '\n';
    if (!s.note.empty()) out << "  " << st.dim("note: ") << printable(s.note) << '\n';
}

}  // namespace backcare
