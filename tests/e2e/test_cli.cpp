// SPDX-License-Identifier: MIT
// The command line as a whole: version, help, and how usage mistakes are refused.
#include <regex>

#include <catch2/catch.hpp>

#include "harness.hpp"

using e2e::contains;
using e2e::Home;
using Json = nlohmann::json;

TEST_CASE("backcare --version prints the name and version and exits 0", "[cli]") {
    Home h;
    for (const char* flag : {"--version", "-V"}) {
        INFO(flag);
        const auto r = h.run({flag});
        CHECK(r.status == 0);
        CHECK(r.err.empty());
        REQUIRE(e2e::lines(r.out).size() == 1);
        CHECK(r.out.rfind("backcare ", 0) == 0);
        // A release's number follows the name, or between releases what git describe says of the build:
        // 0.2.0, 0.2.0-3-gabc1234, 0.2.0-3-gabc1234-dirty, or 0.2.0-gabc1234 before the first tag.
        const std::string version = r.out.substr(9, r.out.size() - 10);
        CHECK(std::regex_match(version, std::regex(R"([0-9]+\.[0-9]+\.[0-9]+(-[0-9]+)?(-g[0-9a-f]+)?(-dirty)?)")));
    }
}

TEST_CASE("backcare --version needs no HOME: it touches no files", "[cli]") {
    Home h;
    h.unset("HOME");
    h.unset("XDG_CONFIG_HOME");
    h.unset("XDG_STATE_HOME");
    h.unset("XDG_DATA_HOME");
    const auto r = h.run({"--version"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
}

TEST_CASE("backcare --help lists the global options and the commands", "[cli]") {
    Home h;
    const auto r = h.run({"--help"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    for (const char* s : {"--help", "--version", "--db", "--config", "--color", "--quiet", "plan", "catalogue", "config"}) {
        INFO(s);
        CHECK(contains(r.out, s));
    }
    CHECK(h.run({"-h"}).out == r.out);
}

TEST_CASE("plan --help lists every plan option and touches no files", "[cli][plan]") {
    Home h;
    const auto before = h.snapshot();
    const auto r = h.run({"plan", "--help"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    for (const char* s : {"--goal", "--minutes", "--equipment", "--place", "--level", "--seed", "--format", "--no-save",
                          "flexibility", "strength", "posture", "balanced", "desk", "floor", "markdown"}) {
        INFO(s);
        CHECK(contains(r.out, s));
    }
    CHECK(h.snapshot() == before);
    CHECK_FALSE(std::filesystem::exists(h.state_dir()));
}

TEST_CASE("catalogue --help lists list, show and lint, and each has its own help", "[cli][catalogue]") {
    Home h;
    const auto r = h.run({"catalogue", "--help"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    for (const char* s : {"list", "show", "lint"}) {
        INFO(s);
        CHECK(contains(r.out, s));
    }
    const auto list = h.run({"catalogue", "list", "--help"});
    CHECK(list.status == 0);
    for (const char* s : {"--goal", "--equipment", "--place", "--level", "--format"}) {
        INFO(s);
        CHECK(contains(list.out, s));
    }
    const auto show = h.run({"catalogue", "show", "--help"});
    CHECK(show.status == 0);
    CHECK(contains(show.out, "--format"));
    const auto lint = h.run({"catalogue", "lint", "--help"});
    CHECK(lint.status == 0);
    CHECK(contains(lint.out, "FILE"));
    const auto config = h.run({"config", "--help"});
    CHECK(config.status == 0);
    CHECK(contains(config.out, "--format"));
}

TEST_CASE("an unknown subcommand is refused with status 2, naming it", "[cli][bad-input]") {
    Home h;
    const auto before = h.snapshot();
    e2e::expect_usage_error(h.run({"frobnicate"}), {"frobnicate"});
    CHECK(h.snapshot() == before);
}

TEST_CASE("an unknown catalogue subcommand is refused with status 2, naming it", "[cli][bad-input]") {
    Home h;
    e2e::expect_usage_error(h.run({"catalogue", "frob"}), {"frob"});
}

TEST_CASE("an unknown option is refused with status 2, naming it", "[cli][bad-input]") {
    Home h;
    h.run({"plan", "--seed", "1"});
    const auto before = h.snapshot();
    SECTION("after the command") { e2e::expect_usage_error(h.run({"plan", "--frob"}), {"--frob"}); }
    SECTION("before any command") { e2e::expect_usage_error(h.run({"--frob"}), {"--frob"}); }
    SECTION("before the command") { e2e::expect_usage_error(h.run({"--frob", "plan"}), {"--frob"}); }
    SECTION("an unexpected argument") { e2e::expect_usage_error(h.run({"plan", "extra"}), {"extra"}); }
    CHECK(h.snapshot() == before);
}

TEST_CASE("no CLI11 exit status (100 or more) ever leaks out: parse errors exit 2", "[cli][bad-input]") {
    Home h;
    const std::vector<std::vector<std::string>> cases{
        {"catalogue"},
        {"plan", "--minutes"},
        {"plan", "-m", "5", "-m", "6"},
        {"plan", "--format", "xml"},
        {"plan", "--no-save=maybe"},
        {"--color"},
        {"--color", "purple", "plan"},
        {"catalogue", "show"},
        {"catalogue", "lint"},
        {"catalogue", "list", "--format", "yaml"},
        {"catalogue", "show", "cat-cow", "--format", "tsv"},
        {"config", "--format", "csv"},
        {"config", "extra"},
    };
    for (const auto& args : cases) {
        std::string shown;
        for (const auto& a : args) shown += a + " ";
        INFO("backcare " << shown);
        const auto r = h.run(args);
        CHECK(r.status == 2);
        CHECK(r.status < 100);
        CHECK(r.out.empty());
        CHECK(r.err.rfind("backcare: error: ", 0) == 0);
    }
}

TEST_CASE("a bad --format value names the option and the value", "[cli][bad-input]") {
    Home h;
    e2e::expect_usage_error(h.run({"plan", "--format", "xml"}), {"--format", "xml"});
    e2e::expect_usage_error(h.run({"--color", "purple", "plan"}), {"--color", "purple"});
}

TEST_CASE("backcare alone and backcare help: the help on stdout, status 0, and help for any command", "[cli][help]") {
    Home h;
    const auto bare = h.run({});
    CHECK(bare.status == 0);
    CHECK(bare.err.empty());
    CHECK(bare.out == h.run({"--help"}).out);
    CHECK(h.run({"help"}).out == bare.out);
    for (const auto& command : e2e::listed_commands()) {
        std::vector<std::string> help{"help"}, flag = command;
        help.insert(help.end(), command.begin(), command.end());
        flag.push_back("--help");
        INFO(Json(command).dump());
        const auto a = h.run(help), b = h.run(flag);
        CHECK(a.status == 0);
        CHECK(a.out == b.out);
        // The same last line on every help page.
        CHECK(e2e::lines(a.out).back() == "Run 'backcare help COMMAND' for a command's options; 'man backcare' for everything.");
    }
    e2e::expect_usage_error(h.run({"help", "plam"}), {"no command 'plam'", "did you mean plan?"});
}

TEST_CASE("help and the version that cannot be written: 74, said on stderr", "[cli][help]") {
    Home h;
    for (const auto& args : std::vector<std::vector<std::string>>{{"--help"}, {"--version"}, {"plan", "--help"}, {}, {"help", "log"}}) {
        INFO(Json(args).dump());
        e2e::Proc p;
        p.args = args;
        p.env = h.environment();
        p.cwd = h.dir();
        p.stdout_path = "/dev/full";
        const auto r = e2e::run(p);
        CHECK(r.status == 74);
        CHECK(e2e::contains(r.err, "cannot write to standard output"));
    }
}

TEST_CASE("CLI11's value errors in the words of every other message", "[cli][bad-input]") {
    Home h;
    e2e::expect_usage_error(h.run({"plan", "--format", "jsn"}), {"--format must be text, json, tsv or markdown, not 'jsn'"});
    e2e::expect_usage_error(h.run({"--color", "purple", "plan"}), {"--color must be auto, always or never, not 'purple'"});
    e2e::expect_usage_error(h.run({"stats", "--format", "xml"}), {"--format must be text, json or csv, not 'xml'"});
}

TEST_CASE("log - and import - at a terminal say what they wait for", "[cli][terminal]") {
    Home h;
    // At a terminal, with nothing typed (Ctrl-D at once): the hint, then no session.
    const auto r = h.run_tty({"import", "-"}, 80, "\x04");
    CHECK(e2e::contains(r.out, "reading sessions from the terminal, as JSON Lines or CSV; end with Ctrl-D"));
    // Not on a pipe.
    const auto piped = h.run({"import", "-"}, "");
    CHECK_FALSE(e2e::contains(piped.err, "reading sessions"));
}
