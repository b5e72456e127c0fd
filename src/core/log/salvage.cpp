// SPDX-License-Identifier: MIT
// `backcare recover`: every session that can still be read from a damaged
// log, into a new log beside it. The damaged log is never opened for
// writing: a copy is read, its first page rebuilt when that is what is
// damaged, and each session is looked up by its number on its own, so that
// a damaged page loses only the sessions on it.
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "errors.hpp"
#include "journal.hpp"
#include "journal_impl.hpp"
#include "text.hpp"

namespace backcare {
namespace {

namespace fs = std::filesystem;
using journal_detail::entry_columns_in;
using journal_detail::read_entry;
using journal_detail::read_session;
using journal_detail::session_columns;

constexpr std::int64_t max_probed_id = 10'000'000;

void copy_file_bytes(const fs::path& from, const fs::path& to) {
    const Fd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
    if (!in.valid()) throw_path_error("read the log", from, errno);
    Fd out = create_new_file(to, 0600);
    std::array<char, 1 << 16> buffer{};
    for (;;) {
        const ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw_path_error("read the log", from, errno);
        if (n == 0) break;
        for (ssize_t done = 0; done < n;) {
            const ssize_t w = ::write(out.get(), buffer.data() + done, static_cast<std::size_t>(n - done));
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) throw_path_error("write", to, w < 0 ? errno : ENOSPC);
            done += w;
        }
    }
    if (!out.close()) throw_path_error("write", to, errno);
}

// A private directory beside the new log for the copy, removed with what is in it.
struct WorkDir {
    fs::path dir;
    explicit WorkDir(const fs::path& beside) : dir(temporary_name(beside)) {
        if (::mkdir(dir.c_str(), 0700) != 0) throw_path_error("create the directory", dir, errno);
    }
    ~WorkDir() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    WorkDir(const WorkDir&) = delete;
    WorkDir& operator=(const WorkDir&) = delete;
};

void put_u16(std::string& h, std::size_t at, unsigned v) {
    h[at] = static_cast<char>((v >> 8) & 0xff);
    h[at + 1] = static_cast<char>(v & 0xff);
}
void put_u32(std::string& h, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) h[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (24 - 8 * i)) & 0xff);
}

bool btree_page_type(unsigned char t) { return t == 0x02 || t == 0x05 || t == 0x0a || t == 0x0d; }

