// SPDX-License-Identifier: MIT
// backcare go: a guided routine, driven through tmux as a person at an 80x24
// terminal would (keys, a resize, Ctrl-C), and run without a terminal.
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include <catch2/catch.hpp>
#include <SQLiteCpp/SQLiteCpp.h>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using namespace e2e::logs;

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A tmux server of its own, with one 80x24 window running a script that
// records the terminal's settings before and after backcare, then its exit
// status, and stays open so the screen can be read.
class Screen {
public:
    Screen(const Home& h, const std::string& go_args, const std::string& scale = "1",
           const std::map<std::string, std::string>& env = {})
        : h_(h), socket_((h.dir() / "tmux").string()) {
        const std::string dir = h.dir().string();
        std::string exports;
        for (const auto& [k, v] : env) exports += str("export ", k, "='", v, "'; ");
        h.write("go.sh", str(exports, "cd '", dir, "'\nstty -g > stty.before\nBACKCARE_TIME_SCALE=", scale,
                             " sh -c 'echo $$ > go.pid; exec ", BACKCARE_BINARY, " go ", go_args,
                             "'\necho EXIT=$?\nstty -g > stty.after\nsleep 600\n"));
        REQUIRE(tmux({"new-session", "-d", "-x", "80", "-y", "24", str("/bin/bash --norc --noprofile ", dir, "/go.sh")}).status == 0);
    }
    // An interactive bash with job control, at its prompt.
    explicit Screen(const Home& h) : h_(h), socket_((h.dir() / "tmux").string()) {
        REQUIRE(tmux({"new-session", "-d", "-x", "80", "-y", "24", "/bin/bash --norc --noprofile -i"}).status == 0);
        // Typed as 's''h> ', so that only the prompt itself reads "sh>" (capture-pane drops its trailing space).
        keys({"PS1='s''h> '; cd '" + h.dir().string() + "'; clear", "Enter"});
        wait_for("sh>");
    }
    ~Screen() { tmux({"kill-server"}); }
    Screen(const Screen&) = delete;
    Screen& operator=(const Screen&) = delete;

    e2e::Result tmux(std::vector<std::string> args) const {
        args.insert(args.begin(), {"-S", socket_});
        Proc p;
        p.program = "/usr/bin/tmux";
        p.args = std::move(args);
        p.env = h_.environment();
        p.cwd = h_.dir();
        return e2e::run(p);
    }
    std::string text() const { return tmux({"capture-pane", "-p"}).out; }
    std::string escapes() const { return tmux({"capture-pane", "-p", "-e"}).out; }
    void keys(const std::vector<std::string>& keys) const {
        std::vector<std::string> args{"send-keys"};
        args.insert(args.end(), keys.begin(), keys.end());
        tmux(args);
    }
    // The screen once it shows the text (or after 10 s, for the failure message).
    std::string wait_for(const std::string& fragment) const {
        std::string screen = text();
        for (int i = 0; i < 200 && !contains(screen, fragment); ++i) {
            std::this_thread::sleep_for(50ms);
            screen = text();
        }
        return screen;
    }
    std::string format(const std::string& f) const {
        auto out = tmux({"display-message", "-p", f}).out;
        while (!out.empty() && out.back() == '\n') out.pop_back();
        return out;
    }
    pid_t pid() const { return static_cast<pid_t>(std::stol(e2e::read_file(h_.dir() / "go.pid"))); }
    // Terminal modes, alternate screen and cursor as they were before backcare.
    void expect_terminal_restored() const {
        CHECK(contains(wait_for("EXIT="), "EXIT="));
        const fs::path after = h_.dir() / "stty.after";
        for (int i = 0; i < 100 && !(fs::exists(after) && e2e::read_file(after).find('\n') != std::string::npos); ++i)
            std::this_thread::sleep_for(50ms);
        CHECK(e2e::read_file(h_.dir() / "stty.before") == e2e::read_file(h_.dir() / "stty.after"));
        CHECK(format("#{alternate_on}") == "0");
        CHECK(format("#{cursor_flag}") == "1");
    }

private:
    const Home& h_;
    std::string socket_;
};

