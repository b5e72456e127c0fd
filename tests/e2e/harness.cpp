#include "harness.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
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

std::filesystem::path Home::write(const std::filesystem::path& relative, const std::string& content) const {
    const auto path = dir_ / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

std::map<std::string, std::string> Home::snapshot() const {
    std::map<std::string, std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_))
        if (entry.is_regular_file()) files[entry.path().string()] = read_file(entry.path());
    return files;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string source_path(const std::string& relative) { return std::string(BACKCARE_SOURCE_DIR) + "/" + relative; }

}  // namespace e2e
