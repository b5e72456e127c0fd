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
    // Runs with stdin, stdout and stderr on one pseudo-terminal of the given
    // width, as a person at a terminal would; everything written is in out.
    Result run_tty(const std::vector<std::string>& args, unsigned short columns = 80) const;

    // Writes a file below dir(), creating parents; returns its path.
    std::filesystem::path write(const std::filesystem::path& relative, const std::string& content) const;

    // Every regular file below dir() with its content, to show nothing changed;
    // directories are in it too, as "path/" with the value "<directory>".
    std::map<std::string, std::string> snapshot() const;

private:
    std::filesystem::path dir_;
    std::map<std::string, std::string> env_;
};

std::string read_file(const std::filesystem::path&);
std::string source_path(const std::string& relative);  // a file in the source tree

// The lines of a text, without their newlines.
std::vector<std::string> lines(const std::string& text);
// Whether the text holds an ANSI escape sequence (colour).
bool has_ansi(const std::string& text);
bool contains(const std::string& text, const std::string& fragment);

// Catch2 checks shared by the tests.
//
// A refused run: the exit status, nothing on stdout, and stderr starting with
// one "backcare: error: " line that contains every fragment. Only detail may
// follow it (the offending source line and a caret), never a second message.
void expect_error(const Result&, int status, const std::vector<std::string>& fragments);
// As expect_error, and stderr is that one line alone: for a bad option or
// value, where there is no file to quote.
void expect_usage_error(const Result&, const std::vector<std::string>& fragments);
// Compares text with tests/e2e/golden/NAME; with BACKCARE_UPDATE_GOLDEN=1 in
// the environment, writes the file instead.
void expect_golden(const std::string& name, const std::string& actual);

}  // namespace e2e
