#pragma once
#include <filesystem>
#include <string_view>

namespace backcare {

// An open file descriptor that is closed when it goes out of scope, so that
// no path, an early return or an exception, leaves one open.
class Fd {
public:
    Fd() noexcept = default;
    explicit Fd(int fd) noexcept : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(other.release()) {}
    Fd& operator=(Fd&& other) noexcept;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd();

    int get() const noexcept { return fd_; }
    bool valid() const noexcept { return fd_ >= 0; }
    // Closes now, for a caller that must know: close can report a failed
    // write. False (errno set) when it failed; either way it is closed.
    bool close() noexcept;
    // Gives the descriptor up without closing it.
    int release() noexcept;

private:
    int fd_ = -1;
};

// Creates dir and its missing parents with mode 0700 (they may hold health data).
void make_private_dirs(const std::filesystem::path& dir);

// Writes content to a temporary file beside path and renames it into place, so
// a reader sees the old file or the new one, never half of one. Mode 0600.
// durable also flushes it to disk first (worth it for data, not for a cache).
void write_file_atomically(const std::filesystem::path& path, std::string_view content, bool durable);

// Flushes a directory's entries to disk, so that a file just renamed into it
// survives a power cut. Best effort: a file system that cannot is no error.
void sync_directory(const std::filesystem::path& dir);

// While alive, a file (and its SQLite -journal) that is removed if Ctrl-C,
// SIGTERM or SIGHUP ends the process; the signal then takes its usual course
// (the process ends with it). One at a time: for a new log being built.
class RemoveOnSignal {
public:
    explicit RemoveOnSignal(const std::filesystem::path& file);
    ~RemoveOnSignal();
    RemoveOnSignal(const RemoveOnSignal&) = delete;
    RemoveOnSignal& operator=(const RemoveOnSignal&) = delete;
};

}  // namespace backcare