// Gives the copy a new 100-byte header when its own is gone (zeroed, say):
// the page size is the one at which the first page and the second look like
// b-tree pages. False when no page size fits.
bool rebuild_header(const fs::path& copy, bool wal) {
    std::string bytes;
    {
        const Fd fd(::open(copy.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd.valid()) return false;
        bytes.resize(65536 + 1);
        const ssize_t n = ::pread(fd.get(), bytes.data(), bytes.size(), 0);
        bytes.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    }
    std::error_code ec;
    const auto size = fs::file_size(copy, ec);
    if (ec || bytes.size() < 512) return false;
    if (bytes.compare(0, 16, std::string("SQLite format 3\0", 16)) == 0) return false;  // the header is there
    for (unsigned page : {4096u, 1024u, 2048u, 8192u, 16384u, 32768u, 65536u, 512u}) {
        if (size % page != 0 || !btree_page_type(static_cast<unsigned char>(bytes[100]))) continue;
        if (size > page && bytes.size() > page && !btree_page_type(static_cast<unsigned char>(bytes[page])) && bytes[page] != 0) continue;
        std::string h(100, '\0');
        h.replace(0, 16, std::string("SQLite format 3\0", 16));
        put_u16(h, 16, page == 65536 ? 1 : page);
        h[18] = h[19] = static_cast<char>(wal ? 2 : 1);
        h[21] = 64, h[22] = 32, h[23] = 32;
        put_u32(h, 24, 1);                                   // change counter
        put_u32(h, 28, static_cast<std::uint32_t>(size / page));  // pages
        put_u32(h, 40, 1);                                   // schema cookie
        put_u32(h, 44, 4);                                   // schema format
        put_u32(h, 56, 1);                                   // UTF-8
        put_u32(h, 60, journal_schema);
        put_u32(h, 68, static_cast<std::uint32_t>(journal_application_id));
        put_u32(h, 92, 1);                                   // valid for change counter 1
        put_u32(h, 96, SQLITE_VERSION_NUMBER);
        const Fd fd(::open(copy.c_str(), O_WRONLY | O_CLOEXEC));
        return fd.valid() && ::pwrite(fd.get(), h.data(), h.size(), 0) == 100;
    }
    return false;
}

// The numbers a session may have: 1 to the highest any part of the log still
// tells (the table's last row, AUTOINCREMENT's counter, the date indexes).
std::set<std::int64_t> candidate_ids(SQLite::Database& db) {
    std::int64_t highest = 0;
    std::set<std::int64_t> ids;
    for (const char* sql : {"SELECT max(id) FROM session", "SELECT seq FROM sqlite_sequence WHERE name = 'session'"}) {
        try {
            SQLite::Statement q(db, sql);
            if (q.executeStep() && !q.getColumn(0).isNull()) highest = std::max(highest, q.getColumn(0).getInt64());
        } catch (const SQLite::Exception&) {
        }
    }
    for (const char* index : {"session_started", "session_local_date"}) {
        try {
            SQLite::Statement q(db, fmt::format("SELECT id FROM session INDEXED BY {} WHERE id > 0", index));
            while (q.executeStep()) ids.insert(q.getColumn(0).getInt64());
        } catch (const SQLite::Exception&) {
        }
    }
    highest = std::min(highest, max_probed_id);
    for (std::int64_t id = 1; id <= highest; ++id) ids.insert(id);
    return ids;
}

enum class Read { found, absent, unreadable };

Read read_one(SQLite::Database& db, std::int64_t id, Session& out) {
    try {
        SQLite::Statement q(db, fmt::format("SELECT {} FROM session WHERE id = ?", session_columns));
        q.bind(1, static_cast<int64_t>(id));
        if (!q.executeStep()) return Read::absent;
        out = read_session(q);
        SQLite::Statement e(db, fmt::format("SELECT {} FROM entry WHERE session_id = ? ORDER BY position", entry_columns_in(db)));
        e.bind(1, static_cast<int64_t>(id));
        while (e.executeStep()) out.entries.push_back(read_entry(e, 0));
        return out.entries.empty() ? Read::unreadable : Read::found;
    } catch (const std::exception&) {
        return Read::unreadable;
    }
}

// A header that counts more pages than the file holds (a truncated file)
// sends SQLite reading past its end: the count set to what is there.
void fit_page_count(const fs::path& copy) {
    std::string h(100, '\0');
    const Fd fd(::open(copy.c_str(), O_RDWR | O_CLOEXEC));
    if (!fd.valid() || ::pread(fd.get(), h.data(), h.size(), 0) != 100) return;
    if (h.compare(0, 16, std::string("SQLite format 3\0", 16)) != 0) return;
    unsigned page = (static_cast<unsigned char>(h[16]) << 8) | static_cast<unsigned char>(h[17]);
    if (page == 1) page = 65536;
    std::error_code ec;
    const auto size = fs::file_size(copy, ec);
    if (ec || page < 512 || (page & (page - 1)) != 0) return;
    std::string count(4, '\0');
    put_u32(count, 0, static_cast<std::uint32_t>(size / page));
    if (::pwrite(fd.get(), count.data(), 4, 28) != 4) return;
}

// Opens the copy; rebuilds its header first when SQLite cannot read it at all.
std::unique_ptr<SQLite::Database> open_copy(const fs::path& copy, bool wal, bool& rebuilt) {
    fit_page_count(copy);
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            auto db = std::make_unique<SQLite::Database>(copy, SQLite::OPEN_READWRITE);
            db->execAndGet("SELECT count(*) FROM sqlite_master");
            return db;
        } catch (const SQLite::Exception& e) {
            if (attempt > 0 || e.getErrorCode() != SQLITE_NOTADB || !rebuild_header(copy, wal)) break;
            rebuilt = true;
        }
    }
    return nullptr;
}

