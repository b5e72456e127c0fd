// SPDX-License-Identifier: MIT
// A write's turn: the writers' queue (a lock file taken with a blocking
// flock, so that writers wait in line instead of polling), who holds the log
// when one waits too long, the check that the log is sound before anything
// is written to it, and what follows a commit.
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <mutex>
#include <pthread.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "errors.hpp"
#include "journal_impl.hpp"
#include "text.hpp"

namespace backcare::journal_detail {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

extern "C" void wake_up(int) {}

// While alive, SIGALRM interrupts a blocking call of the thread it is sent
// to (no SA_RESTART) and does nothing else.
class Interruptible {
public:
    Interruptible() {
        struct sigaction action {};
        action.sa_handler = wake_up;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGALRM, &action, &previous_);
    }
    ~Interruptible() { ::sigaction(SIGALRM, &previous_, nullptr); }
    Interruptible(const Interruptible&) = delete;
    Interruptible& operator=(const Interruptible&) = delete;

private:
    struct sigaction previous_ {};
};

// flock(LOCK_EX) that gives up after timeout: a watchdog thread tells
// `waiting` after a second, and at the deadline interrupts the wait with a
// signal sent to this thread alone. True when the lock was taken.
bool flock_within(int fd, std::chrono::milliseconds timeout, const std::function<void()>& waiting) {
    const Interruptible interruptible;
    std::mutex mutex;
    std::condition_variable changed;
    bool done = false;
    std::atomic<bool> gave_up{false};
    const pthread_t self = ::pthread_self();
    std::thread watchdog([&] {
        std::unique_lock lock(mutex);
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        if (timeout > 1s && !changed.wait_for(lock, 1s, [&] { return done; }) && waiting) waiting();
        if (changed.wait_until(lock, deadline, [&] { return done; })) return;
        gave_up = true;
        // Again until the waiter has seen it: the first may come before it blocks.
        do ::pthread_kill(self, SIGALRM);
        while (!changed.wait_for(lock, 10ms, [&] { return done; }));
    });
    int rc = 0;
    int error = 0;
    while ((rc = ::flock(fd, LOCK_EX)) != 0 && (error = errno) == EINTR && !gave_up) {
    }
    {
        const std::lock_guard lock(mutex);
        done = true;
    }
    changed.notify_all();
    watchdog.join();
    if (rc == 0) return true;
    if (error == EINTR) return false;
    throw IoError(fmt::format("cannot take the lock of the log: {}", error_text(error)));
}

std::string read_all(int fd) {
    std::string text(4096, '\0');
    const ssize_t n = ::pread(fd, text.data(), text.size(), 0);
    text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return text;
}

std::optional<FileStamp> parse_stamp(const std::string& text) {
    const auto at = text.find("verified: ");
    if (at == std::string::npos) return std::nullopt;
    FileStamp s;
    unsigned long long device = 0, inode = 0;
    long long size = 0, mtime = 0;
    if (std::sscanf(text.c_str() + at, "verified: %llu %llu %lld %lld", &device, &inode, &size, &mtime) != 4) return std::nullopt;
    s.device = device;
    s.inode = inode;
    s.size = size;
    s.mtime_ns = mtime;
    return s;
}

// "backcare log (pid 4242)" from the lock file's "holder: 4242 backcare log";
// empty when no one (else) is named.
std::string holder_in(const std::string& text) {
    const auto at = text.find("holder: ");
    if (at == std::string::npos) return "";
    const auto end = text.find('\n', at);
    const std::string holder = text.substr(at + 8, end == std::string::npos ? std::string::npos : end - at - 8);
    long long pid = 0;
    int used = 0;
    if (std::sscanf(holder.c_str(), "%lld %n", &pid, &used) < 1 || used == 0 || pid == ::getpid()) return "";
    return fmt::format("{} (pid {})", printable(holder.substr(static_cast<std::size_t>(used))), pid);
}

void rewrite(int fd, const std::string& holder, const std::optional<FileStamp>& stamp) {
    std::string text = "backcare writer lock\nholder: " + holder + "\n";
    if (stamp) text += fmt::format("verified: {} {} {} {}\n", stamp->device, stamp->inode, stamp->size, stamp->mtime_ns);
    // Best effort: the lock itself is the flock, the text only helps.
    if (::pwrite(fd, text.data(), text.size(), 0) == static_cast<ssize_t>(text.size()) &&
        ::ftruncate(fd, static_cast<off_t>(text.size())) != 0) {
    }
}

// The process (other than this one) holding a POSIX write lock on a byte of
// [start, start + length) of file, from /proc/locks. Never by opening the
// file: closing a descriptor of it would drop the locks SQLite holds on it
// in this process.
std::optional<pid_t> lock_owner(const fs::path& file, unsigned long long start, unsigned long long length) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return std::nullopt;
    std::ifstream locks("/proc/locks");
    for (std::string line; std::getline(locks, line);) {
        char kind[16] = {}, mode[16] = {}, end_text[32] = {};
        long long pid = 0;
        unsigned major = 0, minor = 0;
        unsigned long long inode = 0, first = 0;
        if (std::sscanf(line.c_str(), "%*[^:]: %15s %*s %15s %lld %x:%x:%llu %llu %31s", kind, mode, &pid, &major, &minor, &inode,
                        &first, end_text) != 8)
            continue;
        const std::string_view k(kind);
        if ((k != "POSIX" && k != "OFDLCK") || std::string_view(mode) != "WRITE" || pid == ::getpid() || pid <= 0) continue;
        if (inode != st.st_ino || major != ::major(st.st_dev) || minor != ::minor(st.st_dev)) continue;
        const unsigned long long last = std::string_view(end_text) == "EOF" ? ~0ULL : std::strtoull(end_text, nullptr, 10);
        if (first < start + length && last >= start) return static_cast<pid_t>(pid);
    }
    return std::nullopt;
}

