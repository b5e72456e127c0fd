#include "harness.hpp"

#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <pty.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace e2e {

Home::Home() {
    std::string templ = (std::filesystem::temp_directory_path() / "backcare-e2e-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = templ;
    env_ = {
        {"HOME", dir_.string()},
        {"XDG_CONFIG_HOME", (dir_ / "config").string()},
        {"XDG_DATA_HOME", (dir_ / "data").string()},
        {"XDG_STATE_HOME", (dir_ / "state").string()},
        {"TZ", "UTC"},
        {"LC_ALL", "C.UTF-8"},
        {"BACKCARE_NOW", "2026-11-23T10:00:00"},
        {"PATH", "/usr/bin:/bin"},
    };
}

Home::~Home() {
    std::error_code ec;
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(dir_, ec);
}

Result Home::run(const std::vector<std::string>& args, const std::string& stdin_text) const {
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) || ::pipe2(out, O_CLOEXEC) || ::pipe2(err, O_CLOEXEC)) throw std::runtime_error("pipe");
    std::vector<std::string> env_strings;
    for (const auto& [k, v] : env_) env_strings.push_back(k + "=" + v);
    std::vector<char*> envp, argv;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::string binary = BACKCARE_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);

    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork");
    if (pid == 0) {
        ::dup2(in[0], 0);
        ::dup2(out[1], 1);
        ::dup2(err[1], 2);
        if (::chdir(dir_.c_str()) != 0) ::_exit(127);
        ::execve(binary.c_str(), argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    // Feed stdin and drain both outputs together so no pipe fills up.
    std::size_t written = 0;
    if (stdin_text.empty()) ::close(in[1]);
    Result r;
    bool in_open = !stdin_text.empty(), out_open = true, err_open = true;
    while (out_open || err_open || in_open) {
        std::vector<pollfd> fds;
        if (in_open) fds.push_back({in[1], POLLOUT, 0});
        if (out_open) fds.push_back({out[0], POLLIN, 0});
        if (err_open) fds.push_back({err[0], POLLIN, 0});
        if (::poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR) break;
        for (const auto& p : fds) {
            if (!p.revents) continue;
            if (p.fd == in[1]) {
                const ssize_t n = ::write(in[1], stdin_text.data() + written, stdin_text.size() - written);
                if (n > 0) written += static_cast<std::size_t>(n);
                if (n <= 0 || written == stdin_text.size()) {
                    ::close(in[1]);
                    in_open = false;
                }
                continue;
            }
            char buf[65536];
            const ssize_t n = ::read(p.fd, buf, sizeof buf);
            if (n <= 0) {
                ::close(p.fd);
                (p.fd == out[0] ? out_open : err_open) = false;
            } else {
                (p.fd == out[0] ? r.out : r.err).append(buf, static_cast<std::size_t>(n));
            }
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

Result Home::run_tty(const std::vector<std::string>& args, unsigned short columns) const {
    std::vector<std::string> env_strings;
    for (const auto& [k, v] : env_) env_strings.push_back(k + "=" + v);
    std::vector<char*> envp, argv;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::string binary = BACKCARE_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);

    winsize ws{};
    ws.ws_row = 50;
    ws.ws_col = columns;
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, &ws);
    if (pid < 0) throw std::runtime_error("forkpty");
    if (pid == 0) {
        if (::chdir(dir_.c_str()) != 0) ::_exit(127);
        ::execve(binary.c_str(), argv.data(), envp.data());
        ::_exit(127);
    }
    Result r;
    for (;;) {
        char buf[65536];
        const ssize_t n = ::read(master, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // EIO once the child has closed the terminal
        r.out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(master);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    // The terminal turns each newline into CR LF; undo that for comparisons.
    std::string plain;
    for (std::size_t i = 0; i < r.out.size(); ++i)
        if (!(r.out[i] == '\r' && i + 1 < r.out.size() && r.out[i + 1] == '\n')) plain += r.out[i];
    r.out = std::move(plain);
    return r;
}

std::filesystem::path Home::write(const std::filesystem::path& relative, const std::string& content) const {
    const auto path = dir_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

std::map<std::string, std::string> Home::snapshot() const {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_)) {
        if (entry.is_regular_file())
            files[entry.path().string()] = read_file(entry.path());
        else if (entry.is_directory())
            files[entry.path().string() + "/"] = "<directory>";  // so a new empty directory shows too
        else
            files[entry.path().string()] = "<other>";
    }
    return files;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string source_path(const std::string& relative) { return std::string(BACKCARE_SOURCE_DIR) + "/" + relative; }

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool has_ansi(const std::string& text) { return text.find("\033[") != std::string::npos; }

bool contains(const std::string& text, const std::string& fragment) { return text.find(fragment) != std::string::npos; }

void expect_error(const Result& r, int status, const std::vector<std::string>& fragments) {
    INFO("stdout: " << r.out);
    INFO("stderr: " << r.err);
    CHECK(r.status == status);
    CHECK(r.out.empty());
    const auto err = lines(r.err);
    REQUIRE(!err.empty());
    CHECK(err.front().rfind("backcare: error: ", 0) == 0);
    CHECK(r.err.back() == '\n');
    for (const auto& fragment : fragments) {
        INFO("expected in the error line: " << fragment);
        CHECK(contains(err.front(), fragment));
    }
    for (std::size_t i = 1; i < err.size(); ++i) {
        INFO("stderr line " << i + 1 << " is a second message: " << err[i]);
        CHECK(err[i].rfind("backcare:", 0) != 0);
    }
    CHECK_FALSE(has_ansi(r.err));
}

void expect_usage_error(const Result& r, const std::vector<std::string>& fragments) {
    expect_error(r, 2, fragments);
    INFO("stderr: " << r.err);
    CHECK(lines(r.err).size() == 1);
}

void expect_golden(const std::string& name, const std::string& actual) {
    const std::filesystem::path path = source_path("tests/e2e/golden/" + name);
    const char* update = std::getenv("BACKCARE_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << actual;
        WARN("updated golden file " << path.string());
        return;
    }
    INFO("golden file " << path.string() << " (regenerate with BACKCARE_UPDATE_GOLDEN=1)");
    REQUIRE(std::filesystem::exists(path));
    const std::string expected = read_file(path);
    if (expected == actual) {
        SUCCEED();
        return;
    }
    const auto want = lines(expected), got = lines(actual);
    std::size_t i = 0;
    while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
    FAIL_CHECK("output differs from the golden file at line "
               << i + 1 << "\n  expected: " << (i < want.size() ? want[i] : "<end of file>")
               << "\n  actual:   " << (i < got.size() ? got[i] : "<end of output>"));
}

}  // namespace e2e