std::vector<Session> sessions_of_backup(const fs::path& backup) {
    std::vector<Session> out;
    SQLite::Database db(backup, SQLite::OPEN_READONLY);
    for (const std::int64_t id : candidate_ids(db)) {
        Session s;
        if (read_one(db, id, s) == Read::found) out.push_back(std::move(s));
    }
    return out;
}

// Every session that can be read whole from a copy of the log at from,
// made in a private directory beside to and removed with it.
std::vector<Session> salvage_copy(const fs::path& from, const fs::path& to, Salvage& result) {
    std::vector<Session> salvaged;
    const WorkDir work(to);
    const fs::path copy = work.dir / "log.db";
    copy_file_bytes(from, copy);
    const fs::path wal = from.string() + "-wal";
    const bool has_wal = path_kind(wal, "read the log") == PathKind::regular;
    if (has_wal) copy_file_bytes(wal, copy.string() + "-wal");
    const auto db = open_copy(copy, has_wal, result.header_rebuilt);
    if (!db) throw NoResult(fmt::format("nothing in {} can be read as an SQLite database; no new log was made", from.string()));
    for (const std::int64_t id : candidate_ids(*db)) {
        Session s;
        const Read r = read_one(*db, id, s);
        if (r == Read::unreadable) result.unreadable.push_back(id);
        if (r != Read::found) continue;
        try {
            s.id = 0;
            check_session(s);
            salvaged.push_back(std::move(s));
        } catch (const Error&) {
            ++result.invalid;
        }
    }
    return salvaged;
}

// The sessions of the newest backup that can be read that the salvage lacks.
void add_from_backup(const fs::path& log, std::vector<Session>& salvaged, Salvage& result) {
    std::set<std::string> have;
    for (const Session& s : salvaged) have.insert(s.uuid);
    for (const BackupInfo& b : list_backups(log, false)) {
        std::vector<Session> kept;
        try {
            kept = sessions_of_backup(b.file);
        } catch (const std::exception&) {
            continue;  // that backup cannot be read either: the one before it
        }
        for (Session& s : kept) {
            if (have.count(s.uuid)) continue;
            try {
                s.id = 0;
                check_session(s);
            } catch (const Error&) {
                continue;
            }
            salvaged.push_back(std::move(s));
            ++result.from_backup;
        }
        result.backup = b.file;
        return;
    }
}

}  // namespace

Salvage recover_log(const fs::path& from, const std::optional<fs::path>& to_given, const JournalOptions& options,
                    bool with_backup) {
    const fs::path dir = from.has_parent_path() ? from.parent_path() : fs::path(".");
    const fs::path to = to_given ? *to_given
                                 : dir / fmt::format("{}-recovered-{}.db", from.stem().string(),
                                                     journal_detail::name_stamp(options.now.value_or(std::chrono::system_clock::now())));
    if (path_kind(from, "read the log") == PathKind::absent)
        throw NoResult(fmt::format("there is no log at {} to recover", from.string()));
    if (path_kind(to, "write the new log") != PathKind::absent)
        throw UsageError(fmt::format("{} exists already; recover writes a new log and replaces nothing", to.string()));
    Salvage result;
    result.from = from;
    result.to = to;
    if (to.has_parent_path()) make_private_dirs(to.parent_path(), options.warn);
    std::vector<Session> salvaged = salvage_copy(from, to, result);
    if (with_backup) add_from_backup(from, salvaged, result);
    if (salvaged.empty()) throw NoResult(fmt::format("no session could be read from {}; no new log was made", from.string()));
    std::sort(salvaged.begin(), salvaged.end(), [](const Session& a, const Session& b) { return a.started < b.started; });
    std::size_t next = 0;
    Journal::store(
        to,
        [&]() -> std::optional<Session> {
            if (next == salvaged.size()) return std::nullopt;
            return std::move(salvaged[next++]);
        },
        [&](const Session& s) {
            ++result.sessions;
            result.entries += static_cast<std::int64_t>(s.entries.size());
        },
        options);
    return result;
}

}  // namespace backcare
