// SPDX-License-Identifier: MIT
#include "files.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "errors.hpp"

namespace backcare {

namespace fs = std::filesystem;

Fd& Fd::operator=(Fd&& other) noexcept {
    if (this != &other) {
        close();
        fd_ = other.release();
    }
    return *this;
}

Fd::~Fd() { close(); }

bool Fd::close() noexcept {
    if (fd_ < 0) return true;
    // Linux frees the descriptor even when close fails (EINTR included):
    // retrying could close another thread's new one.
    const int result = ::close(fd_);
    fd_ = -1;
    return result == 0;
}

int Fd::release() noexcept {
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

std::string error_text(int error) {
    switch (error) {
        case ELOOP: return "too many levels of symbolic links (a loop?)";
        case ENOTDIR: return "a part of the path is not a directory";
        case ENOENT: return "it does not exist";
        case EISDIR: return "it is a directory";
        default: break;
    }
    std::string text = std::strerror(error);
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' && (text.size() < 2 || (text[1] >= 'a' && text[1] <= 'z')))
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

void throw_path_error(std::string_view action, const fs::path& path, int error) {
    throw IoError(fmt::format("cannot {} {}: {}", action, path.string(), error_text(error)));
}

namespace {

std::string owner_name(uid_t uid) {
    std::array<char, 1024> buffer{};
    passwd pw{};
    passwd* found = nullptr;
    if (::getpwuid_r(uid, &pw, buffer.data(), buffer.size(), &found) == 0 && found)
        return fmt::format("user {} (uid {})", found->pw_name, uid);
    return fmt::format("uid {}", uid);
}

// A symbolic link to nothing at path or above it, which stat reports only as "no such file".
void refuse_dangling_links(const fs::path& path, std::string_view what) {
    for (fs::path p = path; !p.empty(); p = p.parent_path()) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) == 0) {
            if (S_ISLNK(st.st_mode) && ::stat(p.c_str(), &st) != 0) {
                std::error_code ec;
                const fs::path target = fs::read_symlink(p, ec);
                throw IoError(fmt::format("cannot {} {}: {} is a symbolic link to {}, which does not exist", what,
                                          path.string(), p == path ? "it" : p.string(), target.string()));
            }
            return;
        }
        if (p == p.parent_path()) return;
    }
}

}  // namespace

PathKind path_kind(const fs::path& path, std::string_view what) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISREG(st.st_mode)) return PathKind::regular;
        if (S_ISDIR(st.st_mode)) return PathKind::directory;
        return PathKind::other;
    }
    const int error = errno;
    if (error != ENOENT) throw_path_error(what, path, error);
    refuse_dangling_links(path, what);
    return PathKind::absent;
}

std::string read_small_file(const fs::path& path, std::size_t max_bytes, std::string_view what) {
    const std::string action = fmt::format("read {}", what);
    // Non-blocking, so that opening a FIFO returns at once to be refused.
    Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (!fd.valid()) throw_path_error(action, path, errno);
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) throw_path_error(action, path, errno);
    if (S_ISDIR(st.st_mode)) throw_path_error(action, path, EISDIR);
    if (!S_ISREG(st.st_mode)) throw IoError(fmt::format("cannot {} {}: it is not a regular file", action, path.string()));
    const auto too_large = [&] {
        return IoError(fmt::format("cannot {} {}: it is larger than {} KiB", action, path.string(), max_bytes / 1024));
    };
    if (static_cast<std::size_t>(st.st_size) > max_bytes) throw too_large();
    std::string text;
    text.resize(max_bytes + 1);
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::read(fd.get(), text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw_path_error(action, path, errno);
        if (n == 0) break;
        done += static_cast<std::size_t>(n);
    }
    if (done > max_bytes) throw too_large();  // it grew while being read
    text.resize(done);
    return text;
}

Fd create_new_file(const fs::path& path, mode_t mode) {
    Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode));
    if (!fd.valid()) throw_path_error("create", path, errno);
    return fd;
}

fs::path temporary_name(const fs::path& path) {
    std::array<unsigned char, 6> random{};
    std::size_t got = 0;
    while (got < random.size()) {
        const ssize_t n = ::getrandom(random.data() + got, random.size() - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw IoError(fmt::format("cannot make a temporary name beside {}: {}", path.string(), error_text(errno)));
        got += static_cast<std::size_t>(n);
    }
    std::string name = path.string() + ".tmp-";
    for (unsigned char b : random) name += fmt::format("{:02x}", b);
    return name;
}

void secure_directory(const fs::path& dir, const Warn& warn) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) throw_path_error("use the directory", dir, errno);
    if (!S_ISDIR(st.st_mode)) throw IoError(fmt::format("cannot use the directory {}: it is not a directory", dir.string()));
    if (st.st_uid != ::geteuid() && st.st_uid != 0)
        throw IoError(fmt::format("the directory {} belongs to {}, not to you; backcare keeps no files there",
                                  dir.string(), owner_name(st.st_uid)));
    const mode_t mode = st.st_mode & 07777;
    if (dir.filename() == "backcare" && st.st_uid == ::geteuid() && (mode & 077) != 0) {
        if (::chmod(dir.c_str(), (mode & ~mode_t{077}) | 0700) != 0) throw_path_error("make private the directory", dir, errno);
        if (warn) warn(fmt::format("the directory {} was open to others (mode {:04o}); it is now private (0700)", dir.string(), mode));
        return;
    }
    if ((mode & 022) != 0 && (mode & S_ISVTX) == 0 && warn)
        warn(fmt::format("the directory {} can be written by others (mode {:04o}), who could replace backcare's files in it",
                         dir.string(), mode));
}

