// SPDX-License-Identifier: MIT
// Files: the owning descriptor, and writing a file atomically without
// leaving a descriptor or a temporary file behind when it fails.
#include <catch2/catch.hpp>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <fstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "errors.hpp"
#include "files.hpp"
#include "session_helpers.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
using backcare::test::error_of;
using backcare::test::file_bytes;
using backcare::test::mode_of;
using backcare::test::TempDir;
namespace fs = std::filesystem;

namespace {

bool is_open(int fd) { return ::fcntl(fd, F_GETFD) != -1 || errno != EBADF; }

std::size_t open_descriptors() {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator("/proc/self/fd")) ++n;
    return n;
}

int open_null() { return ::open("/dev/null", O_RDONLY | O_CLOEXEC); }

// While alive, files this process writes may not grow past limit bytes; a
// write past it fails with EFBIG instead of raising SIGXFSZ.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t limit) {
        ::getrlimit(RLIMIT_FSIZE, &previous_);
        previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit lower = previous_;
        lower.rlim_cur = limit;
        ::setrlimit(RLIMIT_FSIZE, &lower);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &previous_);
        std::signal(SIGXFSZ, previous_handler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit previous_{};
    void (*previous_handler_)(int) = nullptr;
};

}  // namespace

TEST_CASE("Fd closes its descriptor when it goes out of scope, once", "[files]") {
    int raw = -1;
    {
        const Fd fd(open_null());
        raw = fd.get();
        REQUIRE(fd.valid());
        CHECK(is_open(raw));
    }
    CHECK_FALSE(is_open(raw));
    CHECK_FALSE(Fd().valid());
}

TEST_CASE("Fd: a move hands the descriptor over, release gives it up, close says whether it worked", "[files]") {
    Fd a(open_null());
    const int raw = a.get();
    Fd b(std::move(a));
    CHECK_FALSE(a.valid());  // NOLINT(bugprone-use-after-move): moved-from is empty by design
    CHECK(b.get() == raw);
    Fd c(open_null());
    const int other = c.get();
    c = std::move(b);  // closes what c held
    CHECK_FALSE(is_open(other));
    CHECK(c.get() == raw);
    CHECK(is_open(raw));

    const int released = c.release();
    CHECK(released == raw);
    CHECK_FALSE(c.valid());
    CHECK(is_open(raw));  // not closed by release
    Fd d(released);
    CHECK(d.close());
    CHECK_FALSE(d.valid());
    CHECK_FALSE(is_open(raw));
    CHECK(d.close());  // nothing left to close
    const int closed = open_null();
    ::close(closed);
    CHECK_FALSE(Fd(closed).close());  // EBADF: reported, not thrown
}

TEST_CASE("write_file_atomically that fails leaves no descriptor and no temporary file", "[files]") {
    TempDir dir;
    const std::size_t before = open_descriptors();
    SECTION("the write itself fails (the file may not grow that large)") {
        const fs::path path = dir.path() / "big.txt";
        bool refused = false;
        {
            // Nothing else may write meanwhile (Catch2's own output to a file would fail too).
            const FileSizeLimit limit(16);
            try {
                write_file_atomically(path, std::string(4096, 'x'), true);
            } catch (const IoError&) {
                refused = true;
            }
        }
        CHECK(refused);
        CHECK_FALSE(fs::exists(path));
    }
    SECTION("the rename into place fails (a directory is in the way)") {
        const fs::path path = dir.path() / "taken";
        fs::create_directories(path / "inside");
        CHECK_THROWS_AS(write_file_atomically(path, "content", true), IoError);
        CHECK(fs::is_directory(path / "inside"));
    }
    SECTION("the directory is read-only (when not root, who may write anyway)") {
        const fs::path ro = dir.path() / "ro";
        fs::create_directories(ro);
        fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
        if (::access(ro.c_str(), W_OK) != 0) CHECK_THROWS_AS(write_file_atomically(ro / "f.txt", "content", true), IoError);
        fs::permissions(ro, fs::perms::owner_all);
    }
    CHECK(open_descriptors() == before);
    std::size_t left = 0;
    for ([[maybe_unused]] const auto& entry : fs::recursive_directory_iterator(dir.path()))
        if (entry.path().filename().string().find(".tmp") != std::string::npos) ++left;
    CHECK(left == 0);
}

TEST_CASE("write_file_atomically and sync_directory leave no descriptor open", "[files]") {
    TempDir dir;
    const fs::path path = dir.path() / "sub" / "out.txt";
    const std::size_t before = open_descriptors();
    write_file_atomically(path, "hello\n", true);
    write_file_atomically(path, "again\n", false);
    sync_directory(path.parent_path());
    sync_directory(dir.path() / "missing");  // best effort: no error
    CHECK(open_descriptors() == before);
    CHECK(file_bytes(path) == "again\n");
    CHECK(mode_of(path) == 0600);
}

