// SPDX-License-Identifier: MIT
// Files as backcare uses them: one way to name what went wrong with a path,
// small files read whole (regular files only, bounded), new files created
// exclusively and never through a symlink, private directories, and writes
// that replace a file in one step.
#pragma once
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>
#include <sys/types.h>

namespace backcare {

// Where a warning goes ("backcare: warning: ..." on stderr, for a command).
using Warn = std::function<void(const std::string&)>;

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

// The one wording of a failed file operation: IoError "cannot ACTION PATH:
// REASON", with the reason in the words people know ("permission denied",
// "too many levels of symbolic links", "no space left on device").
[[noreturn]] void throw_path_error(std::string_view action, const std::filesystem::path&, int error);
// The reason for an errno value, as throw_path_error words it.
std::string error_text(int error);

// What a path names, following symbolic links.
enum class PathKind { absent, regular, directory, other };
// absent only when nothing at all is there. Everything else that stops a
// look (a directory without search permission, a loop of symbolic links, a
// file where a directory should be, a symbolic link to nothing) throws
// IoError through throw_path_error, with `what` ("read the log") as the action.
PathKind path_kind(const std::filesystem::path&, std::string_view what);

// A small file read whole: a regular file (never waiting on a FIFO or
// reading a device), at most max_bytes, else IoError naming it.
std::string read_small_file(const std::filesystem::path&, std::size_t max_bytes, std::string_view what);

// A new file at path, created with the mode given (before the umask),
// refusing a file or a symbolic link already there (O_EXCL, O_NOFOLLOW).
Fd create_new_file(const std::filesystem::path&, mode_t mode);
// A name beside path that no one can guess: "PATH.tmp-<12 random hex digits>".
std::filesystem::path temporary_name(const std::filesystem::path&);

// Creates dir and its missing parents with mode 0700 (they may hold health
// data), then checks the directory it ends in (secure_directory).
void make_private_dirs(const std::filesystem::path& dir, const Warn& warn = {});
// A directory backcare keeps files in: IoError when it belongs to another
// user (root's system directories are fine); backcare's own (named
// "backcare") is tightened to 0700 when it is looser; one that others may
// write to, and that is not sticky like /tmp, is named in a warning.
void secure_directory(const std::filesystem::path& dir, const Warn& warn = {});
// An existing file of backcare's (the log and its companions): IoError when
// it is not a regular file or belongs to another user; a mode that lets
// others read or write it is tightened to 0600, with a warning.
void secure_private_file(const std::filesystem::path& file, std::string_view what, const Warn& warn = {});
// The first half of that alone, for a file not yet known to be backcare's:
// IoError when it is not a regular file or belongs to another user.
void refuse_foreign_file(const std::filesystem::path& file, std::string_view what);

// Writes content to a temporary file beside path and renames it into place, so
// a reader sees the old file or the new one, never half of one. Mode 0600.
// durable also flushes it to disk first (worth it for data, not for a cache).
void write_file_atomically(const std::filesystem::path& path, std::string_view content, bool durable,
                           const Warn& warn = {});

// Flushes a directory's entries to disk, so that a file just renamed into it
// survives a power cut. Best effort: a file system that cannot is no error.
void sync_directory(const std::filesystem::path& dir);

// While alive, a file (and its SQLite companions) and the directories made
// for it (deepest first, when empty) are removed if Ctrl-C, SIGTERM or
// SIGHUP ends the process; the signal then takes its usual course (the
// process ends with it). One at a time: for a new log being built.
class RemoveOnSignal {
public:
    explicit RemoveOnSignal(const std::filesystem::path& file, const std::vector<std::filesystem::path>& dirs = {});
    ~RemoveOnSignal();
    RemoveOnSignal(const RemoveOnSignal&) = delete;
    RemoveOnSignal& operator=(const RemoveOnSignal&) = delete;
};

}  // namespace backcare