namespace {

struct stat foreign_refused(const fs::path& file, std::string_view what) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) throw_path_error(fmt::format("use {}", what), file, errno);
    if (!S_ISREG(st.st_mode)) throw IoError(fmt::format("cannot use {} {}: it is not a regular file", what, file.string()));
    if (st.st_uid != ::geteuid())
        throw IoError(fmt::format("{} {} belongs to {}, not to you; backcare will not use it", what, file.string(),
                                  owner_name(st.st_uid)));
    return st;
}

}  // namespace

void refuse_foreign_file(const fs::path& file, std::string_view what) { foreign_refused(file, what); }

void secure_private_file(const fs::path& file, std::string_view what, const Warn& warn) {
    const struct stat st = foreign_refused(file, what);
    const mode_t mode = st.st_mode & 07777;
    if ((mode & 077) == 0) return;
    if (::chmod(file.c_str(), mode & 0700) != 0) throw_path_error(fmt::format("make private {}", what), file, errno);
    if (warn) warn(fmt::format("{} {} could be read by others (mode {:04o}); it is now private ({:04o})", what, file.string(), mode, mode & 0700));
}

void make_private_dirs(const fs::path& dir, const Warn& warn) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) {
        if (errno != ENOENT) throw_path_error("use the directory", dir, errno);
        refuse_dangling_links(dir, "create the directory");
        if (dir.has_parent_path() && dir.parent_path() != dir) make_private_dirs(dir.parent_path());
        if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) throw_path_error("create the directory", dir, errno);
    }
    secure_directory(dir, warn);
}

void write_file_atomically(const fs::path& path, std::string_view content, bool durable, const Warn& warn) {
    make_private_dirs(path.parent_path(), warn);
    const fs::path tmp = temporary_name(path);
    Fd fd = create_new_file(tmp, 0600);
    auto fail = [&](std::string_view action, const fs::path& named, int error) {
        fd.close();
        ::unlink(tmp.c_str());
        throw_path_error(action, named, error);
    };
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd.get(), content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("write", path, n < 0 ? errno : ENOSPC);
        done += static_cast<std::size_t>(n);
    }
    if (durable && ::fsync(fd.get()) != 0) fail("write", path, errno);
    if (!fd.close()) fail("write", path, errno);
    if (::rename(tmp.c_str(), path.c_str()) != 0) fail("replace", path, errno);
}

void sync_directory(const fs::path& dir) {
    const Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.valid()) return;
    ::fsync(fd.get());
}

namespace {

// What the handler removes. A signal handler can reach only static storage;
// the paths are copied in before it is armed, and it calls only unlink,
// rmdir, sigaction and raise (async-signal-safe).
using PathBuffer = std::array<char, 4096>;
constexpr std::array<const char*, 5> companions{"", "-journal", "-wal", "-shm", ".lock"};
std::array<PathBuffer, companions.size()> doomed_files{};
std::array<PathBuffer, 8> doomed_dirs{};
std::size_t doomed_dir_count = 0;
volatile std::sig_atomic_t armed = 0;
constexpr std::array<int, 3> ending_signals{SIGINT, SIGTERM, SIGHUP};
std::array<struct sigaction, 3> previous{};

extern "C" void remove_then_end(int signal) {
    if (armed) {
        for (const auto& file : doomed_files) ::unlink(file.data());
        for (std::size_t i = 0; i < doomed_dir_count; ++i) ::rmdir(doomed_dirs[i].data());
    }
    struct sigaction usual {};
    usual.sa_handler = SIG_DFL;
    ::sigaction(signal, &usual, nullptr);
    ::raise(signal);
}

bool copy_path(PathBuffer& to, const std::string& from) {
    if (from.size() >= to.size()) return false;
    std::memcpy(to.data(), from.c_str(), from.size() + 1);
    return true;
}

}  // namespace

RemoveOnSignal::RemoveOnSignal(const fs::path& file, const std::vector<fs::path>& dirs) {
    for (std::size_t i = 0; i < companions.size(); ++i)
        if (!copy_path(doomed_files[i], file.string() + companions[i])) return;
    doomed_dir_count = 0;
    for (const auto& dir : dirs)
        if (doomed_dir_count < doomed_dirs.size() && copy_path(doomed_dirs[doomed_dir_count], dir.string())) ++doomed_dir_count;
    struct sigaction action {};
    action.sa_handler = remove_then_end;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < ending_signals.size(); ++i) ::sigaction(ending_signals[i], &action, &previous[i]);
    armed = 1;
}

RemoveOnSignal::~RemoveOnSignal() {
    if (!armed) return;
    armed = 0;
    for (std::size_t i = 0; i < ending_signals.size(); ++i) ::sigaction(ending_signals[i], &previous[i], nullptr);
}

}  // namespace backcare
