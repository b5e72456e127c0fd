// SPDX-License-Identifier: MIT
// Edges found by trying backcare as a new user: full disks, directories given
// as files, files from spreadsheets, retried and repeated input, short ids,
// terminal control characters in notes.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;
using namespace e2e::logs;
namespace fs = std::filesystem;

namespace {

// Runs backcare through the shell with stdout sent to a file (or device).
int run_to(const Home& h, const std::string& args, const std::string& stdout_path) {
    std::string command = "env -i";
    for (const auto& kv : home_env(h)) command += " '" + kv + "'";
    command += " " BACKCARE_BINARY " " + args + " >" + stdout_path + " 2>/dev/null";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("output that cannot be written is an error (74), not a finished export", "[edges][transfer]") {
    if (!fs::exists("/dev/full")) return;
    Home h;
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    CHECK(run_to(h, "export", "/dev/full") == 74);
    CHECK(run_to(h, "plan --no-save", "/dev/full") == 74);
    CHECK(run_to(h, "export", "/dev/null") == 0);
}

TEST_CASE("import of a directory is refused (74) and stores nothing", "[edges][transfer]") {
    Home h;
    fs::create_directories(h.dir() / "exports");
    e2e::expect_error(h.run({"import", (h.dir() / "exports").string()}), 74, {"directory"});
    CHECK_FALSE(fs::exists(db_path(h)));
}

TEST_CASE("sessions without a uuid are the same sessions when imported again", "[edges][transfer]") {
    Home h;
    const std::string jsonl = R"({"started":"2026-11-20T07:00:00Z","entries":["cat-cow:10"]})" "\n"
                              R"({"started":"2026-11-21T07:00:00Z","entries":["childs-pose:30s"]})" "\n";
    const std::string csv = "started,exercise,reps,hold_seconds\n"
                            "2026-11-18T07:00:00Z,cat-cow,10,\n"
                            "2026-11-19T07:00:00Z,childs-pose,,30\n";
    h.write("a.jsonl", jsonl);
    h.write("b.csv", csv);
    for (const char* file : {"a.jsonl", "b.csv"}) {
        const auto first = h.run({"import", (h.dir() / file).string()});
        CHECK(first.out == "2 added, 0 already present\n");
        const auto again = h.run({"import", (h.dir() / file).string()});
        CHECK(again.out == "0 added, 2 already present\n");
    }
    const auto by_log = h.run({"log", "-"}, jsonl);
    CHECK(contains(by_log.out, "0 sessions logged, 2 already present"));
    CHECK(count_sessions(db_path(h)) == 4);
}

TEST_CASE("a file with a byte order mark reads as without one", "[edges][transfer]") {
    Home h;
    h.write("excel.csv", "\xEF\xBB\xBFstarted,exercise,reps\n2026-11-18T07:00:00Z,cat-cow,10\n");
    const auto r = h.run({"import", (h.dir() / "excel.csv").string()});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(count_sessions(db_path(h)) == 1);
}

TEST_CASE("a retried log --uuid reports the session stored the first time", "[edges][log]") {
    Home h;
    const std::string uuid = "0B7E7C3A-2F4E-4C1D-9A57-3C2D1E0F9A8B";  // as macOS uuidgen writes it
    const auto first = h.run({"log", "cat-cow:10", "--uuid", uuid, "--format", "json"});
    REQUIRE(first.status == 0);
    const Json stored = Json::parse(first.out);
    CHECK(stored.at("uuid") == "0b7e7c3a-2f4e-4c1d-9a57-3c2d1e0f9a8b");
    const auto again = h.run({"log", "cat-cow:10", "--uuid", uuid, "--format", "json"});
    REQUIRE(again.status == 0);
    CHECK(Json::parse(again.out) == stored);
    const auto text = h.run({"log", "cat-cow:10", "--uuid", uuid});
    CHECK(contains(text.out, "Already logged as session 1"));
    CHECK(count_sessions(db_path(h)) == 1);
}

TEST_CASE("delete with a too-short uuid prefix says what it needs (2)", "[edges][history]") {
    Home h;
    REQUIRE(h.run({"log", "cat-cow:10"}).status == 0);
    const auto before = h.snapshot();
    e2e::expect_usage_error(h.run({"delete", "ebfe"}), {"8 or more characters"});
    CHECK(h.snapshot() == before);
}

TEST_CASE("a note with control characters is refused - lines and tabs are kept and shown on one line", "[edges][history]") {
    Home h;
    for (const char* note : {"a\x1b[2Jb", "bell\x07", "c1 \xc2\x9b" "31m", "not UTF-8 \xff"}) {
        INFO(note);
        e2e::expect_usage_error(h.run({"log", "cat-cow:10", "--note", note}), {"note"});
        CHECK_FALSE(fs::exists(db_path(h)));
    }
    REQUIRE(h.run({"log", "cat-cow:10", "--note", "a\tb\nc\r\nd"}).status == 0);
    for (const auto& args : std::vector<std::vector<std::string>>{{"history"}, {"undo"}}) {
        const auto r = h.run(args);
        INFO(args.front() << ": " << r.out);
        CHECK(contains(r.out, "a b c  d"));
    }
}

TEST_CASE("plan --no-save does not offer log --plan for a plan it did not keep", "[edges][plan]") {
    Home h;
    CHECK_FALSE(contains(h.run({"plan", "--no-save"}).out, "log --plan"));
    CHECK(contains(h.run({"plan"}).out, "log --plan"));
}

TEST_CASE("due: active hours may run overnight", "[edges][due]") {
    Home h;
    h.write("config/backcare/config.toml", "active_hours = \"22:00-06:00\"\nactive_days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]\n");
    for (const char* now : {"2026-11-23T22:00:00", "2026-11-23T23:59:00", "2026-11-24T00:30:00", "2026-11-24T05:59:00"}) {
        INFO("now " << now);
        h.set("BACKCARE_NOW", now);
        CHECK(h.run({"due"}).status == 0);
    }
    for (const char* now : {"2026-11-23T06:00:00", "2026-11-23T12:00:00", "2026-11-23T21:59:00"}) {
        INFO("now " << now);
        h.set("BACKCARE_NOW", now);
        CHECK(h.run({"due"}).status == 1);
    }
    h.write("config/backcare/config.toml", "active_hours = \"09:00-09:00\"\n");
    e2e::expect_error(h.run({"due"}), 65, {"active_hours"});
}

TEST_CASE("a session dated in the future is refused by import and log -", "[edges][transfer]") {
    // The clock is pinned at 2026-11-23T10:00 (harness); a day of slack is allowed.
    Home h;
    const std::string ok = R"({"started":"2026-11-24T09:00:00Z","entries":["cat-cow:10"]})" "\n";
    const std::string future = R"({"started":"2030-01-01T09:00:00Z","entries":["cat-cow:10"]})" "\n";
    const auto csv = "started,exercise,reps\n2026-11-20T07:00:00Z,cat-cow,10\n2030-01-01T07:00:00Z,cat-cow,10\n";
    e2e::expect_error(h.run({"log", "-"}, ok + future), 65, {"<stdin>:2:", "future"});
    e2e::expect_error(h.run({"import", "-"}, csv), 65, {"<stdin>:3:", "future"});
    CHECK_FALSE(fs::exists(db_path(h)));
    CHECK(h.run({"import", "-"}, ok).status == 0);
}

TEST_CASE("with -q an error is its one line, without the source snippet", "[edges][cli]") {
    Home h;
    h.write("config/backcare/config.toml", "minuts = 1\n");
    const auto loud = h.run({"plan"});
    CHECK(e2e::lines(loud.err).size() > 1);
    const auto quiet = h.run({"-q", "plan"});
    CHECK(quiet.status == 65);
    CHECK(e2e::lines(quiet.err).size() == 1);
}

TEST_CASE("a missing argument is named", "[edges][cli]") {
    Home h;
    e2e::expect_usage_error(h.run({"delete"}), {"missing ID"});
    e2e::expect_usage_error(h.run({"import"}), {"missing FILE"});
}

TEST_CASE("a plan that cannot fill the time asked says so", "[edges][plan]") {
    Home h;
    // Ten exercises off the floor, in rounds, fill even 90 minutes; three floor stretches do not.
    CHECK_FALSE(contains(h.run({"plan", "--minutes", "90", "--no-save"}).out, "of the 90 minutes"));
    const auto floor = h.run({"plan", "-g", "flexibility", "-p", "floor", "--minutes", "90", "--no-save"}).out;
    CHECK(contains(floor, "of the 90 minutes"));
    CHECK(contains(e2e::unwrap(floor), "4 times over (4 rounds at most)."));
    CHECK_FALSE(contains(h.run({"plan", "--minutes", "10", "--no-save"}).out, "of the 10 minutes"));
}

TEST_CASE("log --at reads the started form export writes, and seconds ago", "[edges][log]") {
    Home h;  // TZ=UTC, now 2026-11-23T10:00:00
    const auto a = h.run({"log", "cat-cow:10", "--at", "2026-11-23T08:30:00+01:00", "--format", "json"});
    REQUIRE(a.status == 0);
    // The offset written with the time says where it happened: it wins over TZ, as in 'log -'.
    CHECK(Json::parse(a.out).at("started") == "2026-11-23T08:30:00+01:00");
    const auto b = h.run({"log", "cat-cow:10", "--at", "-90s", "--format", "json"});
    REQUIRE(b.status == 0);
    CHECK(Json::parse(b.out).at("started") == "2026-11-23T09:58:30+00:00");
    e2e::expect_usage_error(h.run({"log", "cat-cow:10", "--at", "2026-11-23T08:30:00+15:00"}), {"--at"});
}

TEST_CASE("an unknown long option suggests the nearest one", "[edges][cli]") {
    Home h;
    e2e::expect_usage_error(h.run({"--colour", "never", "plan"}), {"--colour", "did you mean '--color'?"});
    e2e::expect_usage_error(h.run({"plan", "--sed", "3"}), {"--sed", "did you mean '--seed'?"});
}

TEST_CASE("log --plan stores the time the plan said - skipping all of it is refused", "[edges][log]") {
    Home h;
    const auto plan = h.run({"plan", "--seed", "5", "--format", "json"});
    REQUIRE(plan.status == 0);
    const Json p = Json::parse(plan.out);
    const auto logged = h.run({"log", "--plan", "--format", "json"});
    REQUIRE(logged.status == 0);
    CHECK(Json::parse(logged.out).at("duration_seconds") == p.at("total_seconds"));
    std::vector<std::string> args{"log", "--plan"};
    for (const auto& x : p.at("exercises")) {
        args.push_back("--skip");
        args.push_back(x.at("id").get<std::string>());
    }
    const auto before = h.snapshot();
    e2e::expect_usage_error(h.run(args), {"--skip"});
    CHECK(h.snapshot() == before);
}

TEST_CASE("on a narrow terminal a plan's rows fit its width", "[edges][plan]") {
    Home h;
    h.set("COLUMNS", "40");
    const auto r = h.run({"plan", "--no-save", "--seed", "3", "--minutes", "5"});
    REQUIRE(r.status == 0);
    const auto lines = e2e::lines(r.out);
    for (std::size_t i = 3; i < lines.size(); ++i) {  // after the heading
        INFO(lines[i]);
        CHECK(e2e::display_width(lines[i]) <= 40);
    }
}
