// SPDX-License-Identifier: MIT
// Files: the owning descriptor, and writing a file atomically without
// leaving a descriptor or a temporary file behind when it fails.
#include <catch2/catch.hpp>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

#include "errors.hpp"
#include "files.hpp"
#include "session_helpers.hpp"
#include "unit_helpers.hpp"

using namespace backcare;
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