TEST_CASE("path_kind: absent only when nothing is there - every other failure names why", "[files][paths]") {
    TempDir dir;
    CHECK(path_kind(dir.path() / "missing", "read it") == PathKind::absent);
    CHECK(path_kind(dir.path() / "missing" / "deeper", "read it") == PathKind::absent);
    CHECK(path_kind(dir.path(), "read it") == PathKind::directory);
    std::ofstream(dir.path() / "file") << "x";
    CHECK(path_kind(dir.path() / "file", "read it") == PathKind::regular);
    CHECK(path_kind("/dev/null", "read it") == PathKind::other);
    fs::create_symlink(dir.path() / "loop", dir.path() / "loop");
    CHECK_THAT(error_of<IoError>([&] { path_kind(dir.path() / "loop", "read the log"); }),
               Catch::Contains("cannot read the log") && Catch::Contains("symbolic links"));
    fs::create_symlink(dir.path() / "nowhere", dir.path() / "dangling");
    CHECK_THAT(error_of<IoError>([&] { path_kind(dir.path() / "dangling", "read the log"); }),
               Catch::Contains("symbolic link to") && Catch::Contains("which does not exist"));
    // A link to nothing higher up, where a directory should be.
    fs::create_symlink(dir.path() / "gone", dir.path() / "data");
    CHECK_THAT(error_of<IoError>([&] { path_kind(dir.path() / "data" / "backcare.db", "write the log"); }),
               Catch::Contains("data is a symbolic link to"));
    CHECK_THAT(error_of<IoError>([&] { path_kind(dir.path() / "file" / "below", "read it"); }),
               Catch::Contains("not a directory"));
}

TEST_CASE("read_small_file: regular files only, bounded, never waiting on a FIFO", "[files][paths]") {
    TempDir dir;
    std::ofstream(dir.path() / "small") << "hello";
    CHECK(read_small_file(dir.path() / "small", 10, "the file") == "hello");
    CHECK_THAT(error_of<IoError>([&] { read_small_file(dir.path() / "small", 4, "the file"); }), Catch::Contains("larger than"));
    REQUIRE(::mkfifo((dir.path() / "fifo").c_str(), 0600) == 0);
    CHECK_THAT(error_of<IoError>([&] { read_small_file(dir.path() / "fifo", 1024, "the file"); }),
               Catch::Contains("not a regular file"));
    CHECK_THAT(error_of<IoError>([&] { read_small_file("/dev/zero", 1024, "the config file"); }),
               Catch::Contains("cannot read the config file /dev/zero: it is not a regular file"));
    CHECK_THAT(error_of<IoError>([&] { read_small_file(dir.path(), 1024, "the file"); }), Catch::Contains("is a directory"));
    CHECK_THAT(error_of<IoError>([&] { read_small_file(dir.path() / "none", 1024, "the file"); }), Catch::Contains("does not exist"));
}

TEST_CASE("create_new_file: exclusive, and never through a symbolic link", "[files][create]") {
    TempDir dir;
    const fs::path victim = dir.path() / "victim";
    std::ofstream(victim) << "private";
    fs::create_symlink(victim, dir.path() / "planted");
    CHECK_THROWS_AS(create_new_file(dir.path() / "planted", 0600), IoError);
    CHECK_THROWS_AS(create_new_file(victim, 0600), IoError);
    CHECK(file_bytes(victim) == "private");
    {
        Fd fd = create_new_file(dir.path() / "new", 0600);
        CHECK(fd.valid());
    }
    CHECK(mode_of(dir.path() / "new") == 0600);
    const fs::path a = temporary_name(dir.path() / "x"), b = temporary_name(dir.path() / "x");
    CHECK(a != b);
    CHECK_THAT(a.string(), Catch::StartsWith((dir.path() / "x.tmp-").string()));
    // write_file_atomically replaces a planted link, never writes through it.
    fs::create_symlink(victim, dir.path() / "last-plan.json");
    write_file_atomically(dir.path() / "last-plan.json", "{}", false);
    CHECK(file_bytes(victim) == "private");
    CHECK(fs::is_regular_file(fs::symlink_status(dir.path() / "last-plan.json")));
}

TEST_CASE("private directories and files: others' refused, ours tightened with a warning", "[files][private]") {
    TempDir dir;
    std::vector<std::string> warnings;
    const Warn warn = [&](const std::string& w) { warnings.push_back(w); };
    const fs::path own = dir.path() / "data" / "backcare";
    make_private_dirs(own, warn);
    CHECK(mode_of(own) == 0700);
    CHECK(warnings.empty());
    fs::permissions(own, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_all);
    secure_directory(own, warn);
    CHECK(mode_of(own) == 0700);
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0], Catch::Contains("was open to others (mode 0757)"));
    // Not ours to change, but named.
    const fs::path shared = dir.path() / "shared";
    fs::create_directories(shared);
    fs::permissions(shared, fs::perms::owner_all | fs::perms::group_all);
    secure_directory(shared, warn);
    CHECK(mode_of(shared) == 0770);
    REQUIRE(warnings.size() == 2);
    CHECK_THAT(warnings[1], Catch::Contains("can be written by others"));
    // Sticky, as /tmp: no warning.
    secure_directory(fs::temp_directory_path(), warn);
    CHECK(warnings.size() == 2);
    // A file of ours, open to others.
    const fs::path file = own / "backcare.db";
    std::ofstream(file) << "x";
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::others_read);
    secure_private_file(file, "the log", warn);
    CHECK(mode_of(file) == 0600);
    CHECK_THAT(warnings.back(), Catch::Contains("the log") && Catch::Contains("it is now private (0600)"));
    if (::geteuid() == 0) {  // only root can give a file away
        REQUIRE(::chown(file.c_str(), 65534, 65534) == 0);
        CHECK_THAT(error_of<IoError>([&] { secure_private_file(file, "the log", warn); }), Catch::Contains("not to you"));
        CHECK_THAT(error_of<IoError>([&] { refuse_foreign_file(file, "the log"); }), Catch::Contains("belongs to"));
        REQUIRE(::chown(own.c_str(), 65534, 65534) == 0);
        CHECK_THAT(error_of<IoError>([&] { secure_directory(own, warn); }), Catch::Contains("backcare keeps no files there"));
    }
}
