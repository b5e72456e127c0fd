// SPDX-License-Identifier: MIT
#include "harness.hpp"

#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <regex>
#include <pty.h>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>
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

Exec::Exec(const Proc& p) : binary(p.program), args(p.args), env(p.env) {
    argv.push_back(binary.data());
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
}

int decode_status(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

int reap(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return -1;
    return decode_status(status);
}

Result run(const Proc& p) {
    Exec x(p);
    const std::string cwd = p.cwd.string();
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) || ::pipe2(out, O_CLOEXEC) || ::pipe2(err, O_CLOEXEC)) throw std::runtime_error("pipe");
    const int out_file = p.stdout_path.empty() ? -1 : ::open(p.stdout_path.c_str(), O_WRONLY | O_CLOEXEC);
    if (!p.stdout_path.empty() && out_file < 0) throw std::runtime_error("cannot open " + p.stdout_path);
    // Only async-signal-safe calls between fork and exec: other threads may run.
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork");
    if (pid == 0) {
        ::dup2(in[0], 0);
        ::dup2(out_file >= 0 ? out_file : out[1], 1);
        ::dup2(err[1], 2);
        ::umask(p.umask);
        if (p.uid != 0 && (::setgroups(0, nullptr) != 0 || ::setgid(p.gid) != 0 || ::setuid(p.uid) != 0)) ::_exit(126);
        if (::chdir(cwd.c_str()) != 0) ::_exit(127);
        ::execve(x.binary.c_str(), x.argv.data(), x.envp.data());
        ::_exit(127);
    }
    if (out_file >= 0) ::close(out_file);
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    Result r;
    std::size_t written = 0;
    bool in_open = !p.stdin_text.empty(), out_open = true, err_open = true;
    if (!in_open) ::close(in[1]);
    while (out_open || err_open || in_open) {
        std::vector<pollfd> fds;
        if (in_open) fds.push_back({in[1], POLLOUT, 0});
        if (out_open) fds.push_back({out[0], POLLIN, 0});
        if (err_open) fds.push_back({err[0], POLLIN, 0});
        if (::poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR) break;
        for (const auto& f : fds) {
            if (!f.revents) continue;
            if (f.fd == in[1]) {
                const ssize_t n = ::write(in[1], p.stdin_text.data() + written, p.stdin_text.size() - written);
                if (n > 0) written += static_cast<std::size_t>(n);
                if (n <= 0 || written == p.stdin_text.size()) {
                    ::close(in[1]);
                    in_open = false;
                }
                continue;
            }
            char buf[65536];
            const ssize_t n = ::read(f.fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                ::close(f.fd);
                (f.fd == out[0] ? out_open : err_open) = false;
            } else {
                (f.fd == out[0] ? r.out : r.err).append(buf, static_cast<std::size_t>(n));
            }
        }
    }
    r.status = reap(pid);
    return r;
}

void Home::give_to(uid_t uid, gid_t gid) const {
    if (::lchown(dir_.c_str(), uid, gid) != 0) throw std::runtime_error("chown " + dir_.string());
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_))
        if (::lchown(entry.path().c_str(), uid, gid) != 0) throw std::runtime_error("chown " + entry.path().string());
}

uid_t nobody_uid() {
    const passwd* pw = ::getpwnam("nobody");
    return pw ? pw->pw_uid : 65534;
}

gid_t nobody_gid() {
    const passwd* pw = ::getpwnam("nobody");
    return pw ? pw->pw_gid : 65534;
}

std::vector<std::string> Home::environment() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : env_) out.push_back(k + "=" + v);
    return out;
}

Result Home::run(const std::vector<std::string>& args, const std::string& stdin_text) const {
    Proc p;
    p.args = args;
    p.env = environment();
    p.cwd = dir_;
    p.stdin_text = stdin_text;
    return e2e::run(p);
}

