// SPDX-License-Identifier: MIT
// The README, the man page and --help describe the same program as the code.
#include <ctime>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "harness.hpp"
#include "log_helpers.hpp"

using e2e::Home;
using e2e::listed_commands;
using e2e::long_options;

namespace {

std::string words(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& w : v) s += (s.empty() ? "" : " ") + w;
    return s;
}

}  // namespace

TEST_CASE("the README's first example is what backcare prints", "[docs]") {
    const std::string readme = e2e::read_file(e2e::source_path("README.md"));
    const auto start = readme.find("```console\n$ backcare ");
    REQUIRE(start != std::string::npos);
    const auto body = start + std::string("```console\n").size();
    const auto command_end = readme.find('\n', body);
    const auto block_end = readme.find("```\n", command_end);
    REQUIRE(block_end != std::string::npos);
    std::istringstream command(readme.substr(body + 2, command_end - body - 2));
    std::vector<std::string> args;
    for (std::string w; command >> w;) args.push_back(w);
    REQUIRE(args.size() > 1);
    args.erase(args.begin());  // "backcare"
    CHECK(std::find(args.begin(), args.end(), "--seed") != args.end());  // or it would change from day to day
    Home h;
    const auto r = h.run(args);
    REQUIRE(r.status == 0);
    CHECK(r.out == readme.substr(command_end + 1, block_end - command_end - 1));
}

TEST_CASE("every command and each of its options is in the man page", "[docs]") {
    const std::string man = e2e::read_file(e2e::source_path("man/backcare.1"));
    auto in_man = [&](const std::string& text) {
        std::string escaped;
        for (char c : text) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
        return man.find(escaped) != std::string::npos;
    };
    Home h;
    for (const auto& command : listed_commands()) {
        INFO("backcare " << words(command));
        CHECK(in_man("\n.SS " + words(command)));
        auto args = command;
        args.push_back("--help");
        const auto r = h.run(args);
        REQUIRE(r.status == 0);
        for (const auto& option : long_options(r.out)) {
            INFO("--" << option << " is in --help but not in man/backcare.1");
            CHECK(in_man("--" + option));
        }
    }
    const auto r = h.run({"--help"});
    for (const auto& option : long_options(r.out)) {
        INFO("--" << option);
        CHECK(in_man("--" + option));
    }
}

TEST_CASE("the commands are read from --help", "[docs]") {
    // So that a command added to the program is checked in the docs below.
    const auto& commands = listed_commands();
    CHECK(commands.size() >= 13);
    CHECK(std::find(commands.begin(), commands.end(), std::vector<std::string>{"catalogue", "lint"}) != commands.end());
    CHECK(std::find(commands.begin(), commands.end(), std::vector<std::string>{"stats"}) != commands.end());
}

TEST_CASE("the README's tour shows every command", "[docs]") {
    const std::string readme = e2e::read_file(e2e::source_path("README.md"));
    for (const auto& command : listed_commands()) {
        INFO("backcare " << words(command));
        CHECK(readme.find("backcare " + words(command)) != std::string::npos);
    }
}

TEST_CASE("the man pages render without a warning and carry the program's version", "[docs]") {
    Home h;
    // The pages carry the version in CMakeLists.txt, the one place it is set; the program says it at a
    // release, and what git describe says of the build between releases ("0.2.0-3-gabc1234").
    const std::string cmake = e2e::read_file(e2e::source_path("CMakeLists.txt"));
    std::smatch m;
    REQUIRE(std::regex_search(cmake, m, std::regex(R"(project\(backcare VERSION ([0-9.]+))")));
    const std::string version = "backcare " + m[1].str() + "\n";
    const std::string said = h.run({"--version"}).out;
    REQUIRE(said.rfind("backcare ", 0) == 0);
    if (said.find('-') == std::string::npos) CHECK(said == version);
    for (const char* page : {"backcare.1", "backcare-catalogue.5", "backcare-config.5", "backcare-files.5"}) {
        const std::string path = std::string(BACKCARE_MAN_DIR) + "/" + page;
        INFO(path);
        REQUIRE(std::filesystem::exists("/usr/bin/groff"));  // .ci/run installs groff-base
        e2e::Proc p;
        p.program = "/usr/bin/groff";
        p.args = {"-ww", "-z", "-man", path};
        p.env = h.environment();
        p.cwd = h.dir();
        const auto r = e2e::run(p);
        CHECK(r.status == 0);
        CHECK(r.err.empty());
        const std::string text = e2e::read_file(path);
        CHECK(text.find("\"" + version.substr(0, version.size() - 1) + "\"") != std::string::npos);
        CHECK(text.find("@PROJECT_VERSION@") == std::string::npos);  // every placeholder filled
        CHECK(text.find("@BACKCARE_MAN_DATE@") == std::string::npos);
    }
}

TEST_CASE("mandoc finds nothing in the man pages, style included", "[docs]") {
    if (!std::filesystem::exists("/usr/bin/mandoc")) {
        WARN("mandoc is not installed; .ci/run installs it");
        return;
    }
    Home h;
    for (const char* page : {"backcare.1", "backcare-catalogue.5", "backcare-config.5", "backcare-files.5"}) {
        const std::string path = std::string(BACKCARE_MAN_DIR) + "/" + page;
        INFO(path);
        e2e::Proc p;
        p.program = "/usr/bin/mandoc";
        p.args = {"-T", "lint", "-W", "style", path};
        p.env = h.environment();
        p.cwd = h.dir();
        const auto r = e2e::run(p);
        CHECK(r.out.empty());
        CHECK(r.status == 0);
    }
}

TEST_CASE("backcare-files(5): its example queries run, read-only, on a log and give what the log holds", "[docs]") {
    Home h;
    // Now, for SQLite's date('now'): the sessions are logged at the real time.
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    h.set("BACKCARE_NOW", stamp);
    REQUIRE(h.run({"log", "cat-cow:10", "chin-tuck:10", "--duration", "10m"}).status == 0);
    REQUIRE(h.run({"log", "cat-cow:8", "--duration", "5m"}).status == 0);
    std::string page = e2e::read_file(e2e::source_path("man/backcare-files.5"));
    // The SQL of each example, as a shell would pass it: groff's escapes undone.
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{{"\\(aq", "'"}, {"\\-", "-"}, {"\\e", "\\"}})
        for (std::size_t at; (at = page.find(from)) != std::string::npos;) page.replace(at, from.size(), to);
    std::vector<std::string> queries;
    for (std::size_t at = 0; (at = page.find("\"SELECT", at)) != std::string::npos;) {
        const auto end = page.find('"', at + 1);
        queries.push_back(page.substr(at + 1, end - at - 1));
        at = end;
    }
    REQUIRE(queries.size() == 2);
    SQLite::Database db(e2e::logs::db_path(h), SQLite::OPEN_READONLY);
    SQLite::Statement days(db, queries[0]);
    REQUIRE(days.executeStep());
    CHECK(days.getColumn(1).getInt() == 2);
    CHECK(days.getColumn(2).getInt() == 15);
    SQLite::Statement done(db, queries[1]);
    REQUIRE(done.executeStep());
    CHECK(done.getColumn(0).getString() == "cat-cow");
    CHECK(done.getColumn(1).getInt() == 2);
}
