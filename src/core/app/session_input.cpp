// SPDX-License-Identifier: MIT
// Sessions read from a file or standard input, for `log -` and `import`.
#include "session_input.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "errors.hpp"
#include "journal.hpp"

namespace backcare {

void refuse_future_sessions(SessionReader& reader, Instant now) {
    reader.refuse_after(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch() + future_slack).count());
}

std::ifstream open_input_file(const std::string& name) {
    std::error_code ec;
    if (std::filesystem::is_directory(name, ec)) throw IoError(fmt::format("{} is a directory, not a file", name));
    std::ifstream file(name, std::ios::binary);
    if (!file) throw IoError(fmt::format("cannot read {}: {}", name, std::strerror(errno)));
    return file;
}

std::size_t count_sessions(SessionReader& reader) {
    std::size_t n = 0;
    while (reader.next()) ++n;
    return n;
}

std::pair<std::size_t, std::size_t> import_sessions(const std::filesystem::path& database, SessionReader& reader,
                                                    bool read_ahead, const JournalOptions& options) {
    if (!read_ahead) return Journal::store(database, [&] { return reader.next(); }, {}, options);
    ReadAhead ahead(reader);
    return Journal::store(database, [&] { return ahead.next(); }, {}, options);
}

}  // namespace backcare
