// SPDX-License-Identifier: MIT
#include "health_render.hpp"

#include <nlohmann/json.hpp>
#include <fmt/format.h>

#include "text.hpp"

namespace backcare {
namespace {

std::string permissions(unsigned mode) {
    return fmt::format("{:04o}{}", mode, (mode & 077) == 0 ? ", private" : ", readable by others");
}

void render_backups(std::ostream& out, const LogHealth& h, const Style& st) {
    out << st.bold("Backups") << "  " << (h.backups.empty() ? "none yet" : printable(h.backups.front().file.parent_path().string()))
        << '\n';
    for (const BackupInfo& b : h.backups)
        out << "         " << b.taken << "  " << pad(b.reason, 17)
            << pad(b.sessions ? plural(*b.sessions, "session") : "unreadable", 15) << format_bytes(b.bytes) << '\n';
}

}  // namespace

std::string format_bytes(std::uintmax_t n) {
    if (n < 1024) return fmt::format("{} B", n);
    if (n < std::uintmax_t{1024} * 1024) return fmt::format("{:.1f} KiB", static_cast<double>(n) / 1024);
    return fmt::format("{:.1f} MiB", static_cast<double>(n) / (1024.0 * 1024.0));
}

std::string number_ranges(const std::vector<std::int64_t>& numbers) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < numbers.size();) {
        std::size_t j = i;
        while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
        parts.push_back(j == i ? std::to_string(numbers[i]) : fmt::format("{}-{}", numbers[i], numbers[j]));
        i = j + 1;
    }
    return join(parts, ", ");
}

void render_log_health(std::ostream& out, const LogHealth& h, const Style& st) {
    out << st.bold("Log") << "      " << printable(h.path.string()) << '\n';
    if (!h.exists) {
        out << "         not there yet: nothing has been logged\n";
        render_backups(out, h, st);
        return;
    }
    out << "         " << format_bytes(h.bytes) << st.dot() << "schema " << (h.schema ? std::to_string(*h.schema) : "?")
        << st.dot() << (h.journal_mode.empty() ? "unknown" : h.journal_mode) << " journal" << st.dot() << permissions(h.mode)
        << '\n';
    if (h.sessions)
        out << "         " << plural(*h.sessions, "session") << ", " << plural(h.entries.value_or(0), "entry", "entries")
            << (h.first_day ? fmt::format(", {} to {}", *h.first_day, *h.last_day) : "") << '\n';
    if (h.problems.empty()) {
        out << st.bold("Check") << "    " << st.green("ok") << ": SQLite finds every page and index whole\n";
    } else {
        out << st.bold("Check") << "    " << st.red("damaged") << ": " << plural(h.problems.size(), "problem") << '\n';
        for (const auto& p : h.problems) out << "           " << clip(p, st.width > 20 ? st.width - 11 : 60) << '\n';
        out << "         'backcare recover' salvages every session that can be read into a new log beside it;\n"
               "         this log is left as it is.\n";
    }
    render_backups(out, h, st);
}

std::string log_health_json(const LogHealth& h) {
    nlohmann::ordered_json j;
    j["schema"] = 1;
    j["path"] = h.path.string();
    j["exists"] = h.exists;
    j["sound"] = h.sound();
    j["bytes"] = h.bytes;
    j["mode"] = fmt::format("{:04o}", h.mode);
    j["log_schema"] = h.schema ? nlohmann::ordered_json(*h.schema) : nlohmann::ordered_json();
    j["journal_mode"] = h.journal_mode;
    j["sessions"] = h.sessions ? nlohmann::ordered_json(*h.sessions) : nlohmann::ordered_json();
    j["entries"] = h.entries ? nlohmann::ordered_json(*h.entries) : nlohmann::ordered_json();
    j["first_day"] = h.first_day ? nlohmann::ordered_json(*h.first_day) : nlohmann::ordered_json();
    j["last_day"] = h.last_day ? nlohmann::ordered_json(*h.last_day) : nlohmann::ordered_json();
    j["problems"] = h.problems;
    j["backups"] = nlohmann::ordered_json::array();
    for (const BackupInfo& b : h.backups)
        j["backups"].push_back({{"file", b.file.string()},
                                {"taken", b.taken},
                                {"reason", b.reason},
                                {"bytes", b.bytes},
                                {"sessions", b.sessions ? nlohmann::ordered_json(*b.sessions) : nlohmann::ordered_json()}});
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

void render_salvage(std::ostream& out, const Salvage& s, const Style& st) {
    out << st.bold(fmt::format("Recovered {} ({})", plural(s.sessions, "session"), plural(s.entries, "entry", "entries")))
        << " from " << printable(s.from.string()) << " into " << printable(s.to.string()) << ".\n";
    if (!s.unreadable.empty())
        out << fmt::format("{} could not be read whole (by their numbers in the damaged log: {}).\n",
                           plural(s.unreadable.size(), "session"), number_ranges(s.unreadable));
    if (s.invalid > 0) out << fmt::format("{} read back damaged and left out.\n", plural(s.invalid, "session"));
    if (s.header_rebuilt) out << "The log's first page was damaged; a copy of it was given a new one to read it.\n";
    if (s.backup)
        out << fmt::format("{} came from the backup {} (a session deleted since it was made may be among them).\n",
                           plural(s.from_backup, "session"), printable(s.backup->string()));
    out << "The damaged log was not changed. To use the recovered one in its place:\n"
        << "  mv " << printable(s.from.string()) << ' ' << printable(s.from.string()) << ".damaged && mv "
        << printable(s.to.string()) << ' ' << printable(s.from.string()) << '\n';
}

}  // namespace backcare