Json only_session(const Home& h) {
    const Json all = history_json(h);
    REQUIRE(all.size() == 1);
    return all[0];
}

std::vector<std::string> statuses(const Json& session) {
    std::vector<std::string> out;
    for (const auto& e : session["entries"]) out.push_back(e["status"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("go: a routine at the terminal, start to end, logged with pain scores and a note", "[go][tty][serial]") {
    Home h;
    Screen s(h, "--exercises chin-tuck,childs-pose", "20");
    CHECK(contains(s.wait_for("Pain now"), "Before you start"));
    s.keys({"3", "Enter"});
    const std::string during = s.wait_for("q quit");
    CHECK(contains(during, "Chin tuck"));
    CHECK(contains(during, "exercise 1 of 2"));
    CHECK(contains(during, "Next up: Child's pose"));
    CHECK(contains(during, "space pause"));
    CHECK(contains(s.wait_for("Pain now, after"), "Finished in"));
    s.keys({"2", "Enter"});
    CHECK(contains(s.wait_for("A note"), "A note"));
    s.keys({"easy today", "Enter"});
    CHECK(contains(s.wait_for("EXIT=0"), "Logged:"));
    s.expect_terminal_restored();
    const Json session = only_session(h);
    CHECK(session["origin"] == "guided");
    CHECK(session["pain_before"] == 3);
    CHECK(session["pain_after"] == 2);
    CHECK(session["note"] == "easy today");
    CHECK(statuses(session) == std::vector<std::string>{"done", "done"});
    CHECK(session["entries"][0]["id"] == "chin-tuck");
    CHECK(session["duration_seconds"].get<int>() > 30);
}

TEST_CASE("go: pain 8 before asks eased, shorter or not today - pain 9 after is answered at once", "[go][tty][serial][pain]") {
    SECTION("shorter: the first half, then the warning after it") {
        Home h;
        Screen s(h, "--exercises chin-tuck,childs-pose,open-book", "50");
        s.wait_for("Pain now");
        s.keys({"8", "Enter"});
        const std::string asked = s.wait_for("[E]ased, [s]horter or [n]ot today");
        CHECK(contains(asked, "Pain 8/10 before you start."));
        CHECK(contains(asked, "a shorter one (the first 2, eased)"));
        s.keys({"x", "Enter"});
        CHECK(contains(s.wait_for("Please answer e, s or n."), "Please answer e, s or n."));
        s.keys({"s", "Enter"});
        CHECK(contains(s.wait_for("exercise 1 of 2"), "Chin tuck"));
        s.wait_for("Pain now, after");
        s.keys({"9", "Enter"});
        s.wait_for("A note");
        s.keys({"Enter"});
        const std::string end = s.wait_for("EXIT=0");
        CHECK(contains(end, "Logged:"));
        CHECK(contains(end, "Pain warning: pain after this session was 9/10."));
        s.expect_terminal_restored();
        const Json session = only_session(h);
        CHECK(session["pain_before"] == 8);
        CHECK(session["pain_after"] == 9);
        CHECK(session["entries"].size() == 2);
    }
    SECTION("not today: nothing run, nothing logged") {
        Home h;
        Screen s(h, "--exercises chin-tuck,childs-pose", "50");
        s.wait_for("Pain now");
        s.keys({"9", "Enter"});
        s.wait_for("[E]ased, [s]horter or [n]ot today");
        s.keys({"n", "Enter"});
        const std::string end = s.wait_for("EXIT=0");
        CHECK(contains(end, "Not today: rest"));
        CHECK_FALSE(fs::exists(db_path(h)));
    }
}

TEST_CASE("go: pause and resume", "[go][tty][serial]") {
    Home h;
    Screen s(h, "--yes --exercises chin-tuck,childs-pose", "10");
    s.wait_for("Chin tuck");
    s.keys({"Space"});
    const std::string paused = s.wait_for("PAUSED");
    REQUIRE(contains(paused, "PAUSED"));
    CHECK(contains(paused, "Paused: space or Enter to go on."));
    std::this_thread::sleep_for(600ms);  // 6 s at this speed: the clock stands still
    CHECK(s.text() == paused);
    s.keys({"Enter"});
    std::this_thread::sleep_for(400ms);
    const std::string resumed = s.text();
    CHECK_FALSE(contains(resumed, "PAUSED"));
    CHECK(resumed != paused);
    s.keys({"q"});
    s.expect_terminal_restored();
}

TEST_CASE("go: skip, back and next, then the log says what was done", "[go][tty][serial]") {
    Home h;
    Screen s(h, "--yes --exercises chin-tuck,childs-pose,open-book");
    s.wait_for("Chin tuck");
    s.keys({"s"});
    // It asks why, the routine waiting; Enter is no reason.
    const std::string asked = s.wait_for("Skip Chin tuck: why?");
    CHECK(contains(asked, "h hurt, t time, k kit, o other, Enter no reason."));
    CHECK(contains(asked, "exercise 1 of 3"));
    s.keys({"Enter"});
    CHECK(contains(s.wait_for("Chin tuck: skipped."), "exercise 2 of 3"));
    s.keys({"b"});  // at the start of the second: back to the first
    const std::string back = s.wait_for("Back to Chin tuck.");
    CHECK(contains(back, "exercise 1 of 3"));
    s.keys({"n"});
    CHECK(contains(s.wait_for("Chin tuck: done."), "Child's pose"));
    s.keys({"s"});
    s.wait_for("Skip Child's pose: why?");
    s.keys({"k"});
    CHECK(contains(s.wait_for("Child's pose: skipped (kit)."), "Last exercise"));
    s.keys({"n"});
    CHECK(contains(s.wait_for("EXIT=0"), "2 of 3 exercises done"));
    s.expect_terminal_restored();
    const Json session = only_session(h);
    CHECK(statuses(session) == std::vector<std::string>{"done", "skipped", "done"});
    CHECK(session["pain_before"].is_null());
    // The reason is stored with the skip; the exercise skipped and then done has none.
    CHECK_FALSE(session["entries"][0].contains("skip_reason"));
    CHECK(session["entries"][1]["skip_reason"] == "kit");
    CHECK(scalar(db_path(h), "SELECT count(*) FROM entry WHERE skip_reason = 'kit' AND exercise_id = 'childs-pose'") == 1);
}

TEST_CASE("go: s on the last exercise asks why too, h for hurt, and the clock waits for the answer", "[go][tty][serial][skip]") {
    Home h;
    Screen s(h, "--yes --exercises chin-tuck,childs-pose", "10");
    s.wait_for("Chin tuck");
    s.keys({"n"});
    s.wait_for("Chin tuck: done.");
    s.keys({"s"});
    const std::string asked = s.wait_for("Skip Child's pose: why?");
    std::this_thread::sleep_for(600ms);  // 6 s at this speed: nothing moves while it asks
    CHECK(s.text() == asked);
    s.keys({"h"});
    CHECK(contains(s.wait_for("EXIT=0"), "1 of 2 exercises done, 1 skipped"));
    s.expect_terminal_restored();
    const Json session = only_session(h);
    CHECK(statuses(session) == std::vector<std::string>{"done", "skipped"});
    CHECK(session["entries"][1]["skip_reason"] == "hurt");
}

TEST_CASE("go: quit asks whether to log what was done", "[go][tty][serial]") {
    Home h;
    SECTION("yes") {
        Screen s(h, "--exercises chin-tuck,childs-pose");
        s.wait_for("Pain now");
        s.keys({"Enter"});
        s.wait_for("Chin tuck");
        s.keys({"n"});
        s.wait_for("Chin tuck: done.");
        s.keys({"q"});
        CHECK(contains(s.wait_for("Log what you did? [Y/n]"), "Stopped in"));
        s.keys({"y", "Enter"});
        s.wait_for("Pain now, after");
        s.keys({"Enter"});
        s.wait_for("A note");
        s.keys({"Enter"});
        CHECK(contains(s.wait_for("EXIT=0"), "Logged:"));
        s.expect_terminal_restored();
        const Json session = only_session(h);
        CHECK(statuses(session) == std::vector<std::string>{"done", "skipped"});
        CHECK(session["pain_after"].is_null());
    }
    SECTION("no") {
        Screen s(h, "--exercises chin-tuck,childs-pose");
        s.wait_for("Pain now");
        s.keys({"Enter"});
        s.wait_for("Chin tuck");
        s.keys({"n"});
        s.wait_for("Chin tuck: done.");
        s.keys({"q"});
        s.wait_for("Log what you did?");
        s.keys({"n", "Enter"});
        CHECK(contains(s.wait_for("EXIT=0"), "Not logged."));
        s.expect_terminal_restored();
        CHECK_FALSE(fs::exists(db_path(h)));
    }
}

TEST_CASE("go: Ctrl-C or SIGTERM mid-hold restores the terminal and logs nothing", "[go][tty][serial]") {
    Home h;
    SECTION("Ctrl-C") {
        Screen s(h, "--yes --exercises childs-pose", "10");
        s.wait_for("Hold");
        s.keys({"C-c"});
        CHECK(contains(s.wait_for("EXIT="), "EXIT=130"));
        CHECK(contains(s.text(), "backcare: error: stopped by Ctrl-C; nothing was logged"));
        s.expect_terminal_restored();
    }
    SECTION("SIGTERM") {
        Screen s(h, "--yes --exercises childs-pose", "10");
        s.wait_for("Hold");
        ::kill(s.pid(), SIGTERM);
        CHECK(contains(s.wait_for("EXIT="), "EXIT=143"));
        CHECK(contains(s.text(), "backcare: error: stopped by SIGTERM; nothing was logged"));
        s.expect_terminal_restored();
    }
    SECTION("Ctrl-C at the question afterwards") {
        Screen s(h, "--exercises chin-tuck", "100");
        s.wait_for("Pain now");
        s.keys({"4", "Enter"});
        s.wait_for("Pain now, after");
        s.keys({"C-c"});
        CHECK(contains(s.wait_for("EXIT="), "EXIT=130"));
        // The message on a line of its own, not after the prompt.
        bool own_line = false;
        for (const auto& line : e2e::lines(s.text())) own_line |= line.rfind("backcare: error: stopped by Ctrl-C", 0) == 0;
        CHECK(own_line);
        s.expect_terminal_restored();
    }
    CHECK_FALSE(fs::exists(db_path(h)));
}

TEST_CASE("go: a resize redraws the screen to the new size", "[go][tty][serial]") {
    Home h;
    Screen s(h, "--yes --exercises open-book");
    const std::string before = s.wait_for("Open book");
    auto lines = e2e::lines(before);
    CHECK(contains(lines.front(), "exercise 1 of 1"));
    s.tmux({"resize-window", "-x", "50", "-y", "14"});
    std::string after;
    for (int i = 0; i < 100; ++i) {
        after = s.text();
        if (e2e::lines(after).size() <= 14 && contains(after, "q quit") && contains(after, "exercise 1 of 1")) break;
        std::this_thread::sleep_for(50ms);
    }
    lines = e2e::lines(after);
    REQUIRE(!lines.empty());
    CHECK(contains(lines.front(), "exercise 1 of 1"));
    CHECK(contains(after, "Open book"));
    CHECK(contains(after, "q quit"));
    for (const auto& line : lines) CHECK(e2e::display_width(line) <= 50);
    // Very small: the time, the name, the count and the keys stay.
    s.keys({"Space"});
    s.tmux({"resize-window", "-x", "20", "-y", "5"});
    std::string tiny;
    for (int i = 0; i < 100; ++i) {
        tiny = s.text();
        if (contains(tiny, "keys: space n s b q")) break;
        std::this_thread::sleep_for(50ms);
    }
    lines = e2e::lines(tiny);
    REQUIRE(lines.size() >= 4);
    CHECK(lines[0].rfind("00:0", 0) == 0);
    CHECK(contains(lines[0], "PAUSED"));
    CHECK(contains(tiny, "Open book"));
    CHECK(contains(tiny, " Get into position"));
    CHECK(contains(tiny, "keys: space n s b q"));
    for (const auto& line : lines) CHECK(e2e::display_width(line) <= 20);
    s.keys({"q"});
    s.expect_terminal_restored();
}

TEST_CASE("go: colour follows --color and NO_COLOR", "[go][tty][serial]") {
    Home h;
    SECTION("colour by default at a terminal") {
        Screen s(h, "--yes --exercises open-book");
        s.wait_for("Open book");
        CHECK(contains(s.escapes(), "\033[1m"));
        s.keys({"q"});
    }
    SECTION("lines, as without a terminal, when TERM is dumb") {
        Screen s(h, "--yes --exercises open-book", "1", {{"TERM", "dumb"}});
        CHECK(contains(s.wait_for("] Open book (1 of 1)"), "[00:00] Your own routine: 1 exercise"));
        CHECK(s.format("#{alternate_on}") == "0");
        s.keys({"q"});
    }
    SECTION("none with NO_COLOR") {
        Screen s(h, "--yes --exercises open-book", "1", {{"NO_COLOR", "1"}});
        s.wait_for("Open book");
        CHECK_FALSE(contains(s.escapes(), "\033[1m"));
        s.keys({"q"});
    }
}

TEST_CASE("go without a terminal: one timestamped line per step, logged, no questions", "[go]") {
    Home h;
    h.set("BACKCARE_TIME_SCALE", "1000");
    const auto r = h.run({"go", "--exercises", "chin-tuck,childs-pose"});
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK_FALSE(e2e::has_ansi(r.out));
    CHECK(r.out.find('\a') == std::string::npos);
    const auto lines = e2e::lines(r.out);
    REQUIRE(lines.size() > 5);
    CHECK(lines[0] == "[00:00] Your own routine: 2 exercises");
    CHECK(lines[1] == "[00:00] Chin tuck (1 of 2): 10 reps, hold 3 s");
    CHECK(lines[2] == "[00:20] set 1 of 1: rep 1 of 10, hold 3 s");
    CHECK(contains(r.out, "] Child's pose (2 of 2): hold 20 s"));
    CHECK(contains(r.out, "] Finished in"));
    const Json session = only_session(h);
    CHECK(session["origin"] == "guided");
    CHECK(statuses(session) == std::vector<std::string>{"done", "done"});
    CHECK(session["entries"][0]["planned"]["reps"] == 10);

    SECTION("--no-log logs nothing") {
        Home other;
        other.set("BACKCARE_TIME_SCALE", "1000");
        const auto n = other.run({"go", "--no-log", "--exercises", "chin-tuck"});
        CHECK(n.status == 0);
        CHECK(contains(n.out, "Not logged (--no-log)."));
        CHECK_FALSE(fs::exists(db_path(other)));
    }
}

TEST_CASE("go runs the last plan, or a fresh one from plan's options", "[go]") {
    Home h;
    h.set("BACKCARE_TIME_SCALE", "1000");
    const auto plan = h.run({"plan", "--goal", "posture", "--minutes", "5", "--format", "json"});
    REQUIRE(plan.status == 0);
    const Json planned = Json::parse(plan.out);
    const auto last = h.run({"go", "--last", "--no-log"});
    REQUIRE(last.status == 0);
    CHECK(contains(last.out, str("] ", planned["exercises"][0]["name"].get<std::string>(), " (1 of ", planned["exercises"].size(), ")")));
    const auto fresh = h.run({"go", "--goal", "posture", "--minutes", "5", "--no-log"});
    REQUIRE(fresh.status == 0);
    CHECK(contains(fresh.out, "[00:00] Posture routine: "));
    const auto named = h.run({"go", "--exercises", "chin-tuck", "--level", "3", "--no-log"});
    REQUIRE(named.status == 0);
    CHECK(contains(named.out, "[00:00] Chin tuck (1 of 1): 10 reps, hold 5 s"));
}

TEST_CASE("go refuses bad input clearly and changes nothing", "[go][bad-input]") {
    Home h;
    h.set("BACKCARE_TIME_SCALE", "1000");
    REQUIRE(h.run({"log", "chin-tuck:10"}).status == 0);
    const auto before = h.snapshot();
    e2e::expect_usage_error(h.run({"go", "--exercises", "chin-tuk"}), {"unknown exercise 'chin-tuk'", "did you mean 'chin-tuck'?"});
    e2e::expect_usage_error(h.run({"go", "--exercises", ","}), {"--exercises needs exercise ids"});
    e2e::expect_usage_error(h.run({"go", "--last", "--goal", "posture"}), {"choose one of --last, --exercises"});
    e2e::expect_usage_error(h.run({"go", "--exercises", "chin-tuck", "--minutes", "5"}), {"choose one of --last, --exercises"});
    e2e::expect_usage_error(h.run({"go", "--no-log", "--yes"}), {"--no-log and --yes"});
    e2e::expect_usage_error(h.run({"go", "--level", "4"}), {"--level"});
    for (const char* scale : {"0", "fast", "1e9", "-3", "nan"}) {
        Home other;
        other.set("BACKCARE_TIME_SCALE", scale);
        e2e::expect_usage_error(other.run({"go", "--exercises", "chin-tuck"}), {"BACKCARE_TIME_SCALE must be a number from 1 to 1000"});
        CHECK_FALSE(fs::exists(db_path(other)));
    }
    e2e::expect_error(h.run({"go", "--last"}), 1, {"no remembered plan", "run 'backcare plan' first"});
    CHECK(h.snapshot() == before);
}

TEST_CASE("go: Ctrl-Z gives the shell its terminal back - fg goes on, paused", "[go][tty][serial]") {
    Home h;
    Screen s(h);
    s.keys({str("stty -g > stty.before; ", BACKCARE_BINARY, " go --yes --exercises childs-pose"), "Enter"});
    s.wait_for("Child's pose");
    s.keys({"C-z"});
    // The shell's prompt comes back below bash's "Stopped" line.
    std::string stopped = s.wait_for("Stopped");
    const auto prompt_after = [&] { return stopped.find("sh>", stopped.find("Stopped")) != std::string::npos; };
    for (int i = 0; i < 200 && !prompt_after(); ++i) {
        std::this_thread::sleep_for(50ms);
        stopped = s.text();
    }
    INFO(stopped);
    CHECK(prompt_after());
    CHECK(s.format("#{alternate_on}") == "0");
    s.keys({"stty -g > stty.after; fg", "Enter"});
    const std::string resumed = s.wait_for("PAUSED");
    CHECK(contains(resumed, "Paused: space or Enter to go on."));
    CHECK(s.format("#{alternate_on}") == "1");
    CHECK(e2e::read_file(h.dir() / "stty.before") == e2e::read_file(h.dir() / "stty.after"));
    s.keys({"q"});
    CHECK(contains(s.wait_for("Nothing was done"), "Stopped in"));
    CHECK(s.format("#{alternate_on}") == "0");
}

TEST_CASE("go keeps a session it cannot store, for a later log -", "[go][busy][serial]") {
    Home h;
    h.set("BACKCARE_TIME_SCALE", "1000");
    h.set("BACKCARE_BUSY_TIMEOUT_MS", "200");
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    e2e::Result r;
    {
        // Another writer holds the log past the busy timeout (200 ms here).
        SQLite::Database holder(db_path(h).string(), SQLite::OPEN_READWRITE);
        holder.exec("BEGIN IMMEDIATE");
        r = h.run({"go", "--exercises", "chin-tuck"});
    }
    CHECK(r.status == 75);
    CHECK(contains(r.err, "this session could not be stored"));
    CHECK(contains(r.err, "backcare: error: the log"));
    std::string line;
    for (const auto& l : e2e::lines(r.err))
        if (!l.empty() && l.front() == '{') line = l;
    REQUIRE(!line.empty());
    REQUIRE(h.run({"log", "-"}, line + "\n").status == 0);
    const Json sessions = history_json(h);
    REQUIRE(sessions.size() == 2);
    CHECK(sessions[0]["origin"] == "guided");
    CHECK(statuses(sessions[0]) == std::vector<std::string>{"done"});
}
