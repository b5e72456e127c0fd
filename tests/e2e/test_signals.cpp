// SPDX-License-Identifier: MIT
// Terminal manners: a reader that stops early ends backcare quietly (the
// SIGPIPE convention), and Ctrl-C ends it with 130 leaving the log sound.
#include <chrono>
#include <filesystem>
#include <thread>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::Home;
using namespace e2e::logs;

namespace {

namespace fs = std::filesystem;

std::string sessions_jsonl(int n, std::uint32_t tag) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += str(R"({"uuid":")", uuid_for(tag, static_cast<std::uint64_t>(i) + 1), R"(","started":"2026-10-)", 10 + i % 18,
                   R"(T08:00:00Z","entries":["cat-cow:10","childs-pose:30s","band-rows:2x12"]})", "\n");
    return out;
}

e2e::Result bash(const Home& h, const std::string& script) {
    e2e::Proc p;
    p.program = "/bin/bash";
    p.args = {"-c", script};
    p.env = h.environment();
    for (auto& e : p.env)
        if (e.rfind("PATH=", 0) == 0) e = "PATH=" + fs::path(BACKCARE_BINARY).parent_path().string() + ":/usr/bin:/bin";
    p.cwd = h.dir();
    return e2e::run(p);
}

// Starts an import of file and sends SIGINT once it has run for delay.
int interrupted_import(const Home& h, const fs::path& file, std::chrono::milliseconds delay) {
    Child c(proc(h, {"import", file.string()}), h.dir() / "import.out", h.dir() / "import.err");
    const auto until = std::chrono::steady_clock::now() + delay;
    while (!c.done() && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(std::chrono::microseconds(500));
    c.kill(SIGINT);
    return c.wait();
}

}  // namespace

TEST_CASE("a reader that stops early ends backcare quietly: no message, the SIGPIPE status", "[signals][serial]") {
    Home h;
    REQUIRE(h.run({"import", h.write("many.jsonl", sessions_jsonl(3000, 0x30000000u)).string()}).status == 0);
    for (const char* command : {"backcare export | head -n 1", "backcare history --limit 0 | head -n 1",
                                "backcare export --format csv | head -c 100"}) {
        INFO(command);
        const auto r = bash(h, std::string("set -o pipefail; ") + command + " > /dev/null; echo \"status $?\"");
        CHECK(r.out == "status 141\n");  // 128 + SIGPIPE, as for any Unix filter
        CHECK(r.err.empty());
    }
}

TEST_CASE("Ctrl-C during an import: status 130, all of it or none, and no file left behind", "[signals][serial]") {
    Home h;
    const fs::path file = h.write("import.jsonl", sessions_jsonl(6000, 0x31000000u));
    // How long a whole import takes here, to interrupt it part-way.
    double ms = 0;
    {
        Home calibration;
        const auto t = std::chrono::steady_clock::now();
        REQUIRE(calibration.run({"import", file.string()}).status == 0);
        ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
    }
    INFO("a whole import takes " << ms << " ms");

    SECTION("the first import, which builds a new log beside its place") {
        const int status = interrupted_import(h, file, std::chrono::milliseconds(static_cast<int>(ms / 2)));
        if (status == 130) {
            CHECK_FALSE(fs::exists(db_path(h)));
            // Nothing beside it either: no half-built log, no journal, not the directories made for it.
            if (fs::exists(h.data_dir()))
                for (const auto& entry : fs::directory_iterator(h.data_dir())) FAIL_CHECK("left behind: " << entry.path());
            CHECK_FALSE(fs::exists(h.data_dir().parent_path()));
        } else {
            CHECK(status == 0);  // it finished first
            CHECK(count_sessions(db_path(h)) == 6000);
        }
    }
    SECTION("an import into an existing log") {
        REQUIRE(h.run({"log", "-q", "cat-cow:10"}).status == 0);
        const int status = interrupted_import(h, file, std::chrono::milliseconds(static_cast<int>(ms / 2)));
        CHECK((status == 130 || status == 0));
        const auto n = count_sessions(db_path(h));
        CHECK((n == 1 || n == 6001));  // never part of the import
        CHECK(integrity_check(db_path(h)) == "ok");
        CHECK(h.run({"stats", "--since", "all", "--format", "json"}).status == 0);
    }
}
