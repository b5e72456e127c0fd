// SPDX-License-Identifier: MIT
// The README's "Scripting and cron" recipes, run as cron runs them: /bin/sh
// with only HOME, LOGNAME, SHELL and PATH (backcare's directory standing for
// /usr/local/bin), no terminal and no XDG_* variables.
#include <filesystem>
#include <fstream>
#include <regex>

#include <catch2/catch.hpp>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::contains;
using e2e::Home;

namespace {

namespace fs = std::filesystem;

// The shell lines of the README's "Scripting and cron" section (comments and
// crontab schedules dropped), so that the recipes tested are the ones shown.
std::vector<std::string> readme_recipes() {
    const std::string readme = e2e::read_file(e2e::source_path("README.md"));
    const auto start = readme.find("## Scripting and cron");
    const auto end = readme.find("\n## ", start + 1);
    REQUIRE(start != std::string::npos);
    std::vector<std::string> out;
    bool code = false;
    for (const auto& line : e2e::lines(readme.substr(start, end - start))) {
        if (line.rfind("```", 0) == 0) {
            code = !code;
            continue;
        }
        if (!code || line.empty() || line[0] == '#') continue;
        // "*/30 9-17 * * 1-5 command": the five schedule fields go.
        static const std::regex schedule(R"(^(\S+\s+){5})");
        out.push_back(std::regex_search(line, std::regex(R"(^[*0-9/,-]+\s)")) ? std::regex_replace(line, schedule, "") : line);
    }
    return out;
}

struct Cron {
    Home h;
    fs::path bin = h.dir() / "bin";
    Cron() {
        fs::create_directories(bin);
        fs::create_symlink(BACKCARE_BINARY, bin / "backcare");
        // A desktop notifier stand-in that shows what it was given.
        h.write("bin/notify-send", "#!/bin/sh\nprintf 'notify: %s\\n' \"$@\"\n");
        fs::permissions(bin / "notify-send", fs::perms::owner_all);
    }
    e2e::Result run(const std::string& command) const {
        e2e::Proc p;
        p.program = "/bin/sh";
        p.args = {"-c", command};
        p.env = {"HOME=" + h.dir().string(), "LOGNAME=backcare-test", "SHELL=/bin/sh", "PATH=" + bin.string() + ":/usr/bin:/bin",
                 "BACKCARE_NOW=2026-11-23T10:00:00"};  // a Monday morning, for a result that does not depend on the day
        p.cwd = h.dir();
        return e2e::run(p);
    }
};

const std::string& recipe_with(const std::vector<std::string>& recipes, const std::string& fragment) {
    for (const auto& r : recipes)
        if (contains(r, fragment)) return r;
    FAIL("no recipe in the README contains " << fragment);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("cron recipes: a desk routine when a session is due", "[cron]") {
    Cron c;
    const auto recipes = readme_recipes();
    const auto& line = recipe_with(recipes, "backcare due -q &&");
    const auto r = c.run(line);
    INFO(line << "\n" << r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(contains(r.out, "notify: Back break"));
    CHECK(contains(r.out, "routine at the desk"));  // the plan
    CHECK_FALSE(e2e::has_ansi(r.out));
    // Logged today already: not due, nothing shown, exit 1 (cron mails nothing).
    REQUIRE(c.run("backcare log -q cat-cow:10").status == 0);
    const auto quiet = c.run(line);
    CHECK(quiet.status == 1);
    CHECK(quiet.out.empty());
    CHECK(quiet.err.empty());
    // The log went where a person's own backcare finds it, without XDG_* set.
    CHECK(fs::exists(c.h.dir() / ".local/share/backcare/backcare.db"));
}

TEST_CASE("cron recipes: logging from a script with a UUID stores one session however often it runs", "[cron]") {
    Cron c;
    const auto recipes = readme_recipes();
    const std::string script = recipe_with(recipes, "uuid=$(") + "\n" + recipe_with(recipes, "backcare log --uuid");
    for (int i = 0; i < 3; ++i) {
        // The same UUID each time, as a retried job would have: fixed here.
        const auto r = c.run("cat() { echo 0f6b7e2a-3c1d-4e5f-8a9b-0c1d2e3f4a5b; }\n" + script);
        INFO(r.err);
        CHECK(r.status == 0);
    }
    CHECK(e2e::logs::count_sessions(c.h.dir() / ".local/share/backcare/backcare.db") == 1);
    const auto fresh = c.run(script);  // a real run: a random UUID from the kernel
    CHECK(fresh.status == 0);
    CHECK(e2e::logs::count_sessions(c.h.dir() / ".local/share/backcare/backcare.db") == 2);
}

TEST_CASE("cron recipes: sessions from another tool, the nightly count and the spreadsheet export", "[cron]") {
    Cron c;
    const auto recipes = readme_recipes();
    const auto piped = c.run(recipe_with(recipes, "| backcare log -"));
    INFO(piped.err);
    REQUIRE(piped.status == 0);
    REQUIRE(c.run("backcare log -q chin-tuck:10").status == 0);

    REQUIRE(fs::exists("/usr/bin/jq"));  // .ci/run installs jq
    const auto nightly = c.run(recipe_with(recipes, "backcare stats --format json | jq"));
    INFO(nightly.err);
    CHECK(nightly.status == 0);
    CHECK(e2e::read_file(c.h.dir() / ".backcare-week") == "1 of 5 sessions this week\n");

    const auto spreadsheet = c.run(recipe_with(recipes, "backcare export --format csv"));
    CHECK(spreadsheet.status == 0);
    const auto rows = e2e::lines(e2e::read_file(c.h.dir() / "backcare.csv"));
    REQUIRE(rows.size() == 1 + 3);  // a header, and one row per exercise
    CHECK(rows[0].rfind("uuid,", 0) == 0);
}
