#include "files.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "errors.hpp"

namespace backcare {

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

void make_private_dirs(const std::filesystem::path& dir) {
    std::error_code ec;
    if (std::filesystem::is_directory(dir, ec)) return;
    if (dir.has_parent_path() && dir.parent_path() != dir) make_private_dirs(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw IoError(fmt::format("cannot create directory {}: {}", dir.string(), std::strerror(errno)));
    if (!std::filesystem::is_directory(dir, ec))
        throw IoError(fmt::format("cannot create directory {}: a file is in the way", dir.string()));
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content, bool durable) {
    make_private_dirs(path.parent_path());
    const std::filesystem::path tmp = path.string() + fmt::format(".tmp{}", ::getpid());
    Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (!fd.valid()) throw IoError(fmt::format("cannot write {}: {}", tmp.string(), std::strerror(errno)));
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd.get(), content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = errno;
            fd.close();
            ::unlink(tmp.c_str());
            throw IoError(fmt::format("cannot write {}: {}", tmp.string(), std::strerror(err)));
        }
        done += static_cast<std::size_t>(n);
    }
    if ((durable && ::fsync(fd.get()) != 0) || !fd.close()) {
        const int err = errno;
        fd.close();
        ::unlink(tmp.c_str());
        throw IoError(fmt::format("cannot write {}: {}", tmp.string(), std::strerror(err)));
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw IoError(fmt::format("cannot replace {}: {}", path.string(), std::strerror(err)));
    }
}

void sync_directory(const std::filesystem::path& dir) {
    const Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.valid()) return;
    ::fsync(fd.get());
}

namespace {

// What the handler removes. A signal handler can reach only static storage;
// the paths are copied in before it is armed, and it calls only unlink,
// sigaction and raise (async-signal-safe).
std::array<char, 4096> doomed_file{};
std::array<char, 4096> doomed_journal{};
volatile std::sig_atomic_t armed = 0;
constexpr std::array<int, 3> ending_signals{SIGINT, SIGTERM, SIGHUP};
std::array<struct sigaction, 3> previous{};

extern "C" void remove_then_end(int signal) {
    if (armed) {
        ::unlink(doomed_file.data());
        ::unlink(doomed_journal.data());
    }
    struct sigaction usual {};
    usual.sa_handler = SIG_DFL;
    ::sigaction(signal, &usual, nullptr);
    ::raise(signal);
}

bool copy_path(std::array<char, 4096>& to, const std::string& from) {
    if (from.size() >= to.size()) return false;
    std::memcpy(to.data(), from.c_str(), from.size() + 1);
    return true;
}

}  // namespace

RemoveOnSignal::RemoveOnSignal(const std::filesystem::path& file) {
    if (!copy_path(doomed_file, file.string()) || !copy_path(doomed_journal, file.string() + "-journal")) return;
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