Result Home::run_tty(const std::vector<std::string>& args, unsigned short columns, const std::string& input) const {
    Proc p;
    p.args = args;
    p.env = environment();
    Exec x(p);
    winsize ws{};
    ws.ws_row = 50;
    ws.ws_col = columns;
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, &ws);
    if (pid < 0) throw std::runtime_error("forkpty");
    if (pid == 0) {
        if (::chdir(dir_.c_str()) != 0) ::_exit(127);
        ::execve(x.binary.c_str(), x.argv.data(), x.envp.data());
        ::_exit(127);
    }
    Result r;
    if (!input.empty() && ::write(master, input.data(), input.size()) != static_cast<ssize_t>(input.size()))
        throw std::runtime_error("cannot type into the terminal");
    for (;;) {
        char buf[65536];
        const ssize_t n = ::read(master, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // EIO once the child has closed the terminal
        r.out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(master);
    r.status = reap(pid);
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
        const std::string name = entry.path().filename().string();
        // SQLite's shared-memory index (readers mark it) and the writers'
        // lock (its holder) change without the log changing: there, not what.
        if (entry.is_regular_file() && (name.ends_with("-shm") || name.ends_with(".lock")))
            files[entry.path().string()] = "<present>";
        else if (entry.is_regular_file())
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

std::string unwrap(std::string text) {
    while (!text.empty() && text.back() == '\n') text.pop_back();
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

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

std::string clinic_file(const std::string& id, const std::string& name) {
    return "schema = 1\n"                                            // 1
           "\n"                                                      // 2
           "[[exercise]]\n"                                          // 3
           "id = \"" + id + "\"\n"                                   // 4
           "name = \"" + name + "\"\n"                               // 5
           "goals = [\"flexibility\"]\n"                             // 6
           "kind = \"stretch\"\n"                                    // 7
           "areas = [\"chest\", \"shoulders\"]\n"                    // 8
           "equipment = [\"wall\"]\n"                                // 9
           "position = \"standing\"\n"                               // 10
           "desk_friendly = true\n"                                  // 11
           "laterality = \"both\"\n"                                 // 12
           "level = 1\n"                                             // 13
           "steps = [\"Stand facing a wall.\", \"Lean in gently.\"]\n"  // 14
           "cues = [\"Breathe slowly.\"]\n"                          // 15
           "benefits = [\"Opens the chest.\"]\n"                     // 16
           "cautions = [\"Stop if it hurts.\"]\n"                    // 17
           "easier = \"doorway-pec-stretch\"\n"                      // 18
           "source = \"Test clinic handout\"\n"                      // 19
           "\n"                                                      // 20
           "[exercise.dose]\n"                                       // 21
           "sets = [1, 2]\n"                                         // 22
           "hold = [20, 30]\n"                                       // 23
           "rest = 10\n";                                            // 24
}

std::size_t display_width(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}


namespace {

// The names listed under "Subcommands:" in a help text.
std::vector<std::string> subcommands_in(const std::string& help) {
    std::vector<std::string> out;
    bool listing = false;
    for (const auto& line : lines(help)) {
        if (line == "Subcommands:") {
            listing = true;
        } else if (listing && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ') {
            out.push_back(line.substr(2, line.find(' ', 2) - 2));
        } else if (listing && line.empty()) {
            listing = false;
        }
    }
    return out;
}

std::vector<std::vector<std::string>> all_commands() {
    Home h;
    std::vector<std::vector<std::string>> out;
    for (const auto& name : subcommands_in(h.run({"--help"}).out)) {
        const auto nested = subcommands_in(h.run({name, "--help"}).out);
        if (nested.empty()) out.push_back({name});
        for (const auto& sub : nested) out.push_back({name, sub});
    }
    return out;
}

}  // namespace

const std::vector<std::vector<std::string>>& listed_commands() {
    static const auto commands = all_commands();
    return commands;
}

std::set<std::string> long_options(const std::string& help) {
    std::set<std::string> out;
    const std::regex option("--([a-z][a-z-]+)");
    for (std::sregex_iterator it(help.begin(), help.end(), option), end; it != end; ++it) out.insert((*it)[1]);
    out.erase("help");
    return out;
}

std::set<std::string> declared_options(const std::string& help) {
    std::set<std::string> out;
    for (const auto& line : lines(help)) {
        if (line.rfind("  -", 0) != 0) continue;
        // "  -f,--format FORMAT:{text,json}   Output: ..." → "--format"
        const std::string names = line.substr(2, line.find(' ', 2) - 2);
        std::size_t start = 0;
        while (start < names.size()) {
            const auto comma = names.find(',', start);
            const std::string name = names.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (name.rfind("--", 0) == 0) out.insert(name);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return out;
}

}  // namespace e2e
