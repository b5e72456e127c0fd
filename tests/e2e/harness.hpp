#pragma once
// Runs the built backcare binary in a fresh temporary HOME with its own
// XDG_* directories and a pinned clock, and captures what it does.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace e2e {

struct Result {
    int status = -1;  // exit status, or 128 + signal
    std::string out;
    std::string err;
};

class Home {
public:
    Home();  // creates a unique temporary directory
    ~Home();  // removes it
    Home(const Home&) = delete;
    Home& operator=(const Home&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path config_dir() const { return dir_ / "config/backcare"; }
    std::filesystem::path state_dir() const { return dir_ / "state/backcare"; }
    std::filesystem::path data_dir() const { return dir_ / "data/backcare"; }

    // The environment each run gets: HOME, XDG_CONFIG_HOME, XDG_DATA_HOME,
    // XDG_STATE_HOME inside dir(), TZ=UTC, LC_ALL=C.UTF-8, BACKCARE_NOW pinned,
    // PATH; set() overrides or adds, unset() removes.
    void set(const std::string& name, const std::string& value) { env_[name] = value; }
    void unset(const std::string& name) { env_.erase(name); }

    Result run(const std::vector<std::string>& args, const std::string& stdin_text = "") const;

    // Writes a file below dir(), creating parents; returns its path.
    std::filesystem::path write(const std::filesystem::path& relative, const std::string& content) const;

    // Every regular file below dir() with its content, to show nothing changed.
    std::map<std::string, std::string> snapshot() const;

private:
    std::filesystem::path dir_;
    std::map<std::string, std::string> env_;
};

std::string read_file(const std::filesystem::path&);
std::string source_path(const std::string& relative);  // a file in the source tree

}  // namespace e2e