std::string program_name(pid_t pid) {
    std::ifstream comm(fmt::format("/proc/{}/comm", pid));
    std::string name;
    std::getline(comm, name);
    return name.empty() ? fmt::format("pid {}", pid) : fmt::format("{} (pid {})", printable(name), pid);
}

}  // namespace

fs::path lock_file(const fs::path& log) { return log.string() + ".lock"; }

std::optional<FileStamp> stamp_of(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return std::nullopt;
    return FileStamp{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino), st.st_size,
                     static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

std::string holder_of(const fs::path& log) {
    // A backcare writer names itself in the lock file it holds.
    if (const Fd fd(::open(lock_file(log).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)); fd.valid()) {
        if (::flock(fd.get(), LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
            if (std::string holder = holder_in(read_all(fd.get())); !holder.empty()) return holder;
        }
    }
    // Another program holds SQLite's own write lock: WAL's in the -shm file,
    // the rollback journal's reserved byte in the file itself.
    if (auto pid = lock_owner(log.string() + "-shm", 120, 1)) return program_name(*pid);
    if (auto pid = lock_owner(log, 0x40000000, 512)) return program_name(*pid);
    return "another program";
}

WriterLock::WriterLock(const fs::path& file, const fs::path& shown, const JournalOptions& options) {
    const fs::path path = lock_file(file);
    fd_ = Fd(::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd_.valid()) throw_path_error("open the lock of the log", path, errno);
    if (::flock(fd_.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK) throw_path_error("lock", path, errno);
        const std::string holder = holder_in(read_all(fd_.get()));
        const auto waiting = [&] {
            if (options.waiting) options.waiting(holder.empty() ? "another backcare" : holder);
        };
        if (!flock_within(fd_.get(), options.busy_timeout, waiting))
            throw Busy(fmt::format("the log {} is busy: {} has been writing to it for over {} s; nothing was stored, try again later",
                                   shown.string(), holder_of(shown), std::max<long long>(1, options.busy_timeout.count() / 1000)));
    }
    const std::string text = read_all(fd_.get());
    verified_ = parse_stamp(text);
    holder_ = fmt::format("{} {}", ::getpid(), options.command);
    rewrite(fd_.get(), holder_, verified_);
}

void WriterLock::record(const std::optional<FileStamp>& stamp) {
    verified_ = stamp;
    rewrite(fd_.get(), holder_, stamp);
}

WriterLock::~WriterLock() = default;  // closing the descriptor releases the flock

std::optional<std::string> quick_check_problem(SQLite::Database& db) {
    try {
        SQLite::Statement q(db, "PRAGMA quick_check(1)");
        if (!q.executeStep()) return "the check gave no answer";
        const std::string answer = q.getColumn(0).getString();
        if (answer == "ok") return std::nullopt;
        return answer;
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED || e.getErrorCode() == SQLITE_IOERR) throw;
        return e.getErrorStr();
    }
}

WriteTurn::WriteTurn(SQLite::Database& db, const fs::path& file, const fs::path& shown, const JournalOptions& options,
                     bool backups, bool begin_now)
    : db_(db), file_(file), shown_(shown), options_(options), backups_(backups), lock_(file, shown, options) {
    // Checking every page costs about 10 ms a megabyte: done only when the
    // file is not as the last write left it (a first write, another program,
    // a crash, or damage).
    if (!lock_.verified() || lock_.verified() != stamp_of(file_)) {
        if (auto problem = quick_check_problem(db_)) throw DataError(damaged_message(shown_, *problem));
        lock_.record(stamp_of(file_));
    }
    if (lowercase(db_.execAndGet("PRAGMA journal_mode").getString()) != "wal") db_.exec("PRAGMA journal_mode = WAL");
    if (begin_now) begin();
}

void WriteTurn::begin() {
    db_.exec("BEGIN IMMEDIATE");
    open_ = true;
}

WriteTurn::~WriteTurn() {
    if (!open_) return;
    try {
        db_.exec("ROLLBACK");
    } catch (const SQLite::Exception&) {
        // A failed COMMIT or statement may have ended the transaction already.
    }
}

void WriteTurn::commit() {
    db_.exec("COMMIT");
    open_ = false;
    // The writer copies the write-ahead log back, as far as readers let it,
    // without waiting for them: the last connection to close then finds
    // nothing to copy, and removes the -wal and -shm files.
    try {
        db_.exec("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (const SQLite::Exception&) {
        // Stored already; the next write copies it back.
    }
    lock_.record(stamp_of(file_));
    if (backups_) weekly_backup(db_, shown_, options_);
}

}  // namespace backcare::journal_detail
