// SPDX-License-Identifier: MIT
#pragma once
// Runs the built backcare binary in a fresh temporary HOME with its own
// XDG_* directories and a pinned clock, and captures what it does.
#include <filesystem>
#include <map>
#include <sys/types.h>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace e2e {

struct Result {
    int status = -1;  // exit status, or 128 + signal
    std::string out;
    std::string err;
};

// One run of the backcare binary, described fully so that it can be started
// from any thread. env is "NAME=value" strings.
struct Proc {
    std::vector<std::string> args;
    std::vector<std::string> env;
    std::filesystem::path cwd;
    std::string stdin_text;
    mode_t umask = 022;  // set in the child before exec (exec keeps it)
    std::string program = BACKCARE_BINARY;  // or another program, such as a shell
    std::string stdout_path;  // when set, stdout is this file (such as /dev/full), not captured
    uid_t uid = 0;  // when not 0 (and this is root): the user the child runs as, with gid
    gid_t gid = 0;
};

// Runs to the end, feeding stdin and capturing stdout and stderr. Safe to call
// from several threads at once (no Catch2 macros inside).
Result run(const Proc&);

// argv and envp for execve, built before fork (only async-signal-safe calls
// may follow a fork while other threads run).
struct Exec {
    std::string binary;
    std::vector<std::string> args, env;
    std::vector<char*> argv, envp;
    explicit Exec(const Proc&);
};
// Waits for a child; its exit status, or 128 + signal.
int reap(pid_t);
int decode_status(int wait_status);

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
    // That environment as "NAME=value" strings.
    std::vector<std::string> environment() const;
    // Runs with stdin, stdout and stderr on one pseudo-terminal of the given
    // width, as a person at a terminal would; everything written is in out.
    // What is typed (input) is written to the terminal once the program runs.
    Result run_tty(const std::vector<std::string>& args, unsigned short columns = 80, const std::string& input = "") const;

    // Writes a file below dir(), creating parents; returns its path.
    std::filesystem::path write(const std::filesystem::path& relative, const std::string& content) const;

    // Hands dir() and everything below it to another user, for a run as them.
    void give_to(uid_t uid, gid_t gid) const;

    // Every regular file below dir() with its content, to show nothing changed;
    // directories are in it too, as "path/" with the value "<directory>".
    std::map<std::string, std::string> snapshot() const;

private:
    std::filesystem::path dir_;
    std::map<std::string, std::string> env_;
};

std::string read_file(const std::filesystem::path&);

// A valid user catalogue file of one exercise, each key on a known line:
// 4 id, 5 name, 6 goals, 13 level, 18 easier.
std::string clinic_file(const std::string& id = "clinic-wall-lean", const std::string& name = "Clinic wall lean");
std::string source_path(const std::string& relative);  // a file in the source tree

// The uid and gid of "nobody", for runs as a user without root's rights
// (root reads any file, so some refusals show only to another user).
uid_t nobody_uid();
gid_t nobody_gid();

// The lines of a text, without their newlines.
std::vector<std::string> lines(const std::string& text);
// A wrapped paragraph as one line: its line breaks as spaces, the last dropped.
std::string unwrap(std::string text);
// Whether the text holds an ANSI escape sequence (colour).
bool has_ansi(const std::string& text);
bool contains(const std::string& text, const std::string& fragment);
// Columns a line of UTF-8 text takes: one per code point.
std::size_t display_width(const std::string& text);

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


// The commands and nested commands that `backcare --help` lists, as words
// ({"stats"}, {"catalogue", "lint"}); read once, when first asked.
const std::vector<std::vector<std::string>>& listed_commands();
// Every "--name" a help text mentions (without "--help").
std::set<std::string> long_options(const std::string& help);
// The long options a help text declares in its Options list ("--name"), with --help.
std::set<std::string> declared_options(const std::string& help);

}  // namespace e2e
